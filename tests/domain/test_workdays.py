"""Working-day helpers for drags and tips: snapping and durations in working days."""

from __future__ import annotations

from datetime import date

from smartcity_desktop.domain.calendar import WorkCalendar
from smartcity_desktop.domain.workdays import duration_label, snap_to_workday, working_days

CAL = WorkCalendar()


def test_snap_skips_weekends_and_holidays_both_ways():
    assert snap_to_workday(CAL, date(2019, 3, 2)) == date(2019, 3, 4)  # Saturday -> Monday
    assert snap_to_workday(CAL, date(2019, 3, 2), forward=False) == date(2019, 2, 28)  # 3.1
    assert snap_to_workday(CAL, date(2019, 3, 5)) == date(2019, 3, 5)


def test_duration_in_working_days_matches_the_scheduler():
    # 2019-01-02 .. 2019-03-04 is 61 calendar days but 40 working days (설 연휴 included)
    assert working_days(CAL, date(2019, 1, 2), date(2019, 3, 4)) == 40
    assert working_days(CAL, date(2019, 1, 7), date(2019, 1, 9)) == 3
    assert working_days(CAL, date(2019, 1, 9), date(2019, 1, 7)) == 0
    assert duration_label(44) == "44일" and duration_label(1, "en") == "1 working day"
