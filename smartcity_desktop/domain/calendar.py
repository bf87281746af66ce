"""The working calendar: a working week, public holidays and per-project exceptions.

The default is the Korean one (Monday-Friday, Korean public holidays); a plan
imported from another tool keeps its own week (say Thursday off, Saturday on)
and exceptions, with Korean holidays only when asked for.

:class:`WorkCalendar` owns every question of the form "is this a working day?"
and all working-day arithmetic. Public holidays come from the ``holidays``
package for Korea (``KR``), which includes substitute holidays (대체 휴일) and
one-off days such as election days (e.g. 2020-04-15 국회의원 선거일), through the
table of them bundled in :mod:`.kr_holidays` (the package is imported only for a
year outside it: importing it and computing 21 years took ~0.5 s at start). On top of
that a project may add extra non-working days (a government-wide temporary
holiday) and extra working days (a weekend work day); an extra working day
wins over a weekend or a public holiday.

Arithmetic never walks day by day. At construction the calendar builds, for
every calendar day of its span, a boolean "working" array and two cumulative
index arrays with numpy, so each query is a couple of array look-ups:

* working-day index ``i`` -> the ``i``-th working day of the span
  (:meth:`date_at`);
* a date -> the index of the first working day on or after it
  (:meth:`index_on_or_after`) or the last working day on or before it
  (:meth:`index_on_or_before`).

The scheduler works entirely in these integer indices. The span grows to later
years on demand (indices of existing days never change); dates before the
first year of the span are refused with a clear message.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

import numpy as np

from .kr_holidays import korean_holidays

DEFAULT_YEARS = range(2015, 2036)
KOREAN_WEEK = (True, True, True, True, True, False, False)  # Monday..Sunday


class CalendarRangeError(ValueError):
    """A date before the start of the working calendar."""


class WorkCalendar:
    """Weekends + Korean public holidays + project exceptions, with fast arithmetic.

    ``extra_holidays`` is an iterable of dates or ``(date, name)`` pairs;
    ``extra_workdays`` an iterable of dates (or ``(date, note)`` pairs).
    """

    def __init__(
        self,
        extra_holidays: Iterable[date | tuple[date, str]] = (),
        extra_workdays: Iterable[date | tuple[date, str]] = (),
        years: Iterable[int] = DEFAULT_YEARS,
        week: tuple[bool, ...] = KOREAN_WEEK,
        public_holidays: bool = True,
    ) -> None:
        if len(week) != 7 or not any(week):
            raise ValueError("a working week needs seven days and at least one working day")
        self.week = tuple(bool(w) for w in week)
        self.public_holidays = public_holidays
        years = list(years)
        if not years:
            raise ValueError("the working calendar needs at least one year")
        self.extra_holidays: dict[date, str] = {}
        for item in extra_holidays:
            d, name = item if isinstance(item, tuple) else (item, "")
            self.extra_holidays[d] = name or "휴무일"
        self.extra_workdays: set[date] = {
            (item[0] if isinstance(item, tuple) else item) for item in extra_workdays
        }
        self.first_year = min(years)
        self._first_ord = date(self.first_year, 1, 1).toordinal()
        self._build(max(years))

    # -- construction -----------------------------------------------------------
    def _build(self, last_year: int) -> None:
        self.last_year = last_year
        names: dict[date, str] = {}
        if self.public_holidays:
            for year in range(self.first_year, last_year + 1):
                names.update(korean_holidays(year))
        for d, n in self.extra_holidays.items():
            names[d] = n if d not in names else f"{names[d]}; {n}"
        last_ord = date(last_year, 12, 31).toordinal()
        n_days = last_ord - self._first_ord + 1
        ords = np.arange(self._first_ord, last_ord + 1, dtype=np.int64)
        # ordinal 1 (0001-01-01) is a Monday: (ord - 1) % 7 is 0 for Monday .. 6 for Sunday
        working = np.array(self.week, dtype=bool)[(ords - 1) % 7]
        off = [d.toordinal() - self._first_ord for d in names]
        off = [o for o in off if 0 <= o < n_days]
        working[off] = False
        on = [d.toordinal() - self._first_ord for d in self.extra_workdays]
        on = [o for o in on if 0 <= o < n_days]
        working[on] = True
        cum = np.cumsum(working, dtype=np.int64)
        self._names = {d: n for d, n in names.items() if d not in self.extra_workdays}
        self._working = working
        self._n_days = n_days
        self._work_ords: list[int] = ords[working].tolist()
        self._after: np.ndarray = cum - working  # index of first working day >= the day
        self._before: np.ndarray = cum - 1  # index of last working day <= the day

    def _offset(self, d: date) -> int:
        off = d.toordinal() - self._first_ord
        if off < 0:
            raise CalendarRangeError(
                f"{d.isoformat()} is before the working calendar, which starts "
                f"{self.first_year}-01-01"
            )
        while off >= self._n_days:
            self._build(self.last_year + 10)
        return off

    def _ensure_index(self, i: int) -> None:
        while i >= len(self._work_ords):
            self._build(self.last_year + 10)

    # -- index space (used by the scheduler) --------------------------------------
    @property
    def workday_count(self) -> int:
        """Working days currently in the span (grows on demand)."""
        return len(self._work_ords)

    def index_on_or_after(self, d: date) -> int:
        """Index of the first working day on or after ``d``."""
        off = self._offset(d)
        i = int(self._after[off])
        self._ensure_index(i)
        return i

    def index_on_or_before(self, d: date) -> int:
        """Index of the last working day on or before ``d`` (-1 if none in the span)."""
        return int(self._before[self._offset(d)])

    def date_at(self, i: int) -> date:
        """The working day with index ``i``; indices below 0 clamp to the first one."""
        ords = self._work_ords
        if 0 <= i < len(ords):  # the common case (40,000 calls to schedule 10k tasks)
            return date.fromordinal(ords[i])
        if i < 0:
            i = 0
        self._ensure_index(i)
        return date.fromordinal(self._work_ords[i])

    # -- questions people ask -------------------------------------------------------
    def is_workday(self, d: date) -> bool:
        return bool(self._working[self._offset(d)])

    def next_workday(self, d: date) -> date:
        """``d`` itself if it is a working day, else the next working day."""
        return self.date_at(self.index_on_or_after(d))

    def previous_workday(self, d: date) -> date:
        """``d`` itself if it is a working day, else the previous working day."""
        i = self.index_on_or_before(d)
        if i < 0:
            raise CalendarRangeError(f"no working day on or before {d.isoformat()} in the calendar")
        return self.date_at(i)

    def add_workdays(self, d: date, n: int) -> date:
        """The working day ``n`` working days after ``d`` (before it if ``n`` < 0).

        A non-working ``d`` first rolls to the next working day when ``n`` >= 0
        and to the previous one when ``n`` < 0 (numpy ``busday_offset`` with
        ``roll='forward'`` / ``'backward'``). ``add_workdays(Fri, 1)`` is Monday.
        """
        if n >= 0:
            return self.date_at(self.index_on_or_after(d) + n)
        i = self.index_on_or_before(d) + n
        if i < 0:
            raise CalendarRangeError(
                f"{-n} working days before {d.isoformat()} is before the working calendar"
            )
        return self.date_at(i)

    def workdays_between(self, a: date, b: date) -> int:
        """Working days in ``[a, b)`` (like ``numpy.busday_count``); negative if ``b < a``."""
        if b < a:
            return -self.workdays_between(b, a)
        return self.index_on_or_after(b) - self.index_on_or_after(a)

    def holiday_name(self, d: date) -> str | None:
        """The Korean name of a holiday or project non-working day, else None."""
        self._offset(d)
        return self._names.get(d)

    def holidays_between(self, a: date, b: date) -> list[tuple[date, str]]:
        """Named non-working days in ``[a, b]`` (both inclusive), in date order.

        Public holidays and project non-working days are listed even when they
        fall on a weekend; a day the project made a working day is not.
        """
        self._offset(b)
        return sorted((d, n) for d, n in self._names.items() if a <= d <= b)

    def non_working_between(self, a: date, b: date) -> list[date]:
        """Every non-working day in ``[a, b]`` (weekends included), for chart shading."""
        lo, hi = self._offset(a), self._offset(b)
        offs = np.flatnonzero(~self._working[lo:hi + 1])
        start = a
        return [start + timedelta(days=int(o)) for o in offs]


def calendar_from_exceptions(exceptions: Iterable[object],
                             years: Iterable[int] = DEFAULT_YEARS,
                             week: tuple[bool, ...] = KOREAN_WEEK,
                             public_holidays: bool = True) -> WorkCalendar:
    """A calendar from :class:`~smartcity_desktop.domain.model.CalendarException` rows,
    on the given working week, with or without Korean public holidays."""
    off: list[tuple[date, str]] = []
    on: list[tuple[date, str]] = []
    for ex in exceptions:
        pair = (ex.day, ex.note)  # type: ignore[attr-defined]
        (on if ex.working else off).append(pair)  # type: ignore[attr-defined]
    return WorkCalendar(extra_holidays=off, extra_workdays=on, years=years, week=week,
                        public_holidays=public_holidays)
