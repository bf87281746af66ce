"""Briefings, status and schedule read the plan model (app/plan.PlanSnapshot)."""

from __future__ import annotations

from datetime import date

import pytest

from smartcity_desktop.app.plan import PlanModel, PlanSnapshot
from smartcity_desktop.reporting.builder import generate_report
from smartcity_desktop.store import open_store
from smartcity_desktop.store.planning import load_schedule


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "plan.db", keep_backups=0)
    yield s
    s.close()


def _facts(tasks, schedule):
    return [(t.id, schedule[t.id].start, schedule[t.id].finish, schedule[t.id].total_float,
             bool(schedule[t.id].critical)) for t in tasks if t.id in schedule]


@pytest.mark.parametrize("as_of", [None, date(2018, 6, 1), date(2019, 3, 4), date(2021, 12, 31)])
def test_snapshot_schedule_equals_a_fresh_read(store, as_of):
    tasks, schedule, _ = load_schedule(store, status_date=as_of)
    for snapshot in (PlanModel(store).snapshot(), PlanSnapshot.read(store)):
        s_tasks, s_schedule, _ = snapshot.schedule_as_of(as_of)
        assert [t.id for t in s_tasks] == [t.id for t in tasks]
        assert _facts(s_tasks, s_schedule) == _facts(tasks, schedule)


def test_the_window_schedule_is_reused_at_the_status_date(store):
    plan = PlanModel(store)
    snapshot = plan.snapshot()
    assert snapshot.schedule_as_of()[1] is plan.schedule


def test_a_briefing_from_a_snapshot_reads_no_tasks(store, tmp_path, monkeypatch):
    snapshot = PlanModel(store).snapshot()

    def no_reads(*_a, **_k):
        raise AssertionError("the briefing re-read the tasks instead of the plan model")

    monkeypatch.setattr(store, "tasks", no_reads)
    monkeypatch.setattr(store, "dependencies", no_reads)
    out = generate_report(store, "programme", out_path=tmp_path / "b.pdf", plan=snapshot)
    assert out.stat().st_size > 10_000
