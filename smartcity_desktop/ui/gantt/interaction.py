"""Mouse editing on the chart: hit-testing, drag state and the drag overlay.

A left press on a bar starts one of three drags, decided by where it lands:

* the bar body (task or milestone) -> **move**; on release the view emits
  ``taskMoveRequested(task_id, new_start)`` snapped to whole days;
* the last few pixels of a task bar -> **resize**; emits
  ``taskResizeRequested(task_id, new_finish)`` (never before the start);
* the small link handle right of the bar, or anywhere on a bar with Shift
  held -> **link**; released over another bar it emits
  ``dependencyRequested(pred_id, succ_id)``.

Nothing moves until the pointer travels the platform drag distance, so a
plain click only selects. Summary bars are computed from their children and
cannot be moved or resized, but they can be linked. Escape cancels a drag.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from .layout import GanttLayout
from .painter import COLOURS, bar_box
from .rows import KIND_MILESTONE, KIND_SUMMARY, KIND_TASK, ROW_HEIGHT

END_ZONE = 5.0  # pixels at the right end of a task bar that resize it
HANDLE_GAP = 9.0  # link handle centre distance right of the bar end
HANDLE_R = 4.0
MILESTONE_R = 6.5


@dataclass
class Hit:
    row: int
    part: str  # 'body' | 'end' | 'link' | 'row'


@dataclass
class Drag:
    mode: str  # 'move' | 'resize' | 'link'
    row: int
    press: QPointF  # content coordinates
    current: QPointF
    active: bool = False
    days: int = 0
    target_row: int | None = None


def handle_x(lay: GanttLayout, row: int) -> float:
    extra = MILESTONE_R if int(lay.table.kind[row]) == KIND_MILESTONE else 0.0
    return float(lay.x1[row]) + extra + HANDLE_GAP


def hit_test(lay: GanttLayout, cx: float, cy: float, show_baseline: bool,
             tolerance: float = 0.0) -> Hit | None:
    """What lies under content point (cx, cy): a bar part, the row, or nothing."""
    row = lay.row_at(cy)
    if row is None:
        return None
    kind = int(lay.table.kind[row])
    x0, x1 = float(lay.x0[row]), float(lay.x1[row])
    top, h = bar_box(row, show_baseline)
    yc = top + h / 2.0
    if abs(cx - handle_x(lay, row)) <= HANDLE_R + 2 and abs(cy - yc) <= HANDLE_R + 3:
        return Hit(row, "link")
    pad = (MILESTONE_R if kind == KIND_MILESTONE else 0.0) + tolerance
    if not (x0 - pad <= cx <= x1 + pad):
        return Hit(row, "row")
    if kind == KIND_TASK:
        zone = END_ZONE if x1 - x0 > 3 * END_ZONE else 2.0
        if x1 - zone <= cx <= x1 + 3.0:
            return Hit(row, "end")
    return Hit(row, "body")


def cursor_for(lay: GanttLayout, hit: Hit | None) -> Qt.CursorShape:
    """Mouse cursor over a hit: cross on the link handle, arrows where a drag would edit."""
    if hit is None:
        return Qt.CursorShape.ArrowCursor
    editable = int(lay.table.kind[hit.row]) != KIND_SUMMARY
    if hit.part == "link":
        return Qt.CursorShape.CrossCursor
    if hit.part == "end" and editable:
        return Qt.CursorShape.SizeHorCursor
    if hit.part == "body" and editable:
        return Qt.CursorShape.SizeAllCursor
    return Qt.CursorShape.ArrowCursor


def start_drag(hit: Hit, kind: int, shift: bool, pos: QPointF) -> Drag | None:
    if hit.part == "link" or (shift and hit.part in ("body", "end")):
        return Drag("link", hit.row, pos, pos)
    if kind == KIND_SUMMARY:
        return None
    if hit.part == "end":
        return Drag("resize", hit.row, pos, pos)
    if hit.part == "body":
        return Drag("move", hit.row, pos, pos)
    return None


def new_dates(lay: GanttLayout, drag: Drag) -> tuple[date, date]:
    """(start, finish) the dragged row would get."""
    row = lay.table.rows[drag.row]
    delta = timedelta(days=drag.days)
    if drag.mode == "move":
        return row.start + delta, row.finish + delta
    finish = max(row.start, row.finish + delta)
    return row.start, finish


def draw_overlay(p: QPainter, lay: GanttLayout, drag: Drag | None, hover_row: int | None,
                 show_baseline: bool) -> None:
    """Link handle of the hovered bar, and the ghost bar or link line of a drag.

    The painter is in content coordinates.
    """
    if hover_row is not None and hover_row < len(lay.table) and (drag is None or not drag.active):
        top, h = bar_box(hover_row, show_baseline)
        p.setPen(QPen(COLOURS.status, 1.2))
        p.setBrush(QColor("#ffffff"))
        p.drawEllipse(QPointF(handle_x(lay, hover_row), top + h / 2.0), HANDLE_R, HANDLE_R)
    if drag is None or not drag.active:
        return
    top, h = bar_box(drag.row, show_baseline)
    if drag.mode == "link":
        start = QPointF(handle_x(lay, drag.row), top + h / 2.0)
        p.setPen(QPen(COLOURS.status, 1.5, Qt.PenStyle.DashLine))
        p.drawLine(start, drag.current)
        if drag.target_row is not None:
            t0, t1 = float(lay.x0[drag.target_row]), float(lay.x1[drag.target_row])
            tt, th = bar_box(drag.target_row, show_baseline)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(COLOURS.status, 2))
            p.drawRect(QRectF(t0 - 3, tt - 3, t1 - t0 + 6, th + 6))
        return
    ppd = lay.ts.ppd
    x0, x1 = float(lay.x0[drag.row]), float(lay.x1[drag.row])
    shift = drag.days * ppd
    if drag.mode == "move":
        gx0, gx1 = x0 + shift, x1 + shift
    else:
        gx0, gx1 = x0, max(x0 + ppd, x1 + shift)
    if int(lay.table.kind[drag.row]) == KIND_MILESTONE:
        gx0, gx1 = gx0 - MILESTONE_R, gx1 + MILESTONE_R
    p.setBrush(QColor(31, 82, 150, 50))
    p.setPen(QPen(COLOURS.progress, 1, Qt.PenStyle.DashLine))
    p.drawRect(QRectF(gx0, top, gx1 - gx0, h))
    start, finish = new_dates(lay, drag)
    draw_readout(p, f"{start.isoformat()} ~ {finish.isoformat()}", gx0, drag.row)


def draw_readout(p: QPainter, text: str, gx0: float, row: int) -> None:
    """The live dates of a drag in a boxed label in the row above the bar (below it on the
    first row), clear of the bar and of the bar's own name label."""
    fm = p.fontMetrics()
    w, th = fm.horizontalAdvance(text) + 10, min(fm.height() + 4, ROW_HEIGHT)
    y = row * ROW_HEIGHT - th if row > 0 else (row + 1) * ROW_HEIGHT
    box = QRectF(max(gx0, 0.0), y, w, th)
    p.setPen(QPen(COLOURS.progress, 1))
    p.setBrush(QColor("#fffde7"))
    p.drawRect(box)
    p.setPen(COLOURS.text)
    p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)


