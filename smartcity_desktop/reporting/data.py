"""The figures of a briefing, gathered from the store and the scheduler into plain data.

:func:`gather` reads everything a report needs once (tasks and their schedule,
status, checklists, sign-offs, budget, provisions, baselines, notes, contacts)
and returns a :class:`Briefing` of plain rows, so the PDF sections only lay out
and never query. Scope ``ministry`` filters tasks, checklist, budget and
contacts to one organisation. With redaction on, personal names and phone
numbers are removed here, before any section can print them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from ..domain import model as m
from ..domain.baseline import compare, slipped_milestones
from ..domain.programme import (
    MilestoneBucket,
    MilestoneCounts,
    inherited,
    milestone_bucket,
    next_milestones,
)
from ..domain.provisions import stage_on
from ..domain.scheduler import weighted_percent
from ..domain.status import TaskStatus, task_status
from ..store import Store
from .gantt_pdf import GanttRow

STATUS_LABEL = {st.value: st.label("ko") for st in TaskStatus}
STATUS_SYMBOL = {"done": "●", "on_track": "○", "at_risk": "▲", "late": "■", "not_started": "-"}
RAG_LABEL = {"red": "적색(심각)", "amber": "황색(주의)", "green": "녹색(정상)"}
STAGE_LABEL = {
    "bill_proposed": "법안 발의", "in_committee": "상임위 심사", "passed": "국회 통과",
    "in_force": "시행",
}
REDACTED = "○○○"
_PHONE = re.compile(r"(?<!\d)(?:0\d{1,2}[-.) ]\d{3,4}[-. ]\d{4}|\d{3,4}-\d{4})(?!\d)")
_EXTENSION = re.compile(r"\((\d{4})\)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# "박선호 제1차관", "남유성 연구원": a three-syllable name before an official title.
_TITLED_NAME = re.compile(
    r"(?<![가-힣])[가-힣]{2,3}(?=\s?(?:장관|제?\d?차관|과장|팀장|사무관|주무관|교수|전문위원|"
    r"연구원|의원|위원장|국장|실장|단장)(?![가-힣]))")


class ReportDataError(ValueError):
    """A report that cannot be gathered (unknown baseline, ministry without tasks...)."""


@dataclass
class MilestoneRow:
    task_id: int
    wbs: str
    name: str
    owner: str
    owner_code: str
    city: str
    planned: str  # the plan date as written (Korean label)
    planned_day: date | None
    forecast: date | None
    actual: date | None
    status: str
    rag: str | None = None
    critical: bool = False
    planned_work: bool = False
    bucket: str = ""  # programme.MilestoneBucket value: done / due / overdue / later

    @property
    def status_label(self) -> str:
        return STATUS_LABEL.get(self.status, self.status)


@dataclass
class ChecklistRow:
    text: str
    wbs: str
    task: str
    org: str
    due: date | None
    done: bool
    overdue: bool
    done_by: str = ""


@dataclass
class StatusRow:
    wbs: str
    task: str
    report_date: date
    rag: str
    narrative: str
    author: str


@dataclass
class SignoffRow:
    wbs: str
    task: str
    approver: str
    position: str
    signed_on: date
    note: str
    revoked: bool
    revoke_reason: str


@dataclass
class ContactRow:
    org: str
    department: str
    name: str
    position: str
    phone: str
    email: str
    role: str


@dataclass
class MinistryBlock:
    code: str
    name: str
    department: str
    tasks: int
    percent: float
    milestones: MilestoneCounts
    items_done: int
    items_open: int
    items_overdue: int
    open_items: list[ChecklistRow]
    statuses: list[StatusRow]
    signoffs: list[SignoffRow]
    status_counts: dict[str, int]


@dataclass
class BudgetRow:
    year: int
    area: str
    item: str
    planned: float
    executed: float
    city: str
    org: str
    kind: str
    period: str = ""  # as written: "2019" or "2019–2021" (investment rows span three years)


@dataclass
class ProvisionRow:
    name: str
    allows: str
    law: str
    stage: str
    stage_date: str
    target: str
    group: str


@dataclass
class SlipRow:
    wbs: str
    name: str
    owner: str
    baseline_finish: date
    forecast: date
    slip_days: int  # working days (calendar days if no calendar)


@dataclass
class Briefing:
    kind: str
    title: str
    marking: str
    as_of: date
    generated: datetime
    db_name: str
    project: str
    department: str
    scope_org: m.Organisation | None
    redact: bool
    baseline: str | None
    tasks_total: int
    percent: float
    milestone_counts: MilestoneCounts
    milestones: list[MilestoneRow]
    next_milestones: list[MilestoneRow]
    overdue: list[MilestoneRow]
    ministries: list[MinistryBlock]
    city_percent: list[tuple[str, float]]
    budget: list[BudgetRow]
    provisions: list[ProvisionRow]
    slipped: list[SlipRow]
    baselines: list[str]
    notes: list[tuple[str, str, str]]  # (topic, title, body)
    contacts: list[ContactRow]
    cities: list[tuple[str, str, str]]  # (name, master planner, implementer)
    gantt_rows: list[GanttRow]
    extra: dict[str, Any] = field(default_factory=dict)


class Redactor:
    """Leaves personal names and phone numbers out of text when ``on``."""

    def __init__(self, on: bool, names: set[str]) -> None:
        self.on = on
        self.names = sorted((n for n in names if len(n.strip()) >= 2), key=len, reverse=True)

    def name(self, value: str) -> str:
        return (REDACTED if value else "") if self.on else value

    def phone(self, value: str) -> str:
        return "" if self.on else value

    def text(self, value: str) -> str:
        if not self.on or not value:
            return value
        for n in self.names:
            value = value.replace(n, REDACTED)
        value = _TITLED_NAME.sub(REDACTED, value)
        value = _EMAIL.sub("", _PHONE.sub("", value))
        value = _EXTENSION.sub("", value)
        return re.sub(r"\(\s*[,\s]*\)", "", value)


def _load_schedule(store: Store, as_of: date | None = None) -> tuple[list[m.Task], Any, Any]:
    from ..store.planning import load_schedule

    return load_schedule(store, status_date=as_of)  # unfinished work forecast from as_of


def _task_status(task: m.Task, st: Any, as_of: date) -> str:
    return task_status(task, st, as_of).value


def _plan_day(task: m.Task) -> date | None:
    return task.finish.latest() if task.finish else None


def gather(store: Store, definition: Any, *, as_of: date, ministry: m.Organisation | None = None,
           baseline: str | None = None, redact: bool = False, next_n: int = 10,
           due_days: int = 30, check: Callable[[], None] | None = None) -> Briefing:
    """Collect every figure of the report ``definition`` as of ``as_of``.

    ``check`` is called between steps (the builder raises there on cancel).
    """
    check = check or (lambda: None)
    project = store.project()
    orgs = {o.id: o for o in store.organisations()}
    cities = {c.id: c for c in store.all(m.City)}
    tasks, schedule, calendar = _load_schedule(store, as_of)
    check()
    by_id = {t.id: t for t in tasks}
    owner_of = inherited(tasks, "owner_org_id")  # the dashboard's rule: nearest ancestor's
    city_of = inherited(tasks, "city_id")
    contacts = store.all(m.Contact)
    signoffs = store.all(m.Signoff, order_by="signed_on, id")
    updates = store.all(m.StatusUpdate, order_by="report_date, id")
    # People whose names are scrubbed from free text too (status authors and "done by" are
    # often placeholders or log-in names, so only their own fields are blanked).
    names = {c.name for c in contacts} | {s.approver_name for s in signoffs}
    for c in cities.values():
        if c.master_planner:
            names |= {c.master_planner, c.master_planner.split("(")[0].strip(),
                      c.master_planner.split()[0]}
    red = Redactor(redact, {n for n in names if n})

    def org_name(org_id: int | None) -> str:
        return orgs[org_id].name_ko if org_id in orgs else ""

    def st(task: m.Task) -> Any:
        try:
            return schedule[task.id]
        except (KeyError, IndexError, TypeError):
            return None

    # -- scope -------------------------------------------------------------------
    checklist = store.checklist()
    if ministry is not None:
        item_tasks = {i.task_id for i in checklist if i.org_id == ministry.id}
        scoped_ids = {t.id for t in tasks if owner_of[t.id] == ministry.id} | item_tasks
        if not scoped_ids:
            raise ReportDataError(
                f"{ministry.code}: this ministry owns no tasks or checklist items")
        checklist = [i for i in checklist if i.org_id == ministry.id
                     or (i.org_id is None and by_id.get(i.task_id)
                         and owner_of.get(i.task_id) == ministry.id)]
    else:
        scoped_ids = {t.id for t in tasks}
    scoped = [t for t in tasks if t.id in scoped_ids]
    statuses = {t.id: _task_status(t, st(t), as_of) for t in scoped}
    latest_update: dict[int, m.StatusUpdate] = {}
    for u in updates:
        if u.report_date <= as_of:
            latest_update[u.task_id] = u
    check()

    # -- milestones ---------------------------------------------------------------
    def milestone_row(t: m.Task) -> MilestoneRow:
        s = st(t)
        city = cities.get(city_of[t.id])
        owner = orgs.get(owner_of[t.id])
        rag = latest_update.get(t.id)
        return MilestoneRow(
            task_id=t.id, wbs=t.wbs, name=red.text(t.name_ko), owner=owner.name_ko if owner else "",
            owner_code=owner.code if owner else "", city=city.name_ko if city else "",
            planned=t.finish.label("ko") if t.finish else "", planned_day=_plan_day(t),
            forecast=getattr(s, "finish", None), actual=t.actual_finish, status=statuses[t.id],
            rag=rag.rag.value if rag else None, critical=bool(getattr(s, "critical", False)),
            planned_work=t.is_assumption,
            bucket=milestone_bucket(t, s, as_of, due_days).value,
        )

    ms_rows = [milestone_row(t) for t in scoped if t.is_milestone]
    ms_rows.sort(key=lambda r: (r.forecast or r.planned_day or date.max, r.wbs))
    counts = _milestone_counts(ms_rows, as_of, due_days)
    row_of = {r.task_id: r for r in ms_rows}
    upcoming = [row_of[t.id] for t, _ in next_milestones(scoped, schedule, as_of, next_n)]
    overdue = [r for r in ms_rows if r.bucket == MilestoneBucket.OVERDUE.value]

    # -- per ministry ---------------------------------------------------------------
    owners = [orgs[i] for i in sorted({owner_of[t.id] for t in scoped if owner_of[t.id]})]
    if ministry is not None:
        owners = [ministry]
    owners.sort(key=lambda o: (not o.responsible, o.kind is not m.OrgKind.MINISTRY, o.id))
    task_names = {t.id: (t.wbs, red.text(t.name_ko)) for t in tasks}
    blocks = []
    for org in owners:
        own = [t for t in scoped if owner_of[t.id] == org.id and not t.is_summary]
        own_ids = {t.id for t in own}
        items = [i for i in checklist if i.org_id == org.id
                 or (i.org_id is None and i.task_id in own_ids)]
        open_rows = [
            ChecklistRow(red.text(i.text), *task_names.get(i.task_id, ("", "")), org_name(i.org_id),
                         i.due, i.done, bool(i.due and i.due < as_of), red.name(i.done_by))
            for i in items if not i.done
        ]
        open_rows.sort(key=lambda r: (not r.overdue, r.due or date.max, r.wbs))
        org_rows = [r for r in ms_rows if r.owner_code == org.code]
        status_counts: dict[str, int] = {}
        for r in org_rows:
            status_counts[r.status] = status_counts.get(r.status, 0) + 1
        blocks.append(MinistryBlock(
            code=org.code, name=org.name_ko, department=org.department_ko, tasks=len(own),
            percent=_weighted_percent(own, st), milestones=_milestone_counts(org_rows, as_of,
                                                                             due_days),
            items_done=sum(1 for i in items if i.done),
            items_open=sum(1 for i in items if not i.done),
            items_overdue=sum(1 for r in open_rows if r.overdue),
            open_items=open_rows,
            statuses=[StatusRow(*task_names[u.task_id], u.report_date, u.rag.value,
                                red.text(u.narrative), red.name(u.author))
                      for tid, u in sorted(latest_update.items(),
                                           key=lambda kv: task_names.get(kv[0], ("",))[0])
                      if tid in own_ids and tid in task_names],
            signoffs=[SignoffRow(*task_names[s.task_id], red.name(s.approver_name),
                                 s.approver_position, s.signed_on, red.text(s.note), s.revoked,
                                 red.text(s.revoke_reason))
                      for s in signoffs if s.task_id in own_ids and s.signed_on <= as_of],
            status_counts=status_counts,
        ))
    check()

    # -- cities, budget, provisions, notes, contacts ------------------------------------
    city_percent = []
    for city in cities.values():
        in_city = [t for t in scoped if city_of[t.id] == city.id and not t.is_summary]
        if in_city:
            city_percent.append((city.name_ko, _weighted_percent(in_city, st)))
    budget_lines = store.all(m.BudgetLine, order_by="year, sort_order, id")
    if ministry is not None:
        budget_lines = [b for b in budget_lines if b.org_id == ministry.id]
    # a row's period as written ("2019–2021"), its owner marked when the source names none
    budget = [BudgetRow(b.year, b.area, b.item, b.planned, b.executed,
                        cities[b.city_id].name_ko if b.city_id in cities else "",
                        org_name(b.org_id) + (" *" if b.org_assumed and b.org_id else ""),
                        b.kind, b.period) for b in budget_lines]
    history = store.all(m.ProvisionStageChange)
    provisions = []
    for p in store.all(m.Provision, order_by="sort_order, id"):
        stage, since = stage_on(p, history, as_of)  # the stage on the briefing's date
        provisions.append(ProvisionRow(
            p.name_ko, p.allows_ko, p.law_ko,
            STAGE_LABEL.get(stage.value, stage.value) if stage else "발의 전",
            since.label("ko") if since else "", p.target.label("ko") if p.target else "",
            p.group_ko))
    notes = [(n.topic, red.text(n.title_ko), red.text(n.body_ko))
             for n in store.all(m.Note, order_by="sort_order, id")]
    contact_orgs = {ministry.id} if ministry is not None else set(orgs)
    contact_rows = [
        ContactRow(org_name(c.org_id), orgs[c.org_id].department_ko if c.org_id in orgs else "",
                   red.name(c.name), c.position, red.phone(c.phone), red.phone(c.email), c.role)
        for c in contacts if c.org_id in contact_orgs
    ]
    city_rows = [(c.name_ko, red.name(c.master_planner), org_name(c.implementer_org_id))
                 for c in cities.values()]

    # -- baseline ------------------------------------------------------------------------
    baselines = store.all(m.Baseline, "project_id = ?", (project.id,), order_by="created_at, id")
    chosen = _pick_baseline(baselines, baseline)
    base_tasks: dict[int, m.BaselineTask] = {}
    if chosen is not None:
        base_tasks = {b.task_id: b for b in store.all(m.BaselineTask, "baseline_id = ?",
                                                      (chosen.id,))}
    slipped = []
    if chosen is not None:
        by_ms = {r.task_id: r for r in ms_rows}
        variances = compare(scoped, schedule, base_tasks.values(), calendar)
        for v in slipped_milestones(variances):
            r = by_ms.get(v.task_id)
            if r is not None and v.baseline_finish is not None:
                slipped.append(SlipRow(r.wbs, r.name, r.owner, v.baseline_finish,
                                       v.current_finish, int(v.finish_days or 0)))
    check()

    # -- Gantt rows: the scoped tasks plus their summary ancestors for context -------------
    shown = set(scoped_ids)
    for t in scoped:
        parent = t.parent_id
        while parent is not None and parent in by_id and parent not in shown:
            shown.add(parent)
            parent = by_id[parent].parent_id
    depth: dict[int, int] = {}
    gantt_rows = []
    for t in tasks:
        depth[t.id] = depth.get(t.parent_id, -1) + 1 if t.parent_id in depth else 0
        if t.id not in shown:
            continue
        s = st(t)
        b = base_tasks.get(t.id)
        gantt_rows.append(GanttRow(
            label=f"{t.wbs} {red.text(t.name_ko)}", level=depth[t.id], kind=t.kind.value,
            start=getattr(s, "start", None) or (t.start.earliest() if t.start else None),
            finish=getattr(s, "finish", None) or (t.finish.latest() if t.finish else None),
            percent=float(getattr(s, "percent", None) or t.percent_complete),
            critical=bool(getattr(s, "critical", False)), done=t.is_done,
            baseline_start=b.start if b else None, baseline_finish=b.finish if b else None,
        ))

    if ministry is not None:
        department = f"{ministry.name_ko} {ministry.department_ko}".strip()
    else:
        lead = next((o for o in orgs.values() if o.code == "MOLIT"), None)
        department = f"{lead.name_ko} {lead.department_ko}".strip() if lead else "관계부처 합동"
    non_summary = [t for t in scoped if not t.is_summary]
    title = definition.title_ko + (f" ({ministry.name_ko})" if ministry is not None else "")
    return Briefing(
        kind=definition.kind, title=title, marking=definition.marking, as_of=as_of,
        generated=datetime.now(), db_name=store.path.name, project=project.name_ko,
        department=department, scope_org=ministry, redact=redact,
        baseline=chosen.name if chosen else None, tasks_total=len(non_summary),
        percent=_weighted_percent(non_summary, st), milestone_counts=counts,
        milestones=ms_rows, next_milestones=upcoming, overdue=overdue,
        ministries=blocks, city_percent=city_percent, budget=budget, provisions=provisions,
        slipped=slipped, baselines=[b.name for b in baselines], notes=notes,
        contacts=contact_rows, cities=city_rows, gantt_rows=gantt_rows,
    )


def _pick_baseline(baselines: list[m.Baseline], name: str | None) -> m.Baseline | None:
    if name is None:
        return baselines[-1] if baselines else None
    for b in baselines:
        if b.name == name:
            return b
    known = ", ".join(b.name for b in baselines) or "none saved yet"
    raise ReportDataError(f"unknown baseline '{name}' (known: {known})")


def _milestone_counts(rows: list[MilestoneRow], as_of: date, due_days: int
                      ) -> MilestoneCounts:
    """Counts by the dashboard's buckets (domain.programme.milestone_bucket)."""
    counts = MilestoneCounts()
    for r in rows:
        counts.add(MilestoneBucket(r.bucket))
    return counts


def _weighted_percent(tasks: list[m.Task], st: Callable[[m.Task], Any]) -> float:
    """Percent complete weighted by working-day duration (as programme.percent_by_ministry)."""
    pairs = [(s.percent, s.duration) for t in tasks if (s := st(t)) is not None]
    return round(weighted_percent(pairs), 1)
