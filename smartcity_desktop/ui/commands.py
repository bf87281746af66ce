"""Task edit operations: each one is an edit function run through ``EditService``.

Every operation here builds an ``edit(store)`` function that reads the current
rows, validates the change with the domain rules and writes it; the service
runs it in one transaction and pushes it on the undo stack. A refusal raises
(``ValidationError``, ``DateParseError``, ``StoreError``) with nothing written;
:func:`perform` shows that message to the officer and returns None.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ..domain import checklists as rules
from ..domain import model as m
from ..domain.dates import DateParseError, PlanDate
from ..store import Store, StoreError
from ..store.checklists import is_signed_off, signoffs_of
from .context import AppContext

R = TypeVar("R")


translate = QCoreApplication.translate


def tr(text: str) -> str:
    """Translate a string held in a variable (literals use ``translate`` for lupdate)."""
    return translate("commands", text)


def perform(parent: QWidget | None, context: AppContext, text: str,
            edit: Callable[[Store], R]) -> R | None:
    """Run ``edit`` as one undoable step; show a refusal in a message box."""
    try:
        return context.edits.run(text, edit)
    except (m.ValidationError, DateParseError, StoreError) as exc:
        QMessageBox.warning(parent, translate("commands", "Edit refused"), str(exc))
        return None


def _known_orgs(store: Store) -> set[int]:
    return {row[0] for row in store.con.execute("SELECT id FROM organisations")}


def _save_task(store: Store, task: m.Task) -> m.Task:
    m.validate_task(task, _known_orgs(store))
    _check_gate(store, store.get(m.Task, task.id), task)
    return store.update(task)


def _check_gate(store: Store, before: m.Task, after: m.Task) -> None:
    """Table and dialog edits go through the same sign-off gate as the checklist view."""
    if after.is_done and not before.is_done:
        rules.check_completion(after, store.checklist(after.id), signoffs_of(store, after.id))
    if before.is_done and not after.is_done and is_signed_off(store, after.id):
        raise m.ValidationError(translate(
            "commands", "{0} was signed off: reopen it from the ministry checklist, "
            "giving a reason").format(after.wbs))


# -- field edits ---------------------------------------------------------------------
def update_task(task_id: int, **fields: Any) -> Callable[[Store], m.Task]:
    """Set task fields (names as in :class:`Task`)."""

    def edit(store: Store) -> m.Task:
        task = store.get(m.Task, task_id)
        unknown = set(fields) - {f.name for f in dataclasses.fields(m.Task)}
        if unknown:
            raise m.ValidationError(f"unknown task field(s): {', '.join(sorted(unknown))}")
        updated = dataclasses.replace(task, **fields)
        if updated.kind is m.TaskKind.MILESTONE:
            updated.duration_days = 0
        if updated == task:
            return task
        return _save_task(store, updated)

    return edit


def move_task(task_id: int, new_start: date, old_start: date | None = None,
              old_finish: date | None = None) -> Callable[[Store], m.Task]:
    """Pin the task to start no earlier than ``new_start`` (a Gantt bar drag).

    The start becomes that exact day with a start-no-earlier-than constraint;
    a planned finish moves by the same number of days so the span is kept.
    """

    def edit(store: Store) -> m.Task:
        task = store.get(m.Task, task_id)
        if task.is_summary:
            raise m.ValidationError(translate(
                "commands", "a summary task follows its sub-tasks and cannot be moved"))
        fields: dict[str, Any] = {
            "start": PlanDate.exact(new_start),
            "constraint_type": m.ConstraintType.START_NO_EARLIER,
            "constraint_date": new_start,
        }
        if task.finish is not None:
            base = old_start or (task.start.earliest() if task.start else new_start)
            finish = old_finish or task.finish.latest()
            fields["finish"] = PlanDate.exact(finish + (new_start - base))
        return _save_task(store, dataclasses.replace(task, **fields))

    return edit


def resize_task(task_id: int, new_finish: date, start: date,
                workdays_between: Callable[[date, date], int]) -> Callable[[Store], m.Task]:
    """Change a task's length so it finishes on ``new_finish`` (a bar-end drag)."""

    def edit(store: Store) -> m.Task:
        task = store.get(m.Task, task_id)
        if task.is_summary or task.is_milestone:
            raise m.ValidationError(translate(
                "commands", "only a task bar can be lengthened or shortened"))
        if new_finish < start:
            raise m.ValidationError(
                translate("commands", "finish: {0} is before the start {1}").format(
                    new_finish, start))
        days = max(1, workdays_between(start, new_finish + timedelta(days=1)))
        fields: dict[str, Any] = {"duration_days": days}
        if task.finish is not None:
            fields["finish"] = PlanDate.exact(new_finish)
        return _save_task(store, dataclasses.replace(task, **fields))

    return edit


