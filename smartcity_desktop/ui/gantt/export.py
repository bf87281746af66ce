"""Saving the chart as an image: PNG (raster) or SVG (vector, via QtSvg).

Used by the window's "export Gantt image" and by the interop engineer. The
image holds the timescale header and the chart body of either the current
view or, with ``whole=True``, every row and the project's date span at the
current zoom. Hover and drag decorations are left out.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from .header import draw_header
from .layout import Frame

if TYPE_CHECKING:
    from .view import GanttView

RASTER_FORMATS = {".png": "PNG", ".jpg": "JPG", ".jpeg": "JPG"}
MAX_RASTER_SIDE = 32_000
MAX_RASTER_PIXELS = 200_000_000
LABEL_ROOM = 180  # pixels right of the last date for the names of the last bars


def _frame(view: GanttView, whole: bool) -> Frame:
    if whole:
        # Every row, and the project's dates (plus the status date) with a week of air;
        # the today line shows only when today falls in that span.
        lay = view.layout_state
        first, last = lay.project_span()
        if lay.status_date is not None:
            first, last = min(first, lay.status_date), max(last, lay.status_date)
        x0 = max(0.0, lay.ts.x(first.toordinal() - 7))
        x1 = min(float(lay.content_width), lay.ts.x(last.toordinal() + 8) + LABEL_ROOM)
        return Frame(float(int(x0)), 0.0, max(1, int(x1 - int(x0))), max(1, lay.content_height))
    return view.frame()


def _paint(view: GanttView, p: QPainter, frame: Frame, header_h: int) -> None:
    p.save()
    draw_header(p, view.layout_state, frame.xoff, frame.width, header_h, view.language,
                view.font())
    p.restore()
    p.save()
    p.translate(0, header_h)
    p.setClipRect(QRect(0, 0, frame.width, frame.height))
    view.paint_chart(p, frame, cached_background=False, overlay=False)
    p.restore()


def render_to_image(view: GanttView, path: Path, whole: bool = False) -> Path:
    """Write the chart to ``path`` (.png, .jpg or .svg) and return the path."""
    suffix = path.suffix.lower()
    if suffix not in RASTER_FORMATS and suffix != ".svg":
        raise ValueError(f"지원하지 않는 이미지 형식입니다: '{path.suffix or path.name}' "
                         f"(PNG, JPG 또는 SVG로 저장하세요)")
    if not path.parent.exists():
        raise ValueError(f"저장할 폴더가 없습니다: {path.parent}")
    frame = _frame(view, whole)
    header_h = view.header_height()
    width, height = frame.width, frame.height + header_h
    if suffix == ".svg":
        gen = QSvgGenerator()
        gen.setFileName(str(path))
        gen.setSize(QSize(width, height))
        gen.setViewBox(QRect(0, 0, width, height))
        gen.setTitle("Gantt")
        gen.setDescription("smartcity-desktop Gantt chart")
        p = QPainter()
        if not p.begin(gen):
            raise OSError(f"SVG 파일을 쓸 수 없습니다: {path}")
        _paint(view, p, frame, header_h)
        p.end()
        return path
    if max(width, height) > MAX_RASTER_SIDE or width * height > MAX_RASTER_PIXELS:
        raise ValueError(f"이미지가 너무 큽니다 ({width}x{height} 픽셀): 축소하거나 "
                         f"SVG로 저장하세요")
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#ffffff"))
    p = QPainter(image)
    _paint(view, p, frame, header_h)
    p.end()
    if not image.save(str(path), RASTER_FORMATS[suffix]):
        raise OSError(f"이미지 파일을 쓸 수 없습니다: {path}")
    return path
