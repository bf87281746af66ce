"""Shared fixtures: one seeded database per session, copied per test that writes to it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from smartcity_desktop.store import open_store


@pytest.fixture(autouse=True)
def _korean_messages():
    """Each test starts with Korean messages; a CLI run with --lang en does not leak."""
    from smartcity_desktop import messages

    messages.set_language("ko")
    yield
    messages.set_language("ko")


@pytest.fixture()
def english():
    """Refusals rendered in English (tests that match English message text)."""
    from smartcity_desktop import messages

    messages.set_language("en")


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("seed") / "seed.db"
    open_store(path, keep_backups=0).close()
    return path


@pytest.fixture()
def store(seed_db: Path, tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("db") / "work.db"  # outputs go to tmp_path, kept apart
    shutil.copy(seed_db, path)
    s = open_store(path, keep_backups=0)
    yield s
    s.close()


def pdf_text(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]


def outline_titles(reader: PdfReader) -> list[str]:
    titles: list[str] = []

    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader.outline)
    return titles


def embedded_fonts(reader: PdfReader) -> dict[str, bool]:
    """BaseFont name -> whether it carries an embedded TrueType program (FontFile2)."""
    found: dict[str, bool] = {}
    for page in reader.pages:
        fonts = page["/Resources"].get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            desc = font.get("/FontDescriptor")
            found[str(font["/BaseFont"])] = bool(desc and "/FontFile2" in desc.get_object())
    return found


PHONE = re.compile(r"0\d{1,2}-\d{3,4}-\d{4}")
