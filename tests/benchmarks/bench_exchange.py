"""Exchange benchmark: 7 update packages of 1,000 changes each merged into a 10k-task plan.

Seven member desks of different ministries (copies of one generated 10,000-task plan)
each change 1,000 fields of tasks their ministry owns (percent and note of 500 tasks);
each writes its package; the coordinator's desk imports all seven in one go. The merge
line also gives the process CPU time (``cpu_s``): on a shared machine wall time includes
waiting for a core.
"""

from __future__ import annotations

import dataclasses
import shutil
import tempfile
import time
from pathlib import Path

from smartcity_desktop.app import exchange as ex
from smartcity_desktop.app.desk import update_profile
from smartcity_desktop.domain import model as m
from smartcity_desktop.store import open_store
from tests.benchmarks.generate import generate_database

MINISTRIES = ["MSIT", "ME", "MOEF", "MOHW", "MOIS", "MOTIE", "MSS"]


def _desk(template: Path, path: Path, ministry: str, role: str = "member"):
    shutil.copyfile(template, path)
    store = open_store(path, keep_backups=0)
    update_profile(store, ministry=ministry, role=role)
    return store


def run() -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        template = generate_database(folder / "plan.db", n_tasks=10_000, n_links=15_000)
        packages, export_ms, sizes = [], [], []
        for code in MINISTRIES:
            store = _desk(template, folder / f"{code}.db", code)
            org = store.org_by_code()[code]
            mine = [t for t in store.tasks() if t.owner_org_id == org.id
                    and t.kind is not m.TaskKind.SUMMARY][:500]
            with store.transaction():
                for i, task in enumerate(mine):
                    store.update(dataclasses.replace(task, percent_complete=float(i % 100),
                                                     notes=f"{code} 실적 {i}"))
            pkg = folder / f"{code}.scx"
            t0 = time.perf_counter()
            summary = ex.export_package(store, pkg)
            export_ms.append((time.perf_counter() - t0) * 1000)
            sizes.append(summary.size / 1024 * 1000 / max(summary.count, 1))
            packages.append(pkg)
            store.close()
        target = _desk(template, folder / "molit.db", "MOLIT", "coordinator")
        t0, c0 = time.perf_counter(), time.process_time()
        merged = ex.import_packages(target, packages)
        merge_s, merge_cpu = time.perf_counter() - t0, time.process_time() - c0
        target.close()
    return [
        {"metric": "exchange_merge_7x1000_s", "value": round(merge_s, 3), "unit": "s",
         "applied": merged.applied, "cpu_s": round(merge_cpu, 3)},
        {"metric": "exchange_export_1000_ms", "value": round(sorted(export_ms)[3], 1),
         "unit": "ms"},
        {"metric": "exchange_package_kb_per_1000", "value": round(sum(sizes) / len(sizes), 1),
         "unit": "KB"},
    ]
