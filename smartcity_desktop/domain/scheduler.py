"""The critical-path scheduler: forward and backward pass over the task graph.

Conventions (every date and float the application shows comes from here):

* **Time is counted in working days** of a :class:`~.calendar.WorkCalendar`.
  Internally a task occupies the half-open range ``[S, E)`` of working-day
  *boundaries*: boundary ``k`` is the start of working day ``k`` (= the end of
  working day ``k - 1``) and ``E = S + duration``.
* **A task's start is its first working day and its finish its last working day,
  inclusive**: a 3-day task starting Monday 2019-01-07 finishes Wednesday
  2019-01-09. A **milestone** has zero duration and falls at the *end* of a
  working day; its start and finish are that day. A milestone whose date is
  pinned on a non-working day (a law in force on a holiday) shows that date.
* **Links** (lag in working days, negative lag = lead), where ``S``/``E`` are
  the boundaries above: FS ``S_succ >= E_pred + lag``; SS ``S_succ >= S_pred + lag``;
  FF ``E_succ >= E_pred + lag``; SF ``E_succ >= S_pred + lag``. So FS with lag 0
  means the successor starts on the next working day after the predecessor's finish.
* **Planned dates are imprecise** (:class:`~.dates.PlanDate`). A planned start is
  a floor: the task starts no earlier than ``start.earliest()`` (with no
  predecessors it starts exactly then). A planned finish is a *deadline*: it
  never moves the task, but the late finish is held to ``finish.latest()``, so a
  forecast past the end of the range shows as negative float. Without a planned
  start a task starts no earlier than the project start.
* **Constraints**: SNET is a start floor; FNLT caps the late finish; MFO pushes
  the task so it finishes on the date when its predecessors allow and caps the
  late finish there. A missed constraint is never moved silently: it shows as
  negative total float.
* **Actual dates** (``actual_start``/``actual_finish``) fix the task where it
  happened, whatever its predecessors say; both given, the duration is theirs.
* **Status date** (MS Project's "reschedule uncompleted work"): given one, work
  not done is never forecast before it. A task not started (and any unfinished
  milestone) starts no earlier than the status date; a task in progress keeps
  its start and finishes no earlier than it, its remaining work stretched. Done
  work (an actual finish, or 100 %) is never critical.
* **Summary tasks** (or any task with children) roll up: start = earliest child
  start, finish = latest child finish, percent weighted by working-day duration.
  In the graph a summary is a *gate* (its children cannot start before it) and an
  *end* (after all children). FS/SS links into a summary hold back all its
  children; FS/FF links out of it wait for all of them.
  :meth:`Scheduler.check_dependency` refuses the other link types on summaries.
* **Floats**: total float ``LF - EF``; free float = slack to the earliest
  successor link (project end when none), never above total float nor below 0.
  A task is critical when its total float is ``<= 0``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date

from ..messages import register
from . import schedule_graph as _graph
from .calendar import WorkCalendar
from .dates import LAST_YEAR
from .model import (
    ConstraintType,
    Dependency,
    DependencyType,
    Task,
    TaskKind,
    ValidationError,
    validate_dependency,
)
from .schedule_graph import CycleError

register({
    "schedule.beyond_era": ("과업 {wbs} ({name}): 일정이 {last}년 이후로 넘어갑니다 (기간이나 "
                            "지연 일수를 확인하십시오)",
                            "task {wbs} ({name}): the schedule runs past {last} (check its "
                            "durations and lags)"),
})

__all__ = ["CycleError", "Schedule", "ScheduledTask", "Scheduler", "weighted_percent"]

_BIG = _graph.BIG
LAST_STATUS_DATE = date(2200, 12, 31)
"""Unfinished work is moved to the status date; past this the working calendar is not built."""

register({
    "schedule.status_date_too_late": (
        "기준일 {day}: 일정 계산은 {last}까지의 기준일만 받습니다",
        "status date {day}: the schedule takes status dates up to {last}"),
})


@dataclass(frozen=True)
class ScheduledTask:
    """One task's computed dates (datetime.date) and floats (working days)."""

    task_id: int
    start: date
    finish: date
    early_start: date
    early_finish: date
    late_start: date
    late_finish: date
    total_float: int
    free_float: int
    critical: bool
    percent: float
    duration: int


