"""The computed schedule as rows: the one reading every output shares.

The window, ``schedule`` CLI, status, briefings and the MSPDI / XLSX / CSV / ICS
exports all take a task's start, finish, working-day duration and float from
:func:`schedule_rows`, and show the plan date *as written* ("2019년 1월 말")
beside the scheduled days, so every output tells the same schedule.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from .dates import PlanDate
from .model import Task
from .scheduler import Schedule
from .status import TaskStatus, done_on, task_status


@dataclass(frozen=True)
class ScheduleRow:
    """One task as scheduled; dates are working days, durations working days."""

    task: Task
    start: date
    finish: date
    duration_days: int
    total_float_days: int
    free_float_days: int
    critical: bool
    summary: bool
    percent: float
    status: TaskStatus
    done: bool

    @property
    def milestone(self) -> bool:
        return self.task.is_milestone

    @property
    def forecast(self) -> bool:
        """The dates are a forecast (work not done as of the status date), not facts."""
        return not self.done

    def plan_start(self, lang: str = "ko") -> str:
        return _label(self.task.start, lang)

    def plan_finish(self, lang: str = "ko") -> str:
        return _label(self.task.finish, lang)

    def actual_start_text(self, lang: str = "ko") -> str:
        t = self.task
        return _label(t.actual_start_written, lang) or _iso(t.actual_start)

    def actual_finish_text(self, lang: str = "ko") -> str:
        t = self.task
        return _label(t.actual_finish_written, lang) or _iso(t.actual_finish)

    def as_json(self, lang: str = "ko") -> dict[str, Any]:
        """The ``schedule`` command's object for this task (ISO days, working days)."""
        t = self.task
        return {
            "wbs": t.wbs, "name": t.name(lang), "start": self.start.isoformat(),
            "finish": self.finish.isoformat(), "duration_days": self.duration_days,
            "total_float_days": self.total_float_days, "free_float_days": self.free_float_days,
            "critical": self.critical, "summary": self.summary, "milestone": self.milestone,
            "plan_start": self.plan_start(lang), "plan_finish": self.plan_finish(lang),
            "actual_start": self.actual_start_text(lang),
            "actual_finish": self.actual_finish_text(lang),
            "percent_complete": round(self.percent, 1), "status": self.status.value,
            "forecast": self.forecast, "assumption": t.is_assumption,
            "constraint": (f"{t.constraint_type.value} {t.constraint_date.isoformat()}"
                           if t.constraint_type.value and t.constraint_date else ""),
        }


CSV_KEYS = ("wbs", "name", "start", "finish", "duration_days", "total_float_days",
            "free_float_days", "critical", "summary", "milestone", "plan_start", "plan_finish",
            "actual_start", "actual_finish", "percent_complete", "status", "forecast",
            "assumption", "constraint")


def _label(d: PlanDate | None, lang: str) -> str:
    return d.label(lang) if d is not None else ""


def _iso(d: date | None) -> str:
    return d.isoformat() if d is not None else ""


def schedule_rows(tasks: Iterable[Task], schedule: Schedule, as_of: date) -> list[ScheduleRow]:
    """A :class:`ScheduleRow` per task the schedule holds, in the order given."""
    tasks = list(tasks)
    parents = {t.parent_id for t in tasks if t.parent_id is not None}
    rows = []
    for t in tasks:
        st = schedule.get(t.id)
        if st is None:
            continue
        rows.append(ScheduleRow(
            task=t, start=st.start, finish=st.finish,
            duration_days=0 if t.is_milestone else max(st.duration, 0),
            total_float_days=st.total_float, free_float_days=st.free_float,
            critical=st.critical, summary=t.is_summary or t.id in parents, percent=st.percent,
            status=task_status(t, st, as_of), done=done_on(t, st, as_of),
        ))
    return rows
