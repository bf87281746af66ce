"""Importer warnings and refusals speak the user's language: Korean by default, English on
request, from one message id (no English left in Korean mode)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import Workbook

from smartcity_desktop.domain import model as m
from smartcity_desktop.interop import (
    apply,
    backup_json,
    csv_io,
    formats,
    gan,
    ics,
    mpp,
    mspdi_import,
    tabular,
    xlsx,
)
from smartcity_desktop.interop.errors import InteropError, Note
from smartcity_desktop.messages import CATALOGUE, set_language

from .conftest import DATA

HANGUL = re.compile(r"[\uac00-\ud7a3]")
INTEROP = Path(mpp.__file__).parent  # every module named below is imported (registered)
assert apply and tabular  # imported for their ids (the scan below reads their files)
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


def _refusal(call, *args) -> InteropError:
    with pytest.raises(InteropError) as info:
        call(*args)
    return info.value


def test_csv_refusals_from_the_domain_and_the_plan_check_are_korean(korean) -> None:
    # validate_task's own refusal inside a CSV import (the CSV reader's own refusals and its
    # encoding line are converted on branch h13, with their Korean tests in test_tabular.py)
    milestone = _refusal(csv_io.parse_csv_bytes, "과업명,구분,기간(일)\nA,마일스톤,3\n".encode(),
                         "m.csv")
    assert str(milestone).startswith("m.csv, ")
    assert str(milestone).endswith(": duration: 이정표의 기간은 0이어야 합니다")
    assert HANGUL.search(milestone.text("ko"))
    cycle = _refusal(csv_io.parse_csv_bytes, "WBS,과업명,선행과업\n1,A,2\n2,B,1\n".encode(),
                     "c.csv")
    assert str(cycle) == "c.csv, <PredecessorLink>: 연결이 순환합니다: 1 (A) → 2 (B) → 1 (A)"
    lag = _refusal(csv_io.parse_csv_bytes, "WBS,과업명,선행과업\n1,A,\n2,B,1FS+20000\n".encode(),
                   "l.csv")
    assert str(lag).endswith("lag: 20000 작업일은 허용 범위를 벗어납니다"), str(lag)


def test_xlsx_refusals_are_korean(korean, tmp_path) -> None:
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(b"not a zip at all")
    assert str(_refusal(xlsx.parse_xlsx, fake)).startswith("fake.xlsx: Excel .xlsx 파일이 아닙니다")
    book = tmp_path / "book.xlsx"
    wb = Workbook()
    wb.active.title = "과업"
    wb.save(book)
    assert str(_refusal(xlsx.parse_xlsx, book, "없음")) == "book.xlsx: '없음' 시트가 없습니다"
    assert str(_refusal(xlsx.parse_xlsx, book)) == "book.xlsx: '과업' 시트가 비어 있습니다"


def test_backup_refusals_are_korean(korean) -> None:
    assert str(_refusal(backup_json.parse_backup_bytes, b'{"format": "x"}', "b.json")) == (
        'b.json: smartcity-desktop 백업이 아닙니다 ("format"이 "smartcity-desktop-backup"이어야 '
        "합니다)")
    broken = _refusal(backup_json.parse_backup_bytes, b'{\n  "format": }', "c.json")
    assert str(broken).startswith("c.json, 2행: 올바른 JSON이 아닙니다 (")
    newer = {"format": backup_json.FORMAT, "version": 1, "schema_version": 10_000, "tables": {}}
    assert "더 새로운 버전에서 만든 백업입니다 (스키마 10000" in str(
        _refusal(backup_json.check_backup, newer, "d.json"))


def test_format_refusals_are_korean(korean) -> None:
    assert str(_refusal(formats.format_of, "plan.doc")).startswith(
        "확장자로 'plan.doc'의 형식을 알 수 없습니다")
    unknown = _refusal(formats.format_of, "plan.xml", "pdf")
    listed = "mspdi, xlsx, csv, ics, json, mpp, gan"
    assert str(unknown) == f"알 수 없는 형식 'pdf'입니다. 다음 중 하나를 쓰십시오: {listed}"
    assert unknown.text("en") == f"unknown format 'pdf'; use one of {listed}"


_CHECKED = ("mspdi_import", "mspdi_task", "mspdi_fields", "mspdi_calendar", "gan", "ics",
            "ics_recur", "xmlparse", "common", "mpp", "mspdi", "csv_io", "xlsx", "backup_json",
            "formats", "tabular", "apply")
_ID = r'"([a-z_]+\.[a-z0-9_.]+)"'


def test_every_message_id_the_importers_use_is_in_the_catalogue() -> None:
    used = set()
    pattern = re.compile(r"(?:(?:InteropError|MissingComponentError|Note|msg)\(|\.err\([^,()]+,)"
                         r"\s*" + _ID)
    for name in _CHECKED:
        used |= set(pattern.findall((INTEROP / f"{name}.py").read_text(encoding="utf-8")))
    assert len(used) > 100
    assert sorted(used - set(CATALOGUE)) == []


def test_no_refusal_is_plain_english_text() -> None:
    """A refusal or row error built from a literal must name an id (not English text)."""
    plain = re.compile(r'(?:InteropError\(|\.err\([^,()]+,)\s*(f?"[^"]*")')
    found = []
    for name in _CHECKED:
        text = (INTEROP / f"{name}.py").read_text(encoding="utf-8")
        found += [f"{name}: {lit}" for lit in plain.findall(text)
                  if not re.fullmatch(_ID, lit)]
    model = Path(m.__file__).read_text(encoding="utf-8")
    found += [f"model: {lit}" for lit in re.findall(r'ValidationError\(\s*(f?"[^"]*")', model)
              if not re.fullmatch(_ID, lit)]
    assert found == []
