"""Opening files safely: migrations, refusals that leave files untouched, backups."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from smartcity_desktop.domain import model as m
from smartcity_desktop.store import (
    CorruptDatabaseError,
    NewerSchemaError,
    NotADatabaseError,
    StoreError,
    open_store,
)
from smartcity_desktop.store.database import (
    connect,
    latest_schema_version,
    list_backups,
    migrate,
)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_empty(path: Path):
    store = open_store(path, seed=False)
    store.insert(m.Project(name_ko="시험", name_en="test", start=date(2019, 1, 1)))
    return store


def test_new_file_gets_latest_schema(tmp_path: Path) -> None:
    with make_empty(tmp_path / "a.db") as store:
        assert store.schema_version == latest_schema_version() >= 1
        assert store.con.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.mark.parametrize("start_version", range(0, latest_schema_version()))
def test_migrates_from_every_earlier_version(tmp_path: Path, start_version: int) -> None:
    path = tmp_path / "old.db"
    con = connect(path)
    migrate(con, 0, target=start_version)
    if start_version == 0:
        con.execute("PRAGMA user_version = 0")
    con.close()
    if start_version == 0:
        path.unlink()  # an empty, version-0 file is simply a new database
    with open_store(path, seed=False) as store:
        assert store.schema_version == latest_schema_version()
        assert "tasks" in store.db.table_names()
    if start_version > 0:
        assert list_backups(path), "a backup is written before migrating"


def test_refuses_newer_schema_untouched(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    make_empty(path).close()
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version = {latest_schema_version() + 1}")
    con.execute("PRAGMA journal_mode = DELETE")
    con.close()
    before = digest(path)
    with pytest.raises(NewerSchemaError, match="newer version"):
        open_store(path)
    assert digest(path) == before


def test_refuses_non_database_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("이것은 데이터베이스가 아닙니다" * 100, encoding="utf-8")
    before = digest(path)
    with pytest.raises(NotADatabaseError):
        open_store(path)
    assert digest(path) == before
    assert not list_backups(path)


def test_refuses_foreign_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    before = digest(path)
    with pytest.raises(NotADatabaseError, match="not a smartcity-desktop database"):
        open_store(path)
    assert digest(path) == before


def test_refuses_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    with pytest.raises(StoreError, match="empty"):
        open_store(path)
    assert path.read_bytes() == b""


def test_corrupt_file_names_newest_good_backup(tmp_path: Path) -> None:
    path = tmp_path / "plan.db"
    store = make_empty(path)
    for i in range(300):
        store.insert(m.Note(topic="t", title_ko=f"메모 {i}", body_ko="본문 " * 50))
    store.close()
    with open_store(path) as s:  # the session's first write is preceded by a good backup
        s.set_setting("touched", "1")
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode = DELETE")
    con.close()
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page * 2, min(len(data), page * 6)):
        data[offset] = (data[offset] * 7 + 13) % 256  # scramble pages, keep the header
    path.write_bytes(bytes(data))
    before = digest(path)
    with pytest.raises(CorruptDatabaseError) as info:
        open_store(path)
    assert info.value.newest_good_backup is not None
    assert str(info.value.newest_good_backup) in str(info.value)
    assert digest(path) == before


def test_backups_rotate(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    make_empty(path).close()
    for i in range(5):
        with open_store(path, keep_backups=3) as s:
            s.set_setting("n", str(i))
    backups = list_backups(path)
    assert len(backups) == 3  # all made today: the last 3 plus today's newest (one of them)
    for b in backups:
        con = sqlite3.connect(b)
        assert con.execute("SELECT count(*) FROM projects").fetchone()[0] == 1
        con.close()


def test_missing_file_without_create(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        open_store(tmp_path / "nope.db", create=False)
    assert not (tmp_path / "nope.db").exists()
