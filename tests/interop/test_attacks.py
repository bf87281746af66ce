"""Attack suite: each hostile file that once bricked, hung or flooded the application.

For every importer's generator (``attacks.py``): the command line ends in one
line and exit status 2 (or lands something every view can show), within 10
seconds, with no traceback, and after a refusal the database folder is
byte-identical (no backup, no ``-wal``/``-shm``, no anchor change).
"""

from __future__ import annotations

import hashlib
import shutil
import time
from pathlib import Path

import pytest

from smartcity_desktop.cli import main

from . import attacks as A

LIMIT_S = 10.0


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("attack-db") / "plan.db"
    assert main(["init-db", str(path)]) == 0
    return path


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("attack-files")


def _folder_state(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
            for p in sorted(folder.iterdir())}


def _db(template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    db = folder / "plan.db"
    shutil.copyfile(template, db)
    shutil.copyfile(f"{template}.audit-head", f"{db}.audit-head")
    return db


ATTACKS = {
    # name: (generator, expected words of the refusal)
    "chain of 100,000-day tasks": (lambda f: A.csv_chain(f), "too long"),
    "chain past 2200": (lambda f: A.csv_chain(f, days=9_999), "past 2200"),
    "dates 1850 and 2999": (A.csv_bad_dates, "out of range (1900-2200)"),
    "100k CSV rows, duplicate last": (lambda f: A.csv_rows(f), "line 100001"),
    "99,999 ICS events, duplicate last": (lambda f: A.ics_events(f), "used by two events"),
    "30,000 MSPDI assignments": (lambda f: A.mspdi_assignments(f), "at most 1000"),
    "deeply nested XML": (lambda f: A.xml_deep(f, 2_000_000), "denser than"),
    "wide tiny-tag XML": (lambda f: A.xml_wide(f, 30), "denser than"),
    "nested XML of normal density": (
        lambda f: _write(f, "nest.xml", b'<?xml version="1.0"?><Project>'
                         + b"<abcdefghijklmnopqrstuvwxyz>" * 200
                         + b"</abcdefghijklmnopqrstuvwxyz>" * 200 + b"</Project>"),
        "nested more than 64"),
    "XLSX of 3 million rows": (lambda f: A.xlsx_bomb(f, 3_000_000), "unpacks to"),
    "XLSX of 200,000 small rows": (lambda f: A.xlsx_bomb(f, 200_000, "rows.xlsx"),
                                   "more than 100,000 rows"),
    "JSON backup with Infinity": (lambda f: A.json_backup(f, "Infinity"), "Infinity"),
    "JSON backup with 10^30": (lambda f: A.json_backup(f, "1" + "0" * 30), "too large"),
    "JSON backup with a huge duration": (lambda f: A.json_backup(f, "99999999"), "too long"),
    "JSON backup with a bad date": (lambda f: A.json_backup(f, '"9999-99-99"', "start"),
                                    "id 6"),
}


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


@pytest.mark.slow
@pytest.mark.parametrize("name", list(ATTACKS))
def test_attack_refused_quickly_and_untouched(name, template, files, tmp_path, capsys) -> None:
    make, expected = ATTACKS[name]
    attack = make(files)
    db = _db(template, tmp_path)
    before = _folder_state(db.parent)
    into = ["--into", str(tmp_path / "new.db")] if attack.suffix == ".json" else []
    started = time.perf_counter()
    code = main(["import", str(attack), "--db", str(db), "--lang", "en", *into])
    elapsed = time.perf_counter() - started
    err = capsys.readouterr().err.strip()
    assert code == 2, err
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert expected in err
    assert elapsed < LIMIT_S, f"{name}: {elapsed:.1f} s"
    assert _folder_state(db.parent) == before
    assert not (tmp_path / "new.db").exists()


def test_hostile_names_land_cleaned(template, files, tmp_path, capsys) -> None:
    """Control characters and line breaks are removed; formula-like names stay text."""
    from smartcity_desktop.store import open_store

    db = _db(template, tmp_path)
    assert main(["import", str(A.csv_control_and_formula(files)), "--db", str(db)]) == 0
    with open_store(db, readonly=True) as store:
        names = {t.name_ko for t in store.tasks()}
    assert "보통과업" in names and "줄 바꿈" in names and "=1+2" in names
    assert not any(ord(c) < 32 for n in names for c in n)


def test_long_names_are_cut_on_import(template, files, tmp_path) -> None:
    from smartcity_desktop.domain.model import MAX_NAME_CHARS
    from smartcity_desktop.store import open_store

    db = _db(template, tmp_path)
    assert main(["import", str(A.csv_long_names(files)), "--db", str(db)]) == 0
    with open_store(db, readonly=True) as store:
        assert max(len(t.name_ko) for t in store.tasks()) <= MAX_NAME_CHARS


def test_database_holding_out_of_range_values_is_named_not_a_traceback(template, tmp_path,
                                                                        capsys) -> None:
    import sqlite3

    db = _db(template, tmp_path)
    con = sqlite3.connect(db)
    con.execute("UPDATE tasks SET duration_days = 9000 WHERE kind = 'task'")
    con.commit()
    con.close()
    for argv in (["status"], ["report", "--out", str(tmp_path / "r.pdf")]):
        assert main([*argv, "--db", str(db), "--lang", "en"]) == 2
        err = capsys.readouterr().err.strip()
        assert "runs past 2200" in err and "task " in err and "Traceback" not in err
        assert len(err.splitlines()) == 1


def test_database_holding_an_unreadable_date_names_the_row(template, tmp_path, capsys) -> None:
    import sqlite3

    db = _db(template, tmp_path)
    con = sqlite3.connect(db)
    con.execute("UPDATE tasks SET start = '9999-99-99' WHERE id = 12")
    con.commit()
    con.close()
    for argv in (["status"], ["export", "--out", str(tmp_path / "x.csv")]):
        assert main([*argv, "--db", str(db), "--lang", "en"]) == 2
        err = capsys.readouterr().err.strip()
        assert "tasks #12" in err and "cannot be shown" in err and "Traceback" not in err
        assert len(err.splitlines()) == 1
