"""The printed Gantt chart: vector drawing, tiled across as many pages as it needs.

The chart is laid out on one long virtual sheet (row labels + time axis) and cut
into tiles that each fill a page frame: rows are split top to bottom, time left
to right. Every tile repeats the row labels, the two-tier timescale (years over
months or quarters) and a caption "가로 i/n · 세로 j/m" so sheets can be taped
together. ``fit_pages_wide=N`` scales the time axis so the whole span fits in N
tiles across. Everything is drawn with canvas operations, so it stays sharp at
any zoom and its text is selectable.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from .fonts import FONT, FONT_BOLD_NAME, safe_text

ROW_H = 5.2 * mm
TIER_H = 5.0 * mm
CAPTION_H = 7.0 * mm
LEGEND_H = 6.0 * mm
LABEL_W = 72 * mm
DEFAULT_MM_PER_MONTH = 12.0
GRID = colors.Color(0.72, 0.72, 0.72)
SHADE = colors.Color(0.95, 0.95, 0.95)
BAR_FILL = colors.Color(0.80, 0.86, 0.95)
DONE_FILL = colors.Color(0.25, 0.35, 0.55)
CRITICAL = colors.Color(0.75, 0.10, 0.10)
BASELINE = colors.Color(0.55, 0.55, 0.55)


@dataclass(frozen=True)
class GanttRow:
    label: str
    level: int
    kind: str  # summary | task | milestone
    start: date | None
    finish: date | None
    percent: float = 0.0
    critical: bool = False
    done: bool = False
    baseline_start: date | None = None
    baseline_finish: date | None = None


@dataclass(frozen=True)
class GanttLayout:
    """How the virtual sheet is cut: whole months per tile across, rows per tile down."""

    first_day: date
    points_per_day: float
    months_per_tile: int
    tiles_across: int
    rows_per_tile: int
    tiles_down: int

    @property
    def pages(self) -> int:
        return self.tiles_across * self.tiles_down

    @property
    def last_day(self) -> date:
        return _add_months(self.first_day, self.tiles_across * self.months_per_tile)

    def window(self, col: int) -> tuple[date, date]:
        """The tile's time window [start, end) in whole months."""
        k = self.months_per_tile
        return _add_months(self.first_day, col * k), _add_months(self.first_day, (col + 1) * k)


def _month_start(d: date) -> date:
    return date(d.year, d.month, 1)


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    return date(d.year + y, m + 1, 1)


