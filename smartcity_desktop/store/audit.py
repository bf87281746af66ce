"""The hash-chained audit log.

Each entry's ``hash`` is SHA-256 over the previous entry's hash and a canonical
JSON of the entry's own fields, so editing or deleting any entry breaks the
chain at that point; :func:`verify` finds the first broken link.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .repository import Store

GENESIS = "0" * 64


def os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return os.environ.get("USERNAME") or os.environ.get("USER") or "unknown"


def _canonical(at: str, user: str, action: str, table: str, row_id: str,
               old: str | None, new: str | None) -> str:
    return json.dumps([at, user, action, table, row_id, old, new], ensure_ascii=False,
                      separators=(",", ":"))


def entry_hash(prev_hash: str, at: str, user: str, action: str, table: str, row_id: str,
               old: str | None, new: str | None) -> str:
    payload = prev_hash + _canonical(at, user, action, table, row_id, old, new)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


# Rows arrive in column order (deterministic), so keys need no sorting; one encoder is reused.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "), default=str)


def _dump(row: dict[str, Any] | None) -> str | None:
    return None if row is None else _ENCODER.encode(row)


def record(store: Store, action: str, table: str, row_id: Any,
           old: dict[str, Any] | None, new: dict[str, Any] | None) -> None:
    """Append one entry; must run inside the caller's write transaction."""
    con = store.con
    prev = store.last_audit_hash
    if prev is None:  # first entry of this transaction: read the chain's end once
        last = con.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
        prev = last[0] if last else GENESIS
    at = datetime.now(UTC).isoformat(timespec="microseconds")
    old_s, new_s = _dump(old), _dump(new)
    digest = entry_hash(prev, at, store.user, action, table, str(row_id), old_s, new_s)
    # Written in one batch just before COMMIT (same transaction): see flush().
    store.audit_buffer.append((at, store.user, action, table, str(row_id), old_s, new_s, prev,
                               digest))
    store.last_audit_hash = digest


def flush(store: Store) -> None:
    """Write the transaction's buffered entries; called before COMMIT and before reads."""
    if store.audit_buffer:
        rows, store.audit_buffer = store.audit_buffer, []
        store.con.executemany(
            "INSERT INTO audit_log (at, user, action, table_name, row_id, old, new, prev_hash,"
            " hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


@dataclass
class VerifyResult:
    entries: int
    broken_at: int | None  # audit_log.id of the first entry whose link fails
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def verify(store: Store) -> VerifyResult:
    flush(store)
    prev = GENESIS
    count = 0
    cur = store.con.execute(
        "SELECT id, at, user, action, table_name, row_id, old, new, prev_hash, hash"
        " FROM audit_log ORDER BY id"
    )
    for row in cur:
        entry_id, at, user, action, table, row_id, old, new, prev_hash, digest = row
        count += 1
        if prev_hash != prev:
            return VerifyResult(count, entry_id, "previous-hash link does not match "
                                "(an entry before it was deleted or changed)")
        if entry_hash(prev, at, user, action, table, row_id, old, new) != digest:
            return VerifyResult(count, entry_id, "entry content does not match its hash")
        prev = digest
    return VerifyResult(count, None)


def history(store: Store, table: str, row_id: Any, limit: int = 50) -> list[dict[str, Any]]:
    flush(store)
    cur = store.con.execute(
        "SELECT at, user, action, old, new FROM audit_log WHERE table_name = ? AND row_id = ?"
        " ORDER BY id DESC LIMIT ?",
        (table, str(row_id), limit),
    )
    return [dict(zip(("at", "user", "action", "old", "new"), r)) for r in cur]


def last_change(store: Store, table: str, row_id: Any) -> tuple[str, str]:
    """(user, ISO time) of the newest entry for one row; ('', '') when there is none."""
    row = store.con.execute(
        "SELECT user, at FROM audit_log WHERE table_name = ? AND row_id = ?"
        " ORDER BY id DESC LIMIT 1", (table, str(row_id))).fetchone()
    return (row[0], row[1]) if row else ("", "")


def head_id(store: Store) -> int:
    """The id of the newest committed entry (0 for an empty log)."""
    row = store.con.execute("SELECT max(id) FROM audit_log").fetchone()
    return int(row[0] or 0)


def entries_since(store: Store, after_id: int, limit: int) -> list[tuple[int, str, str, str]]:
    """Committed entries newer than ``after_id``: (id, action, table, row id).

    At most ``limit`` + 1 are returned so a caller can tell "too many to replay".
    """
    cur = store.con.execute(
        "SELECT id, action, table_name, row_id FROM audit_log WHERE id > ?"
        " ORDER BY id LIMIT ?", (after_id, limit + 1))
    return cur.fetchall()


def task_ids_of_deleted(store: Store, table: str, row_ids: list[str]) -> set[int]:
    """The task_id that deleted rows of ``table`` had, from their delete entries."""
    marks = ", ".join("?" for _ in row_ids)
    out: set[int] = set()
    for (old,) in store.con.execute(
            f"SELECT old FROM audit_log WHERE table_name = ? AND action = 'delete'"
            f" AND row_id IN ({marks})", (table, *row_ids)):
        task_id = json.loads(old).get("task_id") if old else None
        if isinstance(task_id, int):
            out.add(task_id)
    return out
