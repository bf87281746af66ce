"""The printed Gantt chart: vector drawing, tiled across as many pages as it needs.

The chart is laid out on one long virtual sheet (row labels + time axis) and cut
into tiles that each fill a page frame: rows are split top to bottom, time left
to right. Every tile repeats the row labels, the two-tier timescale (years over
months or quarters) and a caption "가로 i/n · 세로 j/m" so sheets can be taped
together. ``fit_pages_wide=N`` scales the time axis so the whole span fits in N
tiles across. Everything is drawn with canvas operations, so it stays sharp at
any zoom and its text is selectable.

Rules a reader can rely on: no tile is printed that has nothing drawn in its
window; a milestone is drawn whole on the one tile whose window holds its date
(never cut at a tile edge); a month is never narrower than
:data:`MIN_MM_PER_MONTH` (more tiles instead); critical work and overdue
milestones read in black and white (hatching, a heavy outline, a cross), not by
colour alone.
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
from .lang import Lang

ROW_H = 5.2 * mm
TIER_H = 5.0 * mm
CAPTION_H = 7.0 * mm
LEGEND_H = 6.0 * mm
LABEL_W = 72 * mm
DEFAULT_MM_PER_MONTH = 12.0
MIN_MM_PER_MONTH = 3.5  # still one label a month (see the month tier); 4+ years fit one A4 width
COMPACT_ROW_H = 4.3 * mm
COMPACT_LABEL_W = 62 * mm
GRID = colors.Color(0.72, 0.72, 0.72)
SHADE = colors.Color(0.95, 0.95, 0.95)
BAR_FILL = colors.Color(0.80, 0.86, 0.95)
DONE_FILL = colors.Color(0.25, 0.35, 0.55)
MONTHS_EN = ["J", "F", "M", "A", "M", "J", "J", "A", "S", "O", "N", "D"]
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
    overdue: bool = False
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
    row_h: float = ROW_H
    label_w: float = LABEL_W

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


def overview_rows(rows: Sequence[GanttRow]) -> list[GanttRow]:
    """The one-page-wide overview: summary tasks and milestones (the detail has the rest)."""
    return [r for r in rows if r.kind in ("summary", "milestone")]


def plan_layout(rows: Sequence[GanttRow], width: float, height: float, *,
                status_date: date | None = None, fit_pages_wide: int | None = None,
                mm_per_month: float = DEFAULT_MM_PER_MONTH,
                compact: bool = False) -> GanttLayout:
    """Cut the chart for a frame of ``width`` x ``height`` points."""
    row_h = COMPACT_ROW_H if compact else ROW_H
    label_w = COMPACT_LABEL_W if compact else LABEL_W
    days = [d for r in rows for d in (r.start, r.finish, r.baseline_start, r.baseline_finish) if d]
    if status_date:
        days.append(status_date)
    if not days:
        today = status_date or date.today()
        days = [today]
    first = _month_start(min(days))
    last = _add_months(max(days), 1)
    months = (last.year - first.year) * 12 + last.month - first.month
    chart_w = max(width - label_w, 40 * mm)
    most = max(1, int(chart_w / (MIN_MM_PER_MONTH * mm * 31 / 30.44)))  # readable months
    if fit_pages_wide:
        months_per_tile = min(most, max(1, math.ceil(months / fit_pages_wide)))
    else:
        months_per_tile = max(1, int(chart_w / (mm_per_month * mm * 31 / 30.44)))
    tiles_across = max(1, math.ceil(months / months_per_tile))
    # the longest possible window (31-day months) must fit the frame
    ppd = min(chart_w / (months_per_tile * 31), mm_per_month * mm / 30.44) \
        if not fit_pages_wide else chart_w / (months_per_tile * 31)
    body_h = height - CAPTION_H - 2 * TIER_H - LEGEND_H
    rows_per_tile = max(1, int(body_h // row_h))
    tiles_down = max(1, math.ceil(len(rows) / rows_per_tile))
    return GanttLayout(first, ppd, months_per_tile, tiles_across, rows_per_tile, tiles_down,
                       row_h, label_w)


def _drawn_in(row: GanttRow, t0: date, t1: date) -> bool:
    """Whether ``row`` draws anything in the window [t0, t1)."""
    if row.kind == "milestone" and row.finish:
        return t0 <= row.finish < t1
    spans = [(row.start, row.finish), (row.baseline_start, row.baseline_finish)]
    return any(a and b and a < t1 and b >= t0 for a, b in spans)


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
                 page_no: int, page_total: int, lang: str = "ko") -> None:
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
        self.lang = lang

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        return self.width, self.height

    # -- geometry ---------------------------------------------------------
    def _x(self, d: date) -> float:
        return self.layout.label_w + (d - self._t0).days * self.layout.points_per_day

    def draw(self) -> None:
        c = self.canv
        lay = self.layout
        self._t0, self._t1 = lay.window(self.col)
        chart_right = min(self.width, self._x(self._t1))
        first_row = self.row_block * lay.rows_per_tile
        rows = self.rows[first_row:first_row + lay.rows_per_tile]
        top = self.height - CAPTION_H
        axis_bottom = top - 2 * TIER_H
        body_bottom = axis_bottom - len(rows) * self.layout.row_h

        # caption
        c.setFillColor(colors.black)
        c.setFont(FONT_BOLD_NAME, 10)
        c.drawString(0, self.height - 5 * mm, safe_text(self.title))
        c.setFont(FONT, 8)
        end = self._t1 - timedelta(days=1)
        lang = Lang(self.lang)
        across = (f"가로 {self.col + 1}/{lay.tiles_across} · " if lay.tiles_across > 1 else "")
        across_en = (f"across {self.col + 1}/{lay.tiles_across}, " if lay.tiles_across > 1
                     else "")
        caption = lang.t(
            f"{lang.date(self._t0)} ~ {lang.date(end)}   |   {across}"
            f"세로 {self.row_block + 1}/{lay.tiles_down}   (간트 {self.page_no}/"
            f"{self.page_total}쪽)",
            f"{lang.date(self._t0)} to {lang.date(end)}   |   {across_en}"
            f"down {self.row_block + 1}/{lay.tiles_down}   (Gantt page {self.page_no}/"
            f"{self.page_total})")
        caption = safe_text(caption)
        c.drawRightString(chart_right, self.height - 5 * mm, caption)

        # row shading and labels
        c.setFont(FONT, 7)
        for i, row in enumerate(rows):
            y = axis_bottom - (i + 1) * self.layout.row_h
            if i % 2 == 1:
                c.setFillColor(SHADE)
                c.rect(0, y, chart_right, self.layout.row_h, stroke=0, fill=1)
            indent = min(row.level, 6) * 3 * mm
            font = FONT_BOLD_NAME if row.kind == "summary" else FONT
            c.setFillColor(colors.black)
            c.setFont(font, 7)
            c.drawString(1.5 * mm + indent, y + 1.6 * mm,
                         _fit(row.label, font, 7, self.layout.label_w - 3 * mm - indent))
        self._draw_axis(c, top, axis_bottom, body_bottom, chart_right)

        # bars, clipped to the time window
        c.saveState()
        p = c.beginPath()
        left = self.layout.label_w
        p.rect(left, body_bottom, chart_right - left, axis_bottom - body_bottom)
        c.clipPath(p, stroke=0, fill=0)
        for i, row in enumerate(rows):
            y = axis_bottom - (i + 1) * self.layout.row_h
            if row.kind != "milestone":
                self._draw_bar(c, row, y)
        if self.status_date and self._t0 <= self.status_date <= self._t1:
            x = self._x(self.status_date)
            c.setStrokeColor(colors.black)
            c.setLineWidth(0.8)
            c.setDash(3, 2)
            c.line(x, body_bottom, x, axis_bottom)
            c.setDash()
        c.restoreState()
        # milestones unclipped: whole, on the one tile whose window holds the date
        for i, row in enumerate(rows):
            if row.kind == "milestone" and row.finish and self._t0 <= row.finish < self._t1:
                y = axis_bottom - (i + 1) * self.layout.row_h
                self._draw_milestone(c, row, y, chart_right)

        # frame lines
        c.setStrokeColor(colors.black)
        c.setLineWidth(0.6)
        c.rect(0, body_bottom, chart_right, top - body_bottom, stroke=1, fill=0)
        c.line(self.layout.label_w, body_bottom, self.layout.label_w, top)
        c.line(0, axis_bottom, chart_right, axis_bottom)
        self._draw_legend(c, body_bottom - LEGEND_H + 1.5 * mm)

    def _draw_axis(self, c, top: float, axis_bottom: float, body_bottom: float,
                   right: float) -> None:
        lay = self.layout
        month_w = 30.44 * lay.points_per_day
        c.setFont(FONT_BOLD_NAME, 7.5)
        c.setFillColor(colors.black)
        c.drawString(1.5 * mm, axis_bottom + TIER_H * 0.6,
                     Lang(self.lang).t("WBS / 과제명", "WBS / task"))
        # upper tier: years (label each year, clamped to the tile's left edge)
        c.setStrokeColor(colors.black)
        c.setLineWidth(0.4)
        c.line(self.layout.label_w, top - TIER_H, right, top - TIER_H)
        year = self._t0.year
        while date(year, 1, 1) < self._t1:
            x0 = max(self._x(date(year, 1, 1)), self.layout.label_w)
            x1 = min(self._x(date(year + 1, 1, 1)), right)
            if x1 - x0 > 1:
                c.setFont(FONT_BOLD_NAME, 7.5)
                label = f"{year}년" if self.lang == "ko" else str(year)
                if x1 - x0 >= stringWidth(label, FONT_BOLD_NAME, 7.5) + 2:
                    c.drawCentredString((x0 + x1) / 2, top - TIER_H + 1.6 * mm, label)
                if x0 > self.layout.label_w:
                    c.line(x0, top, x0, body_bottom)
            year += 1
        # lower tier: months, or quarters when months are too narrow
        step = 1 if month_w >= 3.5 * mm else 3
        d = _month_start(self._t0)
        while d < self._t1:
            nxt = _add_months(d, step)
            x0, x1 = max(self._x(d), self.layout.label_w), min(self._x(nxt), right)
            if x1 - x0 > 1:
                label = (f"{d.month}월" if self.lang == "ko" else MONTHS_EN[d.month - 1]) \
                    if step == 1 else f"{(d.month - 1) // 3 + 1}Q"
                size = 6.5
                if x1 - x0 < stringWidth(label, FONT, size) + 1:
                    label = str(d.month) if step == 1 else label[:1]
                c.setFont(FONT, size)
                c.drawCentredString((x0 + x1) / 2, axis_bottom + 1.5 * mm, label)
                if x0 > self.layout.label_w and d.month != 1:
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
        mid = y + self.layout.row_h / 2
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
        h = min(2.8 * mm, self.layout.row_h * 0.6)
        c.setFillColor(BAR_FILL)
        c.setStrokeColor(colors.black)
        c.setLineWidth(1.3 if row.critical else 0.5)
        c.rect(x0, mid - h / 2, x1 - x0, h, stroke=1, fill=1)
        if row.critical:
            _hatch(c, x0, mid - h / 2, x1 - x0, h)
        if row.percent > 0:
            c.setFillColor(DONE_FILL)
            c.rect(x0, mid - h / 6, (x1 - x0) * min(row.percent, 100) / 100, h / 3,
                   stroke=0, fill=1)

    def _draw_milestone(self, c, row: GanttRow, y: float, right: float) -> None:
        """◇ planned, ◆ done, ⊠ overdue (heavy outline and a cross): readable without colour."""
        s = 1.8 * mm if self.layout.row_h >= ROW_H else 1.5 * mm
        left = self.layout.label_w
        x = min(max(self._x(row.finish) + self.layout.points_per_day / 2, left + s), right - s)
        mid = y + self.layout.row_h / 2
        c.setStrokeColor(colors.black)
        c.setLineWidth(1.4 if row.overdue or row.critical else 0.8)
        c.setFillColor(colors.black if row.done else colors.white)
        _diamond(c, x, mid, s)
        if row.overdue and not row.done:
            c.setLineWidth(0.8)
            c.line(x - s / 2, mid - s / 2, x + s / 2, mid + s / 2)
            c.line(x - s / 2, mid + s / 2, x + s / 2, mid - s / 2)

    def _draw_legend(self, c, y: float) -> None:
        c.setFont(FONT, 6.5)
        c.setFillColor(colors.black)
        x = 0.0
        t = Lang(self.lang).t
        items = [
            ("bar", t("작업(막대 안 진한 선: 진척률)", "task (dark line: % complete)")),
            ("crit", t("주공정(빗금·굵은 테두리)", "critical (hatched, heavy outline)")),
            ("sum", t("요약 과제", "summary")), ("ms", t("마일스톤(◇ 예정 / ◆ 완료)",
                                                      "milestone (◇ planned / ◆ done)")),
            ("late", t("기한 경과 마일스톤", "overdue milestone")),
            ("base", t("기준선", "baseline")), ("today", t("기준일", "status date")),
        ]
        for kind, text in items:
            if kind in ("bar", "crit"):
                c.setFillColor(BAR_FILL)
                c.setStrokeColor(colors.black)
                c.setLineWidth(1.3 if kind == "crit" else 0.5)
                c.rect(x, y, 6 * mm, 2.4 * mm, stroke=1, fill=1)
                if kind == "crit":
                    _hatch(c, x, y, 6 * mm, 2.4 * mm)
            elif kind == "late":
                c.setStrokeColor(colors.black)
                c.setFillColor(colors.white)
                c.setLineWidth(1.4)
                _diamond(c, x + 3 * mm, y + 1.2 * mm, 1.5 * mm)
                c.setLineWidth(0.8)
                c.line(x + 2.25 * mm, y + 0.45 * mm, x + 3.75 * mm, y + 1.95 * mm)
                c.line(x + 2.25 * mm, y + 1.95 * mm, x + 3.75 * mm, y + 0.45 * mm)
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
            x += 9 * mm + stringWidth(text, FONT, 6.5) + 3 * mm


def _diamond(c, x: float, mid: float, s: float) -> None:
    p = c.beginPath()
    p.moveTo(x, mid + s)
    p.lineTo(x + s, mid)
    p.lineTo(x, mid - s)
    p.lineTo(x - s, mid)
    p.close()
    c.drawPath(p, stroke=1, fill=1)


def _hatch(c, x: float, y: float, w: float, h: float) -> None:
    """Diagonal hatching inside a bar, clipped to it (critical work in black and white)."""
    c.saveState()
    p = c.beginPath()
    p.rect(x, y, w, h)
    c.clipPath(p, stroke=0, fill=0)
    c.setStrokeColor(colors.black)
    c.setLineWidth(0.4)
    step = 1.2 * mm
    k = x - h
    while k < x + w:
        c.line(k, y, k + h, y + h)
        k += step
    c.restoreState()


def gantt_tiles(rows: Sequence[GanttRow], width: float, height: float, *, title: str,
                status_date: date | None = None, fit_pages_wide: int | None = None,
                mm_per_month: float = DEFAULT_MM_PER_MONTH, lang: str = "ko",
                compact: bool = False) -> list[GanttTile]:
    """The tiles in reading order: for each band of rows, its pages left to right.

    A tile whose window draws nothing for its rows is left out (never an empty page).
    """
    layout = plan_layout(rows, width, height, status_date=status_date,
                         fit_pages_wide=fit_pages_wide, mm_per_month=mm_per_month,
                         compact=compact)
    cells = []
    for block in range(layout.tiles_down):
        band = rows[block * layout.rows_per_tile:(block + 1) * layout.rows_per_tile]
        for col in range(layout.tiles_across):
            t0, t1 = layout.window(col)
            if any(_drawn_in(r, t0, t1) for r in band) or len(cells) == 0 and \
                    block == layout.tiles_down - 1 and col == layout.tiles_across - 1:
                cells.append((col, block))
    return [GanttTile(rows, layout, col, block, width, height, title=title,
                      status_date=status_date, page_no=n, page_total=len(cells), lang=lang)
            for n, (col, block) in enumerate(cells, 1)]
