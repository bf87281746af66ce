"""Hostile paths and read-only use on the command line.

Every path problem (a FIFO, a character device, a folder, /dev, /proc, /sys, a
name too long for the file system, an empty name) ends in one line on stderr
and exit status 2, with nothing written. Read-only commands leave the folder
exactly as it was: no backup, no ``-wal``/``-shm``, no anchor rewrite.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import pytest

from smartcity_desktop.cli import main


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("paths") / "plan.db"
    assert main(["init-db", str(path)]) == 0
    return path


def _snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with its SHA-256 (folders as markers)."""
    out = {}
    for p in sorted(folder.rglob("*")):
        out[str(p.relative_to(folder))] = (
            hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir")
    return out


def _one_line_exit_2(capsys, argv: list[str]) -> str:
    assert main(argv) == 2
    captured = capsys.readouterr()
    err = captured.err.strip()
    assert len(err.splitlines()) == 1, err
    assert "Traceback" not in err
    return err


@pytest.fixture
def specials(tmp_path: Path) -> dict[str, Path]:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    found = {"fifo": fifo, "folder": folder}
    device = tmp_path / "null.csv"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # like /dev/null
        found["device"] = device
    except (PermissionError, OSError):
        pass  # not root: the /dev cases below still cover devices
    return found


@pytest.mark.parametrize("kind", ["fifo", "folder", "device"])
def test_export_to_special_files_refused(seeded, specials, capsys, kind) -> None:
    if kind not in specials:
        pytest.skip("creating a device node needs root")
    target = specials[kind]
    err = _one_line_exit_2(capsys, ["export", "--format", "csv", "--out", str(target),
                                    "--db", str(seeded), "--lang", "en"])
    assert ("not a regular file" in err) or ("is a folder" in err)
    mode = os.stat(target).st_mode
    assert not stat.S_ISREG(mode), "the special file was replaced by a regular one"


@pytest.mark.parametrize("out", ["/dev/null", "/dev/full", "/dev/stdout", "/proc/x.csv",
                                 "/sys/x.csv"])
def test_export_to_system_paths_refused(seeded, capsys, out) -> None:
    before = os.stat("/dev/null").st_mode
    err = _one_line_exit_2(capsys, ["export", "--format", "csv", "--out", out,
                                    "--db", str(seeded), "--lang", "en"])
    assert "device or system file" in err
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode) and os.stat("/dev/null").st_mode == before


def test_reading_a_fifo_or_folder_is_refused_not_blocking(seeded, specials, capsys) -> None:
    err = _one_line_exit_2(capsys, ["import", str(specials["fifo"]), "--db", str(seeded),
                                    "--lang", "en"])
    assert "not a regular file" in err
    err = _one_line_exit_2(capsys, ["import", str(specials["folder"]), "--db", str(seeded),
                                    "--lang", "en"])
    assert "is a folder" in err  # not "no such file"


@pytest.mark.parametrize("command", ["status", "verify-audit", "export", "import", "init-db",
                                     "report", "backups"])
def test_too_long_names_one_line(seeded, tmp_path, capsys, command) -> None:
    long = str(tmp_path / ("가" * 2000 + ".csv"))
    argv = {
        "status": ["status", "--db", long],
        "verify-audit": ["verify-audit", "--db", long],
        "export": ["export", "--out", long, "--db", str(seeded)],
        "import": ["import", long, "--db", str(seeded)],
        "init-db": ["init-db", long],
        "report": ["report", "--out", long[:-4] + ".pdf", "--db", str(seeded)],
        "backups": ["backups", "--db", long],
    }[command]
    err = _one_line_exit_2(capsys, [*argv, "--lang", "en"])
    assert "too long" in err
    assert len(err) < 300  # the path is shortened in the message


@pytest.mark.parametrize("argv, expected", [
    (["init-db", ""], "no file name given"),
    (["init-db", "/proc/x.db"], "device or system file"),
    (["import", "{csv}", "--into", "/proc/x.db"], "device or system file"),
    (["export", "--out", "{tmp}"], "is a folder"),
    (["export", "--out", "{tmp}/nowhere/x.csv"], "no such folder"),
    (["export", "--format", "csv", "--out", "{tmp}/x.xlsx"], "does not match --format csv"),
    (["report", "--out", ""], "no file name given"),
    (["status", "--as-of", ""], "YYYY-MM-DD"),
    (["status", "--as-of", "20190101"], "YYYY-MM-DD"),
    (["status", "--as-of", "2019-02-30"], "not a real day"),
    (["status", "--as-of", "1850-01-01"], "outside the programme's era"),
    (["report", "--as-of", "2999-12-31"], "outside the programme's era"),
])
def test_bad_paths_and_dates_one_line(seeded, tmp_path, capsys, argv, expected) -> None:
    csv = tmp_path / "in.csv"
    csv.write_text("WBS,과업명\n1,하나\n", encoding="utf-8")
    argv = [a.replace("{tmp}", str(tmp_path)).replace("{csv}", str(csv)) for a in argv]
    before = _snapshot(tmp_path)
    db = [] if argv[0] == "init-db" else ["--db", str(seeded)]
    err = _one_line_exit_2(capsys, [*argv, *db, "--lang", "en"])
    assert expected in err
    assert _snapshot(tmp_path) == before


