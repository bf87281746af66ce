"""Programme figures: milestone buckets per ministry and city, percent, next, slipped."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from smartcity_desktop.domain.baseline import compare, slipped_milestones, snapshot
from smartcity_desktop.domain.calendar import WorkCalendar
from smartcity_desktop.domain.dates import parse_plan_date
from smartcity_desktop.domain.model import Dependency, Task, TaskKind
from smartcity_desktop.domain.programme import (
    MilestoneBucket,
    MilestoneCounts,
    milestone_bucket,
    milestones_by_city,
    milestones_by_ministry,
    next_milestones,
    percent_by_ministry,
    programme_figures,
)
from smartcity_desktop.domain.scheduler import Scheduler

CAL = WorkCalendar()
START = date(2019, 1, 2)
AS_OF = date(2019, 3, 1)
MOLIT, MSIT = 1, 2
SEJONG, BUSAN = 10, 20


def ms(i: int, when: str, **kw) -> Task:
    return Task(project_id=1, wbs=f"M{i}", name_ko=f"이정표{i}", kind=TaskKind.MILESTONE,
                duration_days=0, start=parse_plan_date(when), finish=parse_plan_date(when),
                id=i, **kw)


def plan() -> list[Task]:
    return [
        Task(project_id=1, wbs="S", name_ko="세종", kind=TaskKind.SUMMARY, duration_days=0,
             id=100, owner_org_id=MOLIT, city_id=SEJONG),
        ms(1, "2019-01-L", parent_id=100, actual_finish=date(2019, 1, 30)),  # done
        ms(2, "2019-02", parent_id=100),                                    # overdue
        ms(3, "2019-03-15", parent_id=100, owner_org_id=MSIT),              # due soon
        ms(4, "2019-H2", owner_org_id=MSIT, city_id=BUSAN),                 # later
        Task(project_id=1, wbs="T1", name_ko="작업", duration_days=10, parent_id=100, id=5,
             percent_complete=50, start=parse_plan_date("2019-01-02")),
        Task(project_id=1, wbs="T2", name_ko="작업2", duration_days=30, id=6,
             owner_org_id=MSIT, percent_complete=10, start=parse_plan_date("2019-01-02")),
    ]


def schedule(tasks, deps=()):
    return Scheduler(tasks, deps, CAL, START).compute()


def test_buckets():
    tasks = plan()
    sch = schedule(tasks)
    got = {t.id: milestone_bucket(t, sch[t.id], AS_OF) for t in tasks if t.is_milestone}
    assert got == {1: MilestoneBucket.DONE, 2: MilestoneBucket.OVERDUE,
                   3: MilestoneBucket.DUE, 4: MilestoneBucket.LATER}
    assert MilestoneBucket.DUE.label("ko") == "30일 내 도래"
    # 2019-03-15 is 14 days away: outside a 7-day window
    assert milestone_bucket(tasks[3], sch[3], AS_OF, window_days=7) is MilestoneBucket.LATER


def test_counts_per_ministry_and_city_inherit_from_the_summary():
    tasks = plan()
    sch = schedule(tasks)
    by_ministry = milestones_by_ministry(tasks, sch, AS_OF)
    assert by_ministry[MOLIT] == MilestoneCounts(done=1, overdue=1)
    assert by_ministry[MSIT] == MilestoneCounts(due=1, later=1)
    by_city = milestones_by_city(tasks, sch, AS_OF)
    assert by_city[SEJONG] == MilestoneCounts(done=1, overdue=1, due=1)
    assert by_city[BUSAN].total == 1


def test_percent_by_ministry_is_weighted_by_working_days():
    tasks = plan()
    sch = schedule(tasks)
    pct = percent_by_ministry(tasks, sch)
    assert pct[MOLIT] == 50.0  # the 10-day task at 50 %; its milestones weigh nothing
    assert pct[MSIT] == 10.0


def test_next_milestones_skip_done_and_overdue():
    tasks = plan()
    sch = schedule(tasks)
    nxt = next_milestones(tasks, sch, AS_OF, n=5)
    assert [t.id for t, _ in nxt] == [3, 4]
    assert nxt[0][1].finish == date(2019, 3, 15)
    assert len(next_milestones(tasks, sch, AS_OF, n=1)) == 1


def test_baseline_variance_and_slipped_milestones():
    tasks = [Task(project_id=1, wbs="A", name_ko="준비", duration_days=5, id=1),
             Task(project_id=1, wbs="M", name_ko="발족식", kind=TaskKind.MILESTONE,
                  duration_days=0, id=2)]
    deps = [Dependency(1, 2, id=1)]
    before = schedule(tasks, deps)
    rows = snapshot(tasks, before, baseline_id=7)
    assert {r.task_id for r in rows} == {1, 2} and rows[0].baseline_id == 7
    longer = [replace(tasks[0], duration_days=8), tasks[1]]
    after = schedule(longer, deps)
    variances = compare(longer, after, rows, CAL)
    by_id = {v.task_id: v for v in variances}
    assert by_id[1].start_days == 0 and by_id[1].finish_days == 3
    assert by_id[2].finish_days == 3 and by_id[2].slipped
    assert [v.task_id for v in slipped_milestones(variances)] == [2]
    new_task = Task(project_id=1, wbs="N", name_ko="신규", id=3)
    v = compare([*longer, new_task], schedule([*longer, new_task], deps), rows, CAL)[-1]
    assert v.finish_days is None and not v.in_baseline and not v.slipped


def test_programme_figures_bundle():
    tasks = plan()
    sch = schedule(tasks)
    base = snapshot(tasks, sch, 1)
    moved = [replace(t, start=parse_plan_date("2019-04-01"), finish=parse_plan_date("2019-04-01"))
             if t.id == 3 else t for t in tasks]
    figures = programme_figures(moved, schedule(moved), AS_OF, baseline_tasks=base)
    assert figures.total == MilestoneCounts(done=1, overdue=1, later=2)
    assert [v.task_id for v in figures.slipped] == [3]
    assert figures.slipped[0].finish_days == 11  # Fri 03-15 -> Mon 04-01 in working days
    assert programme_figures(tasks, sch, AS_OF).slipped == []
