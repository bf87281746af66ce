"""Kill a writing process with SIGKILL at random moments: nothing committed is lost.

The child reports each edit on stdout only after its transaction committed;
after the kill every reported edit must be in the file, ``integrity_check``
must pass and the audit chain must still verify.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from smartcity_desktop.store import open_store
from smartcity_desktop.store.audit import verify

CHILD = r"""
import sys
from datetime import date
from smartcity_desktop.domain import model as m
from smartcity_desktop.store import open_store

store = open_store(sys.argv[1], keep_backups=0)
project = store.project()
n = int(sys.argv[2])
while True:
    with store.transaction():
        task = store.insert(m.Task(project_id=project.id, wbs=f"C{n}", name_ko=f"충돌 시험 {n}"))
        store.insert(m.ChecklistItem(task_id=task.id, text=f"항목 {n}"))
        task.percent_complete = 50
        store.update(task)
    print(n, flush=True)
    n += 1
"""

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def test_sigkill_loses_no_committed_edit(tmp_path: Path) -> None:
    path = tmp_path / "crash.db"
    with open_store(path, seed=False) as store:
        from datetime import date

        from smartcity_desktop.domain import model as m

        store.insert(m.Project(name_ko="충돌", name_en="crash", start=date(2019, 1, 1)))
    rng = random.Random(20181226)
    next_n = 0
    for _round in range(20):
        proc = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(path), str(next_n)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        time.sleep(rng.uniform(0.4, 1.2))
        proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate()
        reported = [int(line) for line in out.split() if line.strip().isdigit()]
        assert proc.returncode == -signal.SIGKILL, err
        con = sqlite3.connect(path)
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        present = {
            int(w[1:]) for (w,) in con.execute("SELECT wbs FROM tasks WHERE wbs LIKE 'C%'")
        }
        half_done = con.execute(
            "SELECT count(*) FROM tasks t WHERE wbs LIKE 'C%' AND (percent_complete != 50 OR "
            "(SELECT count(*) FROM checklist_items c WHERE c.task_id = t.id) != 1)"
        ).fetchone()[0]
        con.close()
        assert set(reported) <= present, "a reported (committed) edit is missing"
        assert half_done == 0, "an edit was half-written"
        next_n = max(present, default=next_n - 1) + 1
    assert next_n > 20
    with open_store(path, keep_backups=0) as store:
        assert verify(store).ok
