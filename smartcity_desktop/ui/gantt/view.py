"""The Gantt chart widget: a QAbstractScrollArea painted with QPainter.

:class:`GanttView` shows the rows the window hands it (one per visible task
table row, same :data:`~.rows.ROW_HEIGHT`), never writes the database, and
turns mouse edits into request signals; the window runs the edit and calls
:meth:`set_rows` again. Scroll bars work in pixels: the vertical one spans
``len(rows) * ROW_HEIGHT`` so a tree view in ``ScrollPerPixel`` mode with the
same uniform row height can share it value for value.

Speed: a paint touches only the visible rows (array slices), the arrows
whose row span crosses them (numpy mask over the dependency arrays) and the
visible dates; the background and the header are pixmaps rebuilt only when
zoom, horizontal position, size or calendar change.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import (
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QToolTip, QWidget

from . import interaction as ia
from . import keys
from .header import GanttHeader, band_height
from .layout import Frame, GanttLayout
from .painter import (
    draw_arrows,
    draw_background,
    draw_date_lines,
    draw_rows,
    draw_selection,
)
from .rows import ROW_HEIGHT, GanttRow
from .shading import DayShading
from .timescale import MODE_DEFAULT_PPD, check_mode, mode_for_ppd, next_zoom


class GanttView(QAbstractScrollArea):
    taskMoveRequested = Signal(int, object)  # task id, new start date
    taskResizeRequested = Signal(int, object)  # task id, new finish date
    dependencyRequested = Signal(int, int)  # predecessor id, successor id
    taskActivated = Signal(int)  # double-click
    selectionChanged = Signal(int)  # task id
    zoomChanged = Signal(float)  # pixels per day
    # right-click: ("task", task id) or ("link", (predecessor id, successor id)), global pos
    menuRequested = Signal(object, QPoint)

    def __init__(self, context: Any | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.language = getattr(context, "lang", "ko") if context is not None else "ko"
        self.layout_state = GanttLayout(MODE_DEFAULT_PPD["year/month"])
        self._calendar: Any | None = None
        self._shading = self._new_shading()
        self._show_baseline = False
        self._selected_row: int | None = None
        self._hover_row: int | None = None
        self._drag: ia.Drag | None = None
        self._bg: QPixmap | None = None
        self._bg_key: tuple | None = None
        self.paint_stats = {"paints": 0, "rows": 0, "arrows": 0, "first": -1, "last": -1,
                            "background_builds": 0}
        self.header = GanttHeader(self)
        self.viewport().setMouseTracking(True)
        self.setMouseTracking(True)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.verticalScrollBar().setSingleStep(ROW_HEIGHT)
        self.horizontalScrollBar().setSingleStep(20)
        self._apply_header_height()
        if context is not None and hasattr(context, "languageChanged"):
            context.languageChanged.connect(self.set_language)
        if context is not None and hasattr(context, "statusDateChanged"):
            context.statusDateChanged.connect(self.set_status_date)

    # -- public API -------------------------------------------------------------------
    def set_rows(self, rows: Sequence[GanttRow]) -> None:
        """Replace the rows; keeps the date at the left edge and the vertical position."""
        left = self.date_at(0)
        selected = self.selected_task_id()
        self.layout_state.set_rows(rows)
        self._selected_row = self.layout_state.table.row_of.get(selected) if selected else None
        self._hover_row = None
        self._drag = None
        self._refresh_geometry(keep_left=left)

    def update_rows(self, rows: Sequence[GanttRow]) -> bool:
        """Redraw rows already shown with new values; False if one is not shown."""
        left = self.date_at(0)
        if not self.layout_state.update_rows(rows):
            return False
        self._refresh_geometry(keep_left=left)
        return True

    def rows(self) -> list[GanttRow]:
        return list(self.layout_state.table.rows)

    def set_dependencies(self, deps: Iterable[tuple[int, int, str]] | Any) -> None:
        """Links as (predecessor id, successor id, type) tuples or ``rows.LinkArrays``."""
        self.layout_state.set_dependencies(deps)
        self.viewport().update()

    def set_calendar(self, calendar: Any | None) -> None:
        """A working calendar (``is_workday``, ``holidays_between``); None = weekends only."""
        self._calendar = calendar
        self._shading = self._new_shading()
        self._invalidate()

    def set_status_date(self, d: date | None) -> None:
        left = self.date_at(0)
        self.layout_state.set_status_date(d)
        self._refresh_geometry(keep_left=left)

    def set_today(self, d: date) -> None:
        left = self.date_at(0)
        self.layout_state.set_today(d)
        self._refresh_geometry(keep_left=left)

    def set_language(self, lang: str) -> None:
        self.language = "en" if lang == "en" else "ko"
        self._invalidate()

    def show_baseline(self, on: bool) -> None:
        self._show_baseline = bool(on)
        self.viewport().update()

    def baseline_shown(self) -> bool:
        return self._show_baseline

    def header_height(self) -> int:
        return self.header.height()

    def set_header_height(self, height: int) -> None:
        """Force the header height (e.g. to match the task tree's header)."""
        self._apply_header_height(max(height, 2 * band_height(self.font()) - 4))

    def zoom(self) -> float:
        """Current zoom in pixels per day."""
        return self.layout_state.ts.ppd

    def timescale(self) -> str:
        return mode_for_ppd(self.layout_state.ts.ppd)

    def set_zoom(self, ppd: float, anchor_x: float | None = None) -> None:
        """Zoom to ``ppd`` pixels per day keeping the date at viewport x ``anchor_x`` in place."""
        vw = self.viewport().width()
        ax = vw / 2.0 if anchor_x is None else anchor_x
        lay = self.layout_state
        old_ppd = lay.ts.ppd
        day = (self.horizontalScrollBar().value() + ax) / old_ppd  # fractional days from origin
        lay.set_ppd(ppd)
        if lay.ts.ppd == old_ppd:
            return
        self._update_scrollbars()
        self.horizontalScrollBar().setValue(int(round(day * lay.ts.ppd - ax)))
        self._invalidate()
        self.zoomChanged.emit(lay.ts.ppd)

    def zoom_in(self, anchor_x: float | None = None) -> None:
        self.set_zoom(next_zoom(self.zoom(), +1), anchor_x)

    def zoom_out(self, anchor_x: float | None = None) -> None:
        self.set_zoom(next_zoom(self.zoom(), -1), anchor_x)

    def set_timescale(self, mode: str) -> None:
        """Switch the two-level header ('year/month', 'month/week', 'week/day', 'quarter/year')."""
        self.set_zoom(MODE_DEFAULT_PPD[check_mode(mode)])

    def fit_all(self) -> None:
        """Zoom so the whole project fits the viewport width, and scroll to its start."""
        lay = self.layout_state
        # A hidden widget's viewport is laid out only when shown: use the widget width then.
        vp_width = self.viewport().width()
        width = vp_width if self.isVisible() else self.width() - 2 * self.frameWidth()
        self.set_zoom(lay.fit_ppd(max(width, 50)))
        self.scroll_to_date(lay.project_span()[0], margin_days=7)

    def scroll_to_date(self, d: date, margin_days: int = 3) -> None:
        x = self.layout_state.ts.x(d.toordinal() - margin_days)
        self.horizontalScrollBar().setValue(int(x))

    def scroll_to_task(self, task_id: int) -> None:
        """Make the task's row and bar visible."""
        row = self.layout_state.table.row_of.get(task_id)
        if row is None:
            return
        vs = self.verticalScrollBar()
        top = row * ROW_HEIGHT
        if top < vs.value() or top + ROW_HEIGHT > vs.value() + self.viewport().height():
            vs.setValue(top - self.viewport().height() // 3)
        x0 = float(self.layout_state.x0[row])
        hs = self.horizontalScrollBar()
        if not hs.value() <= x0 <= hs.value() + self.viewport().width() - 40:
            hs.setValue(int(x0 - 40))

    def select_task(self, task_id: int | None) -> None:
        """Highlight a row without emitting ``selectionChanged`` (selection sync from the tree)."""
        row = self.layout_state.table.row_of.get(task_id) if task_id is not None else None
        if row != self._selected_row:
            self._selected_row = row
            self.viewport().update()

    def selected_task_id(self) -> int | None:
        if self._selected_row is None:
            return None
        return self.layout_state.table.rows[self._selected_row].task_id

    # geometry helpers (viewport coordinates)
    def x_for_date(self, d: date) -> float:
        """Viewport x of the left edge of day ``d``."""
        return self.layout_state.ts.x_of(d) - self.horizontalScrollBar().value()

    def date_at(self, x: float) -> date:
        return self.layout_state.ts.date_at(x + self.horizontalScrollBar().value())

    def row_y(self, task_id: int) -> int | None:
        """Viewport y of the top of the task's row (None if the task has no row)."""
        row = self.layout_state.table.row_of.get(task_id)
        return None if row is None else row * ROW_HEIGHT - self.verticalScrollBar().value()

    def bar_rect(self, task_id: int) -> tuple[float, float, float, float] | None:
        """(x, y, width, height) of the task's bar in viewport coordinates."""
        lay = self.layout_state
        row = lay.table.row_of.get(task_id)
        if row is None:
            return None
        top, h = ia.bar_box(row, self._show_baseline)
        x0, x1 = float(lay.x0[row]), float(lay.x1[row])
        hs, vs = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        return x0 - hs, top - vs, x1 - x0, h

    def link_handle_pos(self, task_id: int) -> QPointF | None:
        """Viewport position of the task's link handle (drag from it to link)."""
        rect = self.bar_rect(task_id)
        if rect is None:
            return None
        row = self.layout_state.table.row_of[task_id]
        x = ia.handle_x(self.layout_state, row) - self.horizontalScrollBar().value()
        return QPointF(x, rect[1] + rect[3] / 2.0)

    # -- rendering --------------------------------------------------------------------
    def repaint_now(self) -> None:
        """Paint the chart synchronously (benchmarks measure around this call)."""
        self.repaint()

    def render_to_image(self, path: str | Path, whole: bool = False) -> Path:
        """Save the current view (or, with ``whole``, every row and date) as PNG or SVG."""
        from .export import render_to_image

        return render_to_image(self, Path(path), whole=whole)

    def frame(self) -> Frame:
        vp = self.viewport()
        return Frame(float(self.horizontalScrollBar().value()),
                     float(self.verticalScrollBar().value()), vp.width(), vp.height())

    def paint_chart(self, p: QPainter, frame: Frame, cached_background: bool = True,
                    overlay: bool = True) -> None:
        """Paint the body for ``frame`` with the painter's origin at the frame's top left."""
        lay = self.layout_state
        if cached_background:
            p.drawPixmap(0, -int(frame.yoff % ROW_HEIGHT), self._background(frame))
        else:
            p.save()
            p.translate(0, -(frame.yoff % ROW_HEIGHT))
            draw_background(p, lay, self._shading, frame.xoff, frame.width,
                            frame.height + ROW_HEIGHT)
            p.restore()
        p.save()
        p.translate(-frame.xoff, -frame.yoff)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        first, last = frame.rows(len(lay.table))
        draw_selection(p, frame, self._selected_row, len(lay.table))
        n_arrows = draw_arrows(p, lay, frame, lay.visible_deps(frame), self._show_baseline)
        rows = draw_rows(p, lay, frame, self._selected_row, self._show_baseline, self.font())
        draw_date_lines(p, lay, frame)
        if overlay:
            ia.draw_overlay(p, lay, self._drag, self._hover_row, self._show_baseline)
        p.restore()
        st = self.paint_stats
        st["rows"], st["arrows"], st["first"], st["last"] = rows, n_arrows, first, last

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt name)
        p = QPainter(self.viewport())
        self.paint_chart(p, self.frame())
        p.end()
        self.paint_stats["paints"] += 1

    def _background(self, frame: Frame) -> QPixmap:
        dpr = self.viewport().devicePixelRatioF()
        key = (self.layout_state.ts.ppd, self.layout_state.ts.origin, frame.xoff,
               frame.width, frame.height, id(self._shading), dpr)
        if self._bg is None or key != self._bg_key:
            h = frame.height + ROW_HEIGHT
            pm = QPixmap(max(1, int(frame.width * dpr)), int(h * dpr))
            pm.setDevicePixelRatio(dpr)
            p = QPainter(pm)
            draw_background(p, self.layout_state, self._shading, frame.xoff, frame.width, h)
            p.end()
            self._bg, self._bg_key = pm, key
            self.paint_stats["background_builds"] += 1
        return self._bg

    # -- internals ----------------------------------------------------------------------
    def _new_shading(self) -> DayShading:
        ts = self.layout_state.ts
        return DayShading(self._calendar, ts.origin - 366, ts.end + 366)

    def _apply_header_height(self, height: int | None = None) -> None:
        h = height if height is not None else 2 * band_height(self.font())
        self.setViewportMargins(0, h, 0, 0)
        self._place_header(h)

    def _place_header(self, h: int | None = None) -> None:
        vp = self.viewport().geometry()
        h = h if h is not None else self.header.height()
        self.header.setGeometry(vp.x(), vp.y() - h, vp.width(), h)

    def _invalidate(self) -> None:
        self._bg_key = None
        self.header.invalidate()
        self.viewport().update()

    def _update_scrollbars(self) -> None:
        lay, vp = self.layout_state, self.viewport()
        hs, vs = self.horizontalScrollBar(), self.verticalScrollBar()
        hs.setRange(0, max(0, lay.content_width - vp.width()))
        hs.setPageStep(max(1, vp.width()))
        vs.setRange(0, max(0, lay.content_height - vp.height()))
        vs.setPageStep(max(ROW_HEIGHT, vp.height() - ROW_HEIGHT))

    def _refresh_geometry(self, keep_left: date | None = None) -> None:
        ts = self.layout_state.ts
        if not self._shading.covers(ts.origin, ts.end):
            self._shading = self._new_shading()
        self._update_scrollbars()
        if keep_left is not None:
            self.horizontalScrollBar().setValue(int(round(ts.x_of(keep_left))))
        self._invalidate()

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802 (Qt name)
        self.viewport().update()
        if dx:
            self.header.update()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self._place_header()
        self._update_scrollbars()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._apply_header_height()
            self._invalidate()

    def day_tooltip(self, ordinal: int) -> str | None:
        """Holiday name (or weekend) of a day, for header and background tooltips."""
        name = self._shading.holiday_name(ordinal)
        d = date.fromordinal(ordinal)
        if name:
            return f"{d.isoformat()} {name}"
        return None

    # -- mouse and keyboard ------------------------------------------------------------------
    def _content(self, pos: QPointF) -> QPointF:
        return QPointF(pos.x() + self.horizontalScrollBar().value(),
                       pos.y() + self.verticalScrollBar().value())

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt name)
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        c = self._content(event.position())
        hit = ia.hit_test(self.layout_state, c.x(), c.y(), self._show_baseline)
        if hit is None:
            return
        if hit.row != self._selected_row:
            self._selected_row = hit.row
            self.selectionChanged.emit(self.layout_state.table.rows[hit.row].task_id)
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        self._drag = ia.start_drag(hit, int(self.layout_state.table.kind[hit.row]), shift, c)
        self.viewport().update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt name)
        c = self._content(event.position())
        lay = self.layout_state
        drag = self._drag
        if drag is None:
            hit = ia.hit_test(lay, c.x(), c.y(), self._show_baseline)
            self._update_hover(hit)
            return
        if not drag.active:
            moved = (c - drag.press).manhattanLength()
            if moved < QApplication.startDragDistance():
                return
            drag.active = True
        drag.current = c
        if drag.mode == "link":
            hit = ia.hit_test(lay, c.x(), c.y(), self._show_baseline, tolerance=6.0)
            ok = hit is not None and hit.part != "row" and hit.row != drag.row
            drag.target_row = hit.row if ok else None
        else:
            drag.days = lay.snap_days(c.x() - drag.press.x())
        self.viewport().update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt name)
        drag, self._drag = self._drag, None
        if drag is None or event.button() != Qt.MouseButton.LeftButton:
            return super().mouseReleaseEvent(event)
        self._finish_drag(drag, event)
        self.viewport().update()

    def _finish_drag(self, drag: ia.Drag, event: QMouseEvent) -> None:
        if not drag.active:
            return
        lay = self.layout_state
        c = self._content(event.position())
        row = lay.table.rows[drag.row]
        if drag.mode == "link":
            hit = ia.hit_test(lay, c.x(), c.y(), self._show_baseline, tolerance=6.0)
            if hit is not None and hit.part != "row" and hit.row != drag.row:
                self.dependencyRequested.emit(row.task_id, lay.table.rows[hit.row].task_id)
            return
        drag.days = lay.snap_days(c.x() - drag.press.x())
        if drag.days == 0:
            return
        start, finish = ia.new_dates(lay, drag)
        if drag.mode == "move":
            self.taskMoveRequested.emit(row.task_id, start)
        elif finish != row.finish:
            self.taskResizeRequested.emit(row.task_id, finish)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt name)
        c = self._content(event.position())
        row = self.layout_state.row_at(c.y())
        self._drag = None
        if row is not None and event.button() == Qt.MouseButton.LeftButton:
            task_id = self.layout_state.table.rows[row].task_id
            if row != self._selected_row:
                self._selected_row = row
                self.selectionChanged.emit(task_id)
                self.viewport().update()
            self.taskActivated.emit(task_id)

    def _update_hover(self, hit: ia.Hit | None) -> None:
        row = hit.row if hit is not None and hit.part != "row" else None
        self.viewport().setCursor(ia.cursor_for(self.layout_state, hit))
        if row != self._hover_row:
            self._hover_row = row
            self.viewport().update()

    def hover_text(self, pos: QPointF) -> str | None:
        """Tooltip at viewport ``pos``: the bar's details, else the day's holiday name."""
        c = self._content(pos)
        lay = self.layout_state
        hit = ia.hit_test(lay, c.x(), c.y(), self._show_baseline)
        if hit is not None and hit.part != "row":
            return ia.tooltip_text(lay, hit.row, self.language)
        return self.day_tooltip(lay.ts.ordinal_at(c.x()))

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt name)
        if self._hover_row is not None:
            self._hover_row = None
            self.viewport().update()
        super().leaveEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt name)
        if event.key() == Qt.Key.Key_Escape and self._drag is not None:
            self._drag = None
            self.viewport().update()
            return
        if keys.handle_key(self, event.key(), event.modifiers()):
            event.accept()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event) -> None:  # noqa: N802 (Qt name)
        target = keys.menu_target(self, self._content(
            QPointF(self.viewport().mapFrom(self, event.pos()))))
        if target is not None:
            self.menuRequested.emit(target, event.globalPos())

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt name)
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y()
            if steps > 0:
                self.zoom_in(event.position().x())
            elif steps < 0:
                self.zoom_out(event.position().x())
            event.accept()
            return
        super().wheelEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.ToolTip:
            text = self.hover_text(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)
