"""The hash-chained audit log, its anchor outside the database, and the replay check.

Each entry's ``hash`` is SHA-256 over the previous entry's hash and a canonical
JSON of the entry's own fields, so editing or deleting any entry breaks the
chain at that point; :func:`verify` finds the first broken link.

A chain alone cannot show that its *last* entries were cut off. So after every
commit the chain's head (last id and hash) is written to a small anchor file
beside the database (``plan.db.audit-head``), and every backup holds the log as
it was. :func:`verify` refuses a log that ends before its anchor or that no
longer holds an entry a newer backup holds.

:func:`verify` also replays the log: the fields each entry recorded, applied in
order, must give exactly the rows in the tables now. A row inserted, changed or
deleted with another tool (``sqlite3``) is named.

What this cannot catch, honestly: someone who deletes the anchor file and
rewrites every hash after the point they changed, or who edits the anchor file
to match. Without a secret key held outside the machine no local check can
tell such a rewrite from the real history.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import sqlite3
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..messages import Message, msg, register

if TYPE_CHECKING:
    from .repository import Store

GENESIS = "0" * 64


def os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return os.environ.get("USERNAME") or os.environ.get("USER") or "unknown"


# json.dumps with options builds a new encoder per call; this is the same encoding, made once.
_CANONICAL = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _canonical(at: str, user: str, action: str, table: str, row_id: str,
               old: str | None, new: str | None) -> str:
    return _CANONICAL([at, user, action, table, row_id, old, new])


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


def record_inserts(store: Store, table: str, rows: list[dict[str, Any]]) -> None:
    """:func:`record` for many inserted rows (each holding its ``id``): one timestamp, the
    chain built in Python entry by entry, exactly as one :func:`record` call per row would.

    The hashed payload is :func:`entry_hash`'s, its part common to the batch (time, user,
    action, table) encoded once; ``quote`` is the string encoding ``_CANONICAL`` uses.
    """
    prev = store.last_audit_hash
    if prev is None:
        last = store.con.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
        prev = last[0] if last else GENESIS
    at = datetime.now(UTC).isoformat(timespec="microseconds")
    user, buffer, encode, sha256 = store.user, store.audit_buffer, _ENCODER.encode, hashlib.sha256
    head = _CANONICAL([at, user, "insert", table])[:-1] + ","
    quote = json.encoder.encode_basestring
    for row in rows:
        new_s, row_id = encode(row), str(row["id"])
        payload = f"{prev}{head}{quote(row_id)},null,{quote(new_s)}]"
        digest = sha256(payload.encode("utf-8")).hexdigest()
        buffer.append((at, user, "insert", table, row_id, None, new_s, prev, digest))
        prev = digest
    store.last_audit_hash = prev


def flush(store: Store) -> None:
    """Write the transaction's buffered entries; called before COMMIT and before reads."""
    if store.audit_buffer:
        rows, store.audit_buffer = store.audit_buffer, []
        store.con.executemany(
            "INSERT INTO audit_log (at, user, action, table_name, row_id, old, new, prev_hash,"
            " hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


register({
    "audit.link": ("이전 해시 연결이 맞지 않습니다 (앞의 기록이 삭제되거나 바뀌었습니다)",
                   "previous-hash link does not match (an entry before it was deleted or "
                   "changed)"),
    "audit.content": ("기록 내용이 해시와 맞지 않습니다 (기록이 수정되었습니다)",
                      "entry content does not match its hash (the entry was edited)"),
    "audit.truncated": ("감사 기록이 #{last}에서 끝나지만 기준점 파일은 #{anchor}까지 있었다고 "
                        "기록합니다: 마지막 기록이 삭제되었습니다",
                        "the log ends at #{last} but its anchor file records #{anchor}: "
                        "the last entries were deleted"),
    "audit.anchor_mismatch": ("기록 #{anchor}의 해시가 기준점 파일과 다릅니다 (기록이 다시 "
                              "쓰였습니다)",
                              "entry #{anchor} does not match the anchor file (the log was "
                              "rewritten)"),
    "audit.backup_mismatch": ("백업 {backup}에 있는 기록 #{entry}이(가) 현재 감사 기록에 없거나 "
                              "다릅니다",
                              "entry #{entry} held by backup {backup} is missing from the log "
                              "or differs"),
    "audit.row_changed": ("{table} #{row}: 앱 밖에서 바뀌었습니다 ({columns})",
                          "{table} #{row}: changed outside the application ({columns})"),
    "audit.row_added": ("{table} #{row}: 앱 밖에서 추가되었습니다 (감사 기록 없음)",
                        "{table} #{row}: added outside the application (no audit entry)"),
    "audit.row_deleted": ("{table} #{row}: 앱 밖에서 삭제되었습니다",
                          "{table} #{row}: deleted outside the application"),
    "audit.no_anchor": ("기준점 파일이 없어 마지막 기록의 삭제 여부는 확인할 수 없습니다",
                        "no anchor file: a cut-off end of the log cannot be checked"),
})

ANCHOR_SUFFIX = ".audit-head"
# The log itself, and the exchange's own append-only bookkeeping (issue #11: it keeps a
# signed, field-level log of its own); sqlite_* tables are skipped by name.
_UNAUDITED = {"audit_log", "change_log", "field_ranks", "tombstones", "known_desks",
              "exchange_held", "exchange_arrivals"}
# Settings written on purpose without an entry: the desk's key must never be copied into
# the log, and the desk id is made with it.
_UNAUDITED_SETTINGS = {"desk.id", "desk.private_key", "desk.role"}  # role: its default
MAX_ROW_FINDINGS = 20


def anchor_path(db_path: Path | str) -> Path:
    return Path(f"{db_path}{ANCHOR_SUFFIX}")


def _head(con: sqlite3.Connection) -> tuple[int, str] | None:
    row = con.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    return (row[0], row[1]) if row else None


def write_anchor(store: Store, restored_at: str | None = None) -> None:
    """Record the chain's head beside the database (after each commit; whole file or none)."""
    head = _head(store.con)
    if head is None:
        return
    target = anchor_path(store.path)
    since = restored_at or read_anchor(store.path).get("since")
    body = json.dumps({"id": head[0], "hash": head[1], "since": since})
    name = ""
    try:
        fd, name = tempfile.mkstemp(prefix=".audit-", suffix=".part", dir=target.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(body)
        os.replace(name, target)
    except OSError:
        # The commit stands; verify-audit reports a missing or older anchor honestly.
        if name:
            Path(name).unlink(missing_ok=True)


def read_anchor(db_path: Path | str) -> dict[str, Any]:
    try:
        data = json.loads(anchor_path(db_path).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


@dataclass
class VerifyResult:
    entries: int
    broken_at: int | None  # audit_log.id of the first entry whose link fails
    reason: str | Message = ""
    rows: list[Message] = field(default_factory=list)  # rows changed outside the app
    notes: list[Message] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.broken_at is None and not self.rows


def verify(store: Store) -> VerifyResult:
    """Walk the chain, check it against the anchor and backups, replay it over the rows."""
    flush(store)
    prev = GENESIS
    count = 0
    hashes: dict[int, str] = {}
    state: dict[tuple[str, str], dict[str, Any] | None] = {}
    cur = store.con.execute(
        "SELECT id, at, user, action, table_name, row_id, old, new, prev_hash, hash"
        " FROM audit_log ORDER BY id"
    )
    for row in cur:
        entry_id, at, user, action, table, row_id, old, new, prev_hash, digest = row
        count += 1
        if prev_hash != prev:
            return VerifyResult(count, entry_id, msg("audit.link"))
        if entry_hash(prev, at, user, action, table, row_id, old, new) != digest:
            return VerifyResult(count, entry_id, msg("audit.content"))
        prev = digest
        hashes[entry_id] = digest
        _replay(state, action, table, row_id, new)
    result = VerifyResult(count, None)
    _check_anchor(store, hashes, result)
    if result.broken_at is None:
        result.rows = _compare_rows(store, state)
    return result


def _replay(state: dict[tuple[str, str], dict[str, Any] | None], action: str, table: str,
            row_id: str, new: str | None) -> None:
    key = (table, row_id)
    if action == "delete" or new is None:
        state[key] = None
        return
    fields = json.loads(new)
    base = state.get(key) if action == "update" else None
    state[key] = {**(base or {}), **fields}


def _check_anchor(store: Store, hashes: dict[int, str], result: VerifyResult) -> None:
    last = max(hashes) if hashes else 0
    anchor = read_anchor(store.path)
    if not anchor.get("id"):
        if hashes:
            result.notes.append(msg("audit.no_anchor"))
    elif anchor["id"] not in hashes:
        result.broken_at = last + 1
        result.reason = msg("audit.truncated", last=last, anchor=anchor["id"])
        return
    elif hashes[anchor["id"]] != anchor.get("hash"):
        result.broken_at = anchor["id"]
        result.reason = msg("audit.anchor_mismatch", anchor=anchor["id"])
        return
    for backup, head in _backup_heads(store.path, anchor.get("since")):
        if hashes.get(head[0]) != head[1]:
            result.broken_at = min(head[0], last + 1)
            result.reason = msg("audit.backup_mismatch", backup=backup.name, entry=head[0])
            return


def _backup_heads(db_path: Path, since: str | None) -> list[tuple[Path, tuple[int, str]]]:
    from .backups import list_backups
    from .database import ro_uri

    heads = []
    for backup in list_backups(Path(db_path))[:10]:
        if since and backup.stem[-22:] < since:
            continue  # taken before the last restore: another history
        try:
            con = sqlite3.connect(ro_uri(backup, immutable=True), uri=True)
            try:
                head = _head(con)
            finally:
                con.close()
        except sqlite3.Error:
            continue
        if head:
            heads.append((backup, head))
    return heads


def _compare_rows(store: Store, state: dict[tuple[str, str], dict[str, Any] | None]
                  ) -> list[Message]:
    """Rows whose current content is not what the log's entries add up to."""
    tables = [r[0] for r in store.con.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    findings: list[Message] = []
    seen: set[tuple[str, str]] = set()
    for table in tables:
        if table in _UNAUDITED:
            continue
        cur = store.con.execute(f"SELECT * FROM [{table}]")
        cols = [d[0] for d in cur.description]
        key_col = "id" if "id" in cols else cols[0]
        for values in cur:
            row = dict(zip(cols, values))
            if table == "settings" and row.get("key") in _UNAUDITED_SETTINGS:
                continue
            key = (table, str(row[key_col]))
            seen.add(key)
            logged = state.get(key)
            if logged is None:
                findings.append(msg("audit.row_added", table=table, row=key[1]))
                continue
            changed = [c for c in cols if c in logged and not _same(logged[c], row[c])]
            if changed:
                findings.append(msg("audit.row_changed", table=table, row=key[1],
                                    columns=", ".join(changed)))
    for key, logged in state.items():
        if logged is not None and key not in seen and key[0] in tables \
                and not (key[0] == "settings" and key[1] in _UNAUDITED_SETTINGS):
            findings.append(msg("audit.row_deleted", table=key[0], row=key[1]))
    return findings


def _same(logged: Any, current: Any) -> bool:
    if logged == current:
        return True
    if isinstance(logged, list | dict):  # JSON columns are logged decoded or as text
        return json.dumps(logged, ensure_ascii=False) == current or \
            json.dumps(logged, ensure_ascii=False, separators=(",", ":")) == current
    return str(logged) == str(current) if current is not None and logged is not None else False


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
