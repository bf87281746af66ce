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
from .backups import discard, list_backups, prune
from .bulk import PendingWrites
from .codec import CLASSES, encode_value, row_decoder, table_of, to_row
from .database import (
    DEFAULT_KEEP_BACKUPS,
    connect,
    connect_readonly,
    inspect,
    latest_schema_version,
    migrate,
    remove_new_sidecars,
    sidecars_present,
    start_building,
    write_backup,
)
from .errors import (
    ConflictError,
    FieldConflictError,
    IntegrityViolation,
    NotFoundError,
    StoreError,
)
from .queries import QueryMixin

T = TypeVar("T")

# The child rows ON DELETE CASCADE removes with a parent (see the migrations).
CASCADES: dict[str, list[tuple[str, str]]] = {
    "tasks": [("tasks", "parent_id"), ("dependencies", "predecessor_id"),
              ("dependencies", "successor_id"), ("checklist_items", "task_id"),
              ("status_updates", "task_id"), ("signoffs", "task_id"),
              ("baseline_tasks", "task_id")],
    "provisions": [("provision_stage_changes", "provision_id")],
    "baselines": [("baseline_tasks", "baseline_id")],
    "meeting_series": [("checklist_items", "meeting_series_id")],
}


class Store(QueryMixin):
    """One open database. Not shared between threads without ``lock``."""

    def __init__(self, path: Path, con: sqlite3.Connection) -> None:
        self.path = path
        self.con = con
        self.db = sqlite_utils.Database(con)
        self.lock = threading.RLock()
        self._depth = 0
        self.user = audit.os_user()
        self.listeners: list[Any] = []  # called after commit with its (action, table, row_id)s
        self._pending = PendingWrites()  # (action, table, row id) of the open transaction
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
                try:
                    self.con.execute("BEGIN IMMEDIATE")
                except sqlite3.OperationalError as exc:
                    raise _operational(exc) from None
                self.last_audit_hash = None
            self._depth += 1
            try:
                yield self
                if self._depth == 1:
                    changelog.settle(self)  # derived values, recomputed alike on every desk
                    audit.flush(self)
                    self.con.execute("COMMIT")
            except BaseException:
                self._depth -= 1
                if self._depth == 0:
                    if self.con.in_transaction:
                        self.con.execute("ROLLBACK")
                    self._pending.clear()
                    self.audit_buffer.clear()
                    changelog.discard(self)
                    self.last_audit_hash = None
                raise
            self._depth -= 1
            if self._depth == 0:
                self.last_audit_hash = None
                pending, self._pending = self._pending, PendingWrites()
                for listener in list(self.listeners):
                    listener(pending)

    # -- reads ----------------------------------------------------------------
    def get(self, cls: type[T], row_id: int) -> T:
        cur = self.con.execute(f"SELECT * FROM [{table_of(cls)}] WHERE id = ?", (row_id,))
        row = cur.fetchone()
        if row is None:
            raise NotFoundError("store.not_found", table=table_of(cls), id=row_id)
        return row_decoder(cls, [d[0] for d in cur.description])(row)

    def all(self, cls: type[T], where: str | None = None, params: Any = (),
            order_by: str = "id") -> list[T]:
        """Every row of ``cls``'s table (optionally filtered), decoded in one pass."""
        sql = f"SELECT * FROM [{table_of(cls)}]"
        if where:
            sql += f" WHERE {where}"
        if order_by:
            sql += f" ORDER BY {order_by}"
        cur = self.con.execute(sql, params)
        decode = row_decoder(cls, [d[0] for d in cur.description])
        return [decode(r) for r in cur.fetchall()]

    def get_many(self, cls: type[T], ids: Any) -> list[T]:
        """The rows of ``cls`` with these ids that still exist (any order)."""
        ids = list(ids)
        out: list[T] = []
        for i in range(0, len(ids), 500):  # stay under SQLite's bound-parameter limit
            chunk = ids[i:i + 500]
            marks = ", ".join("?" for _ in chunk)
            out += self.all(cls, f"id IN ({marks})", chunk, order_by="")
        return out

    def count(self, cls: type, where: str | None = None, params: Any = ()) -> int:
        return self.count_table(table_of(cls), where, params)

    def next_id(self, cls: type) -> int:
        """The id SQLite gives the next row of ``cls``'s table (inside a write: ours to use)."""
        from .bulk import next_id

        return next_id(self, table_of(cls))

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

    def insert_rows(self, table: str, rows: Any) -> Any:
        """Insert rows in stored form with their ids (an import's staged rows), audited."""
        from .bulk import insert_rows

        return insert_rows(self, table, rows)

    def insert_many(self, objs: Any) -> Any:
        """Insert many new rows (an import) in batches, each row audited; return their ids."""
        from .bulk import insert_many

        return insert_many(self, objs)

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

    def update_fields(self, cls: type[T], row_id: int, values: dict[str, Any],
                      expect: dict[str, Any]) -> T:
        """Write only ``values`` (field -> domain value) to one row.

        ``expect`` holds, for each field the caller changed, the value the user
        saw before editing. If the stored value of one of them differs, someone
        else changed that field meanwhile: :class:`FieldConflictError` names who,
        when and both values, and nothing is written. Fields nobody else touched
        are merged, so edits of other fields made meanwhile survive.
        """
        table = table_of(cls)
        with self.transaction():
            old = self._row(table, row_id)
            # someone else's value clashes unless it is what this edit writes anyway
            clashes = [name for name, seen in expect.items()
                       if old.get(name) not in (encode_value(seen), encode_value(values.get(name)))]
            if clashes:
                by, at = self.last_change(table, row_id)
                mine = {n: encode_value(values.get(n)) for n in clashes}
                raise FieldConflictError(table, row_id, {n: old[n] for n in clashes}, mine, by, at)
            row = {name: encode_value(v) for name, v in values.items()}
            row = {k: v for k, v in row.items() if old.get(k) != v}
            if not row:
                return self.get(cls, row_id)
            row["version"] = old["version"] + 1
            sets = ", ".join(f"[{c}] = ?" for c in row)
            try:
                self.con.execute(f"UPDATE [{table}] SET {sets} WHERE id = ?",
                                 (*row.values(), row_id))
            except sqlite3.IntegrityError as exc:
                raise IntegrityViolation(_explain(table, exc)) from None
            self._log("update", table, row_id, old, {**old, **row})
            return self.get(cls, row_id)

    def last_change(self, table: str, row_id: Any) -> tuple[str, str]:
        """(user, ISO time) of the newest audited write to one row ('' when unknown)."""
        return audit.last_change(self, table, row_id)

    def audit_head(self) -> int:
        return audit.head_id(self)

    def audit_entries_since(self, after_id: int, limit: int) -> list[tuple[Any, ...]]:
        """(audit id, action, table, row id) committed after ``after_id``; ≤ limit + 1."""
        return audit.entries_since(self, after_id, limit)

    def project_calendar(self, project_id: int | None = None) -> Any:
        from .planning import project_calendar

        return project_calendar(self, project_id)

    def checklist_percents(self, tasks: list[m.Task]) -> dict[int, float]:
        from .planning import checklist_percents

        return checklist_percents(self, tasks)

    def check_dependency(self, dep: m.Dependency) -> None:
        from .planning import check_dependency

        check_dependency(self, dep)

    def is_signed_off(self, task_id: int) -> bool:
        return self.count(m.Signoff, "task_id = ? AND revoked = 0", (task_id,)) > 0

    def tasks_of_rows(self, table: str, row_ids: Any) -> set[int]:
        """The task ids that rows of a task-child table (checklist, sign-offs…) belong to.

        Rows deleted since are not found; their task comes from the audit entry.
        """
        ids = [str(r) for r in row_ids]
        if not ids or table not in {c for c, col in CASCADES["tasks"] if col == "task_id"}:
            return set()
        found: set[int] = set()
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ", ".join("?" for _ in chunk)
            found.update(r[0] for r in self.con.execute(
                f"SELECT task_id FROM [{table}] WHERE id IN ({marks})", chunk))
            found.update(audit.task_ids_of_deleted(self, table, chunk))
        return found

    def data_version(self) -> int:
        """SQLite's counter that moves when another connection commits to the file."""
        return self.con.execute("PRAGMA data_version").fetchone()[0]

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
        for child_table, column in CASCADES.get(table, []):
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

    def child_count(self, table: str, row_id: Any) -> int:
        """How many rows ON DELETE CASCADE would remove with this one (direct children)."""
        return sum(
            self.con.execute(f"SELECT count(*) FROM [{child}] WHERE [{column}] = ?",
                             (row_id,)).fetchone()[0]
            for child, column in CASCADES.get(table, []))

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


