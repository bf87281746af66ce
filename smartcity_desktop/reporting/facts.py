"""What the decision page lists: late work with owners and days late, sign-offs waiting,
what falls due next, provisions still before the Assembly, under-executed budget, and
how fresh each ministry's figures are.

Everything is computed from the plan and the status date by stated rules:

- *late*: a task or milestone whose status is late (domain.status), days late counted
  in calendar days from its due date (domain.status.due_date);
- *sign-off waiting*: a gated milestone (``needs_signoff``) due within the window
  or already late, with no valid sign-off on or before the status date;
- *under-executed*: a year's budget area whose execution rate is more than
  :data:`UNDER_MARGIN` below the share of that year already elapsed (checked once
  a quarter of the year has passed);
- *planned percent* ("계획 일정상 진척률"): the share of the work the plan puts before the
  status date - the baseline's dates, else the plan dates as written, else the schedule
  as planned (domain.plan_progress); never the forecast, so late work shows behind plan;
- *freshness*: the setting ``exchange.received.<ORGCODE>`` (ISO date, written when
  a ministry's return arrives) if present, else the newest status update or actual
  date of that ministry's work on or before the status date.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ..domain import model as m
from ..domain.dates import parse_day
from ..domain.plan_progress import Window, planned_percent
from ..domain.provisions import stage_on
from ..domain.status import TaskStatus, due_date, task_status

UNDER_MARGIN = 0.25
WINDOW_DAYS = 30
AWAITING = (m.ProvisionStage.BILL_PROPOSED, m.ProvisionStage.IN_COMMITTEE)


@dataclass
class LateRow:
    wbs: str
    name: str
    owner: str
    owner_code: str
    milestone: bool
    due: date
    days_late: int
    needs_signoff: bool = False


@dataclass
class Freshness:
    owner: str
    code: str
    day: date | None
    source: str  # exchange | update | none
    age_days: int | None


@dataclass
class AwaitRow:
    name: str
    stage: str  # ProvisionStage value as of the status date
    stage_label: str
    target: str
    target_day: date | None
    overdue: bool


@dataclass
class UnderRow:
    year: int
    area: str
    planned: float
    executed: float
    elapsed: float  # share of the year elapsed, 0..1

    @property
    def rate(self) -> float:
        return self.executed / self.planned if self.planned else 0.0


@dataclass
class BodyProgress:
    owner: str
    code: str
    ms_due: int  # milestones whose due date is on or before the status date
    ms_done: int  # of those, done
    percent: float  # duration-weighted percent complete
    planned_percent: float  # what the plan (baseline, else plan dates) puts done by now
    late: int


@dataclass
class DecisionFacts:
    late: list[LateRow] = field(default_factory=list)
    gated: list[Any] = field(default_factory=list)  # rows.MilestoneRow
    due_soon: list[Any] = field(default_factory=list)  # rows.MilestoneRow
    tasks_due_soon: int = 0
    awaiting: list[AwaitRow] = field(default_factory=list)
    in_force: int = 0
    provisions: int = 0
    under: list[UnderRow] = field(default_factory=list)
    budget_checked: bool = False  # False early in the year: too soon to judge execution
    freshness: list[Freshness] = field(default_factory=list)
    bodies: list[BodyProgress] = field(default_factory=list)
    ms_total: int = 0
    ms_due: int = 0
    ms_done_of_due: int = 0
    ms_done: int = 0
    percent: float = 0.0
    planned_percent: float = 0.0


def stage_as_of(p: m.Provision, changes: list[m.ProvisionStageChange], as_of: date
                ) -> m.ProvisionStage | None:
    """The provision's stage on ``as_of`` (None: not yet proposed): the one domain rule."""
    return stage_on(p, changes, as_of)[0]


def freshness(store: Any, org: m.Organisation, own: list[m.Task],
              updates: list[m.StatusUpdate], as_of: date) -> Freshness:
    raw = store.setting(f"exchange.received.{org.code}", "")
    if raw:
        try:
            day = parse_day(raw[:10])
        except ValueError:
            day = None
        if day is not None and day <= as_of:
            return Freshness("", org.code, day, "exchange", (as_of - day).days)
    ids = {t.id for t in own}
    days = [u.report_date for u in updates
            if (u.task_id in ids or u.org_id == org.id) and u.report_date <= as_of]
    days += [d for t in own for d in (t.actual_start, t.actual_finish) if d and d <= as_of]
    if not days:
        return Freshness("", org.code, None, "none", None)
    day = max(days)
    return Freshness("", org.code, day, "update", (as_of - day).days)


def late_rows(scoped: list[m.Task], st: Callable[[m.Task], Any], as_of: date,
              owner: Callable[[m.Task], tuple[str, str]], name: Callable[[m.Task], str]
              ) -> list[LateRow]:
    out = []
    for t in scoped:
        if t.is_summary:
            continue
        s = st(t)
        if task_status(t, s, as_of) is not TaskStatus.LATE:
            continue
        due = due_date(t, s) or as_of
        who, code = owner(t)
        out.append(LateRow(t.wbs, name(t), who, code, t.is_milestone, due,
                           max((as_of - due).days, 0), t.needs_signoff))
    out.sort(key=lambda r: (not r.milestone, -r.days_late, r.wbs))
    return out


