"""Seed facts are dated: done as of a date only when it had happened by then (issue 12).

Actual dates keep the source's precision beside the exact day the schedule uses; dates
the source does not give are marked as planning assumptions; budget rows carry their
period and an owner (marked as assumed where the source names none).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from smartcity_desktop.domain import model as m
from smartcity_desktop.domain.dates import Precision
from smartcity_desktop.domain.status import TaskStatus, task_status
from smartcity_desktop.store import Store, open_store
from smartcity_desktop.store.planning import load_schedule

PLAN_DAY = date(2018, 12, 26)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    s = open_store(tmp_path_factory.mktemp("facts") / "seeded.db")
    yield s
    s.close()


def done_wbs(store: Store, as_of: date) -> set[str]:
    tasks, schedule, _ = load_schedule(store, status_date=as_of)
    return {t.wbs for t in tasks if not t.is_summary
            and task_status(t, schedule[t.id], as_of) is TaskStatus.DONE}


def test_every_finished_seed_task_has_an_actual_finish_on_or_before_the_plan(store: Store):
    for t in store.tasks():
        if t.percent_complete >= 100:
            assert t.actual_finish is not None and t.actual_finish <= PLAN_DAY, t.wbs
        if t.actual_finish is not None:
            assert t.actual_start is not None, t.wbs


def test_month_only_facts_keep_their_precision(store: Store):
    by = {t.wbs: t for t in store.tasks()}
    assert by["1.2"].actual_finish_written.precision is Precision.MONTH
    assert by["1.2"].actual_finish_written.label("ko") == "2018년 7월"
    assert by["2.2.2"].actual_finish_written.precision is Precision.QUARTER
    assert by["1.5.1"].actual_finish_written is None  # the source gives the day


def test_nothing_is_done_before_it_happened(store: Store):
    assert done_wbs(store, date(1, 1, 1)) == set()
    june = done_wbs(store, date(2018, 6, 1))
    assert june == {"1.1"}
    assert "4.1" not in june  # the 2019 budget was included in December 2018
    assert {"1.2", "2.1.1", "1.3", "4.1", "1.6"} <= done_wbs(store, PLAN_DAY)


def test_unfinished_work_is_forecast_from_the_status_date(store: Store):
    as_of = date(2021, 12, 31)
    tasks, schedule, _ = load_schedule(store, status_date=as_of)
    for t in tasks:
        if t.actual_finish is None and not t.is_summary:
            assert schedule[t.id].finish >= as_of, t.wbs


def test_dates_the_source_does_not_give_are_assumptions(store: Store):
    by = {t.wbs: t for t in store.tasks()}
    assert by["6.4"].is_assumption  # the Busan hearing: "추후 개최예정"
    assert by["7.4.2"].is_assumption  # planned work, not in the source
    assert not by["1.6"].is_assumption and not by["2.2.4"].is_assumption


def test_budget_rows_carry_their_period_and_owner(store: Store):
    rows = store.all(m.BudgetLine)
    molit = next(o for o in store.organisations() if o.code == "MOLIT")
    assert all(r.org_id == molit.id and r.org_assumed for r in rows)
    investments = [r for r in rows if r.kind != "budget"]
    assert investments and all(r.period == "2019–2021" for r in investments)
    assert all(r.period == "2019" for r in rows if r.kind == "budget")
    assert sum(r.planned for r in rows if r.kind == "budget") == 265
