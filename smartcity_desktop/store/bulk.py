"""Bulk inserts: many new rows in a few statements, each row audited as :meth:`Store.insert` would.

An import lands up to 100,000 tasks. One by one that is five SQL statements, a
nested transaction and a flush per row. Here each batch of rows of one table is
one ``executemany`` for the rows (their uids given up front), one for the audit
entries (chained in Python exactly as :func:`store.audit.record` chains them, so
``verify-audit`` sees no difference) and one each for the exchange's change
records and field ranks (:func:`store.changelog.note_inserts`). The undo recorder
and the change listeners get every row, as with single inserts (held as one run of
ids per table, :class:`PendingWrites`, not a tuple per row).

Rows are numbered after the table's largest id, which is what SQLite itself picks
for an ``INTEGER PRIMARY KEY`` without ``AUTOINCREMENT``; we hold the write lock,
so nobody else can take those ids meanwhile. Objects that already carry an id
keep it (rows after them in a batch are numbered above them).
"""

from __future__ import annotations

import sqlite3
from array import array
from collections.abc import Iterable, Iterator, Sequence
from itertools import groupby, islice
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from . import audit, changelog
from .codec import table_of, to_row
from .errors import IntegrityViolation

if TYPE_CHECKING:
    from .repository import Store

# rows per statement batch: bounds the memory a batch's row images and JSON hold (~5 KB a
# task); 2,000 held 7 MB more at the peak of a 100,000-task import for ~3% less time
BATCH = 1000


def insert_many(store: Store, objs: Iterable[Any]) -> array:
    """Insert every object (in order, in one transaction); return their new ids (an array:
    an import's 100,000 ids as Python ints would hold 4 MB)."""
    ids = array("q")
    with store.transaction():
        for _, run in groupby(objs, key=type):
            for chunk in _chunks(run, BATCH):
                ids.extend(_insert_chunk(store, chunk))
    return ids


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def insert_rows(store: Store, table: str, rows: Iterable[dict[str, Any]]) -> array:
    """Insert rows already in the table's stored form (``to_row``'s output, each with its
    ``id``): an import's staged rows land without becoming objects again."""
    ids = array("q")
    with store.transaction():
        for chunk in _chunks(rows, BATCH):
            ids.extend(_insert_rows(store, table, chunk))
    return ids


def _insert_chunk(store: Store, objs: list[Any]) -> list[int]:
    table = table_of(objs[0])
    rows: list[dict[str, Any]] = []
    free: int | None = None  # the next id to give
    for obj in objs:
        row = to_row(obj)
        row["version"] = 1
        if "id" not in row:
            if free is None:
                free = max([next_id(store, table)] + [r["id"] + 1 for r in rows])
            row["id"] = free
            free += 1
        rows.append(row)
    return _insert_rows(store, table, rows)


def _insert_rows(store: Store, table: str, rows: list[dict[str, Any]]) -> list[int]:
    from .repository import _explain

    changelog.new_row_uids(store, table, rows)
    cols = list(rows[0])
    sql = (f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in cols)}) "
           f"VALUES ({', '.join('?' for _ in cols)})")
    values = map(itemgetter(*cols), rows) if len(cols) > 1 else ((row[cols[0]],) for row in rows)
    try:
        store.con.executemany(sql, values)
    except sqlite3.IntegrityError as exc:
        raise IntegrityViolation(_explain(table, exc)) from None
    audit.record_inserts(store, table, rows)  # first: it sets the chain end changelog trusts
    changelog.note_inserts(store, table, rows)
    audit.flush(store)  # the batch's entries go now, not all at COMMIT
    store._pending.add_inserts(table, [row["id"] for row in rows])
    if store.recorder is not None:
        from .changes import RowChange

        store.recorder.extend(RowChange(table, row["id"], None, row) for row in rows)
    return [row["id"] for row in rows]


def next_id(store: Store, table: str) -> int:
    return int(store.con.execute(f"SELECT coalesce(max(id), 0) + 1 FROM [{table}]").fetchone()[0])


Write = tuple[str, str, Any]  # (action, table, row id)


class PendingWrites(Sequence[Write]):
    """The open transaction's row writes, in order, for the change listeners.

    A sequence of ``(action, table, row id)`` like a list of them, but a run of
    inserted integer ids of one table is one ``array`` (8 bytes a row), not a
    tuple and an int object per row: an import of 100,000 rows held 10 MB here.
    """

    def __init__(self) -> None:
        self._parts: list[Write] = []  # a write, or ("insert", table, array of ids)
        self._runs: set[int] = set()  # positions in _parts holding a run
        self._len = 0

    def append(self, write: Write) -> None:
        self._parts.append(write)
        self._len += 1

    def add_inserts(self, table: str, ids: list[Any]) -> None:
        """Note inserted rows of ``table`` (a bulk insert's batch)."""
        if not ids:
            return
        last = len(self._parts) - 1
        try:
            run = array("q", ids)
        except (TypeError, OverflowError):  # not plain integers: one write each
            for row_id in ids:
                self.append(("insert", table, row_id))
            return
        if last in self._runs and self._parts[last][1] == table:
            self._parts[last][2].extend(run)  # the next batch of the same insert
        else:
            self._runs.add(last + 1)
            self._parts.append(("insert", table, run))
        self._len += len(run)

    def clear(self) -> None:
        self._parts.clear()
        self._runs.clear()
        self._len = 0

    def __len__(self) -> int:
        return self._len

    def __iter__(self) -> Iterator[Write]:
        for i, part in enumerate(self._parts):
            if i in self._runs:
                action, table, run = part
                for row_id in run:
                    yield action, table, row_id
            else:
                yield part

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return list(self)[index]
        if index < 0:
            index += self._len
        if not 0 <= index < self._len:
            raise IndexError(index)
        for i, part in enumerate(self._parts):
            size = len(part[2]) if i in self._runs else 1
            if index < size:
                return (part[0], part[1], part[2][index]) if i in self._runs else part
            index -= size
        raise IndexError(index)  # not reached: the length counts every part

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and len(other) == self._len \
            and all(a == b for a, b in zip(self, other))

    __hash__ = None  # type: ignore[assignment]  # mutable, like a list

    def __repr__(self) -> str:
        return f"PendingWrites({list(self)!r})"