def test_korean_is_the_default_and_lang_works_after_the_command(seeded, capsys) -> None:
    err = _one_line_exit_2(capsys, ["status", "--db", str(seeded), "--as-of", "x"])
    assert "오류" in err and "형식" in err
    err = _one_line_exit_2(capsys, ["status", "--db", str(seeded), "--as-of", "x",
                                    "--lang", "en"])
    assert "error" in err and "form YYYY-MM-DD" in err


@pytest.mark.parametrize("command", ["status", "init-db", "verify-audit", "backups", "restore",
                                     "report", "export", "import"])
def test_help_in_korean_and_english(capsys, command) -> None:
    with pytest.raises(SystemExit):
        main([command, "--help"])
    ko = capsys.readouterr().out
    assert "사용법:" in ko and "옵션:" in ko and "--lang" in ko
    with pytest.raises(SystemExit):
        main([command, "--help", "--lang", "en"])
    en = capsys.readouterr().out
    assert "usage:" in en and "사용법" not in en


def _copy(seeded: Path, folder: Path) -> Path:
    folder.mkdir()
    db = folder / "plan.db"
    db.write_bytes(seeded.read_bytes())
    anchor = Path(f"{seeded}.audit-head")
    Path(f"{db}.audit-head").write_bytes(anchor.read_bytes())
    return db


@pytest.mark.parametrize("argv", [
    ["status", "--as-of", "2019-03-01"],
    ["verify-audit"],
    ["export", "--out", "{out}/plan.xml"],
    ["export", "--out", "{out}/plan.json"],
    ["import", "{csv}", "--dry-run"],
    ["backups"],
    ["report", "--kind", "milestones", "--out", "{out}/m.pdf"],
])
def test_read_only_commands_leave_no_new_file(seeded, tmp_path, capsys, argv) -> None:
    db = _copy(seeded, tmp_path / "data")
    out = tmp_path / "out"
    out.mkdir()
    csv = out / "in.csv"
    csv.write_text("WBS,과업명\n1,하나\n", encoding="utf-8")
    argv = [a.replace("{out}", str(out)).replace("{csv}", str(csv)) for a in argv]
    before = _snapshot(db.parent)
    assert main([*argv, "--db", str(db)]) == 0, capsys.readouterr().err
    assert _snapshot(db.parent) == before  # no backup, no -wal/-shm, the file untouched


def test_backups_only_before_the_first_write_and_restore(seeded, tmp_path, capsys) -> None:
    db = _copy(seeded, tmp_path / "data")
    csv = tmp_path / "in.csv"
    csv.write_text("WBS,과업명\n1,가져온 과업\n", encoding="utf-8")
    for _ in range(5):  # reading never backs up
        assert main(["status", "--db", str(db)]) == 0
    assert not (tmp_path / "data" / "plan-backups").exists()
    assert main(["import", str(csv), "--db", str(db)]) == 0
    assert main(["import", str(csv), "--db", str(db), "--new-project"]) == 0
    backups = sorted((tmp_path / "data" / "plan-backups").glob("plan-*.db"))
    assert len(backups) == 2  # one per writing session, none for the reads
    capsys.readouterr()
    assert main(["backups", "--db", str(db), "--lang", "en"]) == 0
    listing = capsys.readouterr().out
    assert "2 backups" in listing and "147 tasks" in listing and "149 tasks" in listing
    assert main(["restore", backups[0].name, "--db", str(db), "--lang", "en"]) == 0
    assert "restored from" in capsys.readouterr().out
    assert main(["status", "--db", str(db), "--lang", "en", "--as-of", "2019-03-01"]) == 0
    assert main(["verify-audit", "--db", str(db), "--lang", "en"]) == 0
    assert "intact" in capsys.readouterr().out
    import sqlite3
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    assert con.execute("SELECT count(*) FROM tasks").fetchone()[0] == 147
    con.close()
    err = _one_line_exit_2(capsys, ["restore", str(csv), "--db", str(db), "--lang", "en"])
    assert "not a backup" in err
