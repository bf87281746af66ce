"""MS Project XML: round trips, hand-written files from MS Project and ProjectLibre, refusals."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from defusedxml.ElementTree import parse as safe_parse

from smartcity_desktop.domain import model as m
from smartcity_desktop.interop.apply import apply_to_new_database
from smartcity_desktop.interop.errors import InteropError
from smartcity_desktop.interop.mspdi import NS, export_mspdi
from smartcity_desktop.interop.mspdi_import import parse_mspdi, parse_mspdi_bytes
from smartcity_desktop.store import open_store
from smartcity_desktop.store.planning import load_schedule

from .conftest import DATA, link_facts, task_facts

N = f"{{{NS}}}"
# The MSPDI schema's sequence for the Task and Project children we write (mspdi_pj12.xsd).
TASK_ORDER = ["UID", "ID", "Name", "Type", "IsNull", "CreateDate", "Contact", "WBS", "WBSLevel",
              "OutlineNumber", "OutlineLevel", "Priority", "Start", "Finish", "Duration",
              "DurationFormat", "Work", "Milestone", "Summary", "Critical", "PercentComplete",
              "ActualStart", "ActualFinish", "ActualDuration", "RemainingDuration",
              "ConstraintType", "CalendarUID", "ConstraintDate",
              "Deadline", "Notes", "PredecessorLink", "ExtendedAttribute", "Baseline"]
PROJECT_ORDER = ["SaveVersion", "UID", "Name", "Title", "Subject", "Category", "Company",
                 "Manager", "Author", "CreationDate", "Revision", "LastSaved",
                 "ScheduleFromStart", "StartDate", "FinishDate", "CalendarUID",
                 "DefaultStartTime", "DefaultFinishTime", "MinutesPerDay", "MinutesPerWeek",
                 "DaysPerMonth", "DurationFormat", "WeekStartDay", "StatusDate",
                 "ExtendedAttributes",
                 "Calendars", "Tasks", "Resources", "Assignments"]


def _in_schema_order(children: list[str], order: list[str]) -> bool:
    positions = [order.index(c) for c in children]
    return positions == sorted(positions)


def round_trip(store, tmp_path: Path):
    xml = tmp_path / "plan.xml"
    export_mspdi(store, xml)
    preview = parse_mspdi(xml)
    result = apply_to_new_database(preview, tmp_path / "back.db")
    return preview, open_store(result.path, keep_backups=0)


def test_round_trip_keeps_tasks_dates_links_and_lags(store, tmp_path):
    preview, back = round_trip(store, tmp_path)
    with back:
        assert task_facts(back) == task_facts(store)
        assert link_facts(back) == link_facts(store)
        assert {(e.day, e.working, e.note) for e in back.all(m.CalendarException)} == {
            (e.day, e.working, e.note) for e in store.all(m.CalendarException)}
    assert preview.problems == []


def test_round_trip_of_the_bundled_seed(real_store, tmp_path):
    preview, back = round_trip(real_store, tmp_path)
    with back:
        assert task_facts(back) == task_facts(real_store)
        assert link_facts(back) == link_facts(real_store)


def test_export_follows_the_schema(store, tmp_path):
    xml = tmp_path / "plan.xml"
    export_mspdi(store, xml)
    assert xml.read_bytes().startswith(b'<?xml version="1.0" encoding="UTF-8"')
    root = safe_parse(str(xml)).getroot()
    assert root.tag == f"{N}Project"
    assert root.find(f"{N}SaveVersion").text == "14"
    assert _in_schema_order([c.tag.removeprefix(N) for c in root], PROJECT_ORDER)
    tasks = root.findall(f"{N}Tasks/{N}Task")
    assert len(tasks) == 10
    for t in tasks:
        assert _in_schema_order([c.tag.removeprefix(N) for c in t], TASK_ORDER), t
    by_wbs = {t.find(f"{N}WBS").text: t for t in tasks}
    # the computed schedule goes out (1.1 "2019-01-E", 40 % done, is held to the status
    # date 2019-06-30); a day's work is 09:00-18:00, 8 hours
    tasks_, schedule, _ = load_schedule(store)
    st = schedule[next(t.id for t in tasks_ if t.wbs == "1.1")]
    assert by_wbs["1.1"].find(f"{N}Start").text == f"{st.start.isoformat()}T09:00:00"
    assert st.start == date(2019, 1, 2) and st.finish == date(2019, 7, 1)
    assert by_wbs["1.1"].find(f"{N}Finish").text == "2019-07-01T18:00:00"
    assert by_wbs["1.1"].find(f"{N}Duration").text == f"PT{st.duration * 8}H0M0S"
    assert by_wbs["1.4"].find(f"{N}Milestone").text == "1"
    assert by_wbs["1"].find(f"{N}Summary").text == "1"
    assert [e.text for e in by_wbs["1.2"].iter(f"{N}OutlineLevel")] == ["2"]
    link = by_wbs["1.2"].find(f"{N}PredecessorLink")
    assert link.find(f"{N}Type").text == "1"
    assert link.find(f"{N}LinkLag").text == str(5 * 480 * 10)  # tenths of a minute
    assert link.find(f"{N}LagFormat").text == "7"
    types = {by_wbs[w].find(f"{N}PredecessorLink/{N}Type").text for w in ("1.2", "1.3", "1.4",
                                                                          "2.1.1")}
    assert types == {"1", "3", "0", "2"}
    # the owning ministry is a resource with an assignment; Korean holidays are exceptions
    names = [r.find(f"{N}Name").text for r in root.findall(f"{N}Resources/{N}Resource")]
    assert "국토교통부" in names
    assert root.findall(f"{N}Assignments/{N}Assignment")
    exceptions = {(e.find(f"{N}Name").text, e.find(f"{N}TimePeriod/{N}FromDate").text,
                   e.find(f"{N}DayWorking").text) for e in root.iter(f"{N}Exception")}
    assert ("설날", "2019-02-05T00:00:00", "0") in exceptions
    assert ("토요 근무", "2019-05-04T00:00:00", "1") in exceptions
    assert ("기관 휴무", "2019-07-15T00:00:00", "0") in exceptions


def test_ministry_export_keeps_ancestors(store, tmp_path):
    xml = tmp_path / "me.xml"
    me = store.org_by_code()["KWATER"]
    export_mspdi(store, xml, me.id)
    wbs = [p.task.wbs for p in parse_mspdi(xml).plan.tasks]
    assert wbs == ["2", "2.1", "2.1.1"]


def test_baselines_round_trip(store, tmp_path):
    project = store.project()
    b = store.insert(m.Baseline(project.id, "착수 기준선", "2019-01-02T00:00:00"))
    t = {x.wbs: x for x in store.tasks()}
    store.insert(m.BaselineTask(b.id, t["1.1"].id, date(2019, 1, 2), date(2019, 3, 29), 60))
    preview, back = round_trip(store, tmp_path)
    with back:
        rows = back.all(m.BaselineTask)
        assert [(r.start, r.finish, r.duration_days) for r in rows] == [
            (date(2019, 1, 2), date(2019, 3, 29), 60)]
        assert back.get(m.Task, rows[0].task_id).wbs == "1.1"
        assert [x.name for x in back.all(m.Baseline)] == ["기준선"]


def test_date_moved_in_the_other_tool_becomes_exact(store, tmp_path):
    xml = tmp_path / "plan.xml"
    export_mspdi(store, xml)
    text = xml.read_text(encoding="utf-8").replace(
        "<Start>2019-01-02T09:00:00</Start>", "<Start>2019-02-11T09:00:00</Start>")
    preview = parse_mspdi_bytes(text.encode(), "moved.xml")
    task = next(p.task for p in preview.plan.tasks if p.task.wbs == "1.1")
    assert task.start.code() == "2019-02-11"
    assert task.finish.code() == "2019-03-L"
    assert any("moved" in p for p in preview.problems)


def test_hand_written_links_and_lag_units():
    preview = parse_mspdi(DATA / "links_and_lags.xml")
    tasks = {p.key: p for p in preview.plan.tasks}
    assert "0" not in tasks  # the project summary task
    assert tasks["1"].task.kind is m.TaskKind.SUMMARY
    assert tasks["8"].task.kind is m.TaskKind.MILESTONE
    assert tasks["8"].task.duration_days == 0
    assert tasks["2"].task.notes == "메모 한 줄"
    assert tasks["2"].task.percent_complete == 50
    assert tasks["2"].parent_key == "1"
    links = {(x.predecessor_key, x.successor_key): (x.type.value, x.lag_days)
             for x in preview.plan.links}
    assert links == {
        ("2", "3"): ("FS", 2),    # 9600 tenths of a minute, days
        ("2", "4"): ("SS", 2),    # 16 hours
        ("2", "5"): ("FF", 5),    # 1 week
        ("3", "6"): ("SF", -1),   # negative lag (lead)
        ("6", "7"): ("FS", 5),    # 7 elapsed days = 5 working days
        ("7", "8"): ("FS", 1),    # 50 % of a 2-day predecessor
        ("5", "8"): ("FS", 0),    # no Type/LinkLag: FS, 0
    }
    assert any("elapsed" in p for p in preview.problems)
    assert any("50%" in p for p in preview.problems)
    ex = {d: (w, n) for d, w, n in preview.plan.calendar_exceptions}
    # the file's own exceptions are kept as written (삼일절 too: no Korean calendar is forced)
    assert ex == {date(2019, 3, 9): (True, "토요 근무"), date(2019, 3, 15): (False, "창립기념일"),
                  date(2019, 4, 10): (False, ""), date(2019, 4, 11): (False, ""),
                  date(2019, 3, 1): (False, "삼일절")}
    assert preview.plan.calendar.week == "1111100"


def test_ms_project_2016_file(tmp_path):
    preview = parse_mspdi(DATA / "msproject2016.xml")
    assert preview.plan.name_ko == "LH 세종 5-1 공정표"
    tasks = {p.task.wbs: p for p in preview.plan.tasks}
    assert list(tasks) == ["A", "A.1", "A.2", "A.3"]
    survey = tasks["A.1"]
    assert survey.task.start.code() == "2019-01-07" and survey.task.finish.code() == "2019-01-18"
    assert survey.task.duration_days == 10
    assert survey.task.actual_finish == date(2019, 1, 18)
    assert survey.task.constraint_type is m.ConstraintType.START_NO_EARLIER
    assert survey.task.notes == "측량 완료\r\n보고서 제출"
    assert survey.task.name_en == ""  # a foreign Text1 is not read as our field
    assert survey.owner.name == "한국토지주택공사" and survey.owner.code == "LH"
    assert [o.name for o in tasks["A.2"].supporting] == ["세종시"]
    assert tasks["A.3"].owner is None
    assert tasks["A.2"].baselines == {0: (date(2019, 1, 21), date(2019, 2, 15), 18)}
    # the file's own calendar: 08-17 hours, its week and every exception day it names
    assert preview.plan.calendar_exceptions == [
        (date(2019, 2, 4), False, "설 연휴"), (date(2019, 2, 5), False, "설 연휴"),
        (date(2019, 2, 6), False, "설 연휴"), (date(2019, 2, 8), False, "현장 휴무")]
    assert preview.plan.calendar.working_times == "08:00-12:00,13:00-17:00"
    assert preview.plan.calendar.week == "1111100"
    result = apply_to_new_database(preview, tmp_path / "lh.db")
    with open_store(result.path, keep_backups=0) as db:
        assert db.count(m.Task) == 4
        assert db.org_by_code()["LH"].name_ko == "한국토지주택공사"
        assert db.count(m.BaselineTask) == 2


def test_projectlibre_file():
    preview = parse_mspdi(DATA / "projectlibre.xml")
    assert [p.task.wbs for p in preview.plan.tasks] == ["1", "1.1", "1.2"]
    assert preview.plan.links[0].lag_days == 10  # 14 elapsed days
    assert preview.plan.calendar_exceptions == [(date(2019, 5, 20), False, "")]
    assert preview.plan.tasks[1].task.finish.code() == "2019-05-17"


def _xml(body: str, tasks: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<Project xmlns="{NS}">\n'
            f"<SaveVersion>14</SaveVersion>\n{body}<Tasks>\n{tasks}</Tasks>\n</Project>\n"
            ).encode()


def _task(uid: int, extra: str = "", start: str = "2019-03-04T09:00:00") -> str:
    return (f"<Task><UID>{uid}</UID><Name>T{uid}</Name><OutlineLevel>1</OutlineLevel>"
            f"<Start>{start}</Start><Finish>2019-03-08T18:00:00</Finish>{extra}</Task>\n")


def _link(pred: int, kind: int = 1, lag: int = 0, fmt: int = 7) -> str:
    return (f"<PredecessorLink><PredecessorUID>{pred}</PredecessorUID><Type>{kind}</Type>"
            f"<LinkLag>{lag}</LinkLag><LagFormat>{fmt}</LagFormat></PredecessorLink>")


@pytest.mark.parametrize("data, expected", [
    (b"<Project><Tasks>", "malformed XML"),
    (b"", "empty"),
    (b"<html><body/></html>", "root element is <html>"),
    (_xml("", _task(1) + _task(2, _link(1, kind=7))), "unknown link type 7"),
    (_xml("", _task(1) + _task(2, _link(1, fmt=99))), "unknown lag format 99"),
    (_xml("", _task(1) + _task(2, _link(9))), "task 9, which is not in the file"),
    (_xml("", _task(1, _link(2)) + _task(2, _link(1))), "cycle"),
    (_xml("", _task(1, _link(1))), "linked to itself"),
    (_xml("", _task(1, start="2019-02-30T09:00:00")), "not a possible date"),
    (_xml("", _task(1, "<PercentComplete>150</PercentComplete>")), "out of range"),
    (_xml("", _task(1, "<Duration>PT-8H</Duration>")), "not a duration"),
    (_xml("", _task(1, start="2019-03-20T09:00:00")), "before start"),
    (_xml("", "<Task><Name>no uid</Name></Task>"), "no <UID>"),
    (b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaa">]><Project>&a;</Project>',
     "refused"),
    ('<?xml version="1.0" encoding="UTF-8"?><Project><Name>세종</Name></Project>'.encode("cp949"),
     "malformed XML"),
])
def test_refusals_name_the_problem(data, expected):
    with pytest.raises(InteropError) as info:
        parse_mspdi_bytes(data, "bad.xml")
    assert expected in str(info.value)
    assert str(info.value).startswith("bad.xml")
    assert "\n" not in str(info.value)


def test_errors_name_line_and_element():
    data = _xml("", _task(1) + _task(2, "\n" + _link(1, kind=5)))
    with pytest.raises(InteropError) as info:
        parse_mspdi_bytes(data, "bad.xml")
    assert info.value.element == "Type"
    assert info.value.line == 7
    assert "line 7" in str(info.value)


def test_size_limit(tmp_path, monkeypatch):
    from smartcity_desktop.interop import common

    path = tmp_path / "big.xml"
    path.write_bytes(_xml("", _task(1)))
    monkeypatch.setattr(common, "MAX_FILE_BYTES", 100)
    with pytest.raises(InteropError, match="limit"):
        common.read_bytes(path, 100)