def _operational(exc: sqlite3.OperationalError) -> StoreError:
    """Another program holding the write lock past the busy timeout is not a crash."""
    if "locked" in str(exc) or "busy" in str(exc):
        return StoreError("store.locked")
    return StoreError("store.io_error", detail=str(exc))


def _explain(table: str, exc: sqlite3.IntegrityError) -> str:
    text = str(exc)
    for key, message in _EXPLAIN.items():
        if key in text:
            return f"{table}: {message}"
    return f"{table}: the change breaks a rule of the database ({text})"


class SessionStore(Store):
    """A writable session: one backup just before its first write, audit anchor after commits."""

    def __init__(self, path: Path, con: sqlite3.Connection, keep_backups: int) -> None:
        super().__init__(path, con)
        self.backup_pending = keep_backups > 0
        self.keep_backups = keep_backups
        self.listeners.append(self._anchor)

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        with self.lock:
            fresh = None
            if self.backup_pending and self._depth == 0:
                # VACUUM INTO cannot run inside a transaction: back up before BEGIN.
                existing = set(list_backups(self.path))
                backup = write_backup(self.con, self.path, self.keep_backups, prune_now=False)
                fresh = backup if backup not in existing else None
                self.backup_pending = False
            try:
                with super().transaction() as store:
                    yield store
            except BaseException:
                if fresh is not None:  # nothing was written: the folder stays as it was
                    discard(self.path, fresh)
                    self.backup_pending = True
                raise
            if fresh is not None:
                prune(self.path, self.keep_backups)

    def _anchor(self, _pending: object) -> None:
        audit.write_anchor(self)


