"""MS Project XML (MSPDI) import: a file becomes an :class:`ImportPreview`, nothing is written.

Reads what MS Project 2010-2019 and ProjectLibre write: tasks with their outline
hierarchy, WBS, start/finish, duration, milestones, percent complete, notes,
predecessor links of all four types with lag in any unit, the project
calendar's exceptions (both the ``Exceptions`` and the older ``WeekDay
DayType 0`` forms), resources with assignments (first = owner, others =
supporting organisations) and baselines. Our own files' ``(smartcity)`` Text
fields restore imprecise dates and the other fields exactly.

Every refusal is an :class:`InteropError` naming the element and line.
"""

from __future__ import annotations

import math
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

from ..domain import model as m
from ..domain import task_fields as tf
from ..domain.dates import DateParseError, PlanDate, parse_plan_date
from ..domain.schedule_graph import gc_paused
from ..domain.workdays import days_for_minutes
from ..messages import msg
from . import mspdi_messages  # noqa: F401 - registers the reader's messages
from .common import check_plan, read_bytes
from .errors import InteropError, Note
from .mspdi import (
    ALIAS_MARK,
    KOREAN_CALENDAR_NAME,
    LINK_TYPE_OF,
    NO_DATE,
    NS,
    TEXT_FIELDS,
    korean_holidays,
    parse_day_time,
)
from .mspdi_calendar import read_calendar
from .preview import MAX_TASKS, ImportPreview, OrgRef, ParsedLink, ParsedPlan, ParsedTask
from .xmlparse import XmlDoc, parse_xml

_DURATION = re.compile(
    r"^(-)?P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?"
    r"(?:(\d+(?:\.\d+)?)S)?)?$"
)
_WORK_FORMATS = {3, 5, 7, 9, 11, 35, 37, 39, 41, 43, 53}
_ELAPSED_FORMATS = {4, 6, 8, 10, 12, 36, 38, 40, 42, 44}
_PERCENT_FORMATS = {19, 20, 51, 52}
_CONSTRAINTS = {3: m.ConstraintType.MUST_FINISH_ON, 4: m.ConstraintType.START_NO_EARLIER,
                7: m.ConstraintType.FINISH_NO_LATER, 2: m.ConstraintType.START_NO_EARLIER}
MAX_NAME = 1000
MAX_RESOURCES = 1000
MAX_ASSIGNED = 50  # organisations per task (owner + supporting)
MAX_EXCEPTION_DAYS = 3660


def _hours_text(minutes: float) -> str:
    h, mi = divmod(round(minutes), 60)
    return f"{h}h{mi:02d}m" if mi else f"{h}h"


def _round(x: float) -> int:
    return int(math.copysign(math.floor(abs(x) + 0.5), x))


def parse_mspdi(path: Path | str) -> ImportPreview:
    path = Path(path)
    return parse_mspdi_bytes(read_bytes(path), path.name)


def parse_mspdi_bytes(data: bytes, source: str = "project.xml") -> ImportPreview:
    with gc_paused():
        doc = parse_xml(data, source)
        return _Reader(doc, source).read()


