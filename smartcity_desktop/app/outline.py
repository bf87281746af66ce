"""Outline edits: indent, outdent, move, drag to re-parent, insert a sub-task, delete.

Each function returns an ``edit(store)`` function, as the window's other edits
do: it reads the current tasks, changes the outline in memory
(:class:`~..domain.outline.Outline`, which refuses gestures that make no sense),
then writes only the rows whose parent, position, kind or WBS code changed,
through the store's audited, versioned writes, inside the caller's transaction.
Before it returns, the new outline is checked by the scheduler (no loop through
a summary, only the link types a summary may carry), so a refused edit leaves
nothing written. ``renumber`` chooses whether WBS codes follow the new positions
(1, 1.1, 1.2 ...) or stay as they were.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..domain import model as m
from ..domain.outline import AFTER, BEFORE, CHILD, Outline
from ..domain.scheduler import Scheduler
from ..messages import register
from ..store import Store
from ..store.outline import write_state
from ..store.planning import checklist_percents, project_calendar

__all__ = ["AFTER", "BEFORE", "CHILD", "DeleteScope", "OutlineEdit", "add_subtask",
           "delete_scope", "delete_tasks", "indent", "move", "outdent", "place", "set_parent"]

register({
    "outline.new_task": ("새 작업", "New task"),
    "outline.summary_link": (
        "{wbs}: 요약 작업이 되면 {link} 연결을 가질 수 없습니다 (하위 작업에 연결하십시오)",
        "{wbs}: as a summary it cannot carry the {link} link (link a sub-task instead)"),
    "outline.linked_to_summary": (
        "{child}을(를) {parent} 아래에 둘 수 없습니다: 두 작업이 연결되어 있습니다 ({link}). "
        "요약 작업과 그 하위 작업은 연결할 수 없습니다",
        "{child} cannot go under {parent}: the two are linked ({link}), and a summary "
        "cannot be linked to its own sub-task"),
})

_TEMP_PREFIX = "~outline~"  # a code no plan uses, held only inside the transaction


def _outline(store: Store) -> Outline:
    return Outline.from_tasks(store.tasks(store.project().id))


def _next_free_code(outline: Outline, parent: int | None) -> str:
    """The next code under ``parent`` when codes are kept (e.g. 2.3 after 2.1, 2.2)."""
    prefix = f"{outline.tasks[parent].wbs}." if parent is not None else ""
    taken = {t.wbs for t in outline.tasks.values()}
    number = len(outline.children.get(parent, [])) or 1
    while f"{prefix}{number}" in taken:
        number += 1
    return f"{prefix}{number}"


def _check_links(store: Store, outline: Outline, tasks: list[m.Task],
                 became_summary: set[int]) -> None:
    """The scheduler's rules over the new outline: loops, and links a summary may not carry."""
    by_id = {t.id: t for t in tasks}
    old = outline.tasks  # messages name the codes the officer sees now
    deps = store.dependencies()  # read once: the largest table after the tasks
    for dep in deps:
        a, b = dep.predecessor_id, dep.successor_id
        if a not in by_id or b not in by_id:
            continue
        inner, outer = (a, b) if outline.is_within(a, b) else (b, a)
        if outline.is_within(inner, outer):
            raise m.ValidationError(
                "outline.linked_to_summary", child=old[inner].wbs, parent=old[outer].wbs,
                link=f"{old[a].wbs} → {old[b].wbs}")
    project = store.project()
    scheduler = Scheduler(tasks, deps, project_calendar(store, project.id),
                          project.start, percents=checklist_percents(store, tasks))
    for dep in scheduler.dependencies:
        pred_bad = dep.predecessor_id in became_summary and dep.type not in (
            m.DependencyType.FS, m.DependencyType.FF)
        succ_bad = dep.successor_id in became_summary and dep.type not in (
            m.DependencyType.FS, m.DependencyType.SS)
        if pred_bad or succ_bad:
            tid = dep.predecessor_id if pred_bad else dep.successor_id
            link = f"{old[dep.predecessor_id].wbs} → {old[dep.successor_id].wbs}"
            raise m.ValidationError("outline.summary_link", wbs=old[tid].wbs, link=link)


