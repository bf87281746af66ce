"""The officer's preferences: language, own ministry, status date, report redaction.

Per-user settings live in an INI file under ``QStandardPaths.AppConfigLocation``
(:func:`settings`; tests switch QStandardPaths to test mode so they never see
the real one). The status date belongs to the project (an undoable edit in the
database) and the redaction choice to the database (reports read it there).

:func:`set_language` swaps the installed translators and announces the change
through ``context.languageChanged`` so menus, headers and views retranslate at
once, without a restart.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..app import checklists as cl
from ..app import task_edits
from ..domain import model as m
from ..domain.dates import DateParseError
from ..store import StoreError
from .context import AppContext
from .delegates import PlanDateEdit, org_items
from .i18n import LANGUAGES, translations
from .officer import Officer, officer, set_officer

LANGUAGE_KEY = "prefs/language"
OWN_MINISTRY_KEY = "checklists/ministry"  # the checklist view reads the same key


ORGANISATION = APPLICATION = "smartcity-desktop"


def configure_settings_location() -> Path:
    """Keep settings under ``QStandardPaths`` (test mode isolates them); call once at start."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    folder = Path(base or Path.home() / ".config")
    folder.mkdir(parents=True, exist_ok=True)
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    return folder


def settings() -> QSettings:
    """The per-user settings (shared with the views, e.g. the checklist's ministry)."""
    return QSettings(ORGANISATION, APPLICATION)


RENUMBER_KEY = "outline/renumber_wbs"
SCROLL_ON_SELECT_KEY = "gantt/scroll_to_selection"


def _flag(key: str, default: bool) -> bool:
    value = settings().value(key, default)
    return value if isinstance(value, bool) else str(value).lower() in ("true", "1")


def renumber_wbs() -> bool:
    """Whether outline edits renumber WBS codes by position (default) or keep them."""
    return _flag(RENUMBER_KEY, True)


def scroll_on_select() -> bool:
    """Whether selecting a task scrolls the chart to its bar (default yes)."""
    return _flag(SCROLL_ON_SELECT_KEY, True)


def saved_language() -> str:
    value = str(settings().value(LANGUAGE_KEY, "ko") or "ko")
    return value if value in LANGUAGES else "ko"


def own_ministry() -> str:
    """The officer's ministry code ("" when not chosen)."""
    return str(settings().value(OWN_MINISTRY_KEY, "") or "")


def set_language(context: AppContext, lang: str) -> str:
    """Switch the interface language now and remember it."""
    lang = translations().apply(lang)
    settings().setValue(LANGUAGE_KEY, lang)
    if context.lang != lang:
        context.lang = lang
        context.languageChanged.emit(lang)
    return lang


class PreferencesDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Preferences"))
        store = context.store
        self.language = QComboBox()
        self.language.addItem("한국어", "ko")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(context.lang), 0))
        self.ministry = QComboBox()
        ministries = [o for o in store.organisations() if o.kind is m.OrgKind.MINISTRY]
        for label, org_id in org_items(ministries, context.lang, self.tr("(none)")):
            code = next((o.code for o in ministries if o.id == org_id), "")
            self.ministry.addItem(label, code)
        profile = officer(store)
        self.ministry.setCurrentIndex(max(self.ministry.findData(
            own_ministry() or profile.ministry), 0))
        self.officer_name = QLineEdit(profile.name)
        self.officer_name.setObjectName("officerName")
        self.officer_name.setPlaceholderText(self.tr("recorded on ticks and sign-offs"))
        self.officer_position = QLineEdit(profile.position)
        self.officer_position.setObjectName("officerPosition")
        self.officer_position.setPlaceholderText(self.tr("e.g. 사무관"))
        self._flags = {RENUMBER_KEY: QCheckBox(self.tr(
            "Renumber WBS codes when tasks are indented, outdented or moved")),
            SCROLL_ON_SELECT_KEY: QCheckBox(self.tr("Scroll the chart to the selected task"))}
        self._flags[RENUMBER_KEY].setChecked(renumber_wbs())
        self._flags[SCROLL_ON_SELECT_KEY].setChecked(scroll_on_select())
        project = store.project()
        self.status_date = PlanDateEdit(lang=context.lang, allow_empty=False)
        self.status_date.set_value(project.status_date or date.today())
        self.redact = QCheckBox(self.tr("Leave personal names and phone numbers out of reports"))
        self.redact.setChecked(cl.redact_personal(store))
        self.message = QLabel()
        self.message.setStyleSheet("color: #c62828;")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("My name"), self.officer_name)
        form.addRow(self.tr("My position"), self.officer_position)
        form.addRow(self.tr("My ministry"), self.ministry)
        form.addRow(self.tr("Status date"), self.status_date)
        form.addRow("", self.redact)
        for box in self._flags.values():
            form.addRow("", box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def chosen_status_date(self) -> date:
        value = self.status_date.value()
        if value is None or not value.is_exact:
            raise DateParseError(self.tr("status date: needs an exact day (YYYY-MM-DD)"))
        return value.earliest()

    def accept(self) -> None:
        try:
            day = self.chosen_status_date()
            project = self.context.store.project()
            if project.status_date != day:
                self.context.edits.run(self.tr("Set status date {0}").format(day),
                                       task_edits.set_status_date(day))
                self.context.statusDateChanged.emit(day)
            store = self.context.store
            if cl.redact_personal(store) != self.redact.isChecked():
                cl.set_redact_personal(store, self.redact.isChecked())
            code = self.ministry.currentData() or ""
            settings().setValue(OWN_MINISTRY_KEY, code)
            set_officer(store, Officer(self.officer_name.text(),
                                       self.officer_position.text(), code))
            for key, box in self._flags.items():
                settings().setValue(key, box.isChecked())
        except (DateParseError, m.ValidationError, StoreError) as exc:
            self.message.setText(str(exc))
            return
        set_language(self.context, self.language.currentData())
        super().accept()


def open_preferences(context: AppContext, parent: QWidget | None = None) -> bool:
    dialog = PreferencesDialog(context, parent)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
