"""Main-window Gantt benchmark on a generated 10,000-task, 15,000-link database (offscreen).

Metrics:
* ``gantt_open_10k_s``: from opening the database file to the main window shown with
  the tree and the chart filled (schedule computed, every view tab built, first paint);
* ``gantt_open_10k_all_tabs_s``: the same until the other view tabs are built too;
* ``gantt_repaint_scroll_ms``: median of 50 synchronous chart repaints, each after a
  vertical scroll step, with every row expanded;
* ``gantt_repaint_zoom_ms``: median of 50 repaints, each after a zoom step (in/out);
* ``gantt_peak_mb``: the process's peak resident memory.
Targets: < 2 s, < 16 ms, < 16 ms, < 500 MB.
"""

from __future__ import annotations

import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QStandardPaths  # noqa: E402

from tests.benchmarks.generate import generate_database  # noqa: E402

N_TASKS, N_LINKS, REPEATS = 10_000, 15_000, 50


def _peak_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def run() -> list[dict]:
    QStandardPaths.setTestModeEnabled(True)
    from PySide6.QtWidgets import QApplication, QMessageBox

    from smartcity_desktop.store import open_store
    from smartcity_desktop.ui.app import create_application
    from smartcity_desktop.ui.context import AppContext
    from smartcity_desktop.ui.main_window import MainWindow
    from smartcity_desktop.ui.preferences import set_language, settings

    app = create_application()
    settings().clear()
    for kind in ("warning", "critical", "information"):  # never block on a modal box
        setattr(QMessageBox, kind, staticmethod(lambda *a, **k: QMessageBox.StandardButton.Ok))
    with tempfile.TemporaryDirectory() as folder:
        path = generate_database(Path(folder) / "big.db", N_TASKS, N_LINKS)

        t0 = time.perf_counter()
        store = open_store(path, keep_backups=0)
        context = AppContext(store)
        set_language(context, "ko")
        window = MainWindow(context)
        window.show()
        gantt = window.gantt
        while not gantt.rows() or not gantt.paint_stats["paints"]:
            app.processEvents()
        open_s = time.perf_counter() - t0
        window.add_plugin_views()  # the tabs beside the Gantt, built right after the first show
        all_tabs_s = time.perf_counter() - t0

        window.tree.expandAll()
        window.gantt_link.refresh_now()
        app.processEvents()
        bar = gantt.verticalScrollBar()
        scroll = []
        for i in range(REPEATS):
            bar.setValue((i * 37 * 24) % max(1, bar.maximum()))
            t = time.perf_counter()
            gantt.repaint_now()
            scroll.append((time.perf_counter() - t) * 1000)
        zoom = []
        for i in range(REPEATS):
            gantt.zoom_in() if i % 2 == 0 else gantt.zoom_out()
            t = time.perf_counter()
            gantt.repaint_now()
            zoom.append((time.perf_counter() - t) * 1000)
        rows = len(gantt.rows())
        window.close()
        window.deleteLater()
        app.processEvents()
        context.detach()
        store.close()
        settings().clear()
    QApplication.processEvents()
    note = f"{N_TASKS} tasks, {N_LINKS} links, {rows} rows expanded"
    return [
        {"metric": "gantt_open_10k_s", "value": round(open_s, 3), "unit": "s", "note": note},
        {"metric": "gantt_open_10k_all_tabs_s", "value": round(all_tabs_s, 3), "unit": "s",
         "note": "until every view tab beside the Gantt is built"},
        {"metric": "gantt_repaint_scroll_ms", "value": round(statistics.median(scroll), 2),
         "unit": "ms"},
        {"metric": "gantt_repaint_zoom_ms", "value": round(statistics.median(zoom), 2),
         "unit": "ms"},
        {"metric": "gantt_peak_mb", "value": round(_peak_mb(), 1), "unit": "MB"},
    ]
