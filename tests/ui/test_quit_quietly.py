"""Quitting after an edit prints nothing (no RuntimeError from deleted status-bar labels)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from smartcity_desktop.store import open_store
from smartcity_desktop.app import task_edits as commands
from smartcity_desktop.ui.app import AppController, create_application

app = create_application()
store = open_store(Path(sys.argv[1]), keep_backups=0)
controller = AppController("ko")
controller.show(store)

def edit():
    task = next(t for t in store.tasks() if t.kind.value == "task")
    rename = commands.update_task(task.id, name_ko=task.name_ko + "!")
    controller.context.edits.run("rename", rename)

QTimer.singleShot(300, edit)
QTimer.singleShot(900, app.quit)
try:
    app.exec()
finally:
    controller.shutdown()
"""


def test_quit_after_an_edit_prints_no_error(db_path: Path, tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(db_path)], env=env,
                          capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    noise = [line for line in done.stderr.splitlines() if "propagateSizeHints" not in line]
    assert not noise, "\n".join(noise)
