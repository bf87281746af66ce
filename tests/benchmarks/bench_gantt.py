"""Main-window Gantt benchmark on a generated 10,000-task, 15,000-link database (offscreen).

Metrics:
* ``gantt_open_10k_s``: from opening the database file to the main window shown with
  the tree and the chart filled (schedule computed, every view tab built, first paint);
* ``gantt_open_10k_all_tabs_s``: the same until the other view tabs are built too;
* ``gantt_repaint_scroll_ms``: median of 50 synchronous chart repaints, each after a
  vertical scroll step, with every row expanded;
* ``gantt_repaint_zoom_ms``: median of 50 repaints, each after a zoom step (in/out);
* ``gantt_peak_mb``: the process's peak resident memory;
* ``gantt_open_10k_cpu_s`` / ``gantt_repaint_scroll_cpu_ms``: the same as process CPU
  time, which a loaded machine (six engineers on two cores) stretches much less.
Targets: < 2 s, < 2.5 s, < 16 ms, < 16 ms, < 500 MB. :func:`measure` is shared with
``bench_gantt100k`` (``run.py gantt100k``: 100,000 tasks, 150,000 links).
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
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
    return measure(N_TASKS, N_LINKS, "10k")


def measure(n_tasks: int, n_links: int, label: str, repeats: int = REPEATS,
            cross_streams: bool = True, generate_apart: bool = False) -> list[dict]:
    """Open a generated plan in the window, scroll and zoom it; metrics named by ``label``.

    ``generate_apart`` makes the plan in a child process, so the peak memory is the
    window's own and not the generator's.
    """
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
        path = Path(folder) / "big.db"
        if generate_apart:
            code = ("import sys; from tests.benchmarks.generate import generate_database; "
                    f"generate_database(sys.argv[1], {n_tasks}, {n_links}, "
                    f"cross_streams={cross_streams})")
            subprocess.run([sys.executable, "-c", code, str(path)], check=True,
                           cwd=Path(__file__).resolve().parents[2])
        else:
            generate_database(path, n_tasks, n_links, cross_streams=cross_streams)

        t0, c0 = time.perf_counter(), time.process_time()
        store = open_store(path, keep_backups=0)
        context = AppContext(store)
        set_language(context, "ko")
        window = MainWindow(context)
        window.show()
        gantt = window.gantt
        while not gantt.rows() or not gantt.paint_stats["paints"]:
            app.processEvents()
        open_s, open_cpu = time.perf_counter() - t0, time.process_time() - c0
        window.add_plugin_views()  # the tabs beside the Gantt, built right after the first show
        all_tabs_s = time.perf_counter() - t0

        window.tree.expandAll()
        window.gantt_link.refresh_now()
        app.processEvents()
        bar = gantt.verticalScrollBar()
        scroll, scroll_cpu = [], []
        for i in range(repeats):
            bar.setValue((i * 37 * 24) % max(1, bar.maximum()))
            t, c = time.perf_counter(), time.process_time()
            gantt.repaint_now()
            scroll.append((time.perf_counter() - t) * 1000)
            scroll_cpu.append((time.process_time() - c) * 1000)
        zoom = []
        for i in range(repeats):
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
    note = f"{n_tasks} tasks, {n_links} links, {rows} rows expanded"
    suffix = "" if label == "10k" else f"_{label}"
    return [
        {"metric": f"gantt_open_{label}_s", "value": round(open_s, 3), "unit": "s",
         "note": note},
        {"metric": f"gantt_open_{label}_all_tabs_s", "value": round(all_tabs_s, 3),
         "unit": "s", "note": "until every view tab beside the Gantt is built"},
        {"metric": f"gantt_repaint_scroll{suffix}_ms",
         "value": round(statistics.median(scroll), 2), "unit": "ms"},
        {"metric": f"gantt_repaint_zoom{suffix}_ms",
         "value": round(statistics.median(zoom), 2), "unit": "ms"},
        {"metric": f"gantt_peak{suffix}_mb", "value": round(_peak_mb(), 1), "unit": "MB"},
        {"metric": f"gantt_open_{label}_cpu_s", "value": round(open_cpu, 3), "unit": "s",
         "note": "process CPU time of the open"},
        {"metric": f"gantt_repaint_scroll{suffix}_cpu_ms",
         "value": round(statistics.median(scroll_cpu), 2), "unit": "ms"},
    ]
