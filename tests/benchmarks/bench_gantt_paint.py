"""Gantt widget benchmark, independent of the main window.

10,000 synthetic rows and 15,000 dependencies in a 1400x900 GanttView shown
offscreen with the Korean working calendar. Metrics (median of 50 synchronous
repaints each): ``gantt_paint_scroll_ms`` (vertical scroll by a random amount,
then repaint), ``gantt_paint_zoom_ms`` (one zoom step in or out, including the
x-extent recomputation and the header/background cache rebuild, then repaint),
plus ``gantt_set_rows_10k_ms`` (handing the 10k rows and deps to the widget).
"""

from __future__ import annotations

import os
import random
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _app():
    from PySide6.QtGui import QFont, QFontDatabase
    from PySide6.QtWidgets import QApplication

    from smartcity_desktop.paths import FONT_REGULAR

    app = QApplication.instance() or QApplication([])
    font_id = QFontDatabase.addApplicationFont(str(FONT_REGULAR))
    families = QFontDatabase.applicationFontFamilies(font_id)
    if families:
        app.setFont(QFont(families[0], 9))
    return app


def _calendar():
    try:
        from smartcity_desktop.domain.calendar import WorkCalendar
    except ImportError:
        return None
    return WorkCalendar()


def run() -> list[dict]:
    app = _app()
    from smartcity_desktop.ui.gantt import GanttView
    from smartcity_desktop.ui.gantt.synthetic import synthetic_plan

    rows, deps = synthetic_plan(10_000, 15_000)
    view = GanttView(None)
    view.resize(1400, 900)
    view.set_calendar(_calendar())
    t0 = time.perf_counter()
    view.set_rows(rows)
    view.set_dependencies(deps)
    set_rows_ms = (time.perf_counter() - t0) * 1000
    view.set_timescale("month/week")
    view.show()
    app.processEvents()
    rnd = random.Random(1)
    vs = view.verticalScrollBar()
    scroll: list[float] = []
    for _ in range(50):
        vs.setValue(rnd.randrange(vs.maximum() + 1))
        t0 = time.perf_counter()
        view.repaint_now()
        scroll.append((time.perf_counter() - t0) * 1000)
    zoom: list[float] = []
    direction = 1
    for _ in range(50):
        before = view.zoom()
        t0 = time.perf_counter()
        (view.zoom_in if direction > 0 else view.zoom_out)()
        view.repaint_now()
        zoom.append((time.perf_counter() - t0) * 1000)
        if view.zoom() == before or rnd.random() < 0.15:
            direction = -direction
    view.close()
    view.deleteLater()
    app.processEvents()
    return [
        {"metric": "gantt_set_rows_10k_ms", "value": round(set_rows_ms, 1), "unit": "ms"},
        {"metric": "gantt_paint_scroll_ms", "value": round(statistics.median(scroll), 2),
         "unit": "ms"},
        {"metric": "gantt_paint_zoom_ms", "value": round(statistics.median(zoom), 2),
         "unit": "ms"},
        {"metric": "gantt_paint_scroll_p95_ms",
         "value": round(sorted(scroll)[int(len(scroll) * 0.95) - 1], 2), "unit": "ms"},
        {"metric": "gantt_paint_zoom_p95_ms",
         "value": round(sorted(zoom)[int(len(zoom) * 0.95) - 1], 2), "unit": "ms"},
    ]


if __name__ == "__main__":
    import json

    for m in run():
        print(json.dumps(m, ensure_ascii=False))
