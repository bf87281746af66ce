"""The task dialog: every field of a task, its predecessors, checklist, status updates, notes.

The dialog edits a copy; OK runs everything as ONE undoable edit through
``EditService`` (task fields, link changes with the cycle check, checklist
changes through the checklist rules, an optional new status update). Problems
are shown in place, in the red line under the tabs, and the dialog stays open
with nothing written.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractListModel, QModelIndex, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..app import checklists as cl
from ..app import outline, task_edits
from ..domain import model as m
from ..domain.dates import DateParseError, PlanDate, parse_day
from ..domain.outline import Outline
from ..messages import Refusal
from ..store import Store
from ..store.errors import FieldConflictError
from .context import AppContext
from .delegates import PlanDateEdit, org_items
from .edits import ask_overwrite
from .field_editors import DeclaredEditors
from .officer import officer, tick_day

DEP_TYPES = [t.value for t in m.DependencyType]
RAGS = [(m.Rag.GREEN, QT_TRANSLATE_NOOP("TaskDialog", "Green")),
        (m.Rag.AMBER, QT_TRANSLATE_NOOP("TaskDialog", "Amber")),
        (m.Rag.RED, QT_TRANSLATE_NOOP("TaskDialog", "Red"))]


class TaskChoices(QAbstractListModel):
    """The tasks a predecessor can be, as "WBS  name" rows with the task id as user data."""

    def __init__(self, tasks: list[m.Task], lang: str, parent: QObject | None = None,
                 top_label: str | None = None) -> None:
        super().__init__(parent)
        self.tasks, self.lang = tasks, lang  # labels are made when a row is drawn
        self.top_label = top_label  # a first row meaning "none" (e.g. top level)
        self._first = 0 if top_label is None else 1
        self._row_of: dict[int, int] | None = None

    def row_of(self, task_id: int | None) -> int:
        """The row of a task (0 when absent); the index is made on first use."""
        if self._row_of is None:
            self._row_of = {t.id: row + self._first for row, t in enumerate(self.tasks)}
        return self._row_of.get(task_id, 0) if task_id is not None else 0

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.tasks) + self._first

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.row() < self._first:
            return self.top_label if role == Qt.ItemDataRole.DisplayRole else None
        task = self.tasks[index.row() - self._first]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return f"{task.wbs}  {task.name(self.lang)}"
        if role == Qt.ItemDataRole.UserRole:
            return task.id
        return None


class TaskDialog(QDialog):
    def __init__(self, context: AppContext, task_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.store = context.store
        self.lang = context.lang
        self.task = self.store.get(m.Task, task_id)
        self.setWindowTitle(self.tr("Task {0}").format(self.task.wbs))
        self.resize(760, 560)
        plan = context.plan  # the in-memory plan: no full read of the database to open
        self.orgs = list(plan.orgs.values())
        self.all_tasks = [t for t in plan.ordered_tasks() if t.id != task_id]
        self.deps = [d for d in plan.dependencies.values() if d.successor_id == task_id]
        self._choices: TaskChoices | None = None
        self._taken: set[str] | None = None  # other tasks' WBS codes, made on first check
        self.items = self.store.checklist(task_id)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._general_tab(), self.tr("General"))
        self.tabs.addTab(self._predecessor_tab(), self.tr("Predecessors"))
        self.tabs.addTab(self._checklist_tab(), self.tr("Checklist"))
        self.tabs.addTab(self._status_tab(), self.tr("Status updates"))
        self.notes = QPlainTextEdit(self.task.notes)
        self.tabs.addTab(self.notes, self.tr("Notes"))
        self.message = QLabel(self)
        self.message.setObjectName("validationMessage")
        self.message.setStyleSheet("color: #c62828;")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.from_checklist.toggled.connect(self._sync_percent_editor)
        self._sync_percent_editor()
        self.validate()

    def _sync_percent_editor(self) -> None:
        """A task that follows its checklist (and has items) takes its percent from it, so
        the percent cannot be typed then (the commit would replace a typed one)."""
        derived = self.from_checklist.isChecked() and self.check_table.rowCount() > 0
        self.percent.setEnabled(not derived)
        self.percent.setToolTip(self.tr("Computed from the checklist items") if derived else "")

    # -- tabs ------------------------------------------------------------------------------
    def _combo(self, items: list[tuple[str, Any]], current: Any) -> QComboBox:
        combo = QComboBox()
        for label, value in items:
            combo.addItem(label, value)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.currentIndexChanged.connect(self.validate)
        return combo

    def _wbs_codes(self) -> set[str]:
        if self._taken is None:
            self._taken = {t.wbs for t in self.all_tasks}
        return self._taken

    def _task_combo(self, current: int | None) -> QComboBox:
        """A predecessor chooser over one shared list model (a plan may have 10,000 tasks)."""
        if self._choices is None:
            self._choices = TaskChoices(self.all_tasks, self.lang, self)
        return self._choice_combo(self._choices, current)

    def _choice_combo(self, choices: TaskChoices, current: int | None) -> QComboBox:
        combo = QComboBox()
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(28)  # never measure every entry's width
        combo.setModel(choices)
        combo.setCurrentIndex(choices.row_of(current))
        combo.currentIndexChanged.connect(self.validate)
        return combo

    def _parent_choices(self) -> TaskChoices:
        """(top level) and every task that is not this one or inside it, in outline order."""
        tree = Outline.from_tasks([*self.all_tasks, self.task])
        inside = {self.task.id, *tree.descendants(self.task.id)}
        return TaskChoices([tree.tasks[tid] for tid in tree.order() if tid not in inside],
                           self.lang, self, top_label=self.tr("(top level)"))

    def _date(self, value: PlanDate | date | None, exact: bool = False) -> PlanDateEdit:
        edit = PlanDateEdit(lang=self.lang)
        edit.set_value(value)
        edit.exact_only = exact
        edit.line.textChanged.connect(self.validate)
        return edit

    def _general_tab(self) -> QWidget:
        t = self.task
        page = QWidget()
        form = QFormLayout(page)
        self.wbs = QLineEdit(t.wbs)
        self.name_ko = QLineEdit(t.name_ko)
        self.name_en = QLineEdit(t.name_en)
        kinds = [(self.tr("Summary"), m.TaskKind.SUMMARY), (self.tr("Task"), m.TaskKind.TASK),
                 (self.tr("Milestone"), m.TaskKind.MILESTONE)]
        self.kind = self._combo(kinds, t.kind)
        self.owner = self._combo(org_items(self.orgs, self.lang, self.tr("(none)")),
                                 t.owner_org_id)
        cities = [(self.tr("(none)"), None)] + [
            (c.name_ko if self.lang == "ko" else c.name_en or c.name_ko, c.id)
            for c in self.store.all(m.City)]
        self.city = self._combo(cities, t.city_id)
        self.parent_task = self._choice_combo(self._parent_choices(), t.parent_id)
        self.parent_task.setObjectName("parentTask")
        self.parent_task.setToolTip(self.tr("Moves the task (with its sub-tasks) to the end of "
                                            "the chosen summary; the WBS code stays as above"))
        self.start = self._date(t.start)
        self.finish = self._date(t.finish)
        self.duration = QSpinBox()
        self.duration.setRange(0, 100000)
        self.duration.setValue(t.duration_days)
        self.duration.setSuffix(self.tr(" working days"))
        self.percent = QDoubleSpinBox()
        self.percent.setRange(0, 100)
        self.percent.setDecimals(0)
        self.percent.setSuffix(" %")
        self.percent.setValue(t.percent_complete)
        self.from_checklist = QCheckBox(self.tr("from the checklist"))
        self.from_checklist.setChecked(t.percent_from_checklist)
        constraints = [(self.tr("As soon as possible"), m.ConstraintType.NONE),
                       (self.tr("Start no earlier than"), m.ConstraintType.START_NO_EARLIER),
                       (self.tr("Finish no later than"), m.ConstraintType.FINISH_NO_LATER),
                       (self.tr("Must finish on"), m.ConstraintType.MUST_FINISH_ON)]
        self.constraint = self._combo(constraints, t.constraint_type)
        self.constraint_date = self._date(t.constraint_date, exact=True)
        self.actual_start = self._date(t.actual_start, exact=True)
        self.actual_finish = self._date(t.actual_finish, exact=True)
        self.needs_signoff = QCheckBox(self.tr("needs a sign-off before it is done"))
        self.needs_signoff.setChecked(t.needs_signoff)
        code_of = {o.id: o.code for o in self.orgs}  # in the task's own order: a round trip
        self.supporting = QLineEdit(", ".join(
            code_of[i] for i in t.supporting_org_ids if i in code_of))
        self.supporting.setToolTip(self.tr("Organisation codes, separated by commas"))
        for widget in (self.wbs, self.name_ko, self.name_en, self.supporting):
            widget.textChanged.connect(self.validate)
        self.duration.valueChanged.connect(self.validate)
        self.percent.valueChanged.connect(self.validate)
        percent_row = QHBoxLayout()
        percent_row.addWidget(self.percent)
        percent_row.addWidget(self.from_checklist)
        constraint_row = QHBoxLayout()
        constraint_row.addWidget(self.constraint)
        constraint_row.addWidget(self.constraint_date)
        form.addRow(self.tr("WBS"), self.wbs)
        form.addRow(self.tr("Name (Korean)"), self.name_ko)
        form.addRow(self.tr("Name (English)"), self.name_en)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Parent"), self.parent_task)
        form.addRow(self.tr("Owner"), self.owner)
        form.addRow(self.tr("Supporting"), self.supporting)
        form.addRow(self.tr("City"), self.city)
        form.addRow(self.tr("Start"), self.start)
        form.addRow(self.tr("Finish"), self.finish)
        form.addRow(self.tr("Duration"), self.duration)
        form.addRow(self.tr("% done"), percent_row)
        form.addRow(self.tr("Constraint"), constraint_row)
        form.addRow(self.tr("Actual start"), self.actual_start)
        form.addRow(self.tr("Actual finish"), self.actual_finish)
        form.addRow("", self.needs_signoff)
        self.declared = DeclaredEditors(t, self.lang, self)
        self.declared.changed.connect(self.validate)
        self.declared.add_rows(form)
        if t.source:
            source = QLabel(t.source)
            source.setWordWrap(True)
            form.addRow(self.tr("Source"), source)
        return page

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        return table

    def _buttons(self, table: QTableWidget, add) -> QHBoxLayout:
        row = QHBoxLayout()
        plus, minus = QPushButton(self.tr("Add")), QPushButton(self.tr("Remove"))
        plus.clicked.connect(add)
        minus.clicked.connect(lambda: self._remove_row(table))
        row.addWidget(plus)
        row.addWidget(minus)
        row.addStretch(1)
        return row

    def _remove_row(self, table: QTableWidget) -> None:
        row = table.currentRow()
        if row >= 0:
            table.removeRow(row)
            self.validate()

    def _predecessor_tab(self) -> QWidget:
        page = QWidget()
        self.pred_table = self._table([self.tr("Predecessor"), self.tr("Type"),
                                       self.tr("Lag (working days)")])
        for dep in self.deps:
            self._add_pred_row(dep.predecessor_id, dep.type.value, dep.lag_days, dep.id)
        layout = QVBoxLayout(page)
        layout.addWidget(self.pred_table)
        layout.addLayout(self._buttons(self.pred_table, lambda: self._add_pred_row()))
        return page

    def _add_pred_row(self, pred_id: int | None = None, dep_type: str = "FS", lag: int = 0,
                      dep_id: int | None = None) -> None:
        row = self.pred_table.rowCount()
        self.pred_table.insertRow(row)
        tasks = self._task_combo(pred_id)
        tasks.setProperty("dep_id", dep_id)
        types = self._combo([(t, t) for t in DEP_TYPES], dep_type)
        spin = QSpinBox()
        spin.setRange(-10000, 10000)
        spin.setValue(lag)
        self.pred_table.setCellWidget(row, 0, tasks)
        self.pred_table.setCellWidget(row, 1, types)
        self.pred_table.setCellWidget(row, 2, spin)

    def _checklist_tab(self) -> QWidget:
        page = QWidget()
        self.check_table = self._table([self.tr("Done"), self.tr("Item"), self.tr("Due")])
        for item in self.items:
            self._add_check_row(item.text, item.due, item.done, item.id)
        layout = QVBoxLayout(page)
        layout.addWidget(self.check_table)
        layout.addLayout(self._buttons(self.check_table, lambda: self._add_check_row()))
        return page

    def _add_check_row(self, text: str = "", due: date | None = None, done: bool = False,
                       item_id: int | None = None) -> None:
        row = self.check_table.rowCount()
        self.check_table.insertRow(row)
        box = QTableWidgetItem()
        box.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        box.setCheckState(Qt.CheckState.Checked if done else Qt.CheckState.Unchecked)
        box.setData(Qt.ItemDataRole.UserRole, item_id)
        self.check_table.setItem(row, 0, box)
        self.check_table.setItem(row, 1, QTableWidgetItem(text))
        self.check_table.setItem(row, 2, QTableWidgetItem(due.isoformat() if due else ""))

    def _status_tab(self) -> QWidget:
        page = QWidget()
        history = self._table([self.tr("Report date"), self.tr("RAG"), self.tr("Narrative")])
        history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        rag_title = {r: self.tr(t) for r, t in RAGS}
        for su in reversed(self.store.status_updates_of(self.task.id)):
            row = history.rowCount()
            history.insertRow(row)
            history.setItem(row, 0, QTableWidgetItem(su.report_date.isoformat()))
            history.setItem(row, 1, QTableWidgetItem(rag_title.get(su.rag, su.rag.value)))
            history.setItem(row, 2, QTableWidgetItem(su.narrative))
        self.status_table = history
        group = QGroupBox(self.tr("New status update"))
        group.setCheckable(True)
        group.setChecked(False)
        self.new_status = group
        form = QFormLayout(group)
        project = self.store.project()
        self.status_date = self._date(project.status_date or date.today(), exact=True)
        self.status_rag = self._combo([(self.tr(t), r) for r, t in RAGS], m.Rag.GREEN)
        self.status_text = QPlainTextEdit()
        self.status_text.setMaximumHeight(80)
        form.addRow(self.tr("Report date"), self.status_date)
        form.addRow(self.tr("RAG"), self.status_rag)
        form.addRow(self.tr("Narrative"), self.status_text)
        layout = QVBoxLayout(page)
        layout.addWidget(history, 1)
        layout.addWidget(group)
        return page

    # -- reading the form ---------------------------------------------------------------------
    @staticmethod
    def _exact(edit: PlanDateEdit, field: str) -> date | None:
        value = edit.value()
        if value is None:
            return None
        if not value.is_exact:
            raise m.ValidationError(f"{field}: needs an exact day (YYYY-MM-DD)")
        return value.earliest()

    def candidate(self) -> m.Task:
        """The task as the form shows it; raises ValidationError/DateParseError."""
        codes = {o.code: o.id for o in self.orgs}
        supporting = []
        for code in filter(None, (c.strip() for c in self.supporting.text().split(","))):
            if code not in codes:
                raise m.ValidationError(f"supporting: unknown organisation code '{code}'")
            supporting.append(codes[code])
        kind = m.TaskKind(self.kind.currentData())  # Qt hands str enums back as str
        return dataclasses.replace(
            self.task, wbs=self.wbs.text().strip(), name_ko=self.name_ko.text().strip(),
            name_en=self.name_en.text().strip(), kind=kind,
            owner_org_id=self.owner.currentData(), supporting_org_ids=supporting,
            city_id=self.city.currentData(), start=self.start.value(),
            finish=self.finish.value(),
            duration_days=0 if kind is m.TaskKind.MILESTONE else self.duration.value(),
            percent_complete=float(self.percent.value()),
            percent_from_checklist=self.from_checklist.isChecked(),
            constraint_type=m.ConstraintType(self.constraint.currentData()),
            constraint_date=self._exact(self.constraint_date, "constraint date"),
            actual_start=self._exact(self.actual_start, "actual start"),
            actual_finish=self._exact(self.actual_finish, "actual finish"),
            needs_signoff=self.needs_signoff.isChecked(), notes=self.notes.toPlainText()
            if hasattr(self, "notes") else self.task.notes, **self.declared.values(),
        )

    def predecessor_rows(self) -> list[tuple[int | None, int, m.DependencyType, int]]:
        rows = []
        for r in range(self.pred_table.rowCount()):
            tasks = self.pred_table.cellWidget(r, 0)
            rows.append((tasks.property("dep_id"), tasks.currentData(),
                         m.DependencyType(self.pred_table.cellWidget(r, 1).currentData()),
                         self.pred_table.cellWidget(r, 2).value()))
        return rows

    def checklist_rows(self) -> list[tuple[int | None, bool, str, date | None]]:
        rows = []
        for r in range(self.check_table.rowCount()):
            box = self.check_table.item(r, 0)
            text = (self.check_table.item(r, 1) or QTableWidgetItem()).text().strip()
            due_text = (self.check_table.item(r, 2) or QTableWidgetItem()).text().strip()
            if not text and not due_text and box.data(Qt.ItemDataRole.UserRole) is None:
                continue
            due = parse_day(due_text) if due_text else None
            rows.append((box.data(Qt.ItemDataRole.UserRole),
                         box.checkState() == Qt.CheckState.Checked, text, due))
        return rows

    def validate(self) -> bool:
        """Check the form; show the first problem in place. True when it can be saved."""
        if not hasattr(self, "buttons"):
            return False
        try:
            task = self.candidate()
            m.validate_task(task, {o.id for o in self.orgs})
            wbs_taken = task.wbs != self.task.wbs and task.wbs in self._wbs_codes()
            if wbs_taken:
                raise m.ValidationError(self.tr("wbs: {0} is already used").format(task.wbs))
            seen = set()
            for _dep_id, pred, _type, _lag in self.predecessor_rows():
                if pred in seen:
                    raise m.ValidationError(self.tr("predecessors: a task is listed twice"))
                seen.add(pred)
        except (m.ValidationError, DateParseError) as exc:
            self.message.setText(str(exc))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            return False
        self.message.setText(self._overridden(task))  # a warning, not a refusal
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        return True

    def _overridden(self, task: m.Task) -> str:
        """Say when the task's constraint will override a date typed in the form."""
        day, kind = task.constraint_date, task.constraint_type
        if day is None or kind is m.ConstraintType.NONE:
            return ""
        if kind is m.ConstraintType.START_NO_EARLIER and task.start is not None \
                and task.start.latest() < day:
            return self.tr("Note: the constraint 'start no earlier than {0}' overrides the "
                           "start typed here; choose 'As soon as possible' to remove it"
                           ).format(day.isoformat())
        if kind in (m.ConstraintType.MUST_FINISH_ON, m.ConstraintType.FINISH_NO_LATER) \
                and task.finish is not None and task.finish.earliest() > day:
            return self.tr("Note: the constraint on {0} overrides the finish typed here; "
                           "choose 'As soon as possible' to remove it").format(day.isoformat())
        return ""

    # -- saving ------------------------------------------------------------------------------------
    def changed_fields(self) -> dict[str, Any]:
        """The task fields the officer changed in the form (against the task as opened)."""
        task = self.candidate()
        return {f.name: getattr(task, f.name) for f in dataclasses.fields(m.Task)
                if f.name not in ("id", "version", "parent_id", "sort_order")  # moves: outline
                and getattr(task, f.name) != getattr(self.task, f.name)}

    def build_edit(self, overwrite: bool = False):
        """The dialog's whole change as one edit.

        Only the fields the officer changed are written, each checked against
        the value the dialog showed: a field someone else changed since is a
        conflict. ``overwrite`` writes the officer's values over theirs.
        """
        fields = self.changed_fields()
        seen = None if overwrite else {k: getattr(self.task, k) for k in fields}
        preds = self.predecessor_rows()
        checks = self.checklist_rows()
        status = None
        if self.new_status.isChecked():
            status = (self._exact(self.status_date, "report date") or date.today(),
                      m.Rag(self.status_rag.currentData()), self.status_text.toPlainText())
        old_deps = {d.id: d for d in self.deps}
        old_items = {i.id: i for i in self.items}
        task_id = self.task.id
        new_parent = self.parent_task.currentData()
        move = new_parent != self.task.parent_id

        def edit(store: Store) -> None:
            if fields:
                task_edits.set_task_fields(task_id, fields, seen)(store)
            if move:  # through the outline rules: kinds follow, links to a summary refused
                outline.set_parent(task_id, new_parent, renumber=False)(store)
            kept = {dep_id for dep_id, *_ in preds if dep_id is not None}
            for dep_id in set(old_deps) - kept:
                task_edits.remove_dependency(dep_id)(store)
            for dep_id, pred, dep_type, lag in preds:
                old = old_deps.get(dep_id)
                if old is not None and old.predecessor_id == pred:
                    task_edits.change_dependency(dep_id, dep_type, lag)(store)
                else:
                    if old is not None:
                        task_edits.remove_dependency(dep_id)(store)
                    task_edits.add_dependency(pred, task_id, dep_type, lag)(store)
            kept_items = {item_id for item_id, *_ in checks if item_id is not None}
            for item_id in set(old_items) - kept_items:
                cl.delete_item(store, item_id)
            for item_id, done, text, due in checks:
                if item_id is None:
                    item_id = cl.add_item(store, task_id, text, due).id
                else:
                    cl.edit_item(store, item_id, text=text, due=due)
                current = store.get(m.ChecklistItem, item_id)
                if done and not current.done:
                    cl.tick_item(store, item_id, by=officer(store).signature(),
                                 on=tick_day(store))
                elif not done and current.done:
                    cl.untick_item(store, item_id)
            if status is not None:
                cl.set_status_update(store, task_id, *status)

        return edit

    def accept(self) -> None:
        if not self.validate():
            return
        title = self.tr("Edit task {0}").format(self.task.wbs)
        try:
            try:
                self.context.edits.run(title, self.build_edit())
            except FieldConflictError as exc:
                self.message.setText(exc.text())  # both values stay readable in the dialog
                if not ask_overwrite(self, exc):
                    return
                self.context.edits.run(title, self.build_edit(overwrite=True))
        except Refusal as exc:
            self.message.setText(exc.text())
            return
        super().accept()


def open_task_dialog(context: AppContext, task_id: int, parent: QWidget | None = None) -> bool:
    """Show the dialog modally; True when the officer saved changes."""
    dialog = TaskDialog(context, task_id, parent)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
