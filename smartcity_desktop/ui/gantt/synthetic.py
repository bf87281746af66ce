"""A deterministic synthetic plan for chart demos, snapshots, tests and benchmarks.

:func:`synthetic_plan` builds ``n_tasks`` rows (a summary heading each group of
ten, tasks chained inside a group, a milestone closing some groups, imprecise
planned ranges, baselines, a critical chain) and ``n_deps`` dependencies of
all four types: mostly short links between nearby rows, like a real plan, and
a few long ones spanning thousands of rows. Same arguments, same plan.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from .rows import GanttRow

_NAMES = ("부지 조성", "기본 설계", "실시 설계", "인허가", "시공사 선정", "스마트 인프라 구축",
          "데이터 허브 연계", "시범 서비스", "주민 참여 리빙랩", "준공 검사")


def _workday(d: date) -> date:
    while d.weekday() >= 5:
        d += timedelta(days=1)
    return d


Plan = tuple[list[GanttRow], list[tuple[int, int, str]]]


def synthetic_plan(n_tasks: int = 10_000, n_deps: int = 15_000, seed: int = 7,
                   start: date = date(2019, 1, 2)) -> Plan:
    rnd = random.Random(seed)
    rows: list[GanttRow] = []
    deps: list[tuple[int, int, str]] = []
    cursor = start
    group = 0
    i = 0
    while i < n_tasks:
        group += 1
        summary_index = len(rows)
        rows.append(GanttRow(task_id=i + 1, wbs=f"{group}", name=f"{group}. 사업 묶음 {group}",
                             kind="summary", start=cursor, finish=cursor, depth=0))
        i += 1
        members: list[GanttRow] = []
        d = cursor
        for k in range(min(9, n_tasks - i)):
            tid = i + 1
            milestone = k == 8 and group % 3 == 0
            length = 0 if milestone else rnd.randint(2, 25)
            s = _workday(d)
            f = s if milestone else _workday(s + timedelta(days=length))
            critical = group % 4 == 0
            row = GanttRow(
                task_id=tid, wbs=f"{group}.{k + 1}",
                name=("마일스톤: " if milestone else "") + f"{_NAMES[k % len(_NAMES)]} {tid}",
                kind="milestone" if milestone else "task", start=s, finish=f,
                percent=float(rnd.choice((0, 0, 25, 50, 80, 100))), critical=critical,
                baseline_start=s - timedelta(days=rnd.randint(0, 10)),
                baseline_finish=f - timedelta(days=rnd.randint(0, 10)),
                depth=1, total_float=0.0 if critical else float(rnd.randint(1, 30)))
            if k % 4 == 1:
                row.planned_start_range = (s - timedelta(days=20), s + timedelta(days=10))
            if milestone:
                row.planned_finish_range = (f.replace(day=1), f.replace(day=1) + timedelta(days=14))
            if members and len(deps) < n_deps:
                deps.append((members[-1].task_id, tid, "FS"))
            members.append(row)
            rows.append(row)
            d = f + timedelta(days=1 + rnd.randint(0, 3))
            i += 1
        if members:
            summary = rows[summary_index]
            summary.start = min(m.start for m in members)
            summary.finish = max(m.finish for m in members)
            summary.critical = any(m.critical for m in members)
            summary.percent = sum(m.percent for m in members) / len(members)
        cursor = _workday(cursor + timedelta(days=rnd.randint(3, 12)))
    leaves = [r for r in rows if r.kind != "summary"]
    types = ("FS", "FS", "FS", "SS", "FF", "SF")
    seen = set((p, s) for p, s, _ in deps)
    while len(deps) < n_deps and len(leaves) > 2:
        a = rnd.randrange(len(leaves) - 1)
        reach = 2000 if rnd.random() < 0.02 else 40
        b = min(len(leaves) - 1, a + rnd.randint(1, reach))
        pair = (leaves[a].task_id, leaves[b].task_id)
        if pair in seen:
            continue
        seen.add(pair)
        deps.append((*pair, rnd.choice(types)))
    return rows, deps
