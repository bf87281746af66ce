"""A new database built whole at a temporary name, then renamed into place.

``init-db`` and importing into a new file (``import F --into NEW.db``, File ›
새 데이터베이스로 가져오기) both use :func:`new_database`:

* the file is built beside the target (same folder, so the rename is atomic)
  and only a block that ends without an exception puts it at the target name:
  a killed or failed build leaves no half-made database, nothing that blocks a
  second try, and no file at all under the target name;
* while it is built nobody else can see the file, so the build skips what
  protects a shared, live database: the rollback journal is kept in memory
  and nothing is synced (a crash can only lose the temporary file, which is
  removed later by :func:`clean_stale`). Before the rename the file is put in
  the normal write-ahead mode and synced to disk. A 100,000-task import lands
  about 10% faster;
* the target is claimed with a hard link, which fails instead of replacing a
  file someone made at that name meanwhile.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from ..messages import register
from .audit import anchor_path
from .database import finish_building
from .errors import StoreError
from .repository import Store, open_store

STALE_S = 3600  # a temporary build older than this is a killed run's leftover

register({
    "store.exists": ("{path}: 이미 있는 파일입니다. 새 파일 이름을 지정하십시오",
                     "{path} already exists; choose a new file name"),
})


def clean_stale(path: Path) -> None:
    """Remove temporary builds of ``path`` that a killed run left (older than an hour)."""
    for old in path.parent.glob(f".{path.name}.*.part*"):
        with suppress(OSError):
            if time.time() - old.stat().st_mtime > STALE_S:
                old.unlink()


@contextmanager
def new_database(path: Path | str, *, seed: bool) -> Iterator[Store]:
    """A store for a new database that becomes ``path`` when the block succeeds.

    ``path`` must not exist (:class:`StoreError` ``store.exists``); on any
    exception nothing is left behind. The store is closed when the block ends.
    """
    path = Path(path)
    if path.exists():
        raise StoreError("store.exists", path=str(path))
    clean_stale(path)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    tmp.unlink()  # open_store creates the new file at this name
    try:
        store = open_store(tmp, seed=seed, keep_backups=0, building=True)
        try:
            yield store
            finish_building(store.con)
        finally:
            store.close()
        _sync(tmp)
        _claim(tmp, path)
    finally:
        for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm"), anchor_path(tmp),
                         Path(f"{tmp}-journal")):
            leftover.unlink(missing_ok=True)


def _sync(file: Path) -> None:
    fd = os.open(file, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _claim(tmp: Path, path: Path) -> None:
    """Put ``tmp`` (then its audit anchor) at ``path``, never over a file that appeared."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise StoreError("store.exists", path=str(path)) from None
    except OSError:
        os.replace(tmp, path)  # file systems without hard links
    if anchor_path(tmp).exists():
        os.replace(anchor_path(tmp), anchor_path(path))
    with suppress(OSError):  # the new name itself survives a crash
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
