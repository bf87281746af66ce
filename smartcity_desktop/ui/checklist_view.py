"""The ministry checklist tab: what one ministry owes, item by item, ticked off as it is done.

Pick the ministry (the officer's own is remembered in ``QSettings``); the tree lists that
ministry's tasks and milestones (and other tasks holding items assigned to it) with their
checklist items: due day, done state, who ticked it and when. Overdue items are red; counts
(done / open / overdue) per task and in total sit on the task rows and above the tree.
Every change - tick, untick, add, edit, reorder, delete, sign-off, reopen, meetings, status
updates - runs through ``context.edits`` so it is undoable and audited. Interface text is
translated with ``tr()`` (context ``ChecklistView``) and relabelled on ``languageChanged``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..app import checklists as ed
from ..domain import checklists as rules
from ..domain import model as m
from ..domain.dates import DateParseError
from .context import AppContext
from .officer import day_text, officer, tick_day, tick_note
from .view_dialogs import ItemDialog, SignoffDialog, StatusUpdateDialog, rag_label
from .views import run_edit, status_date

SETTINGS_KEY = "checklists/ministry"
RowRole = Qt.ItemDataRole.UserRole + 1  # ("task" | "item", id)
OVERDUE_FG, OVERDUE_BG = QColor("#b71c1c"), QColor("#ffebee")
DONE_FG = QColor("#2e7d32")
RAG_COLOURS = {m.Rag.RED: "#c62828", m.Rag.AMBER: "#ef8f00", m.Rag.GREEN: "#2e7d32"}
_TABLES = {"checklist_items", "tasks", "signoffs", "status_updates", "organisations",
           "meeting_series", "projects"}
COLUMNS = [
    QT_TRANSLATE_NOOP("ChecklistView", "Item"),
    QT_TRANSLATE_NOOP("ChecklistView", "Due"),
    QT_TRANSLATE_NOOP("ChecklistView", "State"),
    QT_TRANSLATE_NOOP("ChecklistView", "Done by"),
    QT_TRANSLATE_NOOP("ChecklistView", "Done at"),
    QT_TRANSLATE_NOOP("ChecklistView", "Sign-off"),
    QT_TRANSLATE_NOOP("ChecklistView", "Latest status"),
    QT_TRANSLATE_NOOP("ChecklistView", "Notes"),
]


class ChecklistView(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None,
                 settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.store = context.store
        self.settings = settings or QSettings("smartcity-desktop", "smartcity-desktop")
        self.as_of: date = status_date(self.store)
        self.task_counts: dict[int, rules.ChecklistCounts] = {}
        self.total = rules.ChecklistCounts()
        self._rows: dict[tuple[str, int], QTreeWidgetItem] = {}
        self._refresh_pending = False
        self._reread_date = False
        self._stale = False  # a commit arrived while the tab was hidden

        self.ministry = QComboBox()
        self.ministry_label = QLabel()
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        top = QHBoxLayout()
        top.addWidget(self.ministry_label)
        top.addWidget(self.ministry, 1)
        top.addWidget(self.summary, 2)

        self.tree = QTreeWidget()
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.itemChanged.connect(self._on_item_changed)
        self.tree.itemDoubleClicked.connect(lambda *_: self._on_edit())

        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for key, slot in [("add", self._on_add), ("edit", self._on_edit),
                          ("up", lambda: self._on_move(-1)), ("down", lambda: self._on_move(1)),
                          ("delete", self._on_delete), ("signoff", self._on_signoff),
                          ("reopen", self._on_reopen), ("gate", self._on_gate),
                          ("meetings", self._on_meetings), ("held", self._on_held),
                          ("status", self._on_status)]:
            button = QPushButton()
            button.clicked.connect(slot)
            self.buttons[key] = button
            bar.addWidget(button)
        bar.addStretch(1)

        self.tick_label = QLabel()  # who and which day a tick records (the stated rule)
        self.tick_label.setObjectName("tickRule")
        self.tick_label.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tick_label)
        layout.addWidget(self.tree, 1)
        layout.addLayout(bar)

        self._fill_ministries()
        self.ministry.currentIndexChanged.connect(self._on_ministry_changed)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        context.changed.connect(self._on_store_changed)
        context.languageChanged.connect(lambda _lang: self._retranslate())
        context.statusDateChanged.connect(self._on_status_date)
        self._retranslate()

    # -- helpers --------------------------------------------------------------------
    def tab_title(self) -> str:
        """The tab title in the interface language."""
        return self.tr("Checklists")

    def _retranslate(self) -> None:
        self.ministry_label.setText(self.tr("Ministry"))
        self.tree.setHeaderLabels([self.tr(text) for text in COLUMNS])
        labels = {"add": self.tr("Add item"), "edit": self.tr("Edit"),
                  "up": self.tr("Up"), "down": self.tr("Down"), "delete": self.tr("Delete"),
                  "signoff": self.tr("Sign off..."), "reopen": self.tr("Reopen..."),
                  "gate": self.tr("Needs sign-off"),
                  "meetings": self.tr("Schedule meetings..."),
                  "held": self.tr("Meeting held..."),
                  "status": self.tr("Status update...")}
        for key, text in labels.items():
            self.buttons[key].setText(text)
        current = self.ministry_code()
        self.ministry.blockSignals(True)
        for i in range(self.ministry.count()):
            org = self.store.get(m.Organisation, self.ministry.itemData(i))
            self.ministry.setItemText(i, f"{org.name(self.context.lang)} ({org.code})")
        self.ministry.blockSignals(False)
        if current:
            self.refresh()

    def _fill_ministries(self) -> None:
        owners = {t.owner_org_id for t in self.context.plan.tasks.values()}
        owners |= {i.org_id for i in self.store.checklist()}
        orgs = m.protocol_order(o for o in self.store.organisations() if o.id in owners)
        self.ministry.blockSignals(True)
        self.ministry.clear()
        for org in orgs:
            self.ministry.addItem(f"{org.name(self.context.lang)} ({org.code})", org.id)
        remembered = str(self.settings.value(SETTINGS_KEY, "") or "")
        index = next((i for i, o in enumerate(orgs) if o.code == remembered), 0)
        self.ministry.setCurrentIndex(index)
        self.ministry.blockSignals(False)

    def ministry_code(self) -> str | None:
        org_id = self.ministry.currentData()
        if org_id is None:
            return None
        return self.store.get(m.Organisation, org_id).code

    def set_ministry(self, code: str) -> None:
        for i in range(self.ministry.count()):
            if self.store.get(m.Organisation, self.ministry.itemData(i)).code == code:
                self.ministry.setCurrentIndex(i)
                return
        raise ValueError(f"no ministry with code {code} has tasks or checklist items")

    def _on_ministry_changed(self, _index: int) -> None:
        code = self.ministry_code()
        if code:
            self.settings.setValue(SETTINGS_KEY, code)
        self.refresh()

    def _on_status_date(self, day: Any) -> None:
        self.as_of = day if isinstance(day, date) else status_date(self.store)
        self.refresh()

    def _on_store_changed(self, tables: set[str]) -> None:
        if "projects" in tables:
            self._reread_date = True
        if not tables & _TABLES:
            return
        if not self.isVisible():  # a hidden tab rebuilds when it is shown
            self._stale = True
            return
        if not self._refresh_pending:
            self._refresh_pending = True
            QTimer.singleShot(0, self, self._deferred_refresh)

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self._refresh_pending = True
            QTimer.singleShot(0, self, self._deferred_refresh)

    def _deferred_refresh(self) -> None:
        if self._refresh_pending:
            if self._reread_date:
                self.as_of = status_date(self.store)
                self._reread_date = False
            self.refresh()

    # -- the tree -------------------------------------------------------------------------
    def refresh(self) -> None:
        """Rebuild the tree from the store, keeping the selection and collapsed rows."""
        self._refresh_pending = False
        org_id = self.ministry.currentData()
        selected = self.selected()
        collapsed = {k for k, row in self._rows.items() if k[0] == "task" and not row.isExpanded()}
        self.tree.blockSignals(True)
        self.tree.clear()
        self._rows.clear()
        self.task_counts = {}
        if org_id is None:
            self.total = rules.ChecklistCounts()
            self.tree.blockSignals(False)
            self._show_summary()
            return
        items_by_task: dict[int, list[m.ChecklistItem]] = {}
        for item in self.store.checklist():
            items_by_task.setdefault(item.task_id, []).append(item)
        latest = ed.latest_status_updates(self.store)
        signoffs: dict[int, list[m.Signoff]] = {}
        for s in self.store.all(m.Signoff):
            signoffs.setdefault(s.task_id, []).append(s)
        for task in self.context.plan.ordered_tasks():
            own = task.owner_org_id == org_id
            items = items_by_task.get(task.id, [])
            if not own:
                items = [i for i in items if i.org_id == org_id]
            if not own and not items or own and task.is_summary and not items:
                continue
            counts = rules.counts(items, self.as_of)
            self.task_counts[task.id] = counts
            row = self._task_row(task, counts, rules.active_signoff(signoffs.get(task.id, [])),
                                 latest.get(task.id))
            for item in items:
                row.addChild(self._item_row(item))
            self.tree.addTopLevelItem(row)
            row.setExpanded(("task", task.id) not in collapsed)
        self.total = rules.total_counts(self.task_counts.values())
        for col in range(len(COLUMNS)):
            self.tree.resizeColumnToContents(col)
        self.tree.setColumnWidth(0, min(self.tree.columnWidth(0), 420))
        if selected in self._rows:
            self.tree.setCurrentItem(self._rows[selected])
        self.tree.blockSignals(False)
        self._show_summary()
        self._update_buttons()

    def _show_summary(self) -> None:
        c = self.total
        overdue = self.tr("overdue {0}").format(c.overdue)
        self.summary.setText(
            self.tr("as of {0}").format(f"{self.as_of:%Y-%m-%d}") + " &nbsp; "
            + self.tr("done {0}").format(c.done) + " · " + self.tr("open {0}").format(c.open)
            + f" · <span style='color:#b71c1c'><b>{overdue}</b></span>")
        self.tick_label.setText(tick_note(self.store))

    def _task_row(self, task: m.Task, counts: rules.ChecklistCounts,
                  signoff: m.Signoff | None, status: m.StatusUpdate | None) -> QTreeWidgetItem:
        row = QTreeWidgetItem()
        row.setData(0, RowRole, ("task", task.id))
        kind = "◆ " if task.is_milestone else ""
        row.setText(0, f"{kind}{task.wbs} {task.name(self.context.lang)}")
        font = QFont()
        font.setBold(True)
        row.setFont(0, font)
        if task.finish is not None:
            row.setText(1, day_text(task.finish, self.context.lang))
        state = f"{counts.done}/{counts.total}"
        if counts.overdue:
            state += " · " + self.tr("overdue {0}").format(counts.overdue)
        if task.is_done:
            state += " · " + self.tr("done")
        row.setText(2, state)
        late = (not task.is_done and task.finish is not None
                and task.finish.latest() < self.as_of)
        if counts.overdue or late:
            row.setForeground(2, QBrush(OVERDUE_FG))
            if late:
                row.setForeground(1, QBrush(OVERDUE_FG))
        if signoff is not None:
            row.setText(5, f"{signoff.approver_name} {signoff.approver_position} "
                           f"{signoff.signed_on:%Y-%m-%d}")
            row.setForeground(5, QBrush(DONE_FG))
            if signoff.note:
                row.setToolTip(5, signoff.note)
        elif task.needs_signoff:
            row.setText(5, self.tr("needs sign-off"))
        if status is not None:
            row.setText(6, f"[{rag_label(status.rag)}] {status.report_date:%m-%d} "
                           f"{status.narrative}")
            row.setForeground(6, QBrush(QColor(RAG_COLOURS[status.rag])))
            row.setToolTip(6, status.narrative)
        self._rows[("task", task.id)] = row
        return row

    def _item_row(self, item: m.ChecklistItem) -> QTreeWidgetItem:
        row = QTreeWidgetItem()
        row.setData(0, RowRole, ("item", item.id))
        row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        row.setText(0, item.text)
        row.setCheckState(0, Qt.CheckState.Checked if item.done else Qt.CheckState.Unchecked)
        row.setText(1, day_text(item.due))
        if item.done:
            row.setText(2, self.tr("done"))
            row.setForeground(2, QBrush(DONE_FG))
        elif rules.is_overdue(item, self.as_of):
            row.setText(2, self.tr("overdue"))
            for col in range(len(COLUMNS)):
                row.setForeground(col, QBrush(OVERDUE_FG))
                row.setBackground(col, QBrush(OVERDUE_BG))
        else:
            row.setText(2, self.tr("open"))
        row.setText(3, item.done_by)
        row.setText(4, day_text(item.done_at))
        if item.done_at:
            row.setToolTip(4, item.done_at.replace("T", " "))
        row.setText(7, item.notes)
        if item.meeting_series_id is not None:
            row.setToolTip(0, self.tr("recurring meeting"))
        self._rows[("item", item.id)] = row
        return row

    def selected(self) -> tuple[str, int] | None:
        row = self.tree.currentItem()
        return tuple(row.data(0, RowRole)) if row is not None else None  # type: ignore[return-value]

    def select(self, kind: str, row_id: int) -> None:
        self.tree.setCurrentItem(self._rows[(kind, row_id)])

    def _selected_task_id(self) -> int | None:
        sel = self.selected()
        if sel is None:
            return None
        if sel[0] == "task":
            return sel[1]
        return self.store.get(m.ChecklistItem, sel[1]).task_id

    def _update_buttons(self) -> None:
        sel = self.selected()
        is_item = sel is not None and sel[0] == "item"
        for key in ("edit", "up", "down", "delete", "held"):
            self.buttons[key].setEnabled(is_item)
        for key in ("add", "signoff", "reopen", "gate", "status"):
            self.buttons[key].setEnabled(sel is not None)

    def _on_item_changed(self, row: QTreeWidgetItem, column: int) -> None:
        kind, row_id = row.data(0, RowRole)
        if kind != "item" or column != 0:
            return
        self.tick(row_id, row.checkState(0) == Qt.CheckState.Checked)

    # -- actions (each one undoable edit) ------------------------------------------------------
    def _run(self, text: str, edit: Any) -> bool:
        ok, _ = run_edit(self, self.context, text, edit)
        if not ok:  # put the tree back as the store has it
            self._on_store_changed({"checklist_items"})
        return ok

    def tick(self, item_id: int, done: bool, notes: str | None = None) -> bool:
        if done:
            return self._run(self.tr("Tick item"), lambda s: ed.tick_item(
                s, item_id, notes, by=officer(s).signature(), on=tick_day(s)))
        return self._run(self.tr("Untick item"),
                         lambda s: ed.untick_item(s, item_id))

    def add_item(self, task_id: int, text: str, due: date | None = None, notes: str = "") -> bool:
        return self._run(self.tr("Add item"),
                         lambda s: ed.add_item(s, task_id, text, due, notes=notes))

    def edit_item(self, item_id: int, **changes: Any) -> bool:
        return self._run(self.tr("Edit item"),
                         lambda s: ed.edit_item(s, item_id, **changes))

    def move_item(self, item_id: int, offset: int) -> bool:
        return self._run(self.tr("Reorder item"),
                         lambda s: ed.move_item(s, item_id, offset))

    def delete_item(self, item_id: int) -> bool:
        return self._run(self.tr("Delete item"), lambda s: ed.delete_item(s, item_id))

    def sign_off(self, task_id: int, approver_name: str, approver_position: str,
                 signed_on: date, note: str = "") -> bool:
        return self._run(self.tr("Sign off"), lambda s: ed.sign_off(
            s, task_id, approver_name, approver_position, signed_on, note))

    def reopen(self, task_id: int, reason: str) -> bool:
        return self._run(self.tr("Reopen"), lambda s: ed.reopen_task(s, task_id, reason))

    def set_needs_signoff(self, task_id: int, needs: bool) -> bool:
        return self._run(self.tr("Set sign-off gate"),
                         lambda s: ed.set_needs_signoff(s, task_id, needs))

    def generate_meetings(self, periods: int) -> int:
        """Add entries for the next ``periods`` meetings of the series on this view's tasks."""
        tasks = set(self.task_counts)
        series = [s for s in self.store.all(m.MeetingSeries) if s.task_id in tasks]
        created: list[m.ChecklistItem] = []

        def edit(store: Any) -> None:
            for s in series:
                created.extend(ed.generate_meetings(store, s.id, self.as_of, periods))

        self._run(self.tr("Schedule meetings"), edit)
        return len(created)

    def set_status(self, task_id: int, report_date: date, rag: m.Rag, narrative: str) -> bool:
        return self._run(self.tr("Status update"), lambda s: ed.set_status_update(
            s, task_id, report_date, rag, narrative))

    # -- button slots (dialogs) --------------------------------------------------------------
    def _on_add(self) -> None:
        task_id = self._selected_task_id()
        if task_id is None:
            return
        dialog = ItemDialog(self.context, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                values = dialog.values()
            except DateParseError as exc:
                QMessageBox.warning(self, self.tr("Invalid input"), str(exc))
                return
            self.add_item(task_id, values["text"], values["due"], values["notes"])

    def _on_edit(self) -> None:
        sel = self.selected()
        if sel is None or sel[0] != "item":
            return
        dialog = ItemDialog(self.context, self, self.store.get(m.ChecklistItem, sel[1]))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                values = dialog.values()
            except DateParseError as exc:
                QMessageBox.warning(self, self.tr("Invalid input"), str(exc))
                return
            self.edit_item(sel[1], **values)

    def _on_move(self, offset: int) -> None:
        sel = self.selected()
        if sel is not None and sel[0] == "item":
            self.move_item(sel[1], offset)

    def _on_delete(self) -> None:
        sel = self.selected()
        if sel is not None and sel[0] == "item":
            self.delete_item(sel[1])

    def _on_signoff(self) -> None:
        task_id = self._selected_task_id()
        if task_id is None:
            return
        dialog = SignoffDialog(self.context, self.store.get(m.Task, task_id),
                               tick_day(self.store), self, officer(self.store))
        # a refused sign-off (message shown) reopens the dialog with what was typed
        while dialog.exec() == QDialog.DialogCode.Accepted:
            if self.sign_off(task_id, **dialog.values()):
                break
        dialog.deleteLater()

    def _on_reopen(self) -> None:
        task_id = self._selected_task_id()
        if task_id is None:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Reopen"),
                                          self.tr("Reason for reopening"))
        if ok:
            self.reopen(task_id, reason)

    def _on_gate(self) -> None:
        task_id = self._selected_task_id()
        if task_id is not None:
            task = self.store.get(m.Task, task_id)
            self.set_needs_signoff(task_id, not task.needs_signoff)

    def _on_meetings(self) -> None:
        periods, ok = QInputDialog.getInt(
            self, self.tr("Schedule meetings"), self.tr("Meetings to schedule"), 3, 1, 36)
        if ok:
            count = self.generate_meetings(periods)
            QMessageBox.information(self, self.tr("Schedule meetings"),
                                    self.tr("{0} added").format(count))

    def _on_held(self) -> None:
        sel = self.selected()
        if sel is None or sel[0] != "item":
            return
        item = self.store.get(m.ChecklistItem, sel[1])
        minutes, ok = QInputDialog.getMultiLineText(
            self, self.tr("Meeting held"), self.tr("Minutes"), item.notes)
        if ok:
            self.tick(item.id, True, minutes)

    def _on_status(self) -> None:
        task_id = self._selected_task_id()
        if task_id is None:
            return
        current = ed.latest_status_updates(self.store).get(task_id)
        dialog = StatusUpdateDialog(self.context, self.store.get(m.Task, task_id), self.as_of,
                                    current, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.set_status(task_id, **dialog.values())
