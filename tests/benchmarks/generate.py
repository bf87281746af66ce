"""A generated large plan for benchmarks: ``generate_database(path, n_tasks, n_links)``.

The plan looks like a real programme scaled up: the seed's organisations and
cities, top-level work streams, phases of about 20 tasks and milestones under
them, owners and cities spread over the ministries, a third of the planned
dates imprecise (month parts, quarters, halves), and ``n_links`` forward-only
dependencies of all four types with small lags (so the graph has no cycle).
Rows are written with one ``executemany`` per table in one transaction (no
audit entries: this is test data, not an officer's edit), so 10,000 tasks take
a second or two. Usable from any benchmark::

    from tests.benchmarks.generate import generate_database
    path = generate_database(tmp / "big.db", n_tasks=10_000, n_links=15_000)
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from smartcity_desktop.domain import model as m
from smartcity_desktop.domain.dates import PlanDate, Precision
from smartcity_desktop.store import open_store
from smartcity_desktop.store.codec import to_row
from smartcity_desktop.store.seed import load_seed
from smartcity_desktop.store.uids import fill_missing

PROJECT_START = date(2019, 1, 2)


def _plan_date(rng: random.Random, day: date) -> PlanDate:
    roll = rng.random()
    if roll < 0.66:
        return PlanDate.exact(day)
    if roll < 0.80:
        part = (Precision.EARLY_MONTH, Precision.MID_MONTH, Precision.LATE_MONTH)[
            min(2, (day.day - 1) // 10)]
        return PlanDate.month_part(day.year, day.month, part)
    if roll < 0.90:
        return PlanDate(day.year, day.month, 1, Precision.MONTH)
    if roll < 0.96:
        return PlanDate.quarter(day.year, (day.month - 1) // 3 + 1)
    return PlanDate.half(day.year, 1 if day.month <= 6 else 2)


def _insert_many(store, table: str, rows: list[dict]) -> None:
    if not rows:
        return
    cols = list(rows[0])
    sql = (f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in cols)}) "
           f"VALUES ({', '.join('?' for _ in cols)})")
    store.con.executemany(sql, [tuple(r[c] for c in cols) for r in rows])


def generate_database(path: Path | str, n_tasks: int = 10_000, n_links: int = 15_000,
                      seed: int = 7, cross_streams: bool = True) -> Path:
    """Create ``path`` holding a generated plan (the file must not exist yet).

    With ``cross_streams`` False every link stays inside its work stream: at 100,000
    tasks (200 streams) links chained from stream to stream push the schedule past
    2200, which the scheduler refuses, so the big plan keeps its chains per stream.
    """
    path = Path(path)
    if path.exists():
        raise FileExistsError(f"{path} already exists")
    rng = random.Random(seed)
    store = open_store(path, seed=False, keep_backups=0)
    try:
        with store.transaction():
            load_seed(store)  # organisations, cities, project, budget ... of the real plan
            con = store.con
            project = store.project()
            con.execute("DELETE FROM dependencies")
            con.execute("DELETE FROM checklist_items")
            con.execute("DELETE FROM status_updates")
            con.execute("DELETE FROM signoffs")
            con.execute("UPDATE meeting_series SET task_id = NULL")
            con.execute("DELETE FROM tasks")
            org_ids = [o.id for o in store.organisations() if o.kind is m.OrgKind.MINISTRY]
            city_ids = [c.id for c in store.all(m.City)] + [None]
            tasks, leaves = _tasks(rng, project.id, n_tasks, org_ids, city_ids)
            _insert_many(store, "tasks", tasks)
            _insert_many(store, "dependencies", _links(rng, leaves, n_links, cross_streams))
            fill_missing(con)  # global row uids, as every real database has (exchange)
        store.con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        store.close()
    return path


PHASES_PER_STREAM = 25
TASKS_PER_PHASE = 20


def _tasks(rng, project_id, n_tasks, org_ids, city_ids):
    """Work streams of 25 phases of 20 tasks/milestones each, in WBS order."""
    rows: list[dict] = []
    leaves: list[tuple[int, date]] = []

    def add(task: m.Task) -> int:
        task.id = len(rows) + 1
        task.sort_order = len(rows)
        row = to_row(task)
        row["version"] = 1
        rows.append(row)
        return task.id

    stream = 0
    while len(rows) < n_tasks:
        stream += 1
        stream_id = add(m.Task(project_id=project_id, wbs=str(stream),
                               name_ko=f"추진 분야 {stream}",
                               name_en=f"Work stream {stream}", kind=m.TaskKind.SUMMARY,
                               duration_days=0, owner_org_id=rng.choice(org_ids)))
        day = PROJECT_START + timedelta(days=rng.randrange(0, 120))
        for phase in range(1, PHASES_PER_STREAM + 1):
            if len(rows) >= n_tasks:
                break
            phase_id = add(m.Task(project_id=project_id, wbs=f"{stream}.{phase}",
                                  name_ko=f"{stream}.{phase} 단계 사업", kind=m.TaskKind.SUMMARY,
                                  duration_days=0, parent_id=stream_id,
                                  owner_org_id=rng.choice(org_ids)))
            for child in range(1, TASKS_PER_PHASE + 1):
                if len(rows) >= n_tasks:
                    break
                day += timedelta(days=rng.randint(0, 6))
                leaves.append((add(_leaf(rng, project_id, f"{stream}.{phase}.{child}", phase_id,
                                         day, org_ids, city_ids)), day, stream))
    return rows, leaves


def _leaf(rng, project_id, wbs, parent_id, day, org_ids, city_ids) -> m.Task:
    milestone = rng.random() < 0.15
    duration = 0 if milestone else rng.randint(1, 40)
    start = _plan_date(rng, day)
    finish = None
    if not milestone and rng.random() < 0.3:
        finish = _plan_date(rng, day + timedelta(days=duration * 2 + 30))
    percent = 100.0 if day < date(2019, 6, 1) and rng.random() < 0.7 else float(
        rng.choice((0, 0, 10, 25, 50, 75)))
    return m.Task(
        project_id=project_id, wbs=wbs,
        name_ko=f"{'검토 완료' if milestone else '세부 과제'} {wbs}",
        name_en=f"{'Milestone' if milestone else 'Task'} {wbs}",
        kind=m.TaskKind.MILESTONE if milestone else m.TaskKind.TASK, parent_id=parent_id,
        owner_org_id=rng.choice(org_ids), city_id=rng.choice(city_ids), start=start,
        finish=finish, duration_days=duration, percent_complete=percent)


def _links(rng, leaves, n_links, cross_streams=True):
    """Forward links only (earlier task -> later task), so there is never a cycle."""
    types = [m.DependencyType.FS] * 7 + [m.DependencyType.SS] * 2 + [
        m.DependencyType.FF, m.DependencyType.SF]
    seen: set[tuple[int, int]] = set()
    rows = []
    n = len(leaves)
    last = {}  # stream -> index of its last leaf
    for k, leaf in enumerate(leaves):
        last[leaf[2]] = k
    while len(rows) < n_links and n > 1:
        i = rng.randrange(0, n - 1)
        j = min(n - 1, i + rng.randint(1, 30))
        if not cross_streams:
            j = min(j, last[leaves[i][2]])
            if j == i:
                continue
        pair = (leaves[i][0], leaves[j][0])
        if pair in seen:
            continue
        seen.add(pair)
        rows.append({"id": len(rows) + 1, "predecessor_id": pair[0], "successor_id": pair[1],
                     "type": rng.choice(types).value, "lag_days": rng.choice((0, 0, 0, 1, 2, 5)),
                     "version": 1})
    return rows
