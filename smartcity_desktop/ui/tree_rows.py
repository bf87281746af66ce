"""Painting the task table's rows in one Python call per row, not ~10 per cell.

A ``QTreeView`` over a Python model paints each visible cell through the item
delegate, which asks the model for seven roles (font, alignment, colour, check
state, icon, text, background) and the view asks ``index()`` and ``flags()``:
about nine calls from C++ into Python per cell. With the window's 1,076 px table
(ten columns, ~37 rows) that was 3,800 calls and ~30 ms per full repaint, so a
scroll step took 36-40 ms instead of the 14-16 ms it took when the table was
half as wide.

:class:`RowPainter` draws what those calls produced, from the model's own answers
(``row_texts``, ``row_look``, the owner's short form) with one call per row:
the row background (alternate colour, selection highlight), the tree's branch
indicators (Qt's own ``drawBranches``), each cell's text elided on the right
(bold for summaries, coloured status and critical float, numbers right-aligned)
and the focus frame of the current cell. It is used only while a paint event
runs (:meth:`begin` / :meth:`end`); anything it does not know falls back to
``QTreeView.drawRow``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPointF, QRect, Qt
from PySide6.QtGui import QBrush, QFont, QFontMetrics, QPainter, QPalette, QStaticText
from PySide6.QtWidgets import QStyle, QStyleOptionFocusRect, QStyleOptionViewItem, QTreeView

from .task_model import COL_OWNER, RIGHT_ALIGNED

_ELIDED_LIMIT = 50_000  # cached elided texts (text, width, bold) before the cache is cleared
_STATIC_LIMIT = 20_000  # cached laid-out texts (QStaticText, a few hundred bytes each)


class RowPainter:
    """Draws the rows of one paint event of a tree over a ``TaskTreeModel``."""

    def __init__(self, tree: QTreeView, owner_text: Any) -> None:
        self.tree = tree
        self.owner_text = owner_text  # (text, metrics, width, task id) -> text shown
        self._elided: dict[tuple[str, int, bool], str] = {}
        self._statics: dict[tuple[str, bool], QStaticText] = {}  # laid-out texts
        self._statics_font: tuple[str, int] | None = None
        self.active = False

    # -- one paint event ------------------------------------------------------------------
    def begin(self) -> None:
        """Read what every row of this paint shares (columns, colours, selection, fonts)."""
        tree = self.tree
        model = tree.model()
        self.active = hasattr(model, "row_texts") and hasattr(model, "row_look")
        if not self.active:
            return
        self.model = model
        header = tree.header()
        width = tree.viewport().width()
        self.columns: list[tuple[int, int, int]] = []  # logical column, x, width
        for visual in range(header.count()):
            col = header.logicalIndex(visual)
            if header.isSectionHidden(col):
                continue
            x, w = header.sectionViewportPosition(col), header.sectionSize(col)
            if w > 0 and x < width and x + w > 0:
                self.columns.append((col, x, w))
        self.span = ((min(x for _, x, _ in self.columns), max(x + w for _, x, w in self.columns))
                     if self.columns else (0, 0))
        self.tree_column = header.logicalIndex(tree.treePosition())
        group = (QPalette.ColorGroup.Active if tree.isActiveWindow()
                 else QPalette.ColorGroup.Inactive)
        pal = tree.palette()
        self.highlight = pal.brush(group, QPalette.ColorRole.Highlight)
        self.alternate = pal.brush(group, QPalette.ColorRole.AlternateBase)
        self.text_colour = pal.color(group, QPalette.ColorRole.Text)
        self.selected_colour = pal.color(group, QPalette.ColorRole.HighlightedText)
        self.alternating = tree.alternatingRowColors()
        self.selection = [(int(r.parent().internalId()) if r.parent().isValid() else 0,
                           r.top(), r.bottom()) for r in tree.selectionModel().selection()]
        current = tree.currentIndex()
        self.current = ((int(current.internalId()), current.column())
                        if current.isValid() and tree.hasFocus() else None)
        self.font = QFont(tree.font())
        self.bold = QFont(self.font)
        self.bold.setBold(True)
        self.metrics = {False: QFontMetrics(self.font), True: QFontMetrics(self.bold)}
        self.margin = tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin,
                                               None, tree) + 1
        self.offset = tree.verticalOffset()
        self.indent = tree.indentation()
        self.root_decorated = tree.rootIsDecorated()
        if len(self._elided) > _ELIDED_LIMIT:
            self._elided.clear()
        if len(self._statics) > _STATIC_LIMIT:
            self._statics.clear()
        if self._statics_font != (self.font.key(), tree.logicalDpiY()):
            self._statics_font = (self.font.key(), tree.logicalDpiY())
            self._statics.clear()

    def end(self) -> None:
        self.active = False
        self.model = None

    # -- one row ----------------------------------------------------------------------------
    def draw(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> bool:
        """Paint one row; False when it is not one this painter knows (Qt paints it)."""
        if not self.active or not self.columns:
            return False
        model = self.model
        tid = int(index.internalId())
        if model.task(tid) is None:
            return False
        rect = option.rect
        y, h = rect.y(), rect.height()
        row, parent = index.row(), model.plan.parent_of.get(tid, 0)
        selected = any(p == parent and top <= row <= bottom for p, top, bottom in self.selection)
        alternate = self.alternating and ((y + self.offset) // max(h, 1)) % 2 == 1
        texts = model.row_texts(tid)
        bold, brushes = model.row_look(tid)
        metrics = self.metrics[bold]
        painter.setFont(self.bold if bold else self.font)
        if selected or alternate:  # one fill under every shown column
            painter.fillRect(self.span[0], y, self.span[1] - self.span[0], h,
                             self.highlight if selected else self.alternate)
        pen: Any = None
        for col, x, w in self.columns:
            left = x
            if col == self.tree_column:
                depth = model.depth(tid) + (1 if self.root_decorated else 0)
                branch = min(self.indent * depth, w)
                if self.indent:
                    self.tree.drawBranches(painter, QRect(x, y, branch, h), index)
                left += branch
            text = texts[col] if col < len(texts) else ""
            if text:
                avail = x + w - left - 2 * self.margin
                if col == COL_OWNER:
                    text = self.owner_text(text, metrics, x + w - left, tid)
                static = self._static(text, bold)
                width = static.size().width()
                if width > avail:  # most texts fit: elide only those that do not
                    static = self._static(self._elide(text, avail, bold, metrics), bold)
                    width = static.size().width()
                colour = self.selected_colour if selected else brushes.get(col, self.text_colour)
                if colour is not pen:  # a pen change only where the colour changes
                    pen = colour
                    painter.setPen(colour.color() if isinstance(colour, QBrush) else colour)
                tx = left + self.margin
                if col in RIGHT_ALIGNED:
                    tx += avail - width
                painter.drawStaticText(QPointF(tx, y + (h - metrics.height()) / 2), static)
            if self.current == (tid, col):
                self._focus(painter, QRect(left, y, x + w - left, h), selected)
        return True

    def _static(self, text: str, bold: bool) -> QStaticText:
        key = (text, bold)
        static = self._statics.get(key)
        if static is None:
            static = self._statics[key] = QStaticText(text)
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.prepare(font=self.bold if bold else self.font)
        return static

    def _elide(self, text: str, width: int, bold: bool, metrics: QFontMetrics) -> str:
        key = (text, width, bold)
        shown = self._elided.get(key)
        if shown is None:
            shown = self._elided[key] = metrics.elidedText(
                text, Qt.TextElideMode.ElideRight, max(width, 0))
        return shown

    def _focus(self, painter: QPainter, rect: QRect, selected: bool) -> None:
        opt = QStyleOptionFocusRect()
        opt.initFrom(self.tree)
        opt.rect = rect
        opt.state |= QStyle.StateFlag.State_KeyboardFocusChange | QStyle.StateFlag.State_Item
        opt.backgroundColor = (self.highlight.color() if selected
                               else self.tree.palette().color(QPalette.ColorRole.Base))
        self.tree.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, opt,
                                        painter, self.tree)
