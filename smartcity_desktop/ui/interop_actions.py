"""File > Import and File > Export: dialogs around :mod:`smartcity_desktop.interop`.

``import_file(parent, context)``: choose a file → (Excel/CSV: map the columns)
→ parse in the background → a preview (counts, first rows, problems) where the
officer chooses where it lands (under a new summary task of the current project,
as a new project, or in a new database file). Landing in the open file is one
undoable edit through the session (the plan and the views follow it like any
edit); a new file is written in the background. ``export_file(parent, context)``:
choose format, ministry and file; data formats are written in the background on
their own read connection, Gantt images (PNG/SVG) by the chart.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain import model as m
from ..interop.apply import Target, apply_preview, apply_to_new_database
from ..interop.errors import InteropError
from ..interop.formats import SUFFIX, export_to, format_of, parse_file
from ..interop.preview import ImportPreview
from ..interop.tabular import FIELD_LABELS, FIELDS, detect_mapping
from ..store import open_store
from .file_dialogs import open_file, save_file
from .workers import BackgroundJob, run_in_background

IMPORT_FILTER = QT_TRANSLATE_NOOP(
    "InteropActions", "All supported (*.xml *.xlsx *.csv *.txt *.ics *.json *.mpp *.gan);;"
    "MS Project XML (*.xml);;Excel (*.xlsx);;CSV (*.csv *.txt);;"
    "iCalendar (*.ics);;Backup (*.json);;MS Project (*.mpp);;GanttProject (*.gan)")
EXPORTS = [("mspdi", "MS Project XML (.xml)"), ("xlsx", "Excel (.xlsx)"), ("csv", "CSV (.csv)"),
           ("ics", "iCalendar (.ics)"),
           ("json", QT_TRANSLATE_NOOP("InteropActions", "Full backup (.json)")),
           ("png", QT_TRANSLATE_NOOP("InteropActions", "Gantt chart image (.png)")),
           ("svg", QT_TRANSLATE_NOOP("InteropActions", "Gantt chart image (.svg)"))]


def _t(text: str) -> str:
    """A table entry marked with ``QT_TRANSLATE_NOOP("InteropActions", ...)``, translated now."""
    return QCoreApplication.translate("InteropActions", text)


def _warn(parent: QWidget | None, title: str, exc: BaseException) -> None:
    QMessageBox.warning(parent, title, str(exc))


# -- import -------------------------------------------------------------------------------
class MappingDialog(QDialog):
    """Which sheet column holds which task field (Excel/CSV import)."""

    def __init__(self, headers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Match the columns"))
        self.headers = headers
        form = QFormLayout()
        auto = detect_mapping(headers)
        self.combos: dict[str, QComboBox] = {}
        for field in FIELDS:
            combo = QComboBox()
            combo.addItem(self.tr("(not in the file)"), -1)
            for i, h in enumerate(headers):
                combo.addItem(f"{i + 1}: {h}", i)
            if field in auto:
                combo.setCurrentIndex(auto[field] + 1)
            self.combos[field] = combo
            form.addRow(FIELD_LABELS[field], combo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The task name column is required.")))
        layout.addLayout(form)
        layout.addWidget(buttons)

    def mapping(self) -> dict[str, int]:
        return {f: c.currentData() for f, c in self.combos.items() if c.currentData() >= 0}

    def _accept(self) -> None:
        if "name_ko" not in self.mapping():
            QMessageBox.warning(self, self.windowTitle(), self.tr("Choose the task name column."))
            return
        self.accept()


class PreviewDialog(QDialog):
    """Counts, first rows and problems; where the import should land."""

    def __init__(self, preview: ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(self.tr("Import preview") + f" — {preview.source}")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"{preview.format.upper()}: {preview.counts_text()}"))
        for note in preview.info:
            layout.addWidget(QLabel(note))
        rows = preview.first_rows(10)
        table = QTableWidget(len(rows), 5)
        table.setObjectName("previewRows")
        table.setHorizontalHeaderLabels([self.tr("WBS"), self.tr("Name"), self.tr("Kind"),
                                         self.tr("Start"), self.tr("Finish")])
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(str(value)))
        table.resizeColumnsToContents()
        layout.addWidget(table)
        self.problems = QListWidget()
        self.problems.setObjectName("previewProblems")
        self.problems.addItems(preview.problems or [self.tr("No problems found.")])
        layout.addWidget(QLabel(self.tr("Problems found")))
        layout.addWidget(self.problems)
        self.group = QButtonGroup(self)
        self.current = QRadioButton(self.tr("Into the current project (under a new summary task)"))
        if preview.plan.events:
            self.current.setText(self.tr("Into the current project (update matching items)"))
        self.new_project = QRadioButton(self.tr("As a new project in this database"))
        self.new_db = QRadioButton(self.tr("Into a new database file…"))
        for i, b in enumerate((self.current, self.new_project, self.new_db)):
            self.group.addButton(b, i)
            layout.addWidget(b)
        backup = preview.plan.backup is not None
        self.current.setEnabled(not backup)
        self.new_project.setEnabled(not backup)
        (self.new_db if backup else self.current).setChecked(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 560)

    def choice(self) -> str:
        return ("current", "new_project", "new_db")[self.group.checkedId()]


def _parse_with_mapping(path: Path, fmt: str, mapping: dict[str, int] | None) -> ImportPreview:
    if fmt == "xlsx":
        from ..interop.xlsx import parse_xlsx

        return parse_xlsx(path, mapping=mapping)
    if fmt == "csv":
        from ..interop.csv_io import parse_csv

        return parse_csv(path, mapping=mapping)
    return parse_file(path, fmt)


def import_file(parent: QWidget, context: Any, path: str | None = None) -> None:
    title = QCoreApplication.translate("InteropActions", "Import")
    if path is None:
        path = open_file(parent, title, _t(IMPORT_FILTER), "import")
        if not path:
            return
    file = Path(path)
    try:
        fmt = format_of(file)
        mapping = None
        if fmt in ("xlsx", "csv"):
            from ..interop.csv_io import csv_headers
            from ..interop.xlsx import sheet_headers

            headers = sheet_headers(file) if fmt == "xlsx" else csv_headers(file)
            dialog = MappingDialog(headers, parent)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            mapping = dialog.mapping()
    except InteropError as exc:
        _warn(parent, title, exc)
        return

    def work(progress: Any) -> ImportPreview:
        progress.report(0.1, QCoreApplication.translate("InteropActions", "Reading the file…"))
        return _parse_with_mapping(file, fmt, mapping)

    run_in_background(parent, title, work,
                      lambda preview: show_preview(parent, context, preview),
                      lambda exc: _warn(parent, title, exc))


def show_preview(parent: QWidget, context: Any, preview: ImportPreview) -> PreviewDialog | None:
    dialog = PreviewDialog(preview, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return dialog
    choice = dialog.choice()
    target_path: Path | None = None
    if choice == "new_db":
        name = save_file(
            parent, QCoreApplication.translate("InteropActions", "New database"), "",
            QCoreApplication.translate("InteropActions", "Databases (*.db)"), "database",
            Path(context.store.path).parent)
        if not name:
            return dialog
        target_path = Path(name)
    land(parent, context, preview, choice, target_path)
    return dialog


def land(parent: QWidget | None, context: Any, preview: ImportPreview, choice: str,
         target_path: Path | None = None) -> BackgroundJob:
    """Land the preview: into the open file as one undoable edit, or into a new file.

    Both run in the background with progress and Cancel (reading and checking the
    file already did). Landing into the open database goes through the session
    like any edit (EditService.run_in_background), so the plan and every view
    follow it and Ctrl+Z takes the whole import back.
    """
    title = QCoreApplication.translate("InteropActions", "Import")
    saving = QCoreApplication.translate("InteropActions", "Saving…")
    if choice == "new_db":
        def work(progress: Any) -> Any:
            progress.report(0.0, saving)
            return apply_to_new_database(preview, target_path, _reporter(progress, saving))

        def created(_result: Any) -> None:
            QMessageBox.information(parent, title, QCoreApplication.translate(
                "InteropActions", "Created {0}. Open it with File > Open.").format(target_path))

        return run_in_background(parent, title, work, created,
                                 lambda exc: _warn(parent, title, exc))
    target = Target.NEW_PROJECT if choice == "new_project" else Target.CURRENT
    label = QCoreApplication.translate("InteropActions", "Import {0}").format(
        Path(preview.source).name)

    def landed(result: Any) -> None:
        QMessageBox.information(parent, title, QCoreApplication.translate(
            "InteropActions", "Imported: {0}").format(result.summary()))

    return context.edits.run_in_background(
        parent, title, label,
        lambda store, progress: apply_preview(store, preview, target,
                                              _reporter(progress, saving)),
        landed, lambda exc: _warn(parent, title, exc))


def _reporter(progress: Any, text: str) -> Callable[[float], None]:
    """Landing's progress into the dialog; Cancel stops it (all rolled back)."""
    def report(fraction: float) -> None:
        progress.check()
        progress.report(fraction, text)
    return report


