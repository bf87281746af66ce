"""SQL for the exchange: shared rows by uid, held decisions, known desks, arrivals, digest.

The merge logic lives in ``app.exchange`` (rules in ``domain.merge``); this module
only reads and writes. Row writes go through the store's audited paths so the
audit log and undo see every one of them.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from .repository import Store
from .uids import LIST_REFERENCES, LOCAL_COLUMNS, REFERENCES, SHARED_TABLES

HELD_COLUMNS = ("id", "kind", "table_name", "row_uid", "field", "base", "mine", "mine_rank",
                "theirs", "theirs_rank", "theirs_desk", "theirs_ministry", "theirs_officer",
                "theirs_at", "status", "decided_value", "decided_at", "decided_by", "version")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# -- shared rows --------------------------------------------------------------------------------
def row_by_uid(store: Store, table: str, uid: str) -> dict[str, Any] | None:
    cur = store.con.execute(f"SELECT * FROM [{table}] WHERE uid = ?", (uid,))
    values = cur.fetchone()
    return None if values is None else dict(zip([d[0] for d in cur.description], values))


def insert_row(store: Store, table: str, row: dict[str, Any]) -> int:
    """Insert a shared row as received (uid included), audited like any insert."""
    row = {**row, "version": 1}
    with store.transaction():
        cols = ", ".join(f"[{c}]" for c in row)
        marks = ", ".join("?" for _ in row)
        cur = store.con.execute(f"INSERT INTO [{table}] ({cols}) VALUES ({marks})",
                                tuple(row.values()))
        row["id"] = cur.lastrowid
        store._log("insert", table, cur.lastrowid, None, row)  # the store's one audit path
    return row["id"]


def org_code(store: Store, org_id: int | None) -> str | None:
    if org_id is None:
        return None
    row = store.con.execute("SELECT code FROM organisations WHERE id = ?", (org_id,)).fetchone()
    return row[0] if row else None


def org_codes(store: Store) -> dict[int, str]:
    """Every organisation's code by local id."""
    return dict(store.con.execute("SELECT id, code FROM organisations"))


def org_code_by_uid(store: Store, uid: str | None) -> str | None:
    if uid is None:
        return None
    row = store.con.execute("SELECT code FROM organisations WHERE uid = ?", (uid,)).fetchone()
    return row[0] if row else None


def task_owner_code(store: Store, task_id: int | None) -> str | None:
    """A task's owner ministry, inherited from its parents when it names none."""
    seen = set()
    while task_id is not None and task_id not in seen:
        seen.add(task_id)
        row = store.con.execute("SELECT owner_org_id, parent_id FROM tasks WHERE id = ?",
                                (task_id,)).fetchone()
        if row is None:
            return None
        if row[0] is not None:
            return org_code(store, row[0])
        task_id = row[1]
    return None


def task_id_by_uid(store: Store, uid: str | None) -> int | None:
    if uid is None:
        return None
    row = store.con.execute("SELECT id FROM tasks WHERE uid = ?", (uid,)).fetchone()
    return row[0] if row else None


# -- held conflicts and proposals ---------------------------------------------------------------
def add_held(store: Store, **values: Any) -> int:
    cols = [c for c in HELD_COLUMNS if c in values]
    cur = store.con.execute(
        f"INSERT INTO exchange_held ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
        tuple(values[c] for c in cols))
    return cur.lastrowid


def held(store: Store, status: str | None = "open", kind: str | None = None
         ) -> list[dict[str, Any]]:
    where, params = [], []
    if status is not None:
        where.append("status = ?")
        params.append(status)
    if kind is not None:
        where.append("kind = ?")
        params.append(kind)
    sql = f"SELECT {', '.join(HELD_COLUMNS)} FROM exchange_held"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return [dict(zip(HELD_COLUMNS, r)) for r in store.con.execute(sql + " ORDER BY id", params)]


def held_one(store: Store, held_id: int) -> dict[str, Any] | None:
    cur = store.con.execute(f"SELECT {', '.join(HELD_COLUMNS)} FROM exchange_held WHERE id = ?",
                            (held_id,))
    row = cur.fetchone()
    return None if row is None else dict(zip(HELD_COLUMNS, row))


def open_held_for(store: Store, row_uid: str, field: str) -> list[dict[str, Any]]:
    cur = store.con.execute(
        f"SELECT {', '.join(HELD_COLUMNS)} FROM exchange_held WHERE status = 'open' "
        "AND row_uid = ? AND field = ?", (row_uid, field))
    return [dict(zip(HELD_COLUMNS, r)) for r in cur]


