"""``--version`` facts and the desk profile: Qt-free, on temporary databases."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from smartcity_desktop import __version__, about
from smartcity_desktop.app import desk as dp
from smartcity_desktop.cli import main
from smartcity_desktop.domain.model import ValidationError
from smartcity_desktop.store import open_store
from smartcity_desktop.store.database import latest_schema_version


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "desk.db", keep_backups=0)
    yield s
    s.close()


def test_version_names_schema_data_location_and_licences_without_creating_the_file(
        tmp_path, capsys):
    db = tmp_path / "new.db"
    assert main(["--db", str(db), "--version", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"smartcity-desktop {__version__}\n")
    assert f"newest this version knows: {latest_schema_version()}" in out
    assert f"data location: {db} (created on first start)" in out
    assert "Nanum Gothic font: OFL-1.1" in out
    pyside = next(line for line in out.splitlines() if line.strip().startswith("PySide6"))
    assert "LGPL" in pyside and "dynamically linked" in pyside
    for needed in ("reportlab", "openpyxl", "matplotlib", "numpy", "sqlite-utils"):
        assert any(line.strip().lower().startswith(needed) for line in out.splitlines()), needed
    assert not db.exists()


def test_version_in_korean_reads_the_schema_of_an_existing_file_read_only(tmp_path, capsys):
    db = tmp_path / "plan.db"
    open_store(db, keep_backups=0).close()
    before = db.read_bytes()
    assert main(["--db", str(db), "--version"]) == 0
    out = capsys.readouterr().out
    assert f"데이터베이스 스키마: {latest_schema_version()} (이 버전이 아는 최신:" in out
    assert f"데이터 위치: {db}\n" in out
    assert "구성 요소와 라이선스:" in out
    assert db.read_bytes() == before


def test_version_on_a_refused_file_says_why_and_still_exits_0(tmp_path, capsys):
    bad = tmp_path / "notes.db"
    bad.write_text("not a database", encoding="utf-8")
    assert main(["--db", str(bad), "--version", "--lang", "en"]) == 0
    assert "database schema: cannot be read (" in capsys.readouterr().out
    assert bad.read_text(encoding="utf-8") == "not a database"


def test_licences_come_from_installed_metadata():
    names = {c.name.lower().replace("_", "-"): c for c in about.components("en")}
    assert names["smartcity-desktop"].licence == "MIT"
    from importlib import metadata

    assert names["pyside6-essentials"].version == metadata.version("PySide6-Essentials")
    assert names["reportlab"].licence  # classifier or field, never empty
    assert "pytest" not in names  # test extras are not what runs


def test_newer_schema_file_is_reported_not_opened(tmp_path):
    db = tmp_path / "future.db"
    open_store(db, keep_backups=0).close()
    con = sqlite3.connect(db)
    con.execute(f"PRAGMA user_version = {latest_schema_version() + 5}")
    con.close()
    facts = about.gather(db, "en")
    assert facts.schema_db is None and "newer version" in facts.schema_problem


def test_profile_round_trip_cleans_and_stores_the_four_keys(store):
    assert dp.read_profile(store) == dp.DeskProfile()
    assert not dp.read_profile(store).is_complete
    saved = dp.write_profile(store, dp.DeskProfile(" molit ", " 김담당 ", "사무관", "Coordinator"))
    assert saved == dp.DeskProfile("MOLIT", "김담당", "사무관", "coordinator")
    assert dp.read_profile(store) == saved and saved.is_complete
    assert store.setting(dp.KEY_MINISTRY) == "MOLIT"
    assert store.setting("desk.officer_name") == "김담당"
    assert store.setting("desk.officer_position") == "사무관"
    assert store.setting("desk.role") == "coordinator"


@pytest.mark.parametrize("profile, expected", [
    (dp.DeskProfile("NOPE", "김담당"), "unknown organisation code 'NOPE'"),
    (dp.DeskProfile("ALLIANCE", "김담당"), "unknown organisation code"),
    (dp.DeskProfile("MOLIT", "  "), "officer name is required"),
    (dp.DeskProfile("MOLIT", "김\n담당"), "must be one line"),
    (dp.DeskProfile("MOLIT", "김담당", "x" * 81), "at most 80 characters"),
    (dp.DeskProfile("MOLIT", "김담당", "", "boss"), "coordinator or member"),
])
def test_a_refused_profile_writes_nothing(store, profile, expected):
    dp.write_profile(store, dp.DeskProfile("MOIS", "이전담당"))
    audit_before = store.count_table("audit_log")
    with pytest.raises(ValidationError) as info:
        dp.write_profile(store, profile)
    assert expected in info.value.text("en")
    assert "\n" not in info.value.text("ko")
    assert dp.read_profile(store) == dp.DeskProfile("MOIS", "이전담당")
    assert store.count_table("audit_log") == audit_before


def test_profile_edits_are_audited(store):
    before = store.count_table("audit_log")
    dp.write_profile(store, dp.DeskProfile("ME", "박담당"))
    assert store.count_table("audit_log") == before + 4
    dp.write_profile(store, dp.DeskProfile("ME", "박담당"))  # unchanged: nothing new
    assert store.count_table("audit_log") == before + 4


def test_python_dash_m_runs_the_cli(tmp_path):
    import os
    import subprocess
    import sys

    root = Path(about.__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(root)}
    proc = subprocess.run([sys.executable, "-m", "smartcity_desktop", "--version", "--lang", "en",
                           "--db", str(tmp_path / "x.db")], capture_output=True, text=True,
                          env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(f"smartcity-desktop {__version__}")


def test_cli_says_once_where_the_default_database_was_created(capsys):
    import os

    default = Path(os.environ["SMARTCITY_DB"])  # a temporary file (tests/conftest.py)
    assert not default.exists()
    assert main(["status", "--as-of", "2019-03-01"]) == 0
    assert capsys.readouterr().err == f"새 데이터베이스를 만들었습니다: {default}\n"
    assert main(["status", "--as-of", "2019-03-01"]) == 0
    assert capsys.readouterr().err == ""