# -- export -------------------------------------------------------------------------------
class ExportDialog(QDialog):
    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self.format = QComboBox()
        for key, label in EXPORTS:
            self.format.addItem(_t(label), key)
        self.ministry = QComboBox()
        self.ministry.addItem(self.tr("All ministries"), None)
        for org in context.store.organisations():
            if org.kind is m.OrgKind.MINISTRY:
                self.ministry.addItem(f"{org.name_ko} ({org.code})", org.id)
        self.path = QLineEdit()
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Ministry"), self.ministry)
        form.addRow(self.tr("File"), row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.format.currentIndexChanged.connect(self._format_changed)
        self._format_changed()

    def fmt(self) -> str:
        return self.format.currentData()

    def _suffix(self) -> str:
        return SUFFIX.get(self.fmt(), f".{self.fmt()}")

    def _format_changed(self) -> None:
        self.ministry.setEnabled(self.fmt() not in ("json", "png", "svg"))
        text = self.path.text()
        if text:
            self.path.setText(str(Path(text).with_suffix(self._suffix())))

    def _browse(self) -> None:
        name = save_file(self, self.tr("Export"), self.path.text(), f"*{self._suffix()}",
                         "export")
        if name:
            self.path.setText(name if name.endswith(self._suffix()) else name + self._suffix())

    def _accept(self) -> None:
        if not self.path.text().strip():
            QMessageBox.warning(self, self.windowTitle(), self.tr("Choose a file to write."))
            return
        self.accept()


def export_file(parent: QWidget, context: Any) -> ExportDialog:
    dialog = ExportDialog(context, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return dialog
    run_export(parent, context, dialog.fmt(), Path(dialog.path.text().strip()),
               dialog.ministry.currentData() if dialog.ministry.isEnabled() else None)
    return dialog


def run_export(parent: QWidget | None, context: Any, fmt: str, path: Path,
               org_id: int | None = None) -> None:
    title = QCoreApplication.translate("InteropActions", "Export")
    if fmt in ("png", "svg"):
        gantt = getattr(getattr(parent, "gantt_link", None), "gantt", None)
        if gantt is None or not hasattr(gantt, "render_to_image"):
            text = QCoreApplication.translate("InteropActions", "The Gantt chart is not shown.")
            QMessageBox.information(parent, title, text)
            return
        try:
            gantt.render_to_image(path.with_suffix(f".{fmt}"))
        except (OSError, ValueError) as exc:
            _warn(parent, title, exc)
            return
        text = QCoreApplication.translate("InteropActions", "Saved {0}").format(path)
        QMessageBox.information(parent, title, text)
        return
    db_path = Path(context.store.path)
    lang = getattr(context, "lang", "ko")

    def work(progress: Any) -> int:
        progress.report(0.1, QCoreApplication.translate("InteropActions", "Writing…"))
        with open_store(db_path, keep_backups=0) as store:
            return export_to(store, fmt, path, org_id, lang)

    def done(count: int) -> None:
        text = QCoreApplication.translate("InteropActions", "Saved {0} ({1} items)")
        QMessageBox.information(parent, title, text.format(path, count))

    run_in_background(parent, title, work, done, lambda exc: _warn(parent, title, exc))