def weighted_percent(items: Iterable[tuple[float, int]]) -> float:
    """Percent complete of ``(percent, working-day weight)`` pairs.

    Weighted by working days; when every weight is zero (only milestones) it is
    the plain average. An empty list is 0.
    """
    items = list(items)
    total = sum(w for _, w in items)
    if total > 0:
        return sum(p * w for p, w in items) / total
    return sum(p for p, _ in items) / len(items) if items else 0.0


class Schedule:
    """An immutable snapshot of a computed schedule; ``schedule[task_id]`` -> ScheduledTask.

    Internally it keeps integer working-day boundaries; dates are made on demand.
    """

    def __init__(self, calendar: WorkCalendar, order: list[int], node_of: dict[int, int],
                 early: list[int], late: list[int], tf: list[int], ff: list[int],
                 percent: list[float], roll: dict[int, tuple[int, ...]],
                 display: dict[int, tuple[date | None, date | None]], project_end: int,
                 project_start: int, done_ids: frozenset[int] = frozenset(),
                 status_date: date | None = None) -> None:
        self.calendar = calendar
        self.status_date = status_date
        self.task_ids = order
        self._node = node_of
        self._early, self._late, self._tf, self._ff = early, late, tf, ff
        self._percent, self._roll, self._display = percent, roll, display
        self.project_end_index = project_end
        self.project_start_index = project_start
        self._cache: dict[int, ScheduledTask] = {}
        self._done = done_ids
        self._critical: set[int] | None = None

    @property
    def critical_ids(self) -> set[int]:
        """Tasks with no total float, finished work excepted (made on first use)."""
        if self._critical is None:
            roll, tf = self._roll, self._tf
            found = {t for t, r in roll.items() if r[4] <= 0}
            found.update(t for t, n in self._node.items() if tf[n] <= 0 and t not in roll)
            self._critical = found - self._done  # finished work is never critical
        return self._critical

    def _values(self, task_id: int) -> tuple[int, ...]:
        """(ES, EF, LS, LF, total float, free float) in boundaries / working days."""
        roll = self._roll.get(task_id)
        if roll is not None:
            return roll[:6]
        n = self._node[task_id]
        return (self._early[2 * n], self._early[2 * n + 1], self._late[2 * n],
                self._late[2 * n + 1], self._tf[n], self._ff[n])

    def __len__(self) -> int:
        return len(self.task_ids)

    def __contains__(self, task_id: object) -> bool:
        return task_id in self._node

    def __iter__(self) -> Iterator[ScheduledTask]:
        return (self[t] for t in self.task_ids)

    def get(self, task_id: int) -> ScheduledTask | None:
        return self[task_id] if task_id in self._node else None

    def indices(self, task_id: int) -> tuple[int, int]:
        """The working-day boundaries ``(S, E)`` of a task (rolled up for summaries)."""
        es, ef = self._values(task_id)[:2]
        return es, ef

    def _start(self, s: int, e: int) -> date:
        return self.calendar.date_at(s if e > s else s - 1)

    def __getitem__(self, task_id: int) -> ScheduledTask:
        hit = self._cache.get(task_id)
        if hit is not None:
            return hit
        es, ef, ls, lf, tf, ff = self._values(task_id)
        cal = self.calendar
        early_finish = cal.date_at(ef - 1)
        roll = self._roll.get(task_id)
        # a summary starts on its earliest child's first shown day
        early_start = cal.date_at(roll[8]) if roll is not None else self._start(es, ef)
        shown_start, shown_finish = self._display.get(task_id, (None, None))
        st = ScheduledTask(
            task_id=task_id,
            start=shown_start or early_start,
            finish=shown_finish or early_finish,
            early_start=early_start,
            early_finish=early_finish,
            late_start=self._start(ls, lf),
            late_finish=cal.date_at(lf - 1),
            total_float=tf,
            free_float=ff,
            # the rule of critical_ids, for one task (no pass over the whole plan per edit)
            critical=tf <= 0 and task_id not in self._done,
            percent=self._percent[self._node[task_id]],
            duration=ef - es,
        )
        self._cache[task_id] = st
        return st

    @property
    def start(self) -> date:
        return self.calendar.date_at(self.project_start_index)

    @property
    def finish(self) -> date:
        """The project's last working day."""
        return self.calendar.date_at(self.project_end_index - 1)

    def critical_path(self) -> list[int]:
        """Critical task ids in order of early start."""
        return sorted(self.critical_ids, key=lambda t: self.indices(t))


