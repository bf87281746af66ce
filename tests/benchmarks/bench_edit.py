"""Edit round trips on a generated 10,000-task, 15,000-link plan, through the real window.

Each edit goes the way an officer's does (table cell, Gantt drag, link drag,
checklist tick) through ``perform`` and the undo stack; the clock stops when
the events are processed and the tree and the chart have repainted.

Metrics:
* ``edit_roundtrip_10k_ms`` / ``edit_roundtrip_10k_p95_ms``: median and 95th
  percentile over 50 mixed edits (percent, finish date, drag move, new link,
  checklist tick); targets < 50 and < 100;
* ``undo_roundtrip_10k_ms``: median of 20 undos (< 100);
* ``task_dialog_open_10k_ms``: the task dialog built and shown (< 150);
* ``load_plan_10k_ms`` / ``load_plan_raw_sqlite_10k_ms`` / ``load_overhead_ratio``:
  tasks and links read into domain objects through the repository, against a raw
  ``sqlite3`` fetch of the same rows (target ratio ≤ 2);
* ``plan_model_build_10k_ms``: the whole in-memory plan (read + schedule + statuses).
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import tempfile
import time
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QStandardPaths  # noqa: E402

from tests.benchmarks.generate import generate_database  # noqa: E402

N_TASKS, N_LINKS, EDITS, UNDOS = 10_000, 15_000, 50, 20


def _median_ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000, 2)


def _p95_ms(samples: list[float]) -> float:
    ordered = sorted(samples)
    return round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] * 1000, 2)


def _load_figures(path: Path) -> list[dict]:
    from smartcity_desktop.app.plan import PlanModel
    from smartcity_desktop.store import open_store

    raw, repo, model = [], [], []
    for _ in range(5):
        con = sqlite3.connect(path)
        t = time.perf_counter()
        con.execute("SELECT * FROM tasks ORDER BY sort_order, id").fetchall()
        con.execute("SELECT * FROM dependencies ORDER BY id").fetchall()
        raw.append(time.perf_counter() - t)
        con.close()
        store = open_store(path, keep_backups=0)
        t = time.perf_counter()
        store.tasks()
        store.dependencies()
        repo.append(time.perf_counter() - t)
        t = time.perf_counter()
        PlanModel(store)
        model.append(time.perf_counter() - t)
        store.close()
    ratio = statistics.median(repo) / statistics.median(raw)
    return [
        {"metric": "load_plan_10k_ms", "value": _median_ms(repo), "unit": "ms"},
        {"metric": "load_plan_raw_sqlite_10k_ms", "value": _median_ms(raw), "unit": "ms"},
        {"metric": "load_overhead_ratio", "value": round(ratio, 2), "unit": "x"},
        {"metric": "plan_model_build_10k_ms", "value": _median_ms(model), "unit": "ms"},
    ]


def _settle(app, window) -> None:
    app.processEvents()
    app.processEvents()
    window.tree.viewport().repaint()
    window.gantt.repaint_now()


def _edits(window, store):
    """50 edits of five kinds, each a callable doing what the gesture does."""
    from smartcity_desktop.app import checklists as cl
    from smartcity_desktop.domain import model as m
    from smartcity_desktop.ui.task_model import COL_FINISH, COL_PERCENT

    plan, model = window.context.plan, window.model
    leaves = [t for t in plan.ordered_tasks() if t.kind is m.TaskKind.TASK][100:]
    items = store.checklist()
    out = []
    for i in range(EDITS):
        task = leaves[i * 37 % len(leaves)]
        kind = i % 5
        if kind == 0:
            out.append(lambda t=task, i=i: model.setData(model.index_of(t.id, COL_PERCENT),
                                                         float(10 + i % 80)))
        elif kind == 1:
            out.append(lambda t=task: model.setData(
                model.index_of(t.id, COL_FINISH),
                (plan.scheduled[t.id].finish + timedelta(days=14)).isoformat()))
        elif kind == 2:
            out.append(lambda t=task: window.gantt_link.move_task(
                t.id, plan.scheduled[t.id].start + timedelta(days=7)))
        elif kind == 3:
            later = leaves[(i * 37 + 400) % len(leaves)]
            pred, succ = sorted((task, later), key=lambda t: t.sort_order)
            out.append(lambda p=pred, s=succ: window.gantt_link.link_tasks(p.id, s.id))
        else:
            item = items[i % len(items)]
            out.append(lambda it=item: window.context.edits.run(
                "tick", lambda s: cl.tick_item(s, it.id)))
    return out


def run() -> list[dict]:
    QStandardPaths.setTestModeEnabled(True)
    from PySide6.QtWidgets import QApplication, QMessageBox

    from smartcity_desktop.domain import model as m
    from smartcity_desktop.store import open_store
    from smartcity_desktop.ui.app import create_application
    from smartcity_desktop.ui.context import AppContext
    from smartcity_desktop.ui.main_window import MainWindow
    from smartcity_desktop.ui.preferences import set_language, settings
    from smartcity_desktop.ui.task_dialog import TaskDialog

    app = create_application()
    settings().clear()
    refusals: list[str] = []
    for kind in ("warning", "critical", "information"):  # never block on a modal box
        setattr(QMessageBox, kind, staticmethod(
            lambda _p, _t, text, *a, **k: refusals.append(text) or QMessageBox.StandardButton.Ok))
    with tempfile.TemporaryDirectory() as folder:
        path = generate_database(Path(folder) / "big.db", N_TASKS, N_LINKS)
        figures = _load_figures(path)
        store = open_store(path, keep_backups=0)
        with store.transaction():  # a checklist to tick (the generator makes none)
            for task in store.tasks()[200:260]:
                store.insert(m.ChecklistItem(task_id=task.id, text=f"점검 {task.wbs}"))
        context = AppContext(store)
        set_language(context, "ko")
        window = MainWindow(context)
        window.resize(1600, 1000)
        window.show()
        window.add_plugin_views()
        window.tree.expandToDepth(1)
        window.gantt_link.refresh_now()
        _settle(app, window)

        edit_times = []
        for edit in _edits(window, store):
            t = time.perf_counter()
            edit()
            _settle(app, window)
            edit_times.append(time.perf_counter() - t)
        undo_times = []
        for _ in range(UNDOS):
            t = time.perf_counter()
            context.undo_stack.undo()
            _settle(app, window)
            undo_times.append(time.perf_counter() - t)
        dialog_times = []
        task_ids = [t.id for t in context.plan.ordered_tasks()[500:505]]
        for task_id in task_ids:
            t = time.perf_counter()
            dialog = TaskDialog(context, task_id, window)
            dialog.show()
            app.processEvents()
            dialog_times.append(time.perf_counter() - t)
            dialog.close()
            dialog.deleteLater()
        window.close()
        window.deleteLater()
        app.processEvents()
        context.detach()
        store.close()
        settings().clear()
    QApplication.processEvents()
    note = f"{N_TASKS} tasks, {N_LINKS} links; {len(refusals)} edits refused"
    return [
        {"metric": "edit_roundtrip_10k_ms", "value": _median_ms(edit_times), "unit": "ms",
         "note": note},
        {"metric": "edit_roundtrip_10k_p95_ms", "value": _p95_ms(edit_times), "unit": "ms"},
        {"metric": "undo_roundtrip_10k_ms", "value": _median_ms(undo_times), "unit": "ms"},
        {"metric": "task_dialog_open_10k_ms", "value": _median_ms(dialog_times), "unit": "ms"},
        *figures,
    ]