# -- structure ---------------------------------------------------------------------------
def _next_wbs(store: Store, project_id: int, parent: m.Task | None) -> str:
    if parent is None:
        rows = store.con.execute(
            "SELECT wbs FROM tasks WHERE project_id = ? AND parent_id IS NULL", (project_id,))
    else:
        rows = store.con.execute("SELECT wbs FROM tasks WHERE parent_id = ?", (parent.id,))
    last = 0
    for (wbs,) in rows:
        tail = wbs.rsplit(".", 1)[-1]
        if tail.isdigit():
            last = max(last, int(tail))
    taken = {r[0] for r in store.con.execute(
        "SELECT wbs FROM tasks WHERE project_id = ?", (project_id,))}
    prefix = f"{parent.wbs}." if parent else ""
    number = last + 1
    while f"{prefix}{number}" in taken:
        number += 1
    return f"{prefix}{number}"


def _subtree_end(store: Store, task: m.Task) -> int:
    """The largest sort_order in ``task``'s subtree."""
    row = store.con.execute(
        """WITH RECURSIVE sub(id, sort_order) AS (
               SELECT id, sort_order FROM tasks WHERE id = ?
               UNION ALL SELECT t.id, t.sort_order FROM tasks t JOIN sub ON t.parent_id = sub.id)
           SELECT max(sort_order) FROM sub""", (task.id,)).fetchone()
    return int(row[0] if row[0] is not None else task.sort_order)


def add_task(after_id: int | None = None, parent_id: int | None = None,
             name_ko: str = "", name_en: str = "", kind: m.TaskKind = m.TaskKind.TASK,
             start: PlanDate | None = None) -> Callable[[Store], m.Task]:
    """Insert a new task after ``after_id`` (same parent) or as last child of ``parent_id``."""

    def edit(store: Store) -> m.Task:
        project = store.project()
        after = store.get(m.Task, after_id) if after_id is not None else None
        parent_ref = after.parent_id if after is not None else parent_id
        parent = store.get(m.Task, parent_ref) if parent_ref is not None else None
        if after is not None:
            position = _subtree_end(store, after) + 1
        elif parent is not None:
            position = _subtree_end(store, parent) + 1
        else:
            row = store.con.execute("SELECT max(sort_order) FROM tasks").fetchone()
            position = int(row[0] or 0) + 1
        for later in store.all(m.Task, "sort_order >= ?", (position,), order_by="sort_order DESC"):
            store.update(dataclasses.replace(later, sort_order=later.sort_order + 1))
        if parent is not None and parent.kind is not m.TaskKind.SUMMARY:
            store.update(dataclasses.replace(store.get(m.Task, parent.id), kind=m.TaskKind.SUMMARY))
        task = m.Task(
            project_id=project.id, wbs=_next_wbs(store, project.id, parent),
            name_ko=name_ko or translate("commands", "New task"), name_en=name_en, kind=kind,
            parent_id=parent.id if parent else None,
            owner_org_id=parent.owner_org_id if parent else None,
            city_id=parent.city_id if parent else None,
            start=start or PlanDate.exact(project.status_date or project.start),
            duration_days=0 if kind is m.TaskKind.MILESTONE else 5,
            sort_order=position,
        )
        m.validate_task(task, _known_orgs(store))
        return store.insert(task)

    return edit


