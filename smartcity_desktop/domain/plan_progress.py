"""Planned progress: how much of the work the *plan* puts before a day (never the forecast).

"계획 일정상 진척률" (planned percent as of the status date) compares what was done
with what the plan said would be done, so it must not be read off the forecast
schedule (which moves unfinished work to the status date and so always agrees with
the actual progress). A task's plan window is, in order:

1. the chosen baseline's start and finish, when a baseline holds the task;
2. else the plan dates as written: the earliest day of the planned start and the
   latest day of the planned finish ("2019년 1월" runs over January);
3. where the plan writes no date, the schedule *as planned*: the same tasks, links,
   durations and calendar with no actual dates and no status date (nothing has
   happened yet), so a linked task without a written start starts where the plan
   puts it and a task without a written finish ends its duration later.

Planned progress of a task grows evenly over its window in calendar days; tasks are
weighted as the actual percent is (:func:`~.scheduler.weighted_percent` over the
working-day durations), so plan and actual are comparable.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any

from .calendar import WorkCalendar
from .model import BaselineTask, Dependency, Task
from .scheduler import Scheduler, weighted_percent

Window = tuple[date, date]


def plan_windows(tasks: Iterable[Task], dependencies: Iterable[Dependency],
                 calendar: WorkCalendar, project_start: date,
                 baseline: Iterable[BaselineTask] = ()) -> dict[int, Window]:
    """Each task's plan window ``(start, finish)`` (see the module docstring)."""
    tasks = [t for t in tasks if t.id is not None]
    base = {b.task_id: b for b in baseline if b.start and b.finish}
    out: dict[int, Window] = {}
    unwritten: list[Task] = []
    for t in tasks:
        b = base.get(t.id)
        if b is not None:
            out[t.id] = (b.start, max(b.finish, b.start))
        elif t.start is None or t.finish is None:
            unwritten.append(t)
        else:
            out[t.id] = (t.start.earliest(), max(t.finish.latest(), t.start.earliest()))
    if not unwritten:
        return out
    planned = Scheduler([dataclasses.replace(t, actual_start=None, actual_finish=None)
                         for t in tasks], dependencies, calendar, project_start).compute()
    for t in unwritten:
        st = planned.get(t.id)
        if st is None:
            continue
        start = t.start.earliest() if t.start is not None else st.start
        finish = t.finish.latest() if t.finish is not None else st.finish
        out[t.id] = (start, max(finish, start))
    return out


def planned_fraction(window: Window, as_of: date) -> float:
    """Share of the window elapsed by the end of ``as_of`` (0 before it, 1 from its end)."""
    start, finish = window
    days = (finish - start).days + 1
    return min(max((as_of - start).days + 1, 0), days) / days


def planned_percent(tasks: Iterable[Task], st: Callable[[Task], Any],
                    windows: Mapping[int, Window], as_of: date) -> float:
    """Percent of the work the plan windows put on or before ``as_of``, weighted like the
    actual percent (working-day durations of the schedule ``st``; summaries left out)."""
    pairs = []
    for t in tasks:
        s, window = st(t), windows.get(t.id)
        if s is None or window is None or t.is_summary:
            continue
        pairs.append((100.0 * planned_fraction(window, as_of), s.duration))
    return round(weighted_percent(pairs), 1)