def _plan(store: Store, outline: Outline, renumber: bool) -> dict[int, m.Task]:
    """The rows the changed outline needs rewritten (checked by the scheduler's rules)."""
    codes = outline.wbs_codes() if renumber else {}
    order = outline.order()
    kept = [outline.tasks[tid].sort_order for tid in order]
    # positions are rewritten only when the stored order no longer follows the outline
    # (a delete leaves gaps, which is fine; a move does not)
    in_order = all(a < b for a, b in zip(kept, kept[1:]))
    wanted: dict[int, m.Task] = {}
    for position, tid in enumerate(order):
        task = outline.tasks[tid]
        new = dataclasses.replace(task, parent_id=outline.parent[tid],
                                  sort_order=task.sort_order if in_order else position,
                                  kind=outline.kind_of(tid), wbs=codes.get(tid, task.wbs))
        if new.kind is m.TaskKind.TASK and task.kind is m.TaskKind.SUMMARY:
            new.duration_days = max(1, task.duration_days)
        if new != task:
            wanted[tid] = new
    became_summary = {tid for tid, t in wanted.items()
                      if t.is_summary and not outline.tasks[tid].is_summary}
    _check_links(store, outline, [wanted.get(tid, t) for tid, t in outline.tasks.items()],
                 became_summary)
    return wanted


def _park(store: Store, wanted: dict[int, m.Task]) -> None:
    """Codes are unique per project and an edit may swap them: renamed rows step aside first."""
    for tid, new in wanted.items():
        current = store.get(m.Task, tid)
        if new.wbs != current.wbs:
            store.update(dataclasses.replace(current, wbs=f"{_TEMP_PREFIX}{tid}"))


def _finish(store: Store, wanted: dict[int, m.Task]) -> list[m.Task]:
    return [store.update(dataclasses.replace(new, version=store.get(m.Task, tid).version))
            for tid, new in wanted.items()]


class OutlineEdit:
    """An outline gesture as an edit function.

    Calling it runs the whole edit in the caller's transaction. An undo stack that
    replays each row's net change in order cannot replay a swap of two codes, so
    :meth:`stages` offers the same edit as two edits (codes parked, then final rows)
    for the window to record as one undo step.
    """

    def __init__(self, gesture: Callable[[Outline], object], renumber: bool) -> None:
        self.gesture = gesture
        self.renumber = renumber

    def _prepare(self, store: Store) -> dict[int, m.Task]:
        outline = _outline(store)
        self.gesture(outline)
        return _plan(store, outline, self.renumber)

    def check(self, store: Store) -> int:
        """Run the rules without writing; returns how many rows the edit would change.

        The stages reuse this result while the database is as it was (no write since).
        """
        self._checked = (write_state(store), self._prepare(store))
        return len(self._checked[1])

    def __call__(self, store: Store) -> list[m.Task]:
        wanted = self._prepare(store)
        _park(store, wanted)
        return _finish(store, wanted)

    def stages(self) -> tuple[Callable[[Store], int], Callable[[Store], list[m.Task]]]:
        """(park, finish): the first checks the rules and writes only parked codes."""
        prepared: dict[int, m.Task] = {}

        def park(store: Store) -> int:
            prepared.clear()
            checked = getattr(self, "_checked", None)
            fresh = checked is not None and checked[0] == write_state(store)
            prepared.update(checked[1] if fresh else self._prepare(store))
            _park(store, prepared)
            return len(prepared)

        def finish(store: Store) -> list[m.Task]:
            return _finish(store, prepared)

        return park, finish


def _write(store: Store, outline: Outline, renumber: bool) -> list[m.Task]:
    wanted = _plan(store, outline, renumber)
    _park(store, wanted)
    return _finish(store, wanted)


def _each(ids: Iterable[int], outline: Outline, top_down: bool = True) -> list[int]:
    """The chosen rows in outline order, without those inside another chosen row."""
    chosen = set(ids)
    ordered = [t for t in outline.order() if t in chosen
               and not any(outline.is_within(t, o) for o in chosen if o != t)]
    return ordered if top_down else list(reversed(ordered))


def indent(task_ids: Iterable[int], renumber: bool = True) -> OutlineEdit:
    """Make each chosen task a sub-task of the task above it (Alt+Shift+→)."""
    ids = list(task_ids)

    def gesture(outline: Outline) -> None:
        for tid in _each(ids, outline):
            outline.indent(tid)

    return OutlineEdit(gesture, renumber)


def outdent(task_ids: Iterable[int], renumber: bool = True) -> OutlineEdit:
    """Lift each chosen task one level, in place (Alt+Shift+←)."""
    ids = list(task_ids)

    def gesture(outline: Outline) -> None:
        for tid in _each(ids, outline, top_down=False):  # lower rows first keep their places
            outline.outdent(tid)

    return OutlineEdit(gesture, renumber)


