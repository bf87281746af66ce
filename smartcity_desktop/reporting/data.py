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
from datetime import date, datetime
from typing import Any

from ..app.plan import PlanSnapshot
from ..domain import model as m
from ..domain import task_fields as tf
from ..domain.baseline import compare, slipped_milestones
from ..domain.plan_progress import plan_windows
from ..domain.programme import (
    MilestoneBucket,
    MilestoneCounts,
    inherited,
    milestone_bucket,
    next_milestones,
)
from ..domain.scheduler import weighted_percent
from ..domain.status import due_date, task_status
from ..messages import Refusal, register
from ..store import Store
from .facts import AwaitRow, stage_as_of
from .facts import build as build_facts
from .gantt_pdf import GanttRow
from .labels import (
    MARKING_EN,
    contact_department,
    org_heading,
    pick_language,
    position_label,
    stage_label,
)
from .rows import (
    Briefing,
    BudgetRow,
    ChecklistRow,
    ContactRow,
    MilestoneRow,
    MinistryBlock,
    ProvisionRow,
    SignoffRow,
    SlipRow,
    StatusRow,
)

__all__ = ["Briefing", "BudgetRow", "ChecklistRow", "ContactRow", "MilestoneRow",
           "MinistryBlock", "ProvisionRow", "SignoffRow", "SlipRow", "StatusRow", "gather",
           "ReportDataError", "Redactor"]

