"""Task table columns: default widths that fit their contents, a chooser, named layouts.

:func:`apply_default_columns` sizes each column to its header and its widest
cell (the WBS column also to the tree indentation of its deepest row, so 2.1.10
shows whole), caps the name column, and hides the columns empty for most rows
(the city, on the seeded plan); a plan of more than 20,000 rows is judged on an
even sample of them. The header's context menu
(:class:`ColumnChooser`) shows or hides columns, fits them, resets the default,
and saves the current layout under a name to bring back later; layouts live in
the per-user settings.
"""

from __future__ import annotations

import heapq

from PySide6.QtCore import QByteArray, QObject, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QHeaderView, QInputDialog, QMenu, QTreeView

from .preferences import settings
from .task_model import COL_NAME, COL_OWNER, COL_WBS, TaskTreeModel

LAYOUTS_GROUP = "columns/layouts"
NAME_WIDTH = (200, 260)  # the name column: at least / at most (longer names elide, tooltip)
OWNER_MAX = 130  # wider owner names show their short form (full name in the tooltip)
MOSTLY_EMPTY = 0.6  # a column empty for more than this share of rows starts hidden
_PADDING = 18  # cell margins and the sort/section decoration
SAMPLE_ROWS = 20_000  # bigger plans size their columns from an even sample of rows


def header_width(tree: QTreeView, column: int) -> int:
    """Pixels the column's header text needs."""
    title = str(tree.model().headerData(column, Qt.Orientation.Horizontal) or "")
    return tree.header().fontMetrics().horizontalAdvance(title) + _PADDING


def _column_texts(model: TaskTreeModel, column: int,
                  rows: list[list[str]] | None = None) -> list[str]:
    rows = rows if rows is not None else _row_texts(model)
    return [texts[column] or "" for texts in rows]


def _row_texts(model: TaskTreeModel, ids: list[int] | None = None) -> list[list[str]]:
    """The cell texts (as the table shows them) of every row, or of an even sample of
    :data:`SAMPLE_ROWS` rows on a bigger plan (making a row's texts costs ~25 us)."""
    ids = model.task_ids() if ids is None else ids
    if len(ids) > SAMPLE_ROWS:
        step = len(ids) / SAMPLE_ROWS
        ids = [ids[int(i * step)] for i in range(SAMPLE_ROWS)]
    return [model.row_texts(tid) for tid in ids]


def max_depth(model: TaskTreeModel, ids: list[int] | None = None) -> int:
    """The deepest outline level (0 = top), in one pass over the rows in outline order."""
    parent_of = model.plan.parent_of
    depth: dict[int, int] = {}
    deepest = 0
    for tid in model.task_ids() if ids is None else ids:
        d = depth[tid] = depth.get(parent_of.get(tid, 0), -1) + 1
        deepest = max(deepest, d)
    return deepest


def widest_text(metrics: QFontMetrics, texts: list[str], candidates: int = 64) -> int:
    """Pixels of the widest of ``texts``.

    A 100,000-row plan has as many distinct names and codes, and measuring each
    one lays it out (~10 us). Each text is first estimated as the sum of its
    characters' advances (looked up once per character); only the ``candidates``
    widest estimates are measured. Kerning makes an estimate differ from the
    measure by a pixel or two, far less than the gap to the 64th widest text.
    """
    unique = set(texts)
    if len(unique) <= candidates:
        return max((metrics.horizontalAdvance(t) for t in unique), default=0)
    advance: dict[str, int] = {}

    def estimate(text: str) -> int:
        total = 0
        for ch in text:
            w = advance.get(ch)
            if w is None:
                w = advance[ch] = metrics.horizontalAdvance(ch)
            total += w
        return total

    best = heapq.nlargest(candidates, unique, key=estimate)
    return max(metrics.horizontalAdvance(t) for t in best)


def default_width(tree: QTreeView, model: TaskTreeModel, column: int,
                  rows: list[list[str]] | None = None, depth: int | None = None) -> int:
    texts = _column_texts(model, column, rows)
    fm = tree.fontMetrics()
    bold = tree.font()
    bold.setBold(True)  # summaries are bold
    bfm = QFontMetrics(bold)
    widest = widest_text(bfm, texts) + _PADDING
    if column == COL_WBS:
        depth = max_depth(model) if depth is None else depth
        widest += tree.indentation() * (depth + 1)
    elif column == COL_NAME:
        widest = min(max(widest, NAME_WIDTH[0]), NAME_WIDTH[1])
    elif column == COL_OWNER:
        widest = min(widest, max(OWNER_MAX, fm.horizontalAdvance("과기정통부") + _PADDING))
    return max(widest, header_width(tree, column))