def move(task_ids: Iterable[int], step: int, renumber: bool = True) -> OutlineEdit:
    """Move the chosen tasks one row up (-1) or down (+1) among their siblings."""
    ids = list(task_ids)

    def gesture(outline: Outline) -> None:
        for tid in _each(ids, outline, top_down=step < 0):
            outline.move(tid, step)

    return OutlineEdit(gesture, renumber)


def place(task_ids: Iterable[int], target_id: int, where: str,
          renumber: bool = True) -> OutlineEdit:
    """Drop the chosen rows before, after or under ``target_id`` (a drag in the tree)."""
    ids = list(task_ids)
    if where not in (BEFORE, AFTER, CHILD):
        raise ValueError(f"unknown drop position {where!r}")
    return OutlineEdit(lambda outline: outline.place(ids, target_id, where), renumber)


def set_parent(task_id: int, parent_id: int | None, renumber: bool = True) -> OutlineEdit:
    """Make ``task_id`` the last sub-task of ``parent_id`` (None: the last top-level task)."""

    def gesture(outline: Outline) -> None:
        if outline.parent.get(task_id, -1) == parent_id:
            return
        if parent_id is not None:
            outline.place([task_id], parent_id, CHILD)
        else:
            outline.place([task_id], outline.children[None][-1], AFTER)

    return OutlineEdit(gesture, renumber)


def add_subtask(parent_id: int, name_ko: str = "", name_en: str = "") -> Callable[[Store], m.Task]:
    """Insert a new task as the last sub-task of ``parent_id`` (which becomes a summary).

    It takes the next free code under the parent; no other code changes.
    """

    def edit(store: Store) -> m.Task:
        from ..messages import msg

        project = store.project()
        outline = _outline(store)
        parent = outline.tasks.get(parent_id) or store.get(m.Task, parent_id)
        task = m.Task(
            project_id=project.id, wbs=_next_free_code(outline, parent_id),
            name_ko=name_ko or msg("outline.new_task").text("ko"),
            name_en=name_en or msg("outline.new_task").text("en"),
            parent_id=parent_id, owner_org_id=parent.owner_org_id, city_id=parent.city_id,
            start=parent.start if parent.start and parent.start.is_exact else None,
            duration_days=5, sort_order=len(outline.tasks) + 1)
        if task.start is None and project.status_date:
            from ..domain.dates import PlanDate

            task.start = PlanDate.exact(project.status_date)
        m.validate_task(task, {o.id for o in store.organisations()})
        stored = store.insert(task)
        outline.tasks[stored.id] = stored
        outline.parent[stored.id] = parent_id
        outline.children.setdefault(parent_id, []).append(stored.id)
        changed = {t.id: t for t in _write(store, outline, renumber=False)}
        return changed.get(stored.id, stored)

    return edit


@dataclass(frozen=True)
class DeleteScope:
    """What deleting the chosen rows takes with it (for the confirmation)."""

    task_ids: tuple[int, ...]  # the chosen rows and every sub-task, outline order
    links: int
    checklist_items: int

    @property
    def tasks(self) -> int:
        return len(self.task_ids)

    @property
    def needs_confirmation(self) -> bool:
        return self.tasks > 1 or self.links > 0


def delete_scope(store: Store, task_ids: Iterable[int]) -> DeleteScope:
    """Count the rows a delete would remove (sub-tasks, links, checklist items)."""
    outline = _outline(store)
    gone: list[int] = []
    for tid in _each([t for t in task_ids if t in outline.tasks], outline):
        gone.append(tid)
        gone.extend(outline.descendants(tid))
    ids = set(gone)
    links = sum(1 for d in store.dependencies()
                if d.predecessor_id in ids or d.successor_id in ids)
    items = sum(1 for i in store.checklist() if i.task_id in ids)
    return DeleteScope(tuple(gone), links, items)


def delete_tasks(task_ids: Iterable[int], renumber: bool = False) -> Callable[[Store], None]:
    """Delete the chosen tasks with their sub-tasks, links, checklists and status updates.

    A summary left without sub-tasks becomes a plain task. Codes are kept by default:
    a deleted 2.3 leaves a gap rather than renaming every later task.
    """
    ids = list(task_ids)

    def edit(store: Store) -> None:
        outline = _outline(store)
        for tid in _each([t for t in ids if t in outline.tasks], outline):
            store.delete(outline.tasks[tid])
        _write(store, _outline(store), renumber)

    return edit
