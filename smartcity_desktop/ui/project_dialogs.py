"""Small project-level dialogs of the main window: status date, calendar exceptions, baseline.

Each change is an undoable edit from :mod:`.commands`; refusals are shown in
place and nothing is written.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..app import task_edits
from ..domain import model as m
from ..domain.dates import DateParseError
from ..store import StoreError
from .context import AppContext
from .delegates import PlanDateEdit
from .edits import perform


def _exact(edit: PlanDateEdit, what: str) -> date:
    value = edit.value()
    if value is None or not value.is_exact:
        raise DateParseError(f"{what}: needs an exact day (YYYY-MM-DD)")
    return value.earliest()


class StatusDateDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Status date"))
        self.edit = PlanDateEdit(lang=context.lang, allow_empty=False)
        self.edit.set_value(context.store.project().status_date or date.today())
        self.message = QLabel()
        self.message.setStyleSheet("color: #c62828;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Status date"), self.edit)
        form.addRow(self.message)
        form.addRow(buttons)

    def accept(self) -> None:
        try:
            day = _exact(self.edit, self.tr("status date"))
            self.context.edits.run(self.tr("Set status date {0}").format(day),
                                   task_edits.set_status_date(day))
        except (DateParseError, m.ValidationError, StoreError) as exc:
            self.message.setText(str(exc))
            return
        self.context.statusDateChanged.emit(day)
        super().accept()


class CalendarDialog(QDialog):
    """The project's calendar exceptions (extra holidays and extra working days)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Calendar exceptions"))
        self.resize(560, 420)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Day"), self.tr("Working"),
                                              self.tr("Note")])
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.day = PlanDateEdit(lang=context.lang, allow_empty=False)
        self.working = QCheckBox(self.tr("working day"))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("e.g. temporary public holiday"))
        add = QPushButton(self.tr("Add"))
        add.clicked.connect(self.add)
        remove = QPushButton(self.tr("Remove selected"))
        remove.clicked.connect(self.remove)
        self.message = QLabel()
        self.message.setStyleSheet("color: #c62828;")
        row = QHBoxLayout()
        for widget in (self.day, self.working, self.note, add):
            row.addWidget(widget)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(remove)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.reload()

    def reload(self) -> None:
        self.table.setRowCount(0)
        for ex in self.context.store.all(m.CalendarException, order_by="day"):
            r = self.table.rowCount()
            self.table.insertRow(r)
            item = QTableWidgetItem(ex.day.isoformat())
            item.setData(256, ex.id)
            self.table.setItem(r, 0, item)
            self.table.setItem(r, 1, QTableWidgetItem(self.tr("yes") if ex.working
                                                      else self.tr("no")))
            self.table.setItem(r, 2, QTableWidgetItem(ex.note))

    def add(self) -> None:
        try:
            day = _exact(self.day, self.tr("day"))
            self.context.edits.run(self.tr("Calendar exception {0}").format(day),
                                   task_edits.set_calendar_exception(day, self.working.isChecked(),
                                                                   self.note.text().strip()))
        except (DateParseError, m.ValidationError, StoreError) as exc:
            self.message.setText(str(exc))
            return
        self.message.setText("")
        self.reload()

    def remove(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        ex_id = self.table.item(row, 0).data(256)
        try:
            self.context.edits.run(self.tr("Remove calendar exception"),
                                   task_edits.remove_calendar_exception(ex_id))
        except StoreError as exc:
            self.message.setText(str(exc))
            return
        self.reload()


def baseline_name(store) -> str:
    """A default name after the status date (the plan as reported), "2018-12-26 기준선",
    with a number added when that name is taken."""
    project = store.project()
    day = (project.status_date or date.today()).isoformat()
    base = QCoreApplication.translate("MainWindow", "Baseline as of {0}").format(day)
    taken = {b.name for b in store.all(m.Baseline)}
    name, number = base, 2
    while name in taken:
        name, number = f"{base} ({number})", number + 1
    return name


def ask_baseline(context: AppContext, parent: QWidget | None,
                 rows: list[tuple[int, date, date, int]]) -> m.Baseline | None:
    """Ask for a name and save the current schedule as a baseline (undoable)."""
    default = baseline_name(context.store)
    name, ok = QInputDialog.getText(
        parent, QCoreApplication.translate("MainWindow", "Save baseline"),
        QCoreApplication.translate("MainWindow", "Baseline name:"), text=default)
    if not ok:
        return None
    created = datetime.now().isoformat(timespec="seconds")
    title = QCoreApplication.translate("MainWindow", "Save baseline {0}").format(name)
    return perform(parent, context, title,
                            task_edits.save_baseline(name, rows, created))
