"""iCalendar (.ics) export of milestones and checklist due dates, and its import.

Each milestone and each dated checklist item becomes an all-day ``VEVENT``:
``DTSTART;VALUE=DATE`` is the day, ``DTEND`` the next day, ``DTSTAMP`` the
export time, and the ``UID`` is stable per item (``task-<id>-<project tag>@…``)
so a calendar that re-imports the file updates its events instead of adding
copies. A milestone falls on its computed day (the one the window shows); the
summary adds the plan date as written when it is not that day ("2019년 1월 말"),
and the description says when the day is a forecast or a planning assumption.
Lines are folded at 75 octets and text is escaped per RFC 5545.

Import reads VEVENTs back: our own UIDs update the milestone or checklist item
they came from; other events become milestones (matched by UID on re-import).
Parameter values may be quoted (``TZID="(UTC-03:00) Brasília"``: a colon inside
quotes is not the value separator). A repeating event (``RRULE``/``RDATE``, less
``EXDATE``) is expanded into one milestone per occurrence (UID ``<uid>/<day>``),
a moved occurrence (``RECURRENCE-ID``) replacing the one it moves; a rule with
no end is expanded for a few years and the preview says so (``ics_recur``).
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from ..domain import model as m
from ..domain.schedule_table import ScheduleRow, schedule_rows
from ..messages import register
from ..store import Store
from ..store.planning import load_schedule
from .common import read_bytes, tasks_for_ministry
from .errors import InteropError, Note, refusal_message
from .escaping import plain_text
from .ics_recur import expand_events
from .preview import MAX_TASKS, ImportPreview, ParsedEvent, ParsedPlan

register({
    "ics.impossible_time": ("불가능한 시각 {text}", "impossible time {text}"),
    "ics.not_a_date": ("'{text}'은(는) 날짜가 아닙니다 (YYYYMMDD)",
                       "'{text}' is not a date (YYYYMMDD)"),
    "ics.not_utf8": ("iCalendar 파일은 UTF-8이어야 합니다 ({byte}번째 바이트가 아님)",
                     "an iCalendar file must be UTF-8 (byte {byte} is not)"),
    "ics.line_too_long": ("줄이 너무 깁니다", "a line is too long"),
    "ics.not_ics": ("iCalendar 파일이 아닙니다 (BEGIN:VCALENDAR로 시작해야 합니다)",
                    "not an iCalendar file (it must start with BEGIN:VCALENDAR)"),
    "ics.not_name_value": ("'{text}'은(는) 이름:값 형식이 아닙니다", "'{text}' is not NAME:VALUE"),
    "ics.too_deep": ("구성 요소가 너무 깊게 중첩되어 있습니다", "components are nested too deeply"),
    "ics.nested_event": ("VEVENT 안에 VEVENT가 있습니다", "a VEVENT inside a VEVENT"),
    "ics.bad_end": ("END:{end}이(가) {open}을(를) 닫지 않습니다",
                    "END:{end} does not close {open}"),
    "ics.too_many_events": ("일정이 {limit}개를 넘습니다", "more than {limit} events"),
    "ics.never_closed": ("BEGIN:{name}이(가) 닫히지 않았습니다", "BEGIN:{name} is never closed"),
    "ics.too_many_expanded": ("반복을 펼치면 일정이 {limit}개를 넘습니다",
                              "more than {limit} events once repeats are expanded"),
    "ics.uid_twice": ("UID {uid}을(를) 두 일정이 씁니다 (처음은 {first}행)",
                      "UID {uid} is used by two events (first at line {first})"),
    "ics.no_dtstart": ("DTSTART가 없는 일정이 있습니다", "an event has no DTSTART"),
    "ics.year_range": ("{year}년은 허용 범위를 벗어납니다", "year {year} is out of range"),
    "ics.no_uid": ("{line}행: UID가 없는 일정에 {uid}을(를) 부여했습니다",
                   "line {line}: an event without UID was given {uid}"),
})

DOMAIN = "smartcity-desktop"
_MULTI = {"EXDATE", "RDATE"}  # properties that may repeat within one event
_OUR_UID = re.compile(rf"^(task|checklist)-(\d+)-([0-9a-f]{{8}})@{DOMAIN}$")
MAX_LINE = 100_000


def project_tag(project: m.Project) -> str:
    return hashlib.sha256(f"{project.name_ko}|{project.start}".encode()).hexdigest()[:8]


def escape(text: str) -> str:
    text = plain_text(text)  # RFC 5545: no control characters in content lines
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


_ESCAPED = re.compile(r"\\(.)", re.DOTALL)


def unescape(text: str) -> str:
    if "\\" not in text:  # the common case: nothing to undo (imports run this per field)
        return text
    return _ESCAPED.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)


def fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts, start, limit = [], 0, 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start, limit = end, 74  # continuation lines begin with a space
    return "\r\n ".join(parts)


def build_ics(store: Store, org_id: int | None = None, lang: str = "ko") -> str:
    project = store.project()
    tag = project_tag(project)
    orgs = {o.id: o for o in store.organisations()}
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:-//{DOMAIN}//interop//KO",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             f"X-WR-CALNAME:{escape(project.name_ko if lang == 'ko' else project.name_en)}"]

    def event(uid: str, day: date, summary: str, description: str, org: int | None) -> None:
        lines.extend(["BEGIN:VEVENT", f"UID:{uid}", f"DTSTAMP:{stamp}",
                      f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
                      f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}",
                      f"SUMMARY:{escape(summary)}"])
        if description:
            lines.append(f"DESCRIPTION:{escape(description)}")
        if org in orgs:
            lines.append(f"CATEGORIES:{escape(orgs[org].code)}")
        lines.extend(["TRANSP:TRANSPARENT", "END:VEVENT"])

    tasks, schedule, _ = load_schedule(store, project.id)
    as_of = project.status_date or project.start
    for row in schedule_rows(tasks_for_ministry(tasks, org_id), schedule, as_of):
        t = row.task
        if not t.is_milestone:
            continue
        if org_id is not None and t.owner_org_id != org_id and org_id not in t.supporting_org_ids:
            continue
        owner = orgs[t.owner_org_id].name(lang) if t.owner_org_id in orgs else ""
        event(f"task-{t.id}-{tag}@{DOMAIN}", row.finish, _summary(row, lang),
              _description(row, owner, lang), t.owner_org_id)
    by_id = {t.id: t for t in tasks}
    for c in store.checklist():
        t = by_id.get(c.task_id)
        if c.due is None or t is None:
            continue
        org = c.org_id or t.owner_org_id
        if org_id is not None and org != org_id:
            continue
        done = ("[완료] " if lang == "ko" else "[done] ") if c.done else ""
        event(f"checklist-{c.id}-{tag}@{DOMAIN}", c.due, f"{done}{c.text}",
              f"{t.wbs} {t.name(lang)}", org)
    lines.append("END:VCALENDAR")
    return "\r\n".join(fold(line) for line in lines) + "\r\n"


def _summary(row: ScheduleRow, lang: str) -> str:
    """The name, the plan date as written when it is not that day, an assumption mark."""
    t = row.task
    when = t.finish or t.start
    text = t.name(lang)
    if when is not None and not (when.is_exact and when.earliest() == row.finish):
        text += f" ({when.label(lang)})"
    return text + (" *" if t.is_assumption else "")


def _description(row: ScheduleRow, owner: str, lang: str) -> str:
    ko = lang == "ko"
    parts = [f"WBS {row.task.wbs}"] + ([owner] if owner else [])
    if row.forecast:
        parts.append("예정일(일정 계산 예측)" if ko else "forecast date (computed schedule)")
    if row.task.is_assumption:
        parts.append("* 계획 가정: 원문에 없는 일정" if ko
                     else "* planning assumption: the source gives no date")
    return " · ".join(parts)


def export_ics(store: Store, path: Path | str, org_id: int | None = None,
               lang: str = "ko") -> int:
    text = build_ics(store, org_id, lang)
    try:
        Path(path).write_bytes(text.encode("utf-8"))
    except OSError as exc:
        raise InteropError("interop.cannot_write", source=str(path),
                           detail=exc.strerror or str(exc)) from None
    return text.count("BEGIN:VEVENT")


def match_uid(store: Store, uid: str) -> tuple[str | None, int | None]:
    """("task"|"checklist", row id) when ``uid`` is one of ours for this project and exists."""
    found = _OUR_UID.match(uid)
    if not found:
        return None, None
    kind, row_id, tag = found.group(1), int(found.group(2)), found.group(3)
    try:
        project = store.project()
    except Exception:  # noqa: BLE001 - an empty database has no project
        return None, None
    if tag != project_tag(project):
        return None, None
    table = "tasks" if kind == "task" else "checklist_items"
    return (kind, row_id) if store.row_exists(table, row_id) else (None, None)


def _parse_day(value: str, params: str) -> date:
    v = value.strip()
    if re.fullmatch(r"\d{8}", v):
        return date(int(v[:4]), int(v[4:6]), int(v[6:8]))
    found = re.fullmatch(r"(\d{8})T(\d{2})(\d{2})(\d{2})Z?", v)
    if found:
        day = date(int(v[:4]), int(v[4:6]), int(v[6:8]))
        hh, mm, ss = (int(x) for x in found.groups()[1:])
        if hh > 23 or mm > 59 or ss > 60:
            raise InteropError("ics.impossible_time", text=v[:30])
        return day
    raise InteropError("ics.not_a_date", text=v[:30])


def parse_ics(path: Path | str) -> ImportPreview:
    path = Path(path)
    return parse_ics_bytes(read_bytes(path), path.name)


def parse_ics_bytes(data: bytes, source: str = "calendar.ics") -> ImportPreview:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InteropError("ics.not_utf8", source=source, byte=exc.start) from None
    raw = re.split(r"\r\n|\n|\r", text)
    lines: list[tuple[int, str]] = []
    for number, line in enumerate(raw, start=1):
        if line[:1] in (" ", "\t") and lines:
            lines[-1] = (lines[-1][0], lines[-1][1] + line[1:])
        elif line:
            lines.append((number, line))
        if lines and len(lines[-1][1]) > MAX_LINE:
            raise InteropError("ics.line_too_long", line=number, source=source)
    if not lines or lines[0][1].strip().upper() != "BEGIN:VCALENDAR":
        raise InteropError("ics.not_ics", line=lines[0][0] if lines else None, source=source)
    plan = ParsedPlan(name_ko=Path(source).stem)
    problems: list[str] = []
    stack: list[str] = []
    current: dict[str, tuple[str, str, int]] | None = None
    start_line = 0
    raw_events: list[tuple[dict[str, tuple[str, str, int]], int]] = []
    for number, line in lines:
        name_part, sep, value = split_content_line(line)
        if not sep:
            raise InteropError("ics.not_name_value", line=number, source=source,
                               text=line[:40])
        name, _, params = name_part.partition(";")
        name = name.strip().upper()
        if name == "BEGIN":
            stack.append(value.strip().upper())
            if len(stack) > 10:
                raise InteropError("ics.too_deep", line=number, source=source)
            if stack[-1] == "VEVENT":
                if current is not None:
                    raise InteropError("ics.nested_event", line=number, source=source)
                current, start_line = {}, number
            continue
        if name == "END":
            if not stack or stack[-1] != value.strip().upper():
                raise InteropError("ics.bad_end", line=number, source=source,
                                   end=value.strip()[:20], open=stack[-1] if stack else "-")
            if stack.pop() == "VEVENT" and current is not None:
                raw_events.append((current, start_line))
                if len(raw_events) > MAX_TASKS:
                    raise InteropError("ics.too_many_events", source=source, limit=MAX_TASKS)
                current = None
            continue
        if current is not None:
            if name in _MULTI and name in current:  # keep every EXDATE/RDATE line
                old = current[name]
                current[name] = (f"{old[0]},{value}", old[1], old[2])
            else:
                current.setdefault(name, (value, params, number))
        elif name == "X-WR-CALNAME" and stack == ["VCALENDAR"]:
            plan.name_ko = unescape(value)[:1000]
    if stack:
        raise InteropError("ics.never_closed", source=source, name=stack[-1][:20])
    plan.events.extend(expand_events(
        raw_events, source, problems,
        make_event=lambda props, line: _event(props, line, source, problems),
        parse_day=_parse_day, uid_of=lambda props: unescape(props.get("UID", ("",))[0]).strip()))
    if len(plan.events) > MAX_TASKS:
        raise InteropError("ics.too_many_expanded", source=source, limit=MAX_TASKS)
    seen: dict[str, int | None] = {}  # one pass, not a count per event
    for e in plan.events:
        if e.uid in seen:
            raise InteropError("ics.uid_twice", line=e.line, source=source, uid=e.uid[:60],
                               first=seen[e.uid])
        seen[e.uid] = e.line
    return ImportPreview("ics", source, plan, problems)


def split_content_line(line: str) -> tuple[str, str, str]:
    """``NAME;PARAMS`` and the value, split at the first colon outside double quotes."""
    quoted = False
    for i, c in enumerate(line):
        if c == '"':
            quoted = not quoted
        elif c == ":" and not quoted:
            return line[:i], ":", line[i + 1:]
    return line, "", ""


def _event(props: dict[str, tuple[str, str, int]], line: int, source: str,
           problems: list[str]) -> ParsedEvent | None:
    if "DTSTART" not in props:
        raise InteropError("ics.no_dtstart", element="VEVENT", line=line, source=source)
    value, params, number = props["DTSTART"]
    try:
        day = _parse_day(value, params)
    except ValueError as exc:
        raise InteropError(refusal_message(exc), element="DTSTART", line=number,
                           source=source) from None
    if not 1900 <= day.year <= 2999:
        raise InteropError("ics.year_range", element="DTSTART", line=number, source=source,
                           year=day.year)
    uid = unescape(props.get("UID", ("", "", 0))[0]).strip()
    summary = unescape(props.get("SUMMARY", ("", "", 0))[0]).strip()
    if not uid:
        uid = f"{day:%Y%m%d}-{hashlib.sha256(summary.encode()).hexdigest()[:12]}@no-uid"
        problems.append(Note("ics.no_uid", line=line, uid=uid))
    if summary.startswith(("[완료] ", "[done] ")):
        summary = summary.split(" ", 1)[1]
    return ParsedEvent(uid=uid[:500], summary=summary[:1000] or "(제목 없음)", day=day,
                       description=unescape(props.get("DESCRIPTION", ("", "", 0))[0])[:10_000],
                       line=line)
