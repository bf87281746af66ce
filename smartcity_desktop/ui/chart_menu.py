"""Context menus of the chart: on a bar the task's actions, on an arrow the link's.

A right-click on a bar selects the task and offers the same actions as the table's
context menu (details, sub-task, indent/outdent, move, delete). A right-click on a
dependency arrow offers to delete the link, change its type (the current one checked)
or its lag; each is one undoable edit through the window's write path.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QPoint
from PySide6.QtWidgets import QInputDialog, QMenu

from ..app import task_edits
from ..domain import model as m
from .edits import perform

if TYPE_CHECKING:
    from .main_window import MainWindow

TASK_ACTIONS = ["details", "-", "insert", "insert_subtask", "delete", "-", "indent", "outdent",
                "move_up", "move_down"]


class ChartMenu(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        if window.gantt is not None:
            window.gantt.menuRequested.connect(self.show)

    def show(self, target: tuple[str, Any], pos: QPoint) -> None:
        menu = self.menu_for(target)
        if menu is not None:
            menu.exec(pos)
            menu.deleteLater()

    def menu_for(self, target: tuple[str, Any]) -> QMenu | None:
        kind, value = target
        if kind == "task":
            return self.task_menu(value)
        dep = self._dependency(*value)
        return self.link_menu(dep) if dep is not None else None

    def task_menu(self, task_id: int) -> QMenu:
        if self.window.current_task_id() != task_id:
            self.window.select_task(task_id)
        menu = QMenu(self.window.gantt)
        menu.setObjectName("barContextMenu")
        for name in TASK_ACTIONS:
            menu.addSeparator() if name == "-" else menu.addAction(
                self.window.actions_by_name[name])
        return menu

    def _dependency(self, pred_id: int, succ_id: int) -> m.Dependency | None:
        return next((d for d in self.window.model.plan.dependencies.values()
                     if d.predecessor_id == pred_id and d.successor_id == succ_id), None)

    def _label(self, dep: m.Dependency) -> str:
        model = self.window.model
        pred, succ = model.task(dep.predecessor_id), model.task(dep.successor_id)
        lag = f" {dep.lag_days:+d}" if dep.lag_days else ""
        return f"{pred.wbs} → {succ.wbs} ({dep.type.value}{lag})"

    def link_menu(self, dep: m.Dependency) -> QMenu:
        menu = QMenu(self.window.gantt)
        menu.setObjectName("linkContextMenu")
        menu.addAction(self._label(dep)).setEnabled(False)
        menu.addSeparator()
        remove = menu.addAction(self.tr("Delete link"), lambda: self.remove(dep.id))
        remove.setObjectName("deleteLink")
        types = QMenu(self.tr("Link type"), menu)  # parented: the menu owns it
        types.setObjectName("linkType")
        menu.addMenu(types)
        for dep_type in m.DependencyType:
            action = types.addAction(dep_type.value, lambda t=dep_type: self.change(dep.id, t))
            action.setObjectName(f"linkType_{dep_type.value}")
            action.setCheckable(True)
            action.setChecked(dep.type is dep_type)
        menu.addAction(self.tr("Lag…"), lambda: self.ask_lag(dep)).setObjectName("linkLag")
        return menu

    def remove(self, dep_id: int) -> None:
        dep = self.window.context.store.get(m.Dependency, dep_id)
        perform(self.window, self.window.context,
                         self.tr("Delete link {0}").format(self._label(dep)),
                         task_edits.remove_dependency(dep_id))

    def change(self, dep_id: int, dep_type: m.DependencyType | None = None,
               lag: int | None = None) -> None:
        dep = self.window.context.store.get(m.Dependency, dep_id)
        perform(self.window, self.window.context,
                         self.tr("Change link {0}").format(self._label(dep)),
                         task_edits.change_dependency(dep_id, dep_type, lag))

    def ask_lag(self, dep: m.Dependency) -> None:
        days, ok = QInputDialog.getInt(self.window, self.tr("Lag"),
                                       self.tr("Lag in working days (negative: lead)"),
                                       dep.lag_days, -10000, 10000)
        if ok:
            self.change(dep.id, lag=days)
