"""The dashboard's numbers, computed without Qt so they can be tested and reused.

Milestone KPIs, status by ministry, percent complete per ministry and city and the next
milestones come from the scheduler's programme figures (:mod:`..domain.programme` over
:func:`..store.planning.load_schedule`), so the dashboard shows exactly what the reports and
the task table show. This module adds what only the dashboard draws: the S-curve (planned
progress from the newest baseline or the current schedule, actual progress from actual dates
and percent complete), the budget planned vs executed by area and by city, and the
regulatory provisions by stage.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import numpy as np

from ..app.plan import PlanModel
from ..domain import model as m
from ..domain.plan_progress import plan_windows
from ..store import Store


@dataclass
class MinistryStatus:
    code: str
    name: str
    counts: dict[str, int]  # MilestoneBucket value (done/due/overdue/later) -> milestones


@dataclass
class PercentRow:
    code: str
    name: str
    percent: float


@dataclass
class NextMilestone:
    task_id: int
    wbs: str
    name: str
    due: date
    ministry: str
    status: str


@dataclass
class Slip:
    """A milestone now finishing later than in the latest baseline (as the briefing lists)."""

    task_id: int
    wbs: str
    name: str
    ministry: str
    baseline_finish: date
    forecast: date
    slip_days: int  # working days


@dataclass
class Money:
    key: str  # area, or city code ("" = not city-specific)
    label: str
    planned: float
    executed: float


@dataclass
class DashboardData:
    as_of: date
    milestones_done: int = 0
    milestones_due_30: int = 0
    milestones_overdue: int = 0
    milestones_total: int = 0
    by_ministry: list[MinistryStatus] = field(default_factory=list)
    percent_by_ministry: list[PercentRow] = field(default_factory=list)
    percent_by_city: list[PercentRow] = field(default_factory=list)
    next_milestones: list[NextMilestone] = field(default_factory=list)
    scurve_dates: list[date] = field(default_factory=list)
    scurve_planned: list[float] = field(default_factory=list)
    scurve_actual: list[float] = field(default_factory=list)  # up to as_of only
    budget_year: int | None = None
    budget_by_area: list[Money] = field(default_factory=list)
    budget_by_city: list[Money] = field(default_factory=list)
    provisions_by_stage: dict[str, int] = field(default_factory=dict)
    percent_total: float = 0.0  # percent complete weighted by duration (the briefing's)
    baseline_name: str = ""  # the latest baseline, "" when none is saved
    slipped: list[Slip] = field(default_factory=list)

    @property
    def milestones_due_by_date(self) -> int:
        """Milestones due on or before the status date (done or overdue)."""
        return self.milestones_done + self.milestones_overdue


BUCKET_ORDER = ["done", "due", "overdue", "later"]  # programme.MilestoneBucket values


def _name(obj: Any, lang: str) -> str:
    return obj.name_en if lang == "en" and getattr(obj, "name_en", "") else obj.name_ko


def compute(store: Store, as_of: date, lang: str = "ko", plan: PlanModel | None = None
            ) -> DashboardData:
    """Every number the dashboard shows, as of ``as_of``, from the window's plan model."""
    data = DashboardData(as_of=as_of)
    schedule_part(store, plan or PlanModel(store), as_of, lang, data)
    budget_part(store, as_of, lang, data)
    stages = [s.value for s in m.ProvisionStage]
    data.provisions_by_stage = {s: 0 for s in stages}
    for p in store.all(m.Provision):
        data.provisions_by_stage[p.stage.value] += 1
    return data


