"""Which days the chart shades: weekends and holidays of the working calendar.

:class:`DayShading` asks the calendar once per chart range (on ``set_calendar``
or when the range grows), stores a numpy boolean array of non-working days and
a dict of holiday names, and answers "which runs of shaded days fall in this
visible range" without calling the calendar again, so a zoom or scroll step
never walks the calendar. Without a calendar, Saturdays and Sundays are shaded.

The calendar is duck-typed: anything with ``is_workday(d)`` and
``holidays_between(a, b) -> list[(date, name)]`` (``domain.calendar.WorkCalendar``).
"""

from __future__ import annotations

from datetime import date
from typing import Any, Protocol

import numpy as np


class CalendarLike(Protocol):
    def is_workday(self, d: date) -> bool: ...

    def holidays_between(self, a: date, b: date) -> list[tuple[date, str]]: ...


class DayShading:
    """Non-working days and holiday names over day ordinals ``origin .. end`` (exclusive)."""

    def __init__(self, calendar: Any | None, origin: int, end: int) -> None:
        self.calendar = calendar
        self.origin = origin
        self.end = max(end, origin + 1)
        ordinals = np.arange(origin, self.end, dtype=np.int64)
        # date.toordinal() 1 is a Monday, so weekday = (ordinal - 1) % 7 (5, 6 = Sat, Sun).
        weekday = (ordinals - 1) % 7
        self.weekend = weekday >= 5
        self.holidays: dict[int, str] = {}
        self.non_work = self.weekend.copy()
        self.holiday_mask = np.zeros_like(self.weekend)
        if calendar is None:
            return
        try:  # the whole range in one question (the common case)
            self._load(calendar, origin, self.end - 1)
            return
        except (ValueError, LookupError):
            self.non_work = self.weekend.copy()
            self.holidays.clear()
            self.holiday_mask[:] = False
        # Else one year at a time: a calendar that refuses part of the range
        # (dates before its first year) still shades the rest, and the refused
        # part keeps plain weekend shading.
        year = date.fromordinal(origin).year
        while date(year, 1, 1).toordinal() < self.end:
            lo = max(origin, date(year, 1, 1).toordinal())
            hi = min(self.end - 1, date(year, 12, 31).toordinal())
            try:
                self._load(calendar, lo, hi)
            except (ValueError, LookupError):
                pass
            year += 1

    def _load(self, calendar: Any, lo: int, hi: int) -> None:
        first, last = date.fromordinal(lo), date.fromordinal(hi)
        names = calendar.holidays_between(first, last)
        lister = getattr(calendar, "non_working_between", None)
        chunk = np.zeros(hi - lo + 1, dtype=bool)
        if lister is not None:
            days = lister(first, last)
            chunk[np.fromiter((d.toordinal() for d in days), dtype=np.int64,
                              count=len(days)) - lo] = True
        else:
            is_workday = calendar.is_workday
            for i in range(hi - lo + 1):
                chunk[i] = not is_workday(date.fromordinal(lo + i))
        self.non_work[lo - self.origin:hi - self.origin + 1] = chunk
        for d, name in names:
            o = d.toordinal()
            if lo <= o <= hi:
                prev = self.holidays.get(o)
                self.holidays[o] = f"{prev}, {name}" if prev and name not in prev else name
                if self.non_work[o - self.origin]:
                    self.holiday_mask[o - self.origin] = True

    def covers(self, origin: int, end: int) -> bool:
        return self.origin <= origin and end <= self.end

    def runs(self, first: int, last: int,
             weekends: bool = True) -> list[tuple[int, int, bool]]:
        """Runs of shaded days within ``first..last`` as (start, end_exclusive, is_holiday).

        A run is a holiday run when any of its days is a named holiday, so the
        painter can give holidays a warmer colour than plain weekends. With
        ``weekends=False`` only runs containing a holiday are returned.
        """
        lo = max(first, self.origin) - self.origin
        hi = min(last + 1, self.end) - self.origin
        if hi <= lo:
            return []
        holiday = self.holiday_mask[lo:hi]
        mask = self.non_work[lo:hi] if weekends else holiday
        if not mask.any():
            return []
        padded = np.concatenate(([False], mask, [False]))
        edges = np.flatnonzero(np.diff(padded.astype(np.int8)))
        starts, ends = edges[0::2], edges[1::2]
        has_holiday = np.add.reduceat(holiday.astype(np.int32), starts) > 0
        base = lo + self.origin
        return [(int(a) + base, int(b) + base, bool(h))
                for a, b, h in zip(starts, ends, has_holiday, strict=True)]

    def holiday_name(self, ordinal: int) -> str | None:
        return self.holidays.get(ordinal)

    def is_non_work(self, ordinal: int) -> bool:
        if self.origin <= ordinal < self.end:
            return bool(self.non_work[ordinal - self.origin])
        return (ordinal - 1) % 7 >= 5