def close_settled(store: Store, row_uid: str, field: str, base_rank: str | None,
                  value: str | None) -> None:
    """A change was taken that settles what this desk held on the field: close it.

    A conflict closes when the change was based on one of its sides and chose one of
    the two values (a decision made elsewhere); a proposal closes when the change
    sets its value (accepted elsewhere) or was based on it (rejected elsewhere).
    """
    store.con.execute(
        "UPDATE exchange_held SET status = 'closed', version = version + 1 "
        "WHERE status = 'open' AND row_uid = ? AND field = ? AND ("
        "(kind = 'conflict' AND coalesce(?, '') IN (coalesce(mine_rank, ''), theirs_rank) "
        "AND ? IN (mine, theirs)) OR "
        "(kind = 'proposal' AND (theirs = ? OR theirs_rank = coalesce(?, ''))))",
        (row_uid, field, base_rank, value, value, base_rank))


def fold_into_held(store: Store, rec: Any) -> bool:
    """A change based on the side an open conflict holds as theirs: show the newer value."""
    cur = store.con.execute(
        "UPDATE exchange_held SET theirs = ?, theirs_rank = ?, theirs_at = ?, "
        "theirs_officer = ?, version = version + 1 WHERE status = 'open' AND kind = 'conflict' "
        "AND row_uid = ? AND field = ? AND theirs_rank = ?",
        (rec.value, rec.rank, rec.wall_time, rec.officer, rec.row_uid, rec.field, rec.base_rank))
    return cur.rowcount > 0


# -- known desks ----------------------------------------------------------------------------------
def known_desk(store: Store, desk_id: str) -> dict[str, Any] | None:
    cur = store.con.execute("SELECT desk_id, ministry, role, officer, position, public_key, "
                            "fingerprint, first_seen, last_seen FROM known_desks "
                            "WHERE desk_id = ?", (desk_id,))
    row = cur.fetchone()
    return None if row is None else dict(zip([d[0] for d in cur.description], row))


def known_desks(store: Store) -> list[dict[str, Any]]:
    cur = store.con.execute("SELECT desk_id, ministry, role, officer, position, fingerprint, "
                            "first_seen, last_seen FROM known_desks ORDER BY ministry, desk_id")
    return [dict(zip([d[0] for d in cur.description], r)) for r in cur]


def remember_desk(store: Store, info: dict[str, Any], fingerprint: str) -> None:
    stamp = now()
    store.con.execute(
        "INSERT INTO known_desks (desk_id, ministry, role, officer, position, public_key, "
        "fingerprint, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (desk_id) DO UPDATE SET ministry = excluded.ministry, "
        "role = excluded.role, officer = excluded.officer, position = excluded.position, "
        "last_seen = excluded.last_seen",
        (info["desk_id"], info.get("ministry", ""), info.get("role", "member"),
         info.get("officer", ""), info.get("position", ""), info["public_key"], fingerprint,
         stamp, stamp))


