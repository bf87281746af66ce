"""The WBS tree view: rows dragged to reorder or re-parent, Tab between cells, short owners.

:class:`TaskTree` is the ``QTreeView`` of the Gantt tab. A drag starts on an
already selected row (a press-and-drag elsewhere still extends the selection);
the drop point decides the place: the upper quarter of a row drops before it,
the lower quarter after it, the middle makes the rows its sub-tasks. The drop
itself is handed to ``on_drop(ids, target_id, where)`` (the window's outline
actions), so it becomes one undoable edit. Tab and Shift+Tab walk the cells of
a row, then on to the next row, and commit an open editor on the way (as in a
spreadsheet). :class:`OwnerDelegate` shows a ministry's short name when the
full one does not fit the column.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import QDrag, QPainter, QPen
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTreeView

from ..domain.outline import AFTER, BEFORE, CHILD
from .delegates import OrgComboDelegate
from .task_model import COL_OWNER
from .tree_rows import RowPainter

MIME_TYPE = "application/x-smartcity-task-ids"

# Common Korean short forms of the bodies in the plan (used only where the full name
# does not fit; the tooltip always has the full name).
SHORT_KO = {
    "MOLIT": "국토부", "MOEF": "기재부", "MSIT": "과기정통부", "MOIS": "행안부",
    "MOTIE": "산업부", "ME": "환경부", "PCFIR": "4차위", "MOHW": "복지부", "MOE": "교육부",
    "MSS": "중기부", "KMA": "기상청", "NSCC": "스마트도시위", "LH": "LH", "KWATER": "K-water",
    "SEJONG_CITY": "세종시", "BUSAN_CITY": "부산시", "KAIST": "KAIST", "NIA": "NIA",
    "KAIA": "KAIA", "ALLIANCE": "융합얼라이언스",
}


class OwnerDelegate(OrgComboDelegate):
    """The owner column: full name when it fits, else the short form (code in English)."""

    def initStyleOption(self, option, index: QModelIndex) -> None:  # noqa: N802 (Qt name)
        super().initStyleOption(option, index)
        option.text = self.shown_text(option.text, option.fontMetrics, option.rect.width(),
                                      self.model.task_id(index))

    def shown_text(self, text: str, metrics, width: int, task_id: int) -> str:
        """The owner as the cell shows it: the full name if it fits ``width``, else short."""
        if not text or metrics.horizontalAdvance(text) <= width - 8:
            return text
        task = self.model.task(task_id)
        org = self.model._orgs.get(task.owner_org_id) if task is not None else None
        if org is None:
            return text
        return SHORT_KO.get(org.code, text) if self.model.context.lang == "ko" else org.code


class TaskTree(QTreeView):
    """The task table of the Gantt tab (see the module docstring)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.on_drop: Callable[[list[int], int, str], None] | None = None
        self.setDragEnabled(False)  # drags are started by hand (rows only, MoveAction)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setTabKeyNavigation(True)
        self._press: QPoint | None = None
        self._drop: tuple[QRect, str] | None = None
        self._rows = RowPainter(self, self._owner_text)

    def _owner_text(self, text: str, metrics, width: int, task_id: int) -> str:
        delegate = self.itemDelegateForColumn(COL_OWNER)
        shown = getattr(delegate, "shown_text", None)
        return shown(text, metrics, width, task_id) if shown is not None else text

    def drawRow(self, painter, option, index) -> None:  # noqa: N802 (Qt name)
        # one Python call per row instead of ~9 per cell (see tree_rows)
        if not self._rows.draw(painter, option, index):
            super().drawRow(painter, option, index)

    # -- Tab between cells -----------------------------------------------------------
    def moveCursor(self, action, modifiers):  # noqa: N802 (Qt name)
        nav = QAbstractItemView.CursorAction
        if action not in (nav.MoveNext, nav.MovePrevious):
            return super().moveCursor(action, modifiers)
        current = self.currentIndex()
        if not current.isValid():
            return super().moveCursor(action, modifiers)
        columns = [c for c in range(self.model().columnCount())
                   if not self.isColumnHidden(c)]
        columns.sort(key=self.header().visualIndex)
        if current.column() not in columns:
            return current
        pos = columns.index(current.column()) + (1 if action == nav.MoveNext else -1)
        if 0 <= pos < len(columns):
            return current.siblingAtColumn(columns[pos])
        row_action = nav.MoveDown if action == nav.MoveNext else nav.MoveUp
        row = super().moveCursor(row_action, modifiers)
        if not row.isValid() or row.row() == current.row() and row.parent() == current.parent():
            return current
        return row.siblingAtColumn(columns[0] if action == nav.MoveNext else columns[-1])

    # -- dragging rows ---------------------------------------------------------------
    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt name)
        index = self.indexAt(event.position().toPoint())
        on_selected = index.isValid() and self.selectionModel().isRowSelected(
            index.row(), index.parent())
        self._press = (event.position().toPoint()
                       if on_selected and event.button() == Qt.MouseButton.LeftButton
                       and not event.modifiers() else None)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            moved = (event.position().toPoint() - self._press).manhattanLength()
            if moved >= QApplication.startDragDistance():
                self._press = None
                self._start_drag()
                return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self._press = None
        super().mouseReleaseEvent(event)

    def selected_ids(self) -> list[int]:
        model = self.model()
        return [model.task_id(ix) for ix in self.selectionModel().selectedRows(0)]

    def _start_drag(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        data = QMimeData()
        data.setData(MIME_TYPE, QByteArray(",".join(map(str, ids)).encode("ascii")))
        drag = QDrag(self)
        drag.setMimeData(data)
        drag.exec(Qt.DropAction.MoveAction)

    def drop_target(self, pos: QPoint) -> tuple[int, str] | None:
        """(task id, before/after/child) for a drop at viewport position ``pos``."""
        index = self.indexAt(pos)
        if not index.isValid():
            return None
        rect = self.visualRect(index)
        quarter = max(1, rect.height() // 4)
        if pos.y() < rect.top() + quarter:
            where = BEFORE
        elif pos.y() >= rect.bottom() - quarter:
            where = AFTER
        else:
            where = CHILD
        return self.model().task_id(index), where

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if event.source() is self and event.mimeData().hasFormat(MIME_TYPE):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if event.source() is not self or not event.mimeData().hasFormat(MIME_TYPE):
            event.ignore()
            return
        target = self.drop_target(event.position().toPoint())
        self._drop = None
        if target is not None:
            rect = self.visualRect(self.model().index_of(target[0]))
            rect.setLeft(0)
            rect.setRight(self.viewport().width())
            self._drop = (rect, target[1])
        self.viewport().update()
        event.acceptProposedAction()

    def dragLeaveEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self._drop = None
        self.viewport().update()
        super().dragLeaveEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self._drop = None
        self.viewport().update()
        if event.source() is not self or not event.mimeData().hasFormat(MIME_TYPE):
            event.ignore()
            return
        raw = bytes(event.mimeData().data(MIME_TYPE)).decode("ascii")
        ids = [int(x) for x in raw.split(",") if x.strip().isdigit()]
        target = self.drop_target(event.position().toPoint())
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        if target is not None and ids and self.on_drop is not None:
            self.on_drop(ids, *target)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self._rows.begin()
        try:
            super().paintEvent(event)
        finally:
            self._rows.end()
        if self._drop is None:
            return
        rect, where = self._drop
        painter = QPainter(self.viewport())
        painter.setPen(QPen(self.palette().highlight().color(), 2))
        if where == CHILD:
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        else:
            y = rect.top() if where == BEFORE else rect.bottom()
            painter.drawLine(0, y, rect.right(), y)
        painter.end()
