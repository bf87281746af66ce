"""Field-level change records for the exchange, written where the audit log is written.

``Store._log`` calls :func:`note` for every insert, update, delete and restore, in the
same transaction. For a shared table it gives a new row its uid and appends change
records: one per changed field for an update (base value and new value), one
whole-row record for an insert, and a tombstone for a delete. Values are JSON with
references written as uids, so they mean the same on every desk.

A task that follows its checklist (``percent_from_checklist``) and has items has a
*derived* percent complete: the checklist's share done (``domain.status.effective_percent``),
a function of shared state. It is never exchanged as a change. :func:`settle`, run by
``Store.transaction`` just before every commit, recomputes it for the tasks the
transaction touched, alike on every desk (local edits, merges, decisions, undo), and
:func:`note` does not record it. Exchanged, each desk's value was whichever desk's
record won, so two desks ticking different items of one task both ended at one item's
share.

While a package is being applied (:func:`applying`) nothing is recorded here: the
incoming records are stored as they came, with their origin desk, officer, clock and
sequence number, never re-attributed to this desk. While seeding (:func:`quiet`)
nothing is recorded and uids are filled from natural keys afterwards.
"""

from __future__ import annotations

import json
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from itertools import islice
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING, Any

from ..domain.hlc import tick, ticks
from .desk_keys import create_desk
from .uids import LIST_REFERENCES, LOCAL_COLUMNS, REFERENCES, SHARED_TABLES, new_uid, new_uids

if TYPE_CHECKING:
    from .repository import Store

_SHARED = frozenset(SHARED_TABLES)
_mode: ContextVar[tuple[Any, str, Any] | None] = ContextVar("changelog_mode", default=None)
_tx_cache: weakref.WeakKeyDictionary[Any, dict[str, Any]] = weakref.WeakKeyDictionary()
#: per store, this transaction's ``(tasks touched, tasks that lost a checklist item)``
_derived: weakref.WeakKeyDictionary[Any, tuple[set[int], set[int]]] = weakref.WeakKeyDictionary()
_TASK_CHILDREN = ("checklist_items", "signoffs")
_replay: ContextVar[Any] = ContextVar("changelog_replay", default=None)
#: the most ``(table, id) -> uid`` entries a transaction's cache holds (about 200 bytes each)
UID_CACHE_SIZE = 4_000

COLUMNS = ("row_uid", "table_name", "field", "op", "base", "base_rank", "value", "rank",
           "officer", "wall_time", "origin_desk", "origin_seq")


_FIELDS = attrgetter(*COLUMNS)


@dataclass(frozen=True)
class Record:
    """One change as exchanged: ``value``/``base`` are JSON text (None for none)."""

    row_uid: str
    table_name: str
    field: str
    op: str
    base: str | None
    base_rank: str | None
    value: str | None
    rank: str
    officer: str
    wall_time: str
    origin_desk: str
    origin_seq: int

    def as_list(self) -> list[Any]:
        return list(_FIELDS(self))


_DUMPS = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode


def dumps(value: Any) -> str:
    return _DUMPS(value)  # json.dumps(value, ensure_ascii=False, sort_keys=True, ...), made once


# -- modes ------------------------------------------------------------------------------------
@contextmanager
def _with_mode(store: Store, mode: str, extra: Any = None) -> Iterator[None]:
    token = _mode.set((store, mode, extra))
    try:
        yield
    finally:
        _mode.reset(token)


def quiet(store: Store) -> Any:
    """Record nothing and leave uids empty (seeding: uids come from natural keys after)."""
    return _with_mode(store, "quiet")


def applying(store: Store) -> Any:
    """Writes made while applying incoming records: the records are stored as they came."""
    return _with_mode(store, "apply")


def adopting(store: Store, rank: str) -> Any:
    """Writes that take another desk's value with its rank (a decision for the newer side)."""
    return _with_mode(store, "adopt", rank)


def _current(store: Store) -> tuple[str, Any]:
    mode = _mode.get()
    if mode is None or mode[0] is not store:
        return "record", None
    return mode[1], mode[2]


