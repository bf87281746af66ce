"""The repository: typed reads and audited, versioned writes over one database file.

Every write goes through :meth:`Store.insert`, :meth:`Store.update` or
:meth:`Store.delete`, each of which records an audit entry in the same
transaction. Callers group an edit's writes in ``with store.transaction():`` so
a user edit lands whole or not at all. Updates and deletes name the row
version they were based on; a stale version raises :class:`ConflictError`.
"""

from __future__ import annotations

import copy
import dataclasses
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import sqlite_utils

from ..domain import model as m
from . import audit, changelog
from .codec import CLASSES, from_row, table_of, to_row
from .database import (
    DEFAULT_KEEP_BACKUPS,
    connect,
    inspect,
    latest_schema_version,
    migrate,
    write_backup,
)
from .errors import ConflictError, IntegrityViolation, NotFoundError, StoreError

T = TypeVar("T")


class Store:
    """One open database. Not shared between threads without ``lock``."""

    def __init__(self, path: Path, con: sqlite3.Connection) -> None:
        self.path = path
        self.con = con
        self.db = sqlite_utils.Database(con)
        self.lock = threading.RLock()
        self._depth = 0
        self.user = audit.os_user()
        self.listeners: list[Any] = []  # called with (action, table, row_id) after commit
        self._pending: list[tuple[str, str, int]] = []
        # When set (by store.changes.record_changes), every row write is noted here.
        self.recorder: list[Any] | None = None
        # The audit chain's end, valid only inside a write transaction (we hold the lock).
        self.last_audit_hash: str | None = None
        self.audit_buffer: list[tuple[Any, ...]] = []  # entries of the open transaction

    # -- lifecycle ------------------------------------------------------------
    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return self.con.execute("PRAGMA user_version").fetchone()[0]

    # -- transactions ---------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """One atomic unit; nested calls join the outer transaction."""
        with self.lock:
            if self._depth == 0:
                self.con.execute("BEGIN IMMEDIATE")
                self.last_audit_hash = None
            self._depth += 1
            try:
                yield self
                if self._depth == 1:
                    audit.flush(self)
                    self.con.execute("COMMIT")
            except BaseException:
                self._depth -= 1
                if self._depth == 0:
                    if self.con.in_transaction:
                        self.con.execute("ROLLBACK")
                    self._pending.clear()
                    self.audit_buffer.clear()
                    self.last_audit_hash = None
                raise
            self._depth -= 1
            if self._depth == 0:
                self.last_audit_hash = None
                pending, self._pending = self._pending, []
                for listener in list(self.listeners):
                    listener(pending)

    # -- reads ----------------------------------------------------------------
    def get(self, cls: type[T], row_id: int) -> T:
        rows = self.db.execute(f"SELECT * FROM [{table_of(cls)}] WHERE id = ?", (row_id,))
        cols = [d[0] for d in rows.description]
        row = rows.fetchone()
        if row is None:
            raise NotFoundError(f"{table_of(cls)} #{row_id} does not exist (deleted elsewhere?)")
        return from_row(cls, dict(zip(cols, row)))

    def all(self, cls: type[T], where: str | None = None, params: Any = (),
            order_by: str = "id") -> list[T]:
        table = self.db[table_of(cls)]
        return [from_row(cls, r) for r in table.rows_where(where, params, order_by=order_by)]

    def count(self, cls: type, where: str | None = None, params: Any = ()) -> int:
        return self.count_table(table_of(cls), where, params)

    def count_table(self, table: str, where: str | None = None, params: Any = ()) -> int:
        sql = f"SELECT count(*) FROM [{table}]" + (f" WHERE {where}" if where else "")
        return self.con.execute(sql, params).fetchone()[0]

    # -- audited writes ---------------------------------------------------------
    def insert(self, obj: T) -> T:
        table = table_of(obj)
        row = to_row(obj)
        row["version"] = 1
        with self.transaction():
            cols = ", ".join(f"[{c}]" for c in row)
            marks = ", ".join("?" for _ in row)
            try:
                cur = self.con.execute(
                    f"INSERT INTO [{table}] ({cols}) VALUES ({marks})", tuple(row.values())
                )
            except sqlite3.IntegrityError as exc:
                raise IntegrityViolation(_explain(table, exc)) from None
            new_id = cur.lastrowid
            row["id"] = new_id
            self._log("insert", table, new_id, None, row)
        stored = copy.copy(obj)  # cheaper than dataclasses.replace on bulk imports
        stored.id, stored.version = new_id, 1
        return stored

    def update(self, obj: T) -> T:
        """Write ``obj`` if the stored version is still ``obj.version``; return it bumped."""
        table = table_of(obj)
        row = to_row(obj)
        row_id, version = row.pop("id", None), row.pop("version")
        if row_id is None:
            raise StoreError(f"{table}: cannot update a row that was never stored")
        with self.transaction():
            old = self._row(table, row_id)
            if old["version"] != version:
                raise ConflictError(
                    f"{table} #{row_id} was changed by someone else (version {old['version']}, "
                    f"your edit was based on {version}); reload and try again"
                )
            row["version"] = version + 1
            sets = ", ".join(f"[{c}] = ?" for c in row)
            try:
                self.con.execute(
                    f"UPDATE [{table}] SET {sets} WHERE id = ? AND version = ?",
                    (*row.values(), row_id, version),
                )
            except sqlite3.IntegrityError as exc:
                raise IntegrityViolation(_explain(table, exc)) from None
            self._log("update", table, row_id, old, {"id": row_id, **row})
        return dataclasses.replace(obj, version=version + 1)

    def delete(self, obj: Any) -> None:
        table = table_of(obj)
        with self.transaction():
            old = self._row(table, obj.id)
            if old["version"] != obj.version:
                raise ConflictError(
                    f"{table} #{obj.id} was changed by someone else; reload and try again"
                )
            self._delete(table, obj.id, old)

    def restore(self, table: str, row: dict[str, Any]) -> None:
        """Re-insert a deleted row with its old id (undo of a delete), audited."""
        with self.transaction():
            cols = ", ".join(f"[{c}]" for c in row)
            marks = ", ".join("?" for _ in row)
            sql = f"INSERT INTO [{table}] ({cols}) VALUES ({marks})"
            try:
                self.con.execute(sql, tuple(row.values()))
            except sqlite3.IntegrityError as exc:
                raise ConflictError(f"cannot restore {table} #{row['id']}: {exc}") from None
            self._log("insert", table, row["id"], None, row)

    def write_row(
        self, table: str, row_id: Any, row: dict[str, Any], expected_version: int
    ) -> None:
        """Overwrite a row's columns if its version is still ``expected_version``."""
        with self.transaction():
            old = self._row(table, row_id)
            if old["version"] != expected_version:
                raise ConflictError(f"{table} #{row_id} was changed by someone else")
            values = {k: v for k, v in row.items() if k != "id"}
            sets = ", ".join(f"[{c}] = ?" for c in values)
            sql = f"UPDATE [{table}] SET {sets} WHERE id = ?"
            self.con.execute(sql, (*values.values(), row_id))
            self._log("update", table, row_id, old, {**values, "id": row_id})

    def delete_row(self, table: str, row_id: Any) -> None:
        with self.transaction():
            self._delete(table, row_id, self._row(table, row_id))

    def _delete(self, table: str, row_id: Any, old: dict[str, Any]) -> None:
        self._cascade_audit(table, row_id, set())
        self.con.execute(f"DELETE FROM [{table}] WHERE id = ?", (row_id,))
        self._log("delete", table, row_id, old, None)

    def _log(self, action: str, table: str, row_id: Any, old: dict[str, Any] | None,
             new: dict[str, Any] | None) -> None:
        changelog.note(self, action, table, row_id, old, new)  # exchange records (issue #11)
        audit.record(self, action, table, row_id, old, new)
        self._pending.append((action, table, row_id))
        if self.recorder is not None:
            from .changes import RowChange

            self.recorder.append(RowChange(table, row_id, old, new))

    def row(self, cls_or_table: type | str, row_id: int) -> dict[str, Any]:
        table = cls_or_table if isinstance(cls_or_table, str) else table_of(cls_or_table)
        return self._row(table, row_id)

    def _row(self, table: str, row_id: int) -> dict[str, Any]:
        cur = self.con.execute(f"SELECT * FROM [{table}] WHERE id = ?", (row_id,))
        values = cur.fetchone()
        if values is None:
            raise NotFoundError(f"{table} #{row_id} does not exist (deleted elsewhere?)")
        return dict(zip([d[0] for d in cur.description], values))

    def _cascade_audit(self, table: str, row_id: int, seen: set[tuple[str, Any]]) -> None:
        """Audit the rows that ON DELETE CASCADE is about to remove with this one."""
        children = {
            "tasks": [("tasks", "parent_id"), ("dependencies", "predecessor_id"),
                      ("dependencies", "successor_id"), ("checklist_items", "task_id"),
                      ("status_updates", "task_id"), ("signoffs", "task_id"),
                      ("baseline_tasks", "task_id")],
            "provisions": [("provision_stage_changes", "provision_id")],
            "baselines": [("baseline_tasks", "baseline_id")],
            "meeting_series": [("checklist_items", "meeting_series_id")],
        }.get(table, [])
        for child_table, column in children:
            cur = self.con.execute(f"SELECT * FROM [{child_table}] WHERE [{column}] = ?", (row_id,))
            cols = [d[0] for d in cur.description]
            for values in cur.fetchall():
                old = dict(zip(cols, values))
                if (child_table, old["id"]) in seen:
                    continue
                seen.add((child_table, old["id"]))
                if child_table == "tasks":
                    self._cascade_audit("tasks", old["id"], seen)
                self._log("delete", child_table, old["id"], old, None)

    # -- settings ----------------------------------------------------------------
    def setting(self, key: str, default: str = "") -> str:
        row = self.con.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction():
            cur = self.con.execute("SELECT value, version FROM settings WHERE key = ?", (key,))
            old = cur.fetchone()
            if old is None:
                self.con.execute("INSERT INTO settings (key, value) VALUES (?, ?)", (key, value))
                audit.record(self, "insert", "settings", key, None, {"key": key, "value": value})
            elif old[0] != value:
                self.con.execute(
                    "UPDATE settings SET value = ?, version = version + 1 WHERE key = ?",
                    (value, key),
                )
                audit.record(self, "update", "settings", key, {"key": key, "value": old[0]},
                             {"key": key, "value": value})

    # -- convenience reads used everywhere -----------------------------------------
    def project(self) -> m.Project:
        projects = self.all(m.Project)
        if not projects:
            raise NotFoundError("the database holds no project")
        return projects[0]

    def organisations(self) -> list[m.Organisation]:
        return self.all(m.Organisation)

    def org_by_code(self) -> dict[str, m.Organisation]:
        return {o.code: o for o in self.organisations()}

    def tasks(self, project_id: int | None = None) -> list[m.Task]:
        if project_id is None:
            return self.all(m.Task, order_by="sort_order, id")
        return self.all(m.Task, "project_id = ?", (project_id,), order_by="sort_order, id")

    def dependencies(self) -> list[m.Dependency]:
        return self.all(m.Dependency)

    def checklist(self, task_id: int | None = None) -> list[m.ChecklistItem]:
        if task_id is None:
            return self.all(m.ChecklistItem, order_by="task_id, sort_order, id")
        return self.all(m.ChecklistItem, "task_id = ?", (task_id,), order_by="sort_order, id")


