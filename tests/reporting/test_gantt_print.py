"""Printed Gantt rules: a milestone on a tile edge is whole on one tile; critical work and
overdue milestones read in black and white (checked on a greyscale rendering)."""

from __future__ import annotations

import io
from datetime import date

import pypdfium2 as pdfium
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from smartcity_desktop.reporting.fonts import register_reportlab_fonts
from smartcity_desktop.reporting.gantt_pdf import GanttRow, _drawn_in, gantt_tiles

W, H = 267 * mm, 172 * mm


def _render(tiles, dpi: int = 100):
    register_reportlab_fonts()
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=(W, H))
    for tile in tiles:
        tile.wrapOn(canvas, W, H)
        tile.drawOn(canvas, 0, 0)
        canvas.showPage()
    canvas.save()
    pdf = pdfium.PdfDocument(buf.getvalue())
    return [page.render(scale=dpi / 72, grayscale=True).to_pil() for page in pdf]


def _dark(image, x0: float, y0: float, x1: float, y1: float, dpi: int = 100) -> int:
    """Dark pixels in a box given in points from the tile's bottom-left."""
    k = dpi / 72
    box = (int(x0 * k), int(image.height - y1 * k), int(x1 * k), int(image.height - y0 * k))
    return sum(1 for v in image.crop(box).get_flattened_data() if v < 110)


def test_milestone_on_a_tile_edge_is_drawn_whole_on_one_tile() -> None:
    rows = [GanttRow("1 작업", 0, "task", date(2019, 1, 1), date(2020, 12, 31)),
            GanttRow("2 마일스톤", 0, "milestone", date(2019, 7, 1), date(2019, 7, 1))]
    tiles = gantt_tiles(rows, W, H, title="t", fit_pages_wide=4, mm_per_month=12)
    lay = tiles[0].layout
    edge = date(2019, 7, 1)
    holders = [t for t in tiles if _drawn_in(rows[1], *lay.window(t.col))]
    assert len(holders) == 1  # its date starts a window: only that tile draws it
    tile = holders[0]
    assert lay.window(tile.col)[0] == edge  # the milestone sits on the tile's left edge
    image = _render([tile])[0]
    top = H - 7 * mm - 10 * mm  # caption, two timescale tiers
    y = top - 2 * lay.row_h
    left = lay.label_w
    # the whole diamond is inside the chart area, right of the label column
    assert _dark(image, left + 0.3 * mm, y, left + 4.5 * mm, y + lay.row_h) > 10
    assert _dark(image, left - 3 * mm, y + 1 * mm, left - 0.6 * mm, y + lay.row_h - 1 * mm) \
        < 5


def test_critical_and_overdue_read_in_black_and_white() -> None:
    start, finish = date(2019, 2, 1), date(2019, 5, 31)
    rows = [GanttRow("plain", 0, "task", start, finish),
            GanttRow("critical", 0, "task", start, finish, critical=True),
            GanttRow("due", 0, "milestone", date(2019, 4, 1), date(2019, 4, 1)),
            GanttRow("late", 0, "milestone", date(2019, 4, 1), date(2019, 4, 1), overdue=True)]
    tiles = gantt_tiles(rows, W, H, title="t", fit_pages_wide=1)
    image = _render(tiles[:1])[0]
    lay = tiles[0].layout
    top = H - 7 * mm - 10 * mm
    tiles[0]._t0 = lay.window(0)[0]  # the tile's geometry, as draw() sets it
    x0, x1 = tiles[0]._x(start) + 2, tiles[0]._x(finish) - 2

    def row_box(i: int) -> tuple[float, float]:
        y = top - (i + 1) * lay.row_h
        return y + 0.25 * lay.row_h, y + 0.75 * lay.row_h

    plain = _dark(image, x0, row_box(0)[0], x1, row_box(0)[1])
    critical = _dark(image, x0, row_box(1)[0], x1, row_box(1)[1])
    assert critical > 3 * max(plain, 1)  # hatching and a heavy outline, not just red
    xm = tiles[0]._x(date(2019, 4, 1))
    due = _dark(image, xm - 2.5 * mm, row_box(2)[0] - 1 * mm, xm + 3 * mm, row_box(2)[1] + 1 * mm)
    late = _dark(image, xm - 2.5 * mm, row_box(3)[0] - 1 * mm, xm + 3 * mm, row_box(3)[1] + 1 * mm)
    assert late > 1.3 * due  # a cross inside and a heavier outline
