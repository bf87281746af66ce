"""Escaping per export: no formula runs, no control character breaks a file or a PDF.

The task names are written straight into the table (as an older database or
another tool could hold them), bypassing the importers' cleaning.
"""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook

from smartcity_desktop.interop.csv_io import parse_csv
from smartcity_desktop.interop.escaping import guard_cell, unguard_cell
from smartcity_desktop.interop.formats import export_to
from smartcity_desktop.interop.mspdi_import import parse_mspdi
from smartcity_desktop.store import open_store

HOSTILE = ["=1+2", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tTAB", "\rCR", "보통\x01과업",
           "=HYPERLINK(\"http://x\",\"y\")"]


@pytest.fixture
def hostile_db(tmp_path: Path) -> Path:
    path = tmp_path / "plan.db"
    open_store(path, keep_backups=0).close()
    con = sqlite3.connect(path)
    ids = [r[0] for r in con.execute("SELECT id FROM tasks WHERE kind = 'task' LIMIT ?",
                                     (len(HOSTILE),))]
    for task_id, name in zip(ids, HOSTILE):
        con.execute("UPDATE tasks SET name_ko = ? WHERE id = ?", (name, task_id))
    con.commit()
    con.close()
    return path


def _export(db: Path, fmt: str, out: Path) -> Path:
    with open_store(db, readonly=True) as store:
        export_to(store, fmt, out)
    return out


@pytest.mark.parametrize("text", HOSTILE)
def test_guard_round_trip(text: str) -> None:
    guarded = guard_cell(text)
    assert not guarded.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert unguard_cell(guarded) == text


def test_csv_cells_never_start_a_formula(hostile_db: Path, tmp_path: Path) -> None:
    out = _export(hostile_db, "csv", tmp_path / "x.csv")
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    names = [r[1] for r in rows[1:]]
    for name in names:
        assert not name.startswith(("=", "+", "-", "@", "\t", "\r")), name
        assert "\x01" not in name
    assert "'=1+2" in names and "'@SUM(A1)" in names
    # Importing the file again gives the names back as they were (minus the control char).
    imported = {pt.task.name_ko for pt in parse_csv(out).plan.tasks}
    assert {"=1+2", "-2+3", "@SUM(A1)", "보통과업"} <= imported


def test_xlsx_cells_are_strings_not_formulas(hostile_db: Path, tmp_path: Path) -> None:
    out = _export(hostile_db, "xlsx", tmp_path / "x.xlsx")  # \x01 used to crash openpyxl
    ws = load_workbook(out)["과업"]
    cells = [row[1] for row in ws.iter_rows(min_row=2)]
    assert all(c.data_type != "f" for c in cells)
    values = {c.value for c in cells}
    assert "=1+2" in values and "보통과업" in values


def test_mspdi_stays_readable_by_the_app(hostile_db: Path, tmp_path: Path) -> None:
    out = _export(hostile_db, "mspdi", tmp_path / "x.xml")
    names = {pt.task.name_ko for pt in parse_mspdi(out).plan.tasks}
    assert "보통과업" in names and "=1+2" in names


def test_ics_has_no_control_characters(hostile_db: Path, tmp_path: Path) -> None:
    con = sqlite3.connect(hostile_db)
    con.execute("UPDATE tasks SET name_ko = '행사\x01\x07이름' WHERE kind = 'milestone' AND id = "
                "(SELECT min(id) FROM tasks WHERE kind = 'milestone')")
    con.commit()
    con.close()
    text = _export(hostile_db, "ics", tmp_path / "x.ics").read_text(encoding="utf-8")
    assert not any(ord(c) < 32 and c not in "\r\n\t" for c in text)  # RFC 5545 allows tab
    assert "행사이름" in text


def test_pdf_with_long_and_control_names(tmp_path: Path) -> None:
    from pypdf import PdfReader

    from smartcity_desktop.reporting.builder import generate_report

    path = tmp_path / "plan.db"
    open_store(path, keep_backups=0).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE tasks SET name_ko = ? WHERE id = 5", ("가나다라마바사 " * 400,))
    con.execute("UPDATE tasks SET name_ko = ? WHERE id = 9", ("긴" + "x" * 3000 + "\x01끝",))
    con.commit()
    con.close()
    with open_store(path, readonly=True) as store:
        # the detailed version lists every task (the default one only what needs a decision)
        out = generate_report(store, "programme", out_path=tmp_path / "r.pdf", detail=True)
    text = "\n".join(p.extract_text() for p in PdfReader(str(out)).pages)
    assert "가나다라마바사" in text and "…" in text
