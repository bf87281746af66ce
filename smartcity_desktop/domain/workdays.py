"""Working-day helpers for the window (Qt-free): snap a dragged day, say a duration.

A drag or a typed day lands on a working day of the project's calendar
(:func:`snap_to_workday`); a duration is said in working days the way the task
table says it (:func:`duration_label`), never in calendar days.
"""

from __future__ import annotations

from datetime import date

from .calendar import WorkCalendar


def snap_to_workday(calendar: WorkCalendar, day: date, *, forward: bool = True) -> date:
    """``day`` itself when it is a working day, else the next (or previous) working day."""
    return calendar.next_workday(day) if forward else calendar.previous_workday(day)


def working_days(calendar: WorkCalendar, start: date, finish: date) -> int:
    """Working days from ``start`` to ``finish``, both included (0 when finish < start)."""
    if finish < start:
        return 0
    return calendar.workdays_between(start, finish) + (1 if calendar.is_workday(finish) else 0)


def duration_label(days: int, lang: str = "ko") -> str:
    """A working-day count as people read it: ``44일`` / ``44 working days``."""
    if lang == "ko":
        return f"{days}일"
    return f"{days} working day" + ("" if days == 1 else "s")
