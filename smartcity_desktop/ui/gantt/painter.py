"""Painting the chart body with QPainter: background, bars, arrows, date lines.

Everything here draws into a painter already translated to content
coordinates (x from the chart origin, y from the first row) and touches only
the rows of the given :class:`~.layout.Frame`. The background (weekend and
holiday columns, grid, row lines) is vertically uniform, so the view caches
it as a pixmap one row taller than the viewport and blits it at the row
phase of the current scroll position; it is rebuilt only when the zoom, the
horizontal position, the size or the calendar changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

from . import arrows
from .layout import Frame, GanttLayout
from .rows import KIND_MILESTONE, KIND_SUMMARY, ROW_HEIGHT
from .shading import DayShading
from .timescale import MODE_UNITS, header_cells, mode_for_ppd


def _c(hex_: str) -> QColor:
    return QColor(hex_)


@dataclass
class Colours:
    background: QColor = field(default_factory=lambda: _c("#ffffff"))
    weekend: QColor = field(default_factory=lambda: _c("#f1f1f3"))
    holiday: QColor = field(default_factory=lambda: _c("#fbe3e3"))
    grid: QColor = field(default_factory=lambda: _c("#e2e2e6"))
    row_line: QColor = field(default_factory=lambda: _c("#f0f0f2"))
    selection: QColor = field(default_factory=lambda: _c("#d9e7fb"))
    bar: QColor = field(default_factory=lambda: _c("#7fb0e6"))
    bar_edge: QColor = field(default_factory=lambda: _c("#3f78b8"))
    progress: QColor = field(default_factory=lambda: _c("#1f5296"))
    critical: QColor = field(default_factory=lambda: _c("#ef8a8a"))
    critical_edge: QColor = field(default_factory=lambda: _c("#c62828"))
    critical_progress: QColor = field(default_factory=lambda: _c("#8e1414"))
    summary: QColor = field(default_factory=lambda: _c("#37474f"))
    milestone: QColor = field(default_factory=lambda: _c("#263238"))
    baseline: QColor = field(default_factory=lambda: _c("#a6a6a6"))
    planned: QColor = field(default_factory=lambda: _c("#7b61b3"))
    arrow: QColor = field(default_factory=lambda: _c("#5b6b7a"))
    text: QColor = field(default_factory=lambda: _c("#202124"))
    today: QColor = field(default_factory=lambda: _c("#e67e00"))
    status: QColor = field(default_factory=lambda: _c("#1565c0"))


COLOURS = Colours()


HOLIDAY_MIN_PPD = 3.0  # pixels per day below which holidays are not shaded


def arrow_offset(show_baseline: bool) -> float:
    """Where in its row an arrow meets a bar (the bar's vertical centre)."""
    return (4.0 + 5.5) if show_baseline else 12.0


def bar_box(row: int, show_baseline: bool) -> tuple[float, float]:
    """Top y and height (content pixels) of the bar in ``row``."""
    top = row * ROW_HEIGHT
    return (top + 4.0, 11.0) if show_baseline else (top + 6.0, 12.0)


def draw_background(p: QPainter, lay: GanttLayout, shading: DayShading,
                    xoff: float, width: int, height: int) -> None:
    """Shading, grid and row lines for content x ``xoff .. xoff+width``.

    The painter's origin is content x ``xoff`` and a row boundary at y 0.
    """
    ts, c = lay.ts, COLOURS
    p.fillRect(QRectF(0, 0, width, height), c.background)
    first = ts.ordinal_at(xoff)
    last = ts.ordinal_at(xoff + width)
    ppd = ts.ppd
    # Weekends would be a grey blur at coarse zoom, and a holiday narrower than a few pixels
    # a row of pink hairlines: each is drawn only where its days are wide enough to read.
    rects: dict[bool, list[QRectF]] = {False: [], True: []}
    for s, e, is_holiday in shading.runs(first, last, weekends=ppd >= 1.5):
        if is_holiday and ppd < HOLIDAY_MIN_PPD:
            continue
        rects[is_holiday].append(QRectF(ts.x(s) - xoff, 0, max((e - s) * ppd, 1.0), height))
    p.setPen(Qt.PenStyle.NoPen)
    for is_holiday, batch in rects.items():
        if batch:
            p.setBrush(c.holiday if is_holiday else c.weekend)
            p.drawRects(batch)
    lower = MODE_UNITS[mode_for_ppd(ppd)][1]
    p.setPen(QPen(c.grid, 0))
    xs = [ts.x(cell.start) - xoff for cell in header_cells(lower, first, last)]
    p.drawLines([QLineF(x, 0, x, height) for x in xs])
    p.setPen(QPen(c.row_line, 0))
    p.drawLines([QLineF(0, y - 0.5, width, y - 0.5)
                 for y in range(ROW_HEIGHT, int(height) + 1, ROW_HEIGHT)])


def _hatch(colour: QColor) -> QBrush:
    brush = QBrush(colour, Qt.BrushStyle.BDiagPattern)
    return brush


def draw_rows(p: QPainter, lay: GanttLayout, frame: Frame, selected_row: int | None,
              show_baseline: bool, font: QFont) -> int:
    """Bars, brackets, diamonds, planned ranges, baselines and labels of visible rows.

    Returns how many rows were painted (used by tests and statistics).
    """
    first, last = frame.rows(len(lay.table))
    if last < first:
        return 0
    c, t = COLOURS, lay.table
    sl = slice(first, last + 1)
    x0s, x1s = lay.x0[sl].tolist(), lay.x1[sl].tolist()
    kinds = t.kind[sl].tolist()
    crit = t.critical[sl].tolist()
    pct = t.percent[sl].tolist()
    ranges = lay.range_x[sl].tolist()
    bases = lay.base_x[sl].tolist() if show_baseline else None
    rows = t.rows[sl]
    left, right = frame.xoff - 2.0, frame.xoff + frame.width + 2.0
    bold = QFont(font)
    bold.setBold(True)
    fm = QFontMetricsF(font)
    text_dy = (ROW_HEIGHT + fm.ascent() - fm.descent()) / 2.0
    hatch = _hatch(c.planned)
    planned_pen = QPen(c.planned, 0, Qt.PenStyle.DotLine)
    for k in range(last - first + 1):
        i = first + k
        x0, x1, kind = x0s[k], x1s[k], kinds[k]
        top, h = bar_box(i, show_baseline)
        # Imprecise planned dates: a hatched span for each range.
        rng = ranges[k]
        for a, b in ((rng[0], rng[1]), (rng[2], rng[3])):
            if a == a and b > left and a < right:  # a == a: not NaN
                rect = QRectF(a, i * ROW_HEIGHT + 2.0, b - a, ROW_HEIGHT - 4.0)
                p.fillRect(rect, hatch)
                p.setPen(planned_pen)
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRect(rect)
        if bases is not None:
            b0, b1 = bases[k][0], bases[k][1]
            if b0 == b0 and b1 > left and b0 < right:
                p.fillRect(QRectF(b0, top + h + 2.0, max(b1 - b0, 2.0), 4.0), c.baseline)
        if x1 < left - 400 or x0 > right:
            continue
        is_crit = crit[k]
        if kind == KIND_SUMMARY:
            colour = c.critical_edge if is_crit else c.summary
            yc = top + h / 2.0
            p.fillRect(QRectF(x0, yc - 3.0, x1 - x0, 5.0), colour)
            tri = 5.0
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(colour)
            p.drawPolygon(QPolygonF([QPointF(x0, yc), QPointF(x0 + tri, yc),
                                     QPointF(x0, yc + 7.0)]))
            p.drawPolygon(QPolygonF([QPointF(x1, yc), QPointF(x1 - tri, yc),
                                     QPointF(x1, yc + 7.0)]))
            label_x = x1 + 6.0
        elif kind == KIND_MILESTONE:
            yc = top + h / 2.0
            r = 6.5
            p.setPen(QPen(c.critical_edge if is_crit else c.milestone, 1))
            p.setBrush(c.critical_edge if is_crit else c.milestone)
            p.drawPolygon(QPolygonF([QPointF(x0, yc - r), QPointF(x0 + r, yc),
                                     QPointF(x0, yc + r), QPointF(x0 - r, yc)]))
            label_x = x0 + r + 4.0
        else:
            rect = QRectF(x0, top, x1 - x0, h)
            p.setPen(QPen(c.critical_edge if is_crit else c.bar_edge, 1))
            p.setBrush(c.critical if is_crit else c.bar)
            p.drawRect(rect)
            if pct[k] > 0:
                w = (x1 - x0) * pct[k] / 100.0
                p.fillRect(QRectF(x0, top + h * 0.3, w, h * 0.4),
                           c.critical_progress if is_crit else c.progress)
            label_x = x1 + 6.0
        if label_x < right:
            p.setFont(bold if kind == KIND_SUMMARY else font)
            p.setPen(c.text)
            p.drawText(QPointF(label_x, i * ROW_HEIGHT + text_dy), rows[k].name)
    return last - first + 1


def draw_selection(p: QPainter, frame: Frame, selected_row: int | None, n_rows: int) -> None:
    first, last = frame.rows(n_rows)
    if selected_row is not None and first <= selected_row <= last:
        rect = QRectF(frame.xoff, selected_row * ROW_HEIGHT, frame.width, ROW_HEIGHT)
        p.fillRect(rect, COLOURS.selection)


def draw_arrows(p: QPainter, lay: GanttLayout, frame: Frame, idx: np.ndarray,
                show_baseline: bool) -> int:
    """Dependency arrows ``idx`` (indices into the layout's dependency arrays)."""
    if not idx.size:
        return 0
    c = COLOURS
    d, t = lay.deps, lay.table
    preds, succs, types = d.pred[idx].tolist(), d.succ[idx].tolist(), d.type[idx].tolist()
    x0, x1 = lay.x0, lay.x1
    crit = t.critical
    normal_pen = QPen(c.arrow, 1)
    crit_pen = QPen(c.critical_edge, 1.5)
    off = arrow_offset(show_baseline)
    # Long arrows: clamp y to just outside the frame so off-screen lengths cost nothing.
    y_lo, y_hi = frame.yoff - 40.0, frame.yoff + frame.height + 40.0
    # One path per style: a couple of draw calls however many arrows are visible.
    lines = {False: QPainterPath(), True: QPainterPath()}
    heads = {False: QPainterPath(), True: QPainterPath()}
    px0, px1 = x0[d.pred[idx]].tolist(), x1[d.pred[idx]].tolist()
    sx0, sx1 = x0[d.succ[idx]].tolist(), x1[d.succ[idx]].tolist()
    pcrit, scrit = crit[d.pred[idx]].tolist(), crit[d.succ[idx]].tolist()
    for k, (pr, sr, ty) in enumerate(zip(preds, succs, types, strict=True)):
        is_crit = pcrit[k] and scrit[k]
        pts, direction = arrows.route(ty, px0[k], px1[k], pr * ROW_HEIGHT + off,
                                      sx0[k], sx1[k], sr * ROW_HEIGHT + off, ROW_HEIGHT)
        path = lines[is_crit]
        x, y = pts[0]
        path.moveTo(x, min(max(y, y_lo), y_hi))
        for x, y in pts[1:]:
            path.lineTo(x, min(max(y, y_lo), y_hi))
        tip_x, tip_y = pts[-1]
        if y_lo < tip_y < y_hi:
            heads[is_crit].addPolygon(QPolygonF(
                [QPointF(hx, hy) for hx, hy in arrows.head(tip_x, tip_y, direction)]))
    p.setBrush(Qt.BrushStyle.NoBrush)
    # Elbow lines are horizontal and vertical: drawn with the pen, not antialiased, they
    # stay crisp and rasterise several times faster than an antialiased strokePath.
    antialiased = p.testRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    for is_crit, pen in ((False, normal_pen), (True, crit_pen)):
        if not lines[is_crit].isEmpty():
            p.setPen(pen)
            p.drawPath(lines[is_crit])
    p.setRenderHint(QPainter.RenderHint.Antialiasing, antialiased)
    for is_crit, pen in ((False, normal_pen), (True, crit_pen)):
        if not heads[is_crit].isEmpty():
            p.fillPath(heads[is_crit], pen.color())
    return len(preds)


def draw_date_lines(p: QPainter, lay: GanttLayout, frame: Frame) -> None:
    """The today line (solid orange) and the status-date line (dashed blue)."""
    ts = lay.ts
    top, bottom = frame.yoff, frame.yoff + frame.height
    marks = [(lay.today, QPen(COLOURS.today, 2))]
    if lay.status_date is not None:
        pen = QPen(COLOURS.status, 2, Qt.PenStyle.DashLine)
        marks.append((lay.status_date, pen))
    for d, pen in marks:
        # The line sits at the end of the day: work on that day counts as done.
        x = ts.x(d.toordinal() + 1)
        if frame.xoff - 2 <= x <= frame.xoff + frame.width + 2:
            p.setPen(pen)
            p.drawLine(QPointF(x, top), QPointF(x, bottom))
