"""iCalendar import: quoted parameters, repeating events expanded, moved occurrences."""

from __future__ import annotations

from datetime import date

import pytest

from smartcity_desktop.interop.errors import InteropError
from smartcity_desktop.interop.ics import parse_ics_bytes


def cal(*events: str) -> bytes:
    body = "".join(f"BEGIN:VEVENT\r\n{e.strip()}\r\nEND:VEVENT\r\n" for e in events)
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{body}END:VCALENDAR\r\n".encode()


def test_quoted_parameter_with_a_colon_is_not_the_value():
    data = cal('UID:a@x\r\nDTSTART;TZID="(UTC-03:00) Brasília":20190304T100000\r\nSUMMARY:회의')
    (event,) = parse_ics_bytes(data).plan.events
    assert event.day == date(2019, 3, 4) and event.summary == "회의"


def test_repeating_event_is_expanded_with_exdate_and_a_moved_occurrence():
    data = cal("UID:m@x\r\nDTSTART;VALUE=DATE:20190107\r\nRRULE:FREQ=WEEKLY;COUNT=4\r\n"
               "EXDATE;VALUE=DATE:20190114\r\nSUMMARY:주간 점검",
               "UID:m@x\r\nRECURRENCE-ID;VALUE=DATE:20190121\r\n"
               "DTSTART;VALUE=DATE:20190123\r\nSUMMARY:주간 점검 (연기)")
    preview = parse_ics_bytes(data)
    events = {e.uid: (e.day, e.summary) for e in preview.plan.events}
    assert events == {"m@x/20190107": (date(2019, 1, 7), "주간 점검"),
                      "m@x/20190121": (date(2019, 1, 23), "주간 점검 (연기)"),
                      "m@x/20190128": (date(2019, 1, 28), "주간 점검")}
    assert any("repeats: imported as 3 milestones (1 moved)" in p for p in preview.problems)


def test_open_ended_rule_is_bounded_and_said_so():
    data = cal("UID:o@x\r\nDTSTART;VALUE=DATE:20190301\r\nRRULE:FREQ=MONTHLY\r\nSUMMARY:월례")
    preview = parse_ics_bytes(data)
    assert len(preview.plan.events) == 36
    assert any("no end" in p for p in preview.problems)


def test_until_in_utc_and_a_moved_occurrence_without_its_series():
    data = cal("UID:u@x\r\nDTSTART:20190301T090000Z\r\n"
               "RRULE:FREQ=DAILY;UNTIL=20190303T090000Z\r\nSUMMARY:집중 점검",
               "UID:lone@x\r\nRECURRENCE-ID:20190305T090000Z\r\nDTSTART:20190306T090000Z\r\n"
               "SUMMARY:따로")
    preview = parse_ics_bytes(data)
    days = sorted(e.day.day for e in preview.plan.events if e.uid.startswith("u@x/"))
    assert days == [1, 2, 3]
    assert [e.uid for e in preview.plan.events if e.uid.startswith("lone")] == [
        "lone@x/20190305"]


@pytest.mark.parametrize("rule", ["FREQ=SOMETIMES", "FREQ=DAILY;COUNT=5000"])
def test_bad_or_huge_rules_are_refused_with_the_line(rule):
    data = cal(f"UID:b@x\r\nDTSTART;VALUE=DATE:20190301\r\nRRULE:{rule}\r\nSUMMARY:x")
    with pytest.raises(InteropError) as err:
        parse_ics_bytes(data)
    assert "RRULE" in str(err.value) or "repeats" in str(err.value)