REDACTED = "○○○"
_PHONE = re.compile(r"(?<!\d)(?:0\d{1,2}[-.) ]\d{3,4}[-. ]\d{4}|\d{3,4}-\d{4})(?!\d)")
_EXTENSION = re.compile(r"\((\d{4})\)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# "박선호 제1차관", "남유성 연구원": a three-syllable name before an official title.
_TITLED_NAME = re.compile(
    r"(?<![가-힣])[가-힣]{2,3}(?=\s?(?:장관|제?\d?차관|과장|팀장|사무관|주무관|교수|전문위원|"
    r"연구원|의원|위원장|국장|실장|단장)(?![가-힣]))")


class ReportDataError(Refusal, ValueError):
    """A report that cannot be gathered (unknown baseline, ministry without tasks...)."""


register({
    "report.no_tasks": ("{code}: 이 부처가 맡은 과제나 점검항목이 없습니다",
                        "{code}: this ministry owns no tasks or checklist items"),
    "report.unknown_baseline": ("알 수 없는 기준선 '{name}' (저장된 기준선: {known})",
                                "unknown baseline '{name}' (known: {known})"),
})


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


def _load_schedule(store: Store, as_of: date | None = None, plan: PlanSnapshot | None = None
                   ) -> tuple[list[m.Task], Any, Any]:
    """The plan model's schedule (the window's own, or read once for a command-line run),
    with unfinished work forecast from ``as_of``."""
    return (plan or PlanSnapshot.read(store)).schedule_as_of(as_of)


def _task_status(task: m.Task, st: Any, as_of: date) -> str:
    return task_status(task, st, as_of).value


def _plan_day(task: m.Task) -> date | None:
    return task.finish.latest() if task.finish else None


def gather(store: Store, definition: Any, *, as_of: date, ministry: m.Organisation | None = None,
           baseline: str | None = None, redact: bool = False, next_n: int = 10,
           due_days: int = 30, check: Callable[[], None] | None = None,
           lang: str = "ko", plan: PlanSnapshot | None = None) -> Briefing:
    """Collect every figure of the report ``definition`` as of ``as_of``.

    ``check`` is called between steps (the builder raises there on cancel). Names
    come from the English columns when ``lang`` is ``en``. ``plan`` is the window's
    plan model snapshot (``PlanModel.snapshot``); without one the plan is read once.
    """
    check = check or (lambda: None)
    project = store.project()
    orgs = {o.id: o for o in store.organisations()}
    cities = {c.id: c for c in store.all(m.City)}
    plan = plan or PlanSnapshot.read(store)
    tasks, schedule, calendar = _load_schedule(store, as_of, plan)
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
        return orgs[org_id].name(lang) if org_id in orgs else ""

    def tname(t: m.Task) -> str:
        return red.text(t.name(lang))

    signed = {s.task_id for s in signoffs if not s.revoked and s.signed_on <= as_of}

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
            raise ReportDataError("report.no_tasks", code=ministry.code)
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
        due = due_date(t, s)
        late = statuses[t.id] == "late" and due is not None
        return MilestoneRow(
            task_id=t.id, wbs=t.wbs, name=tname(t), owner=owner.name(lang) if owner else "",
            owner_code=owner.code if owner else "", city=city.name_en if city and lang == "en"
            else (city.name_ko if city else ""),
            planned=t.finish.label(lang) if t.finish else "", planned_day=_plan_day(t),
            forecast=getattr(s, "finish", None), actual=t.actual_finish, status=statuses[t.id],
            rag=rag.rag.value if rag else None, critical=bool(getattr(s, "critical", False)),
            planned_work=t.is_assumption,
            bucket=milestone_bucket(t, s, as_of, due_days).value, due=due,
            days_late=(as_of - due).days if late else 0, needs_signoff=t.needs_signoff,
            signed=t.id in signed, lang=lang,
            extras=tuple((f.label(lang), f.display(getattr(t, f.attr), lang))
                         for f in tf.report_fields() if getattr(t, f.attr) != f.default),
        )

    ms_rows = [milestone_row(t) for t in scoped if t.is_milestone]
    ms_rows.sort(key=lambda r: (r.forecast or r.planned_day or date.max, r.wbs))
    counts = _milestone_counts(ms_rows, as_of, due_days)
    row_of = {r.task_id: r for r in ms_rows}
    # falling due within the window first (their computed date may already be past while
    # the plan still allows them), then the next ones by computed date
    due_now = sorted((r for r in ms_rows if r.bucket == MilestoneBucket.DUE.value),
                     key=lambda r: (r.due or date.max, r.wbs))
    upcoming = due_now + [row_of[t.id] for t, _ in next_milestones(scoped, schedule, as_of,
                                                                      next_n)
                          if row_of[t.id] not in due_now]
    upcoming = upcoming[:max(next_n, len(due_now))]
    overdue = [r for r in ms_rows if r.bucket == MilestoneBucket.OVERDUE.value]

    # -- per ministry ---------------------------------------------------------------
    owners = [orgs[i] for i in sorted({owner_of[t.id] for t in scoped if owner_of[t.id]})]
    if ministry is not None:
        owners = [ministry]
    owners.sort(key=lambda o: (not o.responsible, o.kind is not m.OrgKind.MINISTRY, o.id))
    task_names = {t.id: (t.wbs, tname(t)) for t in tasks}
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
            code=org.code, name=org.name(lang),
            department=org.department_en if lang == "en" else org.department_ko, tasks=len(own),
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
            city_percent.append((city.name_en if lang == "en" else city.name_ko,
                                 _weighted_percent(in_city, st)))
    budget_lines = store.all(m.BudgetLine, order_by="year, sort_order, id")
    if ministry is not None:
        budget_lines = [b for b in budget_lines if b.org_id == ministry.id]
    def city_name(cid: int | None) -> str:
        c = cities.get(cid)
        return "" if c is None else (c.name_en if lang == "en" else c.name_ko)

    # a row's period as written ("2019–2021"), its owner marked when the source names none
    budget = [BudgetRow(b.year, b.area, b.item, b.planned, b.executed, city_name(b.city_id),
                        org_name(b.org_id) + (" *" if b.org_assumed and b.org_id else ""),
                        b.kind, b.period) for b in budget_lines]
    changes = store.all(m.ProvisionStageChange, order_by="id")
    provisions = []
    for p in store.all(m.Provision, order_by="sort_order, id"):
        stage = stage_as_of(p, changes, as_of)
        provisions.append(ProvisionRow(
            p.name_en if lang == "en" else p.name_ko, p.allows_en if lang == "en" else p.allows_ko,
            p.law_en if lang == "en" else p.law_ko, stage_label(stage, lang),
            _stage_date(p, changes, stage, lang),
            p.target.label(lang) if p.target else "", "" if lang == "en" else p.group_ko))
    notes = [(n.topic, red.text(n.title_en if lang == "en" else n.title_ko),
              red.text(n.body_en if lang == "en" else n.body_ko))
             for n in store.all(m.Note, order_by="sort_order, id")]
    contact_orgs = {ministry.id} if ministry is not None else set(orgs)
    contact_rows = [
        ContactRow(org_name(c.org_id), contact_department(c, orgs.get(c.org_id), lang),
                   red.name(c.name), position_label(c.position, lang), red.phone(c.phone),
                   red.phone(c.email), pick_language(c.role, lang))
        for c in contacts if c.org_id in contact_orgs
    ]
    city_rows = [(city_name(c.id), red.name(pick_language(c.master_planner, lang)),
                  org_name(c.implementer_org_id)) for c in cities.values()]

    # -- baseline ------------------------------------------------------------------------
    baselines = store.baselines_of(project.id)
    chosen = _pick_baseline(baselines, baseline)
    base_tasks: dict[int, m.BaselineTask] = {}
    if chosen is not None:
        base_tasks = {b.task_id: b for b in store.baseline_rows(chosen.id)}
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
            label=f"{t.wbs} {tname(t)}", level=depth[t.id], kind=t.kind.value,
            start=getattr(s, "start", None) or (t.start.earliest() if t.start else None),
            finish=getattr(s, "finish", None) or (t.finish.latest() if t.finish else None),
            percent=float(getattr(s, "percent", None) or t.percent_complete),
            critical=bool(getattr(s, "critical", False)), done=t.is_done,
            overdue=statuses.get(t.id) == "late",
            baseline_start=b.start if b else None, baseline_finish=b.finish if b else None,
        ))

    lead = ministry or next((o for o in orgs.values() if o.code == "MOLIT"), None)
    department = org_heading(lead, lang) if lead else ("관계부처 합동" if lang == "ko" else
                                                         "Joint ministries")
    non_summary = [t for t in scoped if not t.is_summary]
    title = definition.title(lang) + (f" ({ministry.name(lang)})" if ministry is not None
                                      else "")

    def await_row(p: m.Provision, stage: m.ProvisionStage | None) -> AwaitRow:
        return AwaitRow(p.name_en if lang == "en" else p.name_ko, stage.value if stage else "",
                        stage_label(stage, lang), p.target.label(lang) if p.target else "",
                        p.target.latest() if p.target else None,
                        bool(p.target and p.target.latest() < as_of))

    facts = build_facts(
        store, scoped=scoped, st=st, as_of=as_of, owner_of=owner_of, orgs=orgs,
        ms_rows=ms_rows, updates=updates, lang=lang, name=tname,
        percent=lambda ts: _weighted_percent(ts, st), budget_lines=budget_lines,
        provision_label=await_row, only=ministry.id if ministry is not None else None,
        plan=plan_windows(tasks, plan.dependencies, calendar, project.start,
                          base_tasks.values()))
    starts = [s.start for t in tasks if (s := st(t)) is not None]
    finishes = [s.finish for t in tasks if (s := st(t)) is not None]
    span = (min([project.start, *starts]), max([project.start, *finishes]))
    return Briefing(
        kind=definition.kind, title=title,
        marking=definition.marking if lang == "ko" else MARKING_EN.get(definition.marking,
                                                                       definition.marking),
        as_of=as_of, generated=datetime.now(), db_name=store.path.name,
        project=project.name_en if lang == "en" else project.name_ko,
        department=department, scope_org=ministry, redact=redact,
        baseline=chosen.name if chosen else None, tasks_total=len(non_summary),
        percent=_weighted_percent(non_summary, st), milestone_counts=counts,
        milestones=ms_rows, next_milestones=upcoming, overdue=overdue,
        ministries=blocks, city_percent=city_percent, budget=budget, provisions=provisions,
        slipped=slipped, baselines=[b.name for b in baselines], notes=notes,
        contacts=contact_rows, cities=city_rows, gantt_rows=gantt_rows, lang=lang,
        facts=facts, plan_span=span,
    )


def _stage_date(p: m.Provision, changes: list[m.ProvisionStageChange],
                stage: m.ProvisionStage | None, lang: str) -> str:
    """When the provision reached its current stage (its dated change, else the stored date)."""
    mine = [c for c in changes if c.provision_id == p.id and c.stage is stage]
    if mine:
        return mine[-1].on.label(lang)
    return p.stage_date.label(lang) if p.stage_date and stage is p.stage else ""


def _pick_baseline(baselines: list[m.Baseline], name: str | None) -> m.Baseline | None:
    if name is None:
        return baselines[-1] if baselines else None
    for b in baselines:
        if b.name == name:
            return b
    known = ", ".join(b.name for b in baselines) or "-"
    raise ReportDataError("report.unknown_baseline", name=name, known=known)


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
