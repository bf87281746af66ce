"""GanttProject (``.gan``) import: tasks, hierarchy, links with lag, milestones, progress,
resources and the file's own calendar.

A ``.gan`` file is XML (parsed through defusedxml with the same limits as the
other importers: size, nesting depth, no DTD or entities). Tasks nest inside
each other (a task with children is a summary); ``meeting="true"`` is a
milestone; ``start`` and ``duration`` (working days) give the plan, ``complete``
the percent. A ``<depend>`` element sits on the *predecessor* and names the
successor: ``type`` 1 = SS, 2 = FS, 3 = FF, 4 = SF, ``difference`` the lag in
days. Resources allocated to a task are its organisations (the one marked
``responsible`` is the owner). The calendar keeps GanttProject's weekend
(``default-week``: ``1`` = not working) and its holiday dates; a date without a
year repeats every year of the plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.etree.ElementTree import Element

from ..domain import model as m
from ..domain.dates import PlanDate
from ..domain.schedule_graph import gc_paused
from ..domain.workdays import days_for_minutes
from ..messages import register
from .common import check_plan, read_bytes
from .errors import InteropError, Note
from .mspdi_calendar import FileCalendar
from .preview import MAX_TASKS, ImportPreview, OrgRef, ParsedLink, ParsedPlan, ParsedTask
from .staged import StagedLinks, StagedTasks, staged
from .tabular import outline_positions
from .xmlparse import XmlDoc, parse_xml

LINK_TYPES = {1: m.DependencyType.SS, 2: m.DependencyType.FS, 3: m.DependencyType.FF,
              4: m.DependencyType.SF}
WEEK_ATTRS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MAX_NAME = 1000
MAX_DURATION = 100_000
GAN_MINUTES_PER_DAY = 480  # the file calendar's 09:00-12:00, 13:00-18:00

register({
    "interop.gan.not_gan": ("GanttProject 파일이 아닙니다 (최상위 요소가 <project>여야 합니다)",
                            "not a GanttProject file (the top element must be <project>)"),
    "gan.not_number": ("{name}='{text}'은(는) 숫자가 아닙니다", "{name}='{text}' is not a number"),
    "gan.outside": ("{name}={value}이(가) {lo}-{hi} 범위를 벗어납니다",
                    "{name}={value} is outside {lo}-{hi}"),
    "gan.not_date": ("{name}='{text}'은(는) 날짜가 아닙니다 (YYYY-MM-DD)",
                     "{name}='{text}' is not a date (YYYY-MM-DD)"),
    "gan.year_range": ("{name}={text}: 연도가 허용 범위를 벗어납니다",
                       "{name}={text}: the year is out of range"),
    "gan.no_tasks": ("파일에 작업이 없습니다", "the file holds no tasks"),
    "gan.no_id": ("id가 없는 작업이 있습니다", "a task has no id"),
    "gan.depend_no_task": ("작업을 가리키지 않는 선후행 연결이 있습니다",
                           "a dependency names no task"),
    "gan.unknown_type": ("알 수 없는 연결 유형 {code} (1=SS, 2=FS, 3=FF, 4=SF)",
                         "unknown dependency type {code} (1=SS, 2=FS, 3=FF, 4=SF)"),
    "gan.no_working_day": ("파일의 주간에 근무일이 없어 월-금을 근무일로 사용했습니다",
                           "the file's week has no working day; Monday-Friday was used"),
})


def parse_gan(path: Path | str) -> ImportPreview:
    path = Path(path)
    return parse_gan_bytes(read_bytes(path), path.name)


def parse_gan_bytes(data: bytes, source: str = "project.gan") -> ImportPreview:
    reader = _GanReader(source)
    with gc_paused():
        doc = parse_xml(data, source, doc=reader.doc, watcher=reader, scan=reader.scan)
        if doc.root.tag != "project":
            raise InteropError("interop.gan.not_gan", source=source)
        return reader.read()


@dataclass(slots=True)
class _Open:
    """A ``<task>`` whose end tag has not come yet."""

    el: Element
    key: str
    parent: str | None
    wbs: str
    has_children: bool = False


class _GanReader:
    """Reads tasks as the document streams by (a :class:`~.xmlparse.Watcher`).

    A task is complete at its end tag: its children (read and dropped already)
    say it is a summary, its ``<notes>`` and ``<depend>`` are in hand. Tasks are
    staged in that order (children first) and put in outline order afterwards;
    their outline numbers are given at the start tag, parents first. Resources
    and allocations come after the tasks in the file, so the vetting pass
    collects them (:meth:`scan`) before any task is read.
    """

    def __init__(self, source: str) -> None:
        self.doc, self.source = XmlDoc(Element("?")), source
        self.problems: list[str] = []
        self.wbs_of: dict[str, str] = {}  # task id -> its outline number
        self.children: dict[str | None, int] = {}  # parent id -> children numbered so far
        self.plan = ParsedPlan(tasks=StagedTasks())
        self.plan.links = StagedLinks(self.plan.tasks.stage)
        self.open: list[_Open] = []
        self.resources: dict[str | None, OrgRef] = {}
        self.allocations: list[tuple[str, str | None, bool]] = []
        self._owners: dict[str, list[OrgRef]] | None = None
        self.first_start: date | None = None
        self.years: set[int] = set()
        self.count = 0

    def err(self, message_id: str, el: Element | None, **values: object) -> InteropError:
        return InteropError(message_id, element=el.tag if el is not None else None,
                            line=self.doc.line(el), source=self.source, **values)

    # -- the stream ----------------------------------------------------------------------
    def scan(self, tag: str, attrs: dict[str, str]) -> None:
        if tag == "resource" and (attrs.get("name") or "").strip():
            self.resources[attrs.get("id")] = OrgRef("", attrs["name"][:MAX_NAME])
        elif tag == "allocation":
            self.allocations.append((attrs.get("task-id") or "", attrs.get("resource-id"),
                                     attrs.get("responsible") == "true"))

    def owners(self, key: str) -> list[OrgRef]:
        """The task's organisations, the responsible one first."""
        if self._owners is None:
            found: dict[str, list[tuple[bool, OrgRef]]] = {}
            for task, resource, responsible in self.allocations:
                ref = self.resources.get(resource)
                if ref is not None:
                    found.setdefault(task, []).append((responsible, ref))
            self._owners = {k: [ref for _, ref in sorted(v, key=lambda x: not x[0])]
                            for k, v in found.items()}
        return self._owners.get(key, [])

    def started(self, el: Element, ancestors: list[Element]) -> None:
        if el.tag != "task":
            return
        if len(ancestors) == 2 and ancestors[0].tag == "project" and ancestors[1].tag == "tasks":
            parent = None
        elif self.open and ancestors[-1] is self.open[-1].el:
            parent = self.open[-1]
            parent.has_children = True
        else:
            return  # a <task> elsewhere is not one of the plan's
        key = (el.get("id") or "").strip()
        if not key:
            raise self.err("gan.no_id", el)
        self.count += 1
        if self.count > MAX_TASKS:
            raise InteropError("interop.more_tasks", source=self.source, limit=MAX_TASKS)
        parent_key = parent.key if parent else None
        self.open.append(_Open(el, key, parent_key, self.number(key, parent_key)))

    def ended(self, el: Element, _ancestors: list[Element]) -> bool:
        if not self.open or el is not self.open[-1].el:
            return False
        self.plan.tasks.append(self.task(self.open.pop()))
        return True

    # -- the document ----------------------------------------------------------------------
    def read(self) -> ImportPreview:
        root, plan = self.doc.root, self.plan
        plan.name_ko = (root.get("name") or Path(self.source).stem)[:MAX_NAME]
        if not plan.tasks:
            raise InteropError("gan.no_tasks", source=self.source)
        plan.start = self.first_start
        plan.calendar = self.calendar(root)
        plan.calendar_exceptions = plan.calendar.exceptions
        stage = staged(plan)
        if stage.first_repeat("key") is None:  # a repeat is refused by check_plan
            order = outline_positions(stage.parent_positions())
            if order is not None:
                stage.set_order(order)  # read children first: parents first now
        check_plan(plan, self.source)
        return ImportPreview("gan", self.source, plan, self.problems)

    def int_attr(self, el: Element, name: str, default: int, lo: int, hi: int) -> int:
        text = (el.get(name) or "").strip()
        if not text:
            return default
        try:
            value = int(float(text))
        except ValueError:
            raise self.err("gan.not_number", el, name=name, text=text[:30]) from None
        if not lo <= value <= hi:
            raise self.err("gan.outside", el, name=name, value=value, lo=lo, hi=hi)
        return value

    def duration(self, el: Element) -> tuple[int, int | None]:
        """(working days, exact minutes of a part day such as ``0.5`` or ``1.5``; None for
        whole days), a GanttProject day being the file calendar's 8 working hours."""
        text = (el.get("duration") or "").strip()
        if not text:
            return 1, None
        try:
            days = float(text)
        except ValueError:
            raise self.err("gan.not_number", el, name="duration", text=text[:30]) from None
        if not 0 <= days <= MAX_DURATION:  # also refuses nan
            raise self.err("gan.outside", el, name="duration", value=text[:30], lo=0,
                           hi=MAX_DURATION)
        minutes = round(days * GAN_MINUTES_PER_DAY)
        if minutes % GAN_MINUTES_PER_DAY == 0:
            return minutes // GAN_MINUTES_PER_DAY, None
        return days_for_minutes(minutes, GAN_MINUTES_PER_DAY), minutes

    def day_attr(self, el: Element, name: str) -> date | None:
        text = (el.get(name) or "").strip()
        if not text:
            return None
        try:
            d = date.fromisoformat(text[:10])
        except ValueError:
            raise self.err("gan.not_date", el, name=name, text=text[:30]) from None
        if not 1900 <= d.year <= 2999:
            raise self.err("gan.year_range", el, name=name, text=text[:10])
        return d

    def task(self, state: _Open) -> ParsedTask:
        el, key = state.el, state.key
        milestone = el.get("meeting") == "true"
        kind = (m.TaskKind.SUMMARY if state.has_children else
                m.TaskKind.MILESTONE if milestone else m.TaskKind.TASK)
        name = (el.get("name") or "").strip()[:MAX_NAME] or f"이름 없는 작업 {key}"
        start = self.day_attr(el, "start")
        if start is not None:
            self.years.add(start.year)
            if self.first_start is None or start < self.first_start:
                self.first_start = start
        duration, minutes = (0, None) if milestone else self.duration(el)
        percent = self.int_attr(el, "complete", 0, 0, 100)
        notes_el = el.find("notes")
        ctype, cdate = m.ConstraintType.NONE, None
        if el.get("thirdDate-constraint") == "1":  # "earliest begin" in GanttProject
            cdate = self.day_attr(el, "thirdDate")
            ctype = m.ConstraintType.START_NO_EARLIER if cdate else ctype
        task = m.Task(
            project_id=0, wbs=state.wbs, name_ko=name, kind=kind,
            start=PlanDate.exact(start) if start else None,
            duration_days=duration if kind is m.TaskKind.TASK else 0,
            duration_minutes=minutes if kind is m.TaskKind.TASK else None,
            percent_complete=float(percent), constraint_type=ctype, constraint_date=cdate,
            notes=((notes_el.text or "") if notes_el is not None else "")[:100_000],
            source=f"가져옴: {self.source}",
        )
        refs = self.owners(key)
        for dep in el.findall("depend"):
            self.plan.links.append(self.link(key, dep))
        return ParsedTask(key=key, task=task, parent_key=state.parent,
                          owner=refs[0] if refs else None, supporting=refs[1:],
                          line=self.doc.line(el))

    def number(self, key: str, parent: str | None) -> str:
        """Outline numbers by position ("2.3"), counted as tasks arrive (no rescans)."""
        n = self.children[parent] = self.children.get(parent, 0) + 1
        prefix = self.wbs_of.get(parent, "") if parent is not None else ""
        wbs = f"{prefix}.{n}" if prefix else str(n)
        self.wbs_of.setdefault(key, wbs)  # a repeated id: the first one's number
        return wbs

    def link(self, pred: str, dep: Element) -> ParsedLink:
        succ = (dep.get("id") or "").strip()
        if not succ:
            raise self.err("gan.depend_no_task", dep)
        code = self.int_attr(dep, "type", 2, 0, 99)
        if code not in LINK_TYPES:
            raise self.err("gan.unknown_type", dep, code=code)
        lag = self.int_attr(dep, "difference", 0, -10_000, 10_000)
        return ParsedLink(pred, succ, LINK_TYPES[code], lag, self.doc.line(dep))

    def calendar(self, root: Element) -> FileCalendar:
        out = FileCalendar(name="GanttProject", working_times="09:00-12:00,13:00-18:00")
        week = root.find("calendars/day-types/default-week")
        if week is not None:
            out.week = "".join("0" if week.get(a) == "1" else "1" for a in WEEK_ATTRS)
        if "1" not in out.week:
            self.problems.append(Note("gan.no_working_day"))
            out.week = "1111100"
        years = sorted(self.years)
        span = range(years[0], years[-1] + 2) if years else range(date.today().year, 1)
        found: dict[date, tuple[bool, str]] = {}
        for d_el in root.iter("date"):
            kind = (d_el.get("type") or "HOLIDAY").upper()
            if kind not in ("HOLIDAY", "WORKING_DAY"):
                continue
            month = self.int_attr(d_el, "month", 0, 1, 12)
            day = self.int_attr(d_el, "date", 0, 1, 31)
            year_text = (d_el.get("year") or "").strip()
            note = (d_el.get("description") or d_el.text or "").strip()[:200]
            for y in ([self.int_attr(d_el, "year", 0, 1900, 2999)] if year_text else span):
                try:
                    found.setdefault(date(y, month, day), (kind == "WORKING_DAY", note))
                except ValueError:
                    continue  # 29 February in a common year
        out.exceptions = [(d, w, n) for d, (w, n) in sorted(found.items())]
        return out


__all__ = ["parse_gan", "parse_gan_bytes", "LINK_TYPES"]