def under_executed(lines: list[m.BudgetLine], as_of: date) -> tuple[list[UnderRow], bool]:
    """Budget areas behind the year's elapsed share; and whether any year could be judged."""
    groups: dict[tuple[int, str], UnderRow] = {}
    checked = False
    for b in lines:
        if b.kind != "budget" or b.year > as_of.year:
            continue
        start = date(b.year, 1, 1)
        elapsed = 1.0 if b.year < as_of.year else (as_of - start).days / 365
        if elapsed < 0.25:
            continue
        checked = True
        row = groups.setdefault((b.year, b.area), UnderRow(b.year, b.area, 0.0, 0.0, elapsed))
        row.planned += b.planned
        row.executed += b.executed
    under = [r for r in groups.values() if r.planned and r.rate < r.elapsed - UNDER_MARGIN]
    return under, checked


def window_end(as_of: date) -> date:
    return as_of + timedelta(days=WINDOW_DAYS)


def build(store: Any, *, scoped: list[m.Task], st: Callable[[m.Task], Any], as_of: date,
          owner_of: dict[int, int | None], orgs: dict[int, m.Organisation],
          ms_rows: list[Any], updates: list[m.StatusUpdate], lang: str,
          name: Callable[[m.Task], str], percent: Callable[[list[m.Task]], float],
          budget_lines: list[m.BudgetLine],
          provision_label: Callable[[m.Provision, Any], AwaitRow],
          plan: Mapping[int, Window], only: int | None = None) -> DecisionFacts:
    """Every list of the decision page for the scoped tasks at ``as_of`` (bodies limited
    to ``only`` in a ministry briefing). ``plan`` holds each task's plan window
    (domain.plan_progress): the planned percent is read from it, never the forecast."""
    def owner(t: m.Task) -> tuple[str, str]:
        o = orgs.get(owner_of.get(t.id))
        return (o.name(lang), o.code) if o else ("", "")

    f = DecisionFacts()
    f.late = late_rows(scoped, st, as_of, owner, name)
    end = window_end(as_of)
    f.gated = [r for r in ms_rows if r.needs_signoff and not r.signed and r.bucket != "done"
               and r.due is not None and r.due <= end]
    f.due_soon = [r for r in ms_rows if r.bucket == "due"]
    work = [t for t in scoped if not t.is_summary]
    f.tasks_due_soon = sum(
        1 for t in work if not t.is_milestone and (d := due_date(t, st(t))) is not None
        and as_of <= d <= end and task_status(t, st(t), as_of) is not TaskStatus.DONE)
    f.ms_total = len(ms_rows)
    f.ms_done = sum(1 for r in ms_rows if r.bucket == "done")
    due_rows = [r for r in ms_rows if r.due is not None and r.due <= as_of]
    f.ms_due = len(due_rows)
    f.ms_done_of_due = sum(1 for r in due_rows if r.bucket == "done")
    f.percent = percent(work)
    f.planned_percent = planned_percent(work, st, plan, as_of)
    f.under, f.budget_checked = under_executed(budget_lines, as_of)

    # bodies with something due by the end of the window; the others are left out
    by_owner: dict[int, list[m.Task]] = {}
    for t in work:
        if owner_of.get(t.id) in orgs:
            by_owner.setdefault(owner_of[t.id], []).append(t)
    for org_id, own in by_owner.items():
        if only is not None and org_id != only:
            continue
        org = orgs[org_id]
        due_any = [t for t in own if (d := due_date(t, st(t))) is not None and d <= end]
        if not due_any:
            continue
        mine = [r for r in ms_rows if r.owner_code == org.code]
        mdue = [r for r in mine if r.due is not None and r.due <= as_of]
        f.bodies.append(BodyProgress(
            org.name(lang), org.code, len(mdue), sum(1 for r in mdue if r.bucket == "done"),
            percent(own), planned_percent(own, st, plan, as_of),
            sum(1 for r in f.late if r.owner_code == org.code)))
        fresh = freshness(store, org, own, updates, as_of)
        fresh.owner = org.name(lang)
        f.freshness.append(fresh)
    order = {o.id: (not o.responsible, o.id) for o in orgs.values()}
    code_id = {o.code: o.id for o in orgs.values()}
    f.bodies.sort(key=lambda b: order[code_id[b.code]])
    f.freshness.sort(key=lambda x: order[code_id[x.code]])

    changes = store.all(m.ProvisionStageChange, order_by="id")
    provisions = store.all(m.Provision, order_by="sort_order, id")
    f.provisions = len(provisions)
    for p in provisions:
        stage = stage_as_of(p, changes, as_of)
        if stage is m.ProvisionStage.IN_FORCE:
            f.in_force += 1
        elif stage in AWAITING or stage is None:
            f.awaiting.append(provision_label(p, stage))
    return f
