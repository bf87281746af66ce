"""The audit log's anchor and replay: cut-off ends and direct edits are named."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

from smartcity_desktop.cli import main
from smartcity_desktop.store import open_store
from smartcity_desktop.store.audit import anchor_path, verify


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "plan.db"
    with open_store(path, keep_backups=0) as store:
        task = store.tasks()[3]
        store.update(dataclasses.replace(task, name_ko=task.name_ko + " (수정)"))
    return path


def _check(path: Path):
    with open_store(path, readonly=True) as store:
        return verify(store)


def test_untouched_log_verifies(db: Path) -> None:
    result = _check(db)
    assert result.ok and not result.rows and result.entries > 400
    assert anchor_path(db).exists()


@pytest.mark.parametrize("cut", [1, 10, 100, "all"])
def test_deleting_the_last_entries_is_detected(db: Path, cut) -> None:
    con = sqlite3.connect(db)
    if cut == "all":
        con.execute("DELETE FROM audit_log")
    else:
        con.execute("DELETE FROM audit_log WHERE id > (SELECT max(id) FROM audit_log) - ?",
                    (cut,))
    con.commit()
    con.close()
    result = _check(db)
    assert not result.ok
    assert result.broken_at is not None or result.rows


def test_truncation_message_names_the_anchor(db: Path) -> None:
    con = sqlite3.connect(db)
    last = con.execute("SELECT max(id) FROM audit_log").fetchone()[0]
    con.execute("DELETE FROM audit_log WHERE id > ?", (last - 5,))
    con.commit()
    con.close()
    result = _check(db)
    assert result.broken_at == last - 4
    assert f"#{last}" in result.reason.text("en") and "deleted" in result.reason.text("en")


@pytest.mark.parametrize("sql, expected", [
    ("UPDATE tasks SET name_ko = '바뀜' WHERE id = 5", "tasks #5: changed outside"),
    ("UPDATE tasks SET percent_complete = 37 WHERE id = 7", "(percent_complete)"),
    ("DELETE FROM dependencies WHERE id = 2", "dependencies #2: deleted outside"),
    ("INSERT INTO notes (topic, title_ko, body_ko) VALUES ('t', '몰래', '')",
     "added outside"),
])
def test_direct_edits_are_named(db: Path, sql: str, expected: str) -> None:
    con = sqlite3.connect(db)
    con.execute(sql)
    con.commit()
    con.close()
    result = _check(db)
    assert not result.ok
    assert any(expected in r.text("en") for r in result.rows), [r.text("en") for r in result.rows]


def test_verify_audit_cli_exit_1_and_korean(db: Path, capsys) -> None:
    assert main(["verify-audit", "--db", str(db)]) == 0
    assert "일치합니다" in capsys.readouterr().out
    con = sqlite3.connect(db)
    con.execute("UPDATE tasks SET name_ko = '바뀜' WHERE id = 5")
    con.commit()
    con.close()
    assert main(["verify-audit", "--db", str(db)]) == 1
    out = capsys.readouterr().out
    assert "tasks #5: 앱 밖에서 바뀌었습니다 (name_ko)" in out


def test_a_backup_holds_the_head_too(tmp_path: Path) -> None:
    """With the anchor file deleted as well, a backup still shows the log was cut."""
    path = tmp_path / "plan.db"
    open_store(path, keep_backups=0).close()
    for i in range(2):
        with open_store(path) as store:  # each session backs up before its first write
            store.set_setting("n", str(i))
    con = sqlite3.connect(path)
    last = con.execute("SELECT max(id) FROM audit_log").fetchone()[0]
    con.execute("DELETE FROM audit_log WHERE id >= ?", (last - 1,))
    con.commit()
    con.close()
    anchor_path(path).unlink()
    result = _check(path)
    assert result.broken_at is not None
    assert "backup" in result.reason.text("en")
