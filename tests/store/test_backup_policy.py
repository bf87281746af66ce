"""The backup policy: which backups are kept, identical ones skipped, leftovers cleaned."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from smartcity_desktop.store import open_store
from smartcity_desktop.store.backups import backup_dir_for, kept, list_backups


def test_policy_keeps_recent_daily_and_monthly() -> None:
    now = datetime(2020, 6, 30, 12)
    # one backup every 6 hours for 120 days, newest first
    backups = [(Path(f"b{i}"), now - timedelta(hours=6 * i)) for i in range(480)]
    keep = kept(backups, 10, now)
    recent = {p for p, _ in backups[:10]}
    assert recent <= keep
    days = {t.date() for p, t in backups if p in keep and (now - t).days < 14}
    assert len(days) >= 14  # one a day for the last 14 days
    months = {t.strftime("%Y%m") for p, t in backups if p in keep}
    assert months == {t.strftime("%Y%m") for _, t in backups}  # one a month, all months
    assert len(keep) < 10 + 14 + 5


def test_identical_backup_skipped_and_leftovers_cleaned(tmp_path: Path) -> None:
    path = tmp_path / "plan.db"
    open_store(path, keep_backups=0).close()
    with open_store(path) as store:
        store.set_setting("a", "1")
    first = list_backups(path)
    assert len(first) == 1
    folder = backup_dir_for(path)
    (folder / ".plan-20200101-000000-000000.db.part").write_bytes(b"half")
    (folder / ".plan-20200101-000000-000000.db.part-journal").write_bytes(b"j")
    with open_store(path) as store:  # the state differs from the backup: a new one
        store.set_setting("a", "2")
    assert len(list_backups(path)) == 2
    assert not list(folder.glob(".*.part*")), "leftovers of a killed backup remain"
    for _ in range(2):  # the file no longer changes: its backup is taken once, then skipped
        with open_store(path) as store:
            store.set_setting("a", "2")
    assert len(list_backups(path)) == 3


def test_refused_files_get_no_sidecar_files(tmp_path: Path) -> None:
    """A newer-schema or damaged WAL-mode file is refused with no -wal/-shm beside it."""
    import sqlite3

    import pytest

    from smartcity_desktop.store import StoreError

    newer = tmp_path / "newer.db"
    con = sqlite3.connect(newer)
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("CREATE TABLE t (x)")
    con.execute("PRAGMA user_version = 99")
    con.commit()
    con.close()
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(newer.read_bytes()[:100] + b"\x00" * 8000)
    for path in (newer, damaged):
        before = path.read_bytes()
        with pytest.raises(StoreError):
            open_store(path)
        assert path.read_bytes() == before
        assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(path.stem)) == [
            path.name]