def plan_layout(rows: Sequence[GanttRow], width: float, height: float, *,
                status_date: date | None = None, fit_pages_wide: int | None = None,
                mm_per_month: float = DEFAULT_MM_PER_MONTH) -> GanttLayout:
    """Cut the chart for a frame of ``width`` x ``height`` points."""
    days = [d for r in rows for d in (r.start, r.finish, r.baseline_start, r.baseline_finish) if d]
    if status_date:
        days.append(status_date)
    if not days:
        today = status_date or date.today()
        days = [today]
    first = _month_start(min(days))
    last = _add_months(max(days), 1)
    months = (last.year - first.year) * 12 + last.month - first.month
    chart_w = max(width - LABEL_W, 40 * mm)
    if fit_pages_wide:
        months_per_tile = max(1, math.ceil(months / fit_pages_wide))
    else:
        months_per_tile = max(1, int(chart_w / (mm_per_month * mm * 31 / 30.44)))
    tiles_across = max(1, math.ceil(months / months_per_tile))
    # the longest possible window (31-day months) must fit the frame
    ppd = min(chart_w / (months_per_tile * 31), mm_per_month * mm / 30.44) \
        if not fit_pages_wide else chart_w / (months_per_tile * 31)
    body_h = height - CAPTION_H - 2 * TIER_H - LEGEND_H
    rows_per_tile = max(1, int(body_h // ROW_H))
    tiles_down = max(1, math.ceil(len(rows) / rows_per_tile))
    return GanttLayout(first, ppd, months_per_tile, tiles_across, rows_per_tile, tiles_down)


def _fit(text: str, font: str, size: float, width: float) -> str:
    text = safe_text(text)
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


class GanttTile(Flowable):
    """One page of the chart: rows ``row0``.. of column ``col`` of the layout."""

    def __init__(self, rows: Sequence[GanttRow], layout: GanttLayout, col: int, row_block: int,
                 width: float, height: float, *, title: str, status_date: date | None,
                 page_no: int, page_total: int) -> None:
        super().__init__()
        self.rows = rows
        self.layout = layout
        self.col = col
        self.row_block = row_block
        self.width = width
        self.height = height
        self.title = title
        self.status_date = status_date
        self.page_no = page_no
        self.page_total = page_total

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        return self.width, self.height

    # -- geometry ---------------------------------------------------------
    def _x(self, d: date) -> float:
        return LABEL_W + (d - self._t0).days * self.layout.points_per_day

    def draw(self) -> None:
        c = self.canv
        lay = self.layout
        self._t0, self._t1 = lay.window(self.col)
        chart_right = min(self.width, self._x(self._t1))
        first_row = self.row_block * lay.rows_per_tile
        rows = self.rows[first_row:first_row + lay.rows_per_tile]
        top = self.height - CAPTION_H
        axis_bottom = top - 2 * TIER_H
        body_bottom = axis_bottom - len(rows) * ROW_H

        # caption
        c.setFillColor(colors.black)
        c.setFont(FONT_BOLD_NAME, 10)
        c.drawString(0, self.height - 5 * mm, safe_text(self.title))
        c.setFont(FONT, 8)
        end = self._t1 - timedelta(days=1)
        caption = (f"{self._t0:%Y.%m.%d} ~ {end:%Y.%m.%d}   |   "
                   f"가로 {self.col + 1}/{lay.tiles_across}"
                   f" · 세로 {self.row_block + 1}/{lay.tiles_down}"
                   f"   (간트 {self.page_no}/{self.page_total}쪽)")
        c.drawRightString(chart_right, self.height - 5 * mm, caption)

        # row shading and labels
        c.setFont(FONT, 7)
        for i, row in enumerate(rows):
            y = axis_bottom - (i + 1) * ROW_H
            if i % 2 == 1:
                c.setFillColor(SHADE)
                c.rect(0, y, chart_right, ROW_H, stroke=0, fill=1)
            indent = min(row.level, 6) * 3 * mm
            font = FONT_BOLD_NAME if row.kind == "summary" else FONT
            c.setFillColor(colors.black)
            c.setFont(font, 7)
            c.drawString(1.5 * mm + indent, y + 1.6 * mm,
                         _fit(row.label, font, 7, LABEL_W - 3 * mm - indent))
        self._draw_axis(c, top, axis_bottom, body_bottom, chart_right)

        # bars, clipped to the time window
        c.saveState()
        p = c.beginPath()
        p.rect(LABEL_W, body_bottom, chart_right - LABEL_W, axis_bottom - body_bottom)
        c.clipPath(p, stroke=0, fill=0)
        for i, row in enumerate(rows):
            y = axis_bottom - (i + 1) * ROW_H
            self._draw_bar(c, row, y)
        if self.status_date and self._t0 <= self.status_date <= self._t1:
            x = self._x(self.status_date)
            c.setStrokeColor(colors.black)
            c.setLineWidth(0.8)
            c.setDash(3, 2)
            c.line(x, body_bottom, x, axis_bottom)
            c.setDash()
        c.restoreState()

        # frame lines
        c.setStrokeColor(colors.black)
        c.setLineWidth(0.6)
        c.rect(0, body_bottom, chart_right, top - body_bottom, stroke=1, fill=0)
        c.line(LABEL_W, body_bottom, LABEL_W, top)
        c.line(0, axis_bottom, chart_right, axis_bottom)
        self._draw_legend(c, body_bottom - LEGEND_H + 1.5 * mm)

    def _draw_axis(self, c, top: float, axis_bottom: float, body_bottom: float,
                   right: float) -> None:
        lay = self.layout
        month_w = 30.44 * lay.points_per_day
        c.setFont(FONT_BOLD_NAME, 7.5)
        c.setFillColor(colors.black)
        c.drawString(1.5 * mm, axis_bottom + TIER_H * 0.6, "WBS / 과제명")
        # upper tier: years (label each year, clamped to the tile's left edge)
        c.setStrokeColor(colors.black)
        c.setLineWidth(0.4)
        c.line(LABEL_W, top - TIER_H, right, top - TIER_H)
        year = self._t0.year
        while date(year, 1, 1) < self._t1:
            x0 = max(self._x(date(year, 1, 1)), LABEL_W)
            x1 = min(self._x(date(year + 1, 1, 1)), right)
            if x1 - x0 > 1:
                c.setFont(FONT_BOLD_NAME, 7.5)
                label = f"{year}년"
                if x1 - x0 >= stringWidth(label, FONT_BOLD_NAME, 7.5) + 2:
                    c.drawCentredString((x0 + x1) / 2, top - TIER_H + 1.6 * mm, label)
                if x0 > LABEL_W:
                    c.line(x0, top, x0, body_bottom)
            year += 1
        # lower tier: months, or quarters when months are too narrow
        step = 1 if month_w >= 5.5 * mm else 3
        d = _month_start(self._t0)
        while d < self._t1:
            nxt = _add_months(d, step)
            x0, x1 = max(self._x(d), LABEL_W), min(self._x(nxt), right)
            if x1 - x0 > 1:
                label = f"{d.month}월" if step == 1 else f"{(d.month - 1) // 3 + 1}Q"
                size = 6.5
                if x1 - x0 < stringWidth(label, FONT, size) + 1:
                    label = str(d.month) if step == 1 else label[:1]
                c.setFont(FONT, size)
                c.drawCentredString((x0 + x1) / 2, axis_bottom + 1.5 * mm, label)
                if x0 > LABEL_W and d.month != 1:
                    c.setStrokeColor(GRID)
                    c.setLineWidth(0.3)
                    c.line(x0, axis_bottom, x0, body_bottom)
                    c.setStrokeColor(colors.black)
                    c.line(x0, axis_bottom, x0, axis_bottom + TIER_H)
            d = nxt if step == 1 else _add_months(date(d.year, ((d.month - 1) // 3) * 3 + 1, 1), 3)

    def _draw_bar(self, c, row: GanttRow, y: float) -> None:
        if row.baseline_start and row.baseline_finish:
            x0 = self._x(row.baseline_start)
            x1 = max(self._x(row.baseline_finish + timedelta(days=1)), x0 + 1)
            c.setFillColor(BASELINE)
            c.rect(x0, y + 0.5 * mm, x1 - x0, 0.8 * mm, stroke=0, fill=1)
        if not row.start or not row.finish:
            return
        mid = y + ROW_H / 2
        if row.kind == "milestone":
            x = self._x(row.finish)
            s = 1.8 * mm
            c.setStrokeColor(CRITICAL if row.critical else colors.black)
            c.setLineWidth(0.8)
            c.setFillColor(colors.black if row.done else colors.white)
            p = c.beginPath()
            p.moveTo(x, mid + s)
            p.lineTo(x + s, mid)
            p.lineTo(x, mid - s)
            p.lineTo(x - s, mid)
            p.close()
            c.drawPath(p, stroke=1, fill=1)
            return
        x0 = self._x(row.start)
        x1 = max(self._x(row.finish + timedelta(days=1)), x0 + 1.5)
        if row.kind == "summary":
            h = 1.4 * mm
            c.setFillColor(colors.black)
            c.rect(x0, mid - h / 2, x1 - x0, h, stroke=0, fill=1)
            for x in (x0, x1):
                p = c.beginPath()
                p.moveTo(x - 1.0 * mm, mid - h / 2)
                p.lineTo(x + 1.0 * mm, mid - h / 2)
                p.lineTo(x, mid - h / 2 - 1.3 * mm)
                p.close()
                c.drawPath(p, stroke=0, fill=1)
            return
        h = 2.8 * mm
        c.setFillColor(BAR_FILL)
        c.setStrokeColor(CRITICAL if row.critical else colors.black)
        c.setLineWidth(1.2 if row.critical else 0.5)
        c.rect(x0, mid - h / 2, x1 - x0, h, stroke=1, fill=1)
        if row.percent > 0:
            c.setFillColor(DONE_FILL)
            c.rect(x0, mid - h / 6, (x1 - x0) * min(row.percent, 100) / 100, h / 3,
                   stroke=0, fill=1)

    def _draw_legend(self, c, y: float) -> None:
        c.setFont(FONT, 6.5)
        c.setFillColor(colors.black)
        x = 0.0
        items = [
            ("bar", "작업(막대 안 진한 선: 진척률)"), ("crit", "주공정(굵은 테두리)"),
            ("sum", "요약 과제"), ("ms", "마일스톤(◇ 예정 / ◆ 완료)"),
            ("base", "기준선"), ("today", "기준일"),
        ]
        for kind, text in items:
            if kind in ("bar", "crit"):
                c.setFillColor(BAR_FILL)
                c.setStrokeColor(CRITICAL if kind == "crit" else colors.black)
                c.setLineWidth(1.2 if kind == "crit" else 0.5)
                c.rect(x, y, 6 * mm, 2.4 * mm, stroke=1, fill=1)
            elif kind == "sum":
                c.setFillColor(colors.black)
                c.rect(x, y + 0.6 * mm, 6 * mm, 1.2 * mm, stroke=0, fill=1)
            elif kind == "ms":
                c.setStrokeColor(colors.black)
                c.setFillColor(colors.white)
                p = c.beginPath()
                p.moveTo(x + 3 * mm, y + 2.6 * mm)
                p.lineTo(x + 4.6 * mm, y + 1.2 * mm)
                p.lineTo(x + 3 * mm, y - 0.2 * mm)
                p.lineTo(x + 1.4 * mm, y + 1.2 * mm)
                p.close()
                c.drawPath(p, stroke=1, fill=1)
            elif kind == "base":
                c.setFillColor(BASELINE)
                c.rect(x, y + 0.8 * mm, 6 * mm, 0.8 * mm, stroke=0, fill=1)
            else:
                c.setStrokeColor(colors.black)
                c.setDash(3, 2)
                c.line(x + 3 * mm, y - 0.5 * mm, x + 3 * mm, y + 3 * mm)
                c.setDash()
            c.setFillColor(colors.black)
            c.drawString(x + 7.5 * mm, y + 0.5 * mm, text)
            x += 9 * mm + stringWidth(text, FONT, 6.5) + 4 * mm


def gantt_tiles(rows: Sequence[GanttRow], width: float, height: float, *, title: str,
                status_date: date | None = None, fit_pages_wide: int | None = None,
                mm_per_month: float = DEFAULT_MM_PER_MONTH) -> list[GanttTile]:
    """The tiles in reading order: for each band of rows, its pages left to right."""
    layout = plan_layout(rows, width, height, status_date=status_date,
                         fit_pages_wide=fit_pages_wide, mm_per_month=mm_per_month)
    tiles = []
    n = 0
    for block in range(layout.tiles_down):
        for col in range(layout.tiles_across):
            n += 1
            tiles.append(GanttTile(rows, layout, col, block, width, height, title=title,
                                   status_date=status_date, page_no=n,
                                   page_total=layout.pages))
    return tiles