class _Reader:
    def __init__(self, doc: XmlDoc, source: str) -> None:
        self.doc = doc
        self.source = source
        self.problems: list[str] = []
        root = doc.root
        if root.tag == f"{{{NS}}}Project":
            self.p = f"{{{NS}}}"
        elif root.tag == "Project":
            self.p = ""
            self.problems.append(Note("mspdi.no_namespace"))
        else:
            tag = root.tag.split("}")[-1]
            raise InteropError("mspdi.not_mspdi", line=doc.line(root), source=source, tag=tag)
        self.mpd = 480
        self._kids: dict[int, dict[str, Element]] = {}  # id(element) -> first child by tag

    # -- small readers ---------------------------------------------------------
    def err(self, message_id: str, el: Element | None, name: str,
            **values: object) -> InteropError:
        return InteropError(message_id, element=name, line=self.doc.line(el),
                            source=self.source, **values)

    def child(self, el: Element, name: str) -> Element | None:
        kids = self._kids.get(id(el))
        if kids is None:
            kids = {}
            for c in el:
                kids.setdefault(c.tag, c)
            self._kids[id(el)] = kids
        return kids.get(self.p + name)

    def children(self, el: Element, path: str) -> list[Element]:
        return el.findall("/".join(self.p + part for part in path.split("/")))

    def text(self, el: Element, name: str) -> str | None:
        c = self.child(el, name)
        s = c.text if c is not None else None
        return (s.strip() or None) if s else None

    def int_(self, el: Element, name: str, default: int | None = None, lo: int = -2**31,
             hi: int = 2**31) -> int | None:
        s = self.text(el, name)
        if s is None:
            return default
        try:
            v = int(s)
        except ValueError:
            raise self.err("mspdi.not_whole", self.child(el, name), name,
                           text=s[:40]) from None
        if not lo <= v <= hi:
            raise self.err("mspdi.out_of_range", self.child(el, name), name, value=v, lo=lo,
                           hi=hi)
        return v

    def bool_(self, el: Element, name: str) -> bool:
        s = self.text(el, name)
        if s is None:
            return False
        if s.lower() in ("1", "true"):
            return True
        if s.lower() in ("0", "false"):
            return False
        raise self.err("mspdi.not_bool", self.child(el, name), name, text=s[:40])

    def datetime_(self, el: Element, name: str) -> tuple[date, str] | None:
        s = self.text(el, name)
        if s is None or s.upper() == "NA":
            return None
        try:
            d, t = parse_day_time(s)
        except (ValueError, IndexError):
            raise self.err("mspdi.not_datetime", self.child(el, name), name,
                           text=s[:40]) from None
        if not 1900 <= d.year <= 2999:
            raise self.err("mspdi.year_range", self.child(el, name), name, year=d.year)
        return d, t

    def days(self, el: Element, name: str) -> int | None:
        found = self.duration(el, name)
        return None if found is None else found[0]

    def duration(self, el: Element, name: str) -> tuple[int, int | None] | None:
        """(working days it is scheduled on, exact minutes when not whole days) or None."""
        s = self.text(el, name)
        if s is None:
            return None
        match = _DURATION.match(s)
        if not match:
            raise self.err("mspdi.not_duration", self.child(el, name), name, text=s[:40])
        neg, d, h, mi, sec = match.groups()
        minutes = float(d or 0) * self.mpd + float(h or 0) * 60 + float(mi or 0) + float(
            sec or 0) / 60
        if neg and minutes:
            raise self.err("mspdi.negative_duration", self.child(el, name), name,
                           text=s[:40])
        days = minutes / self.mpd
        if days > 100_000:
            raise self.err("mspdi.long_duration", self.child(el, name), name, text=s[:40])
        whole = _round(days)
        exact = round(minutes)
        if exact <= 0 or exact % self.mpd == 0:
            return whole, None
        # a part day keeps its minutes and is scheduled on the working days it touches
        return days_for_minutes(exact, self.mpd), exact

    # -- the document ------------------------------------------------------------
    def read(self) -> ImportPreview:
        root = self.doc.root
        self.mpd = self.int_(root, "MinutesPerDay", 480, 1, 1440) or 480
        plan = ParsedPlan()
        title = self.text(root, "Title") or self.text(root, "Name") or Path(self.source).stem
        plan.name_ko = re.sub(r"\.(xml|mpp)$", "", title, flags=re.I)[:MAX_NAME]
        start = self.datetime_(root, "StartDate")
        plan.start = start[0] if start else None
        ours = {}
        for ea in self.children(root, "ExtendedAttributes/ExtendedAttribute"):
            fid, alias = self.text(ea, "FieldID"), self.text(ea, "Alias") or ""
            for key, (field_id, _name, our_alias) in TEXT_FIELDS.items():
                if fid == field_id and alias == our_alias:
                    ours[fid] = key
        self.ours = ours
        self.own_file = bool(ours) and all(ALIAS_MARK in a for _, _, a in TEXT_FIELDS.values())
        names = {self.text(c, "Name") for c in self.children(root, "Calendars/Calendar")}
        if self.own_file and KOREAN_CALENDAR_NAME in names:
            # our own export of a Korean-calendar plan: the days that differ from it
            plan.calendar_exceptions = self.calendar(root)
        else:  # another tool's plan (or ours on its own calendar) keeps week, hours, days
            plan.calendar = read_calendar(self, root)
            if plan.calendar is not None:
                plan.calendar_exceptions = plan.calendar.exceptions
        resources = self.resources(root)
        assigned = self.assignments(root, resources)
        self.tasks(root, plan, assigned)
        check_plan(plan, self.source)
        return ImportPreview("mspdi", self.source, plan, self.problems)

    def calendar(self, root: Element) -> list[tuple[date, bool, str]]:
        cals = self.children(root, "Calendars/Calendar")
        if not cals:
            return []
        want = self.int_(root, "CalendarUID")
        cal = next((c for c in cals if self.int_(c, "UID") == want), cals[0])
        found: dict[date, tuple[bool, str]] = {}
        entries = [(ex, self.child(ex, "TimePeriod"), self.text(ex, "Name") or "")
                   for ex in self.children(cal, "Exceptions/Exception")]
        entries += [(wd, self.child(wd, "TimePeriod"), "")
                    for wd in self.children(cal, "WeekDays/WeekDay")
                    if self.int_(wd, "DayType") == 0]
        for ex, period, name in entries:
            if period is None:
                continue
            kind = self.int_(ex, "Type", 1)
            if kind not in (1, None):
                self.problems.append(Note("mspdi.recurring_dropped", name=name, kind=kind))
                continue
            a, b = self.datetime_(period, "FromDate"), self.datetime_(period, "ToDate")
            if a is None or b is None:
                continue
            first, last = a[0], b[0]
            if b[1] == "00:00:00" and last > first:
                last -= timedelta(days=1)
            if last < first or (last - first).days > MAX_EXCEPTION_DAYS:
                raise self.err("mspdi.bad_exception_range", period, "TimePeriod",
                               first=first, last=last)
            working = self.bool_(ex, "DayWorking")
            d = first
            while d <= last:
                found.setdefault(d, (working, name))
                d += timedelta(days=1)
        if not found:
            return []
        known = {d for d, _ in korean_holidays(min(found), max(found))}
        out = []
        for d, (working, name) in sorted(found.items()):
            normally_off = d.weekday() >= 5 or d in known
            if working == normally_off:  # differs from the Korean calendar: keep it
                out.append((d, working, name))
        return out

    def resources(self, root: Element) -> dict[int, OrgRef]:
        out = {}
        found = self.children(root, "Resources/Resource")
        if len(found) > MAX_RESOURCES:  # resources become organisations: a flood is refused
            raise InteropError("mspdi.too_many_resources", element="Resource",
                               line=self.doc.line(found[MAX_RESOURCES]), source=self.source,
                               count=len(found), limit=MAX_RESOURCES)
        for r in found:
            uid = self.int_(r, "UID")
            name = (self.text(r, "Name") or "")[:MAX_NAME]
            if uid is None or not name or self.bool_(r, "IsNull"):
                continue
            out[uid] = OrgRef(code=(self.text(r, "Initials") or "")[:40], name=name)
        return out

    def assignments(self, root: Element, resources: dict[int, OrgRef]) -> dict[int, list[OrgRef]]:
        out: dict[int, list[OrgRef]] = {}
        seen: set[tuple[int, int]] = set()  # a set, not a list search per assignment
        capped: set[int] = set()
        for a in self.children(root, "Assignments/Assignment"):
            task, res = self.int_(a, "TaskUID"), self.int_(a, "ResourceUID")
            if task is None or res not in resources or (task, res) in seen:
                continue
            seen.add((task, res))
            refs = out.setdefault(task, [])
            if len(refs) >= MAX_ASSIGNED:
                capped.add(task)
                continue
            refs.append(resources[res])
        for task in sorted(capped)[:20]:
            self.problems.append(Note("mspdi.resources_capped", task=task,
                                      limit=MAX_ASSIGNED))
        return out

    def tasks(self, root: Element, plan: ParsedPlan, assigned: dict[int, list[OrgRef]]) -> None:
        elements = self.children(root, "Tasks/Task")
        if len(elements) > MAX_TASKS:
            raise InteropError("interop.too_many_tasks", source=self.source,
                               count=len(elements), limit=MAX_TASKS)
        stack: list[tuple[int, str]] = []
        raw_links: list[tuple[str, Element, Element]] = []
        wbs_of: dict[str, str] = {}
        skipped: set[str] = set()
        for el in elements:
            uid = self.int_(el, "UID")
            if uid is None:
                raise self.err("mspdi.no_uid", el, "Task")
            key = str(uid)
            level = self.int_(el, "OutlineLevel", None, 0, 100)
            number = self.text(el, "OutlineNumber")
            if level is None:
                level = number.count(".") + 1 if number else 1
            if self.bool_(el, "IsNull") or uid == 0 or level == 0:
                skipped.add(key)
                continue
            while stack and stack[-1][0] >= level:
                stack.pop()
            if stack and level > stack[-1][0] + 1:
                self.problems.append(Note("mspdi.level_skipped", uid=uid, level=level,
                                          parent=stack[-1][1]))
            parent = stack[-1][1] if stack else None
            stack.append((level, key))
            pt = self.task(el, key, parent)
            pt.owner, *rest = assigned.get(uid, [None])
            pt.supporting = [r for r in rest if r is not None]
            plan.tasks.append(pt)
            wbs_of[key] = (self.text(el, "WBS") or number or "")[:100]
            for link in self.children(el, "PredecessorLink"):
                raw_links.append((key, link, el))
        self.fix_kinds_and_wbs(plan, wbs_of)
        durations = {pt.key: pt.task.duration_days for pt in plan.tasks}
        for succ, link, _task_el in raw_links:
            parsed = self.link(succ, link, durations, skipped)
            if parsed is not None:
                plan.links.append(parsed)
        numbers = sorted({n for pt in plan.tasks for n in pt.baselines})
        plan.baseline_names = {n: "기준선" if n == 0 else f"기준선 {n}" for n in numbers}

    def fix_kinds_and_wbs(self, plan: ParsedPlan, wbs_of: dict[str, str]) -> None:
        parents = {pt.parent_key for pt in plan.tasks if pt.parent_key}
        for pt in plan.tasks:
            if pt.key in parents and pt.task.kind is not m.TaskKind.SUMMARY:
                if not self.own_file:
                    pt.task.kind = m.TaskKind.SUMMARY
        values = [wbs_of[pt.key] for pt in plan.tasks]
        if all(values) and len(set(values)) == len(values):
            for pt in plan.tasks:
                pt.task.wbs = wbs_of[pt.key]
            return
        self.problems.append(Note("mspdi.wbs_remade"))
        counters: dict[str | None, int] = {}
        codes: dict[str, str] = {}
        for pt in plan.tasks:
            counters[pt.parent_key] = counters.get(pt.parent_key, 0) + 1
            n = counters[pt.parent_key]
            codes[pt.key] = f"{codes[pt.parent_key]}.{n}" if pt.parent_key else str(n)
            pt.task.wbs = codes[pt.key]

    def ext(self, el: Element) -> dict[str, str]:
        out = {}
        for ea in self.children(el, "ExtendedAttribute"):
            key = self.ours.get(self.text(ea, "FieldID") or "")
            if key:
                out[key] = self.text(ea, "Value") or ""
        return out

    def declared(self, ext: dict[str, str], el: Element) -> dict[str, Any]:
        """The declared task fields (domain/task_fields) our own file carries."""
        values = {}
        for f in tf.mspdi_fields():
            if ext.get(f.attr):
                try:
                    values[f.attr] = f.parse(ext[f.attr])
                except m.ValidationError as exc:
                    raise InteropError(exc.message, element="ExtendedAttribute",
                                       line=self.doc.line(el), source=self.source) from None
        return values

    def plan_date(self, code: str | None, day: date | None, el: Element,
                  what: str) -> PlanDate | None:
        exact = PlanDate.exact(day) if day else None
        if code is None:
            return exact
        if code == NO_DATE:
            return None
        try:
            pd = parse_plan_date(code)
        except DateParseError as exc:
            raise self.err("mspdi.bad_plan_date", el, "ExtendedAttribute",
                           what=msg(f"mspdi.what.{what}"), detail=exc.message) from None
        if day is None or pd.contains(day) or (what == "start" and day < pd.earliest()):
            return pd
        self.problems.append(Note("mspdi.date_moved", uid=self.text(el, "UID"),
                                  what=msg(f"mspdi.what.{what}"), day=day,
                                  label_ko=pd.label("ko"), label_en=pd.label("en")))
        return exact

    def task(self, el: Element, key: str, parent: str | None) -> ParsedTask:
        name = self.text(el, "Name") or ""
        if not name:
            name = f"이름 없는 작업 {key}"
            self.problems.append(Note("mspdi.no_name", key=key, name=name))
        if len(name) > MAX_NAME:
            name = name[:MAX_NAME]
            self.problems.append(Note("mspdi.name_cut", key=key, limit=MAX_NAME))
        ext = self.ext(el)
        flags = dict(part.split("=", 1) for part in ext.get("flags", "").split(";")
                     if "=" in part)
        start, finish = self.datetime_(el, "Start"), self.datetime_(el, "Finish")
        milestone = self.bool_(el, "Milestone")
        found = self.duration(el, "Duration")
        days, minutes = found if found is not None else (None, None)
        s_day = start[0] if start else None
        f_day = finish[0] if finish else None
        if f_day and s_day and finish[1] == "00:00:00" and f_day > s_day:
            f_day -= timedelta(days=1)
        # our own file states the scheduled days it wrote: unmoved, the plan dates as
        # written stand (a scheduled day need not lie in the planned range)
        stated_s, _, stated_f = flags.get("days", "").partition("/")
        start_kept, finish_kept = stated_s == str(s_day), stated_f == str(f_day)
        unmoved = start_kept and finish_kept
        try:
            kind = m.TaskKind(flags["kind"]) if "kind" in flags else (
                m.TaskKind.MILESTONE if milestone else
                m.TaskKind.SUMMARY if self.bool_(el, "Summary") else m.TaskKind.TASK)
        except ValueError:
            raise self.err("mspdi.unknown_kind", el, "ExtendedAttribute",
                           kind=flags["kind"][:40]) from None
        if kind is m.TaskKind.MILESTONE:
            if days:
                self.problems.append(Note("mspdi.milestone_duration", key=key))
            days, minutes = 0, None
            if s_day and not f_day:
                f_day = s_day
        if days is None:
            days = ((f_day - s_day).days + 1) if (s_day and f_day and f_day >= s_day) else 1
        if unmoved and flags.get("dur", "").isdigit():
            days = int(flags["dur"])  # the stored duration beside the scheduled one
            minutes = int(flags["min"]) if flags.get("min", "").isdigit() else None
        if kind is not m.TaskKind.TASK:
            minutes = None
        elif minutes is not None:
            self.problems.append(Note("mspdi.part_day_kept", key=key,
                                      hours=_hours_text(minutes), days=days))
        percent = self.int_(el, "PercentComplete", 0, 0, 100) or 0
        try:
            percent_f = float(flags.get("percent", percent))
        except ValueError:
            percent_f = float(percent)
        actual_s, actual_f = self.datetime_(el, "ActualStart"), self.datetime_(el, "ActualFinish")
        ctype, cdate = m.ConstraintType.NONE, None
        if self.own_file:
            code, _, day = ext.get("constraint", "").partition(":")
            if code:
                try:
                    ctype, cdate = m.ConstraintType(code), date.fromisoformat(day)
                except ValueError:
                    raise self.err("mspdi.unknown_constraint", el, "ExtendedAttribute",
                                   code=f"{code}:{day}"[:60]) from None
        else:
            code_n = self.int_(el, "ConstraintType", 0, 0, 7)
            cd = self.datetime_(el, "ConstraintDate")
            if code_n in _CONSTRAINTS and cd:
                ctype, cdate = _CONSTRAINTS[code_n], cd[0]
                if code_n == 2:
                    self.problems.append(Note("mspdi.must_start_on", key=key))
            elif code_n in (5, 6):
                self.problems.append(Note("mspdi.constraint_dropped", key=key, code=code_n))
        task = m.Task(
            project_id=0, wbs="", name_ko=name, name_en=ext.get("name_en", ""), kind=kind,
            start=self.plan_date(ext.get("plan_start"), None if start_kept else s_day, el,
                                 "start"),
            finish=self.plan_date(ext.get("plan_finish"), None if finish_kept else f_day, el,
                                  "finish"),
            duration_days=days, duration_minutes=minutes, percent_complete=percent_f,
            percent_from_checklist=flags.get("checklist") == "1",
            constraint_type=ctype, constraint_date=cdate,
            actual_start=actual_s[0] if actual_s else None,
            actual_finish=actual_f[0] if actual_f else None,
            needs_signoff=flags.get("signoff") == "1",
            notes=(self.text(el, "Notes") or "")[:100_000],
            source=ext.get("source", ""), date_assumed=flags.get("assumed") == "1",
            **self.declared(ext, el),
        )
        try:
            m.validate_task(m.Task(**{**task.__dict__, "wbs": "x"}))
        except m.ValidationError as exc:
            raise InteropError("mspdi.invalid_task", element="Task", line=self.doc.line(el),
                               source=self.source, key=key, name=name[:40],
                               detail=exc.message) from None
        pt = ParsedTask(key=key, task=task, parent_key=parent, city_code=ext.get("city", ""),
                        line=lambda: self.doc.line(el))
        for b in self.children(el, "Baseline"):
            n = self.int_(b, "Number", 0, 0, 10) or 0
            bs, bf = self.datetime_(b, "Start"), self.datetime_(b, "Finish")
            pt.baselines[n] = (bs[0] if bs else None, bf[0] if bf else None,
                               self.days(b, "Duration") or 0)
        return pt

    def link(self, succ: str, el: Element, durations: dict[str, int],
             skipped: set[str]) -> ParsedLink | None:
        pred_uid = self.int_(el, "PredecessorUID")
        if pred_uid is None:
            raise self.err("mspdi.link_no_pred", el, "PredecessorLink")
        pred = str(pred_uid)
        if self.bool_(el, "CrossProject"):
            self.problems.append(Note("mspdi.cross_project_link", succ=succ))
            return None
        if pred in skipped:
            self.problems.append(Note("mspdi.link_to_skipped", succ=succ, pred=pred))
            return None
        code = self.int_(el, "Type", 1)
        if code not in LINK_TYPE_OF:
            raise self.err("mspdi.unknown_link_type", self.child(el, "Type"), "Type",
                           code=code)
        lag = self.int_(el, "LinkLag", 0, -10**10, 10**10) or 0
        fmt = self.int_(el, "LagFormat", 7)
        if fmt in _WORK_FORMATS:
            days = lag / 10 / self.mpd
        elif fmt in _ELAPSED_FORMATS:
            days = lag / 10 / 1440 * 5 / 7
            if lag:
                self.problems.append(Note("mspdi.elapsed_lag", succ=succ, days=_round(days)))
        elif fmt in _PERCENT_FORMATS:
            days = durations.get(pred, 0) * lag / 100
            if lag:
                self.problems.append(Note("mspdi.percent_lag", succ=succ, lag=lag,
                                          days=_round(days)))
        else:
            raise self.err("mspdi.unknown_lag_format", self.child(el, "LagFormat"),
                           "LagFormat", fmt=fmt)
        if days != _round(days):
            self.problems.append(Note("mspdi.lag_rounded", succ=succ, days=days,
                                      whole=_round(days)))
        return ParsedLink(pred, succ, LINK_TYPE_OF[code], _round(days),
                          lambda: self.doc.line(el))
