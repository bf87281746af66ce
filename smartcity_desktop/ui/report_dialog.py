"""The Reports dialog: pick a briefing kind, ministry, status date, baseline and options.

The same choices as ``python main.py report``: language of the briefing (Korean
or English, defaulting to the window's), PDF or editable DOCX, and the detailed
version. Generation runs off the GUI thread through
:func:`.workers.run_in_background` (progress dialog with Cancel) on its own
database connection; when done the file opens in the system viewer, or the
dialog says where it was saved.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QDate, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..domain import model as m
from ..reporting.builder import ReportError, default_filename, generate_report, resolve_redact
from ..reporting.definitions import DefinitionError, ReportDefinition, load_definitions
from ..store import open_store
from .file_dialogs import save_file, start_folder
from .workers import BackgroundJob, describe_error, run_in_background


def _default_folder() -> Path:
    return start_folder("report")  # the last folder a briefing went to, else Documents


class ReportDialog(QDialog):
    """Options for one briefing; :meth:`generate` starts it in the background."""

    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.store = context.store
        self.job: BackgroundJob | None = None
        self.last_path: Path | None = None
        self.open_when_done = True
        self.setWindowTitle(self.tr("Reports"))
        try:
            self.definitions: dict[str, ReportDefinition] = load_definitions()
        except DefinitionError as exc:
            self.definitions = {}
            load_error = str(exc)
        else:
            load_error = ""

        self.kind = QComboBox()
        for kind, d in self.definitions.items():
            self.kind.addItem(f"{d.title(getattr(context, 'lang', 'ko'))} ({kind})", kind)
        self.ministry = QComboBox()
        for org in self.store.organisations():
            if org.kind in (m.OrgKind.MINISTRY, m.OrgKind.COMMITTEE):
                self.ministry.addItem(f"{org.name_ko} ({org.code})", org.code)
        self._select_own_ministry()
        project = self.store.project()
        as_of = project.status_date or date.today()
        self.as_of = QDateEdit(QDate(as_of.year, as_of.month, as_of.day))
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.baseline = QComboBox()
        baselines = self.store.all(m.Baseline, order_by="created_at, id")
        self.baseline.addItem(self.tr("Latest baseline") if baselines
                              else self.tr("No baseline saved"), None)
        for b in reversed(baselines):
            self.baseline.addItem(f"{b.name} ({b.created_at[:10]})", b.name)
        self.lang = QComboBox()  # the briefing's language; the window's by default
        self.lang.addItem("한국어", "ko")
        self.lang.addItem("English", "en")
        self.lang.setCurrentIndex(1 if getattr(context, "lang", "ko") == "en" else 0)
        self.fmt = QComboBox()
        self.fmt.addItem(self.tr("PDF (print)"), "pdf")
        self.fmt.addItem(self.tr("DOCX (editable in Word or Hangul)"), "docx")
        self.detail = QCheckBox(self.tr("Detailed version (tiled Gantt, contacts, annex)"))
        self.pages_wide = QSpinBox()
        self.pages_wide.setRange(0, 50)
        self.pages_wide.setSpecialValueText(self.tr("Automatic"))
        self.pages_wide.setToolTip(self.tr("Fit the Gantt chart to this many pages across"))
        self.redact = QCheckBox(self.tr("Leave personal names and phone numbers out"))
        self.redact.setChecked(resolve_redact(self.store, None))
        self.open_after = QCheckBox(self.tr("Open the file when it is ready"))
        self.open_after.setChecked(True)
        self.out = QLineEdit()
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out, 1)
        out_row.addWidget(browse)

        form = QFormLayout()
        form.addRow(self.tr("Report"), self.kind)
        form.addRow(self.tr("Ministry"), self.ministry)
        form.addRow(self.tr("Status date"), self.as_of)
        form.addRow(self.tr("Baseline"), self.baseline)
        form.addRow(self.tr("Language"), self.lang)
        form.addRow(self.tr("Format"), self.fmt)
        form.addRow("", self.detail)
        form.addRow(self.tr("Gantt pages wide"), self.pages_wide)
        form.addRow("", self.redact)
        form.addRow(self.tr("Save as"), out_row)
        form.addRow("", self.open_after)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.message = QLabel(load_error)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.generate_button = self.buttons.addButton(self.tr("Generate"),
                                                      QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.generate)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.description)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.as_of.dateChanged.connect(self._kind_changed)
        self.lang.currentIndexChanged.connect(self._kind_changed)
        self.fmt.currentIndexChanged.connect(self._format_changed)
        self.generate_button.setEnabled(bool(self.definitions))
        self._out_edited = False
        self.out.textEdited.connect(lambda _t: setattr(self, "_out_edited", True))
        self._kind_changed()

    # -- helpers ---------------------------------------------------------------------------
    def _select_own_ministry(self) -> None:
        try:
            from .preferences import own_ministry

            code = own_ministry()
        except Exception:  # noqa: BLE001 - preferences are optional here
            code = ""
        index = self.ministry.findData(code) if code else -1
        if index >= 0:
            self.ministry.setCurrentIndex(index)

    def current_definition(self) -> ReportDefinition | None:
        return self.definitions.get(self.kind.currentData())

    def chosen_date(self) -> date:
        q = self.as_of.date()
        return date(q.year(), q.month(), q.day())

    def _kind_changed(self) -> None:
        d = self.current_definition()
        self.ministry.setEnabled(bool(d and d.needs_ministry))
        self.pages_wide.setEnabled(bool(d and d.has("gantt")))
        self.baseline.setEnabled(bool(d and (d.has("slipped") or d.has("summary"))))
        self.description.setText(d.description_ko if d else "")
        if d and not self._out_edited:
            name = default_filename(d.kind, self.chosen_date(), self.fmt.currentData(),
                                    self.lang.currentData())
            self.out.setText(str(_default_folder() / name))

    def _format_changed(self) -> None:
        """Keep a typed path but give it the chosen format's suffix."""
        suffix = f".{self.fmt.currentData()}"
        text = self.out.text().strip()
        if text and self._out_edited:
            self.out.setText(str(Path(text).with_suffix(suffix)))
        self._kind_changed()

    def _browse(self) -> None:
        fmt = self.fmt.currentData()
        kinds = self.tr("PDF files (*.pdf)") if fmt == "pdf" else self.tr("Word files (*.docx)")
        path = save_file(self, self.tr("Save briefing as"), self.out.text(), kinds, "report")
        if path:
            if not path.lower().endswith(f".{fmt}"):
                path += f".{fmt}"
            self.out.setText(path)
            self._out_edited = True

    def options(self) -> dict[str, Any]:
        d = self.current_definition()
        return {
            "kind": d.kind if d else "",
            "ministry_code": self.ministry.currentData() if d and d.needs_ministry else None,
            "as_of": self.chosen_date(),
            "baseline": self.baseline.currentData(),
            "out_path": Path(self.out.text().strip()).expanduser(),
            "fit_pages_wide": self.pages_wide.value() or None,
            "redact": self.redact.isChecked(),
            "lang": self.lang.currentData(),
            "fmt": self.fmt.currentData(),
            "detail": self.detail.isChecked(),
        }

    # -- generation ------------------------------------------------------------------------
    def generate(self) -> None:
        # a finished job deletes itself (and its thread): only a live one blocks a new run
        if self.job is not None and shiboken6.isValid(self.job) and \
                shiboken6.isValid(self.job.thread) and self.job.is_running():
            return
        if not self.out.text().strip():
            self._show(self.tr("Choose where to save the briefing."), error=True)
            return
        options = self.options()
        db_path = self.store.path
        self.open_when_done = self.open_after.isChecked()
        plan = self.context.plan.snapshot()  # the window's schedule: not read again

        def work(progress: Any) -> Path:
            store = open_store(db_path, create=False, keep_backups=0)  # this thread's own
            try:
                return generate_report(store, progress=progress, plan=plan, **options)
            finally:
                store.close()

        self.generate_button.setEnabled(False)
        self._show(self.tr("Generating…"))
        self.job = run_in_background(self, self.tr("Generating briefing"), work, self._done,
                                     on_error=self._failed, on_cancel=self._cancelled)

    def _show(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "")
        self.message.setText(text)

    def _done(self, path: Path) -> None:
        self.generate_button.setEnabled(True)
        self.last_path = Path(path)
        if self.open_when_done and QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self._show(self.tr("Saved and opened: {0}").format(path))
        else:
            self._show(self.tr("Saved: {0}").format(path))

    def _failed(self, exc: BaseException) -> None:
        self.generate_button.setEnabled(True)
        lang = getattr(self.context, "lang", "ko")
        self._show(exc.text(lang) if isinstance(exc, ReportError) else describe_error(exc),
                   error=True)

    def _cancelled(self) -> None:
        self.generate_button.setEnabled(True)
        self._show(self.tr("Cancelled; nothing was written."))


def open_report_dialog(parent: QWidget | None, context: Any) -> ReportDialog:
    """Show the Reports dialog (modal) for the application context."""
    dialog = ReportDialog(context, parent)
    dialog.exec()
    return dialog
