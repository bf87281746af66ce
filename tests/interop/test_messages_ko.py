"""Importer warnings and refusals speak the user's language: Korean by default, English on
request, from one message id (no English left in Korean mode)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from smartcity_desktop.interop import gan, ics, mpp, mspdi_import
from smartcity_desktop.interop.errors import InteropError, Note
from smartcity_desktop.messages import CATALOGUE, set_language

from .conftest import DATA

HANGUL = re.compile(r"[\uac00-\ud7a3]")
INTEROP = Path(mpp.__file__).parent  # every module named below is imported (registered)
_ICS = b"""BEGIN:VCALENDAR
BEGIN:VEVENT
UID:weekly@x
DTSTART;VALUE=DATE:20190107
RRULE:FREQ=WEEKLY;COUNT=3
SUMMARY:Weekly check
END:VEVENT
BEGIN:VEVENT
DTSTART;VALUE=DATE:20190110
SUMMARY:No uid
END:VEVENT
END:VCALENDAR
"""


@pytest.fixture
def korean():
    set_language("ko")
    yield
    set_language("en")


def test_mspdi_import_warnings_are_korean_in_korean_mode(korean) -> None:
    problems = mspdi_import.parse_mspdi(DATA / "other_week.xml").problems
    assert problems and all(HANGUL.search(p) for p in problems), problems
    kept = next(p for p in problems if "1h" in p)
    assert kept == "작업 2: 기간 1h을(를) 그대로 보존하고 일정은 근무일 1일에 배치했습니다"
    assert isinstance(kept, Note)
    assert kept.text("en") == "task 2: duration 1h is kept and scheduled on 1 working day(s)"
    lags = mspdi_import.parse_mspdi(DATA / "links_and_lags.xml").problems
    assert any("경과 시간 지연" in p for p in lags) and not any("elapsed" in p for p in lags)


def test_ics_and_gan_warnings_are_korean(korean) -> None:
    problems = ics.parse_ics_bytes(_ICS, "c.ics").problems
    assert len(problems) == 2 and all(HANGUL.search(p) for p in problems), problems
    assert any("이정표 3개로 가져왔습니다" in p for p in problems)
    week = (b'<project name="p"><calendars><day-types><default-week mon="1" tue="1" wed="1" '
            b'thu="1" fri="1" sat="1" sun="1"/></day-types></calendars><tasks>'
            b'<task id="1" name="a" start="2019-01-07" duration="2"/></tasks></project>')
    assert gan.parse_gan_bytes(week, "p.gan").problems == [
        "파일의 주간에 근무일이 없어 월-금을 근무일로 사용했습니다"]


def test_refusals_are_korean_with_the_place_in_korean(korean) -> None:
    with pytest.raises(InteropError) as info:
        mspdi_import.parse_mspdi_bytes(b'<?xml version="1.0"?>\n<Plan/>', "x.xml")
    assert str(info.value) == ("x.xml, 2행: MS Project XML 파일이 아닙니다 (최상위 요소가 "
                               "<Plan>이며 <Project>여야 합니다)")
    assert info.value.text("en").startswith("x.xml, line 2: not an MS Project XML file")
    bad = (b'<?xml version="1.0"?><Project xmlns="http://schemas.microsoft.com/project">'
           b'<Tasks><Task><UID>1</UID><Name>a</Name><Duration>3 days</Duration></Task>'
           b'</Tasks></Project>')
    with pytest.raises(InteropError) as info:
        mspdi_import.parse_mspdi_bytes(bad, "d.xml")
    assert "'3 days'은(는) 기간 형식이 아닙니다" in str(info.value)
    with pytest.raises(InteropError) as info:
        gan.parse_gan_bytes(b"<project><tasks/></project>", "e.gan")
    assert str(info.value) == "e.gan: 파일에 작업이 없습니다"
    with pytest.raises(InteropError) as info:
        ics.parse_ics_bytes(b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\nEND:VEVENT\n"
                            b"END:VCALENDAR\n", "f.ics")
    assert "DTSTART가 없는 일정이 있습니다" in str(info.value)


def test_every_message_id_the_importers_use_is_in_the_catalogue() -> None:
    used = set()
    pattern = re.compile(r'(?:InteropError|MissingComponentError|Note|err)\(\s*"([a-z_]+\.'
                         r'[a-z_.]+)"')
    for name in ("mspdi_import", "mspdi_calendar", "gan", "ics", "ics_recur", "xmlparse",
                 "common", "mpp", "mspdi"):
        used |= set(pattern.findall((INTEROP / f"{name}.py").read_text(encoding="utf-8")))
    assert len(used) > 60
    assert sorted(used - set(CATALOGUE)) == []
