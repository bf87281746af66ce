"""The status rule: done, late, at risk, not started, on track."""

from __future__ import annotations

from datetime import date

import pytest

from smartcity_desktop.domain.calendar import WorkCalendar
from smartcity_desktop.domain.dates import parse_plan_date
from smartcity_desktop.domain.model import ChecklistItem, ConstraintType, Task, TaskKind
from smartcity_desktop.domain.scheduler import Scheduler
from smartcity_desktop.domain.status import (
    TaskStatus,
    due_date,
    effective_percent,
    end_margin,
    status_counts,
    task_status,
)

CAL = WorkCalendar()
START = date(2019, 1, 2)


def make(dur: int = 5, **kw) -> Task:
    for k in ("start", "finish"):
        if isinstance(kw.get(k), str):
            kw[k] = parse_plan_date(kw[k])
    kind = TaskKind.MILESTONE if dur == 0 else TaskKind.TASK
    return Task(project_id=1, wbs="1", name_ko="과제", duration_days=dur, kind=kind, id=1, **kw)


def status(t: Task, as_of: date, percents=None) -> TaskStatus:
    sch = Scheduler([t], [], CAL, START, percents=percents).compute()
    return task_status(t, sch[t.id], as_of)


def test_done_by_actual_finish_or_full_percent():
    assert status(make(actual_start=date(2019, 1, 2), actual_finish=date(2019, 1, 9)),
                  date(2019, 6, 1)) is TaskStatus.DONE
    assert status(make(percent_complete=100), date(2030, 1, 1)) is TaskStatus.DONE


def test_first_half_is_late_only_after_june_30():
    t = make(dur=0, start="2019-H1", finish="2019-H1")
    assert due_date(t) == date(2019, 6, 30)
    assert status(t, date(2019, 6, 30)) is not TaskStatus.LATE
    assert status(t, date(2019, 7, 1)) is TaskStatus.LATE


def test_at_risk_inside_the_end_margin_of_an_imprecise_finish():
    assert end_margin(make(finish="2019-H1")) == (date(2019, 5, 26), date(2019, 6, 30))
    assert end_margin(make(finish="2019-01-15")) is None
    # 5 days from 2019-06-03 finishes 06-07 (06-06 is 현충일): inside the H1 margin
    late_in_range = make(start="2019-06-03", finish="2019-H1")
    assert status(late_in_range, date(2019, 5, 1)) is TaskStatus.AT_RISK
    early_in_range = make(start="2019-02-11", finish="2019-H1")
    assert status(early_in_range, date(2019, 1, 15)) is TaskStatus.NOT_STARTED


def test_at_risk_when_forecast_misses_the_deadline():
    t = make(dur=10, start="2019-01-07", finish="2019-01-E", percent_complete=20)
    assert status(t, date(2019, 1, 8)) is TaskStatus.AT_RISK
    c = make(dur=10, start="2019-01-07", percent_complete=20,
             constraint_type=ConstraintType.FINISH_NO_LATER, constraint_date=date(2019, 1, 10))
    assert status(c, date(2019, 1, 8)) is TaskStatus.AT_RISK
    assert status(c, date(2019, 1, 11)) is TaskStatus.LATE


def test_at_risk_when_the_start_passed_with_nothing_recorded():
    t = make(start="2019-01-07")
    assert status(t, date(2019, 1, 7)) is TaskStatus.NOT_STARTED
    assert status(t, date(2019, 1, 8)) is TaskStatus.AT_RISK


def test_on_track_once_started():
    t = make(start="2019-01-07", percent_complete=40)
    assert status(t, date(2019, 1, 9)) is TaskStatus.ON_TRACK
    t = make(start="2019-01-07", actual_start=date(2019, 1, 7))
    assert status(t, date(2019, 1, 9)) is TaskStatus.ON_TRACK


def test_late_uses_the_scheduled_finish_without_a_planned_one():
    t = make(start="2019-01-07", percent_complete=50)  # scheduled to finish 2019-01-11
    assert status(t, date(2019, 1, 11)) is TaskStatus.ON_TRACK
    assert status(t, date(2019, 1, 14)) is TaskStatus.LATE


def test_checklist_can_drive_percent_complete():
    items = [ChecklistItem(task_id=1, text=str(i), done=i < 3) for i in range(4)]
    follows = make(percent_from_checklist=True, percent_complete=10)
    assert effective_percent(follows, items) == 75.0
    assert effective_percent(follows, []) == 10
    assert effective_percent(make(percent_complete=10), items) == 10
    all_done = [ChecklistItem(task_id=1, text="x", done=True)]
    pct = {1: effective_percent(follows, all_done)}
    assert status(follows, date(2030, 1, 1), percents=pct) is TaskStatus.DONE


def test_labels_and_counts():
    assert TaskStatus.LATE.label("ko") == "지연"
    assert TaskStatus.AT_RISK.label("en") == "at risk"
    tasks = [make(), Task(project_id=1, wbs="2", name_ko="끝", id=2, percent_complete=100)]
    sch = Scheduler(tasks, [], CAL, START).compute()
    counts = status_counts(tasks, sch, date(2019, 1, 2))
    assert counts[TaskStatus.DONE] == 1 and counts[TaskStatus.NOT_STARTED] == 1
    assert sum(counts.values()) == 2


@pytest.mark.parametrize("code, due", [("2019-01-E", date(2019, 1, 10)),
                                       ("2019-Q3", date(2019, 9, 30)),
                                       ("2019", date(2019, 12, 31))])
def test_due_date_is_the_end_of_the_range(code, due):
    assert due_date(make(finish=code)) == due


def test_work_finished_after_the_status_date_is_not_done_yet():
    from datetime import date as _date

    from smartcity_desktop.domain import model as _m
    from smartcity_desktop.domain.dates import parse_plan_date as _p
    from smartcity_desktop.domain.status import TaskStatus as _S
    from smartcity_desktop.domain.status import task_status as _status

    act = _m.Task(project_id=1, wbs="2.1.3", name_ko="개정법 시행", kind=_m.TaskKind.MILESTONE,
                  duration_days=0, finish=_p("2019-02"), actual_finish=_date(2019, 2, 15),
                  percent_complete=100)
    assert _status(act, None, _date(2019, 1, 10)) is not _S.DONE
    assert _status(act, None, _date(2019, 2, 15)) is _S.DONE
    assert _status(act, None, _date(2019, 3, 1)) is _S.DONE
