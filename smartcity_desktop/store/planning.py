"""Planning reads and writes over the store: the scheduled project and its baselines.

One place that turns stored rows into a :class:`~..domain.scheduler.Scheduler`
(project calendar from its calendar exceptions, checklist-driven percents),
checks a new link before it is stored, and saves / lists / compares baselines.
"""

from __future__ import annotations

from datetime import date, datetime

from ..domain import model as m
from ..domain.baseline import Variance, compare, snapshot
from ..domain.calendar import WorkCalendar, calendar_from_exceptions
from ..domain.scheduler import Schedule, Scheduler
from ..domain.status import effective_percent
from .errors import NotFoundError
from .repository import Store


def _project(store: Store, project_id: int | None) -> m.Project:
    return store.project() if project_id is None else store.get(m.Project, project_id)


def project_calendar(store: Store, project_id: int | None = None) -> WorkCalendar:
    """The project's working week, Korean public holidays (unless the project came from a
    file with its own calendar) and the project's own calendar exceptions."""
    project = _project(store, project_id)
    rows = store.all(m.CalendarException, "project_id = ?", (project.id,), order_by="day")
    return calendar_from_exceptions(rows, week=project.week,
                                    public_holidays=project.korean_holidays)


def use_korean_calendar(store: Store, project_id: int | None = None) -> m.Project:
    """Put the project on the Korean calendar (Monday-Friday, 09-18, Korean public holidays),
    keeping its own exception days; one audited update."""
    project = _project(store, project_id)
    project.work_week, project.korean_holidays = m.DEFAULT_WEEK, True
    project.working_times = m.DEFAULT_WORKING_TIMES
    return store.update(project)


def checklist_percents(store: Store, tasks: list[m.Task]) -> dict[int, float]:
    """Percent complete from the checklist for tasks set to follow it (and having items)."""
    follow = {t.id: t for t in tasks if t.percent_from_checklist}
    if not follow:
        return {}
    items: dict[int, list[m.ChecklistItem]] = {}
    for item in store.checklist():
        if item.task_id in follow:
            items.setdefault(item.task_id, []).append(item)
    signed = {s.task_id for s in store.all(m.Signoff, "revoked = 0")}
    return {tid: effective_percent(follow[tid], its, tid in signed) for tid, its in items.items()}


def load_scheduler(store: Store, project_id: int | None = None,
                   calendar: WorkCalendar | None = None, status_date: date | None = None
                   ) -> Scheduler:
    """A scheduler over the project's tasks and links (not yet computed).

    Work not done is held to ``status_date`` (default: the project's status date).
    """
    project = _project(store, project_id)
    tasks = store.tasks(project.id)
    calendar = calendar or project_calendar(store, project.id)
    return Scheduler(tasks, store.dependencies(), calendar, project.start,
                     percents=checklist_percents(store, tasks),
                     status_date=status_date or project.status_date)


def load_schedule(store: Store, project_id: int | None = None, status_date: date | None = None
                  ) -> tuple[list[m.Task], Schedule, WorkCalendar]:
    """The project's tasks (in outline order), their computed schedule and the calendar.

    ``status_date`` (default: the project's) is the day unfinished work is held to.
    """
    scheduler = load_scheduler(store, project_id, status_date=status_date)
    schedule = scheduler.compute()
    return list(scheduler.tasks.values()), schedule, scheduler.calendar


def check_dependency(store: Store, dep: m.Dependency) -> None:
    """Refuse a link (ValidationError / CycleError naming the tasks) before it is stored."""
    pred = store.get(m.Task, dep.predecessor_id)
    load_scheduler(store, pred.project_id).check_dependency(dep)


def add_dependency(store: Store, dep: m.Dependency) -> m.Dependency:
    """Check, then store a link."""
    check_dependency(store, dep)
    return store.insert(dep)


# -- baselines ----------------------------------------------------------------------------
def baselines(store: Store, project_id: int | None = None) -> list[m.Baseline]:
    """The project's baselines, oldest first."""
    project = _project(store, project_id)
    return store.all(m.Baseline, "project_id = ?", (project.id,), order_by="created_at, id")


def find_baseline(store: Store, name_or_id: str | int, project_id: int | None = None
                  ) -> m.Baseline:
    """A baseline by name or id, with a message listing the names when there is none."""
    found = baselines(store, project_id)
    for b in found:
        if b.name == str(name_or_id) or str(b.id) == str(name_or_id):
            return b
    names = ", ".join(b.name for b in found) or "none saved yet"
    raise NotFoundError(f"baseline '{name_or_id}' does not exist (baselines: {names})")


def latest_baseline(store: Store, project_id: int | None = None) -> m.Baseline | None:
    found = baselines(store, project_id)
    return found[-1] if found else None


def baseline_tasks(store: Store, baseline: m.Baseline | int) -> list[m.BaselineTask]:
    baseline_id = baseline if isinstance(baseline, int) else baseline.id
    return store.all(m.BaselineTask, "baseline_id = ?", (baseline_id,), order_by="task_id")


def save_baseline(store: Store, name: str, project_id: int | None = None,
                  schedule: Schedule | None = None, when: datetime | None = None
                  ) -> m.Baseline:
    """Save the current schedule as a named, dated baseline (one transaction).

    Any number of baselines may be kept per project; names must be unique.
    """
    name = (name or "").strip()
    if not name:
        raise m.ValidationError("baseline: a baseline needs a name")
    project = _project(store, project_id)
    if any(b.name == name for b in baselines(store, project.id)):
        raise m.ValidationError(f"baseline: '{name}' already exists; choose another name")
    if schedule is None:
        schedule = load_scheduler(store, project.id).compute()
    tasks = store.tasks(project.id)
    created = (when or datetime.now()).isoformat(timespec="seconds")
    with store.transaction():
        baseline = store.insert(m.Baseline(project_id=project.id, name=name, created_at=created))
        for row in snapshot(tasks, schedule, baseline.id):
            store.insert(row)
    return baseline


def delete_baseline(store: Store, baseline: m.Baseline) -> None:
    store.delete(baseline)


def compare_with_baseline(store: Store, baseline: m.Baseline | str | int,
                          project_id: int | None = None) -> list[Variance]:
    """Variance of every task of the current schedule against a saved baseline."""
    if not isinstance(baseline, m.Baseline):
        baseline = find_baseline(store, baseline, project_id)
    tasks, schedule, calendar = load_schedule(store, baseline.project_id)
    return compare(tasks, schedule, baseline_tasks(store, baseline), calendar)
