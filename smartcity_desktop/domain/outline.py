"""The task outline as a tree of ids: indent, outdent, move, re-parent, renumber.

Pure rules, no storage: :class:`Outline` is built from the tasks, changed in
memory by the outline gestures (each refuses with a :class:`ValidationError`
naming the task when the gesture makes no sense there), and then tells which
rows need a new parent, position, kind or WBS code. The gestures follow MS
Project: indent makes a task the last child of the sibling above it; outdent
keeps the row where it is, so the siblings below it become its sub-tasks; a
task that gains children becomes a summary, a summary left without children
becomes a plain task again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..messages import register
from .model import Task, TaskKind, ValidationError

register({
    "outline.no_sibling_above": (
        "{wbs}: 위에 같은 수준의 작업이 없어 들여쓸 수 없습니다",
        "{wbs}: there is no task above it at the same level to indent under"),
    "outline.top_level": (
        "{wbs}: 이미 최상위 작업이라 내어쓸 수 없습니다",
        "{wbs}: is already a top-level task and cannot be outdented"),
    "outline.first": ("{wbs}: 이미 맨 위에 있습니다", "{wbs}: is already the first at its level"),
    "outline.last": ("{wbs}: 이미 맨 아래에 있습니다", "{wbs}: is already the last at its level"),
    "outline.into_itself": (
        "{wbs}: 자기 자신이나 하위 작업 아래로 옮길 수 없습니다",
        "{wbs}: cannot be moved under itself or one of its sub-tasks"),
    "outline.unknown_task": ("작업 #{id}이(가) 없습니다 (다른 곳에서 삭제됨?)",
                             "task #{id} does not exist (deleted elsewhere?)"),
})

BEFORE, AFTER, CHILD = "before", "after", "child"


@dataclass
class Outline:
    """Parent and ordered children of every task; ``None`` is the top level."""

    tasks: dict[int, Task]
    parent: dict[int, int | None] = field(default_factory=dict)
    children: dict[int | None, list[int]] = field(default_factory=dict)

    @classmethod
    def from_tasks(cls, tasks: Iterable[Task]) -> Outline:
        by_id = {t.id: t for t in tasks if t.id is not None}
        outline = cls(by_id)
        outline.children[None] = []
        for task in sorted(by_id.values(), key=lambda t: (t.sort_order, t.id)):
            pid = task.parent_id if task.parent_id in by_id else None
            outline.parent[task.id] = pid
            outline.children.setdefault(pid, []).append(task.id)
        return outline

    # -- reading -----------------------------------------------------------------------
    def _check(self, tid: int) -> Task:
        task = self.tasks.get(tid)
        if task is None:
            raise ValidationError("outline.unknown_task", id=tid)
        return task

    def siblings(self, tid: int) -> list[int]:
        return self.children[self.parent[tid]]

    def descendants(self, tid: int) -> list[int]:
        """``tid``'s sub-tasks at every depth, in outline order (``tid`` excluded)."""
        out: list[int] = []
        stack = list(reversed(self.children.get(tid, [])))
        while stack:
            cur = stack.pop()
            out.append(cur)
            stack.extend(reversed(self.children.get(cur, [])))
        return out

    def order(self) -> list[int]:
        """Every task in outline (depth-first) order."""
        out: list[int] = []
        for top in self.children[None]:
            out.append(top)
            out.extend(self.descendants(top))
        return out

    def is_within(self, tid: int, ancestor: int) -> bool:
        cur: int | None = tid
        while cur is not None:
            if cur == ancestor:
                return True
            cur = self.parent[cur]
        return False

    # -- gestures ----------------------------------------------------------------------
    def _detach(self, tid: int) -> None:
        self.siblings(tid).remove(tid)

    def _attach(self, tid: int, parent: int | None, position: int) -> None:
        self.parent[tid] = parent
        self.children.setdefault(parent, []).insert(position, tid)

    def indent(self, tid: int) -> None:
        """Make ``tid`` the last sub-task of the sibling above it."""
        task = self._check(tid)
        row = self.siblings(tid).index(tid)
        if row == 0:
            raise ValidationError("outline.no_sibling_above", wbs=task.wbs)
        above = self.siblings(tid)[row - 1]
        self._detach(tid)
        self._attach(tid, above, len(self.children.get(above, [])))

    def outdent(self, tid: int) -> None:
        """Lift ``tid`` one level, in place: the siblings below it become its sub-tasks."""
        task = self._check(tid)
        parent = self.parent[tid]
        if parent is None:
            raise ValidationError("outline.top_level", wbs=task.wbs)
        siblings = self.siblings(tid)
        row = siblings.index(tid)
        below = siblings[row + 1:]
        del siblings[row:]
        for child in below:
            self._attach(child, tid, len(self.children.get(tid, [])))
        grand = self.siblings(parent)
        self._attach(tid, self.parent[parent], grand.index(parent) + 1)

    def move(self, tid: int, step: int) -> None:
        """Swap ``tid`` (with its sub-tasks) with the sibling above (-1) or below (+1)."""
        task = self._check(tid)
        siblings = self.siblings(tid)
        row = siblings.index(tid)
        target = row + step
        if target < 0:
            raise ValidationError("outline.first", wbs=task.wbs)
        if target >= len(siblings):
            raise ValidationError("outline.last", wbs=task.wbs)
        siblings[row], siblings[target] = siblings[target], siblings[row]

    def place(self, ids: Iterable[int], target: int, where: str) -> list[int]:
        """Put ``ids`` (dragged rows) before, after or as last sub-tasks of ``target``.

        Rows whose ancestor is also dragged travel with it. Returns the rows moved.
        """
        self._check(target)
        chosen = [self._check(t).id for t in ids]
        moving = [t for t in self.order() if t in chosen
                  and not any(self.is_within(t, o) for o in chosen if o != t)]
        for tid in moving:
            if self.is_within(target, tid):
                raise ValidationError("outline.into_itself", wbs=self.tasks[tid].wbs)
        if target in moving:
            return []
        for tid in moving:
            self._detach(tid)
        if where == CHILD:
            parent, position = target, len(self.children.get(target, []))
        else:
            parent = self.parent[target]
            position = self.children[parent].index(target) + (where == AFTER)
        for offset, tid in enumerate(moving):
            self._attach(tid, parent, position + offset)
        return moving

    # -- results -----------------------------------------------------------------------
    def kind_of(self, tid: int) -> TaskKind:
        """A task with sub-tasks is a summary; a summary without any is a plain task."""
        kind = self.tasks[tid].kind
        if self.children.get(tid):
            return TaskKind.SUMMARY
        return TaskKind.TASK if kind is TaskKind.SUMMARY else kind

    def wbs_codes(self) -> dict[int, str]:
        """Codes numbered by position: 1, 1.1, 1.2, 2, ..."""
        codes: dict[int, str] = {}
        stack: list[tuple[int | None, str]] = [(None, "")]
        while stack:
            parent, prefix = stack.pop()
            for number, tid in enumerate(self.children.get(parent, []), start=1):
                codes[tid] = f"{prefix}{number}"
                stack.append((tid, f"{codes[tid]}."))
        return codes
