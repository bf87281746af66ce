"""Keyboard navigation of the chart, and finding the dependency arrow under the pointer.

Up/Down select the previous/next row (the table follows), Left/Right scroll the
time axis, Home/End bring the selected bar's start/finish into view, Ctrl+Home /
Ctrl+End go to the first/last row and the project's start/finish.
:func:`link_at` is the arrow hit test the context menu uses (no Qt: plain geometry).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt

from . import arrows
from .interaction import hit_test
from .painter import arrow_offset
from .rows import ROW_HEIGHT

if TYPE_CHECKING:
    from .layout import GanttLayout
    from .view import GanttView

_K = Qt.Key


def _select_row(view: GanttView, row: int) -> None:
    rows = view.layout_state.table.rows
    if not rows:
        return
    row = min(max(row, 0), len(rows) - 1)
    view._selected_row = row
    task_id = rows[row].task_id
    view.selectionChanged.emit(task_id)
    view.scroll_to_task(task_id)
    view.viewport().update()


def _show_x(view: GanttView, x: float) -> None:
    bar = view.horizontalScrollBar()
    width = view.viewport().width()
    if not bar.value() + 20 <= x <= bar.value() + width - 20:
        bar.setValue(int(x - width / 3))


def handle_key(view: GanttView, key: int, modifiers: Any) -> bool:
    """Act on a navigation key; False when the key is not one of them."""
    lay = view.layout_state
    n = len(lay.table.rows)
    ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
    row = view._selected_row
    if key in (_K.Key_Up, _K.Key_Down) and n:
        step = -1 if key == _K.Key_Up else 1
        _select_row(view, (row if row is not None else -step if step > 0 else n) + step)
        return True
    if key in (_K.Key_Left, _K.Key_Right):
        bar = view.horizontalScrollBar()
        bar.setValue(bar.value() + (-1 if key == _K.Key_Left else 1)
                     * max(20, view.viewport().width() // 8))
        return True
    if key in (_K.Key_Home, _K.Key_End) and ctrl:
        if n:
            _select_row(view, 0 if key == _K.Key_Home else n - 1)
        start, finish = lay.project_span()
        if key == _K.Key_Home:
            view.scroll_to_date(start, margin_days=7)
        else:
            _show_x(view, lay.ts.x(finish.toordinal()))
        return True
    if key in (_K.Key_Home, _K.Key_End):
        if row is None:
            return handle_key(view, key, Qt.KeyboardModifier.ControlModifier)
        _show_x(view, float(lay.x0[row] if key == _K.Key_Home else lay.x1[row]))
        return True
    return False


def menu_target(view: GanttView, c: Any) -> tuple[str, Any] | None:
    """What a right-click at content point ``c`` is on: a bar, else an arrow, else the row
    (a bar or row is selected)."""
    lay = view.layout_state
    hit = hit_test(lay, c.x(), c.y(), view._show_baseline)
    link = None
    if hit is None or hit.part == "row":
        link = link_at(lay, c.x(), c.y(), view._show_baseline)
    if link is not None:
        return "link", link
    if hit is None:
        return None
    _select_row(view, hit.row)
    return "task", lay.table.rows[hit.row].task_id


def _distance(px: float, py: float, a: tuple[float, float], b: tuple[float, float]) -> float:
    (ax, ay), (bx, by) = a, b
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length))
    cx, cy = ax + t * dx, ay + t * dy
    return ((px - cx) ** 2 + (py - cy) ** 2) ** 0.5


def link_at(lay: GanttLayout, x: float, y: float, show_baseline: bool,
            tolerance: float = 4.0) -> tuple[int, int] | None:
    """(predecessor, successor) task ids of the arrow nearest content point (x, y)."""
    d = lay.deps
    row = int(y // ROW_HEIGHT)
    off = arrow_offset(show_baseline)
    best: tuple[float, tuple[int, int]] | None = None
    for k in d.crossing(row, row).tolist():
        p, s, ty = int(d.pred[k]), int(d.succ[k]), int(d.type[k])
        pts, _ = arrows.route(ty, float(lay.x0[p]), float(lay.x1[p]), p * ROW_HEIGHT + off,
                              float(lay.x0[s]), float(lay.x1[s]), s * ROW_HEIGHT + off,
                              ROW_HEIGHT)
        near = min(_distance(x, y, a, b) for a, b in zip(pts, pts[1:]))
        if near <= tolerance and (best is None or near < best[0]):
            ids = (lay.table.rows[p].task_id, lay.table.rows[s].task_id)
            best = (near, ids)
    return best[1] if best else None
