"""Hand-checked small schedules: every link type and lag sign, constraints, holidays.

Calendar reading aid (2019): Mon 01-07 .. Fri 01-11, Mon 01-14 .. Fri 01-18;
Lunar New Year 02-04..02-06 (Mon-Wed); 03-01 (Fri) 삼일절. 2020-04-15 (Wed) election day.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from smartcity_desktop.domain.calendar import WorkCalendar
from smartcity_desktop.domain.dates import parse_plan_date
from smartcity_desktop.domain.model import (
    ConstraintType,
    Dependency,
    DependencyType,
    Task,
    TaskKind,
    ValidationError,
)
from smartcity_desktop.domain.scheduler import CycleError, Scheduler

CAL = WorkCalendar()
MON = date(2019, 1, 7)
FS, SS, FF, SF = DependencyType.FS, DependencyType.SS, DependencyType.FF, DependencyType.SF


def task(i: int, dur: int = 1, **kw) -> Task:
    kind = kw.pop("kind", TaskKind.MILESTONE if dur == 0 else TaskKind.TASK)
    for k in ("start", "finish"):
        if isinstance(kw.get(k), str):
            kw[k] = parse_plan_date(kw[k])
    return Task(project_id=1, wbs=f"{i}", name_ko=f"작업{i}", duration_days=dur, kind=kind,
                id=i, **kw)


def link(p: int, s: int, type_: DependencyType = FS, lag: int = 0, i: int = 0) -> Dependency:
    return Dependency(p, s, type_, lag, id=i or p * 100 + s)


def schedule(tasks, deps=(), start=MON):
    return Scheduler(tasks, deps, CAL, start).compute()


def span(sch, i):
    return sch[i].start, sch[i].finish


def d(m: int, day: int, y: int = 2019) -> date:
    return date(y, m, day)


# -- link types and lags ---------------------------------------------------------------
@pytest.mark.parametrize("lag, start, finish", [
    (0, d(1, 10), d(1, 11)),   # A Mon-Wed; B the next two working days
    (2, d(1, 14), d(1, 15)),   # two working days' wait (Thu, Fri)
    (-1, d(1, 9), d(1, 10)),   # one-day lead: overlaps A's last day
])
def test_finish_to_start(lag, start, finish):
    sch = schedule([task(1, 3), task(2, 2)], [link(1, 2, FS, lag)])
    assert span(sch, 1) == (d(1, 7), d(1, 9))
    assert span(sch, 2) == (start, finish)


@pytest.mark.parametrize("lag, start", [(0, d(1, 9)), (2, d(1, 11)), (-1, d(1, 8))])
def test_start_to_start(lag, start):
    sch = schedule([task(1, 3, start="2019-01-09"), task(2, 2)], [link(1, 2, SS, lag)])
    assert sch[1].start == d(1, 9)
    assert sch[2].start == start


@pytest.mark.parametrize("lag, start, finish", [
    (0, d(1, 8), d(1, 9)), (1, d(1, 9), d(1, 10)), (-1, d(1, 7), d(1, 8)),
])
def test_finish_to_finish(lag, start, finish):
    sch = schedule([task(1, 3), task(2, 2)], [link(1, 2, FF, lag)])
    assert span(sch, 2) == (start, finish)


@pytest.mark.parametrize("lag, start, finish", [
    (0, d(1, 9), d(1, 10)),    # B finishes the working day before A starts (Fri 01-11)
    (3, d(1, 14), d(1, 15)),
    (-1, d(1, 8), d(1, 9)),
])
def test_start_to_finish(lag, start, finish):
    sch = schedule([task(1, 3, start="2019-01-11"), task(2, 2)], [link(1, 2, SF, lag)])
    assert span(sch, 2) == (start, finish)


def test_negative_lag_never_pulls_before_the_project_start():
    sch = schedule([task(1, 1), task(2, 2)], [link(1, 2, SS, -3)])
    assert sch[2].start == MON


# -- holidays --------------------------------------------------------------------------
def test_task_over_lunar_new_year_2019():
    sch = schedule([task(1, 5, start="2019-01-31")], start=d(1, 2))
    # Thu 31, Fri 1, (Sat, Sun, 4-6 설날) Thu 7, Fri 8, Mon 11
    assert span(sch, 1) == (d(1, 31), d(2, 11))
    assert sch[1].duration == 5


def test_task_over_2020_election_day():
    sch = schedule([task(1, 3, start="2020-04-14")], start=d(1, 2))
    assert span(sch, 1) == (date(2020, 4, 14), date(2020, 4, 17))


def test_fs_successor_skips_a_holiday():
    sch = schedule([task(1, 2, start="2019-01-31"), task(2, 1)], [link(1, 2)], start=d(1, 2))
    assert sch[1].finish == d(2, 1)
    assert sch[2].start == d(2, 7)


# -- milestones, floats, critical path --------------------------------------------------
def test_milestone_is_on_its_predecessors_last_day():
    sch = schedule([task(1, 3), task(2, 0), task(3, 1)], [link(1, 2), link(2, 3)])
    assert span(sch, 2) == (d(1, 9), d(1, 9))
    assert sch[2].duration == 0
    assert sch[3].start == d(1, 10)


def test_floats_and_critical_path():
    # A 3d and B 5d from the start, C after both; D (1d) after A only, alone at the end
    tasks = [task(1, 3), task(2, 5), task(3, 1), task(4, 1)]
    sch = schedule(tasks, [link(1, 3), link(2, 3), link(1, 4)])
    assert sch[3].start == d(1, 14)
    assert (sch[1].total_float, sch[1].free_float) == (2, 0)
    assert (sch[4].total_float, sch[4].free_float) == (2, 2)
    assert (sch[2].total_float, sch[3].total_float) == (0, 0)
    assert sch.critical_ids == {2, 3}
    assert sch.critical_path() == [2, 3]
    assert sch.finish == d(1, 14)
    assert sch[1].late_start == d(1, 9) and sch[1].late_finish == d(1, 11)


# -- planned dates, constraints, actuals -------------------------------------------------
def test_imprecise_planned_start_is_the_range_start():
    sch = schedule([task(1, 2, start="2019-02-M")])
    assert sch[1].start == d(2, 11)
    sch = schedule([task(1, 0, start="2019-02")], start=d(1, 2))
    assert sch[1].start == d(2, 1)  # milestone in "Feb": the end of its first working day


def test_planned_finish_is_a_deadline_not_a_driver():
    sch = schedule([task(1, 5, finish="2019-01-E")])  # due by 01-10; needs until 01-11
    assert sch[1].finish == d(1, 11)
    assert sch[1].total_float == -1
    assert sch[1].critical
    sch = schedule([task(1, 3, finish="2019-01-E")])
    assert sch[1].total_float == 0  # the project end (01-09) binds before the deadline
    sch = schedule([task(1, 3, finish="2019-01-E"), task(2, 5)])
    assert sch[1].total_float == 1  # deadline 01-10 binds before the project end 01-11


def test_start_no_earlier_than():
    sch = schedule([task(1, 2, constraint_type=ConstraintType.START_NO_EARLIER,
                         constraint_date=d(1, 12))])
    assert span(sch, 1) == (d(1, 14), d(1, 15))


def test_finish_no_later_than_missed_shows_negative_float():
    sch = schedule([task(1, 5, constraint_type=ConstraintType.FINISH_NO_LATER,
                         constraint_date=d(1, 9))])
    assert sch[1].finish == d(1, 11)  # not moved
    assert sch[1].total_float == -2


def test_must_finish_on_holds_the_date_or_shows_the_miss():
    mfo = {"constraint_type": ConstraintType.MUST_FINISH_ON, "constraint_date": d(1, 18)}
    sch = schedule([task(1, 2, **mfo)])
    assert span(sch, 1) == (d(1, 17), d(1, 18))
    assert sch[1].total_float == 0
    sch = schedule([task(1, 10), task(2, 2, **mfo)], [link(1, 2)])
    assert sch[2].finish == d(1, 22)  # predecessors win; the miss is visible
    assert sch[2].total_float == -2


def test_milestone_pinned_on_a_holiday_shows_that_day():
    law = task(1, 0, constraint_type=ConstraintType.MUST_FINISH_ON,
               constraint_date=d(3, 1))  # 삼일절
    sch = schedule([law, task(2, 1)], [link(1, 2)])
    assert span(sch, 1) == (d(3, 1), d(3, 1))
    assert sch[2].start == d(3, 4)


def test_actual_dates_override_the_plan():
    a = task(1, 3, actual_start=d(1, 8), actual_finish=d(1, 15), percent_complete=100)
    sch = schedule([task(0, 4), a, task(2, 1)], [link(0, 1), link(1, 2)])
    assert span(sch, 1) == (d(1, 8), d(1, 15))  # where it happened, despite task 0
    assert sch[1].duration == 6
    assert sch[2].start == d(1, 16)
    assert sch[1].percent == 100


# -- summaries -----------------------------------------------------------------------------
def test_summary_rolls_up_dates_and_weighted_percent():
    tasks = [task(10, 0, kind=TaskKind.SUMMARY),
             task(1, 3, parent_id=10, percent_complete=50),
             task(2, 1, parent_id=10, percent_complete=100),
             task(3, 0, parent_id=10)]
    sch = schedule(tasks, [link(1, 2), link(2, 3)])
    assert span(sch, 10) == (d(1, 7), d(1, 10))
    assert sch[10].duration == 4
    assert sch[10].percent == pytest.approx((3 * 50 + 1 * 100) / 4)  # milestone weighs 0


def test_summary_starting_with_a_milestone_starts_on_its_day():
    tasks = [task(10, 0, kind=TaskKind.SUMMARY), task(1, 0, parent_id=10),
             task(2, 2, parent_id=10)]
    sch = schedule(tasks, [link(1, 2)])
    assert sch[1].start == MON  # the milestone ends the project's first day
    assert sch[2].start == d(1, 8)
    assert span(sch, 10) == (MON, d(1, 9))


def test_links_into_and_out_of_a_summary():
    tasks = [task(1, 2), task(10, 0, kind=TaskKind.SUMMARY), task(11, 1, parent_id=10),
             task(12, 3, parent_id=10), task(2, 1)]
    sch = schedule(tasks, [link(1, 10), link(10, 2)])
    assert sch[11].start == d(1, 9) and sch[12].start == d(1, 9)
    assert span(sch, 10) == (d(1, 9), d(1, 11))
    assert sch[2].start == d(1, 14)
    assert sch.critical_ids >= {1, 10, 12, 2}


# -- refusing loops -------------------------------------------------------------------------
def test_cycle_is_refused_naming_the_tasks():
    tasks = [task(1), task(2), task(3), task(4)]
    with pytest.raises(CycleError) as err:
        Scheduler(tasks, [link(1, 2), link(2, 3), link(3, 1), link(3, 4)], CAL, MON)
    assert [t.id for t in err.value.tasks] in ([1, 2, 3], [2, 3, 1], [3, 1, 2])
    assert "1 작업1" in str(err.value) and "3 작업3" in str(err.value)


def test_check_dependency_refuses_a_link_that_would_close_a_loop():
    s = Scheduler([task(1), task(2), task(3)], [link(1, 2), link(2, 3)], CAL, MON)
    with pytest.raises(CycleError) as err:
        s.check_dependency(Dependency(3, 1))
    assert [t.id for t in err.value.tasks] == [3, 1, 2]
    assert "3 작업3 → 1 작업1 → 2 작업2 → 3 작업3" in str(err.value)
    s.check_dependency(Dependency(1, 3))  # a shortcut is fine


def test_check_dependency_other_refusals():
    tasks = [task(1), task(10, 0, kind=TaskKind.SUMMARY), task(11, 1, parent_id=10)]
    s = Scheduler(tasks, [link(1, 11)], CAL, MON)
    with pytest.raises(ValidationError, match="자기 자신"):  # dependency.self, in Korean
        s.check_dependency(Dependency(1, 1))
    with pytest.raises(ValidationError, match="already linked"):
        s.check_dependency(Dependency(1, 11))
    with pytest.raises(ValidationError, match="does not exist"):
        s.check_dependency(Dependency(1, 99))
    with pytest.raises(ValidationError, match="summary"):
        s.check_dependency(Dependency(1, 10, FF))
    with pytest.raises(CycleError):  # a child cannot precede its own summary
        s.check_dependency(Dependency(11, 10))


def test_add_and_remove_dependency():
    s = Scheduler([task(1, 2), task(2, 1)], [], CAL, MON)
    assert s.compute()[2].start == MON
    assert s.add_dependency(link(1, 2, i=5))[2].start == d(1, 9)
    assert s.remove_dependency(5)[2].start == MON


# -- incremental ------------------------------------------------------------------------------
def test_update_task_moves_only_dependants_and_matches_full():
    tasks = [task(1, 3), task(2, 2), task(3, 1), task(4, 4)]
    deps = [link(1, 2), link(2, 3)]
    s = Scheduler(tasks, deps, CAL, MON)
    before = s.compute()
    longer = replace(tasks[0], duration_days=5)
    after = s.update_task(longer)
    assert after[3].start == d(1, 16)
    assert (after[4].start, after[4].finish) == (before[4].start, before[4].finish)
    assert after[4].total_float == before[4].total_float + 2  # the project end moved
    assert before[3].start == d(1, 14)  # the old snapshot is unchanged
    full = Scheduler([longer, *tasks[1:]], deps, CAL, MON).compute()
    assert [after[i] for i in range(1, 5)] == [full[i] for i in range(1, 5)]
