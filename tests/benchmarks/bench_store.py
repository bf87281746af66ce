"""Store benchmark: open and check the seeded database; one audited edit."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from smartcity_desktop.store import open_store


def run() -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "seed.db"
        open_store(path, keep_backups=0).close()
        opens = []
        for _ in range(10):
            t0 = time.perf_counter()
            store = open_store(path)  # inspect + integrity_check + backup + migrate check
            store.close()
            opens.append((time.perf_counter() - t0) * 1000)
        store = open_store(path, keep_backups=0)
        task = store.tasks()[0]
        edits = []
        for i in range(200):
            task.notes = f"편집 {i}"
            t0 = time.perf_counter()
            task = store.update(task)
            edits.append((time.perf_counter() - t0) * 1000)
        store.close()
    return [
        {"metric": "db_open_seed_ms", "value": round(statistics.median(opens), 2), "unit": "ms"},
        {"metric": "edit_commit_ms", "value": round(statistics.median(edits), 3), "unit": "ms"},
    ]
