"""``init-db`` killed at any moment leaves nothing or a whole database; a set but
unreachable ``DISPLAY`` falls back to the headless briefing like a missing one."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PY = sys.executable


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY",
                                                           "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(ROOT)
    env.update(extra)
    return env


def _whole(path: Path) -> bool:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return (con.execute("SELECT count(*) FROM projects").fetchone()[0] == 1
                and con.execute("SELECT count(*) FROM tasks").fetchone()[0] == 147)
    finally:
        con.close()


@pytest.mark.slow
def test_init_db_killed_midway_leaves_nothing_or_a_whole_database(tmp_path: Path) -> None:
    outcomes = {"none": 0, "whole": 0}
    for i in range(8):
        target = tmp_path / f"plan{i}.db"
        proc = subprocess.Popen([PY, str(ROOT / "main.py"), "init-db", str(target)],
                                env=_env(), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        time.sleep(0.3 + 0.25 * i)  # from import time to just after the rename
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if target.exists():
            assert _whole(target), f"run {i}: a half-built database at the target"
            outcomes["whole"] += 1
        else:
            outcomes["none"] += 1
            done = subprocess.run([PY, str(ROOT / "main.py"), "init-db", str(target)],
                                  env=_env(), capture_output=True, text=True, timeout=120)
            assert done.returncode == 0, done.stderr  # nothing blocks running it again
            assert _whole(target)
    assert outcomes["none"] >= 1  # the kills did land mid-way at least once


@pytest.mark.slow
def test_unreachable_display_falls_back_to_the_briefing(tmp_path: Path) -> None:
    db = tmp_path / "plan.db"
    subprocess.run([PY, str(ROOT / "main.py"), "init-db", str(db)], env=_env(), check=True,
                   capture_output=True, timeout=120)
    done = subprocess.run([PY, str(ROOT / "main.py"), "--db", str(db)], cwd=tmp_path,
                          env=_env(DISPLAY=":97"), capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    assert "화면(디스플레이)을 찾지 못해" in done.stderr
    assert "Aborted" not in done.stderr and "Traceback" not in done.stderr
    assert list(tmp_path.glob("briefing-programme-*.pdf"))
