"""Opening a database file safely: checks, rotating backups, migrations.

The order matters: a file is inspected read-only first (SQLite header, schema
version, ``PRAGMA integrity_check``) so that a refused file is left byte-for-byte
untouched; a backup is written with ``VACUUM INTO`` (never a file copy of a live
database) before anything writes; then numbered migrations from
``db/migrations/`` run, each in its own transaction, and ``PRAGMA user_version``
records the result.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import datetime
from pathlib import Path

from ..paths import MIGRATIONS_DIR
from .errors import CorruptDatabaseError, NewerSchemaError, NotADatabaseError, StoreError

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000
DEFAULT_KEEP_BACKUPS = 10
_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


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


def backup_dir_for(path: Path) -> Path:
    return path.parent / f"{path.stem}-backups"


def list_backups(path: Path) -> list[Path]:
    folder = backup_dir_for(path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{path.stem}-*.db"), reverse=True)


def _integrity_ok(path: Path) -> bool:
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
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
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            version = con.execute("PRAGMA user_version").fetchone()[0]
            result = [r[0] for r in con.execute("PRAGMA integrity_check(5)")]
            cur = con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            tables = {r[0] for r in cur}
        finally:
            con.close()
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


def write_backup(con: sqlite3.Connection, path: Path, keep: int = DEFAULT_KEEP_BACKUPS) -> Path:
    """Write a consistent copy with VACUUM INTO and keep only the newest ``keep``."""
    folder = backup_dir_for(path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{path.stem}-{stamp}.db"
    con.execute("VACUUM INTO ?", (str(target),))
    for old in list_backups(path)[max(keep, 1):]:
        old.unlink(missing_ok=True)
    return target


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
