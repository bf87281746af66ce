"""Property tests on random acyclic task graphs (with and without summaries)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smartcity_desktop.domain.calendar import WorkCalendar
from smartcity_desktop.domain.dates import PlanDate
from smartcity_desktop.domain.model import (
    Dependency,
    DependencyType,
    Task,
    TaskKind,
    ValidationError,
)
from smartcity_desktop.domain.scheduler import Schedule, Scheduler

CAL = WorkCalendar()
START = date(2019, 1, 2)
FINISH_SIDE = {DependencyType.FS: (1, 0), DependencyType.SS: (0, 0),
               DependencyType.FF: (1, 1), DependencyType.SF: (0, 1)}


@st.composite
def graphs(draw, with_summaries: bool = False):
    n = draw(st.integers(2, 14))
    durations = draw(st.lists(st.integers(0, 6), min_size=n, max_size=n))
    tasks = [Task(project_id=1, wbs=f"T{i}", name_ko=f"작업{i}", duration_days=d, id=i)
             for i, d in enumerate(durations, start=1)]
    if with_summaries:
        n_sum = draw(st.integers(1, 3))
        for k in range(n_sum):
            sid = 100 + k
            parent = draw(st.sampled_from([None, *range(100, sid)]))
            tasks.append(Task(project_id=1, wbs=f"S{k}", name_ko=f"단계{k}", id=sid,
                              kind=TaskKind.SUMMARY, duration_days=0, parent_id=parent))
        for i in range(n):
            parent = draw(st.sampled_from([None, *range(100, 100 + n_sum)]))
            tasks[i] = replace(tasks[i], parent_id=parent)
    pairs = [(a, b) for a in range(1, n + 1) for b in range(a + 1, n + 1)]
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=min(len(pairs), 25)))
    deps = [Dependency(a, b, draw(st.sampled_from(list(DependencyType))),
                       draw(st.integers(-3, 4)), id=k + 1)
            for k, (a, b) in enumerate(chosen)]
    order = draw(st.permutations(range(len(tasks))))  # input order must not matter
    return [tasks[i] for i in order], deps


def point(sch: Schedule, task_id: int, side: int) -> int:
    return sch.indices(task_id)[side]


def check_links_hold(sch: Schedule, deps: list[Dependency]) -> None:
    for dep in deps:
        src, dst = FINISH_SIDE[dep.type]
        after = point(sch, dep.predecessor_id, src) + dep.lag_days
        assert point(sch, dep.successor_id, dst) >= after


SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(graphs())
def test_links_hold_floats_nonnegative_and_critical_path_is_a_chain(graph):
    tasks, deps = graph
    sch = Scheduler(tasks, deps, CAL, START).compute()
    check_links_hold(sch, deps)
    assert all(s.total_float >= 0 for s in sch)
    assert all(0 <= s.free_float <= s.total_float for s in sch)
    assert all(s.start >= START for s in sch if s.duration > 0)
    critical = sch.critical_ids
    assert critical, "some task always ends the project"
    ps, pe = sch.project_start_index, sch.project_end_index
    assert any(sch.indices(t)[1] == pe for t in critical)

    def tight(dep: Dependency) -> bool:
        src, dst = FINISH_SIDE[dep.type]
        after = point(sch, dep.predecessor_id, src) + dep.lag_days
        return point(sch, dep.successor_id, dst) == after

    for t in critical:
        # walk back: either it starts at the project start or a critical link drives it
        starts_project = sch.indices(t)[0] == ps
        driven = any(tight(dp) and dp.predecessor_id in critical
                     for dp in deps if dp.successor_id == t)
        assert starts_project or driven
        # walk forward: either it ends the project or it drives a critical successor
        ends_project = sch.indices(t)[1] == pe
        drives = any(tight(dp) and dp.successor_id in critical
                     for dp in deps if dp.predecessor_id == t)
        assert ends_project or drives


@SETTINGS
@given(graphs(with_summaries=True))
def test_summaries_roll_up_their_children(graph):
    tasks, deps = graph
    sch = Scheduler(tasks, deps, CAL, START).compute()
    check_links_hold(sch, deps)
    assert all(s.total_float >= 0 for s in sch)
    children: dict[int, list[int]] = {}
    for t in tasks:
        if t.parent_id is not None:
            children.setdefault(t.parent_id, []).append(t.id)
    for sid, kids in children.items():
        assert sch.indices(sid)[0] == min(sch.indices(k)[0] for k in kids)
        assert sch.indices(sid)[1] == max(sch.indices(k)[1] for k in kids)
        assert sch[sid].start == min(sch[k].start for k in kids)
        assert sch[sid].finish == max(sch[k].finish for k in kids)


@SETTINGS
@given(graphs(with_summaries=True), st.data())
def test_incremental_equals_full(graph, data):
    tasks, deps = graph
    scheduler = Scheduler(tasks, deps, CAL, START)
    scheduler.compute()
    current = {t.id: t for t in tasks}
    for _ in range(3):
        tid = data.draw(st.sampled_from(sorted(current)))
        t = current[tid]
        change = data.draw(st.sampled_from(["duration", "start", "percent"]))
        if change == "duration" and not t.is_summary:
            t = replace(t, duration_days=data.draw(st.integers(0, 9)))
        elif change == "start":
            day = date(2019, 1, data.draw(st.integers(2, 31)))
            t = replace(t, start=None if t.start else PlanDate.exact(day))
        else:
            t = replace(t, percent_complete=float(data.draw(st.integers(0, 100))))
        current[tid] = t
        inc = scheduler.update_task(t)
        full = Scheduler(list(current.values()), deps, CAL, START).compute()
        assert {s.task_id: s for s in inc} == {s.task_id: s for s in full}
        assert inc.critical_ids == full.critical_ids


@SETTINGS
@given(graphs(with_summaries=True), st.data())
def test_incremental_links_equal_full(graph, data):
    """Adding and removing links one at a time gives the full schedule each time."""
    tasks, deps = graph
    scheduler = Scheduler(tasks, deps, CAL, START)
    scheduler.compute()
    current = {d.id: d for d in scheduler.dependencies}
    next_id = max(current, default=0) + 1000
    ids = sorted(t.id for t in tasks)
    for _ in range(4):
        if current and data.draw(st.booleans()):
            dep_id = data.draw(st.sampled_from(sorted(current)))
            del current[dep_id]
            inc = scheduler.remove_dependency(dep_id)
        else:
            pred, succ = data.draw(st.sampled_from(ids)), data.draw(st.sampled_from(ids))
            dep = Dependency(id=next_id, predecessor_id=pred, successor_id=succ,
                             type=data.draw(st.sampled_from(list(DependencyType))),
                             lag_days=data.draw(st.integers(-2, 3)))
            try:
                inc = scheduler.add_dependency(dep)
            except ValidationError:
                continue  # a cycle, duplicate or summary misuse is refused; nothing changed
            current[next_id] = dep
            next_id += 1
        full = Scheduler(tasks, list(current.values()), CAL, START).compute()
        assert {s.task_id: s for s in inc} == {s.task_id: s for s in full}
        assert inc.critical_ids == full.critical_ids
