"""Report benchmark: the programme briefing of the seed plan and of a generated 2,000-task plan.

Metrics: ``report_seed_s`` (first run in the process, target < 3 s),
``report_seed_warm_s`` (best of three later runs), ``report_2k_s`` (target < 15 s) and
``report_docx_seed_s`` (the editable DOCX of the seed plan, target < 3 s) and
``report_peak_mb`` (peak resident memory of this process, which the runner starts
fresh for each benchmark).
"""

from __future__ import annotations

import random
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from smartcity_desktop.domain import model as m
from smartcity_desktop.domain.dates import PlanDate
from smartcity_desktop.reporting.builder import generate_report
from smartcity_desktop.store import Store, open_store

N_TASKS = 2000
AS_OF = date(2019, 9, 30)


def add_generated_plan(store: Store, n_tasks: int = N_TASKS, seed: int = 11) -> int:
    """Add ``n_tasks`` tasks (summaries, tasks, milestones; FS chains; checklist items and
    status updates on some) under a new top-level WBS, spread over 2019-2022."""
    rng = random.Random(seed)
    project = store.project()
    orgs = [o for o in store.organisations() if o.kind is m.OrgKind.MINISTRY]
    cities = store.all(m.City)
    top_wbs = 1 + max(int(t.wbs.split(".")[0]) for t in store.tasks())
    sort = max((t.sort_order for t in store.tasks()), default=0)
    made = 0
    with store.transaction():
        root = store.insert(m.Task(project_id=project.id, wbs=str(top_wbs),
                                   name_ko="생성된 세부 추진 과제 (벤치마크)",
                                   kind=m.TaskKind.SUMMARY, duration_days=0,
                                   sort_order=sort + 1, owner_org_id=orgs[0].id))
        made += 1
        group = 0
        while made < n_tasks:
            group += 1
            sort += 2
            owner = orgs[group % len(orgs)]
            summary = store.insert(m.Task(
                project_id=project.id, wbs=f"{top_wbs}.{group}", parent_id=root.id,
                name_ko=f"{owner.name_ko} 세부과제 묶음 {group}", kind=m.TaskKind.SUMMARY,
                duration_days=0, owner_org_id=owner.id, sort_order=sort))
            made += 1
            previous = None
            for k in range(1, 25):
                if made >= n_tasks:
                    break
                sort += 1
                milestone = k % 8 == 0
                start = date(2019, 1, 2) + timedelta(days=rng.randint(0, 1200))
                dur = 0 if milestone else rng.randint(3, 60)
                finish = start + timedelta(days=max(dur * 7 // 5, 0))
                pct = 100.0 if start + timedelta(days=dur) < AS_OF - timedelta(days=60) \
                    else float(rng.choice([0, 0, 20, 50]))
                task = store.insert(m.Task(
                    project_id=project.id, wbs=f"{top_wbs}.{group}.{k}", parent_id=summary.id,
                    name_ko=f"{'점검' if milestone else '추진'} 항목 {group}-{k}: 스마트 서비스 "
                            f"실증 및 협의",
                    kind=m.TaskKind.MILESTONE if milestone else m.TaskKind.TASK,
                    duration_days=dur, owner_org_id=owner.id,
                    city_id=cities[(group + k) % len(cities)].id if cities else None,
                    start=PlanDate.exact(start), finish=PlanDate.exact(finish),
                    percent_complete=pct, sort_order=sort))
                made += 1
                if previous is not None and rng.random() < 0.6:
                    store.insert(m.Dependency(predecessor_id=previous.id, successor_id=task.id))
                if rng.random() < 0.25:
                    store.insert(m.ChecklistItem(
                        task_id=task.id, text=f"관계기관 협의 결과 제출 {group}-{k}",
                        org_id=owner.id, due=finish, done=pct >= 100))
                if rng.random() < 0.05:
                    store.insert(m.StatusUpdate(
                        task_id=task.id, report_date=AS_OF - timedelta(days=7),
                        rag=rng.choice(list(m.Rag)), narrative="예산 협의 지연으로 일정 조정 검토",
                        org_id=owner.id, author="벤치마크"))
                previous = task
    return made


def _timed(store: Store, out: Path, fmt: str = "pdf") -> float:
    t0 = time.perf_counter()
    generate_report(store, "programme", as_of=AS_OF, out_path=out, fmt=fmt)
    return time.perf_counter() - t0


def run() -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store = open_store(folder / "seed.db", keep_backups=0)
        seed_s = _timed(store, folder / "cold.pdf")  # includes font and matplotlib start-up
        warm_s = min(_timed(store, folder / "seed.pdf") for _ in range(3))
        docx_s = _timed(store, folder / "seed.docx", "docx")  # includes python-docx import
        store.close()
        big = open_store(folder / "big.db", keep_backups=0)
        add_generated_plan(big)
        big_s = _timed(big, folder / "big.pdf")
        big.close()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak_mb = peak_kb / 1024 if sys.platform != "darwin" else peak_kb / 1024 / 1024
    return [
        {"metric": "report_seed_s", "value": round(seed_s, 3), "unit": "s"},
        {"metric": "report_seed_warm_s", "value": round(warm_s, 3), "unit": "s"},
        {"metric": "report_2k_s", "value": round(big_s, 3), "unit": "s"},
        {"metric": "report_docx_seed_s", "value": round(docx_s, 3), "unit": "s"},
        {"metric": "report_peak_mb", "value": round(peak_mb, 1), "unit": "MB"},
    ]


if __name__ == "__main__":
    for metric in run():
        print(metric)
