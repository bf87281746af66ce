"""Interop benchmark: MS Project XML export and import of a generated 10,000-task plan.

The plan has 100 summary tasks of 99 tasks each, chained by FS/SS links with
lags, a mix of exact and imprecise dates, and five owning organisations.
``mspdi_export_10k_s`` times writing the file from the store;
``mspdi_import_10k_s`` times parsing it (with all checks) and landing it in a
new database file in one transaction.
"""

from __future__ import annotations

import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from smartcity_desktop.domain import model as m
from smartcity_desktop.domain.dates import PlanDate, Precision
from smartcity_desktop.interop.apply import apply_to_new_database
from smartcity_desktop.interop.mspdi import export_mspdi
from smartcity_desktop.interop.mspdi_import import parse_mspdi
from smartcity_desktop.store import Store, open_store

GROUPS, PER_GROUP = 100, 99


def build_plan(store: Store) -> int:
    with store.transaction():
        orgs = [store.insert(m.Organisation(code=f"ORG{i}", name_ko=f"기관 {i}",
                                            name_en=f"Org {i}")).id for i in range(5)]
        project = store.insert(m.Project("생성 계획", "Generated plan", date(2019, 1, 2)))
        order = 0
        for g in range(GROUPS):
            parent = store.insert(m.Task(project.id, str(g + 1), f"묶음 {g + 1}",
                                         kind=m.TaskKind.SUMMARY, duration_days=0,
                                         owner_org_id=orgs[g % 5], sort_order=order))
            order += 1
            prev = None
            for i in range(PER_GROUP):
                day = date(2019, 1, 2) + timedelta(days=(g * 7 + i * 3) % 900)
                start = (PlanDate.exact(day) if i % 4 else
                         PlanDate.month_part(day.year, day.month, Precision.EARLY_MONTH))
                finish = PlanDate.exact(max(day, start.latest()) + timedelta(days=5))
                milestone = i % 20 == 19
                t = store.insert(m.Task(
                    project.id, f"{g + 1}.{i + 1}", f"과업 {g + 1}-{i + 1}", f"Task {g}-{i}",
                    kind=m.TaskKind.MILESTONE if milestone else m.TaskKind.TASK,
                    parent_id=parent.id, owner_org_id=orgs[i % 5],
                    supporting_org_ids=[orgs[(i + 1) % 5]] if i % 3 == 0 else [],
                    start=finish if milestone else start, finish=finish,
                    duration_days=0 if milestone else 4, percent_complete=float(i % 101),
                    notes="메모" if i % 10 == 0 else "", sort_order=order))
                order += 1
                if prev is not None:
                    store.insert(m.Dependency(prev, t.id, m.DependencyType.SS if i % 7 == 0
                                              else m.DependencyType.FS, lag_days=i % 3))
                prev = t.id
    return store.count(m.Task)


def run() -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        store = open_store(tmp_path / "gen.db", seed=False, keep_backups=0)
        n = build_plan(store)
        assert n == GROUPS * (PER_GROUP + 1)
        xml = tmp_path / "gen.xml"
        t0 = time.perf_counter()
        written = export_mspdi(store, xml)
        export_s = time.perf_counter() - t0
        store.close()
        assert written == n
        t0 = time.perf_counter()
        preview = parse_mspdi(xml)
        result = apply_to_new_database(preview, tmp_path / "back.db")
        import_s = time.perf_counter() - t0
        assert result.tasks_added == n
    return [
        {"metric": "mspdi_export_10k_s", "value": round(export_s, 3), "unit": "s"},
        {"metric": "mspdi_import_10k_s", "value": round(import_s, 3), "unit": "s"},
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
