"""Tasks as table rows: the columns shared by the Excel and CSV formats.

Export writes :data:`TASK_COLUMNS` (Korean headers); import maps a sheet's
header row onto task fields (:func:`detect_mapping`, Korean or English or MS
Project-style headers; the window lets the user change the mapping) and turns
each row into a :class:`ParsedTask`. Errors name the sheet, row and column.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from ..domain import model as m
from ..domain import task_fields as tf
from ..domain.dates import DateParseError, PlanDate, parse_plan_date
from ..domain.schedule_table import schedule_rows
from ..domain.workdays import days_for_minutes, exact_minutes
from ..messages import Message, Refusal, register
from ..store import Store
from ..store.planning import load_schedule
from ..store.staging import NONE
from .common import check_plan, outline_order, tasks_for_ministry
from .errors import InteropError
from .escaping import unguard_cell
from .preview import (
    MAX_TASKS,
    ImportPreview,
    OrgRef,
    ParsedLink,
    ParsedPlan,
    ParsedTask,
)
from .staged import StagedLinks, StagedTasks, staged

register({
    "tabular.hours_too_long": ("{hours}시간은 너무 깁니다", "{hours} hours is too long"),
    "tabular.dup_wbs": ("WBS {wbs}이(가) 두 행에 쓰였습니다 (처음: {first}행)",
                        "WBS {wbs} is used by two rows (first at line {first})"),
    "tabular.no_name_column": ("과업명을 담은 열이 없습니다 (과업명 / Name); 열을 지정하십시오",
                               "no column holds the task name (과업명 / Name); map one"),
    "tabular.no_rows": ("시트에 과업 행이 없습니다", "the sheet holds no task rows"),
    "tabular.no_such_day": ("{value}은(는) 달력에 없는 날짜입니다",
                            "{value} is not a day in the calendar"),
    "tabular.not_exact_day": ("'{value}'은(는) 정확한 날짜가 아닙니다",
                              "'{value}' is not an exact day"),
    "tabular.not_number": ("'{value}'은(는) 숫자가 아닙니다", "'{value}' is not a number"),
    "tabular.out_of_range": ("{value}은(는) {lo}-{hi} 범위 밖입니다",
                             "{value} is outside {lo}-{hi}"),
    "tabular.no_task_name": ("과업명이 없습니다", "the task has no name"),
    "tabular.bad_kind": ("'{value}'은(는) 요약/과업/마일스톤이 아닙니다",
                         "'{value}' is not 요약/과업/마일스톤 (summary/task/milestone)"),
    "tabular.bad_constraint": ("'{value}'은(는) 제약이 아닙니다 (SNET/FNLT/MFO와 날짜, "
                               "예: SNET 2019-01-02)",
                               "'{value}' is not a constraint (SNET/FNLT/MFO and a day, "
                               "e.g. SNET 2019-01-02)"),
    "tabular.bad_predecessor": ("'{value}'은(는) 선행과업 표기가 아닙니다 (예: 1.2FS+3)",
                                "'{value}' is not a predecessor (e.g. 1.2FS+3)"),
    "tabular.unknown_predecessor": ("선행과업 {wbs}은(는) 시트의 WBS 코드가 아닙니다",
                                    "predecessor {wbs} is not a WBS code in the sheet"),
})

# field, Korean header, English header
TASK_COLUMNS: list[tuple[str, str, str]] = [
    ("wbs", "WBS", "WBS"),
    ("name_ko", "과업명", "Name"),
    ("name_en", "영문명", "English name"),
    ("kind", "구분", "Kind"),
    ("owner", "담당기관", "Owner"),
    ("supporting", "지원기관", "Supporting"),
    ("city", "도시", "City"),
    ("start", "시작일", "Start"),
    ("finish", "종료일", "Finish"),
    ("start_code", "시작(계획표기)", "Start (as planned)"),
    ("finish_code", "종료(계획표기)", "Finish (as planned)"),
    ("duration", "기간(일)", "Duration (days)"),
    ("percent", "진척률(%)", "% Complete"),
    ("predecessors", "선행과업", "Predecessors"),
    ("actual_start", "실제 시작", "Actual start"),
    ("actual_finish", "실제 종료", "Actual finish"),
    ("constraint", "제약", "Constraint"),
    ("needs_signoff", "결재 필요", "Needs sign-off"),
    ("percent_from_checklist", "점검항목 진척 연동", "Percent from checklist"),
    ("notes", "비고", "Notes"),
    ("source", "출처", "Source"),
    ("total_float", "총 여유(일)", "Total float (days)"),
    ("critical", "주공정", "Critical"),
    ("assumed", "계획 가정", "Planning assumption"),
    *((f.attr, f.ko, f.en) for f in tf.sheet_fields()),  # declared once, in task_fields
]
NO_PLAN_DATE = "-"
"""In a "(계획표기)" column: the task has no plan date (the day column is the schedule's)."""
_SHEET_FIELDS = tf.sheet_fields()  # declared once (domain/task_fields), not per row
_YES = {"예", "y", "yes", "true", "1", "o", "v", "✓"}
_CONSTRAINT = re.compile(r"^(SNET|FNLT|MFO)[\s:]+(\d{4}-\d{2}-\d{2})$", re.I)
FIELDS = [c[0] for c in TASK_COLUMNS]
FIELD_LABELS = {f: f"{ko} / {en}" for f, ko, en in TASK_COLUMNS}
_ALIASES = {
    "name_ko": ["task name", "task", "name", "과업", "작업명", "작업 이름", "이름"],
    "wbs": ["wbs code", "outline number", "번호"],
    "kind": ["type", "유형"],
    "owner": ["resource names", "resources", "담당", "주관기관", "책임기관", "owner org"],
    "start": ["start date", "시작", "시작 날짜"],
    "finish": ["finish date", "end", "end date", "종료", "완료", "완료 날짜", "마감"],
    "duration": ["duration", "기간", "기간(일)"],
    "percent": ["% complete", "percent complete", "진척률", "진행률", "완료율"],
    "predecessors": ["predecessors", "선행 작업", "선행작업", "선행"],
    "notes": ["notes", "메모", "설명"],
}
KIND_TEXT = {m.TaskKind.SUMMARY: "요약", m.TaskKind.TASK: "과업", m.TaskKind.MILESTONE: "마일스톤"}
_KINDS = {"요약": m.TaskKind.SUMMARY, "summary": m.TaskKind.SUMMARY,
          "과업": m.TaskKind.TASK, "작업": m.TaskKind.TASK, "task": m.TaskKind.TASK,
          "마일스톤": m.TaskKind.MILESTONE, "이정표": m.TaskKind.MILESTONE,
          "milestone": m.TaskKind.MILESTONE}
_PRED = re.compile(r"^(.+?)\s*(FS|SS|FF|SF)?\s*(?:([+-])\s*(\d+)\s*(?:일|d|days?|ed)?)?$", re.I)
_NUMBER = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*(?:일|d|days?|%)?\s*$", re.I)
_HOURS = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(?:h|hrs?|hours?|시간)\s*$", re.I)


# PlanDate is frozen: the many rows that share a date text share one parsed date.
_plan_date = lru_cache(maxsize=4096)(parse_plan_date)


def _said(exc: Exception) -> str | Message:
    """A parse error's message: its id and values when it has them (translated later)."""
    return exc.message if isinstance(exc, Refusal) else str(exc)


def _norm(h: Any) -> str:
    return re.sub(r"\s+", " ", str(h or "")).strip().casefold()


def detect_mapping(headers: Sequence[Any]) -> dict[str, int]:
    """field -> column index for the headers this importer recognises."""
    found: dict[str, int] = {}
    names = [_norm(h) for h in headers]
    for field, ko, en in TASK_COLUMNS:
        for cand in [ko, en, *_ALIASES.get(field, [])]:
            c = _norm(cand)
            if c in names and names.index(c) not in found.values():
                found[field] = names.index(c)
                break
    return found


def task_rows(store: Store, org_id: int | None = None) -> list[dict[str, Any]]:
    """One dict per task (outline order) with every :data:`TASK_COLUMNS` field.

    Start and finish are the computed schedule's days (as of the project's status
    date), the "(계획표기)" columns the plan dates as written ("2019년 1월 말").
    """
    project = store.project()
    mpd = project.minutes_per_day
    all_tasks, schedule, _ = load_schedule(store, project.id)
    tasks = [t for t, _ in outline_order(tasks_for_ministry(all_tasks, org_id))]
    sched = {r.task.id: r for r in schedule_rows(tasks, schedule,
                                                  project.status_date or project.start)}
    by_id = {t.id: t for t in all_tasks}
    orgs = {o.id: o.name_ko for o in store.organisations()}
    cities = {c.id: c.name_ko for c in store.all(m.City)}
    preds: dict[int, list[str]] = {}
    exported = {t.id for t in tasks}
    for d in store.dependencies():
        if d.predecessor_id in exported and d.successor_id in exported:
            lag = f"{d.lag_days:+d}" if d.lag_days else ""
            preds.setdefault(d.successor_id, []).append(
                f"{by_id[d.predecessor_id].wbs}{d.type.value}{lag}")
    rows = []
    for t in tasks:
        rows.append({
            "wbs": t.wbs, "name_ko": t.name_ko, "name_en": t.name_en, "kind": KIND_TEXT[t.kind],
            "owner": orgs.get(t.owner_org_id, ""),
            "supporting": ", ".join(orgs[o] for o in t.supporting_org_ids if o in orgs),
            "city": cities.get(t.city_id, ""),
            "start": sched[t.id].start, "finish": sched[t.id].finish,
            "start_code": t.start.label("ko") if t.start else NO_PLAN_DATE,
            "finish_code": t.finish.label("ko") if t.finish else NO_PLAN_DATE,
            # a summary's duration is its children's span in working days (the app rolls it
            # up; an import ignores it); other tasks keep their own working-day duration
            "duration": sched[t.id].duration_days if t.is_summary else _duration(t, mpd),
            "percent": t.percent_complete,
            "predecessors": "; ".join(preds.get(t.id, [])),
            "actual_start": t.actual_start, "actual_finish": t.actual_finish,
            "constraint": (f"{t.constraint_type.value} {t.constraint_date.isoformat()}"
                           if t.constraint_type is not m.ConstraintType.NONE
                           and t.constraint_date else ""),
            "needs_signoff": "예" if t.needs_signoff else "",
            "percent_from_checklist": "예" if t.percent_from_checklist else "",
            "notes": t.notes, "source": t.source,
            "total_float": sched[t.id].total_float_days,
            "critical": "예" if sched[t.id].critical else "",
            "assumed": "예" if t.date_assumed else "",
            **{f.attr: f.cell(getattr(t, f.attr)) for f in tf.sheet_fields()},
        })
    return rows


class _Row:
    """One sheet row's cells by field; only the mapped ones are looked at (once each)."""

    def __init__(self, values: Sequence[Any], mapping: dict[str, int], headers: Sequence[Any],
                 where: str, row: int) -> None:
        self.mapping, self.headers = mapping, headers
        self.where, self.row = where, row
        n = len(values)
        self.cells = {field: _cell(values[i]) for field, i in mapping.items() if i < n}

    def raw(self, field: str) -> Any:
        return self.cells.get(field)

    def err(self, field: str, message: str | Message, **values: Any) -> InteropError:
        i = self.mapping.get(field)
        col = str(self.headers[i]) if i is not None and i < len(self.headers) else field
        return InteropError(message, element=col, line=self.row, source=self.where, **values)

    def text(self, field: str, limit: int = 1000) -> str:
        v = self.cells.get(field)  # raw(), inlined: a row asks for a dozen texts
        if v is None:
            return ""
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        return str(v)[:limit]

    def day(self, field: str) -> date | None:
        v = self.raw(field)
        if v is None:
            return None
        if isinstance(v, datetime):
            return v.date()
        if isinstance(v, date):
            return v
        try:
            pd = _plan_date(str(v))
        except DateParseError as exc:
            raise self.err(field, _said(exc)) from None
        if not pd.is_exact:
            raise self.err(field, "tabular.not_exact_day", value=v)
        return pd.earliest()

    def plan_date(self, field: str, code_field: str, latest: bool) -> PlanDate | None:
        code = self.raw(code_field)
        if code == NO_PLAN_DATE:
            return None  # our own sheet: no plan date; the day column holds the schedule
        if code is not None:
            try:
                return _plan_date(str(code))
            except DateParseError as exc:
                raise self.err(code_field, _said(exc)) from None
        v = self.raw(field)
        if v is None:
            return None
        if isinstance(v, datetime | date):
            return PlanDate.exact(v.date() if isinstance(v, datetime) else v)
        try:
            return _plan_date(str(v))
        except DateParseError as exc:
            raise self.err(field, _said(exc)) from None

    def number(self, field: str, default: float, lo: float, hi: float) -> float:
        v = self.raw(field)
        if v is None:
            return default
        if isinstance(v, bool):
            raise self.err(field, "tabular.not_number", value=v)
        if isinstance(v, int | float):
            x = float(v)
        else:
            match = _NUMBER.match(str(v))
            if not match:
                raise self.err(field, "tabular.not_number", value=str(v)[:40])
            x = float(match.group(1))
        if not lo <= x <= hi:
            raise self.err(field, "tabular.out_of_range", value=f"{x:g}", lo=f"{lo:g}",
                           hi=f"{hi:g}")
        return x


def _cell(v: Any) -> Any:
    """A cell's value; text stripped and unguarded (every text cell we export may carry the
    guard), empty text as None."""
    if isinstance(v, str):
        return unguard_cell(v.strip()) or None
    return v


def parse_rows(headers: Sequence[Any], rows: Iterable[tuple[int, Sequence[Any]]], fmt: str,
               source: str, where: str, mapping: dict[str, int] | None = None,
               info: list[str] | None = None) -> ImportPreview:
    """Turn (row number, values) pairs into a checked preview.

    ``rows`` is read once: each row becomes its task, is staged (interop.staged)
    and its cells are let go. Repeated WBS codes, unknown predecessors, parents
    and the outline order are then settled by queries of the stage.
    """
    mapping = dict(detect_mapping(headers) if mapping is None else mapping)
    if "name_ko" not in mapping:
        raise InteropError("tabular.no_name_column", source=where)
    tasks = StagedTasks()
    links = StagedLinks(tasks.stage)
    plan = ParsedPlan(name_ko=source.rsplit(".", 1)[0], tasks=tasks, links=links)
    origin = f"가져옴: {source}"  # one string shared by every task
    for r, wbs in _task_rows(rows, mapping, headers, where):
        pt = _task(r, wbs, fmt, origin, mapping)
        pt.parent_key = wbs.rsplit(".", 1)[0] if "." in wbs else None  # if the sheet has it
        tasks.append(pt)
        if predecessors := r.text("predecessors", 10_000):
            for token in re.split(r"[;,]", predecessors):
                if token.strip():
                    links.append(_link(r, token.strip(), wbs))
    if not tasks:
        raise InteropError("tabular.no_rows", source=where)
    stage = staged(plan)
    if (repeat := stage.first_repeat("key")) is not None:
        later, first = tasks[repeat[0]], tasks[repeat[1]]
        raise InteropError("tabular.dup_wbs", wbs=later.key[:60], first=first.line,
                           element="WBS", line=later.line, source=where)
    if (unknown := stage.first_unknown_end()) is not None:
        i = mapping.get("predecessors")
        raise InteropError("tabular.unknown_predecessor", wbs=unknown[1][:40],
                           element=str(headers[i]) if i is not None and i < len(headers)
                           else "predecessors", line=links[unknown[0]].line, source=where)
    stage.clear_missing_parents()
    if "kind" not in mapping:
        stage.make_parents_summaries()
    order = outline_positions(stage.parent_positions())
    if order is not None:
        stage.set_order(order)
    check_plan(plan, where)
    return ImportPreview(fmt, source, plan, [], columns=[str(h or "") for h in headers],
                         mapping=mapping, info=info or [])


def outline_positions(parent: array) -> array | None:
    """The rows' positions in outline order (parents first, siblings in sheet order),
    given each row's parent position (-1: top level); None when the sheet is in it."""
    n = len(parent)
    path: list[int] = []  # the previous row and its ancestors
    for i in range(n):
        while path and path[-1] != parent[i]:
            path.pop()
        if not path and parent[i] != NONE:
            break  # its parent is not an ancestor of the row above: the sheet is out of order
        path.append(i)
    else:
        return None
    first_child = array("i", [NONE]) * (n + 1)  # [n]: the first top-level row
    last_child = array("i", [NONE]) * (n + 1)
    next_sibling = array("i", [NONE]) * n
    for i in range(n):
        p = parent[i] if parent[i] != NONE else n
        if last_child[p] == NONE:
            first_child[p] = i
        else:
            next_sibling[last_child[p]] = i
        last_child[p] = i
    order = array("i")
    stack = [first_child[n]] if first_child[n] != NONE else []
    while stack:  # preorder: a row, then its children, then its next sibling
        i = stack.pop()
        order.append(i)
        if next_sibling[i] != NONE:
            stack.append(next_sibling[i])
        if first_child[i] != NONE:
            stack.append(first_child[i])
    return order


def _duration(t: m.Task, mpd: int) -> int | str:
    """Working days; a part day kept from an import as its hours ("1h", "12h"), exactly."""
    exact = exact_minutes(t, mpd)
    return t.duration_days if exact is None else f"{exact / 60:g}h"


def _read_duration(r: _Row) -> tuple[int, int | None]:
    """(working days, exact minutes of a part day) from "3", "3일", "1h", "1.5시간", "0.5"."""
    raw = r.raw("duration")
    hours = _HOURS.match(str(raw)) if isinstance(raw, str) else None
    if hours is None:
        days = r.number("duration", -1, 0, 100_000)
        if days == int(days):
            return int(days), None
        minutes = round(days * m.DEFAULT_MINUTES_PER_DAY)
    else:
        minutes = round(float(hours.group(1)) * 60)
        if minutes > 100_000 * m.DEFAULT_MINUTES_PER_DAY:
            raise r.err("duration", "tabular.hours_too_long", hours=hours.group(1))
    if minutes % m.DEFAULT_MINUTES_PER_DAY == 0:
        return minutes // m.DEFAULT_MINUTES_PER_DAY, None
    return days_for_minutes(minutes, m.DEFAULT_MINUTES_PER_DAY), minutes


def _task_rows(rows: Iterable[tuple[int, Sequence[Any]]], mapping: dict[str, int],
               headers: Sequence[Any], where: str) -> Iterator[tuple[_Row, str]]:
    """The non-empty rows with their WBS code (a blank one numbered by position)."""
    count = 0
    for number, values in rows:
        if not any(v not in (None, "") for v in values):
            continue
        if count >= MAX_TASKS:
            raise InteropError("interop.more_rows", limit=MAX_TASKS, source=where)
        r = _Row(values, mapping, headers, where, number)
        count += 1
        yield r, r.text("wbs", 100) or str(count)


def _task(r: _Row, wbs: str, fmt: str, origin: str, mapping: dict[str, int]) -> ParsedTask:
    # Control characters and line breaks would break exports and one-line views.
    name = m.clean_name(r.text("name_ko", m.MAX_NAME_CHARS))
    if not name:
        raise r.err("name_ko", "tabular.no_task_name")
    duration, minutes = _read_duration(r)
    kind_text = r.text("kind").casefold()
    if kind_text:
        if kind_text not in _KINDS:
            raise r.err("kind", "tabular.bad_kind", value=kind_text[:40])
        kind = _KINDS[kind_text]
    else:
        kind = m.TaskKind.MILESTONE if duration == 0 else m.TaskKind.TASK
    start = r.plan_date("start", "start_code", False)
    finish = r.plan_date("finish", "finish_code", True)
    if duration < 0 or kind is m.TaskKind.SUMMARY:  # a summary's span comes from its children
        duration = 0 if kind is not m.TaskKind.TASK else 1
    if kind is not m.TaskKind.TASK:
        minutes = None
    owner = r.text("owner")
    ctype, cdate = m.ConstraintType.NONE, None
    if constraint := r.text("constraint"):
        found = _CONSTRAINT.match(constraint)
        if not found:
            raise r.err("constraint", "tabular.bad_constraint", value=constraint[:40])
        try:
            cdate = date.fromisoformat(found.group(2))
        except ValueError:
            raise r.err("constraint", "tabular.no_such_day", value=found.group(2)) from None
        ctype = m.ConstraintType(found.group(1).upper())
    task = m.Task(
        project_id=0, wbs=m.clean_name(wbs), name_ko=name,
        name_en=m.clean_name(r.text("name_en", m.MAX_NAME_CHARS)), kind=kind,
        start=start, finish=finish, duration_days=duration, duration_minutes=minutes,
        percent_complete=r.number("percent", 0, 0, 100),
        actual_start=r.day("actual_start"), actual_finish=r.day("actual_finish"),
        constraint_type=ctype, constraint_date=cdate,
        needs_signoff=r.text("needs_signoff").casefold() in _YES,
        percent_from_checklist=r.text("percent_from_checklist").casefold() in _YES,
        notes=m.clean_note(r.text("notes", 100_000)),
        date_assumed=r.text("assumed").casefold() in _YES,
        source=r.text("source", 500) if "source" in mapping else origin,
        **_declared(r),
    )
    try:
        m.validate_task(task)
    except m.ValidationError as exc:
        raise InteropError(exc.message, line=r.row, source=r.where) from None
    supporting = [OrgRef("", s.strip()) for s in r.text("supporting", 2000).split(",")
                  if s.strip()]
    return ParsedTask(key=wbs, task=task, owner=OrgRef("", owner) if owner else None,
                      supporting=supporting, city_code=r.text("city", 100), line=r.row)


def _declared(r: _Row) -> dict[str, Any]:
    """The declared fields (domain/task_fields) present in the sheet, parsed."""
    values = {}
    for f in _SHEET_FIELDS:
        raw = r.raw(f.attr)
        if raw is None:
            continue
        try:
            values[f.attr] = f.parse(raw)
        except m.ValidationError as exc:
            raise r.err(f.attr, exc.message) from None  # translated at the edge
    return values


def _link(r: _Row, token: str, succ: str) -> ParsedLink:
    """One predecessor token ("1.2FS+3"); whether the sheet has that row is checked later."""
    match = _PRED.match(token)
    if not match:
        raise r.err("predecessors", "tabular.bad_predecessor", value=token[:40])
    pred, kind, sign, lag = match.groups()
    pred = pred.strip()
    days = int(lag or 0) * (-1 if sign == "-" else 1)
    return ParsedLink(pred, succ, m.DependencyType((kind or "FS").upper()), days, r.row)
