"""iCalendar: all-day events, stable UIDs, folding, ministry filter, re-import updates."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest

from smartcity_desktop.domain import model as m
from smartcity_desktop.domain.dates import PlanDate
from smartcity_desktop.interop.apply import Target, apply_preview
from smartcity_desktop.interop.errors import InteropError
from smartcity_desktop.interop.ics import build_ics, fold, parse_ics_bytes
from smartcity_desktop.store.planning import load_schedule


def _events(text: str) -> list[dict[str, str]]:
    unfolded = text.replace("\r\n ", "")
    events = []
    for block in unfolded.split("BEGIN:VEVENT\r\n")[1:]:
        props = {}
        for line in block.split("END:VEVENT")[0].strip().split("\r\n"):
            k, _, v = line.partition(":")
            props[k] = v
        events.append(props)
    return events


def test_all_day_events_with_stable_uids(store):
    text = build_ics(store)
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    events = _events(text)
    by_summary = {e["SUMMARY"]: e for e in events}
    # the computed day, the plan date as written, and the planning-assumption mark
    ms = by_summary["착공 (2019년 12월) *"]
    tasks, schedule, _ = load_schedule(store)
    day = schedule[next(t.id for t in tasks if t.wbs == "1.4")].finish
    assert ms["DTSTART;VALUE=DATE"] == f"{day:%Y%m%d}"
    assert ms["DTEND;VALUE=DATE"] == f"{day + timedelta(days=1):%Y%m%d}"
    assert "예정일" in ms["DESCRIPTION"] and "계획 가정" in ms["DESCRIPTION"]
    assert ms["DTSTAMP"].endswith("Z") and len(ms["DTSTAMP"]) == 16
    item = by_summary["[완료] 관계기관 협의"]
    assert item["DTSTART;VALUE=DATE"] == "20190215" and item["DTEND;VALUE=DATE"] == "20190216"
    assert len(events) == 4  # 2 milestones + 2 dated checklist items
    assert [e["UID"] for e in _events(build_ics(store))] == [e["UID"] for e in events]


def test_ministry_filter(store):
    kwater = store.org_by_code()["MSIT"].id
    summaries = [e["SUMMARY"] for e in _events(build_ics(store, kwater))]
    assert summaries == ["[완료] 관계기관 협의"]


def test_reimport_updates_instead_of_duplicating(store):
    text = build_ics(store)
    before = store.count(m.Task)
    assert apply_preview(store, parse_ics_bytes(text.encode())).updated == 0
    moved = text.replace("DTSTART;VALUE=DATE:20190215", "DTSTART;VALUE=DATE:20190222")
    result = apply_preview(store, parse_ics_bytes(moved.encode()))
    assert result.updated == 1 and store.count(m.Task) == before
    assert [c.due for c in store.checklist() if c.text == "관계기관 협의"] == [date(2019, 2, 22)]


def test_foreign_events_become_milestones_once(store):
    cal = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:abc@outlook\r\n"
           "DTSTART;VALUE=DATE:20190410\r\nSUMMARY:현장 점검\\, 세종\r\nEND:VEVENT\r\n"
           "END:VCALENDAR\r\n")
    before = store.count(m.Task)
    apply_preview(store, parse_ics_bytes(cal.encode()))
    assert store.count(m.Task) == before + 2  # the holder summary and the milestone
    again = apply_preview(store, parse_ics_bytes(cal.replace("20190410", "20190412").encode()))
    assert again.updated == 1 and store.count(m.Task) == before + 2
    task = next(t for t in store.tasks() if t.name_ko == "현장 점검, 세종")
    assert task.finish == PlanDate.exact(date(2019, 4, 12)) and task.is_milestone


def test_uid_of_another_project_is_not_ours(store, tmp_path):
    text = build_ics(store)
    project = store.project()
    store.update(dataclasses.replace(project, name_ko="다른 사업"))
    preview = parse_ics_bytes(text.encode())
    result = apply_preview(store, preview, Target.CURRENT)
    assert result.updated == 0 and result.tasks_added == 5


def test_fold_keeps_utf8_characters_whole():
    line = "SUMMARY:" + "가" * 60
    folded = fold(line)
    assert folded.replace("\r\n ", "") == line
    assert all(len(p.encode()) <= 75 for p in folded.split("\r\n"))


@pytest.mark.parametrize("text, expected", [
    ("hello", "must start with BEGIN:VCALENDAR"),
    ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nEND:VEVENT\nEND:VCALENDAR", "no DTSTART"),
    ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nDTSTART:20190230\nEND:VEVENT\nEND:VCALENDAR",
     "day is out of range"),
    ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:2019\nEND:VEVENT\nEND:VCALENDAR", "not a date"),
    ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20190101\nEND:VCALENDAR", "does not close"),
    ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20190101\nEND:VEVENT", "never closed"),
    ("BEGIN:VCALENDAR\nno colon here\nEND:VCALENDAR", "NAME:VALUE"),
])
def test_refusals(text, expected):
    with pytest.raises(InteropError, match=expected):
        parse_ics_bytes(text.encode(), "bad.ics")
