"""Working-day helpers for the window (Qt-free): snap a dragged day, say a duration.

A drag or a typed day lands on a working day of the project's calendar
(:func:`snap_to_workday`); a duration is said in working days the way the task
table says it (:func:`duration_label`), never in calendar days.

**Durations that are not whole days** (an imported ``PT1H0M0S``, ``1.5`` days) keep
their exact working minutes in ``Task.duration_minutes`` beside ``duration_days``,
the working days the schedule places them on: a part day takes its day
(:func:`days_for_minutes`), so the scheduler stays in whole working days while
the table, the exports and a round trip keep the hours (:func:`exact_minutes`).
"""

from __future__ import annotations

from datetime import date

from .calendar import WorkCalendar
from .model import Task


def snap_to_workday(calendar: WorkCalendar, day: date, *, forward: bool = True) -> date:
    """``day`` itself when it is a working day, else the next (or previous) working day."""
    return calendar.next_workday(day) if forward else calendar.previous_workday(day)


def working_days(calendar: WorkCalendar, start: date, finish: date) -> int:
    """Working days from ``start`` to ``finish``, both included (0 when finish < start)."""
    if finish < start:
        return 0
    return calendar.workdays_between(start, finish) + (1 if calendar.is_workday(finish) else 0)


def days_for_minutes(minutes: int, minutes_per_day: int) -> int:
    """The working days a duration of ``minutes`` is scheduled on: part of a day takes
    its day, so any work is at least one day (0 minutes: 0 days)."""
    if minutes <= 0:
        return 0
    return max(1, -(-minutes // max(minutes_per_day, 1)))


def exact_minutes(task: Task, minutes_per_day: int) -> int | None:
    """The task's exact working minutes when it keeps some (an imported part day) and they
    still agree with its working days; None when its duration is whole days (an edit of
    the days since the import makes the days the truth)."""
    minutes = task.duration_minutes
    if minutes is None or task.is_milestone:
        return None
    if days_for_minutes(minutes, minutes_per_day) != task.duration_days:
        return None
    return minutes


def task_minutes(task: Task, minutes_per_day: int) -> int:
    """The task's working time in minutes: exact when kept, else its days in hours."""
    exact = exact_minutes(task, minutes_per_day)
    return task.duration_days * minutes_per_day if exact is None else exact


def duration_label(days: int, lang: str = "ko", minutes: int | None = None,
                   minutes_per_day: int = 480) -> str:
    """A duration as people read it: ``44일`` / ``44 working days``; with exact minutes
    under a day ``1시간`` / ``1 h 30 min``, over a day ``1.5일`` / ``1.5 working days``."""
    if minutes is not None and minutes != days * minutes_per_day:
        if minutes < minutes_per_day:
            h, mi = divmod(minutes, 60)
            if lang == "ko":
                return " ".join(p for p in (f"{h}시간" if h else "",
                                            f"{mi}분" if mi else "") if p) or "0시간"
            return " ".join(p for p in (f"{h} h" if h else "", f"{mi} min" if mi else "")
                            if p) or "0 h"
        value = f"{minutes / minutes_per_day:.2f}".rstrip("0").rstrip(".")
        return f"{value}일" if lang == "ko" else f"{value} working days"
    if lang == "ko":
        return f"{days}일"
    return f"{days} working day" + ("" if days == 1 else "s")