# -- uids and references ----------------------------------------------------------------------
def uid_of(store: Store, table: str, row_id: Any) -> str | None:
    if row_id is None:
        return None
    row = store.con.execute(f"SELECT uid FROM [{table}] WHERE id = ?", (row_id,)).fetchone()
    return row[0] if row else None


def id_of(store: Store, table: str, uid: str | None) -> int | None:
    """The local id of a shared row; raises LookupError when this desk does not hold it."""
    if uid is None:
        return None
    row = store.con.execute(f"SELECT id FROM [{table}] WHERE uid = ?", (uid,)).fetchone()
    if row is None:
        raise LookupError(f"{table} {uid}")
    return row[0]


def shared_value(store: Store, table: str, column: str, value: Any) -> Any:
    """A column value as exchanged (local ids become uids)."""
    target = REFERENCES.get(table, {}).get(column)
    if target is not None:
        return uid_of(store, target, value)
    listed = LIST_REFERENCES.get((table, column))
    if listed is not None:
        ids = json.loads(value) if isinstance(value, str) else (value or [])
        return [uid_of(store, listed, i) for i in ids]
    return value


def local_value(store: Store, table: str, column: str, value: Any) -> Any:
    """An exchanged value as stored here (uids become local ids; LookupError if unknown)."""
    target = REFERENCES.get(table, {}).get(column)
    if target is not None:
        return id_of(store, target, value)
    listed = LIST_REFERENCES.get((table, column))
    if listed is not None:
        return json.dumps([id_of(store, listed, u) for u in (value or [])])
    return value


def shared_row(store: Store, table: str, row: dict[str, Any]) -> dict[str, Any]:
    """A row as exchanged: local columns dropped, references as uids (a hot path on imports:
    only reference columns are looked at, through the transaction's id -> uid cache)."""
    out = {c: v for c, v in row.items() if c not in LOCAL_COLUMNS}
    for column, target in REFERENCES.get(table, {}).items():
        if out.get(column) is not None:
            out[column] = _cached_uid(store, target, out[column])
    for (t, column), target in LIST_REFERENCES.items():
        if t == table and column in out:
            value = out[column]
            ids = json.loads(value) if isinstance(value, str) else (value or [])
            out[column] = [_cached_uid(store, target, i) for i in ids]
    return out


def _cached_uid(store: Store, table: str, row_id: Any) -> str | None:
    mode = _mode.get()
    if store.last_audit_hash is None and not (mode and mode[0] is store):
        return uid_of(store, table, row_id)  # outside a write: no cache to trust
    uids = _cache(store)["uids"]
    key = (table, row_id)
    found = uids.get(key)
    if found is None:
        found = uid_of(store, table, row_id)
        _remember(uids, ((key, found),))
    return found


