"""Recorded edits that can be undone and redone exactly (no Qt here).

:func:`record_changes` runs an edit function inside one transaction while the
store notes every row it inserts, updates or deletes (before and after). The
resulting :class:`ChangeSet` can later be reverted and re-applied, each time in
one transaction and with the same optimistic-concurrency check as any edit: if
another process changed one of the rows meanwhile, :class:`ConflictError` is
raised and nothing is written. The UI's undo stack wraps these.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .errors import ConflictError
from .repository import Store

R = TypeVar("R")


@dataclass
class RowChange:
    table: str
    row_id: Any
    before: dict[str, Any] | None  # None: the edit inserted the row
    after: dict[str, Any] | None  # None: the edit deleted the row


@dataclass
class ChangeSet:
    changes: list[RowChange] = field(default_factory=list)
    # the row version each changed row has right now (after the last apply)
    current_versions: dict[tuple[str, Any], int | None] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not self.changes

    def tables(self) -> set[str]:
        return {c.table for c in self.changes}

    def undo(self, store: Store) -> None:
        with store.transaction():
            store.con.execute("PRAGMA defer_foreign_keys = ON")  # parents and children in any order
            for change in reversed(self.changes):
                self._put(store, change.table, change.row_id, change.before)

    def redo(self, store: Store) -> None:
        with store.transaction():
            store.con.execute("PRAGMA defer_foreign_keys = ON")
            for change in self.changes:
                self._put(store, change.table, change.row_id, change.after)

    def _put(self, store: Store, table: str, row_id: Any, target: dict[str, Any] | None) -> None:
        """Make the row equal ``target`` (None = absent), checking nobody else touched it."""
        key = (table, row_id)
        expected = self.current_versions.get(key)
        try:
            current = store.row(table, row_id)
        except Exception:
            current = None
        now = current["version"] if current else None
        if now != expected:
            raise ConflictError(
                f"{table} #{row_id} was changed elsewhere since this edit; "
                "it cannot be undone or redone"
            )
        if target is None:
            if current is not None:
                store.delete_row(table, row_id)
            self.current_versions[key] = None
        elif current is None:
            row = dict(target)
            store.restore(table, row)
            self.current_versions[key] = row["version"]
        else:
            row = dict(target)
            row["version"] = now + 1
            store.write_row(table, row_id, row, now)
            self.current_versions[key] = now + 1


def record_changes(store: Store, edit: Callable[[Store], R]) -> tuple[R, ChangeSet]:
    """Run ``edit`` atomically and return its result and what it changed."""
    changeset = ChangeSet()
    with store.transaction():
        previous = store.recorder
        store.recorder = changeset.changes
        try:
            result = edit(store)
        finally:
            store.recorder = previous
        merged: dict[tuple[str, Any], RowChange] = {}
        order: list[tuple[str, Any]] = []
        for change in changeset.changes:
            key = (change.table, change.row_id)
            if key in merged:
                merged[key].after = change.after
            else:
                merged[key] = RowChange(change.table, change.row_id, change.before, change.after)
                order.append(key)
        changeset.changes = [
            merged[k] for k in order if merged[k].before != merged[k].after
        ]
        for change in changeset.changes:
            key = (change.table, change.row_id)
            changeset.current_versions[key] = change.after["version"] if change.after else None
    return result, changeset
