"""Done is dated, unfinished work moves to the status date, finished work is never critical."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smartcity_desktop.domain.calendar import WorkCalendar
from smartcity_desktop.domain.dates import parse_plan_date
from smartcity_desktop.domain.model import Dependency, Task, TaskKind, ValidationError
from smartcity_desktop.domain.scheduler import Scheduler
from smartcity_desktop.domain.status import TaskStatus, done_on, task_status

CAL = WorkCalendar()
START = date(2018, 1, 2)


def make(tid: int, dur: int = 5, **kw) -> Task:
    for k in ("start", "finish"):
        if isinstance(kw.get(k), str):
            kw[k] = parse_plan_date(kw[k])
    kind = TaskKind.MILESTONE if dur == 0 else TaskKind.TASK
    return Task(project_id=1, wbs=str(tid), name_ko=f"과제{tid}", duration_days=dur, kind=kind,
                id=tid, **kw)


def test_full_percent_without_actual_is_done_only_from_its_scheduled_finish():
    ms = make(1, 0, start="2018-07", finish="2018-07", percent_complete=100)
    sch = Scheduler([ms], [], CAL, START).compute()
    finish = sch[1].finish
    assert not done_on(ms, sch[1], date(2018, 6, 1))
    assert task_status(ms, sch[1], date(2018, 6, 1)) is not TaskStatus.DONE
    assert task_status(ms, sch[1], finish) is TaskStatus.DONE


def test_actual_finish_after_the_status_date_is_not_done_nor_started_then():
    t = make(1, 5, start="2018-07-02", actual_start=date(2018, 7, 2),
             actual_finish=date(2018, 7, 6), percent_complete=100)
    sch = Scheduler([t], [], CAL, START).compute()
    assert task_status(t, sch[1], date(2018, 6, 1)) is TaskStatus.NOT_STARTED
    assert task_status(t, sch[1], date(2018, 7, 3)) is TaskStatus.ON_TRACK
    assert task_status(t, sch[1], date(2018, 7, 6)) is TaskStatus.DONE


def test_unstarted_work_is_not_forecast_before_the_status_date():
    a = make(1, 5, start="2019-01-07")
    b = make(2, 0, start="2019-01", finish="2019-01")
    sd = date(2021, 12, 31)  # a Friday
    sch = Scheduler([a, b], [Dependency(1, 2)], CAL, START, status_date=sd).compute()
    assert sch[1].start == date(2021, 12, 31) and sch[1].finish == date(2022, 1, 6)
    assert sch[2].finish >= sd
    assert sch[2].total_float < 0  # late is late, in days


def test_work_in_progress_keeps_its_actual_start_and_finishes_after_the_status_date():
    t = make(1, 5, start="2019-01-07", actual_start=date(2019, 1, 7), percent_complete=40)
    sch = Scheduler([t], [], CAL, START, status_date=date(2019, 3, 4)).compute()
    assert sch[1].start == date(2019, 1, 7)
    assert sch[1].finish == date(2019, 3, 4)


def test_done_work_is_never_critical_and_keeps_its_dates():
    a = make(1, 5, start="2018-03-05", actual_start=date(2018, 3, 5),
             actual_finish=date(2018, 3, 9))
    b = make(2, 5, finish="2018-03-16")
    sch = Scheduler([a, b], [Dependency(1, 2)], CAL, START, status_date=date(2018, 3, 12)
                    ).compute()
    assert (sch[1].start, sch[1].finish) == (date(2018, 3, 5), date(2018, 3, 9))
    assert not sch[1].critical and 1 not in sch.critical_ids
    assert sch[2].critical


def test_status_date_out_of_reach_is_refused_and_an_early_one_holds_nothing():
    t = make(1, 5, start="2019-01-07")
    with pytest.raises(ValidationError):
        Scheduler([t], [], CAL, START, status_date=date(9999, 12, 31))
    early = Scheduler([t], [], CAL, START, status_date=date(1, 1, 1)).compute()
    assert early[1].start == date(2019, 1, 7)


@settings(max_examples=60, deadline=None)
@given(offsets=st.lists(st.integers(0, 400), min_size=1, max_size=6),
       durs=st.lists(st.integers(0, 30), min_size=6, max_size=6),
       status_offset=st.integers(0, 600))
def test_no_forecast_of_unfinished_work_before_the_status_date(offsets, durs, status_offset):
    tasks = [make(i + 1, durs[i], start=(START + timedelta(days=o)).isoformat())
             for i, o in enumerate(offsets)]
    deps = [Dependency(i, i + 1) for i in range(1, len(tasks))]
    sd = START + timedelta(days=status_offset)
    sch = Scheduler(tasks, deps, CAL, START, status_date=sd).compute()
    first = CAL.date_at(CAL.index_on_or_after(sd))  # the status day, or the next working day
    for t in tasks:
        assert sch[t.id].finish >= first
        assert sch[t.id].start >= first