def delete_task(task_id: int) -> Callable[[Store], None]:
    """Delete a task with its sub-tasks, links, checklist and status updates."""

    def edit(store: Store) -> None:
        store.delete(store.get(m.Task, task_id))

    return edit


# -- dependencies --------------------------------------------------------------------------
def _check_cycle(store: Store, dep: m.Dependency) -> None:
    from ..store.planning import check_dependency

    check_dependency(store, dep)  # the scheduler's rules: ends, duplicates, summaries, cycles


def add_dependency(pred_id: int, succ_id: int, dep_type: m.DependencyType = m.DependencyType.FS,
                   lag_days: int = 0) -> Callable[[Store], m.Dependency]:
    """Link two tasks; refuses self-links, duplicates and cycles with a message."""

    def edit(store: Store) -> m.Dependency:
        dep = m.Dependency(predecessor_id=pred_id, successor_id=succ_id,
                           type=m.DependencyType(dep_type), lag_days=int(lag_days))
        m.validate_dependency(dep)
        pred, succ = store.get(m.Task, pred_id), store.get(m.Task, succ_id)
        if store.count(m.Dependency, "predecessor_id = ? AND successor_id = ?", (pred_id, succ_id)):
            raise m.ValidationError(
                translate("commands", "{0} already follows {1}").format(succ.wbs, pred.wbs))
        _check_cycle(store, dep)
        return store.insert(dep)

    return edit


def change_dependency(dep_id: int, dep_type: m.DependencyType | None = None,
                      lag_days: int | None = None) -> Callable[[Store], m.Dependency]:
    def edit(store: Store) -> m.Dependency:
        dep = store.get(m.Dependency, dep_id)
        updated = dataclasses.replace(
            dep,
            type=m.DependencyType(dep_type) if dep_type is not None else dep.type,
            lag_days=int(lag_days) if lag_days is not None else dep.lag_days,
        )
        m.validate_dependency(updated)
        if updated == dep:
            return dep
        return store.update(updated)

    return edit


def remove_dependency(dep_id: int) -> Callable[[Store], None]:
    def edit(store: Store) -> None:
        store.delete(store.get(m.Dependency, dep_id))

    return edit


# -- project level ------------------------------------------------------------------------
def set_status_date(day: date) -> Callable[[Store], m.Project]:
    def edit(store: Store) -> m.Project:
        project = store.project()
        if project.status_date == day:
            return project
        return store.update(dataclasses.replace(project, status_date=day))

    return edit


def set_calendar_exception(day: date, working: bool, note: str = "") -> Callable[[Store], None]:
    """Make ``day`` a working day or a holiday for this project (replacing any earlier one)."""

    def edit(store: Store) -> None:
        project = store.project()
        for old in store.all(m.CalendarException, "project_id = ? AND day = ?",
                             (project.id, day.isoformat())):
            store.delete(old)
        store.insert(m.CalendarException(project_id=project.id, day=day, working=working,
                                         note=note))

    return edit


def remove_calendar_exception(exception_id: int) -> Callable[[Store], None]:
    def edit(store: Store) -> None:
        store.delete(store.get(m.CalendarException, exception_id))

    return edit


def save_baseline(name: str, schedule_rows: list[tuple[int, date, date, int]],
                  created_at: str) -> Callable[[Store], m.Baseline]:
    """Store the current schedule as a named baseline (task_id, start, finish, duration)."""

    def edit(store: Store) -> m.Baseline:
        clean = name.strip()
        if not clean:
            raise m.ValidationError(translate("commands", "baseline: a baseline needs a name"))
        project = store.project()
        if store.count(m.Baseline, "project_id = ? AND name = ?", (project.id, clean)):
            raise m.ValidationError(
                translate("commands", "baseline: '{0}' already exists").format(clean))
        baseline = store.insert(m.Baseline(project_id=project.id, name=clean,
                                           created_at=created_at))
        for task_id, start, finish, duration in schedule_rows:
            store.insert(m.BaselineTask(baseline_id=baseline.id, task_id=task_id, start=start,
                                        finish=finish, duration_days=duration))
        return baseline

    return edit
