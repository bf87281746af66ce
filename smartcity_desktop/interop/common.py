"""Helpers shared by the importers: bounded file reads, link checks, plan ordering.

Kept free of any file format: reading a file with a size limit, refusing
cycles and dangling links in a parsed plan, and walking a store's tasks in
outline order (parents before their children) for the exporters.
"""

from __future__ import annotations

from collections import defaultdict, deque
from datetime import date
from pathlib import Path

from ..domain import model as m
from ..domain.dates import LAST_YEAR
from ..messages import register
from .errors import InteropError
from .preview import MAX_FILE_BYTES, MAX_TASKS, ParsedPlan, ParsedTask, line_of

_ERA_END = date(LAST_YEAR, 12, 31).toordinal()

register({
    "interop.beyond_era": ("과업 {wbs} ({name}): 기간과 선행 관계를 따르면 일정이 {last}년 이후로 "
                           "넘어갑니다",
                           "task {wbs} ({name}): its durations and links run the schedule past "
                           "{last}"),
    "interop.file_too_big": ("파일 크기가 {size} MB로 한도 {limit} MB를 넘습니다",
                             "the file is {size} MB; the limit is {limit} MB"),
    "interop.cannot_read": ("파일을 읽을 수 없습니다 ({detail})",
                            "cannot read the file ({detail})"),
    "interop.key_twice": ("작업 식별자 {key}이(가) 두 번 쓰였습니다",
                          "task identifier {key} is used twice"),
    "interop.wbs_twice": ("WBS {wbs}을(를) 두 작업이 쓰고 있습니다",
                          "WBS {wbs} is used by two tasks"),
    "interop.parent_after": ("작업 {key}: 상위 작업 {parent}이(가) 그보다 앞에 오지 않습니다",
                             "task {key}: its parent {parent} does not come before it"),
    "interop.link_unknown": ("연결이 파일에 없는 작업 {key}을(를) 가리킵니다",
                             "a link names task {key}, which is not in the file"),
    "interop.link_self": ("작업 {key}이(가) 자기 자신과 연결되어 있습니다",
                          "task {key} is linked to itself"),
    "interop.link_twice": ("작업 {a}과(와) {b}이(가) 두 번 연결되어 있습니다",
                           "tasks {a} and {b} are linked twice"),
    "interop.cycle": ("연결이 순환합니다: {cycle}", "the links form a cycle: {cycle}"),
})


