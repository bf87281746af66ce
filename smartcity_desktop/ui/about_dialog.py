"""Help › 정보 (About): version, database schema, data location and licences.

The facts come from :mod:`smartcity_desktop.about`, the same source as
``python main.py --version``: installed metadata, the open database's schema
version (read read-only) and where the file lives. The officer can open the
data folder or copy everything as text for a helpdesk.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import about
from ..messages import msg


class AboutDialog(QDialog):
    """What is installed and where the data is; nothing here changes anything."""

    def __init__(self, db_path: Path | str, lang: str = "ko",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.facts = about.gather(Path(db_path), lang)
        self.open_url = QDesktopServices.openUrl  # tests replace this
        self.setWindowTitle(self.tr("About"))
        self.resize(720, 560)
        layout = QVBoxLayout(self)
        title = QLabel(f"<b>{msg('about.title').text(lang)}</b> {self.facts.version}")
        title.setObjectName("about_title")
        layout.addWidget(title)
        self.lines = {}
        for key, text in [("schema", about.schema_line(self.facts, lang)),
                          ("data", about.data_line(self.facts, lang)),
                          ("runtime", about.runtime_line(self.facts, lang))]:
            label = QLabel(text)
            label.setObjectName(f"about_{key}")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.lines[key] = label
            layout.addWidget(label)
        layout.addWidget(QLabel(self.tr("Components and licences")))
        self.table = self._licence_table()
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_folder = QPushButton(self.tr("Open data folder"))
        self.copy = QPushButton(self.tr("Copy details"))
        buttons.addButton(self.open_folder, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_folder.clicked.connect(self.open_data_folder)
        self.copy.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _licence_table(self) -> QTableWidget:
        rows = self.facts.components
        table = QTableWidget(len(rows), 3, self)
        table.setObjectName("about_licences")
        table.setHorizontalHeaderLabels([self.tr("Component"), self.tr("Version"),
                                         self.tr("Licence")])
        for row, component in enumerate(rows):
            licence = component.licence + (f" ({component.note})" if component.note else "")
            for col, text in enumerate((component.name, component.version, licence)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                table.setItem(row, col, item)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        return table

    def open_data_folder(self) -> bool:
        folder = self.facts.db_path.parent
        return bool(self.open_url(QUrl.fromLocalFile(str(folder))))

    def copy_details(self) -> str:
        text = about.version_text(self.facts, self.lang)
        QGuiApplication.clipboard().setText(text)
        return text


def open_about(db_path: Path | str, lang: str, parent: QWidget | None = None) -> None:
    dialog = AboutDialog(db_path, lang, parent)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()
