"""Context menus for the view tabs' tables and the ministry checklist.

Every table or tree of a view tab gets "Copy" (the selected rows) and "Copy whole
table", as tab-separated text that pastes into a spreadsheet or an HWP/Word table.
The checklist's rows offer what its buttons do, for the row under the pointer:
tick or untick, edit, move, delete, meeting held on an item; add item, sign off,
reopen, needs sign-off and status update on a task.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QMenu, QWidget

from ..domain.model import ChecklistItem

translate = QCoreApplication.translate
ITEM_ACTIONS = ["tick", "edit", "up", "down", "delete", "held"]
TASK_ACTIONS = ["add", "signoff", "reopen", "gate", "status"]


def _rows_text(view: QAbstractItemView, rows: list[QModelIndex]) -> str:
    model = view.model()
    header = getattr(view, "header", None) or getattr(view, "horizontalHeader", None)
    columns = [c for c in range(model.columnCount())
               if not (header and header().isSectionHidden(c))]
    title = "\t".join(str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                      for c in columns)
    lines = [title]
    for index in rows:
        lines.append("\t".join(str(model.index(index.row(), c, index.parent()).data() or "")
                               .replace("\t", " ").replace("\n", " ") for c in columns))
    return "\n".join(lines)


def _all_rows(view: QAbstractItemView) -> list[QModelIndex]:
    """Every row, parents before their children, as the view lists them."""
    model, out = view.model(), []

    def walk(parent: QModelIndex) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            out.append(index)
            if model.hasChildren(index):
                walk(index)

    walk(QModelIndex())
    return out


def _in_display_order(view: QAbstractItemView, rows: list[QModelIndex]) -> list[QModelIndex]:
    def key(index: QModelIndex) -> list[int]:
        path = []
        while index.isValid():
            path.insert(0, index.row())
            index = index.parent()
        return path
    return sorted(rows, key=key)


def copy_rows(view: QAbstractItemView, whole: bool = False) -> str:
    """Put the selected (or all) rows on the clipboard as tab-separated text; returns it."""
    rows = _all_rows(view) if whole else _in_display_order(
        view, view.selectionModel().selectedRows(0) or (
            [view.currentIndex().siblingAtColumn(0)] if view.currentIndex().isValid() else []))
    text = _rows_text(view, rows)
    QGuiApplication.clipboard().setText(text)
    return text


def copy_menu(view: QAbstractItemView, menu: QMenu | None = None) -> QMenu:
    menu = menu or QMenu(view)
    menu.addAction(translate("TableMenus", "Copy"), lambda: copy_rows(view)).setObjectName(
        "copyRows")
    menu.addAction(translate("TableMenus", "Copy whole table"),
                   lambda: copy_rows(view, whole=True)).setObjectName("copyTable")
    return menu


def install_copy_menus(widget: QWidget) -> int:
    """Give every table/tree in ``widget`` without a menu of its own the copy menu."""
    count = 0
    for view in widget.findChildren(QAbstractItemView):
        if view.contextMenuPolicy() != Qt.ContextMenuPolicy.DefaultContextMenu:
            continue
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(
            lambda pos, v=view: _exec(copy_menu(v), v.viewport().mapToGlobal(pos)))
        count += 1
    return count


def _exec(menu: QMenu, pos: QPoint) -> None:
    menu.exec(pos)
    menu.deleteLater()


def checklist_menu(view: Any, pos: QPoint) -> QMenu:
    """The checklist's menu for the row at viewport ``pos`` (selected first)."""
    tree = view.tree
    row = tree.itemAt(pos)
    if row is not None:
        tree.setCurrentItem(row)
    menu = QMenu(tree)
    menu.setObjectName("checklistContextMenu")
    selected = view.selected()
    if selected is not None and selected[0] == "item":
        item = view.store.get(ChecklistItem, selected[1])
        tick = menu.addAction(translate("TableMenus", "Untick") if item.done
                              else translate("TableMenus", "Tick"),
                              lambda: view.tick(item.id, not item.done))
        tick.setObjectName("tick")
        keys = ITEM_ACTIONS[1:] + ["-"] + TASK_ACTIONS[:1]
    else:
        keys = TASK_ACTIONS if selected is not None else []
    for key in keys:
        if key == "-":
            menu.addSeparator()
            continue
        button = view.buttons[key]
        action = menu.addAction(button.text(), button.click)
        action.setObjectName(key)
        action.setEnabled(button.isEnabled())
    menu.addSeparator()
    copy_menu(tree, menu)
    return menu


def install_checklist_menu(view: Any) -> None:
    tree = view.tree
    tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    tree.customContextMenuRequested.connect(
        lambda pos: _exec(checklist_menu(view, pos), tree.viewport().mapToGlobal(pos)))
