"""Helpers shared by the importers: bounded file reads, link checks, plan ordering.

Kept free of any file format: reading a file with a size limit, refusing
cycles and dangling links in a parsed plan, and walking a store's tasks in
outline order (parents before their children) for the exporters.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from ..domain import model as m
from ..domain.dates import LAST_YEAR
from ..messages import register
from ..store.staging import ImportStage
from .errors import InteropError
from .preview import MAX_FILE_BYTES, MAX_TASKS, ParsedLink, ParsedPlan, ParsedTask, line_of
from .staged import staged

_ERA_END = date(LAST_YEAR, 12, 31).toordinal()
_CYCLE_SHOWN = 20  # tasks of a cycle named in the refusal

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


def check_size(path: Path | str, limit: int = MAX_FILE_BYTES) -> int:
    """The file's size, refusing missing, unreadable or oversized files."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InteropError("interop.cannot_read", source=path.name,
                           detail=exc.strerror or str(exc)) from None
    if size > limit:
        raise InteropError("interop.file_too_big", source=path.name,
                           size=f"{size / 1e6:.0f}", limit=f"{limit / 1e6:.0f}")
    return size


def read_bytes(path: Path | str, limit: int = MAX_FILE_BYTES) -> bytes:
    """The file's bytes, refusing missing, unreadable or oversized files."""
    path = Path(path)
    size = check_size(path, limit)
    try:
        with path.open("rb") as fh:
            data = fh.read(size + 1 if size else limit + 1)  # a pipe's size is 0: up to limit
            if size and len(data) > size:  # it grew while read: read on, up to the limit
                data += fh.read(limit + 1 - len(data))
    except OSError as exc:
        raise InteropError("interop.cannot_read", source=path.name,
                           detail=exc.strerror or str(exc)) from None
    if len(data) > limit:
        raise InteropError("interop.larger_than", source=path.name, limit=f"{limit / 1e6:.0f}")
    return data


def check_plan(plan: ParsedPlan, source: str) -> None:
    """Refuse duplicate keys, parents after children, links to unknown tasks, self links,
    repeated links, cycles and schedules running past the era.

    The plan ends up staged (:func:`~.staged.staged`): the checks are queries of its
    stage, and the graph walk uses arrays of numbers, so a 100,000-task plan is
    checked without holding its tasks in memory.
    """
    if len(plan.tasks) > MAX_TASKS:
        raise InteropError("interop.too_many_tasks", source=source, count=len(plan.tasks),
                           limit=MAX_TASKS)
    tasks, links = plan.tasks, plan.links  # as given: a list keeps each item's own line
    stage = staged(plan)

    def task_error(message: str, ord_: int, **values: object) -> InteropError:
        return InteropError(message, line=line_of(tasks[ord_]), source=source, **values)

    if (repeat := stage.first_repeat("key")) is not None:
        raise task_error("interop.key_twice", repeat[0], key=plan.tasks[repeat[0]].key)
    if (repeat := stage.first_repeat("wbs")) is not None:
        raise task_error("interop.wbs_twice", repeat[0],
                         wbs=plan.tasks[repeat[0]].task.wbs[:100])
    if (late := stage.first_late_parent()) is not None:
        pt = plan.tasks[late]
        raise task_error("interop.parent_after", late, key=pt.key, parent=pt.parent_key)
    _check_links(stage, links, source)
    _check_graph(stage, plan, tasks, source)


def _check_links(stage: ImportStage, links: Sequence[ParsedLink], source: str) -> None:
    """The first link (in file order) naming an unknown task, itself, or a pair twice, or
    with a lag out of range."""
    found: list[tuple[int, str, dict[str, object]]] = []
    if (unknown := stage.first_unknown_end()) is not None:
        found.append((unknown[0], "interop.link_unknown", {"key": unknown[1]}))
    if (pos := stage.first_self_link()) is not None:
        found.append((pos, "interop.link_self", {"key": links[pos].successor_key}))
    if (pos := stage.first_repeated_link()) is not None:
        link = links[pos]
        found.append((pos, "interop.link_twice",
                      {"a": link.predecessor_key, "b": link.successor_key}))
    for pos, kind, lag in stage.link_values():
        try:
            m.validate_dependency(m.Dependency(0, 1, m.DependencyType(kind), lag))
        except m.ValidationError as exc:
            found.append((pos, exc.message, {}))  # type: ignore[arg-type]
            break
    if found:
        pos, message, values = min(found, key=lambda f: f[0])  # stable: the first kind wins
        raise InteropError(message, element="PredecessorLink", line=line_of(links[pos]),
                           source=source, **values)


def _check_graph(stage: ImportStage, plan: ParsedPlan, tasks: Sequence[ParsedTask],
                 source: str) -> None:
    """Walk the links in topological order (Kahn), bounding each task's end: refuse a
    schedule that runs past the era, and a cycle."""
    n = stage.tasks
    begin, days = stage.bounds((plan.start or date.today()).toordinal())
    pred, succ, lag = stage.graph()
    first_out = array("i", [0]) * (n + 1)  # links sorted by predecessor: k's are first_out[k:k+1]
    indeg = array("i", [0]) * n
    for p, s in zip(pred, succ, strict=True):
        first_out[p + 1] += 1
        indeg[s] += 1
    for k in range(n):
        first_out[k + 1] += first_out[k]
    queue = array("i", (k for k in range(n) if indeg[k] == 0))
    reach = array("d", [0.0]) * n  # latest day (ordinal) each task could start, a bound
    head = 0
    while head < len(queue):
        k = queue[head]
        head += 1
        end = _bound_end(begin[k], reach[k], days[k])
        if end > _ERA_END:
            task = plan.tasks[k].task
            raise InteropError("interop.beyond_era", wbs=task.wbs[:40], name=task.name_ko[:60],
                               last=LAST_YEAR, line=line_of(tasks[k]), source=source)
        for j in range(first_out[k], first_out[k + 1]):
            s = succ[j]
            reach[s] = max(reach[s], end + max(lag[j], 0) * 7 / 5)
            indeg[s] -= 1
            if indeg[s] == 0:
                queue.append(s)
    if head < n:
        cycle = _find_cycle({k for k in range(n) if indeg[k] > 0}, succ, first_out)
        shown = " → ".join(f"{pt.key} ({pt.task.name_ko})"
                           for pt in (plan.tasks[k] for k in cycle[:_CYCLE_SHOWN]))
        if len(cycle) > _CYCLE_SHOWN:
            shown += " → …"
        raise InteropError("interop.cycle", element="PredecessorLink", source=source,
                           cycle=shown)


def _bound_end(begin: int, after: float, days: int) -> float:
    """An upper bound of the task's end (day ordinal): no schedule can end later.

    Every link is taken as finish-to-start with its lag, and working days as
    7/5 calendar days plus holidays' slack, so a plan that passes can always be
    drawn; only chains running centuries past the plan are refused here.
    """
    return max(float(begin), after) + days * 7 / 5 * 1.1 + 14


def _find_cycle(nodes: set[int], succ: array, first_out: array) -> list[int]:
    start = min(nodes)
    path, index = [start], {start: 0}
    current = start
    while True:
        nxt = next(succ[j] for j in range(first_out[current], first_out[current + 1])
                   if succ[j] in nodes)
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
