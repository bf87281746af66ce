"""The single write path: run an edit, undo it, redo it, and keep the plan current.

A :class:`Session` owns one open store and its :class:`~.plan.PlanModel`.
:meth:`Session.run` executes an edit function in one transaction while the
store records every row it writes (before and after), and returns an
:class:`EditRecord`: the result, the :class:`Changes` (table, row ids and
fields), and what undo and redo need. Undo and redo replay that record with
the same field-level conflict checks as any edit, so they never overwrite
what someone else changed since.

Whoever commits — this session, a bulk import on the same connection, or
another program on the same file (picked up by :meth:`refresh`) — the plan
model replays it from the audit log and the session tells its listeners the
:class:`~.plan.PlanDelta`. The window, the CLI and imports all write here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from ..store.changes import ChangeSet, Progress, RowChange, record_changes
from .plan import PlanDelta, PlanModel
from .ports import StorePort

R = TypeVar("R")
Listener = Callable[[PlanDelta], None]


@dataclass(frozen=True)
class RowDelta:
    """One row an edit touched: how, and which fields."""

    table: str
    row_id: Any
    action: str  # 'insert' | 'update' | 'delete'
    fields: frozenset[str]


@dataclass(frozen=True)
class Changes:
    """What one edit changed, row by row."""

    rows: tuple[RowDelta, ...] = ()

    @classmethod
    def of(cls, changeset: ChangeSet) -> Changes:
        return cls(tuple(_row_delta(c) for c in changeset.changes))

    @property
    def empty(self) -> bool:
        return not self.rows

    def tables(self) -> set[str]:
        return {r.table for r in self.rows}

    def ids(self, table: str) -> set[Any]:
        return {r.row_id for r in self.rows if r.table == table}


def _row_delta(change: RowChange) -> RowDelta:
    before, after = change.before or {}, change.after or {}
    if change.before is None:
        action = "insert"
    elif change.after is None:
        action = "delete"
    else:
        action = "update"
    names = (before.keys() | after.keys()) - {"version"}
    fields = frozenset(k for k in names if before.get(k) != after.get(k))
    return RowDelta(change.table, change.row_id, action, fields)


class StagedChangeSet:
    """Several recorded stages of one edit, replayed stage by stage in one transaction.

    An edit that swaps unique values (two WBS codes) must park one first; merged
    into one before/after pair per row it could not be replayed, so each stage
    keeps its own rows and undo walks them back in reverse.
    """

    def __init__(self, stages: list[ChangeSet]) -> None:
        self.stages = stages

    @property
    def empty(self) -> bool:
        return all(cs.empty for cs in self.stages)

    @property
    def changes(self) -> list[RowChange]:
        return [c for cs in self.stages for c in cs.changes]

    def undo(self, store: StorePort, progress: Progress | None = None) -> None:
        with store.transaction():
            for cs in reversed(self.stages):
                cs.undo(store, progress)

    def redo(self, store: StorePort, progress: Progress | None = None) -> None:
        with store.transaction():
            for cs in self.stages:
                cs.redo(store, progress)


@dataclass
class EditRecord(Generic[R]):
    """A committed edit: its result, what it changed, and how to replay it."""

    result: R
    changeset: ChangeSet
    changes: Changes = field(default_factory=Changes)


class Session:
    """One open database: its store, its plan model and the edit history's replays."""

    def __init__(self, store: StorePort, plan: PlanModel | None = None) -> None:
        self.store = store
        self.plan = plan or PlanModel(store)
        self.listeners: list[Listener] = []
        self._on_commit = lambda _pending: self._sync()
        store.listeners.append(self._on_commit)

    def close(self) -> None:
        """Stop following the store's commits (before it closes)."""
        if self._on_commit in self.store.listeners:
            self.store.listeners.remove(self._on_commit)

    def run(self, edit: Callable[[StorePort], R]) -> EditRecord[R]:
        """Apply ``edit`` atomically; a refusal propagates with nothing written."""
        result, changeset = record_changes(self.store, edit)
        return EditRecord(result, changeset, Changes.of(changeset))

    def run_stages(self, edits: list[Callable[[StorePort], Any]]) -> EditRecord[Any]:
        """Apply several edits as one (all or nothing); the last one's result is returned."""
        stages: list[ChangeSet] = []
        result: Any = None
        with self.store.transaction():
            for edit in edits:
                result, changeset = record_changes(self.store, edit)
                stages.append(changeset)
        staged = StagedChangeSet(stages)
        return EditRecord(result, staged, Changes.of(ChangeSet(staged.changes)))  # type: ignore[arg-type]

    def undo(self, record: EditRecord[Any], progress: Progress | None = None) -> None:
        record.changeset.undo(self.store, progress)

    def redo(self, record: EditRecord[Any], progress: Progress | None = None) -> None:
        record.changeset.redo(self.store, progress)

    def refresh(self) -> PlanDelta:
        """Pick up what another program committed to the same file since."""
        delta = self.plan.refresh_if_changed_elsewhere()
        if not delta.empty:
            self._notify(delta)
        return delta

    def _sync(self) -> None:
        delta = self.plan.sync()
        self.plan.data_version = self.store.data_version()
        if not delta.empty:
            self._notify(delta)

    def _notify(self, delta: PlanDelta) -> None:
        for listener in list(self.listeners):
            listener(delta)
