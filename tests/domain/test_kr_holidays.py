"""The bundled Korean holiday table equals the ``holidays`` package, and start-up skips it."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from smartcity_desktop.domain import kr_holidays
from smartcity_desktop.domain import kr_holidays_data as table
from smartcity_desktop.domain.calendar import WorkCalendar


@pytest.mark.parametrize("year", range(2015, 2036))
def test_bundled_year_equals_the_package(year):
    assert kr_holidays.bundled_holidays(year) == kr_holidays.package_holidays(year)


def test_every_bundled_year_equals_the_package():
    years = range(table.FIRST_YEAR, table.LAST_YEAR + 1)
    assert len(years) >= 40 and 2015 in years and 2035 in years
    different = [y for y in years
                 if kr_holidays.bundled_holidays(y) != kr_holidays.package_holidays(y)]
    assert different == [], "remake the table: python -m smartcity_desktop.domain.kr_holidays"


def test_known_days_and_years_outside_the_table():
    days = dict(kr_holidays.korean_holidays(2020))
    assert days[date(2020, 4, 15)] == "국회의원 선거일"
    assert date(2020, 1, 27) in days  # 설날 대체 휴일
    assert kr_holidays.bundled_holidays(table.LAST_YEAR + 1) is None
    assert kr_holidays.korean_holidays(table.LAST_YEAR + 1) == kr_holidays.package_holidays(
        table.LAST_YEAR + 1)
    cal = WorkCalendar()
    assert not cal.is_workday(date(2020, 4, 15))
    assert cal.holiday_name(date(2024, 10, 1)) == dict(
        kr_holidays.package_holidays(2024))[date(2024, 10, 1)]


def test_render_reproduces_the_bundled_module():
    text = Path(table.__file__).read_text(encoding="utf-8")
    assert kr_holidays.render_data(table.FIRST_YEAR, table.LAST_YEAR) == text


def test_a_default_calendar_does_not_import_the_package():
    code = ("import sys\nfrom smartcity_desktop.domain.calendar import WorkCalendar\n"
            "WorkCalendar()\nprint('holidays' in sys.modules)")
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(root), *filter(None, [os.environ.get("PYTHONPATH")])])}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=root, env=env)
    assert out.stdout.strip() == "False"
