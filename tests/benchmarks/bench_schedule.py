"""Scheduler benchmark: a random 10,000-task, 15,000-link schedule built in memory.

Metrics: ``schedule_full_10k_s`` (graph build + forward/backward pass + roll-up,
median of 5), ``schedule_incremental_10k_ms`` (one task's duration changed, then
:meth:`Scheduler.update_task`; median over 50 random tasks) and
``schedule_peak_mb`` (tracemalloc peak while building and computing).
"""

from __future__ import annotations

import random
import statistics
import time
import tracemalloc
from dataclasses import replace
from datetime import date

from smartcity_desktop.domain.calendar import WorkCalendar
from smartcity_desktop.domain.model import Dependency, DependencyType, Task, TaskKind
from smartcity_desktop.domain.scheduler import Scheduler

N_TASKS = 10_000
N_LINKS = 15_000
PROJECT_START = date(2019, 1, 2)


def random_project(seed: int = 7, n_tasks: int = N_TASKS, n_links: int = N_LINKS
                   ) -> tuple[list[Task], list[Dependency]]:
    """Phases of 20 tasks under summaries; random forward links of all four types."""
    rng = random.Random(seed)
    tasks: list[Task] = []
    leaves: list[int] = []
    next_id = 1
    phase_id = None
    while len(tasks) < n_tasks:
        if (len(tasks) % 21) == 0:
            phase_id = next_id
            tasks.append(Task(project_id=1, wbs=f"P{next_id}", name_ko=f"단계 {next_id}",
                              kind=TaskKind.SUMMARY, duration_days=0, id=next_id))
        else:
            milestone = rng.random() < 0.1
            tasks.append(Task(
                project_id=1, wbs=f"T{next_id}", name_ko=f"작업 {next_id}",
                kind=TaskKind.MILESTONE if milestone else TaskKind.TASK,
                duration_days=0 if milestone else rng.randint(1, 20), parent_id=phase_id,
                percent_complete=rng.choice([0, 0, 25, 50, 100]), id=next_id,
            ))
            leaves.append(next_id)
        next_id += 1
    types = list(DependencyType)
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < n_links:
        a, b = rng.sample(range(len(leaves)), 2)
        if a > b:
            a, b = b, a
        if b - a > 400:  # mostly local links, as real plans have
            continue
        pairs.add((leaves[a], leaves[b]))
    deps = [Dependency(p, q, rng.choice(types), rng.randint(-3, 5), id=i + 1)
            for i, (p, q) in enumerate(sorted(pairs))]
    return tasks, deps


def run() -> list[dict]:
    calendar = WorkCalendar()
    tasks, deps = random_project()
    fulls = []
    for _ in range(5):
        t0 = time.perf_counter()
        scheduler = Scheduler(tasks, deps, calendar, PROJECT_START)
        scheduler.compute()
        fulls.append(time.perf_counter() - t0)
    rng = random.Random(11)
    leaves = [t for t in tasks if t.kind is TaskKind.TASK]
    incs = []
    for _ in range(50):
        task = rng.choice(leaves)
        changed = replace(task, duration_days=task.duration_days + rng.randint(1, 10))
        t0 = time.perf_counter()
        scheduler.update_task(changed)
        incs.append((time.perf_counter() - t0) * 1000)
    tracemalloc.start()
    scheduler = Scheduler(tasks, deps, calendar, PROJECT_START)
    scheduler.compute()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return [
        {"metric": "schedule_full_10k_s", "value": round(statistics.median(fulls), 4),
         "unit": "s"},
        {"metric": "schedule_incremental_10k_ms", "value": round(statistics.median(incs), 2),
         "unit": "ms"},
        {"metric": "schedule_peak_mb", "value": round(peak / 1e6, 1), "unit": "MB"},
    ]


if __name__ == "__main__":
    for metric in run():
        print(metric)
