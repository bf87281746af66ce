"""Task status as of a status date: the one rule every view, report and CLI command uses.

:func:`task_status` is the rule; :func:`due_date` says what "due" means for a
task; :func:`effective_percent` says where percent complete comes from
(the task, or its checklist when the task is set to follow it).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from enum import Enum

from .checklists import checklist_percent
from .model import ChecklistItem, ConstraintType, Task
from .scheduler import Schedule, ScheduledTask

END_MARGIN_FRACTION = 0.2
"""The last fifth of an imprecise finish range is its end margin (at least one day)."""


class TaskStatus(str, Enum):
    DONE = "done"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    LATE = "late"
    NOT_STARTED = "not_started"

    def label(self, lang: str = "ko") -> str:
        return (_KO if lang == "ko" else _EN)[self]


_KO = {TaskStatus.DONE: "완료", TaskStatus.ON_TRACK: "정상 진행", TaskStatus.AT_RISK: "지연 우려",
       TaskStatus.LATE: "지연", TaskStatus.NOT_STARTED: "착수 전"}
_EN = {TaskStatus.DONE: "done", TaskStatus.ON_TRACK: "on track", TaskStatus.AT_RISK: "at risk",
       TaskStatus.LATE: "late", TaskStatus.NOT_STARTED: "not started"}


def effective_percent(task: Task, items: Iterable[ChecklistItem] = (),
                      signed_off: bool = False) -> float:
    """Percent complete: the checklist's share done when the task follows its checklist
    (``percent_from_checklist``) and has items, else the task's own figure.

    A gated task (``needs_signoff``) stays below 100 % on its checklist alone until
    a named approver signs it off: ticking every item is not completion.
    """
    items = list(items)
    if task.percent_from_checklist and items:
        percent = checklist_percent(items)
        if task.needs_signoff and not signed_off:
            percent = min(percent, 99.0)
        return percent
    return task.percent_complete


def due_date(task: Task, st: ScheduledTask | None = None) -> date | None:
    """The day after which unfinished work is late.

    In order: the end of the planned finish range (``finish.latest()``: "first
    half 2019" is due 2019-06-30); a FNLT/MFO constraint date; for a milestone
    given only a planned start, the end of that range; otherwise the scheduled
    finish. None when there is nothing to go on.
    """
    if task.finish is not None:
        return task.finish.latest()
    if task.constraint_date is not None and task.constraint_type in (
            ConstraintType.FINISH_NO_LATER, ConstraintType.MUST_FINISH_ON):
        return task.constraint_date
    if task.is_milestone and task.start is not None:
        return task.start.latest()
    return st.finish if st is not None else None


def end_margin(task: Task) -> tuple[date, date] | None:
    """The end margin ``(first, last)`` of an imprecise planned finish, else None."""
    if task.finish is None or task.finish.is_exact:
        return None
    first, last = task.finish.earliest(), task.finish.latest()
    span = (last - first).days + 1
    days = max(1, round(span * END_MARGIN_FRACTION))
    return last - timedelta(days=days - 1), last


def done_on(task: Task, st: ScheduledTask | None, as_of: date) -> bool:
    """Whether the work is done as of ``as_of``: it finished on or before that day.

    The finish is the actual finish; a task marked 100 % with no actual finish
    recorded finished on its scheduled finish (as MS Project sets it). Work with
    neither is not done, whatever its percent says.
    """
    if task.actual_finish is not None:
        return task.actual_finish <= as_of
    percent = st.percent if st is not None else task.percent_complete
    if percent >= 100:
        return st is None or st.finish <= as_of
    return False


def task_status(task: Task, st: ScheduledTask | None, as_of: date) -> TaskStatus:
    """Status of ``task`` on ``as_of``; the first rule that holds wins.

    1. **done** — :func:`done_on`: it finished (actual finish, else the scheduled
       finish of 100 % work; ``st.percent`` follows the checklist when the task is
       set to) on or before ``as_of``. Work finished after the status date is not
       done as of that date.
    2. **late** — not done and the status date is past its :func:`due_date`
       (an imprecise finish is due at the end of its range, so "2019-H1" is late
       only from 2019-07-01).
    3. **at risk** — not done, not yet late, and any of: the scheduled finish is
       after the due date or total float is negative (a deadline or constraint
       will be missed); the scheduled finish falls in the end margin of an
       imprecise finish range (:func:`end_margin`); or the scheduled start has
       passed and no work is recorded (no actual start, 0 %).
    4. **not started** — no actual start and 0 %.
    5. **on track** — otherwise (started, and nothing above applies).
    """
    if done_on(task, st, as_of):
        return TaskStatus.DONE
    percent = st.percent if st is not None else task.percent_complete
    due = due_date(task, st)
    if due is not None and as_of > due:
        return TaskStatus.LATE
    if task.actual_start is not None or task.actual_finish is not None:
        # recorded facts say what had happened by as_of (not today's percent)
        started = task.actual_start is not None and task.actual_start <= as_of
    else:
        started = percent > 0
    if st is not None:
        if (due is not None and st.finish > due) or st.total_float < 0:
            return TaskStatus.AT_RISK
        margin = end_margin(task)
        if margin is not None and margin[0] <= st.finish <= margin[1]:
            return TaskStatus.AT_RISK
        if not started and st.start < as_of:
            return TaskStatus.AT_RISK
    if not started:
        return TaskStatus.NOT_STARTED
    return TaskStatus.ON_TRACK


def statuses(tasks: Iterable[Task], schedule: Schedule, as_of: date) -> dict[int, TaskStatus]:
    """:func:`task_status` for every task the schedule holds."""
    return {t.id: task_status(t, schedule.get(t.id), as_of) for t in tasks if t.id in schedule}


def status_counts(tasks: Iterable[Task], schedule: Schedule, as_of: date,
                  include_summaries: bool = False) -> Mapping[TaskStatus, int]:
    """How many tasks are in each status (summaries left out unless asked)."""
    counter: Counter[TaskStatus] = Counter({s: 0 for s in TaskStatus})
    for t in tasks:
        if t.id in schedule and (include_summaries or not t.is_summary):
            counter[task_status(t, schedule[t.id], as_of)] += 1
    return counter
