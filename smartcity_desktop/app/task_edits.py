"""Task, link, calendar, status-date and baseline edits (no Qt).

Each public function returns an ``edit(store)`` function for
:meth:`~.session.Session.run`, which runs it in one transaction, records what
it changed for undo, and brings the plan model up to date. An edit reads the
rows it needs, checks the domain rules and writes only what the user changed.
A refusal raises :class:`~smartcity_desktop.messages.Refusal` (a validation,
date or store error) with nothing written.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from datetime import date, timedelta
from typing import Any

from ..domain import checklists as rules
from ..domain import model as m
from ..domain.dates import PlanDate
from ..messages import register
from .checklists import signoffs_of
from .plan import PlanModel
from .ports import StorePort

Edit = Callable[[StorePort], Any]
TASK_FIELDS = frozenset(f.name for f in dataclasses.fields(m.Task)) - {"id", "version"}

register({
    "edit.unknown_fields": ("알 수 없는 작업 항목: {fields}", "unknown task field(s): {fields}"),
    "edit.signed_off_reopen": (
        "{wbs}은(는) 승인되었습니다. 부처별 체크리스트에서 사유를 적어 재개하십시오.",
        "{wbs} was signed off: reopen it from the ministry checklist, giving a reason"),
    "edit.summary_move": ("요약 작업은 하위 작업에 따라 정해지므로 옮길 수 없습니다",
                          "a summary task follows its sub-tasks and cannot be moved"),
    "edit.resize_kind": ("일반 작업만 기간을 늘리거나 줄일 수 있습니다",
                         "only a task bar can be lengthened or shortened"),
    "edit.finish_before_start": ("종료일: {finish}이(가) 시작일 {start}보다 이릅니다",
                                 "finish: {finish} is before the start {start}"),
    "edit.new_task": ("새 작업", "New task"),
    "edit.already_linked": ("{succ}은(는) 이미 {pred}의 후행 작업입니다",
                            "{succ} already follows {pred}"),
    "edit.baseline_name": ("기준 계획: 이름을 입력하십시오", "baseline: a baseline needs a name"),
    "edit.baseline_exists": ("기준 계획: '{name}'이(가) 이미 있습니다",
                             "baseline: '{name}' already exists"),
})


def _check_gate(store: StorePort, before: m.Task, after: m.Task) -> None:
    """Table and dialog edits go through the same sign-off gate as the checklist view."""
    if after.is_done and not before.is_done:
        rules.check_completion(after, store.checklist(after.id), signoffs_of(store, after.id))
    if before.is_done and not after.is_done and store.is_signed_off(after.id):
        raise m.ValidationError("edit.signed_off_reopen", wbs=after.wbs)


def _write_task(store: StorePort, before: m.Task, values: Mapping[str, Any],
                expect: Mapping[str, Any]) -> m.Task:
    """Validate the task as it would be, then write only ``values``."""
    after = dataclasses.replace(before, **values)
    if after.kind is m.TaskKind.MILESTONE and after.duration_days:
        after.duration_days = 0
        values = {**values, "duration_days": 0}
    if after.duration_minutes is not None and after.duration_days != before.duration_days:
        after.duration_minutes = None  # new working days: an imported part day no longer holds
        values = {**values, "duration_minutes": None}
    if after == before:
        return before
    m.validate_task(after, store.org_ids())
    _check_gate(store, before, after)
    return store.update_fields(m.Task, before.id, dict(values), dict(expect))


# -- field edits ---------------------------------------------------------------------
def set_task_fields(task_id: int, values: Mapping[str, Any],
                    seen: Mapping[str, Any] | None = None) -> Edit:
    """Set task fields (names as in :class:`Task`), writing only those that change.

    ``seen`` holds the values the user saw when they started editing (the
    dialog's or the cell's). A field someone else changed since is a conflict
    (:class:`~smartcity_desktop.store.errors.FieldConflictError`), never a
    silent overwrite; fields the user did not touch are not written at all.
    """
    unknown = set(values) - TASK_FIELDS
    if unknown:
        raise m.ValidationError("edit.unknown_fields", fields=", ".join(sorted(unknown)))

    def edit(store: StorePort) -> m.Task:
        task = store.get(m.Task, task_id)
        base = seen if seen is not None else {k: getattr(task, k) for k in values}
        changed = {k: v for k, v in values.items() if v != base.get(k, getattr(task, k))}
        if not changed:
            return task
        return _write_task(store, task, changed, {k: base.get(k) for k in changed if k in base})

    return edit


def update_task(task_id: int, **fields: Any) -> Edit:
    """Set task fields against the values stored now (a cell edit or a script)."""
    return set_task_fields(task_id, fields)


def move_task(task_id: int, new_start: date, old_start: date | None = None,
              old_finish: date | None = None) -> Edit:
    """Pin the task to start no earlier than ``new_start`` (a Gantt bar drag).

    The start becomes that exact day with a start-no-earlier-than constraint;
    a planned finish moves by the same number of days so the span is kept.
    """

    def edit(store: StorePort) -> m.Task:
        task = store.get(m.Task, task_id)
        if task.is_summary:
            raise m.ValidationError("edit.summary_move")
        fields: dict[str, Any] = {
            "start": PlanDate.exact(new_start),
            "constraint_type": m.ConstraintType.START_NO_EARLIER,
            "constraint_date": new_start,
        }
        if task.finish is not None:
            base = old_start or (task.start.earliest() if task.start else new_start)
            finish = old_finish or task.finish.latest()
            fields["finish"] = PlanDate.exact(finish + (new_start - base))
        return _write_task(store, task, fields, {k: getattr(task, k) for k in fields})

    return edit


def resize_task(task_id: int, new_finish: date, start: date,
                workdays_between: Callable[[date, date], int]) -> Edit:
    """Change a task's length so it finishes on ``new_finish`` (a bar-end drag)."""

    def edit(store: StorePort) -> m.Task:
        task = store.get(m.Task, task_id)
        if task.is_summary or task.is_milestone:
            raise m.ValidationError("edit.resize_kind")
        if new_finish < start:
            raise m.ValidationError("edit.finish_before_start", finish=new_finish, start=start)
        days = max(1, workdays_between(start, new_finish + timedelta(days=1)))
        fields: dict[str, Any] = {"duration_days": days}
        if task.finish is not None:
            fields["finish"] = PlanDate.exact(new_finish)
        return _write_task(store, task, fields, {k: getattr(task, k) for k in fields})

    return edit


