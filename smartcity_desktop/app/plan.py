"""The one in-memory plan: tasks, links, calendar, schedule and statuses (no Qt).

Built once from the store, then kept current by :meth:`PlanModel.sync`, which
replays what was committed since it last looked. It reads the audit log's new
entries (every write lands there in the same transaction), so a commit made by
this window, by the CLI or by another program on the same file takes the same
path: the touched rows are re-read, the schedule is recomputed incrementally
(only what a changed task or link reaches) and a :class:`PlanDelta` says which
task rows now show something different. Views, briefings, status and exports
read this object instead of re-reading and rescheduling the database.

A change of outline (a task added, removed, re-parented or re-ordered), of the
calendar or of the project start rebuilds the schedule, which is still one
pass; more than :data:`REPLAY_LIMIT` entries at once (a big import) reload all.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..domain import model as m
from ..domain.calendar import WorkCalendar
from ..domain.scheduler import Schedule, Scheduler
from ..domain.status import effective_percent, task_status
from .ports import StorePort

log = logging.getLogger(__name__)
REPLAY_LIMIT = 2000
_STRUCTURE_FIELDS = ("parent_id", "sort_order", "kind", "project_id")
_LOOKUP_TABLES = {"organisations": m.Organisation, "cities": m.City}


@dataclass
class Scheduled:
    """What the table and chart show for one task."""

    start: date | None
    finish: date | None
    total_float: float | None = None
    critical: bool = False
    status: str = "not_started"
    percent: float | None = None  # rolled up for summaries; checklist-driven where set
    duration: int | None = None  # working days, as the scheduler counts them


@dataclass
class PlanDelta:
    """What one :meth:`PlanModel.sync` changed."""

    tables: set[str] = field(default_factory=set)
    task_ids: set[int] = field(default_factory=set)  # rows that show something new
    structure: bool = False  # rows added, removed or moved in the outline
    links: bool = False
    full: bool = False  # everything was reloaded

    @property
    def empty(self) -> bool:
        return not (self.tables or self.task_ids or self.structure or self.full)


class PlanModel:
    """The plan of one open database, as every view and report sees it."""

    def __init__(self, store: StorePort) -> None:
        self.store = store
        self.reload()

    # -- building ----------------------------------------------------------------------
    def reload(self) -> None:
        """Read everything and schedule it from scratch."""
        store = self.store
        self.audit_head = store.audit_head()
        self.data_version = store.data_version()
        self.project: m.Project = store.project()
        self.orgs: dict[int, m.Organisation] = {o.id: o for o in store.all(m.Organisation)}
        self.cities: dict[int, m.City] = {c.id: c for c in store.all(m.City)}
        self.tasks: dict[int, m.Task] = {t.id: t for t in store.tasks(self.project.id)}
        self.dependencies: dict[int, m.Dependency] = {d.id: d for d in store.dependencies()}
        self.calendar: WorkCalendar = store.project_calendar(self.project.id)
        self._checklist_tasks = {t.id for t in self.tasks.values() if t.percent_from_checklist}
        self.percents = store.checklist_percents(list(self.tasks.values()))
        self._index_outline()
        self._reschedule_all()

    def _index_outline(self) -> None:
        children: dict[int, list[int]] = {0: []}
        parent_of: dict[int, int] = {}
        for task in sorted(self.tasks.values(), key=lambda t: (t.sort_order, t.id)):
            pid = task.parent_id if task.parent_id in self.tasks else 0
            parent_of[task.id] = pid or 0
            children.setdefault(pid or 0, []).append(task.id)
        self.children, self.parent_of = children, parent_of
        self._order: list[int] | None = None

    def _reschedule_all(self) -> None:
        self.error = ""
        try:
            self.scheduler: Scheduler | None = Scheduler(
                list(self.tasks.values()), list(self.dependencies.values()), self.calendar,
                self.project.start, percents=self.percents,
                status_date=self.project.status_date)  # unfinished work is held to it
            self.schedule: Schedule | None = self.scheduler.compute()
            self.scheduler.take_changed()  # everything is new: nothing to diff against
        except (m.ValidationError, ValueError) as exc:
            self.scheduler, self.schedule = None, None
            self.error = str(exc)
            log.warning("schedule unavailable: %s", exc)
        self.scheduled: dict[int, Scheduled] = {}
        self.critical_ids: set[int] = set()
        for tid in self.tasks:
            self._describe(tid)

    def _describe(self, tid: int) -> None:
        task, schedule = self.tasks[tid], self.schedule
        st = schedule.get(tid) if schedule is not None else None
        if st is not None:
            info = Scheduled(st.start, st.finish, st.total_float, bool(st.critical),
                             percent=st.percent, duration=st.duration)
        else:
            info = Scheduled(task.start.earliest() if task.start else None,
                             task.finish.latest() if task.finish else None)
        info.status = task_status(task, st, self.as_of).value
        self.scheduled[tid] = info
        if info.critical:
            self.critical_ids.add(tid)
        else:
            self.critical_ids.discard(tid)

    # -- reading ------------------------------------------------------------------------
    @property
    def status_date(self) -> date | None:
        return self.project.status_date

    @property
    def as_of(self) -> date:
        return self.project.status_date or date.today()

    def task(self, task_id: int) -> m.Task | None:
        return self.tasks.get(task_id)

    def ordered_ids(self) -> list[int]:
        """Every task id in outline (depth-first) order; kept until the outline changes."""
        if self._order is None:
            out: list[int] = []
            stack = list(reversed(self.children.get(0, [])))
            while stack:
                tid = stack.pop()
                out.append(tid)
                stack.extend(reversed(self.children.get(tid, [])))
            self._order = out
        return self._order

    def ordered_tasks(self) -> list[m.Task]:
        """Every task in outline (depth-first) order."""
        tasks = self.tasks
        return [tasks[tid] for tid in self.ordered_ids()]

    def check_link(self, dep: m.Dependency) -> None:
        """Refuse a link the schedule cannot take (bad ends, summary misuse, a cycle).

        Checked on the in-memory graph, which is current as of the last sync; with
        no schedule (it failed) the store's tasks and links are checked instead.
        """
        if self.scheduler is None:
            self.store.check_dependency(dep)
        else:
            self.scheduler.check_dependency(dep)

    def snapshot(self) -> PlanSnapshot:
        """The plan as it stands now, safe to hand to a worker thread (a briefing)."""
        return PlanSnapshot(self.project, sorted(self.tasks.values(), key=_store_order),
                            list(self.dependencies.values()), self.calendar,
                            dict(self.percents), self.schedule)

    # -- keeping current ---------------------------------------------------------------------
    def refresh_if_changed_elsewhere(self) -> PlanDelta:
        """Pick up commits another program made to the file (cheap when there are none)."""
        version = self.store.data_version()
        if version == self.data_version:
            return PlanDelta()
        self.data_version = version
        return self.sync()

    def sync(self) -> PlanDelta:
        """Replay every committed write since the last sync; return what changed."""
        entries = self.store.audit_entries_since(self.audit_head, REPLAY_LIMIT)
        if not entries:
            return PlanDelta()
        if len(entries) > REPLAY_LIMIT:
            self.reload()
            return PlanDelta(tables={e[2] for e in entries}, task_ids=set(self.tasks),
                             structure=True, links=True, full=True)
        self.audit_head = entries[-1][0]
        touched: dict[str, set[Any]] = {}
        for _id, _action, table, row_id in entries:
            touched.setdefault(table, set()).add(row_id)
        return self._apply(touched)

    def _apply(self, touched: dict[str, set[Any]]) -> PlanDelta:
        delta = PlanDelta(tables=set(touched))
        rebuild = False
        for table, cls in _LOOKUP_TABLES.items():
            if table in touched:
                setattr(self, "orgs" if table == "organisations" else "cities",
                        {o.id: o for o in self.store.all(cls)})
                delta.task_ids.update(self.tasks)  # owner and city names in every row
        if "projects" in touched:
            old, self.project = self.project, self.store.project()
            # forecasts are held to the status date, and statuses are as of it
            rebuild |= (old.start, old.status_date) != (self.project.start,
                                                         self.project.status_date)
            rebuild |= "projects" in touched and self._calendar_fields_changed(old)
        if "calendar_exceptions" in touched:
            self.calendar = self.store.project_calendar(self.project.id)
            rebuild = True
        changed_tasks, structure = self._take_tasks(touched.get("tasks", set()))
        delta.task_ids.update(changed_tasks)
        rebuild |= structure
        delta.structure = structure
        percent_ids = self._take_percents(touched)
        added, removed = self._take_links(_int_ids(touched.get("dependencies", ())))
        delta.links = bool(added or removed)
        if rebuild or self.scheduler is None:
            self._reschedule_all()
            delta.task_ids.update(self.tasks)
            return delta
        try:
            self._reschedule_some(changed_tasks | percent_ids, added, removed)
        except (m.ValidationError, ValueError):
            self._reschedule_all()  # e.g. a cycle written by another program: show why
            delta.task_ids.update(self.tasks)
            return delta
        moved = self.scheduler.take_changed() if self.scheduler is not None else None
        ids = set(self.tasks) if moved is None else moved | changed_tasks | percent_ids
        for tid in ids | delta.task_ids:
            if tid in self.tasks:
                self._describe(tid)
        delta.task_ids.update(ids)
        return delta

    def _calendar_fields_changed(self, old: m.Project) -> bool:
        """The project's own working week, hours or holiday choice moved (a new calendar)."""
        fields = ("work_week", "working_times", "korean_holidays")
        if any(getattr(old, f, None) != getattr(self.project, f, None) for f in fields):
            self.calendar = self.store.project_calendar(self.project.id)
            return True
        return False

    def _take_tasks(self, ids: Iterable[Any]) -> tuple[set[int], bool]:
        """Re-read changed task rows; say whether the outline changed."""
        ids = _int_ids(ids)
        if not ids:
            return set(), False
        fresh = {t.id: t for t in self.store.get_many(m.Task, ids)
                 if t.project_id == self.project.id}
        structure = False
        for tid in ids:
            old, new = self.tasks.get(tid), fresh.get(tid)
            if old is None and new is None:
                continue
            if old is None or new is None or any(
                    getattr(old, f) != getattr(new, f) for f in _STRUCTURE_FIELDS):
                structure = True
            if new is None:
                del self.tasks[tid]
                self.scheduled.pop(tid, None)
                self.critical_ids.discard(tid)
            else:
                self.tasks[tid] = new
            if new is not None and new.percent_from_checklist:
                self._checklist_tasks.add(tid)
            else:
                self._checklist_tasks.discard(tid)
        if structure:
            self._index_outline()
        return set(fresh) | {t for t in ids if t not in fresh}, structure

    def _take_percents(self, touched: dict[str, set[Any]]) -> set[int]:
        """Checklist-driven percents of tasks whose items or sign-offs changed."""
        if not ({"checklist_items", "signoffs", "tasks"} & touched.keys()):
            return set()
        affected = self.store.tasks_of_rows("checklist_items", touched.get("checklist_items", ()))
        affected |= self.store.tasks_of_rows("signoffs", touched.get("signoffs", ()))
        affected |= _int_ids(touched.get("tasks", ()))
        affected &= self._checklist_tasks | set(self.percents)
        changed: set[int] = set()
        for tid in affected:
            task = self.tasks.get(tid)
            if task is None or not task.percent_from_checklist:
                if self.percents.pop(tid, None) is not None:
                    changed.add(tid)
                continue
            items = self.store.checklist(tid)
            value = (effective_percent(task, items, self.store.is_signed_off(tid))
                     if items else None)
            if value is None:
                self.percents.pop(tid, None)
            elif self.percents.get(tid) != value:
                self.percents[tid] = value
                changed.add(tid)
        return changed

    def _take_links(self, ids: set[int]) -> tuple[list[m.Dependency], list[int]]:
        if not ids:
            return [], []
        fresh = {d.id: d for d in self.store.get_many(m.Dependency, ids)}
        added = [d for d in fresh.values() if self.dependencies.get(d.id) != d]
        removed = [i for i in ids if i in self.dependencies and i not in fresh]
        for i in removed:
            del self.dependencies[i]
        self.dependencies.update((d.id, d) for d in added)
        return added, removed

    def _reschedule_some(self, task_ids: set[int], added: list[m.Dependency],
                         removed: list[int]) -> None:
        scheduler = self.scheduler
        assert scheduler is not None
        for tid in task_ids:
            if tid in self.tasks:
                percent = self.percents.get(tid)
                if percent is None:
                    scheduler.percents.pop(tid, None)  # follows its own percent again
                self.schedule = scheduler.update_task(self.tasks[tid], percent)
        if added or removed:
            self.schedule = scheduler.change_links(added, removed)


