"""A new database is built at a temporary name and appears whole, or not at all."""

from __future__ import annotations

import os
import sqlite3
import time
from datetime import date
from pathlib import Path

import pytest

from smartcity_desktop.domain import model as m
from smartcity_desktop.interop.apply import apply_to_new_database
from smartcity_desktop.interop.csv_io import parse_csv_bytes
from smartcity_desktop.interop.errors import InteropError
from smartcity_desktop.store import StoreError, open_store
from smartcity_desktop.store.audit import anchor_path, verify
from smartcity_desktop.store.newfile import STALE_S, clean_stale, new_database


def test_a_complete_build_appears_at_the_target_in_write_ahead_mode(tmp_path: Path) -> None:
    target = tmp_path / "plan.db"
    with new_database(target, seed=False) as store:
        assert store.path != target and store.path.parent == tmp_path
        assert not target.exists()  # nobody sees it while it is built
        store.insert(m.Project(name_ko="시범", name_en="pilot", start=date(2019, 1, 2)))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.db", "plan.db.audit-head"]
    con = sqlite3.connect(target)
    try:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        con.close()
    with open_store(target, readonly=True) as store:
        assert store.project().name_ko == "시범"
        assert verify(store).broken_at is None  # the anchor moved with the file


def test_a_failed_build_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "plan.db"
    with pytest.raises(RuntimeError), new_database(target, seed=True) as store:
        assert store.count_table("tasks") > 100
        raise RuntimeError("cancelled")
    assert list(tmp_path.iterdir()) == []


def test_a_file_made_at_the_target_meanwhile_is_not_replaced(tmp_path: Path) -> None:
    target = tmp_path / "plan.db"
    with pytest.raises(StoreError) as caught, new_database(target, seed=False):
        target.write_bytes(b"someone else's")
    assert caught.value.message.id == "store.exists"
    assert target.read_bytes() == b"someone else's"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.db"]


def test_builds_a_killed_run_left_are_removed_after_an_hour(tmp_path: Path) -> None:
    target = tmp_path / "plan.db"
    old, recent = tmp_path / ".plan.db.abc.part", tmp_path / ".plan.db.def.part"
    for leftover in (old, recent, tmp_path / ".plan.db.abc.part-journal"):
        leftover.write_bytes(b"x")
    hour_ago = time.time() - STALE_S - 60
    os.utime(old, (hour_ago, hour_ago))
    os.utime(tmp_path / ".plan.db.abc.part-journal", (hour_ago, hour_ago))
    clean_stale(target)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".plan.db.def.part"]


def test_an_import_into_a_new_file_that_fails_leaves_no_file(tmp_path: Path,
                                                             monkeypatch) -> None:
    from smartcity_desktop.interop import apply

    preview = parse_csv_bytes("WBS,과업명,기간(일),시작일\n1,가,2,2019-03-04\n".encode(),
                              "plan.csv")

    def fail(*_args: object) -> None:
        raise InteropError("interop.not_saved", reason="disk full")

    monkeypatch.setattr(apply, "_land", fail)
    with pytest.raises(InteropError):
        apply_to_new_database(preview, tmp_path / "new.db")
    assert list(tmp_path.iterdir()) == []
    monkeypatch.undo()
    result = apply_to_new_database(preview, tmp_path / "new.db")
    assert result.tasks_added == 1
    assert anchor_path(tmp_path / "new.db").exists()
