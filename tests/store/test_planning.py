"""Planning over the store: schedule the seed, calendar exceptions, links, baselines."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from smartcity_desktop.domain import model as m
from smartcity_desktop.domain.calendar import WorkCalendar
from smartcity_desktop.domain.scheduler import CycleError
from smartcity_desktop.store import NotFoundError, open_store, planning


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "plan.db", keep_backups=0)
    yield s
    s.close()


def by_wbs(tasks: list[m.Task]) -> dict[str, m.Task]:
    return {t.wbs: t for t in tasks}


def test_seed_schedules_every_task(store):
    tasks, schedule, calendar = planning.load_schedule(store)
    assert isinstance(calendar, WorkCalendar)
    assert len(tasks) == store.count(m.Task) and len(schedule) == len(tasks)
    assert [t.id for t in tasks] == [t.id for t in store.tasks()]  # outline order kept
    deps = store.dependencies()
    assert deps
    for dep in deps:  # every stored link holds in the computed schedule
        pred, succ = schedule[dep.predecessor_id], schedule[dep.successor_id]
        if dep.type is m.DependencyType.FS and not (
                store.get(m.Task, dep.successor_id).actual_start
                or store.get(m.Task, dep.successor_id).actual_finish):
            assert calendar.workdays_between(pred.finish, succ.start) >= dep.lag_days
    assert schedule.critical_ids
    assert schedule.start == calendar.next_workday(store.project().start)


def test_calendar_exceptions_move_the_schedule(store):
    tasks, schedule, _ = planning.load_schedule(store)
    t = next(x for x in tasks if x.kind is m.TaskKind.TASK and not x.actual_start
             and schedule[x.id].duration >= 2)
    first = schedule[t.id].start
    store.insert(m.CalendarException(project_id=store.project().id, day=first, working=False,
                                     note="임시공휴일"))
    cal = planning.project_calendar(store)
    assert not cal.is_workday(first) and cal.holiday_name(first) == "임시공휴일"
    _, moved, _ = planning.load_schedule(store)
    assert moved[t.id].start > first


def test_checklist_drives_percent(store):
    tasks, _, _ = planning.load_schedule(store)
    follows = [t for t in tasks if t.percent_from_checklist and store.checklist(t.id)]
    assert follows, "the seed has checklist-driven tasks"
    t = follows[0]
    items = store.checklist(t.id)
    for item in items:
        store.update(replace(item, done=True))
    _, schedule, _ = planning.load_schedule(store)
    assert schedule[t.id].percent == (99.0 if t.needs_signoff else 100.0)


def test_gated_milestone_needs_signoff_to_reach_100(store):
    tasks, _, _ = planning.load_schedule(store)
    gated = next(t for t in tasks if t.needs_signoff and t.percent_from_checklist
                 and store.checklist(t.id))
    for item in store.checklist(gated.id):
        store.update(replace(item, done=True))
    _, schedule, _ = planning.load_schedule(store)
    assert schedule[gated.id].percent == 99.0, "all items ticked is not yet done"
    store.insert(m.Signoff(task_id=gated.id, approver_name="홍길동", approver_position="과장",
                           signed_on=date(2019, 2, 15)))
    _, schedule, _ = planning.load_schedule(store)
    assert schedule[gated.id].percent == 100.0


def test_link_that_closes_a_loop_is_refused_before_it_is_stored(store):
    dep = store.dependencies()[0]
    before = store.count(m.Dependency)
    back = m.Dependency(predecessor_id=dep.successor_id, successor_id=dep.predecessor_id)
    with pytest.raises(CycleError) as err:
        planning.add_dependency(store, back)
    assert store.get(m.Task, dep.successor_id).wbs in str(err.value)
    assert store.count(m.Dependency) == before
    with pytest.raises(m.ValidationError, match="already linked"):
        planning.check_dependency(store, m.Dependency(dep.predecessor_id, dep.successor_id))


def test_add_dependency_stores_a_good_link(store):
    tasks, schedule, _ = planning.load_schedule(store)
    leaves = [t for t in tasks if t.kind is m.TaskKind.TASK and not t.actual_start]
    a, b = leaves[-1], leaves[-2]
    if schedule[a.id].finish > schedule[b.id].finish:
        a, b = b, a
    stored = planning.add_dependency(store, m.Dependency(a.id, b.id))
    assert stored.id is not None


def test_baselines_save_compare_and_many_per_project(store):
    for i in range(12):
        planning.save_baseline(store, f"기준선 {i + 1}", when=datetime(2019, 1, 1 + i))
    found = planning.baselines(store)
    assert len(found) == 12
    assert found[0].name == "기준선 1" and found[0].created_at == "2019-01-01T00:00:00"
    assert planning.latest_baseline(store).name == "기준선 12"
    with pytest.raises(m.ValidationError, match="already exists"):
        planning.save_baseline(store, "기준선 3")
    with pytest.raises(m.ValidationError, match="needs a name"):
        planning.save_baseline(store, "  ")
    with pytest.raises(NotFoundError, match="기준선 1"):
        planning.find_baseline(store, "없는 기준선")
    base = planning.find_baseline(store, "기준선 1")
    assert len(planning.baseline_tasks(store, base)) == store.count(m.Task)
    assert all(v.finish_days == 0 for v in planning.compare_with_baseline(store, base))

    tasks = store.tasks()
    ms = next(t for t in tasks if t.is_milestone and not t.actual_finish
              and t.constraint_type is m.ConstraintType.NONE and t.start is not None)
    later = replace(ms, start=None, finish=None,
                    constraint_type=m.ConstraintType.START_NO_EARLIER,
                    constraint_date=date(2022, 3, 2))
    store.update(later)
    variances = {v.task_id: v for v in planning.compare_with_baseline(store, "기준선 1")}
    assert variances[ms.id].slipped and variances[ms.id].finish_days > 0
    planning.delete_baseline(store, base)
    assert len(planning.baselines(store)) == 11