def schedule_part(store: Store, plan: PlanModel, as_of: date, lang: str,
                  data: DashboardData) -> None:
    """KPIs, per-ministry and per-city figures, next milestones and the S-curve.

    Everything here is the scheduler's programme figures (same buckets, same weighting);
    percent per city applies the programme's per-ministry rule to the inherited city.
    """
    from ..domain import programme
    from ..domain.scheduler import weighted_percent
    from ..domain.status import task_status
    from ..store.planning import baseline_tasks, latest_baseline

    tasks, schedule, calendar = plan.ordered_tasks(), plan.schedule, plan.calendar
    baseline = latest_baseline(store)
    base_rows = baseline_tasks(store, baseline) if baseline is not None else None
    figures = programme.programme_figures(
        tasks, schedule, as_of, n_next=10, calendar=calendar, baseline_tasks=base_rows)
    data.baseline_name = baseline.name if baseline is not None else ""
    orgs, cities = plan.orgs, plan.cities
    data.milestones_done = figures.total.done
    data.milestones_due_30 = figures.total.due
    data.milestones_overdue = figures.total.overdue
    data.milestones_total = figures.total.total

    def org_key(org_id: int | None) -> tuple[str, str]:
        org = orgs.get(org_id) if org_id is not None else None
        return (org.code, _name(org, lang)) if org else ("", "미지정" if lang != "en" else "none")

    order = {o.id: i for i, o in enumerate(orgs.values())}
    for org_id in sorted(figures.by_ministry, key=lambda k: order.get(k, 10**6)):
        counts = figures.by_ministry[org_id]
        code, name = org_key(org_id)
        data.by_ministry.append(MinistryStatus(code, name, {
            b: getattr(counts, b) for b in BUCKET_ORDER}))
    for org_id in sorted(figures.percent_by_ministry, key=lambda k: order.get(k, 10**6)):
        code, name = org_key(org_id)
        data.percent_by_ministry.append(PercentRow(code, name,
                                                   figures.percent_by_ministry[org_id]))
    city_of = programme.inherited(tasks, "city_id")
    groups: dict[int | None, list[tuple[float, int]]] = {}
    for t in tasks:
        if not t.is_summary and t.id in schedule:
            st = schedule[t.id]
            groups.setdefault(city_of[t.id], []).append((st.percent, st.duration))
    for city_id in sorted(groups, key=lambda k: (k is None, k or 0)):
        city = cities.get(city_id) if city_id is not None else None
        data.percent_by_city.append(PercentRow(
            city.code if city else "", _name(city, lang) if city else
            ("공통" if lang != "en" else "Common"), round(weighted_percent(groups[city_id]), 1)))
    by_id = {t.id: t for t in tasks}
    for v in figures.slipped:
        task = by_id.get(v.task_id)
        if task is None or v.baseline_finish is None:
            continue
        owner = orgs.get(task.owner_org_id) if task.owner_org_id else None
        data.slipped.append(Slip(task.id, task.wbs, task.name(lang),
                                 _name(owner, lang) if owner else "", v.baseline_finish,
                                 v.current_finish, int(v.finish_days or 0)))
    data.percent_total = round(weighted_percent(
        [(schedule[t.id].percent, schedule[t.id].duration) for t in tasks
         if not t.is_summary and t.id in schedule]), 1)
    for task, st in figures.next:
        owner = orgs.get(task.owner_org_id) if task.owner_org_id else None
        data.next_milestones.append(NextMilestone(
            task.id, task.wbs, task.name(lang), st.finish, _name(owner, lang) if owner else "",
            task_status(task, st, as_of).value))
    windows = plan_windows(tasks, plan.dependencies.values(), calendar, plan.project.start,
                           base_rows or ())
    scurve(tasks, schedule, windows, as_of, data)


def _fraction(start: date, finish: date, d: date) -> float:
    if d < start:
        return 0.0
    if d >= finish:
        return 1.0
    return ((d - start).days + 1) / ((finish - start).days + 1)


