"""Baselines: snapshot the schedule, and compare the current schedule against any snapshot.

Variance is in working days of the project calendar, positive when the current
date is later than the baseline (a slip), negative when earlier.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .calendar import WorkCalendar
from .model import BaselineTask, Task
from .scheduler import Schedule


@dataclass(frozen=True)
class Variance:
    """One task against a baseline; ``None`` variances when the baseline lacks the task."""

    task_id: int
    is_milestone: bool
    baseline_start: date | None
    baseline_finish: date | None
    current_start: date
    current_finish: date
    start_days: int | None
    finish_days: int | None

    @property
    def slipped(self) -> bool:
        return self.finish_days is not None and self.finish_days > 0

    @property
    def in_baseline(self) -> bool:
        return self.baseline_finish is not None or self.baseline_start is not None


def snapshot(tasks: Iterable[Task], schedule: Schedule, baseline_id: int) -> list[BaselineTask]:
    """Baseline rows for every scheduled task: current start, finish and duration."""
    rows = []
    for t in tasks:
        st = schedule.get(t.id)
        if st is not None:
            rows.append(BaselineTask(baseline_id=baseline_id, task_id=t.id, start=st.start,
                                     finish=st.finish, duration_days=st.duration))
    return rows


def _days(calendar: WorkCalendar, base: date | None, current: date) -> int | None:
    return None if base is None else calendar.workdays_between(base, current)


def compare(tasks: Iterable[Task], schedule: Schedule, baseline_tasks: Iterable[BaselineTask],
            calendar: WorkCalendar) -> list[Variance]:
    """Start and finish variance, in working days, of each scheduled task (task order)."""
    base = {b.task_id: b for b in baseline_tasks}
    out = []
    for t in tasks:
        st = schedule.get(t.id)
        if st is None:
            continue
        b = base.get(t.id)
        b_start, b_finish = (b.start, b.finish) if b is not None else (None, None)
        out.append(Variance(
            task_id=t.id, is_milestone=t.is_milestone,
            baseline_start=b_start, baseline_finish=b_finish,
            current_start=st.start, current_finish=st.finish,
            start_days=_days(calendar, b_start, st.start),
            finish_days=_days(calendar, b_finish, st.finish),
        ))
    return out


def slipped_milestones(variances: Iterable[Variance]) -> list[Variance]:
    """Milestones now finishing later than in the baseline, biggest slip first."""
    slipped = [v for v in variances if v.is_milestone and v.slipped]
    return sorted(slipped, key=lambda v: (-(v.finish_days or 0), v.current_finish))