# -- structure ---------------------------------------------------------------------------
def _next_wbs(store: StorePort, project_id: int, parent: m.Task | None) -> str:
    last = 0
    for wbs in store.child_wbs_codes(project_id, parent.id if parent else None):
        tail = wbs.rsplit(".", 1)[-1]
        if tail.isdigit():
            last = max(last, int(tail))
    taken = store.wbs_codes(project_id)
    prefix = f"{parent.wbs}." if parent else ""
    number = last + 1
    while f"{prefix}{number}" in taken:
        number += 1
    return f"{prefix}{number}"


def add_task(after_id: int | None = None, parent_id: int | None = None,
             name_ko: str = "", name_en: str = "", kind: m.TaskKind = m.TaskKind.TASK,
             start: PlanDate | None = None) -> Edit:
    """Insert a new task after ``after_id`` (same parent) or as last child of ``parent_id``."""

    def edit(store: StorePort) -> m.Task:
        project = store.project()
        after = store.get(m.Task, after_id) if after_id is not None else None
        parent_ref = after.parent_id if after is not None else parent_id
        parent = store.get(m.Task, parent_ref) if parent_ref is not None else None
        anchor = after or parent
        if anchor is not None:
            end = store.subtree_end(anchor.id)
            position = (anchor.sort_order if end is None else end) + 1
        else:
            position = store.next_sort_order()
        for later in store.tasks_from_position(position):
            store.update_fields(m.Task, later.id, {"sort_order": later.sort_order + 1},
                                {"sort_order": later.sort_order})
        if parent is not None and parent.kind is not m.TaskKind.SUMMARY:
            store.update_fields(m.Task, parent.id, {"kind": m.TaskKind.SUMMARY},
                                {"kind": parent.kind})
        task = m.Task(
            project_id=project.id, wbs=_next_wbs(store, project.id, parent),
            name_ko=name_ko or _default_name("ko"), name_en=name_en or _default_name("en"),
            kind=kind, parent_id=parent.id if parent else None,
            owner_org_id=parent.owner_org_id if parent else None,
            city_id=parent.city_id if parent else None,
            start=start or PlanDate.exact(project.status_date or project.start),
            duration_days=0 if kind is m.TaskKind.MILESTONE else 5,
            sort_order=position,
        )
        m.validate_task(task, store.org_ids())
        return store.insert(task)

    return edit


