"""Opening a plan reads and schedules it once, builds the tabs without the dashboard's
figures, and imports none of the heavy packages only some menus need."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from smartcity_desktop.domain import scheduler as sch
from smartcity_desktop.store.repository import Store


def test_the_window_and_every_tab_load_and_schedule_the_plan_once(
        db_path, qtbot, monkeypatch):
    from smartcity_desktop.store import open_store
    from smartcity_desktop.ui.context import AppContext
    from smartcity_desktop.ui.main_window import MainWindow

    calls = {"compute": 0, "scheduler": 0, "tasks": 0, "dependencies": 0}

    def counted(cls, name, key):
        real = getattr(cls, name)

        def wrapper(*args, **kwargs):
            calls[key] += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(cls, name, wrapper)

    counted(sch.Scheduler, "compute", "compute")
    counted(sch.Scheduler, "__init__", "scheduler")
    counted(Store, "tasks", "tasks")
    counted(Store, "dependencies", "dependencies")
    store = open_store(db_path, keep_backups=0)
    context = AppContext(store)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.add_plugin_views()
    qtbot.wait(50)  # deferred refreshes of the tabs
    try:
        assert calls == {"compute": 1, "scheduler": 1, "tasks": 1, "dependencies": 1}, calls
        dashboard = next(window.tabs.widget(i) for i in range(window.tabs.count())
                         if type(window.tabs.widget(i)).__name__ == "DashboardView")
        assert dashboard._data is None and dashboard._canvas is None  # not shown yet
        window.tabs.setCurrentWidget(dashboard)
        qtbot.waitUntil(lambda: dashboard.draw_count == 1)
        # the dashboard's first show adds exactly one: the plan *as planned* (no actuals,
        # no status date) that planned progress reads for tasks without written dates
        assert dashboard.data.milestones_total > 0 and calls["compute"] == 2
    finally:
        window.close()
        context.detach()
        store.close()


@pytest.mark.slow
def test_opening_the_window_imports_no_charting_report_or_spreadsheet_package(db_path):
    code = f"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QStandardPaths
QStandardPaths.setTestModeEnabled(True)
from smartcity_desktop.ui.app import create_application
app = create_application()
from smartcity_desktop.store import open_store
from smartcity_desktop.ui.context import AppContext
from smartcity_desktop.ui.main_window import MainWindow
store = open_store({str(db_path)!r}, keep_backups=0)
context = AppContext(store)
window = MainWindow(context)
window.show()
app.processEvents()
window.add_plugin_views()
app.processEvents()
print(sorted(m for m in ("matplotlib", "reportlab", "openpyxl", "holidays") if m in sys.modules))
window.close()
context.detach()
store.close()
"""
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(root), *filter(None, [os.environ.get("PYTHONPATH")])])}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=root, env=env, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "[]", out.stdout