def mostly_empty(model: TaskTreeModel, column: int,
                 rows: list[list[str]] | None = None) -> bool:
    texts = _column_texts(model, column, rows)
    return bool(texts) and sum(1 for t in texts if not t.strip()) > MOSTLY_EMPTY * len(texts)


def apply_default_columns(tree: QTreeView, model: TaskTreeModel) -> int:
    """Default widths and visibility; returns the total width of the shown columns.

    The cell texts are gathered once for every column (10,000 rows: one pass, not
    two per column through ``data()``); a plan of more than :data:`SAMPLE_ROWS` rows
    is sized from an even sample of them (100,000 rows: ~0.5 s instead of ~3 s).
    """
    ids = model.task_ids()
    rows = _row_texts(model, ids)
    depth = max_depth(model, ids)
    total = 0
    for column in range(model.columnCount()):
        hidden = column not in (COL_WBS, COL_NAME) and mostly_empty(model, column, rows)
        tree.setColumnHidden(column, hidden)
        tree.setColumnWidth(column, default_width(tree, model, column, rows, depth))
        if not hidden:
            total += tree.columnWidth(column)
    return total


def layout_names() -> list[str]:
    s = settings()
    s.beginGroup(LAYOUTS_GROUP)
    try:
        return sorted(s.childKeys())
    finally:
        s.endGroup()


def save_layout(name: str, tree: QTreeView) -> None:
    settings().setValue(f"{LAYOUTS_GROUP}/{name}", tree.header().saveState())


def restore_named_layout(name: str, tree: QTreeView) -> bool:
    value = settings().value(f"{LAYOUTS_GROUP}/{name}")
    return isinstance(value, QByteArray) and tree.header().restoreState(value)


class ColumnChooser(QObject):
    """The header context menu of the task table."""

    def __init__(self, tree: QTreeView, model: TaskTreeModel) -> None:
        super().__init__(tree)
        self.tree, self.model = tree, model
        header = tree.header()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(
            lambda pos: self.menu().exec(header.mapToGlobal(pos)))
        header.setSectionsMovable(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    def menu(self) -> QMenu:
        menu = QMenu(self.tree)
        menu.setObjectName("columnMenu")
        for column in range(self.model.columnCount()):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            action = menu.addAction(title)
            action.setObjectName(f"column_{column}")
            action.setCheckable(True)
            action.setChecked(not self.tree.isColumnHidden(column))
            action.setEnabled(column != COL_NAME)  # the name always shows
            action.toggled.connect(
                lambda on, c=column: self.set_shown(c, on))
        menu.addSeparator()
        menu.addAction(self.tr("Fit columns to contents"), self.fit).setObjectName("columnsFit")
        menu.addAction(self.tr("Default columns"), self.reset).setObjectName("columnsDefault")
        menu.addAction(self.tr("Save column layout…"), self.ask_save).setObjectName(
            "columnsSave")
        names = layout_names()
        if names:
            saved = menu.addMenu(self.tr("Saved layouts"))
            saved.setObjectName("columnsSaved")
            for name in names:
                saved.addAction(name, lambda n=name: restore_named_layout(n, self.tree))
        return menu

    def set_shown(self, column: int, shown: bool) -> None:
        self.tree.setColumnHidden(column, not shown)
        if shown and self.tree.columnWidth(column) < header_width(self.tree, column):
            self.tree.setColumnWidth(column, default_width(self.tree, self.model, column))

    def fit(self) -> None:
        for column in range(self.model.columnCount()):
            if not self.tree.isColumnHidden(column):
                self.tree.setColumnWidth(column, default_width(self.tree, self.model, column))

    def reset(self) -> None:
        header = self.tree.header()
        for column in range(self.model.columnCount()):
            header.moveSection(header.visualIndex(column), column)
        apply_default_columns(self.tree, self.model)

    def ask_save(self) -> None:
        name, ok = QInputDialog.getText(self.tree, self.tr("Save column layout"),
                                        self.tr("Layout name"))
        name = name.strip().replace("/", "-")
        if ok and name:
            save_layout(name, self.tree)
