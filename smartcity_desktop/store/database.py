"""Opening a database file safely: checks, rotating backups, migrations.

The order matters: a file is inspected read-only first (SQLite header, schema
version, ``PRAGMA integrity_check``) so that a refused file is left byte-for-byte
untouched; a backup is written with ``VACUUM INTO`` (never a file copy of a live
database) before anything writes; then numbered migrations from
``db/migrations/`` run, each in its own transaction, and ``PRAGMA user_version``
records the result.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from ..messages import register
from ..paths import MIGRATIONS_DIR
from .backups import backup_dir_for, list_backups, write_backup
from .errors import CorruptDatabaseError, NewerSchemaError, NotADatabaseError, StoreError

try:  # POSIX: tells whether another connection still uses a -shm file
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000
DEFAULT_KEEP_BACKUPS = 10
_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")

register({
    "store.no_access": ("{path}: 파일이나 폴더에 접근 권한이 없어 열 수 없습니다 ({detail})",
                        "{path}: cannot open it: no permission on the file or its folder "
                        "({detail})"),
    "store.cannot_open": ("{path}: 데이터베이스를 열 수 없습니다 ({detail})",
                          "{path}: cannot open the database ({detail})"),
    "store.read_only": ("{path}: 읽기 전용으로 열었으므로 변경할 수 없습니다",
                        "{path}: opened read-only; nothing can be changed"),
})


def migrations() -> list[tuple[int, Path]]:
    found = []
    for path in sorted(MIGRATIONS_DIR.iterdir()):
        match = _MIGRATION_NAME.match(path.name)
        if match:
            found.append((int(match.group(1)), path))
    numbers = [n for n, _ in found]
    # Numbers are reserved per piece of work (0004 may land before 0002): unique and
    # starting at 1 is what matters, since each runs once, in number order.
    if len(set(numbers)) != len(numbers) or (numbers and numbers[0] != 1):
        raise StoreError(f"migrations must be numbered uniquely from 1: {numbers}")
    return found


def latest_schema_version() -> int:
    found = migrations()
    return found[-1][0] if found else 0


def _post_migration(con: sqlite3.Connection, number: int) -> None:
    """Python steps a migration needs in its own transaction (SQLite cannot hash or make uids)."""
    if number == 4:
        from .uids import fill_missing

        fill_missing(con)


__all__ = ["backup_dir_for", "list_backups", "write_backup"]  # re-exported for callers

_SIDECARS = ("-wal", "-shm")
_DMS_BYTE = 128  # SQLite's "dead man switch" lock byte in the -shm file (os_unix.c)


def ro_uri(path: Path, *, immutable: bool = False) -> str:
    """A read-only SQLite URI for ``path`` (``?`` and ``#`` in names are escaped)."""
    flag = "&immutable=1" if immutable else ""
    return f"file:{quote(str(Path(path).absolute()))}?mode=ro{flag}"


@contextmanager
def no_new_sidecars(path: Path) -> Iterator[None]:
    """Remove the empty ``-wal``/``-shm`` a read-only look at a WAL file leaves behind.

    A read-only connection cannot checkpoint, so SQLite leaves the two files; we
    delete them only when they were not there before, the WAL is empty and no
    other connection holds the -shm (its lock byte is free), as SQLite's own last
    connection would.
    """
    before = sidecars_present(path)
    try:
        yield
    finally:
        remove_new_sidecars(path, before)


def sidecars_present(path: Path) -> set[str]:
    return {s for s in _SIDECARS if os.path.exists(f"{path}{s}")}


def remove_new_sidecars(path: Path, before: set[str]) -> None:
    """Delete ``-wal``/``-shm`` not in ``before`` if empty and unused (see no_new_sidecars)."""
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    if before or fcntl is None or not shm.exists():
        return
    try:
        if wal.exists() and wal.stat().st_size:
            return
        with shm.open("rb+") as fh:
            try:
                fcntl.lockf(fh, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, _DMS_BYTE)
            except OSError:
                return  # another connection uses the file
            wal.unlink(missing_ok=True)
            shm.unlink(missing_ok=True)
    except OSError:
        pass


def _integrity_ok(path: Path) -> bool:
    try:
        con = sqlite3.connect(ro_uri(path, immutable=True), uri=True)
        try:
            return con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return False


def newest_good_backup(path: Path) -> Path | None:
    for candidate in list_backups(path):
        if _integrity_ok(candidate):
            return candidate
    return None


def inspect(path: Path) -> int:
    """Check an existing file read-only; return its schema version or raise.

    Nothing is written to ``path``: refusals leave the file exactly as it was.
    """
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the file ({exc.strerror})") from None
    if header != SQLITE_HEADER:
        raise NotADatabaseError(f"{path} is not a smartcity-desktop database (not an SQLite file)")
    try:
        with no_new_sidecars(path):
            con = sqlite3.connect(ro_uri(path), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
            try:
                version = con.execute("PRAGMA user_version").fetchone()[0]
                result = [r[0] for r in con.execute("PRAGMA integrity_check(5)")]
                cur = con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                tables = {r[0] for r in cur}
            finally:
                con.close()
    except sqlite3.OperationalError as exc:
        _raise_unreadable(path, exc)
    except sqlite3.DatabaseError as exc:
        _raise_corrupt(path, str(exc))
    if result != ["ok"]:
        _raise_corrupt(path, "; ".join(result))
    latest = latest_schema_version()
    if version > latest:
        raise NewerSchemaError(
            f"{path} was written by a newer version of smartcity-desktop "
            f"(schema {version}; this version knows up to {latest}); update the application"
        )
    if version == 0 and tables:
        raise NotADatabaseError(f"{path} is an SQLite file but not a smartcity-desktop database")
    return version


def _raise_unreadable(path: Path, exc: sqlite3.OperationalError) -> None:
    """A file SQLite cannot open for a reason other than damage (permissions, a lock)."""
    folder = path.parent
    if not os.access(folder, os.W_OK) or not os.access(path, os.R_OK):
        raise StoreError("store.no_access", path=str(path), detail=str(exc)) from None
    raise StoreError("store.cannot_open", path=str(path), detail=str(exc)) from None


def _raise_corrupt(path: Path, detail: str) -> None:
    backup = newest_good_backup(path)
    hint = f"; the newest good backup is {backup}" if backup else "; no good backup was found"
    raise CorruptDatabaseError(f"{path} is damaged ({detail}){hint}", backup)


def connect(path: Path) -> sqlite3.Connection:
    """A read-write connection with the pragmas every session needs.

    Autocommit mode: transactions are opened explicitly with BEGIN IMMEDIATE so
    that a writer waits (busy timeout) instead of failing half-way.
    """
    con = sqlite3.connect(
        str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    con.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    con.execute("PRAGMA foreign_keys = ON")
    mode = con.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if mode.lower() != "wal":
        # Some network shares cannot hold the WAL index; rollback journal is still safe.
        con.execute("PRAGMA journal_mode = DELETE")
    con.execute("PRAGMA synchronous = FULL")
    return con


def start_building(con: sqlite3.Connection) -> None:
    """Pragmas for a new file nobody else sees yet (store.newfile): journal in memory, no
    syncs. A failed build is thrown away whole, so it needs rollback but no durability."""
    con.execute("PRAGMA journal_mode = MEMORY")
    con.execute("PRAGMA synchronous = OFF")


def finish_building(con: sqlite3.Connection) -> None:
    """Back to :func:`connect`'s pragmas once a new file is complete (before it is renamed)."""
    con.execute("PRAGMA synchronous = FULL")
    mode = con.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if mode.lower() != "wal":
        con.execute("PRAGMA journal_mode = DELETE")


def connect_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection (``mode=ro``): no write, no journal mode change."""
    con = sqlite3.connect(ro_uri(path), uri=True, timeout=BUSY_TIMEOUT_MS / 1000,
                          isolation_level=None, check_same_thread=False)
    con.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    con.execute("PRAGMA query_only = ON")
    return con


def migrate(con: sqlite3.Connection, from_version: int, target: int | None = None) -> int:
    """Apply every migration above ``from_version`` (up to ``target``), each atomically."""
    version = from_version
    for number, sql_path in migrations():
        if number <= version or (target is not None and number > target):
            continue
        script = sql_path.read_text(encoding="utf-8")
        try:
            con.execute("BEGIN IMMEDIATE")
            for statement in _split_sql(script):
                con.execute(statement)
            _post_migration(con, number)
            con.execute(f"PRAGMA user_version = {number}")
            con.execute("COMMIT")
        except sqlite3.Error as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"migration {sql_path.name} failed: {exc}") from None
        version = number
    return version


def _split_sql(script: str) -> list[str]:
    """Split a migration into statements (executescript would commit implicitly)."""
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--") and not current.strip():
            continue
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements
