"""The task table's outline and navigation actions, its context menu and delete confirmation.

Indent / outdent (Alt+Shift+→/←), move up / down (Alt+Shift+↑/↓), insert a
sub-task, dropping dragged rows, scroll the chart to the task (Ctrl+Shift+J, or
on every selection when the preference says so) and find next / previous (F3 /
Shift+F3: the search box's text, beside filtering). The edits come from
:mod:`smartcity_desktop.app.outline`; each runs as one undoable step through
``context.edits`` (an edit that renumbers WBS codes runs its two stages inside
one undo macro, see :meth:`OutlineEdit.stages`). Deleting a summary, or
anything with sub-tasks or links, asks first and says how many rows go.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QObject, QPoint
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from ..app import outline
from ..messages import Refusal
from .preferences import renumber_wbs, scroll_on_select
from .task_model import COL_NAME, SearchTextRole

if TYPE_CHECKING:
    from .main_window import MainWindow

translate = QCoreApplication.translate

# name -> (shortcut, menu text); the order is the Edit menu's
ACTIONS = {
    "insert_subtask": ("Ctrl+Shift+Insert",
                       QT_TRANSLATE_NOOP("OutlineActions", "Insert &sub-task")),
    "indent": ("Alt+Shift+Right", QT_TRANSLATE_NOOP("OutlineActions", "Indent")),
    "outdent": ("Alt+Shift+Left", QT_TRANSLATE_NOOP("OutlineActions", "Outdent")),
    "move_up": ("Alt+Shift+Up", QT_TRANSLATE_NOOP("OutlineActions", "Move &up")),
    "move_down": ("Alt+Shift+Down", QT_TRANSLATE_NOOP("OutlineActions", "Move do&wn")),
    "find_next": ("F3", QT_TRANSLATE_NOOP("OutlineActions", "Find &next")),
    "find_previous": ("Shift+F3", QT_TRANSLATE_NOOP("OutlineActions", "Find pre&vious")),
    "scroll_to_task": ("Ctrl+Shift+J",
                       QT_TRANSLATE_NOOP("OutlineActions", "Scroll to &task")),
}


def run_edit(parent: QWidget | None, context: Any, text: str, edit: Callable) -> Any:
    """One undoable step; a refusal shows one message, nothing is written, None returned."""
    try:
        if not (isinstance(edit, outline.OutlineEdit) and edit.renumber):
            return context.edits.run(text, edit)
        edit.check(context.store)  # the rules first
        park, finish = edit.stages()  # codes parked first: unique WBS codes can swap
        return context.edits.run_stages(text, [park, finish])
    except Refusal as exc:
        QMessageBox.warning(parent, translate("OutlineActions", "Edit refused"), str(exc))
        return None


class OutlineActions(QObject):
    """Creates the actions on ``window`` and serves its tree's context menu."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        slots = {"insert_subtask": self.insert_subtask, "indent": self.indent,
                 "outdent": self.outdent, "move_up": lambda: self.move(-1),
                 "move_down": lambda: self.move(+1), "find_next": lambda: self.find(+1),
                 "find_previous": lambda: self.find(-1),
                 "scroll_to_task": self.scroll_to_current}
        for name, (keys, _text) in ACTIONS.items():
            window._action(name, slots[name], QKeySequence(keys))
        tree = window.tree
        tree.on_drop = self.drop
        tree.setContextMenuPolicy(tree.contextMenuPolicy().CustomContextMenu)
        tree.customContextMenuRequested.connect(
            lambda pos: self.tree_menu(pos).exec(tree.viewport().mapToGlobal(pos)))
        tree.selectionModel().currentChanged.connect(self._on_current)

    def retranslate(self) -> None:
        for name, (_keys, text) in ACTIONS.items():
            self.window.actions_by_name[name].setText(translate("OutlineActions", text))

    # -- helpers -----------------------------------------------------------------------
    def _ids(self) -> list[int]:
        return self.window.selected_task_ids() or [
            t for t in [self.window.current_task_id()] if t is not None]

    def _wbs(self, ids: list[int]) -> str:
        model = self.window.model
        return ", ".join(model.task(i).wbs for i in ids if model.task(i) is not None)

    def _run(self, text: str, edit: Callable) -> Any:
        ids = self._ids()
        result = run_edit(self.window, self.window.context, text, edit)
        if result is not None and ids:  # keep the moved rows selected and in view
            self.window.select_task(ids[0])
        return result

    # -- outline -----------------------------------------------------------------------
    def indent(self) -> None:
        ids = self._ids()
        if ids:
            self._run(translate("OutlineActions", "Indent {0}").format(self._wbs(ids)),
                      outline.indent(ids, renumber_wbs()))

    def outdent(self) -> None:
        ids = self._ids()
        if ids:
            self._run(translate("OutlineActions", "Outdent {0}").format(self._wbs(ids)),
                      outline.outdent(ids, renumber_wbs()))

    def move(self, step: int) -> None:
        ids = self._ids()
        if ids:
            text = translate("OutlineActions", "Move {0} up") if step < 0 else \
                translate("OutlineActions", "Move {0} down")
            self._run(text.format(self._wbs(ids)), outline.move(ids, step, renumber_wbs()))

    def drop(self, ids: list[int], target_id: int, where: str) -> None:
        """Dragged rows dropped before / after / onto ``target_id`` (one undoable edit)."""
        target = self.window.model.task(target_id)
        if target is None or target_id in ids:
            return
        text = translate("OutlineActions", "Move {0} to {1}").format(self._wbs(ids), target.wbs)
        if run_edit(self.window, self.window.context, text,
                    outline.place(ids, target_id, where, renumber_wbs())) is not None:
            self.window.select_task(ids[0])

    def insert_subtask(self) -> None:
        parent = self.window.current_task_id()
        if parent is None:
            return
        task = run_edit(self.window, self.window.context,
                        translate("OutlineActions", "Insert sub-task under {0}").format(
                            self._wbs([parent])),
                        outline.add_subtask(parent))  # named "새 작업" / "New task"
        if task is not None:
            self.window.select_task(task.id)
            index = self.window.model.index_of(task.id, COL_NAME)
            if index.isValid() and self.window.is_shown(index):
                self.window.tree.edit(index)

    def delete_selected(self) -> None:
        """Delete the chosen rows; a summary, sub-tasks or links are confirmed first."""
        ids = self._ids()
        if not ids:
            return
        scope = outline.delete_scope(self.window.context.store, ids)
        if scope.needs_confirmation and not self.confirm_delete(ids, scope):
            return
        run_edit(self.window, self.window.context,
                 translate("OutlineActions", "Delete {0}").format(self._wbs(ids)),
                 outline.delete_tasks(ids))

    def confirm_delete(self, ids: list[int], scope: outline.DeleteScope) -> bool:
        model = self.window.model
        named = self._wbs(ids) if len(ids) > 1 else \
            f"{model.task(ids[0]).wbs} {model.task(ids[0]).name(self.window.context.lang)}"
        text = translate(
            "OutlineActions",
            "Delete {0}?\n\nThis removes {1} task(s) with their sub-tasks, {2} link(s) and "
            "{3} checklist item(s). Undo (Ctrl+Z) brings them back.").format(
            named, scope.tasks, scope.links, scope.checklist_items)
        answer = QMessageBox.question(
            self.window, translate("OutlineActions", "Delete tasks"), text,
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer in (QMessageBox.StandardButton.Ok, QMessageBox.StandardButton.Yes)

    # -- navigation ----------------------------------------------------------------------
    def scroll_to_current(self) -> None:
        task_id = self.window.current_task_id()
        gantt = self.window.gantt
        if task_id is not None and gantt is not None:
            gantt.scroll_to_task(task_id)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and scroll_on_select():
            self.scroll_to_current()

    def find(self, step: int) -> bool:
        """Select the next (+1) or previous (-1) shown task matching the search text."""
        needle = self.window.filter_bar.search.text().strip().casefold()
        if not needle:
            self.window.filter_bar.focus_search()
            return False
        model = self.window.model
        ids = model.task_ids()
        current = self.window.current_task_id()
        start = ids.index(current) if current in ids else (-1 if step > 0 else len(ids))
        for offset in range(1, len(ids) + 1):
            tid = ids[(start + step * offset) % len(ids)]
            index = model.index_of(tid)
            if needle in (model.data(index, SearchTextRole) or "") and self.window.is_shown(index):
                self.window.select_task(tid)
                return True
        self.window.statusBar().showMessage(
            translate("OutlineActions", "No task matches “{0}”").format(needle), 4000)
        return False

    # -- context menu ------------------------------------------------------------------
    def tree_menu(self, pos: QPoint) -> QMenu:
        """The table's context menu for the row at ``pos`` (viewport coordinates)."""
        window = self.window
        index = window.tree.indexAt(pos)
        if index.isValid() and not window.tree.selectionModel().isRowSelected(
                index.row(), index.parent()):
            window.tree.setCurrentIndex(index)
        menu = QMenu(window.tree)
        menu.setObjectName("taskContextMenu")
        acts = window.actions_by_name
        names = ["details", "-", "insert", "insert_subtask", "delete", "-", "indent", "outdent",
                 "move_up", "move_down", "-", "scroll_to_task", "-", "expand_all",
                 "collapse_all"]
        if not index.isValid():  # below the last row: only what needs no row
            names = ["insert", "-", "expand_all", "collapse_all"]
        for name in names:
            menu.addSeparator() if name == "-" else menu.addAction(acts[name])
        return menu
