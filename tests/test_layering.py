"""Layering rules that review keeps missing: no SQL above store/, no Qt below ui/."""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "smartcity_desktop"
SQL = re.compile(r"\bSELECT\b|\bINSERT\s+INTO\b|\bUPDATE\s+\S+\s+SET\b|\bDELETE\s+FROM\b|"
                 r"\bPRAGMA\b|\bWHERE\b|\bORDER BY\b|\w+\s*(=|<|>|<=|>=|<>)\s*\?|\bIN\s*\(\?")
CONNECTION = re.compile(r"\.con\.execute|\.execute\(|\.executemany\(|sqlite3\.connect")


def _python_files(*folders: str) -> list[Path]:
    return sorted(p for f in folders for p in (PACKAGE / f).rglob("*.py"))


def _sql_strings(path: Path) -> list[str]:
    found = []
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
    for tok in tokens:
        if tok.type == tokenize.STRING and SQL.search(tok.string):
            found.append(f"{path.name}:{tok.start[0]}: {tok.string[:60]}")
    return found


@pytest.mark.parametrize("folder", ["ui", "interop", "reporting", "cli", "app", "domain"])
def test_no_sql_text_outside_store(folder: str) -> None:
    problems = []
    for path in _python_files(folder):
        problems += _sql_strings(path)
        text = path.read_text(encoding="utf-8")
        problems += [f"{path.name}: {m.group(0)}" for m in CONNECTION.finditer(text)]
    assert not problems, "SQL outside store/:\n" + "\n".join(problems)


@pytest.mark.parametrize("folder", ["domain", "store", "app", "interop", "reporting"])
def test_no_qt_below_ui(folder: str) -> None:
    offenders = [p.name for p in _python_files(folder)
                 if re.search(r"^\s*(from|import)\s+PySide6", p.read_text(encoding="utf-8"), re.M)]
    assert not offenders, f"Qt imported in {folder}/: {offenders}"


def test_the_checker_sees_sql(tmp_path: Path) -> None:
    sample = tmp_path / "x.py"
    sample.write_text('q = "SELECT id FROM tasks WHERE wbs = ?"\nw = "parent_id = ?"\n')
    assert len(_sql_strings(sample)) == 2
