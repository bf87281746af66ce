"""Imported plans keep their own calendar: week, hours, exceptions (recurring ones too);
the Korean calendar stays the default for new plans; durations under a day are not lost."""

from __future__ import annotations

from datetime import date

from defusedxml.ElementTree import parse as safe_parse

from smartcity_desktop.domain import model as m
from smartcity_desktop.interop.apply import apply_to_new_database
from smartcity_desktop.interop.mspdi import NS, export_mspdi
from smartcity_desktop.interop.mspdi_import import parse_mspdi
from smartcity_desktop.store import open_store
from smartcity_desktop.store.planning import load_schedule, project_calendar

from .conftest import DATA

N = f"{{{NS}}}"


def test_the_file_calendar_is_read_with_recurring_exceptions() -> None:
    preview = parse_mspdi(DATA / "other_week.xml")
    cal = preview.plan.calendar
    assert cal.week == "1110110"  # Monday..Sunday: Thursday off, Saturday on
    assert cal.working_times == "08:00-12:00,13:00-17:00"
    days = {d: (w, n) for d, w, n in cal.exceptions}
    tuesdays = sorted(d for d, (_, n) in days.items() if n == "격주 화요일 점검")
    assert tuesdays == [date(2019, 4, 2), date(2019, 4, 16), date(2019, 4, 30),
                        date(2019, 5, 14)]
    assert {d for d, (_, n) in days.items() if n == "근로자의 날"} == {
        date(2019, 5, 1), date(2020, 5, 1)}
    one_hour = next(p.task for p in preview.plan.tasks if p.task.name_ko == "안전 교육")
    assert one_hour.duration_days == 1  # not rounded to nothing: scheduled on its day
    assert one_hour.duration_minutes == 60  # and the hour itself is kept
    assert any("1h" in p and "is kept" in p for p in preview.problems)


def test_a_new_database_schedules_on_the_file_calendar_and_exports_it(tmp_path) -> None:
    result = apply_to_new_database(parse_mspdi(DATA / "other_week.xml"), tmp_path / "site.db")
    with open_store(result.path, keep_backups=0) as store:
        project = store.project()
        assert (project.work_week, project.korean_holidays) == ("1110110", False)
        cal = project_calendar(store)
        assert not cal.is_workday(date(2019, 4, 4))  # a Thursday
        assert cal.is_workday(date(2019, 4, 6))  # a Saturday
        assert cal.is_workday(date(2019, 10, 9))  # 한글날 (a Wednesday) is not forced on it
        tasks, schedule, _ = load_schedule(store)
        for t in tasks:
            st = schedule[t.id]
            assert cal.is_workday(st.start) and cal.is_workday(st.finish)
        xml = tmp_path / "again.xml"
        export_mspdi(store, xml)
    root = safe_parse(str(xml)).getroot()
    assert root.find(f"{N}MinutesPerDay").text == "480"
    assert root.find(f"{N}DefaultStartTime").text == "08:00:00"
    week = {int(w.find(f"{N}DayType").text): w.find(f"{N}DayWorking").text
            for w in root.iter(f"{N}WeekDay") if w.find(f"{N}DayType").text != "0"}
    assert week == {1: "0", 2: "1", 3: "1", 4: "1", 5: "0", 6: "1", 7: "1"}
    names = {e.find(f"{N}Name").text for e in root.iter(f"{N}Exception")}
    assert "한글날" not in names and "근로자의 날" in names


def test_new_plans_keep_the_korean_calendar(tmp_path) -> None:
    with open_store(tmp_path / "new.db") as store:
        project = store.project()
        assert project.korean_holidays and project.work_week == "1111100"
        cal = project_calendar(store)
        assert not cal.is_workday(date(2019, 6, 6))  # 현충일
        assert store.count(m.Task) == 147


def test_cli_shows_the_calendar_and_applies_the_korean_one_on_request(tmp_path, capsys):
    from smartcity_desktop.cli import main

    result = apply_to_new_database(parse_mspdi(DATA / "other_week.xml"), tmp_path / "site.db")
    db = str(result.path)
    assert main(["--db", db, "calendar"]) == 0
    out = capsys.readouterr().out
    assert "월·화·수·금·토" in out and "미적용" in out and "08:00-12:00,13:00-17:00" in out
    assert main(["--db", db, "calendar", "--korean", "--lang", "en"]) == 0
    assert "Korean public holidays: yes" in capsys.readouterr().out
    with open_store(result.path, keep_backups=0) as store:
        cal = project_calendar(store)
        assert not cal.is_workday(date(2019, 10, 9)) and cal.is_workday(date(2019, 4, 4))
        assert store.count(m.CalendarException) > 0  # its own days are kept