# -- arrivals -------------------------------------------------------------------------------------
def add_arrival(store: Store, ministry: str, desk_id: str, kind: str, file_name: str,
                applied: int, conflicts: int, proposals: int) -> None:
    store.con.execute(
        "INSERT INTO exchange_arrivals (ministry, desk_id, kind, file_name, at, applied, "
        "conflicts, proposals) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (ministry, desk_id, kind, file_name, now(), applied, conflicts, proposals))


def arrivals(store: Store) -> list[dict[str, Any]]:
    """Per ministry: the last arrival, its kind, and the items changed over all arrivals."""
    cur = store.con.execute(
        "SELECT ministry, max(at), (SELECT kind FROM exchange_arrivals b WHERE "
        "b.ministry = a.ministry ORDER BY at DESC, id DESC LIMIT 1), sum(applied), "
        "sum(conflicts), sum(proposals), count(*) FROM exchange_arrivals a "
        "GROUP BY ministry ORDER BY ministry")
    keys = ("ministry", "last_at", "kind", "applied", "conflicts", "proposals", "arrivals")
    return [dict(zip(keys, r)) for r in cur]


# -- the shared-state digest ---------------------------------------------------------------
def state_digest(store: Store) -> str:
    """SHA-256 of every shared row's content (references as uids), in uid order."""
    uid_maps: dict[str, dict[int, str]] = {}

    def uids(table: str) -> dict[int, str]:
        if table not in uid_maps:
            uid_maps[table] = dict(store.con.execute(f"SELECT id, uid FROM [{table}]"))
        return uid_maps[table]

    h = hashlib.sha256()
    for table in SHARED_TABLES:
        refs = REFERENCES.get(table, {})
        cur = store.con.execute(f"SELECT * FROM [{table}] ORDER BY uid")
        cols = [d[0] for d in cur.description]
        h.update(f"\x1e{table}".encode())
        for values in cur:
            row = {}
            for col, value in zip(cols, values):
                if col in LOCAL_COLUMNS:
                    continue
                if col in refs and value is not None:
                    value = uids(refs[col]).get(value)
                elif (table, col) in LIST_REFERENCES:
                    target = uids(LIST_REFERENCES[(table, col)])
                    value = [target.get(i) for i in json.loads(value or "[]")]
                row[col] = value
            h.update(dict(zip(cols, values)).get("uid", "").encode())
            h.update(json.dumps(row, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    return h.hexdigest()


def row_by_id(store: Store, table: str, row_id: int) -> dict[str, Any] | None:
    cur = store.con.execute(f"SELECT * FROM [{table}] WHERE id = ?", (row_id,))
    values = cur.fetchone()
    return None if values is None else dict(zip([d[0] for d in cur.description], values))


def item_states(store: Store, task_id: int) -> list[bool]:
    cur = store.con.execute("SELECT done FROM checklist_items WHERE task_id = ?", (task_id,))
    return [bool(r[0]) for r in cur]


def open_items(store: Store, task_id: int) -> list[dict[str, Any]]:
    cur = store.con.execute("SELECT * FROM checklist_items WHERE task_id = ? AND done = 0",
                            (task_id,))
    return [dict(zip([d[0] for d in cur.description], r)) for r in cur.fetchall()]


def active_signoffs(store: Store, task_id: int) -> list[dict[str, Any]]:
    cur = store.con.execute("SELECT * FROM signoffs WHERE task_id = ? AND revoked = 0",
                            (task_id,))
    return [dict(zip([d[0] for d in cur.description], r)) for r in cur.fetchall()]


def max_sequence(store: Store, desk_id: str) -> int:
    return store.con.execute("SELECT coalesce(max(origin_seq), 0) FROM change_log "
                             "WHERE origin_desk = ?", (desk_id,)).fetchone()[0]


def update_fields(store: Store, table: str, row: dict[str, Any], changes: dict[str, Any]) -> None:
    """Write ``changes`` over the row as read (version-checked), passing the whole row so the
    audit entry and undo hold complete row images."""
    store.write_row(table, row["id"], {**row, **changes, "version": row["version"] + 1},
                    row["version"])


def rows_by_uids(store: Store, table: str, uids: set[str]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    ordered = sorted(uids)
    for i in range(0, len(ordered), 500):
        chunk = ordered[i:i + 500]
        cur = store.con.execute(f"SELECT * FROM [{table}] WHERE uid IN "
                                f"({', '.join('?' * len(chunk))})", chunk)
        cols = [d[0] for d in cur.description]
        out += [dict(zip(cols, r)) for r in cur]
    return out


def update_rows(store: Store, table: str,
                pairs: list[tuple[dict[str, Any], dict[str, Any]]],
                touched: list[set[str]] | None = None) -> None:
    """Write many rows (``(as read, new)``), each version-checked and audited.

    ``touched``: per pair, the only columns that may differ (else every column is
    compared). Rows changing the same columns are written with one ``executemany``."""
    groups: dict[tuple[str, ...], list[tuple[dict[str, Any], dict[str, Any]]]] = {}
    for i, (old, new) in enumerate(pairs):
        names = sorted(touched[i]) if touched is not None else new
        cols = tuple(c for c in names if c not in ("id", "version") and new[c] != old.get(c))
        groups.setdefault(cols, []).append((old, new))
    with store.transaction():
        for cols, group in groups.items():
            if not cols:
                continue
            sets = ", ".join(f"[{c}] = ?" for c in cols)
            cur = store.con.executemany(
                f"UPDATE [{table}] SET {sets}, version = version + 1 WHERE id = ? AND version = ?",
                [(*(new[c] for c in cols), old["id"], old["version"]) for old, new in group])
            if cur.rowcount != len(group):
                from .errors import ConflictError

                raise ConflictError(f"{table}: rows changed during the merge")
            for old, new in group:
                store._log("update", table, old["id"], old,
                           {**new, "version": old["version"] + 1})


def any_open_held(store: Store) -> bool:
    return store.con.execute("SELECT 1 FROM exchange_held WHERE status = 'open' "
                             "LIMIT 1").fetchone() is not None


def gated_tasks(store: Store, task_ids: set[int]) -> list[dict[str, Any]]:
    """Those of the tasks behind a sign-off gate (id, uid), in id order."""
    out: list[dict[str, Any]] = []
    ordered = sorted(task_ids)
    for i in range(0, len(ordered), 500):
        chunk = ordered[i:i + 500]
        cur = store.con.execute("SELECT id, uid FROM tasks WHERE needs_signoff = 1 AND id IN "
                                f"({', '.join('?' * len(chunk))}) ORDER BY id", chunk)
        out += [{"id": r[0], "uid": r[1]} for r in cur]
    return out


def open_ids(store: Store, held_ids: list[int]) -> set[int]:
    out: set[int] = set()
    for i in range(0, len(held_ids), 500):
        chunk = held_ids[i:i + 500]
        cur = store.con.execute("SELECT id FROM exchange_held WHERE status = 'open' AND id IN "
                                f"({', '.join('?' * len(chunk))})", chunk)
        out |= {r[0] for r in cur}
    return out


def tasks_with_wbs(store: Store, wbs: str) -> list[Any]:
    from ..domain import model as m

    return store.all(m.Task, "wbs = ?", (wbs,))
