"""Repeating iCalendar events: RRULE / RDATE / EXDATE expanded, RECURRENCE-ID applied.

A calendar event that repeats (a monthly meeting) becomes one milestone per
occurrence, each with the UID ``<uid>/<YYYYMMDD>`` of the occurrence it stands
for, so a re-import updates them one by one. A moved occurrence (a VEVENT with
``RECURRENCE-ID``) replaces the occurrence it moves. The rule itself is read by
``dateutil.rrule`` (RFC 5545 recurrence rules), not by hand. A rule without COUNT
or UNTIL is expanded for a few years and the preview says so; one that yields
more than :data:`MAX_OCCURRENCES` occurrences is refused.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from datetime import date, datetime

from dateutil.rrule import rrulestr

from ..messages import register
from .errors import InteropError, Note, refusal_message
from .preview import ParsedEvent

register({
    "ics.moved_alone": ("{line}행: 반복 일정이 파일에 없는 {uid}의 변경된 회차를 단독으로 "
                        "가져왔습니다",
                        "line {line}: a moved occurrence of {uid} whose repeating event is not "
                        "in the file was imported alone"),
    "ics.repeats": ("{line}행: '{summary}'은(는) 반복 일정이어서 이정표 {count}개로 가져왔습니다 "
                    "(변경된 회차 {moved}개)",
                    "line {line}: '{summary}' repeats: imported as {count} milestones "
                    "({moved} moved)"),
    "ics.repeats_open": ("{line}행: '{summary}'은(는) 반복 일정이어서 이정표 {count}개로 "
                         "가져왔습니다 (변경된 회차 {moved}개). 끝이 없어 {first}부터 "
                         "{years}년치만 가져왔습니다",
                         "line {line}: '{summary}' repeats: imported as {count} milestones "
                         "({moved} moved); it has no end, so only the {years} years from "
                         "{first} were taken"),
    "ics.bad_rrule": ("RRULE '{rule}'은(는) 반복 규칙이 아닙니다 ({detail})",
                      "RRULE '{rule}' is not a repeat rule ({detail})"),
    "ics.too_many_repeats_rule": ("일정이 {limit}회를 넘게 반복됩니다. 규칙(COUNT/UNTIL)을 줄여 "
                                  "다시 가져오십시오",
                                  "the event repeats more than {limit} times; shorten its rule "
                                  "(COUNT/UNTIL) and import again"),
    "ics.too_many_repeats": ("일정이 {limit}회를 넘게 반복됩니다",
                             "the event repeats more than {limit} times"),
    "ics.empty_dates": ("날짜 목록이 비어 있습니다", "a date list is empty"),
})

OPEN_RULE_YEARS = 3
MAX_OCCURRENCES = 1000
Props = dict[str, tuple[str, str, int]]
MakeEvent = Callable[[Props, int], ParsedEvent | None]
ParseDay = Callable[[str, str], date]
_UNTIL = re.compile(r"UNTIL=(\d{8})(T\d{6}Z?)?", re.I)


def expand_events(raw: list[tuple[Props, int]], source: str, problems: list[str],
                  make_event: MakeEvent, parse_day: ParseDay,
                  uid_of: Callable[[Props], str]) -> list[ParsedEvent]:
    """The events of a calendar, repeats expanded (see the module docstring)."""
    masters: dict[str, tuple[Props, int]] = {}
    moved: dict[str, list[tuple[Props, int]]] = {}
    out: list[ParsedEvent] = []
    for props, line in raw:
        uid = uid_of(props)
        if uid and "RECURRENCE-ID" in props:
            moved.setdefault(uid, []).append((props, line))
        elif uid and ("RRULE" in props or "RDATE" in props) and uid not in masters:
            masters[uid] = (props, line)
        else:
            event = make_event(props, line)
            if event is not None:
                out.append(event)
    for uid, (props, line) in masters.items():
        out.extend(_series(uid, props, line, moved.pop(uid, []), source, problems,
                           make_event, parse_day))
    for uid, items in moved.items():  # moved occurrences of a series not in the file
        for props, line in items:
            event = make_event(props, line)
            if event is not None:
                day = _days(props["RECURRENCE-ID"], parse_day, source)[0]
                out.append(dataclasses.replace(event, uid=f"{uid}/{day:%Y%m%d}"))
                problems.append(Note("ics.moved_alone", line=line, uid=uid[:60]))
    return out


def _series(uid: str, props: Props, line: int, moved: list[tuple[Props, int]], source: str,
            problems: list[str], make_event: MakeEvent, parse_day: ParseDay
            ) -> list[ParsedEvent]:
    base = make_event(props, line)
    if base is None:
        return []
    days, open_ended = occurrences(props, base.day, source, parse_day)
    replaced: dict[date, ParsedEvent] = {}
    for m_props, m_line in moved:
        event = make_event(m_props, m_line)
        if event is not None:
            replaced[_days(m_props["RECURRENCE-ID"], parse_day, source)[0]] = event
    out = []
    for d in sorted(set(days) | set(replaced)):
        event = replaced.get(d) or dataclasses.replace(base, day=d)
        out.append(dataclasses.replace(event, uid=f"{uid}/{d:%Y%m%d}"[:500]))
    problems.append(Note("ics.repeats_open" if open_ended else "ics.repeats", line=line,
                         summary=base.summary[:40], count=len(out), moved=len(replaced),
                         years=OPEN_RULE_YEARS, first=base.day.isoformat()))
    return out


def occurrences(props: Props, first: date, source: str, parse_day: ParseDay
                ) -> tuple[list[date], bool]:
    """The days of a repeating event (RRULE and RDATE, less EXDATE) and whether it is open."""
    days: set[date] = {first}
    open_ended = False
    if "RRULE" in props:
        value, _params, number = props["RRULE"]
        rule_text = _UNTIL.sub(lambda mt: f"UNTIL={mt.group(1)}T235959", value.strip())
        try:
            rule = rrulestr(f"RRULE:{rule_text}", dtstart=datetime(first.year, first.month,
                                                                    first.day))
        except (ValueError, TypeError) as exc:
            raise InteropError("ics.bad_rrule", element="RRULE", line=number, source=source,
                               rule=value[:60], detail=str(exc)[:200]) from None
        open_ended = not re.search(r"(COUNT|UNTIL)=", rule_text, re.I)
        end = datetime(first.year + OPEN_RULE_YEARS, first.month, 1) if open_ended else None
        for n, when in enumerate(rule):
            if end is not None and when >= end:
                break
            if n >= MAX_OCCURRENCES:
                raise InteropError("ics.too_many_repeats_rule", element="RRULE",
                                   line=number, source=source, limit=MAX_OCCURRENCES)
            days.add(when.date())
    if "RDATE" in props:
        days.update(_days(props["RDATE"], parse_day, source))
    if "EXDATE" in props:
        days.difference_update(_days(props["EXDATE"], parse_day, source))
    if len(days) > MAX_OCCURRENCES:
        raise InteropError("ics.too_many_repeats", element="RDATE", source=source,
                           limit=MAX_OCCURRENCES)
    return sorted(d for d in days if 1900 <= d.year <= 2999), open_ended


def _days(prop: tuple[str, str, int], parse_day: ParseDay, source: str) -> list[date]:
    value, params, number = prop
    out = []
    for part in value.split(","):
        if not part.strip():
            continue
        try:
            out.append(parse_day(part.split("/")[0], params))  # a PERIOD starts the day
        except ValueError as exc:
            raise InteropError(refusal_message(exc), line=number, source=source) from None
    if not out:
        raise InteropError("ics.empty_dates", line=number, source=source)
    return out


__all__ = ["expand_events", "occurrences", "OPEN_RULE_YEARS", "MAX_OCCURRENCES"]
