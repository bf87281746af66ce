"""Reading one MS Project task: its fields, our own ``(smartcity)`` values, baselines, links.

:class:`TaskReader` turns a complete ``<Task>`` element into a
:class:`~.preview.ParsedTask` while the document is still being read (the
element is dropped right after), and its ``<PredecessorLink>`` children into
:class:`RawLink` values. A link is resolved only when every task has been read
(:meth:`TaskReader.link`), since its predecessor may come later in the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any
from xml.etree.ElementTree import Element

from ..domain import model as m
from ..domain import task_fields as tf
from ..domain.dates import DateParseError, PlanDate, parse_plan_date
from ..messages import msg
from .errors import InteropError, Note
from .mspdi import LINK_TYPE_OF, NO_DATE
from .mspdi_fields import FieldReader, round_half_away
from .preview import ParsedLink, ParsedTask

_WORK_FORMATS = {3, 5, 7, 9, 11, 35, 37, 39, 41, 43, 53}
_ELAPSED_FORMATS = {4, 6, 8, 10, 12, 36, 38, 40, 42, 44}
_PERCENT_FORMATS = {19, 20, 51, 52}
_CONSTRAINTS = {3: m.ConstraintType.MUST_FINISH_ON, 4: m.ConstraintType.START_NO_EARLIER,
                7: m.ConstraintType.FINISH_NO_LATER, 2: m.ConstraintType.START_NO_EARLIER}
MAX_NAME = 1000


def _hours_text(minutes: float) -> str:
    h, mi = divmod(round(minutes), 60)
    return f"{h}h{mi:02d}m" if mi else f"{h}h"


@dataclass(slots=True)
class RawLink:
    """A ``<PredecessorLink>`` as read: its values, or the refusal they earned.

    The refusal waits: a link to a task the reader skips, or across projects, is
    dropped with a note whatever its type and lag say.
    """

    succ: str
    pred: str
    line: int | None
    cross: bool = False
    code: int = 1
    lag: int = 0
    fmt: int = 7
    error: InteropError | None = None


class TaskReader(FieldReader):
    """Task and link reading; ``ours``/``own_file`` say which Text fields are ours."""

    ours: dict[str, str]
    own_file: bool

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
                        line=self.doc.line(el))
        for b in self.children(el, "Baseline"):
            n = self.int_(b, "Number", 0, 0, 10) or 0
            bs, bf = self.datetime_(b, "Start"), self.datetime_(b, "Finish")
            pt.baselines[n] = (bs[0] if bs else None, bf[0] if bf else None,
                               self.days(b, "Duration") or 0)
        return pt

    def link_values(self, succ: str, el: Element) -> RawLink:
        """Read a ``<PredecessorLink>`` now (its element is about to be dropped)."""
        pred_uid = self.int_(el, "PredecessorUID")
        if pred_uid is None:
            raise self.err("mspdi.link_no_pred", el, "PredecessorLink")
        raw = RawLink(succ, str(pred_uid), self.doc.line(el))
        if self.bool_(el, "CrossProject"):
            raw.cross = True
            return raw
        try:
            raw.code = self.int_(el, "Type", 1)
            if raw.code not in LINK_TYPE_OF:
                raise self.err("mspdi.unknown_link_type", self.child(el, "Type"), "Type",
                               code=raw.code)
            raw.lag = self.int_(el, "LinkLag", 0, -10**10, 10**10) or 0
            raw.fmt = self.int_(el, "LagFormat", 7)
            if raw.fmt not in _WORK_FORMATS | _ELAPSED_FORMATS | _PERCENT_FORMATS:
                raise self.err("mspdi.unknown_lag_format", self.child(el, "LagFormat"),
                               "LagFormat", fmt=raw.fmt)
        except InteropError as exc:
            raw.error = exc
        return raw

    def link(self, raw: RawLink, durations: dict[str, int],
             skipped: set[str]) -> ParsedLink | None:
        """The link ``raw`` makes once every task is known, or None (with a note)."""
        succ, pred, lag, fmt = raw.succ, raw.pred, raw.lag, raw.fmt
        if raw.cross:
            self.problems.append(Note("mspdi.cross_project_link", succ=succ))
            return None
        if pred in skipped:
            self.problems.append(Note("mspdi.link_to_skipped", succ=succ, pred=pred))
            return None
        if raw.error is not None:
            raise raw.error
        if fmt in _WORK_FORMATS:
            days = lag / 10 / self.mpd
        elif fmt in _ELAPSED_FORMATS:
            days = lag / 10 / 1440 * 5 / 7
            if lag:
                self.problems.append(Note("mspdi.elapsed_lag", succ=succ,
                                          days=round_half_away(days)))
        else:
            days = durations.get(pred, 0) * lag / 100
            if lag:
                self.problems.append(Note("mspdi.percent_lag", succ=succ, lag=lag,
                                          days=round_half_away(days)))
        whole = round_half_away(days)
        if days != whole:
            self.problems.append(Note("mspdi.lag_rounded", succ=succ, days=days, whole=whole))
        return ParsedLink(pred, succ, LINK_TYPE_OF[raw.code], whole, raw.line)
