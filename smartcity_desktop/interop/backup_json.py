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
    "backup.not_utf8": ("파일이 UTF-8 텍스트가 아닙니다 ({byte}번째 바이트)",
                        "the file is not UTF-8 text (byte {byte})"),
    "backup.not_json": ("올바른 JSON이 아닙니다 ({detail}, {column}번째 글자)",
                        "not valid JSON ({detail}, column {column})"),
    "backup.too_deep": ("JSON이 너무 깊게 중첩되어 있습니다", "the JSON is nested too deeply"),
    "backup.not_backup": ("smartcity-desktop 백업이 아닙니다 (\"format\"이 \"{format}\"이어야 "
                          "합니다)",
                          "not a smartcity-desktop backup (\"format\" must be \"{format}\")"),
    "backup.version": ("백업 형식 버전 {version}은(는) 지원하지 않습니다 (이 버전은 "
                       "{supported}을(를) 읽습니다)",
                       "backup format version {version} is not supported (this version reads "
                       "{supported})"),
    "backup.schema_type": ("\"schema_version\"은 양의 정수여야 합니다",
                           "\"schema_version\" must be a positive whole number"),
    "backup.newer": ("더 새로운 버전에서 만든 백업입니다 (스키마 {schema}, 이 버전은 {known}까지 "
                     "읽을 수 있습니다)",
                     "the backup was written by a newer version (schema {schema}; this version "
                     "knows up to {known})"),
    "backup.tables_type": ("\"tables\"는 표 이름 -> 행 목록의 객체여야 합니다",
                           "\"tables\" must be an object of table name -> rows"),
    "backup.rows_type": ("표 {table}: 행은 목록이어야 합니다",
                         "table {table}: rows must be a list"),
    "backup.row_type": ("표 {table}, {row}번째 행: 객체가 아닙니다",
                        "table {table}, row {row}: not an object"),
    "backup.value_type": ("표 {table}, {row}번째 행, 열 {column}: 값은 텍스트, 숫자 또는 "
                          "null이어야 합니다",
                          "table {table}, row {row}, column {column}: values must be text, "
                          "numbers or null"),
    "backup.exists": ("{path}이(가) 이미 있습니다. 새 파일로 복원하십시오",
                      "{path} already exists; restore into a new file"),
    "backup.unknown_table": ("알 수 없는 표 {table}", "unknown table {table}"),
    "backup.unknown_column": ("표 {table}, {row}번째 행: 알 수 없는 열 {column}",
                              "table {table}, row {row}: unknown column {column}"),
    "backup.does_not_fit": ("백업이 데이터베이스에 맞지 않습니다 ({detail})",
                            "the backup does not fit the database ({detail})"),
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
        raise InteropError("interop.cannot_write", detail=exc.strerror or str(exc),
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
        raise InteropError("backup.not_utf8", byte=exc.start, source=source) from None
    except json.JSONDecodeError as exc:
        raise InteropError("backup.not_json", detail=exc.msg, column=exc.colno,
                           line=exc.lineno, source=source) from None
    except RecursionError:
        raise InteropError("backup.too_deep", source=source) from None
    except InteropError as exc:
        exc.source = source
        raise
    check_backup(doc, source)
    return ImportPreview("json", source, ParsedPlan(backup=doc))


def check_backup(doc: Any, source: str) -> None:
    """Refuse anything that is not a well-formed backup this version can restore."""
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise InteropError("backup.not_backup", format=FORMAT, source=source)
    if doc.get("version") != VERSION:
        raise InteropError("backup.version", version=repr(doc.get("version")),
                           supported=VERSION, source=source)
    schema = doc.get("schema_version")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise InteropError("backup.schema_type", source=source)
    if schema > latest_schema_version():
        raise InteropError("backup.newer", schema=schema, known=latest_schema_version(),
                           source=source)
    tables = doc.get("tables")
    if not isinstance(tables, dict):
        raise InteropError("backup.tables_type", source=source)
    for name, rows in tables.items():
        if not isinstance(rows, list):
            raise InteropError("backup.rows_type", table=repr(name), source=source)
        for i, row in enumerate(rows):
            if not isinstance(row, dict):
                raise InteropError("backup.row_type", table=repr(name), row=i + 1,
                                   source=source)
            for col, value in row.items():
                if value is not None and not isinstance(value, str | int | float):
                    raise InteropError("backup.value_type", table=repr(name), row=i + 1,
                                       column=repr(col), source=source)
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
        raise InteropError("backup.exists", path=str(path), source=source)
    try:
        store = open_store(path, seed=False)
    except StoreError as exc:
        raise InteropError("interop.cannot_create", path=str(path), detail=exc.message,
                           source=source) from None
    ok = False
    try:
        known = table_names(store)
        columns = {t: set(store.db[t].columns_dict) for t in known}
        for name in doc["tables"]:
            if name not in columns:
                raise InteropError("backup.unknown_table", table=repr(name), source=source)
        with store.transaction():
            for name in known:
                rows = doc["tables"].get(name, [])
                for i, row in enumerate(rows):
                    unknown = set(row) - columns[name]
                    if unknown:
                        raise InteropError("backup.unknown_column", table=repr(name),
                                           row=i + 1, column=repr(sorted(unknown)[0]),
                                           source=source)
                store.insert_raw_rows(name, rows)
            fill_missing(store.con)  # a backup from before row uids (exchange, issue #11)
            _check_restored(store, source)
        ok = True
    except sqlite3.Error as exc:
        raise InteropError("backup.does_not_fit", detail=str(exc), source=source) from None
    finally:
        store.close()
        if not ok:
            for suffix in ("", "-wal", "-shm", ".audit-head"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path
