"""The full backup: the whole database as one versioned JSON file, and its restore.

Format::

    {"format": "smartcity-desktop-backup", "version": 1, "schema_version": N,
     "created_at": "...", "tables": {"organisations": [{...row...}, ...], ...}}

Every table is written row by row as stored (``store.db[table].rows``),
including ``settings`` and the ``audit_log``. Restore creates a *new* database
file, lets the migrations build the schema, and inserts every row raw with its
original id in one transaction (foreign keys checked at commit). The audit log
is restored verbatim, not re-chained: its hash chain still verifies, and the
restored file compares equal to the source table by table. The restore itself
is therefore not an audit entry (nothing was edited; a whole database was copied).
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..domain import model as m
from ..messages import register
from ..store import Store, StoreError, open_store
from ..store.codec import from_row
from ..store.database import latest_schema_version
from ..store.planning import load_schedule
from ..store.uids import fill_missing
from .common import read_bytes
from .errors import InteropError
from .preview import ImportPreview, ParsedPlan

FORMAT = "smartcity-desktop-backup"
DESK_SECRETS = frozenset({"desk.private_key", "desk.id"})
VERSION = 1
_INT64 = (-2**63, 2**63 - 1)

register({
    "backup.not_finite": ("백업에 {value} 값이 있습니다 (유한한 숫자만 허용)",
                          "the backup holds {value} (only finite numbers are allowed)"),
    "backup.too_big": ("표 {table}, {row}번째 행, 열 {column}: 숫자가 너무 큽니다",
                       "table {table}, row {row}, column {column}: the number is too large"),
    "backup.bad_task": ("표 tasks, id {row} (WBS {wbs}): {reason}",
                        "table tasks, id {row} (WBS {wbs}): {reason}"),
})


def table_names(store: Store) -> list[str]:
    """User tables in creation order (parents before children)."""
    return store.table_names()


def backup_dict(store: Store) -> dict[str, Any]:
    tables = {}
    with store.lock:
        for name in table_names(store):
            order = "id" if "id" in store.db[name].columns_dict else "rowid"
            tables[name] = [dict(r) for r in store.db[name].rows_where(order_by=order)]
    # The desk's signing key never leaves its database; without its id a restored file is
    # a new desk (other desks trust its new key on first use rather than see a copy).
    tables["settings"] = [r for r in tables.get("settings", []) if r["key"] not in DESK_SECRETS]
    return {
        "format": FORMAT, "version": VERSION, "schema_version": store.schema_version,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"), "tables": tables,
    }


def export_backup(store: Store, path: Path | str) -> int:
    """Write the backup; returns the number of rows written."""
    data = backup_dict(store)
    try:
        with Path(path).open("w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=1)
    except OSError as exc:
        raise InteropError(f"cannot write the file ({exc.strerror or exc})",
                           source=str(path)) from None
    return sum(len(rows) for rows in data["tables"].values())


def parse_backup(path: Path | str) -> ImportPreview:
    path = Path(path)
    return parse_backup_bytes(read_bytes(path), path.name)


def _no_constant(name: str) -> None:
    raise InteropError("backup.not_finite", value=name)


def parse_backup_bytes(data: bytes, source: str = "backup.json") -> ImportPreview:
    try:
        doc = json.loads(data.decode("utf-8-sig"), parse_constant=_no_constant)
    except UnicodeDecodeError as exc:
        raise InteropError(f"the file is not UTF-8 text (byte {exc.start})",
                           source=source) from None
    except json.JSONDecodeError as exc:
        raise InteropError(f"not valid JSON ({exc.msg}, column {exc.colno})", line=exc.lineno,
                           source=source) from None
    except RecursionError:
        raise InteropError("the JSON is nested too deeply", source=source) from None
    except InteropError as exc:
        exc.source = source
        raise
    check_backup(doc, source)
    return ImportPreview("json", source, ParsedPlan(backup=doc))


def check_backup(doc: Any, source: str) -> None:
    """Refuse anything that is not a well-formed backup this version can restore."""
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise InteropError(f"not a smartcity-desktop backup (\"format\" must be \"{FORMAT}\")",
                           source=source)
    if doc.get("version") != VERSION:
        raise InteropError(f"backup format version {doc.get('version')!r} is not supported "
                           f"(this version reads {VERSION})", source=source)
    schema = doc.get("schema_version")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise InteropError("\"schema_version\" must be a positive whole number", source=source)
    if schema > latest_schema_version():
        raise InteropError(f"the backup was written by a newer version (schema {schema}; "
                           f"this version knows up to {latest_schema_version()})", source=source)
    tables = doc.get("tables")
    if not isinstance(tables, dict):
        raise InteropError("\"tables\" must be an object of table name -> rows", source=source)
    for name, rows in tables.items():
        if not isinstance(rows, list):
            raise InteropError(f"table {name!r}: rows must be a list", source=source)
        for i, row in enumerate(rows):
            if not isinstance(row, dict):
                raise InteropError(f"table {name!r}, row {i + 1}: not an object", source=source)
            for col, value in row.items():
                if value is not None and not isinstance(value, str | int | float):
                    raise InteropError(f"table {name!r}, row {i + 1}, column {col!r}: "
                                       "values must be text, numbers or null", source=source)
                if isinstance(value, int) and not _INT64[0] <= value <= _INT64[1]:
                    raise InteropError("backup.too_big", table=name, row=i + 1, column=col,
                                       source=source)


def _check_restored(store: Store, source: str) -> None:
    """Before COMMIT: every task row must be one the application can show and schedule."""
    for row in store.table_rows("tasks"):
        try:
            task = from_row(m.Task, row)
            m.validate_task(task)
        except m.ValidationError as exc:
            raise InteropError("backup.bad_task", row=row.get("id"), wbs=row.get("wbs"),
                               reason=exc.message, source=source) from None
        except (ValueError, TypeError, OverflowError) as exc:
            raise InteropError("backup.bad_task", row=row.get("id"), wbs=row.get("wbs"),
                               reason=str(exc), source=source) from None
    for project_id in store.project_ids():
        try:
            load_schedule(store, project_id)
        except m.ValidationError as exc:
            raise InteropError("interop.not_saved", reason=exc.message, source=source) from None
        except (ValueError, TypeError, OverflowError) as exc:  # e.g. a project's start date
            raise InteropError("interop.not_saved", reason=str(exc), source=source) from None


def restore_backup(doc: dict[str, Any], path: Path | str, source: str = "backup") -> Path:
    """Create the database ``path`` (must not exist) from a checked backup dict."""
    path = Path(path)
    check_backup(doc, source)
    if path.exists():
        raise InteropError(f"{path} already exists; restore into a new file", source=source)
    try:
        store = open_store(path, seed=False)
    except StoreError as exc:
        raise InteropError(f"cannot create {path} ({exc})", source=source) from None
    ok = False
    try:
        known = table_names(store)
        columns = {t: set(store.db[t].columns_dict) for t in known}
        for name in doc["tables"]:
            if name not in columns:
                raise InteropError(f"unknown table {name!r}", source=source)
        with store.transaction():
            for name in known:
                rows = doc["tables"].get(name, [])
                for i, row in enumerate(rows):
                    unknown = set(row) - columns[name]
                    if unknown:
                        raise InteropError(f"table {name!r}, row {i + 1}: unknown column "
                                           f"{sorted(unknown)[0]!r}", source=source)
                store.insert_raw_rows(name, rows)
            fill_missing(store.con)  # a backup from before row uids (exchange, issue #11)
            _check_restored(store, source)
        ok = True
    except sqlite3.Error as exc:
        raise InteropError(f"the backup does not fit the database ({exc})",
                           source=source) from None
    finally:
        store.close()
        if not ok:
            for suffix in ("", "-wal", "-shm", ".audit-head"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path
