"""Output files are written whole or not at all, with normal permissions."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from smartcity_desktop.files import atomic_target
from smartcity_desktop.interop.errors import InteropError
from smartcity_desktop.interop.formats import export_to
from smartcity_desktop.store import open_store


def test_failure_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "briefing.pdf"
    target.write_text("old")
    with pytest.raises(RuntimeError):
        with atomic_target(target) as tmp:
            tmp.write_text("half")
            raise RuntimeError("cancelled")
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["briefing.pdf"]


def test_success_replaces_with_umask_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    old = os.umask(0o022)
    try:
        with atomic_target(target) as tmp:
            tmp.write_text("new")
    finally:
        os.umask(old)
    assert target.read_text() == "new"
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_export_failure_leaves_no_partial_file(tmp_path: Path) -> None:
    store = open_store(tmp_path / "plan.db", keep_backups=0)
    out = tmp_path / "plan.json"
    with pytest.raises(InteropError):
        export_to(store, "json", out, org_id=1)  # a backup cannot be filtered by ministry
    store.close()
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".plan")]
