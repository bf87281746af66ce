"""Backups of a database file: when they are written, which are kept, restoring one.

A session writes one backup just before its first write (never on a
read-only open), with ``VACUUM INTO`` (a consistent copy of a live database)
into a temporary name that is renamed only when complete, and skips it when it
is byte-identical to the newest backup. Kept: the newest
:data:`KEEP_RECENT` distinct backups, plus the newest of each of the last
:data:`KEEP_DAYS` days, plus the newest of each month. Leftovers of a killed
backup (``.part`` files and their ``-journal``) are removed on the next one.

Each backup carries the audit anchor of the moment it was taken (see
:mod:`.audit`), so a log truncated later can be compared against it.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..messages import register
from .errors import StoreError

KEEP_RECENT = 10
KEEP_DAYS = 14
_STAMP = "%Y%m%d-%H%M%S-%f"

register({
    "backups.not_backup": ("{path}: 이 데이터베이스의 백업 폴더에 있는 백업이 아닙니다",
                           "{path}: not a backup in this database's backup folder"),
    "backups.failed": ("백업을 쓰지 못했습니다 ({reason}); 변경을 저장하지 않았습니다",
                       "could not write a backup ({reason}); nothing was changed"),
})


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken: datetime
    size: int
    tasks: int | None  # None: the backup cannot be read


def backup_dir_for(path: Path) -> Path:
    return path.parent / f"{path.stem}-backups"


def list_backups(path: Path) -> list[Path]:
    """The database's backups, newest first."""
    folder = backup_dir_for(path)
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.glob(f"{path.stem}-*.db") if _taken(path, p)),
                  reverse=True)


def _taken(db: Path, backup: Path) -> datetime | None:
    try:
        return datetime.strptime(backup.stem[len(db.stem) + 1:], _STAMP)
    except ValueError:
        return None


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def clean_leftovers(path: Path) -> None:
    """Remove the temporary files of backups that were killed half-way."""
    folder = backup_dir_for(path)
    if folder.is_dir():
        for leftover in list(folder.glob(".*.part")) + list(folder.glob("*.part-journal")):
            leftover.unlink(missing_ok=True)


def write_backup(con: sqlite3.Connection, path: Path, keep: int = KEEP_RECENT, *,
                 prune_now: bool = True) -> Path:
    """A consistent copy of ``con``'s database; the newest existing one if identical.

    ``prune_now=False``: the caller prunes (with :func:`prune`) once it knows the
    backup is kept, so dropping it again (see :func:`discard`) loses no older one.
    """
    folder = backup_dir_for(path)
    folder.mkdir(parents=True, exist_ok=True)
    clean_leftovers(path)
    stamp = datetime.now().strftime(_STAMP)
    target = folder / f"{path.stem}-{stamp}.db"
    tmp = folder / f".{target.name}.part"
    try:
        con.execute("VACUUM INTO ?", (str(tmp),))
        newest = next(iter(list_backups(path)), None)
        if newest is not None and _digest(newest) == _digest(tmp):
            tmp.unlink()
            return newest
        os.replace(tmp, target)
    except (OSError, sqlite3.Error) as exc:
        tmp.unlink(missing_ok=True)
        raise StoreError("backups.failed", reason=getattr(exc, "strerror", None) or exc) from None
    if prune_now:
        prune(path, keep)
    return target


def discard(path: Path, backup: Path) -> None:
    """Drop a backup taken for a write that did not happen (and its folder if now empty)."""
    backup.unlink(missing_ok=True)
    try:
        backup_dir_for(path).rmdir()  # only succeeds when empty
    except OSError:
        pass


def kept(backups: list[tuple[Path, datetime]], keep: int = KEEP_RECENT,
         now: datetime | None = None) -> set[Path]:
    """Which backups the policy keeps (``backups`` newest first)."""
    now = now or datetime.now()
    keep_set = {p for p, _ in backups[:max(keep, 1)]}
    days: set[str] = set()
    months: set[str] = set()
    for p, taken in backups:
        day, month = taken.strftime("%Y%m%d"), taken.strftime("%Y%m")
        if day not in days and (now - taken).days < KEEP_DAYS:
            keep_set.add(p)
        if month not in months:
            keep_set.add(p)
        days.add(day)
        months.add(month)
    return keep_set


def prune(path: Path, keep: int = KEEP_RECENT) -> None:
    found = [(p, t) for p in list_backups(path) if (t := _taken(path, p)) is not None]
    wanted = kept(found, keep)
    for p, _ in found:
        if p not in wanted:
            p.unlink(missing_ok=True)


def describe(path: Path) -> list[BackupInfo]:
    """The backups with time, size and task count (read-only, nothing changes)."""
    from .database import ro_uri

    out = []
    for p in list_backups(path):
        tasks = None
        try:
            con = sqlite3.connect(ro_uri(p, immutable=True), uri=True)
            try:
                tasks = con.execute("SELECT count(*) FROM tasks").fetchone()[0]
            finally:
                con.close()
        except sqlite3.Error:
            pass
        out.append(BackupInfo(p, _taken(path, p) or datetime.min, p.stat().st_size, tasks))
    return out


def resolve_backup(db: Path, given: Path | str) -> Path:
    """``given`` as one of ``db``'s backups (a bare file name or a path into the folder)."""
    candidate = Path(given)
    if not candidate.is_absolute() and candidate.parent == Path("."):
        candidate = backup_dir_for(db) / candidate.name
    known = {p.resolve() for p in list_backups(db)}
    if candidate.resolve() not in known:
        raise StoreError("backups.not_backup", path=str(given))
    return candidate


def restore(db: Path, given: Path | str) -> tuple[Path, Path]:
    """Put backup ``given`` back as ``db``'s content; returns (backup used, safety copy).

    The current content is backed up first (always, even if identical to an
    older one it is then kept as the newest). The pages are copied with SQLite's
    backup API into the open database, so other connections see the restored
    content rather than a file swapped under them. The restore is audited, and
    the audit anchor restarts from the restored log.
    """
    from . import audit
    from .database import inspect, ro_uri
    from .repository import open_store

    source = resolve_backup(db, given)
    inspect(source)  # a damaged backup is refused before anything changes
    store = open_store(db, keep_backups=0)
    try:
        safety = write_backup(store.con, db)
        src = sqlite3.connect(ro_uri(source, immutable=True), uri=True)
        try:
            with store.lock:
                src.backup(store.con)
        finally:
            src.close()
        stamp = datetime.now().strftime(_STAMP)
        store.set_setting("restored_from", f"{source.name} ({stamp}); before: {safety.name}")
        audit.write_anchor(store, restored_at=stamp)
    finally:
        store.close()
    return source, safety
