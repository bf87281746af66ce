"""The Korean working calendar: holidays, exceptions and working-day arithmetic."""

from __future__ import annotations

from datetime import date, timedelta

import holidays
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smartcity_desktop.domain.calendar import (
    CalendarRangeError,
    WorkCalendar,
    calendar_from_exceptions,
)
from smartcity_desktop.domain.model import CalendarException

CAL = WorkCalendar()


def test_lunar_new_year_2019_is_not_worked():
    for d in (date(2019, 2, 4), date(2019, 2, 5), date(2019, 2, 6)):
        assert not CAL.is_workday(d)
    assert CAL.holiday_name(date(2019, 2, 5)) == "설날"
    # Friday 2019-02-01 + 1 working day skips the weekend and the three holidays
    assert CAL.add_workdays(date(2019, 2, 1), 1) == date(2019, 2, 7)
    assert CAL.workdays_between(date(2019, 2, 1), date(2019, 2, 8)) == 2


def test_election_day_and_substitute_holiday():
    assert not CAL.is_workday(date(2020, 4, 15))
    assert "선거" in CAL.holiday_name(date(2020, 4, 15))
    assert not CAL.is_workday(date(2019, 5, 6))  # 어린이날 대체 휴일
    assert "대체" in CAL.holiday_name(date(2019, 5, 6))
    assert CAL.add_workdays(date(2020, 4, 14), 1) == date(2020, 4, 16)


def test_weekdays_and_weekends():
    assert CAL.is_workday(date(2019, 1, 7))  # Monday
    assert not CAL.is_workday(date(2019, 1, 12))  # Saturday
    assert CAL.next_workday(date(2019, 1, 12)) == date(2019, 1, 14)
    assert CAL.previous_workday(date(2019, 1, 13)) == date(2019, 1, 11)
    assert CAL.holiday_name(date(2019, 1, 8)) is None


def test_add_workdays_rolls_and_goes_backwards():
    assert CAL.add_workdays(date(2019, 1, 12), 0) == date(2019, 1, 14)
    assert CAL.add_workdays(date(2019, 1, 14), -1) == date(2019, 1, 11)
    assert CAL.add_workdays(date(2019, 2, 7), -1) == date(2019, 2, 1)
    assert CAL.add_workdays(date(2019, 1, 13), -1) == date(2019, 1, 10)


def test_workdays_between_is_half_open_and_signed():
    assert CAL.workdays_between(date(2019, 1, 7), date(2019, 1, 14)) == 5
    assert CAL.workdays_between(date(2019, 1, 14), date(2019, 1, 7)) == -5
    assert CAL.workdays_between(date(2019, 1, 7), date(2019, 1, 7)) == 0


def test_project_exceptions_override_the_public_calendar():
    cal = calendar_from_exceptions([
        CalendarException(project_id=1, day=date(2019, 1, 8), working=False, note="임시공휴일"),
        CalendarException(project_id=1, day=date(2019, 1, 12), working=True, note="주말 근무"),
        CalendarException(project_id=1, day=date(2019, 2, 5), working=True, note="설 근무"),
    ])
    assert not cal.is_workday(date(2019, 1, 8))
    assert cal.holiday_name(date(2019, 1, 8)) == "임시공휴일"
    assert cal.is_workday(date(2019, 1, 12))
    assert cal.is_workday(date(2019, 2, 5))
    assert cal.holiday_name(date(2019, 2, 5)) is None  # worked, so not shaded
    assert cal.add_workdays(date(2019, 1, 7), 1) == date(2019, 1, 9)
    assert cal.add_workdays(date(2019, 1, 11), 1) == date(2019, 1, 12)


def test_holidays_between_lists_names_in_order():
    got = CAL.holidays_between(date(2019, 2, 1), date(2019, 3, 1))
    assert [d for d, _ in got] == [date(2019, 2, 4), date(2019, 2, 5), date(2019, 2, 6),
                                   date(2019, 3, 1)]
    assert got[-1][1] == "삼일절"
    off = CAL.non_working_between(date(2019, 2, 1), date(2019, 2, 10))
    assert off == [date(2019, 2, d) for d in (2, 3, 4, 5, 6, 9, 10)]


def test_range_limits():
    with pytest.raises(CalendarRangeError, match="before the working calendar"):
        CAL.is_workday(date(2010, 1, 4))
    cal = WorkCalendar(years=range(2019, 2020))
    assert cal.add_workdays(date(2019, 12, 31), 3) == date(2020, 1, 6)  # grows on demand
    assert not cal.is_workday(date(2020, 1, 1))


_KR = holidays.country_holidays("KR", years=range(2015, 2046))
_NP_HOLIDAYS = np.array(sorted(_KR.keys()), dtype="datetime64[D]")


@settings(max_examples=200, deadline=None)
@given(st.dates(date(2016, 6, 1), date(2034, 12, 31)), st.integers(-300, 300))
def test_matches_numpy_busday_arithmetic(d, n):
    roll = "forward" if n >= 0 else "backward"
    expected = np.busday_offset(np.datetime64(d), n, roll=roll, holidays=_NP_HOLIDAYS)
    assert CAL.add_workdays(d, n) == expected.astype(date)
    e = d + timedelta(days=abs(n) * 2)
    assert CAL.workdays_between(d, e) == np.busday_count(d, e, holidays=_NP_HOLIDAYS)
    assert CAL.is_workday(d) == bool(np.is_busday(d, holidays=_NP_HOLIDAYS))
