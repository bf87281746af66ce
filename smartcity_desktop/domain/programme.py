"""Programme figures for the dashboard, reports and the CLI status command.

Milestones done / due / overdue per ministry and per city, percent complete
per ministry, the next milestones and the milestones that slipped against a
baseline. A task without its own owner or city takes its nearest ancestor's.
All figures follow :func:`~.status.task_status`, so a milestone is "overdue"
exactly when the status rule calls it late.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import Enum

from .baseline import Variance, compare, slipped_milestones
from .calendar import WorkCalendar
from .model import BaselineTask, Task
from .scheduler import Schedule, ScheduledTask, weighted_percent
from .status import TaskStatus, due_date, task_status

DUE_WINDOW_DAYS = 30


class MilestoneBucket(str, Enum):
    DONE = "done"
    DUE = "due"  # due within the window (30 days)
    OVERDUE = "overdue"
    LATER = "later"

    def label(self, lang: str = "ko") -> str:
        ko = {"done": "완료", "due": "30일 내 도래", "overdue": "기한 경과", "later": "이후 예정"}
        en = {"done": "done", "due": "due within 30 days", "overdue": "overdue",
              "later": "later"}
        return (ko if lang == "ko" else en)[self.value]


def milestone_bucket(task: Task, st: ScheduledTask | None, as_of: date,
                     window_days: int = DUE_WINDOW_DAYS) -> MilestoneBucket:
    """done (status done); overdue (status late); due (its date — the scheduled date or the
    due date, whichever is earlier — within ``window_days`` of ``as_of``); else later."""
    status = task_status(task, st, as_of)
    if status is TaskStatus.DONE:
        return MilestoneBucket.DONE
    if status is TaskStatus.LATE:
        return MilestoneBucket.OVERDUE
    dates = [d for d in (st.finish if st else None, due_date(task, st)) if d is not None]
    if dates and min(dates) <= as_of + timedelta(days=window_days):
        return MilestoneBucket.DUE
    return MilestoneBucket.LATER


@dataclass
class MilestoneCounts:
    done: int = 0
    due: int = 0
    overdue: int = 0
    later: int = 0

    @property
    def total(self) -> int:
        return self.done + self.due + self.overdue + self.later

    def add(self, bucket: MilestoneBucket) -> None:
        setattr(self, bucket.value, getattr(self, bucket.value) + 1)


def inherited(tasks: Iterable[Task], attr: str) -> dict[int, int | None]:
    """``attr`` (``owner_org_id`` / ``city_id``) per task, taken from the nearest ancestor
    that has it when the task has none."""
    by_id = {t.id: t for t in tasks}
    out: dict[int, int | None] = {}

    def value(tid: int, depth: int = 0) -> int | None:
        if tid in out:
            return out[tid]
        t = by_id[tid]
        v = getattr(t, attr)
        if v is None and t.parent_id in by_id and depth < 100:
            v = value(t.parent_id, depth + 1)
        out[tid] = v
        return v

    for tid in by_id:
        value(tid)
    return out


def milestone_counts(tasks: Iterable[Task], schedule: Schedule, as_of: date,
                     key: Callable[[Task], object] | None = None,
                     window_days: int = DUE_WINDOW_DAYS) -> dict[object, MilestoneCounts]:
    """Milestone buckets grouped by ``key(task)`` (all under None when no key)."""
    out: dict[object, MilestoneCounts] = {}
    for t in tasks:
        if t.is_milestone and t.id in schedule:
            k = key(t) if key else None
            out.setdefault(k, MilestoneCounts()).add(
                milestone_bucket(t, schedule[t.id], as_of, window_days))
    return out


def milestones_by_ministry(tasks: list[Task], schedule: Schedule, as_of: date
                           ) -> dict[int | None, MilestoneCounts]:
    owner = inherited(tasks, "owner_org_id")
    return milestone_counts(tasks, schedule, as_of, key=lambda t: owner[t.id])  # type: ignore


def milestones_by_city(tasks: list[Task], schedule: Schedule, as_of: date
                       ) -> dict[int | None, MilestoneCounts]:
    city = inherited(tasks, "city_id")
    return milestone_counts(tasks, schedule, as_of, key=lambda t: city[t.id])  # type: ignore


def percent_by_ministry(tasks: list[Task], schedule: Schedule) -> dict[int | None, float]:
    """Percent complete of each owner's work (tasks and milestones, not summaries),
    weighted by working-day duration like the summary roll-up."""
    owner = inherited(tasks, "owner_org_id")
    groups: dict[int | None, list[tuple[float, int]]] = {}
    for t in tasks:
        if not t.is_summary and t.id in schedule:
            st = schedule[t.id]
            groups.setdefault(owner[t.id], []).append((st.percent, st.duration))
    return {k: round(weighted_percent(v), 1) for k, v in groups.items()}


def next_milestones(tasks: Iterable[Task], schedule: Schedule, as_of: date, n: int = 5
                    ) -> list[tuple[Task, ScheduledTask]]:
    """The next ``n`` milestones not yet done and not overdue, by scheduled date."""
    rows = []
    for t in tasks:
        if t.is_milestone and t.id in schedule:
            st = schedule[t.id]
            if task_status(t, st, as_of) not in (TaskStatus.DONE, TaskStatus.LATE) \
                    and st.finish >= as_of:
                rows.append((t, st))
    rows.sort(key=lambda r: (r[1].finish, r[0].sort_order, r[0].id))
    return rows[:n]


@dataclass
class ProgrammeFigures:
    as_of: date
    total: MilestoneCounts
    by_ministry: dict[int | None, MilestoneCounts]
    by_city: dict[int | None, MilestoneCounts]
    percent_by_ministry: dict[int | None, float]
    next: list[tuple[Task, ScheduledTask]]
    slipped: list[Variance] = field(default_factory=list)


def programme_figures(tasks: list[Task], schedule: Schedule, as_of: date,
                      baseline_tasks: Iterable[BaselineTask] | None = None,
                      calendar: WorkCalendar | None = None, n_next: int = 5) -> ProgrammeFigures:
    """Every dashboard figure at once; slipped milestones only when a baseline is given."""
    slipped: list[Variance] = []
    if baseline_tasks is not None:
        variances = compare(tasks, schedule, baseline_tasks, calendar or schedule.calendar)
        slipped = slipped_milestones(variances)
    total = milestone_counts(tasks, schedule, as_of).get(None, MilestoneCounts())
    return ProgrammeFigures(
        as_of=as_of,
        total=total,
        by_ministry=milestones_by_ministry(tasks, schedule, as_of),
        by_city=milestones_by_city(tasks, schedule, as_of),
        percent_by_ministry=percent_by_ministry(tasks, schedule),
        next=next_milestones(tasks, schedule, as_of, n_next),
        slipped=slipped,
    )
