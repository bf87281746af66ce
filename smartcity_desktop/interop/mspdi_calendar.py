"""An MSPDI file's own working calendar: week, hours and exceptions, recurring ones expanded.

A plan from MS Project or ProjectLibre keeps the calendar it was made with:
the base calendar's working weekdays (DayType 1 = Sunday .. 7 = Saturday; a day
type the file leaves out keeps MS Project's default, Monday-Friday working),
the working times of its first working weekday, and every exception day. A
recurring exception (``Type`` other than a single run of days) is expanded over
its ``TimePeriod`` (or its ``Occurrences``): daily every ``Period`` days, weekly
on the ``DaysOfWeek`` bit mask (1 = Sunday .. 64 = Saturday), monthly or yearly
on a day of the month, monthly or yearly on a position (``MonthPosition`` 0-3 =
first-fourth, 4 = last; ``MonthItem`` 3-9 = Sunday-Saturday). Korean public
holidays are not added: the Korean calendar is the default for new plans only.
"""

from __future__ import annotations

import calendar as pycal
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from . import mspdi_messages  # noqa: F401 - registers the reader's messages
from .errors import Note

MAX_EXCEPTION_DAYS = 3660
KOREAN_DEFAULT_WEEK = "1111100"


@dataclass
class FileCalendar:
    """What a file says about its working time (Monday..Sunday in ``week``)."""

    name: str = ""
    week: str = KOREAN_DEFAULT_WEEK
    working_times: str = "08:00-12:00,13:00-17:00"
    exceptions: list[tuple[date, bool, str]] = field(default_factory=list)


def read_calendar(reader: Any, root: Any) -> FileCalendar | None:
    """The project's base calendar from an MSPDI root (``reader`` is the MSPDI reader)."""
    cals = reader.children(root, "Calendars/Calendar")
    if not cals:
        return None
    want = reader.int_(root, "CalendarUID")
    cal = next((c for c in cals if reader.int_(c, "UID") == want), cals[0])
    out = FileCalendar(name=(reader.text(cal, "Name") or "")[:200])
    week = list(out.week)
    times = None
    for wd in reader.children(cal, "WeekDays/WeekDay"):
        day_type = reader.int_(wd, "DayType")
        if day_type is None or not 1 <= day_type <= 7:
            continue
        working = reader.bool_(wd, "DayWorking")
        week[(day_type + 5) % 7] = "1" if working else "0"  # 1 = Sunday -> index 6
        if working and times is None:
            times = _times(reader, wd)
    out.week = "".join(week)
    if "1" not in out.week:
        reader.problems.append(Note("mspdi.no_working_weekday"))
        out.week = KOREAN_DEFAULT_WEEK
    out.working_times = times or out.working_times
    found: dict[date, tuple[bool, str]] = {}
    entries = [(ex, reader.text(ex, "Name") or "")
               for ex in reader.children(cal, "Exceptions/Exception")]
    entries += [(wd, "") for wd in reader.children(cal, "WeekDays/WeekDay")
                if reader.int_(wd, "DayType") == 0]
    for ex, name in entries:
        for d in _exception_days(reader, ex, name):
            found.setdefault(d, (reader.bool_(ex, "DayWorking"), name))
    out.exceptions = [(d, w, n) for d, (w, n) in sorted(found.items())]
    return out


def _times(reader: Any, el: Any) -> str | None:
    parts = []
    for wt in reader.children(el, "WorkingTimes/WorkingTime"):
        a, b = reader.text(wt, "FromTime"), reader.text(wt, "ToTime")
        if a and b:
            parts.append(f"{a[:5]}-{'24:00' if b[:5] == '00:00' else b[:5]}")
    return ",".join(parts) or None


def _exception_days(reader: Any, ex: Any, name: str) -> list[date]:
    period = reader.child(ex, "TimePeriod")
    if period is None:
        return []
    a, b = reader.datetime_(period, "FromDate"), reader.datetime_(period, "ToDate")
    if a is None or b is None:
        return []
    first, last = a[0], b[0]
    if b[1] == "00:00:00" and last > first:
        last -= timedelta(days=1)
    if last < first or (last - first).days > MAX_EXCEPTION_DAYS:
        raise reader.err("mspdi.bad_exception_range", period, "TimePeriod", first=first,
                         last=last)
    kind = reader.int_(ex, "Type", 1)
    occurrences = reader.int_(ex, "Occurrences", 1, 0, 10_000) or 1
    every = max(reader.int_(ex, "Period", 1, 0, 1000) or 1, 1)
    if kind in (1, None) and occurrences <= 1 and every == 1:
        return [first + timedelta(days=i) for i in range((last - first).days + 1)]
    days = _recurring(reader, ex, kind, first, every)
    by_count = reader.bool_(ex, "EnteredByOccurrences") or occurrences > 1
    days = [d for d in days if d <= last or by_count]
    if by_count:
        days = days[:occurrences]
    if not days:
        reader.problems.append(Note("mspdi.recurring_no_day", name=name, kind=kind))
    return days


def _recurring(reader: Any, ex: Any, kind: int, first: date, every: int) -> list[date]:
    """Candidate days of a recurring exception from ``first`` on (at most ten years)."""
    end = first + timedelta(days=MAX_EXCEPTION_DAYS)
    out: list[date] = []
    if kind == 1:  # daily
        d = first
        while d <= end:
            out.append(d)
            d += timedelta(days=every)
        return out
    if kind == 6:  # weekly on a mask of weekdays
        mask = reader.int_(ex, "DaysOfWeek", 0, 0, 127) or (1 << ((first.weekday() + 1) % 7))
        week0 = first - timedelta(days=(first.weekday() + 1) % 7)  # its Sunday
        for w in range(0, (end - week0).days // 7 + 1, every):
            for i in range(7):
                d = week0 + timedelta(days=7 * w + i)
                if mask & (1 << i) and first <= d <= end:
                    out.append(d)
        return out
    yearly = kind in (2, 3)
    month = reader.int_(ex, "Month", None, 0, 11)
    y, mth = first.year, first.month
    if yearly and month is not None:
        mth = month + 1  # the first candidate is that month of the first year
    while date(y, mth, 1) <= end:
        if not yearly or month is None or mth == month + 1:
            d = _in_month(reader, ex, kind, y, mth)
            if d is not None and first <= d <= end:
                out.append(d)
        step = 12 * every if yearly and month is not None else every
        mth += step
        y, mth = y + (mth - 1) // 12, (mth - 1) % 12 + 1
    return out


def _in_month(reader: Any, ex: Any, kind: int, y: int, mth: int) -> date | None:
    last_day = pycal.monthrange(y, mth)[1]
    if kind in (2, 4):  # on a day of the month
        day = reader.int_(ex, "MonthDay", 1, 1, 31) or 1
        return date(y, mth, min(day, last_day))
    if kind in (3, 5):  # on the n-th (or last) weekday
        item = reader.int_(ex, "MonthItem", 3, 0, 9)
        pos = reader.int_(ex, "MonthPosition", 0, 0, 4) or 0
        if item is None or item < 3:
            return None  # "day" / "weekday" items are not weekday positions
        weekday = (item - 4) % 7  # 3 = Sunday -> 6, 4 = Monday -> 0
        days = [date(y, mth, d) for d in range(1, last_day + 1)
                if date(y, mth, d).weekday() == weekday]
        return days[-1] if pos == 4 else (days[pos] if pos < len(days) else None)
    return None
