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

from . import changelog
from .errors import ConflictError, NotFoundError
from .repository import Store

R = TypeVar("R")
Progress = Callable[[float], None]  # told the fraction replayed, every thousand rows


@dataclass
class RowChange:
    table: str
    row_id: Any
    before: dict[str, Any] | None  # None: the edit inserted the row
    after: dict[str, Any] | None  # None: the edit deleted the row


@dataclass
class ChangeSet:
    changes: list[RowChange] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.changes

    def tables(self) -> set[str]:
        return {c.table for c in self.changes}

    def undo(self, store: Store, progress: Progress | None = None) -> None:
        """Put every row back as it was before the edit (one transaction)."""
        with changelog.replaying(store), store.transaction():
            store.con.execute("PRAGMA defer_foreign_keys = ON")  # parents and children in any order
            for i, change in enumerate(reversed(self.changes)):
                _tell(progress, i, len(self.changes))
                _put(store, change.table, change.row_id, expect=change.after, target=change.before)

    def redo(self, store: Store, progress: Progress | None = None) -> None:
        """Make every row what the edit left it (one transaction)."""
        with changelog.replaying(store), store.transaction():
            store.con.execute("PRAGMA defer_foreign_keys = ON")
            for i, change in enumerate(self.changes):
                _tell(progress, i, len(self.changes))
                _put(store, change.table, change.row_id, expect=change.before, target=change.after)


def _tell(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None and done % 1000 == 0:
        progress(done / total)


def _content(row: dict[str, Any] | None) -> dict[str, Any] | None:
    return None if row is None else {k: v for k, v in row.items() if k != "version"}


def _edited_fields(expect: dict[str, Any], target: dict[str, Any]) -> list[str]:
    return [k for k in target if k != "version" and expect.get(k) != target[k]]


def _put(store: Store, table: str, row_id: Any, expect: dict[str, Any] | None,
         target: dict[str, Any] | None) -> None:
    """Turn the row from ``expect`` into ``target`` (None = absent).

    An update replays field by field: only the fields this edit changed are
    written, and each must still hold what the edit left (someone else may
    have changed other fields meanwhile; those are kept). A whole-row replay
    (insert, delete) needs the row exactly as the edit left it, and a delete is
    refused while rows added elsewhere hang under it, since the cascade would
    remove them too.
    """
    try:
        current = store.row(table, row_id)
    except NotFoundError:
        current = None
    if expect is not None and target is not None and current is not None:
        fields = _edited_fields(expect, target)
        if any(current.get(k) != expect.get(k) for k in fields):
            raise ConflictError("store.stale_row", table=table, id=row_id)
        if fields:
            row = {**current, **{k: target[k] for k in fields}, "version": current["version"] + 1}
            store.write_row(table, row_id, row, current["version"])
        return
    if _content(current) != _content(expect):
        raise ConflictError("store.stale_row", table=table, id=row_id)
    if target is None:
        if current is not None:
            children = store.child_count(table, row_id)
            if children:
                raise ConflictError("store.undo_children", table=table, id=row_id,
                                    count=children)
            store.delete_row(table, row_id)
    elif current is None:
        store.restore(table, dict(target))


def record_changes(store: Store, edit: Callable[[Store], R]) -> tuple[R, ChangeSet]:
    """Run ``edit`` atomically and return its result and what it changed."""
    changeset = ChangeSet()
    with store.transaction():
        previous = store.recorder
        store.recorder = changeset.changes
        try:
            result = edit(store)
            changelog.settle(store)  # derived values too, so undo puts them back
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
    return result, changeset
