"""Global row identities (uids) shared by every desk, and the references between rows.

Seeded rows get a uid derived from a stable natural key (a task's WBS code, an
organisation's code, a checklist item's task + position + text hash, ...), never
from the whole row, so two desks that ran ``init-db`` hold the same plan even
after seed facts such as dates were corrected. Rows made later get a UUID (see
``store.changelog``). :func:`fill_missing` gives every row without a uid its
natural-key uid; it runs right after migration 0004 (old databases) and after
seeding (new ones).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import uuid
from collections import defaultdict
from typing import Any

_NAMESPACE = uuid.UUID("6f1c2a4e-4d0b-5e8a-9b7c-2018121300a1")

#: Tables whose rows every desk shares (the exchange and the digest cover exactly these).
SHARED_TABLES = (
    "organisations", "contacts", "cities", "projects", "calendar_exceptions", "tasks",
    "dependencies", "meeting_series", "checklist_items", "signoffs", "budget_lines",
    "provisions", "provision_stage_changes", "status_updates", "notes",
)
#: Columns holding a local row id of another shared table: exchanged as that row's uid.
REFERENCES: dict[str, dict[str, str]] = {
    "contacts": {"org_id": "organisations"},
    "cities": {"implementer_org_id": "organisations", "local_government_org_id": "organisations"},
    "calendar_exceptions": {"project_id": "projects"},
    "tasks": {"project_id": "projects", "parent_id": "tasks", "owner_org_id": "organisations",
              "city_id": "cities"},
    "dependencies": {"predecessor_id": "tasks", "successor_id": "tasks"},
    "meeting_series": {"task_id": "tasks", "org_id": "organisations"},
    "checklist_items": {"task_id": "tasks", "org_id": "organisations",
                        "meeting_series_id": "meeting_series"},
    "signoffs": {"task_id": "tasks"},
    "budget_lines": {"city_id": "cities", "org_id": "organisations"},
    "provision_stage_changes": {"provision_id": "provisions"},
    "status_updates": {"task_id": "tasks", "org_id": "organisations"},
}
#: Columns holding a JSON list of local ids (tasks' supporting organisations).
LIST_REFERENCES: dict[tuple[str, str], str] = {("tasks", "supporting_org_ids"): "organisations"}
#: Columns that are not shared content.
LOCAL_COLUMNS = frozenset({"id", "version", "uid"})

_T = "(SELECT wbs FROM tasks t WHERE t.id = x.{col})"
_O = "(SELECT code FROM organisations o WHERE o.id = x.{col})"
_KEY_SQL: dict[str, str] = {
    "organisations": "SELECT id, code FROM organisations x",
    "contacts": f"SELECT id, {_O.format(col='org_id')}, name FROM contacts x",
    "cities": "SELECT id, code FROM cities x",
    "projects": "SELECT id, name_ko FROM projects x",
    "calendar_exceptions": "SELECT id, day FROM calendar_exceptions x",
    "tasks": "SELECT id, wbs FROM tasks x",
    "dependencies": f"SELECT id, {_T.format(col='predecessor_id')}, "
                    f"{_T.format(col='successor_id')} FROM dependencies x",
    "meeting_series": "SELECT id, name_ko FROM meeting_series x",
    "checklist_items": f"SELECT id, {_T.format(col='task_id')}, sort_order, text "
                       "FROM checklist_items x",
    "signoffs": f"SELECT id, {_T.format(col='task_id')}, approver_name, signed_on FROM signoffs x",
    "budget_lines": f"SELECT id, year, area, item, kind, {_O.format(col='org_id')}, "
                    "(SELECT code FROM cities c WHERE c.id = x.city_id) FROM budget_lines x",
    "provisions": "SELECT id, name_ko FROM provisions x",
    "provision_stage_changes": "SELECT id, (SELECT name_ko FROM provisions p WHERE "
                               "p.id = x.provision_id), stage, [on] FROM provision_stage_changes x",
    "status_updates": f"SELECT id, {_T.format(col='task_id')}, report_date, "
                      f"{_O.format(col='org_id')} FROM status_updates x",
    "notes": "SELECT id, topic, title_ko FROM notes x",
}


def natural_uid(table: str, key_parts: tuple[Any, ...]) -> str:
    """The deterministic uid of a row from its natural key."""
    parts = list(key_parts)
    if table == "checklist_items":  # the text may be long: its hash stands for it
        parts[-1] = hashlib.sha256(str(parts[-1]).encode("utf-8")).hexdigest()[:16]
    key = table + "\x1f" + "\x1f".join("" if p is None else str(p) for p in parts)
    return str(uuid.uuid5(_NAMESPACE, key))


def new_uid() -> str:
    return str(uuid.uuid4())


def new_uids(count: int) -> list[str]:
    """``count`` new random uids: what ``count`` :func:`new_uid` calls give (version-4
    UUIDs in their 36-character text), from one read of the system's random source."""
    noise = os.urandom(16 * count)
    out = []
    for i in range(0, 16 * count, 16):
        n = int.from_bytes(noise[i:i + 16], "big") & _KEEP | _V4
        h = f"{n:032x}"
        out.append(f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}")
    return out


# As uuid.UUID(version=4) sets them: the variant (RFC 4122) and version bits.
_KEEP = ~((0xC000 << 48) | (0xF000 << 64))
_V4 = (0x8000 << 48) | (4 << 76)


def fill_missing(con: sqlite3.Connection) -> int:
    """Give every shared row without a uid its natural-key uid; return how many were set.

    Two rows with the same natural key (rare: duplicate names) get an ordinal suffix in id
    order, so the result is still the same on every desk holding the same rows.
    """
    filled = 0
    for table in SHARED_TABLES:
        rows = con.execute(_KEY_SQL[table] + " WHERE x.uid IS NULL ORDER BY x.id").fetchall()
        if not rows:
            continue
        taken = {r[0] for r in con.execute(f"SELECT uid FROM [{table}] WHERE uid IS NOT NULL")}
        seen: dict[tuple[Any, ...], int] = defaultdict(int)
        updates = []
        for row_id, *key in rows:
            key_t = tuple(key)
            uid = natural_uid(table, key_t + ((seen[key_t],) if seen[key_t] else ()))
            while uid in taken:
                seen[key_t] += 1
                uid = natural_uid(table, key_t + (seen[key_t],))
            seen[key_t] += 1
            taken.add(uid)
            updates.append((uid, row_id))
        con.executemany(f"UPDATE [{table}] SET uid = ? WHERE id = ?", updates)
        filled += len(updates)
    return filled


def plan_id(con: sqlite3.Connection) -> str:
    """The plan's identity: the uid of its (first) project."""
    row = con.execute("SELECT uid FROM projects ORDER BY id LIMIT 1").fetchone()
    return row[0] if row and row[0] else ""