def scurve(tasks: list[m.Task], schedule: Any, windows: dict[int, tuple[date, date]],
           as_of: date, data: DashboardData) -> None:
    """Planned vs actual percent complete of the whole programme, sampled month by month.

    Leaf tasks are weighted by their working-day duration (milestones carry no weight, as in
    the scheduler's roll-up). Planned progress of a task grows evenly over its plan window
    (domain.plan_progress: the newest baseline's dates when one exists, else the plan dates
    as written, else the schedule as planned - never the forecast, so late work shows
    behind plan). Actual progress: 100 % from its actual finish; while in progress, its
    percent complete reached evenly between its actual (or scheduled) start and the status
    date.
    """
    parents = {t.parent_id for t in tasks if t.parent_id is not None}
    leaves = [t for t in tasks if t.id not in parents and not t.is_milestone
              and schedule.get(t.id) is not None]
    if not leaves:
        return
    planned_dates = dict(windows)
    weights: dict[int, int] = {}
    for t in leaves:
        st = schedule[t.id]
        planned_dates.setdefault(t.id, (st.start, st.finish))  # only if the plan cannot say
        weights[t.id] = max(st.duration, 1)
    first = min(s for s, _ in planned_dates.values() if s)
    last = max(max(f for _, f in planned_dates.values()), as_of)
    samples = []
    d = date(first.year, first.month, 1)
    while d <= last:
        samples.append(d)
        d = (d.replace(day=28) + timedelta(days=4)).replace(day=1)
    samples.append(last)
    total = sum(weights.values())
    # Vectorised over tasks (numpy): months x tasks in Python loops was quadratic in practice.
    ids = [t.id for t in leaves]
    w = np.array([weights[i] for i in ids], dtype=float)
    p_start = np.array([planned_dates[i][0].toordinal() for i in ids])
    p_finish = np.array([planned_dates[i][1].toordinal() for i in ids])
    done_on = np.array([t.actual_finish.toordinal() if t.actual_finish else 0 for t in leaves])
    a_start = np.array([(t.actual_start or schedule[t.id].start).toordinal() for t in leaves])
    a_finish = np.maximum(a_start, as_of.toordinal())
    share = np.array([t.percent_complete / 100 for t in leaves])
    for d in samples:
        end_of = d if d == last else d - timedelta(days=1)
        day = end_of.toordinal()
        planned = float(w @ _fractions(p_start, p_finish, day))
        data.scurve_dates.append(end_of)
        data.scurve_planned.append(round(100.0 * planned / total, 1))
        if end_of <= as_of:
            finished = (done_on > 0) & (done_on <= day)
            partial = np.where(finished, 1.0,
                               np.where(share > 0, share * _fractions(a_start, a_finish, day), 0))
            data.scurve_actual.append(round(100.0 * float(w @ partial) / total, 1))


def _fractions(start: np.ndarray, finish: np.ndarray, day: int) -> np.ndarray:
    """:func:`_fraction` for arrays of ordinal days."""
    span = (finish - start + 1).astype(float)
    frac = (day - start + 1) / span
    return np.where(day < start, 0.0, np.where(day >= finish, 1.0, frac))


def budget_part(store: Store, as_of: date, lang: str, data: DashboardData) -> None:
    """The national budget of the status date's year (else the newest year before it)."""
    years = store.budget_years("budget")
    if not years:
        return
    year = as_of.year if as_of.year in years else max([y for y in years if y <= as_of.year]
                                                      or [years[0]])
    data.budget_year = year
    lines = store.budget_lines("budget", year)
    cities = {c.id: c for c in store.all(m.City)}
    areas: dict[str, Money] = {}
    by_city: dict[str, Money] = {}
    for line in lines:
        a = areas.setdefault(line.area, Money(line.area, line.area, 0.0, 0.0))
        a.planned += line.planned
        a.executed += line.executed
        city = cities.get(line.city_id) if line.city_id else None
        key = city.code if city else ""
        label = _name(city, lang) if city else ("공통" if lang != "en" else "Common")
        c = by_city.setdefault(key, Money(key, label, 0.0, 0.0))
        c.planned += line.planned
        c.executed += line.executed
    data.budget_by_area = list(areas.values())
    data.budget_by_city = sorted(by_city.values(), key=lambda x: (x.key == "", x.key))