class Scheduler:
    """Builds the task graph once; :meth:`compute` and :meth:`update_task` schedule it.

    ``percents`` overrides a task's percent complete (checklist-driven tasks).
    Links whose tasks are not in ``tasks`` are ignored (other projects).
    """

    def __init__(self, tasks: Iterable[Task], dependencies: Iterable[Dependency],
                 calendar: WorkCalendar, project_start: date,
                 percents: Mapping[int, float] | None = None,
                 status_date: date | None = None) -> None:
        self.calendar = calendar
        self.project_start = project_start
        if status_date is not None and status_date > LAST_STATUS_DATE:
            raise ValidationError("schedule.status_date_too_late", day=status_date.isoformat(),
                                  last=LAST_STATUS_DATE.isoformat())
        # nothing is scheduled before the project start, so an earlier status date holds nothing
        self.status_date = None if status_date is None else max(status_date, project_start)
        self.tasks: dict[int, Task] = {}
        for t in tasks:
            if t.id is None:
                raise ValidationError(f"task {t.wbs}: it has no id (store it first)")
            self.tasks[t.id] = t
        self.dependencies: list[Dependency] = [
            d for d in dependencies
            if d.predecessor_id in self.tasks and d.successor_id in self.tasks
        ]
        self.percents: dict[int, float] = dict(percents or {})
        # task ids whose computed values an incremental update may have changed since
        # the caller last took them (take_changed); a full build/compute means "all"
        self.changed_ids: set[int] = set()
        self._full_since_take = True
        self._build()

    # -- graph ------------------------------------------------------------------------
    def _build(self) -> None:
        with _graph.gc_paused():
            _graph.build(self)
        self._computed = False

    def compute(self) -> Schedule:
        """Full forward and backward pass over every task."""
        self._full_since_take = True
        with _graph.gc_paused():
            _graph.full_pass(self)
            self._computed = True
            self._check_era()
            return self._snapshot()

    def update_task(self, task: Task, percent: float | None = None) -> Schedule:
        """Take a changed task and recompute only what depends on it.

        Dates flow forward to the task's successors (stopping where nothing
        moves); late dates flow back to its predecessors, or are recomputed for
        all when the project end moved. A change of kind or parent rebuilds.
        """
        if task.id not in self.tasks:
            raise ValidationError(f"task {task.wbs}: not in this schedule")
        if percent is not None:
            self.percents[task.id] = percent
        old = self.tasks[task.id]
        self.tasks[task.id] = task
        if not self._computed or old.kind != task.kind or old.parent_id != task.parent_id:
            self._build()
            return self.compute()
        with _graph.gc_paused():
            _graph.incremental(self, task.id)
            self._check_era()
            return self._snapshot()

    def take_changed(self) -> set[int] | None:
        """Task ids touched by incremental updates since the last call; None means all
        (a rebuild or full pass happened in between)."""
        changed, self.changed_ids = self.changed_ids, set()
        if self._full_since_take:
            self._full_since_take = False
            return None
        return changed
    def _check_era(self) -> None:
        """Refuse a schedule that ends after the plan's era (no date could show it)."""
        cal = self.calendar
        if self._pe <= cal.workday_count:
            return  # inside the calendar already built: every date exists
        beyond = self._pe > (LAST_YEAR - cal.first_year + 1) * 262  # at most 262 workdays/year
        if not beyond:
            try:
                beyond = cal.date_at(self._pe - 1).year > LAST_YEAR
            except ValueError:
                beyond = True
        if beyond:
            ept = self._ept
            late = max(self._node_of, key=lambda tid: ept[2 * self._node_of[tid] + 1])
            raise ValidationError("schedule.beyond_era", wbs=self.tasks[late].wbs,
                                  name=self.tasks[late].name_ko[:60], last=LAST_YEAR)

    def check_dependency(self, dep: Dependency) -> None:
        """Refuse a link before it is stored: bad ends, duplicates, summary misuse, cycles."""
        validate_dependency(dep)
        for tid, role in ((dep.predecessor_id, "predecessor"), (dep.successor_id, "successor")):
            if tid not in self.tasks:
                raise ValidationError(f"dependency: the {role} task #{tid} does not exist")
        for d in self.dependencies:
            same = d.predecessor_id == dep.predecessor_id and d.successor_id == dep.successor_id
            if same and d.id != dep.id:
                p, s = self.tasks[dep.predecessor_id], self.tasks[dep.successor_id]
                raise ValidationError(f"dependency: {p.wbs} → {s.wbs} is already linked")
        pred, succ = self.tasks[dep.predecessor_id], self.tasks[dep.successor_id]
        if self._is_summary(succ.id) and dep.type not in (DependencyType.FS, DependencyType.SS):
            raise ValidationError(
                f"dependency: {succ.wbs} is a summary; its finish comes from its children, "
                "so link to a child task (only FS or SS may point at a summary)")
        if self._is_summary(pred.id) and dep.type not in (DependencyType.FS, DependencyType.FF):
            raise ValidationError(
                f"dependency: {pred.wbs} is a summary; a start-based link (SS/SF) from it "
                "should come from its first child task")
        cycle = _graph.path_closing_cycle(self, dep)
        if cycle:
            raise CycleError(cycle)

    def add_dependency(self, dep: Dependency) -> Schedule:
        """Check and add a link (with an id), then recompute what it reaches."""
        self.check_dependency(dep)
        return self.change_links(added=[dep])

    def remove_dependency(self, dep_id: int) -> Schedule:
        return self.change_links(removed_ids=[dep_id])

    def change_links(self, added: Iterable[Dependency] = (),
                     removed_ids: Iterable[int] = ()) -> Schedule:
        """Replace links by id (already checked) and recompute only what they reach."""
        gone = set(removed_ids)
        new = [d for d in added if d.predecessor_id in self.tasks and d.successor_id in self.tasks]
        gone.update(d.id for d in new if d.id is not None)
        old = [d for d in self.dependencies if d.id in gone]
        self.dependencies = [d for d in self.dependencies if d.id not in gone] + new
        if not self._computed:
            self._build()
            return self.compute()
        with _graph.gc_paused():
            _graph.relink(self, new, old)
            self._check_era()
            return self._snapshot()

    def _is_summary(self, task_id: int) -> bool:
        return task_id in self._summary_end

    # -- per-task parameters ----------------------------------------------------------------
    def task_bounds(self, task: Task, dur: int
                    ) -> tuple[int, int, int, int | None, int | None]:
        """Boundaries from a task's own dates (see the module docstring).

        Returns ``(start floor, finish floor, late-finish cap, fixed start,
        fixed duration)``; the last two come from actual dates (None if none).
        """
        cal = self.calendar
        ms = task.kind is TaskKind.MILESTONE
        shift = 1 if ms else 0
        floor_s, floor_e, cap = self._ps + shift, 0, _BIG
        def start_boundary(d: date, exact: bool = True) -> int:
            # A milestone falls at the end of a working day. Pinned on an exact
            # holiday it sits between the previous and the next working day (and
            # shows the holiday); a range such as "2018-01" starts at the end of
            # its first working day.
            if not ms:
                return cal.index_on_or_after(d)
            if exact:
                return cal.index_on_or_before(d) + 1
            return cal.index_on_or_after(d) + 1

        if task.start is not None:
            floor_s = start_boundary(task.start.earliest(), task.start.is_exact)
        if task.finish is not None:
            cap = cal.index_on_or_before(task.finish.latest()) + 1
        ct, cd = task.constraint_type, task.constraint_date
        if cd is not None and ct is ConstraintType.START_NO_EARLIER:
            floor_s = max(floor_s, start_boundary(cd))
        elif cd is not None and ct in (ConstraintType.FINISH_NO_LATER,
                                       ConstraintType.MUST_FINISH_ON):
            e = cal.index_on_or_before(cd) + 1
            cap = min(cap, e)
            if ct is ConstraintType.MUST_FINISH_ON:
                floor_e = e
        fixed, fixed_dur = None, None
        a_s, a_f = task.actual_start, task.actual_finish
        if ms and (a_s or a_f):
            fixed, fixed_dur = cal.index_on_or_before(a_f or a_s) + 1, 0
        elif a_s and a_f:
            fixed = cal.index_on_or_after(a_s)
            fixed_dur = max(cal.index_on_or_before(a_f) + 1 - fixed, 0)
        elif a_s:
            fixed = cal.index_on_or_after(a_s)
        elif a_f:
            fixed = cal.index_on_or_before(a_f) + 1 - dur
        return floor_s, floor_e, cap, fixed, fixed_dur

    def status_bounds(self, task: Task, floor_s: int) -> tuple[int, int]:
        """Hold work not done to the status date: ``(start floor, finish floor)``.

        Not started (no actual start, 0 %): it starts no earlier than the status
        date (a milestone falls at the end of that working day). In progress: its
        start stays and it finishes no earlier than the status date. Done work,
        or no status date, is left as it is (finish floor 0).
        """
        sd = self.status_date
        if sd is None or task.actual_finish is not None:
            return floor_s, 0
        percent = self.percent_of(task)
        if percent >= 100:
            return floor_s, 0
        first = self.calendar.index_on_or_after(sd)
        milestone = task.kind is TaskKind.MILESTONE
        if milestone or (task.actual_start is None and percent <= 0):
            return max(floor_s, first + (1 if milestone else 0)), 0
        return floor_s, first + 1

    def task_display(self, task: Task
                     ) -> tuple[tuple[date | None, date | None], int | None] | None:
        """Dates shown as written instead of computed, and the finish boundary they need.

        Actual dates are always shown. A milestone pinned on a day (MFO, or an
        exact planned date) shows that day when the schedule puts it there, even
        if the day is a holiday.
        """
        if task.actual_start or task.actual_finish:
            if task.kind is TaskKind.MILESTONE:
                d = task.actual_finish or task.actual_start
                return (d, d), None
            return (task.actual_start, task.actual_finish), None
        if task.kind is TaskKind.MILESTONE:
            d = None
            if task.constraint_type is ConstraintType.MUST_FINISH_ON:
                d = task.constraint_date
            elif task.finish is not None and task.finish.is_exact:
                d = task.finish.earliest()
            elif task.start is not None and task.start.is_exact:
                d = task.start.earliest()
            if d is not None and not self.calendar.is_workday(d):
                return (d, d), self.calendar.index_on_or_before(d) + 1
        return None

    def percent_of(self, task: Task) -> float:
        if task.actual_finish is not None:
            return 100.0
        return float(self.percents.get(task.id, task.percent_complete))

    def _snapshot(self) -> Schedule:
        return Schedule(
            self.calendar, self._order_ids, self._node_of, list(self._ept), list(self._lpt),
            list(self._tf), list(self._ff), list(self._pct), dict(self._roll),
            self._display_for_snapshot(), self._pe, self._ps,
            frozenset(t for t, n in self._node_of.items() if self._pct[n] >= 100),
            self.status_date,
        )

    def _display_for_snapshot(self) -> dict[int, tuple[date | None, date | None]]:
        out: dict[int, tuple[date | None, date | None]] = {}
        for tid, (shown, pin_e) in self._display.items():
            n = self._node_of[tid]
            if pin_e is None or self._ept[2 * n + 1] == pin_e:
                out[tid] = shown
        return out
