"""The link cycle check (pruned by topological position) against a plain search,
on random plans and after random link changes made incrementally."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from smartcity_desktop.domain.calendar import WorkCalendar
from smartcity_desktop.domain.model import Dependency, DependencyType, Task
from smartcity_desktop.domain.schedule_graph import CycleError
from smartcity_desktop.domain.scheduler import Scheduler

CAL, START = WorkCalendar(), date(2019, 1, 2)


def _reaches(deps: list[Dependency], start: int, goal: int) -> bool:
    """Plain depth-first search over task links (either end type)."""
    succ: dict[int, set[int]] = {}
    for d in deps:
        succ.setdefault(d.predecessor_id, set()).add(d.successor_id)
    seen, stack = {start}, [start]
    while stack:
        x = stack.pop()
        if x == goal:
            return True
        for y in succ.get(x, ()):
            if y not in seen:
                seen.add(y)
                stack.append(y)
    return False


@settings(max_examples=60, deadline=None)
@given(n=st.integers(3, 12), data=st.data())
def test_cycle_check_agrees_with_a_plain_search(n, data):
    tasks = [Task(project_id=1, wbs=f"T{i}", name_ko=f"작업{i}", duration_days=1, id=i)
             for i in range(1, n + 1)]
    sched = Scheduler(tasks, [], CAL, START)
    sched.compute()
    deps: list[Dependency] = []
    next_id = 1
    for _ in range(data.draw(st.integers(1, 25))):
        if deps and data.draw(st.booleans()) and data.draw(st.booleans()):
            gone = deps.pop(data.draw(st.integers(0, len(deps) - 1)))
            sched.change_links(removed_ids=[gone.id])
            continue
        a, b = data.draw(st.integers(1, n)), data.draw(st.integers(1, n))
        if a == b or any(d.predecessor_id == a and d.successor_id == b for d in deps):
            continue
        dep = Dependency(a, b, data.draw(st.sampled_from(list(DependencyType))), 0, id=next_id)
        closes = _reaches(deps, b, a)
        try:
            sched.check_dependency(dep)
        except CycleError:
            assert closes, f"{a}->{b} refused as a cycle, but {b} does not reach {a}"
            continue
        assert not closes, f"{a}->{b} accepted, but {b} reaches {a}: a loop"
        sched.change_links(added=[dep])
        deps.append(dep)
        next_id += 1


@settings(max_examples=40, deadline=None)
@given(n=st.integers(2, 12), data=st.data())
def test_each_task_critical_flag_matches_the_critical_set(n, data):
    tasks = [Task(project_id=1, wbs=f"T{i}", name_ko=f"작업{i}", id=i,
                  duration_days=data.draw(st.integers(0, 5)),
                  percent_complete=data.draw(st.sampled_from([0.0, 50.0, 100.0])))
             for i in range(1, n + 1)]
    pairs = [(a, b) for a in range(1, n + 1) for b in range(a + 1, n + 1)]
    chosen = data.draw(st.lists(st.sampled_from(pairs), unique=True, max_size=10))
    deps = [Dependency(a, b, data.draw(st.sampled_from(list(DependencyType))), 0, id=k + 1)
            for k, (a, b) in enumerate(chosen)]
    schedule = Scheduler(tasks, deps, CAL, START).compute()
    assert {t.id for t in tasks if schedule[t.id].critical} == schedule.critical_ids