def read_bytes(path: Path | str, limit: int = MAX_FILE_BYTES) -> bytes:
    """The file's bytes, refusing missing, unreadable or oversized files."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > limit:
            raise InteropError("interop.file_too_big", source=path.name,
                               size=f"{size / 1e6:.0f}", limit=f"{limit / 1e6:.0f}")
        with path.open("rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise InteropError("interop.cannot_read", source=path.name,
                           detail=exc.strerror or str(exc)) from None
    if len(data) > limit:
        raise InteropError("interop.larger_than", source=path.name, limit=f"{limit / 1e6:.0f}")
    return data


def check_plan(plan: ParsedPlan, source: str) -> None:
    """Refuse duplicate keys, links to unknown tasks, self links and cycles."""
    if len(plan.tasks) > MAX_TASKS:
        raise InteropError("interop.too_many_tasks", source=source, count=len(plan.tasks),
                           limit=MAX_TASKS)
    names: dict[str, str] = {}
    wbs_seen: dict[str, str] = {}
    for pt in plan.tasks:
        if pt.key in names:
            raise InteropError("interop.key_twice", line=line_of(pt), source=source,
                               key=pt.key)
        names[pt.key] = pt.task.name_ko
        if pt.task.wbs in wbs_seen:
            raise InteropError("interop.wbs_twice", line=line_of(pt), source=source,
                               wbs=pt.task.wbs[:100])
        wbs_seen[pt.task.wbs] = pt.key
        if pt.parent_key is not None and pt.parent_key not in names:
            raise InteropError("interop.parent_after", line=line_of(pt), source=source,
                               key=pt.key, parent=pt.parent_key)
    seen_pairs: set[tuple[str, str]] = set()
    succ: dict[str, list[str]] = defaultdict(list)
    indeg: dict[str, int] = dict.fromkeys(names, 0)
    for link in plan.links:
        for k in (link.predecessor_key, link.successor_key):
            if k not in names:
                raise InteropError("interop.link_unknown", element="PredecessorLink",
                                   line=line_of(link), source=source, key=k)
        if link.predecessor_key == link.successor_key:
            raise InteropError("interop.link_self", element="PredecessorLink",
                               line=line_of(link), source=source, key=link.successor_key)
        pair = (link.predecessor_key, link.successor_key)
        if pair in seen_pairs:
            raise InteropError("interop.link_twice", element="PredecessorLink",
                               line=line_of(link), source=source, a=pair[0], b=pair[1])
        seen_pairs.add(pair)
        try:
            m.validate_dependency(m.Dependency(0, 1, link.type, link.lag_days))
        except m.ValidationError as exc:
            raise InteropError(exc.message, element="PredecessorLink", line=line_of(link),
                               source=source) from None
        succ[link.predecessor_key].append(link.successor_key)
        indeg[link.successor_key] += 1
    queue = deque(k for k, d in indeg.items() if d == 0)
    done = 0
    lags = {(link.predecessor_key, link.successor_key): link.lag_days for link in plan.links}
    by_key = {pt.key: pt for pt in plan.tasks}
    reach: dict[str, float] = {}  # latest day (ordinal) each task could end, an upper bound
    while queue:
        k = queue.popleft()
        done += 1
        end = _bound_end(by_key[k], plan, reach.get(k))
        if end > _ERA_END:
            raise InteropError("interop.beyond_era", wbs=by_key[k].task.wbs[:40],
                               name=by_key[k].task.name_ko[:60], last=LAST_YEAR,
                               line=line_of(by_key[k]), source=source)
        for s in succ[k]:
            reach[s] = max(reach.get(s, 0.0), end + max(lags.get((k, s), 0), 0) * 7 / 5)
            indeg[s] -= 1
            if indeg[s] == 0:
                queue.append(s)
    if done < len(names):
        cycle = _find_cycle({k for k, d in indeg.items() if d > 0}, succ)
        shown = " → ".join(f"{k} ({names[k]})" for k in cycle)
        raise InteropError("interop.cycle", element="PredecessorLink", source=source,
                           cycle=shown)


def _bound_end(pt: ParsedTask, plan: ParsedPlan, after: float | None) -> float:
    """An upper bound of the task's end (day ordinal): no schedule can end later.

    Every link is taken as finish-to-start with its lag, and working days as
    7/5 calendar days plus holidays' slack, so a plan that passes can always be
    drawn; only chains running centuries past the plan are refused here.
    """
    t = pt.task
    anchor = t.start.earliest() if t.start else (plan.start or date.today())
    begin = max(float(anchor.toordinal()), after or 0.0)
    if t.constraint_date is not None:
        begin = max(begin, float(t.constraint_date.toordinal()))
    return begin + t.duration_days * 7 / 5 * 1.1 + 14


def _find_cycle(nodes: set[str], succ: dict[str, list[str]]) -> list[str]:
    start = min(nodes)
    path, index = [start], {start: 0}
    current = start
    while True:
        nxt = next(s for s in succ[current] if s in nodes)
        if nxt in index:
            return path[index[nxt]:] + [nxt]
        index[nxt] = len(path)
        path.append(nxt)
        current = nxt


def outline_order(tasks: list[m.Task]) -> list[tuple[m.Task, int]]:
    """Tasks parents-first in sort order, each with its outline level (1 = top)."""
    by_parent: dict[int | None, list[m.Task]] = defaultdict(list)
    ids = {t.id for t in tasks}
    for t in tasks:
        by_parent[t.parent_id if t.parent_id in ids else None].append(t)
    out: list[tuple[m.Task, int]] = []
    stack = [(t, 1) for t in reversed(by_parent[None])]
    while stack:
        t, level = stack.pop()
        out.append((t, level))
        stack.extend((c, level + 1) for c in reversed(by_parent[t.id]))
    return out


def tasks_for_ministry(tasks: list[m.Task], org_id: int | None) -> list[m.Task]:
    """The ministry's tasks plus their ancestors (so the outline stays whole)."""
    if org_id is None:
        return tasks
    by_id = {t.id: t for t in tasks}
    keep: set[int] = set()
    for t in tasks:
        if t.owner_org_id == org_id or org_id in t.supporting_org_ids:
            cur: m.Task | None = t
            while cur is not None and cur.id not in keep:
                keep.add(cur.id)
                cur = by_id.get(cur.parent_id) if cur.parent_id is not None else None
    return [t for t in tasks if t.id in keep]
