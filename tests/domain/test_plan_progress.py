"""Planned progress reads the plan (baseline, plan dates as written, the schedule as planned),
never the forecast: late work is behind plan."""

from __future__ import annotations

from datetime import date

from smartcity_desktop.domain.calendar import WorkCalendar
from smartcity_desktop.domain.dates import parse_plan_date
from smartcity_desktop.domain.model import BaselineTask, Dependency, Task, TaskKind
from smartcity_desktop.domain.plan_progress import plan_windows, planned_percent
from smartcity_desktop.domain.scheduler import Scheduler, weighted_percent

CAL = WorkCalendar()
START = date(2019, 1, 2)
AS_OF = date(2019, 2, 15)


def make(tid: int, dur: int = 5, **kw) -> Task:
    for k in ("start", "finish"):
        if isinstance(kw.get(k), str):
            kw[k] = parse_plan_date(kw[k])
    kind = TaskKind.MILESTONE if dur == 0 else TaskKind.TASK
    return Task(project_id=1, wbs=str(tid), name_ko=f"과제{tid}", duration_days=dur, kind=kind,
                id=tid, **kw)


def _plan():
    late = make(1, 10, start="2019-01", finish="2019-01")  # planned in January, not started
    linked = make(2, 5)  # no dates written: follows task 1 in the plan
    done = make(3, 5, start="2019-01-07", actual_start=date(2019, 1, 7),
                actual_finish=date(2019, 1, 11), percent_complete=100)
    links = [Dependency(1, 2, id=1)]
    return [late, linked, done], links


def test_a_late_task_is_behind_plan_while_the_forecast_says_nothing_was_due() -> None:
    tasks, links = _plan()
    forecast = Scheduler(tasks, links, CAL, START, status_date=AS_OF).compute()
    assert forecast[1].start >= AS_OF  # unfinished work moved to the status date
    windows = plan_windows(tasks, links, CAL, START)
    assert windows[1] == (date(2019, 1, 1), date(2019, 1, 31))  # as written
    # the linked task starts where the plan puts it: after task 1's planned ten days
    plan_only = Scheduler(tasks[:2], links, CAL, START).compute()
    assert windows[2] == (plan_only[2].start, plan_only[2].finish)
    assert windows[2][1] < AS_OF

    def st(t: Task):
        return forecast[t.id]

    planned = planned_percent(tasks, st, windows, AS_OF)
    actual = round(weighted_percent([(forecast[t.id].percent, forecast[t.id].duration)
                                     for t in tasks]), 1)
    assert planned == 100.0  # all three were planned to be done by mid-February
    assert actual == 25.0  # only the finished 5 of 20 working days
    # the old rule (windows from the forecast) put the plan within a day of the actual
    from_forecast = {t.id: (forecast[t.id].start, forecast[t.id].finish) for t in tasks}
    assert abs(planned_percent(tasks, st, from_forecast, AS_OF) - actual) < 5


def test_a_baseline_is_the_plan_when_saved() -> None:
    tasks, links = _plan()
    base = [BaselineTask(baseline_id=1, task_id=1, start=date(2019, 3, 4),
                         finish=date(2019, 3, 15), duration_days=10)]
    windows = plan_windows(tasks, links, CAL, START, base)
    assert windows[1] == (date(2019, 3, 4), date(2019, 3, 15))
    forecast = Scheduler(tasks, links, CAL, START, status_date=AS_OF).compute()
    only_first = planned_percent(tasks[:1], lambda t: forecast[t.id], windows, AS_OF)
    assert only_first == 0.0  # the baseline had not planned it to start yet


def test_half_way_through_the_written_window() -> None:
    t = make(1, 10, start="2019-01-01", finish="2019-01-10")
    windows = plan_windows([t], [], CAL, START)
    sch = Scheduler([t], [], CAL, START).compute()
    assert planned_percent([t], lambda x: sch[x.id], windows, date(2019, 1, 5)) == 50.0
    assert planned_percent([t], lambda x: sch[x.id], windows, date(2018, 12, 31)) == 0.0
