"""The command line: Korean/English output, one-line errors with exit status 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from smartcity_desktop.cli import main

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "plan.db"
    assert main(["init-db", str(path)]) == 0
    return path


def test_status_korean_grouped_by_ministry(seeded: Path, capsys) -> None:
    assert main(["--db", str(seeded), "status", "--as-of", "2019-03-01"]) == 0
    out = capsys.readouterr().out
    assert "■ 국토교통부 (MOLIT)" in out
    assert "스마트시티 융합 얼라이언스 발족식" in out
    launch = next(line for line in out.splitlines() if "발족식" in line)
    assert "[기한 경과]" in launch  # not recorded as held by 2019-03-01 in the seed
    assert "합계:" in out


def test_status_before_launch_is_due(seeded: Path, capsys) -> None:
    args = ["--db", str(seeded), "status", "--as-of", "2019-01-05", "--ministry", "MOLIT"]
    assert main(args) == 0
    out = capsys.readouterr().out
    launch = next(line for line in out.splitlines() if "발족식" in line)
    assert "[30일 내 도래]" in launch
    assert "기획재정부" not in out


def test_status_english_and_korean_ministry_name(seeded: Path, capsys) -> None:
    assert main(["--db", str(seeded), "status", "--lang", "en", "--ministry", "기획재정부",
                 "--as-of", "2019-03-01"]) == 0
    out = capsys.readouterr().out
    assert "Ministry of Economy and Finance (MOEF)" in out
    assert "[done]" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["status", "--as-of", "2019-02-30"], "--as-of"),
        (["status", "--ministry", "NOPE"], "알 수 없는 기관 'NOPE'"),
    ],
)
def test_bad_arguments_one_line_exit_2(seeded: Path, capsys, args, message) -> None:
    assert main(["--db", str(seeded), *args]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_missing_database_file(tmp_path: Path, capsys) -> None:
    assert main(["--db", str(tmp_path / "none.db"), "status", "--lang", "en"]) == 2
    assert "no such database file" in capsys.readouterr().err
    assert not (tmp_path / "none.db").exists()


def test_not_a_database_is_refused(tmp_path: Path, capsys) -> None:
    bogus = tmp_path / "memo.db"
    bogus.write_text("hello")
    assert main(["--db", str(bogus), "status"]) == 2
    assert "not a smartcity-desktop database" in capsys.readouterr().err
    assert bogus.read_text() == "hello"


def test_init_db_refuses_existing_file(seeded: Path, capsys) -> None:
    assert main(["init-db", str(seeded), "--lang", "en"]) == 2
    assert "already exists" in capsys.readouterr().err


def test_verify_audit_detects_tampering(tmp_path: Path, capsys) -> None:
    import sqlite3

    path = tmp_path / "a.db"
    assert main(["init-db", str(path)]) == 0
    assert main(["--db", str(path), "verify-audit", "--lang", "en"]) == 0
    assert "hash chain intact" in capsys.readouterr().out
    con = sqlite3.connect(path)
    con.execute("UPDATE audit_log SET user = 'mallory' WHERE id = 10")
    con.commit()
    con.close()
    assert main(["--db", str(path), "verify-audit", "--lang", "en"]) == 1
    assert "broken at entry #10" in capsys.readouterr().out


def test_help_everywhere() -> None:
    for args in ([], ["status"], ["init-db"], ["verify-audit"]):
        proc = subprocess.run([sys.executable, "main.py", *args, "--help"], cwd=ROOT,
                              capture_output=True, text=True)
        assert proc.returncode == 0 and "사용법:" in proc.stdout  # Korean by default
        proc = subprocess.run([sys.executable, "main.py", *args, "--help", "--lang", "en"],
                              cwd=ROOT, capture_output=True, text=True)
        assert proc.returncode == 0 and "usage:" in proc.stdout


def test_bad_argument_from_a_real_process(seeded: Path) -> None:
    proc = subprocess.run([sys.executable, "main.py", "--db", str(seeded), "status", "--as-of",
                           "tomorrow"], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
