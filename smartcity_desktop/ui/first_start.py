"""First start on a new desk, and the desk settings afterwards.

On the first start (the database file did not exist and was just created and
seeded) :func:`show_first_start` says once where the database is, asks for the
desk settings (organisation, officer name, position, role; stored in the
database through :mod:`smartcity_desktop.app.desk`) and offers a link that
writes the sample programme briefing to the Documents folder and opens it.
Edit › Desk settings… opens the same form later, without the first-start text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..app import desk as dp
from ..messages import Refusal
from ..store import open_store
from .preferences import OWN_MINISTRY_KEY, own_ministry, settings
from .workers import describe_error, run_in_background


def documents_folder() -> Path:
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(docs) if docs else Path.home()
    return folder if folder.is_dir() else Path.home()


class DeskDialog(QDialog):
    """The desk-settings form; with ``created_at`` it is the first-start welcome too."""

    def __init__(self, context: Any, created_at: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.store = context.store
        self.created_at = created_at
        self.open_url = QDesktopServices.openUrl  # tests replace this
        self.briefing_folder = documents_folder()
        self.job = None
        self.briefing_path: Path | None = None
        self.setWindowTitle(self.tr("Welcome") if created_at else self.tr("Desk settings"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        if created_at is not None:
            self.where = QLabel(self.tr("Your database was created here:\n{0}\nIt holds the "
                                        "whole pilot-city plan; backups are kept beside it.")
                                .format(created_at))
            self.where.setObjectName("first_start_where")
            self.where.setWordWrap(True)
            layout.addWidget(self.where)
        layout.addWidget(QLabel(self.tr("Who keeps this desk? (used in exchanges and reports)")))
        layout.addLayout(self._form())
        if created_at is not None:
            link_text = self.tr("Open the sample briefing (PDF)")
            self.sample = QLabel(f'<a href="#briefing">{link_text}</a>')
            self.sample.setObjectName("first_start_briefing")
            self.sample.linkActivated.connect(lambda _link: self.open_sample_briefing())
            layout.addWidget(self.sample)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        if created_at is not None:
            buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Later"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _form(self) -> QFormLayout:
        lang = getattr(self.context, "lang", "ko")
        profile = dp.read_profile(self.store)
        self.organisation = QComboBox()
        self.organisation.addItem(self.tr("(choose)"), "")
        for org in dp.desk_organisations(self.store):
            self.organisation.addItem(f"{org.name(lang)} ({org.code})", org.code)
        chosen = profile.ministry or own_ministry()
        self.organisation.setCurrentIndex(max(self.organisation.findData(chosen), 0))
        self.officer_name = QLineEdit(profile.officer_name)
        self.officer_name.setMaxLength(dp.MAX_TEXT)
        self.officer_position = QLineEdit(profile.officer_position)
        self.officer_position.setMaxLength(dp.MAX_TEXT)
        self.officer_position.setPlaceholderText(self.tr("e.g. Deputy Director"))
        self.role = QComboBox()
        self.role.addItem(self.tr("Member desk (sends its returns)"), "member")
        self.role.addItem(self.tr("Coordinating desk (collects the returns)"), "coordinator")
        self.role.setCurrentIndex(max(self.role.findData(profile.role), 0))
        form = QFormLayout()
        form.addRow(self.tr("Organisation"), self.organisation)
        form.addRow(self.tr("Officer name"), self.officer_name)
        form.addRow(self.tr("Position"), self.officer_position)
        form.addRow(self.tr("Role"), self.role)
        return form

    def chosen_profile(self) -> dp.DeskProfile:
        return dp.DeskProfile(ministry=self.organisation.currentData() or "",
                              officer_name=self.officer_name.text(),
                              officer_position=self.officer_position.text(),
                              role=self.role.currentData() or dp.DEFAULT_ROLE)

    def _show(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "")
        self.message.setText(text)

    def accept(self) -> None:
        lang = getattr(self.context, "lang", "ko")
        try:
            stored = dp.write_profile(self.store, self.chosen_profile())
        except Refusal as exc:
            self._show(exc.text(lang), error=True)
            return
        if not own_ministry():
            settings().setValue(OWN_MINISTRY_KEY, stored.ministry)  # checklist view's default
        super().accept()

    # -- the sample briefing -----------------------------------------------------------------
    def open_sample_briefing(self) -> None:
        """Write the programme briefing into Documents (off the GUI thread), then open it."""
        from ..reporting.builder import default_filename, generate_report

        if self.job is not None and self.job.is_running():
            return
        db_path = self.store.path
        as_of = self.store.project().status_date
        out = self.briefing_folder / default_filename("programme", as_of) if as_of else None
        out = out or self.briefing_folder / "briefing-programme.pdf"

        def work(progress: Any) -> Path:
            store = open_store(db_path, create=False, keep_backups=0)  # this thread's own
            try:
                return generate_report(store, "programme", as_of=as_of, out_path=out,
                                       progress=progress)
            finally:
                store.close()

        self._show(self.tr("Writing the sample briefing…"))
        self.job = run_in_background(self, self.tr("Sample briefing"), work, self._briefing_done,
                                     on_error=self._briefing_failed)

    def _briefing_done(self, path: Path) -> None:
        self.briefing_path = Path(path)
        if self.open_url(QUrl.fromLocalFile(str(path))):
            self._show(self.tr("Opened: {0}").format(path))
        else:
            self._show(self.tr("Saved: {0}").format(path))

    def _briefing_failed(self, exc: BaseException) -> None:
        lang = getattr(self.context, "lang", "ko")
        from ..reporting.builder import ReportError

        if isinstance(exc, Refusal):
            text = exc.text(lang)
        else:
            text = str(exc) if isinstance(exc, ReportError) else describe_error(exc)
        self._show(text, error=True)


def open_desk_dialog(context: Any, created_at: Path | None = None,
                     parent: QWidget | None = None) -> bool:
    """Show the form (modal); True when the officer saved it."""
    dialog = DeskDialog(context, created_at, parent)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        if dialog.job is not None:
            dialog.job.wait()
        dialog.deleteLater()


def show_first_start(context: Any, db_path: Path, parent: QWidget | None = None) -> bool:
    """The first-start welcome for a database that was just created."""
    return open_desk_dialog(context, created_at=Path(db_path), parent=parent)