def _default_name(lang: str) -> str:
    from ..messages import msg

    return msg("edit.new_task").text(lang)


def delete_task(task_id: int) -> Edit:
    """Delete a task with its sub-tasks, links, checklist and status updates."""

    def edit(store: StorePort) -> None:
        store.delete(store.get(m.Task, task_id))

    return edit


def delete_tasks(task_ids: list[int]) -> Edit:
    """Delete several tasks in one step (one taken by a deleted parent is skipped)."""

    def edit(store: StorePort) -> None:
        for task_id in task_ids:
            found = store.get_many(m.Task, [task_id])
            if found:
                store.delete(found[0])

    return edit


# -- dependencies --------------------------------------------------------------------------
def add_dependency(pred_id: int, succ_id: int, dep_type: m.DependencyType = m.DependencyType.FS,
                   lag_days: int = 0, plan: PlanModel | None = None) -> Edit:
    """Link two tasks; refuses self-links, duplicates and cycles with a message.

    With the window's ``plan`` the cycle check runs on its in-memory graph
    instead of reading and building the whole schedule again.
    """

    def edit(store: StorePort) -> m.Dependency:
        dep = m.Dependency(predecessor_id=pred_id, successor_id=succ_id,
                           type=m.DependencyType(dep_type), lag_days=int(lag_days))
        m.validate_dependency(dep)
        pred, succ = store.get(m.Task, pred_id), store.get(m.Task, succ_id)
        if store.link_exists(pred_id, succ_id):
            raise m.ValidationError("edit.already_linked", succ=succ.wbs, pred=pred.wbs)
        # the scheduler's rules: ends, summaries, cycles
        if plan is not None:
            plan.check_link(dep)
        else:
            store.check_dependency(dep)
        return store.insert(dep)

    return edit


def change_dependency(dep_id: int, dep_type: m.DependencyType | None = None,
                      lag_days: int | None = None) -> Edit:
    def edit(store: StorePort) -> m.Dependency:
        dep = store.get(m.Dependency, dep_id)
        updated = dataclasses.replace(
            dep,
            type=m.DependencyType(dep_type) if dep_type is not None else dep.type,
            lag_days=int(lag_days) if lag_days is not None else dep.lag_days,
        )
        m.validate_dependency(updated)
        if updated == dep:
            return dep
        values = {"type": updated.type, "lag_days": updated.lag_days}
        return store.update_fields(m.Dependency, dep_id, values,
                                   {"type": dep.type, "lag_days": dep.lag_days})

    return edit


def remove_dependency(dep_id: int) -> Edit:
    def edit(store: StorePort) -> None:
        store.delete(store.get(m.Dependency, dep_id))

    return edit


# -- project level ------------------------------------------------------------------------
def set_status_date(day: date) -> Edit:
    def edit(store: StorePort) -> m.Project:
        project = store.project()
        if project.status_date == day:
            return project
        return store.update_fields(m.Project, project.id, {"status_date": day},
                                   {"status_date": project.status_date})

    return edit


def set_calendar_exception(day: date, working: bool, note: str = "") -> Edit:
    """Make ``day`` a working day or a holiday for this project (replacing any earlier one)."""

    def edit(store: StorePort) -> None:
        project = store.project()
        for old in store.calendar_exceptions_on(project.id, day):
            store.delete(old)
        store.insert(m.CalendarException(project_id=project.id, day=day, working=working,
                                         note=note))

    return edit


def remove_calendar_exception(exception_id: int) -> Edit:
    def edit(store: StorePort) -> None:
        store.delete(store.get(m.CalendarException, exception_id))

    return edit


def save_baseline(name: str, schedule_rows: list[tuple[int, date, date, int]],
                  created_at: str) -> Edit:
    """Store the current schedule as a named baseline (task_id, start, finish, duration)."""

    def edit(store: StorePort) -> m.Baseline:
        clean = name.strip()
        if not clean:
            raise m.ValidationError("edit.baseline_name")
        project = store.project()
        if store.baseline_exists(project.id, clean):
            raise m.ValidationError("edit.baseline_exists", name=clean)
        baseline = store.insert(m.Baseline(project_id=project.id, name=clean,
                                           created_at=created_at))
        for task_id, start, finish, duration in schedule_rows:
            store.insert(m.BaselineTask(baseline_id=baseline.id, task_id=task_id, start=start,
                                        finish=finish, duration_days=duration))
        return baseline

    return edit
