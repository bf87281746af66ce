"""MS Project XML (MSPDI) import: a file becomes an :class:`ImportPreview`, nothing is written.

Reads what MS Project 2010-2019 and ProjectLibre write: tasks with their outline
hierarchy, WBS, start/finish, duration, milestones, percent complete, notes,
predecessor links of all four types with lag in any unit, the project
calendar's exceptions (both the ``Exceptions`` and the older ``WeekDay
DayType 0`` forms), resources with assignments (first = owner, others =
supporting organisations) and baselines. Our own files' ``(smartcity)`` Text
fields restore imprecise dates and the other fields exactly.

The document is read in one streamed pass (:func:`~.xmlparse.parse_xml`): each
``<Task>``, ``<Resource>`` and ``<Assignment>`` becomes values as soon as it is
complete and its elements are dropped, so memory follows the parsed plan, not
the XML tree (a 16 MB file of 10,000 tasks is about 480,000 elements). A task is
read with the header before ``<Tasks>`` (minutes per day, our Text fields), as
the MSPDI schema orders it; a file that puts that header after its tasks is read
again as a whole tree.

Every refusal is an :class:`InteropError` naming the element and line.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from xml.etree.ElementTree import Element

from ..domain import model as m
from ..domain.schedule_graph import gc_paused
from .common import check_plan, read_bytes
from .errors import InteropError, Note
from .mspdi import ALIAS_MARK, KOREAN_CALENDAR_NAME, NS, TEXT_FIELDS, korean_holidays
from .mspdi_calendar import read_calendar
from .mspdi_task import MAX_NAME, RawLink, TaskReader
from .preview import MAX_TASKS, ImportPreview, OrgRef, ParsedPlan
from .xmlparse import Streamed, local_name, parse_xml

MAX_RESOURCES = 1000
MAX_ASSIGNED = 50  # organisations per task (owner + supporting)
MAX_EXCEPTION_DAYS = 3660
_HEADER = ("MinutesPerDay", "ExtendedAttributes")  # what reading a task depends on


def parse_mspdi(path: Path | str) -> ImportPreview:
    path = Path(path)
    return parse_mspdi_bytes(read_bytes(path), path.name)


def parse_mspdi_bytes(data: bytes, source: str = "project.xml") -> ImportPreview:
    with gc_paused():
        reader = _Reader(source)
        parse_xml(data, source, stream=reader.streamed(), doc=reader.doc)
        if reader.header_after_tasks():
            reader = _Reader(source)  # an unusual order: the whole tree, then the lists
            parse_xml(data, source, doc=reader.doc)
            reader.read_lists()
        return reader.read()


class _Reader(TaskReader):
    def __init__(self, source: str) -> None:
        super().__init__(source)
        self.started = False  # the header is read (at the first task)
        self.resource_count = 0
        self.resources: dict[int, OrgRef] = {}
        self.assigned_task, self.assigned_res = array("q"), array("q")
        self.plan = ParsedPlan()
        self.stack: list[tuple[int, str]] = []  # (outline level, key) of the open parents
        self.raw_links: list[RawLink] = []
        self.wbs_of: dict[str, str] = {}
        self.skipped: set[str] = set()

    # -- the streamed lists ---------------------------------------------------------
    def streamed(self) -> Streamed:
        return {("Tasks", "Task"): self._each("Task", self.on_task),
                ("Resources", "Resource"): self._each("Resource", self.on_resource),
                ("Assignments", "Assignment"): self._each("Assignment", self.on_assignment)}

    def _each(self, name: str, read: Callable[[Element], None]) -> Callable[[Element], None]:
        """``read`` for each list element of our namespace, once the header is read; the
        child cache is dropped after each (the element leaves the tree, its id is reused)."""
        def handle(el: Element) -> None:
            self.start(self.doc.root)
            if el.tag == self.p + name:  # not another namespace's element of that name
                try:
                    read(el)
                finally:
                    self.forget()
        return handle

    def read_lists(self) -> None:
        """Hand a whole tree's list elements to the same readers, in document order."""
        self.start(self.doc.root)
        for (parent, name), handler in self.streamed().items():
            for el in self.children(self.doc.root, f"{parent}/{name}"):
                handler(el)

    def header_after_tasks(self) -> bool:
        """Whether a header element came after ``<Tasks>`` (read too late for them)."""
        names = [local_name(c.tag) for c in self.doc.root]
        if "Tasks" not in names:
            return False
        return any(n in _HEADER for n in names[names.index("Tasks") + 1:])

    def start(self, root: Element) -> None:
        """Read the document's header; done once, before its first task."""
        if self.started:
            return
        self.started = True
        if root.tag == f"{{{NS}}}Project":
            self.p = f"{{{NS}}}"
        elif root.tag == "Project":
            self.p = ""
            self.problems.append(Note("mspdi.no_namespace"))
        else:
            raise InteropError("mspdi.not_mspdi", line=self.doc.line(root), source=self.source,
                               tag=local_name(root.tag))
        self.mpd = self.int_(root, "MinutesPerDay", 480, 1, 1440) or 480
        ours = {}
        for ea in self.children(root, "ExtendedAttributes/ExtendedAttribute"):
            fid, alias = self.text(ea, "FieldID"), self.text(ea, "Alias") or ""
            for key, (field_id, _name, our_alias) in TEXT_FIELDS.items():
                if fid == field_id and alias == our_alias:
                    ours[fid] = key
        self.ours = ours
        self.own_file = bool(ours) and all(ALIAS_MARK in a for _, _, a in TEXT_FIELDS.values())

    def on_task(self, el: Element) -> None:
        if len(self.plan.tasks) + len(self.skipped) >= MAX_TASKS:
            raise InteropError("interop.more_tasks", source=self.source, limit=MAX_TASKS)
        uid = self.int_(el, "UID")
        if uid is None:
            raise self.err("mspdi.no_uid", el, "Task")
        key = str(uid)
        level = self.int_(el, "OutlineLevel", None, 0, 100)
        number = self.text(el, "OutlineNumber")
        if level is None:
            level = number.count(".") + 1 if number else 1
        if self.bool_(el, "IsNull") or uid == 0 or level == 0:
            self.skipped.add(key)
            return
        stack = self.stack
        while stack and stack[-1][0] >= level:
            stack.pop()
        if stack and level > stack[-1][0] + 1:
            self.problems.append(Note("mspdi.level_skipped", uid=uid, level=level,
                                      parent=stack[-1][1]))
        parent = stack[-1][1] if stack else None
        stack.append((level, key))
        self.plan.tasks.append(self.task(el, key, parent))
        self.wbs_of[key] = (self.text(el, "WBS") or number or "")[:100]
        self.raw_links += [self.link_values(key, link)
                           for link in self.children(el, "PredecessorLink")]

    def on_resource(self, el: Element) -> None:
        self.resource_count += 1
        if self.resource_count > MAX_RESOURCES:  # resources become organisations: no flood
            raise InteropError("mspdi.too_many_resources", element="Resource",
                               line=self.doc.line(el), source=self.source,
                               limit=MAX_RESOURCES)
        uid = self.int_(el, "UID")
        name = (self.text(el, "Name") or "")[:MAX_NAME]
        if uid is not None and name and not self.bool_(el, "IsNull"):
            self.resources[uid] = OrgRef(code=(self.text(el, "Initials") or "")[:40],
                                         name=name)

    def on_assignment(self, el: Element) -> None:
        task, res = self.int_(el, "TaskUID"), self.int_(el, "ResourceUID")
        if task is not None and res is not None:
            self.assigned_task.append(task)
            self.assigned_res.append(res)

    # -- the document ------------------------------------------------------------
    def read(self) -> ImportPreview:
        root = self.doc.root
        self.start(root)  # a file without tasks, resources or assignments
        self.forget()
        plan = self.plan
        title = self.text(root, "Title") or self.text(root, "Name") or Path(self.source).stem
        plan.name_ko = re.sub(r"\.(xml|mpp)$", "", title, flags=re.I)[:MAX_NAME]
        start = self.datetime_(root, "StartDate")
        plan.start = start[0] if start else None
        names = {self.text(c, "Name") for c in self.children(root, "Calendars/Calendar")}
        if self.own_file and KOREAN_CALENDAR_NAME in names:
            # our own export of a Korean-calendar plan: the days that differ from it
            plan.calendar_exceptions = self.calendar(root)
        else:  # another tool's plan (or ours on its own calendar) keeps week, hours, days
            plan.calendar = read_calendar(self, root)
            if plan.calendar is not None:
                plan.calendar_exceptions = plan.calendar.exceptions
        self.set_owners(self.assignments())
        self.finish_tasks()
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

    def assignments(self) -> dict[int, list[OrgRef]]:
        out: dict[int, list[OrgRef]] = {}
        seen: set[tuple[int, int]] = set()  # a set, not a list search per assignment
        capped: set[int] = set()
        resources = self.resources
        for task, res in zip(self.assigned_task, self.assigned_res):
            if res not in resources or (task, res) in seen:
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

    def set_owners(self, assigned: dict[int, list[OrgRef]]) -> None:
        for pt in self.plan.tasks:
            refs = assigned.get(int(pt.key))
            if refs:
                pt.owner, pt.supporting = refs[0], refs[1:]

    def finish_tasks(self) -> None:
        """What needs every task: summaries, WBS codes, links, baseline names."""
        plan = self.plan
        self.fix_kinds_and_wbs(plan, self.wbs_of)
        durations = {pt.key: pt.task.duration_days for pt in plan.tasks}
        for raw in self.raw_links:
            parsed = self.link(raw, durations, self.skipped)
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
