"""The two-level timescale header above the chart, cached as a pixmap.

The upper band shows the coarse unit (e.g. "2019년"), the lower band the fine
unit (e.g. "1월"). Each cell picks the longest label that fits its width;
an upper-band label stays inside the visible part of its cell so the current
year or month is always readable. The pixmap is rebuilt only when the zoom,
horizontal position, width, language or font changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QToolTip, QWidget

from .layout import GanttLayout
from .painter import COLOURS
from .timescale import MODE_UNITS, Cell, header_cells, mode_for_ppd

if TYPE_CHECKING:
    from .view import GanttView

_HEADER_BG = QColor("#f5f6f8")
_HEADER_LINE = QColor("#c8ccd2")


def band_height(font: QFont) -> int:
    return int(QFontMetricsF(font).height() + 8)


_WIDTHS: dict[tuple[str, str], float] = {}


def _fit(labels: tuple[str, ...], fm: QFontMetricsF, font_key: str,
         width: float) -> str | None:
    """The longest label that fits ``width``; label widths are cached per font."""
    for text in labels:
        key = (font_key, text)
        w = _WIDTHS.get(key)
        if w is None:
            if len(_WIDTHS) > 20_000:
                _WIDTHS.clear()
            w = _WIDTHS[key] = fm.horizontalAdvance(text)
        if w + 6 <= width:
            return text
    return None


def draw_header(p: QPainter, lay: GanttLayout, xoff: float, width: int, height: int,
                lang: str, font: QFont) -> None:
    """Both bands for content x ``xoff .. xoff+width``; painter origin at ``xoff``."""
    ts = lay.ts
    upper_unit, lower_unit = MODE_UNITS[mode_for_ppd(ts.ppd)]
    first, last = ts.ordinal_at(xoff), ts.ordinal_at(xoff + width)
    half = height // 2
    fm = QFontMetricsF(font)
    font_key = font.key()
    p.fillRect(QRectF(0, 0, width, height), _HEADER_BG)
    p.setFont(font)
    bands: list[tuple[list[Cell], float, float, bool]] = [
        (header_cells(upper_unit, first, last, lang), 0.0, float(half), True),
        (header_cells(lower_unit, first, last, lang), float(half), float(height - half), False),
    ]
    text_colour = COLOURS.text
    for cells, top, h, sticky in bands:
        for cell in cells:
            x0, x1 = ts.x(cell.start) - xoff, ts.x(cell.end) - xoff
            p.setPen(QPen(_HEADER_LINE, 0))
            p.drawLine(QPointF(x0, top), QPointF(x0, top + h))
            vis0, vis1 = (max(x0, 0.0), min(x1, float(width))) if sticky else (x0, x1)
            text = _fit(cell.labels, fm, font_key, vis1 - vis0)
            if text is None:
                continue
            p.setPen(text_colour)
            p.drawText(QRectF(vis0, top, vis1 - vis0, h), Qt.AlignmentFlag.AlignCenter, text)
    p.setPen(QPen(_HEADER_LINE, 0))
    p.drawLine(QPointF(0, half), QPointF(width, half))
    p.drawLine(QPointF(0, height - 0.5), QPointF(width, height - 0.5))
    x = ts.x(lay.today.toordinal() + 1) - xoff
    if -6 <= x <= width + 6:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(COLOURS.today)
        p.drawPolygon([QPointF(x - 5, height - 7), QPointF(x + 5, height - 7),
                       QPointF(x, height - 1)])


class GanttHeader(QWidget):
    """Header widget placed by :class:`GanttView` in its top viewport margin."""

    def __init__(self, view: GanttView) -> None:
        super().__init__(view)
        self._view = view
        self._cache: QPixmap | None = None
        self._key: tuple | None = None
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def sizeHint(self) -> QSize:
        return QSize(200, 2 * band_height(self.font()))

    def invalidate(self) -> None:
        self._key = None
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt name)
        v = self._view
        xoff = float(v.horizontalScrollBar().value())
        w, h = self.width(), self.height()
        dpr = self.devicePixelRatioF()
        key = (v.layout_state.ts.ppd, v.layout_state.ts.origin, xoff, w, h, v.language,
               v.layout_state.today, self.font().key(), dpr)
        if key != self._key or self._cache is None:
            pm = QPixmap(int(w * dpr), int(h * dpr))
            pm.setDevicePixelRatio(dpr)
            painter = QPainter(pm)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            draw_header(painter, v.layout_state, xoff, w, h, v.language, self.font())
            painter.end()
            self._cache, self._key = pm, key
        p = QPainter(self)
        p.drawPixmap(0, 0, self._cache)
        p.end()

    def event(self, e) -> bool:  # noqa: ANN001 (Qt event)
        if e.type() == e.Type.ToolTip:
            v = self._view
            ts = v.layout_state.ts
            x = e.position().x() if hasattr(e, "position") else e.pos().x()
            content_x = x + v.horizontalScrollBar().value()
            text = v.day_tooltip(ts.ordinal_at(content_x))
            if text:
                QToolTip.showText(e.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(e)