def _remember(uids: dict[tuple[str, Any], str | None], items: Any) -> None:
    """Add ``((table, id), uid)`` pairs to the transaction's uid cache, keeping it bounded:
    past :data:`UID_CACHE_SIZE` entries the older half goes (a miss asks the database), so
    an import of 100,000 rows does not hold 100,000 uids until the next write."""
    uids.update(items)
    if len(uids) > UID_CACHE_SIZE:
        for key in list(islice(uids, len(uids) - UID_CACHE_SIZE // 2)):
            del uids[key]


def local_row(store: Store, table: str, values: dict[str, Any]) -> dict[str, Any]:
    return {c: local_value(store, table, c, v) for c, v in values.items()}


# -- ranks --------------------------------------------------------------------------------------
def field_rank(store: Store, uid: str, field: str) -> str | None:
    row = store.con.execute(
        "SELECT rank FROM field_ranks WHERE row_uid = ? AND field IN (?, '*') "
        "ORDER BY field = '*' LIMIT 1", (uid, field)).fetchone()
    return row[0] if row else None


def field_rank_exact(store: Store, uid: str, field: str) -> str | None:
    """The rank of exactly ``field`` (``"*"``: the row's last whole-row insert), if any."""
    row = store.con.execute("SELECT rank FROM field_ranks WHERE row_uid = ? AND field = ?",
                            (uid, field)).fetchone()
    return row[0] if row else None


def row_rank(store: Store, uid: str) -> str | None:
    """The newest rank of any field of a row (what a delete of it was based on)."""
    row = store.con.execute("SELECT max(rank) FROM field_ranks WHERE row_uid = ?",
                            (uid,)).fetchone()
    return row[0]


def set_rank(store: Store, uid: str, field: str, rank: str) -> None:
    store.con.execute("INSERT INTO field_ranks (row_uid, field, rank) VALUES (?, ?, ?) "
                      "ON CONFLICT (row_uid, field) DO UPDATE SET rank = excluded.rank",
                      (uid, field, rank))


def latest_rank(store: Store) -> str | None:
    return store.con.execute("SELECT max(rank) FROM change_log").fetchone()[0]


# -- the hook -----------------------------------------------------------------------------------
def note(store: Store, action: str, table: str, row_id: Any, old: dict[str, Any] | None,
         new: dict[str, Any] | None) -> None:
    """Called by ``Store._log`` for every audited row write (same transaction)."""
    if table not in _SHARED:
        return
    mode, extra = _current(store)
    if mode == "quiet":
        return
    _note_derived(store, table, row_id, old, new)
    if new is not None:  # keep the uid in the row images the audit log and undo see
        uid = (old or {}).get("uid") or new.get("uid")
        if uid is None:
            uid = new_uid()
            store.con.execute(f"UPDATE [{table}] SET uid = ? WHERE id = ?", (uid, row_id))
        new["uid"] = uid
        if mode == "record":
            _remember(_cache(store)["uids"], (((table, row_id), uid),))
    if mode == "apply":
        return
    uid = (new or old or {}).get("uid")
    if uid is None:
        return  # a row from before uids (should not happen after migration 0004)
    if action == "insert":
        _append(store, mode, extra, uid, table, "*", "insert", None,
                None, dumps(shared_row(store, table, new or {})))
        if mode == "record":
            store.con.execute("DELETE FROM tombstones WHERE row_uid = ?", (uid,))
    elif action == "delete":
        base = dumps(shared_row(store, table, old or {}))
        _cache(store)["uids"].pop((table, row_id), None)
        rank = _append(store, mode, extra, uid, table, "*", "delete", base, row_rank(store, uid),
                       None)
        add_tombstone(store, uid, table, rank, base, _cache(store)["desk"])
    else:
        for column, value in (new or {}).items():
            if column in LOCAL_COLUMNS or old is None or old.get(column) == value:
                continue
            if column == "percent_complete" and table == "tasks" \
                    and is_derived(store, row_id, new):
                continue
            _append(store, mode, extra, uid, table, column, "update",
                    dumps(shared_value(store, table, column, old.get(column))),
                    field_rank(store, uid, column),
                    dumps(shared_value(store, table, column, value)))


def new_row_uids(store: Store, table: str, rows: list[dict[str, Any]]) -> None:
    """Give rows about to be inserted together the uid :func:`note` would give each one."""
    if table in _SHARED and _current(store)[0] != "quiet":
        for row, uid in zip(rows, new_uids(len(rows))):
            row["uid"] = uid


def note_inserts(store: Store, table: str, rows: list[dict[str, Any]]) -> None:
    """:func:`note` for rows inserted together (uids from :func:`new_row_uids`), batched.

    The same records as one :func:`note` per row: a whole-row insert record and its
    field rank each (or, adopting, the given rank), the ranks made as chained ticks of
    one clock reading. The rows' uids are new, so no tombstone can name them.
    """
    if table not in _SHARED:
        return
    mode, extra = _current(store)
    if mode == "quiet":
        return
    _note_derived_many(store, table, rows)  # as note() does: derived percents settle later
    if mode == "apply":
        return
    if mode == "adopt":
        set_ranks(store, {(row["uid"], "*"): extra for row in rows})
        return
    cache = _cache(store)
    _remember(cache["uids"], (((table, row["id"]), row["uid"]) for row in rows))
    desk, officer, now = cache["desk"], cache["officer"] or store.user, _now()
    seq = cache["seq"]
    ranks = ticks(cache["rank"], desk, len(rows))
    values = _insert_values(store, table, rows)
    records = [(row["uid"], table, "*", "insert", None, None, value, rank, officer, now, desk,
                seq + n) for n, (row, value, rank) in enumerate(zip(rows, values, ranks), 1)]
    if records:
        cache["rank"], cache["seq"] = ranks[-1], seq + len(records)
    store.con.executemany(
        f"INSERT INTO change_log ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})",
        records)
    store.con.executemany(
        "INSERT INTO field_ranks (row_uid, field, rank) VALUES (?, '*', ?) "
        "ON CONFLICT (row_uid, field) DO UPDATE SET rank = excluded.rank",
        [(row["uid"], rank) for row, rank in zip(rows, ranks)])


def _insert_values(store: Store, table: str, rows: list[dict[str, Any]]) -> list[str]:
    """``dumps(shared_row(store, table, row))`` for each row, with the columns to share and
    the references among them found once (rows of one batch have the same columns)."""
    if not rows:
        return []
    first = rows[0]
    columns = [c for c in first if c not in LOCAL_COLUMNS]
    if len(columns) < 2:
        return [dumps(shared_row(store, table, row)) for row in rows]
    get, width, keys = itemgetter(*columns), len(first), first.keys()
    refs = REFERENCES.get(table, {})
    single = [(i, refs[c]) for i, c in enumerate(columns) if c in refs]
    listed = [(i, LIST_REFERENCES[(table, c)]) for i, c in enumerate(columns)
              if (table, c) in LIST_REFERENCES]
    out = []
    for row in rows:
        if len(row) != width or row.keys() != keys:  # another shape: the general way
            out.append(dumps(shared_row(store, table, row)))
            continue
        values = list(get(row))
        for i, target in single:
            if values[i] is not None:
                values[i] = _cached_uid(store, target, values[i])
        for i, target in listed:
            value = values[i]
            ids = [] if value == "[]" else \
                json.loads(value) if isinstance(value, str) else (value or [])
            values[i] = [_cached_uid(store, target, x) for x in ids]
        out.append(_DUMPS(dict(zip(columns, values))))
    return out


# -- derived values -------------------------------------------------------------------------
@contextmanager
def replaying(store: Store) -> Iterator[None]:
    """Undo and redo: rows go back to states that were settled when first committed, so
    their writes schedule no recomputation (one would change the rows the replay of the
    next step expects, and refuse it)."""
    token = _replay.set(store)
    try:
        yield
    finally:
        _replay.reset(token)


def _note_derived(store: Store, table: str, row_id: Any, old: dict[str, Any] | None,
                  new: dict[str, Any] | None) -> None:
    if (table != "tasks" and table not in _TASK_CHILDREN) or _replay.get() is store:
        return
    touched, removed = _derived.setdefault(store, (set(), set()))
    if table == "tasks":
        touched.add(row_id)
        return
    for image in (old, new):
        if image is not None and image.get("task_id") is not None:
            touched.add(image["task_id"])
    if table == "checklist_items" and new is None and old is not None:
        removed.add(old["task_id"])


def _note_derived_many(store: Store, table: str, rows: list[dict[str, Any]]) -> None:
    """:func:`_note_derived` for inserted rows. Of new tasks only those that follow their
    checklist can have a derived percent (:func:`settle` looks at no other; a later update
    in the transaction that makes one follow notes it then): an import of 100,000 plain
    tasks does not hold a set of 100,000 ids until the commit."""
    if table == "tasks" and _replay.get() is not store:
        follow = [row["id"] for row in rows if row.get("percent_from_checklist")]
        if follow:
            _derived.setdefault(store, (set(), set()))[0].update(follow)
        return
    for row in rows:
        _note_derived(store, table, row["id"], None, row)


def is_derived(store: Store, task_id: int, task: dict[str, Any]) -> bool:
    """Whether a task's percent complete is derived from its checklist (never exchanged):
    it follows its checklist and has items, or lost its last one in this transaction."""
    if not task.get("percent_from_checklist"):
        return False
    if task_id in _derived.get(store, (set(), set()))[1]:
        return True
    return store.con.execute("SELECT 1 FROM checklist_items WHERE task_id = ? LIMIT 1",
                             (task_id,)).fetchone() is not None


def discard(store: Store) -> None:
    """Forget what a rolled-back transaction touched."""
    _derived.pop(store, None)


def settle(store: Store) -> None:
    """Recompute the derived percents of the tasks this transaction touched (before COMMIT).

    A task that follows its checklist takes the checklist's share done (below 100 % until
    signed off when gated); one that lost its last item takes 0, as the checklist edit
    that removes it does. Written through the audited path (undo sees it), not recorded.
    """
    from ..domain import model as m
    from ..domain.status import effective_percent

    todo = _derived.pop(store, None)
    if not todo or not todo[0]:
        return
    touched, removed = todo
    ordered = sorted(touched)
    follow: list[int] = []
    for i in range(0, len(ordered), 500):
        chunk = ordered[i:i + 500]
        follow += [r[0] for r in store.con.execute(
            "SELECT id FROM tasks WHERE percent_from_checklist = 1 AND id IN "
            f"({', '.join('?' * len(chunk))}) ORDER BY id", chunk)]
    _derived[store] = (set(), set(removed))  # is_derived sees the removals while writing
    try:
        for task_id in follow:
            task = store.get(m.Task, task_id)
            items = store.checklist(task_id)
            if items:
                percent = effective_percent(task, items, store.is_signed_off(task_id))
            elif task_id in removed:
                percent = 0.0
            else:
                continue  # no checklist: the task's own figure, exchanged as an edit
            if task.percent_complete != percent:
                store.update(replace(task, percent_complete=percent))
    finally:
        _derived.pop(store, None)


def add_tombstone(store: Store, uid: str, table: str, rank: str, row: str | None,
                  desk: str) -> None:
    store.con.execute(
        "INSERT OR REPLACE INTO tombstones (row_uid, table_name, rank, row, origin_desk, "
        "wall_time) VALUES (?, ?, ?, ?, ?, ?)", (uid, table, rank, row, desk, _now()))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _cache(store: Store) -> dict[str, Any]:
    """Desk identity, last rank and next sequence, read once per write transaction."""
    cache = _tx_cache.get(store)
    if cache is None or store.last_audit_hash is None or cache.get("con") is not store.con:
        desk = store.setting("desk.id") or create_desk(store)
        seq = store.con.execute("SELECT coalesce(max(origin_seq), 0) FROM change_log "
                                "WHERE origin_desk = ?", (desk,)).fetchone()[0]
        cache = {"con": store.con, "desk": desk, "officer": store.setting("desk.officer_name"),
                 "rank": latest_rank(store), "seq": seq, "uids": {}}
        _tx_cache[store] = cache
    return cache


def _append(store: Store, mode: str, extra: Any, uid: str, table: str, field: str, op: str,
            base: str | None, base_rank: str | None, value: str | None) -> str:
    """Append one local record (or, adopting, just take the given rank); return its rank."""
    if mode == "adopt":
        set_rank(store, uid, field, extra)
        return extra
    cache = _cache(store)
    rank = tick(cache["rank"], cache["desk"])
    cache["rank"], cache["seq"] = rank, cache["seq"] + 1
    store.con.execute(
        f"INSERT INTO change_log ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})",
        (uid, table, field, op, base, base_rank, value, rank, cache["officer"] or store.user,
         _now(), cache["desk"], cache["seq"]))
    if op != "delete":
        set_rank(store, uid, field, rank)
    return rank


def append_assertion(store: Store, uid: str, table: str, field: str, base: str | None,
                     base_rank: str | None, value: str | None) -> str:
    """A record that (re)asserts a value without a row write (a rejected proposal, kept mine)."""
    with store.transaction():
        _tx_cache.pop(store, None)
        return _append(store, "record", None, uid, table, field, "update", base, base_rank, value)


# -- stored records -----------------------------------------------------------------------------
def has_record(store: Store, origin_desk: str, origin_seq: int) -> bool:
    return store.con.execute("SELECT 1 FROM change_log WHERE origin_desk = ? AND origin_seq = ?",
                             (origin_desk, origin_seq)).fetchone() is not None


def known_sequences(store: Store) -> set[tuple[str, int]]:
    return set(store.con.execute("SELECT origin_desk, origin_seq FROM change_log"))


def store_incoming(store: Store, records: list[Record]) -> None:
    store.con.executemany(
        f"INSERT OR IGNORE INTO change_log ({', '.join(COLUMNS)}) "
        f"VALUES ({', '.join('?' * len(COLUMNS))})", map(_FIELDS, records))
    _tx_cache.pop(store, None)


def records(store: Store, exclude_desks: tuple[str, ...] = ()) -> list[Record]:
    """Every record this desk holds (its own and relayed), in rank order."""
    cur = store.con.execute(f"SELECT {', '.join(COLUMNS)} FROM change_log ORDER BY rank, id")
    return [Record(*r) for r in cur if r[10] not in exclude_desks]


def tombstone(store: Store, uid: str) -> tuple[str, str | None] | None:
    row = store.con.execute("SELECT rank, row FROM tombstones WHERE row_uid = ?",
                            (uid,)).fetchone()
    return (row[0], row[1]) if row else None


def delete_base_rank(store: Store, uid: str) -> str | None:
    """What the newest delete of a row had seen of it (changes up to this rank lost to it)."""
    row = store.con.execute("SELECT base_rank FROM change_log WHERE row_uid = ? AND op = 'delete' "
                            "ORDER BY rank DESC LIMIT 1", (uid,)).fetchone()
    return row[0] if row else None


def append_whole_row(store: Store, uid: str, table: str, row_json: str) -> str:
    """Re-assert a whole row (kept against a delete): desks that deleted it bring it back."""
    with store.transaction():
        _tx_cache.pop(store, None)
        return _append(store, "record", None, uid, table, "*", "insert", None, None, row_json)


def append_delete(store: Store, uid: str, table: str, row_json: str | None,
                  base_rank: str | None) -> str:
    """A delete of a row this desk does not hold (a rejected new row): a tombstone to send."""
    with store.transaction():
        _tx_cache.pop(store, None)
        rank = _append(store, "record", None, uid, table, "*", "delete", row_json, base_rank, None)
        add_tombstone(store, uid, table, rank, row_json, _cache(store)["desk"])
        return rank


def ranks_for(store: Store, uids: set[str]) -> dict[str, dict[str, str]]:
    """``{uid: {field: rank}}`` for the given rows (fields never changed are absent)."""
    out: dict[str, dict[str, str]] = {}
    ordered = sorted(uids)
    for i in range(0, len(ordered), 500):
        chunk = ordered[i:i + 500]
        cur = store.con.execute("SELECT row_uid, field, rank FROM field_ranks WHERE row_uid IN "
                                f"({', '.join('?' * len(chunk))})", chunk)
        for uid, field, rank in cur:
            out.setdefault(uid, {})[field] = rank
    return out


def tombstones_for(store: Store, uids: set[str]) -> dict[str, tuple[str, str | None, str | None]]:
    """``{uid: (delete rank, last row JSON, rank the delete had seen)}`` for deleted rows."""
    out: dict[str, tuple[str, str | None, str | None]] = {}
    ordered = sorted(uids)
    for i in range(0, len(ordered), 500):
        chunk = ordered[i:i + 500]
        marks = ", ".join("?" * len(chunk))
        for uid, rank, row in store.con.execute(
                f"SELECT row_uid, rank, row FROM tombstones WHERE row_uid IN ({marks})", chunk):
            out[uid] = (rank, row, delete_base_rank(store, uid))
    return out


def set_ranks(store: Store, ranks: dict[tuple[str, str], str]) -> None:
    store.con.executemany(
        "INSERT INTO field_ranks (row_uid, field, rank) VALUES (?, ?, ?) "
        "ON CONFLICT (row_uid, field) DO UPDATE SET rank = excluded.rank",
        [(uid, field, rank) for (uid, field), rank in ranks.items()])