class ReadOnlyStore(Store):
    """Opened with ``mode=ro``: reads only, no backup, no -wal/-shm left behind."""

    def __init__(self, path: Path, con: sqlite3.Connection, sidecars_before: set[str]) -> None:
        super().__init__(path, con)
        self._sidecars_before = sidecars_before

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        raise StoreError("store.read_only", path=str(self.path))
        yield self  # pragma: no cover - a generator for contextmanager

    def close(self) -> None:
        super().close()
        remove_new_sidecars(self.path, self._sidecars_before)


def open_store(
    path: Path | str,
    *,
    create: bool = True,
    seed: bool = True,
    keep_backups: int = DEFAULT_KEEP_BACKUPS,
    readonly: bool = False,
    building: bool = False,
) -> Store:
    """Open (or create and seed) a database, refusing unsafe files untouched.

    ``readonly``: a ``mode=ro`` connection and no backup, unless the file needs a
    schema upgrade first (that is a write: backed up, then migrated).
    ``building``: a new file only :func:`store.newfile.new_database` sees yet.
    """
    path = Path(path)
    exists = path.exists()
    if not exists and (not create or readonly):
        raise NotFoundError(f"{path}: no such database file")
    if exists and path.stat().st_size == 0:
        raise StoreError(f"{path} is an empty file, not a database")
    version = inspect(path) if exists else 0
    if readonly and version == latest_schema_version():
        before = sidecars_present(path)
        try:
            return ReadOnlyStore(path, connect_readonly(path), before)
        except sqlite3.Error as exc:
            remove_new_sidecars(path, before)
            raise StoreError("store.cannot_open", path=str(path), detail=str(exc)) from None
    if not exists:
        path.parent.mkdir(parents=True, exist_ok=True)
    con = connect(path)
    try:
        if building:
            start_building(con)
        if exists and version < latest_schema_version():
            write_backup(con, path, max(keep_backups, 1))  # before any migration, always
        migrate(con, version)
        store = SessionStore(path, con, keep_backups if exists else 0)
        if not exists and seed:
            from .seed import load_seed

            load_seed(store)
    except BaseException:
        con.close()
        if not exists:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            audit.anchor_path(path).unlink(missing_ok=True)
        raise
    return store


__all__ = ["Store", "open_store", "CLASSES"]
