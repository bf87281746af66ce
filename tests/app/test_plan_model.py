"""The in-memory plan equals a full reload after any sequence of edits, undos and redos."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smartcity_desktop.app import checklists as cl
from smartcity_desktop.app import task_edits as ed
from smartcity_desktop.app.plan import PlanModel
from smartcity_desktop.app.session import Session
from smartcity_desktop.domain import model as m
from smartcity_desktop.messages import Refusal
from smartcity_desktop.store import open_store

STEPS = st.lists(st.tuples(st.sampled_from(
    ["percent", "finish", "move", "duration", "link", "unlink", "tick", "add", "delete",
     "undo", "redo", "status_date"]), st.integers(0, 10_000)), min_size=1, max_size=25)


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("seed") / "plan.db"
    open_store(path).close()
    return path


def _same(plan: PlanModel, fresh: PlanModel) -> None:
    assert plan.tasks == fresh.tasks
    assert plan.dependencies == fresh.dependencies
    assert plan.children == fresh.children
    assert plan.scheduled == fresh.scheduled
    assert plan.critical_ids == fresh.critical_ids
    assert plan.error == fresh.error


def _edit(plan: PlanModel, kind: str, n: int):
    leaves = [t for t in plan.ordered_tasks() if t.kind is m.TaskKind.TASK]
    task = leaves[n % len(leaves)]
    sched = plan.scheduled[task.id]
    if kind == "percent":
        return ed.update_task(task.id, percent_complete=float(n % 101))
    if kind == "finish":
        return ed.move_task(task.id, sched.start + timedelta(days=n % 40))
    if kind == "move":
        return ed.resize_task(task.id, sched.start + timedelta(days=1 + n % 60), sched.start,
                              plan.calendar.workdays_between)
    if kind == "duration":
        return ed.update_task(task.id, duration_days=1 + n % 30)
    if kind == "link":
        other = leaves[(n * 7 + 3) % len(leaves)]
        return ed.add_dependency(task.id, other.id, m.DependencyType.FS, n % 5, plan=plan)
    if kind == "unlink" and plan.dependencies:
        return ed.remove_dependency(sorted(plan.dependencies)[n % len(plan.dependencies)])
    if kind == "tick":
        items = plan.store.checklist()
        if items:
            item = items[n % len(items)]
            return (lambda s: cl.untick_item(s, item.id)) if item.done else (
                lambda s: cl.tick_item(s, item.id))
    if kind == "add":
        return ed.add_task(after_id=task.id)
    if kind == "delete":
        return ed.delete_task(task.id)
    if kind == "status_date":
        return ed.set_status_date(plan.project.start + timedelta(days=n % 900))
    return None


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=STEPS)
def test_plan_model_equals_a_full_reload(template, tmp_path_factory, steps) -> None:
    path = tmp_path_factory.mktemp("run") / "plan.db"
    shutil.copyfile(template, path)
    store = open_store(path, keep_backups=0)
    try:
        session = Session(store)
        done, undone = [], []
        for kind, n in steps:
            try:
                if kind == "undo" and done:
                    session.undo(done[-1])
                    undone.append(done.pop())
                elif kind == "redo" and undone:
                    session.redo(undone[-1])
                    done.append(undone.pop())
                else:
                    edit = _edit(session.plan, kind, n)
                    if edit is not None:
                        record = session.run(edit)
                        if not record.changeset.empty:
                            done.append(record)
                            undone.clear()
            except Refusal:
                pass  # a refused edit changes nothing; the plan must still match
            _same(session.plan, PlanModel(store))
    finally:
        store.close()


def test_another_connection_is_picked_up(template, tmp_path) -> None:
    path = tmp_path / "plan.db"
    shutil.copyfile(template, path)
    store, other = open_store(path, keep_backups=0), open_store(path, keep_backups=0)
    try:
        plan = PlanModel(store)
        task = next(t for t in plan.ordered_tasks() if t.kind is m.TaskKind.TASK)
        other.update_fields(m.Task, task.id, {"duration_days": 40}, {})
        delta = plan.refresh_if_changed_elsewhere()
        assert task.id in delta.task_ids
        _same(plan, PlanModel(store))
        assert plan.refresh_if_changed_elsewhere().empty  # nothing new: nothing to do
    finally:
        store.close()
        other.close()