def tooltip_text(lay: GanttLayout, row: int, lang: str) -> str:
    """Hover text of a bar: name, dates, duration, progress, float, planned ranges."""
    r = lay.table.rows[row]
    # working days, as the table counts them; calendar days only when none was given
    work = r.working_days is not None
    days = r.working_days if work else (r.finish - r.start).days + 1
    ko = lang != "en"
    lines = [f"{r.wbs} {r.name}".strip()]
    if r.kind == "milestone":
        lines.append(("마일스톤: " if ko else "Milestone: ") + r.finish.isoformat())
    else:
        lines.append(f"{r.start.isoformat()} ~ {r.finish.isoformat()} "
                     + ((f"(근무일 {days}일)" if work else f"({days}일)") if ko else
                        (f"({days} working days)" if work else f"({days} days)")))
    lines.append(f"진척률 {r.percent:.0f}%" if ko else f"Complete {r.percent:.0f}%")
    if r.total_float is not None:
        fl = f"{r.total_float:g}"
        lines.append(f"총 여유 {fl}일" if ko else f"Total float {fl} days")
    if r.critical:
        lines.append("주공정(크리티컬 패스)" if ko else "On the critical path")
    for label_ko, label_en, rng in (("계획 시작", "Planned start", r.planned_start_range),
                                    ("계획 완료", "Planned finish", r.planned_finish_range)):
        if rng is not None:
            lines.append(f"{label_ko if ko else label_en}: {rng[0].isoformat()} ~ "
                         f"{rng[1].isoformat()}")
    if r.baseline_start is not None and r.baseline_finish is not None:
        lines.append(("기준선: " if ko else "Baseline: ")
                     + f"{r.baseline_start.isoformat()} ~ {r.baseline_finish.isoformat()}")
    return "\n".join(lines)