_EXPLAIN = {
    "tasks.project_id, tasks.wbs": "duplicate WBS code: another task already uses it",
    "dependencies.predecessor_id, dependencies.successor_id": "these tasks are already linked",
    "FOREIGN KEY": "it refers to something that does not exist (deleted elsewhere?)",
    "baselines.project_id, baselines.name": "a baseline with this name already exists",
}


def _explain(table: str, exc: sqlite3.IntegrityError) -> str:
    text = str(exc)
    for key, message in _EXPLAIN.items():
        if key in text:
            return f"{table}: {message}"
    return f"{table}: the change breaks a rule of the database ({text})"


def open_store(
    path: Path | str,
    *,
    create: bool = True,
    seed: bool = True,
    keep_backups: int = DEFAULT_KEEP_BACKUPS,
) -> Store:
    """Open (or create and seed) a database, refusing unsafe files untouched."""
    path = Path(path)
    exists = path.exists()
    if not exists and not create:
        raise NotFoundError(f"{path}: no such database file")
    version = inspect(path) if exists and path.stat().st_size > 0 else 0
    if exists and path.stat().st_size == 0:
        raise StoreError(f"{path} is an empty file, not a database")
    if not exists:
        path.parent.mkdir(parents=True, exist_ok=True)
    con = connect(path)
    try:
        if exists and keep_backups > 0:
            write_backup(con, path, keep_backups)
        elif exists and version < latest_schema_version():
            write_backup(con, path, max(keep_backups, 1))  # before any migration, always
        migrate(con, version)
        store = Store(path, con)
        if not exists and seed:
            from .seed import load_seed

            load_seed(store)
    except BaseException:
        con.close()
        if not exists:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        raise
    return store


__all__ = ["Store", "open_store", "CLASSES"]