def _store_order(task: m.Task) -> tuple[int, int]:
    return task.sort_order, task.id or 0


@dataclass(frozen=True)
class PlanSnapshot:
    """Tasks, links, calendar and schedule at one moment, for briefings, status and exports.

    Rows are never changed in place (a sync replaces them) and a :class:`Schedule` is
    immutable, so a snapshot stays true while the window goes on editing.
    """

    project: m.Project
    tasks: list[m.Task]  # in the store's order (sort order, id)
    dependencies: list[m.Dependency]
    calendar: WorkCalendar
    percents: dict[int, float]
    schedule: Schedule | None  # as of the project's status date; None: not computed yet
    # schedules computed from this snapshot, by status date (a briefing asks for the plan's
    # span and its figures: at the status date that is one computation, not two)
    _computed: dict[date | None, tuple[list[m.Task], Schedule]] = field(
        default_factory=dict, compare=False, repr=False)

    @classmethod
    def read(cls, store: StorePort) -> PlanSnapshot:
        """Read one from the store without scheduling it (a command-line run)."""
        project = store.project()
        tasks = store.tasks(project.id)
        return cls(project, tasks, store.dependencies(), store.project_calendar(project.id),
                   store.checklist_percents(tasks), None)

    def schedule_as_of(self, status_date: date | None = None
                       ) -> tuple[list[m.Task], Schedule, WorkCalendar]:
        """Tasks, schedule and calendar with unfinished work held to ``status_date``
        (default: the project's), as ``store.planning.load_schedule`` gives them; the
        window's own schedule is reused when the date is the project's status date."""
        day = status_date or self.project.status_date
        if self.schedule is not None and day == self.project.status_date:
            return self.tasks, self.schedule, self.calendar
        found = self._computed.get(day)
        if found is None:
            scheduler = Scheduler(self.tasks, self.dependencies, self.calendar,
                                  self.project.start, percents=dict(self.percents),
                                  status_date=day)
            found = self._computed[day] = (list(scheduler.tasks.values()), scheduler.compute())
        return found[0], found[1], self.calendar


def _int_ids(ids: Iterable[Any]) -> set[int]:
    out: set[int] = set()
    for value in ids:
        try:
            out.add(int(value))
        except (TypeError, ValueError):
            continue
    return out
