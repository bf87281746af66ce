"""The scheduler's hot loops: graph building, topological order, the passes, incremental.

Private to :mod:`.scheduler` (the conventions are documented there). Everything
here works on plain Python lists of integer working-day boundaries: node ``n``
has its start at ``ept[2n]`` and finish at ``ept[2n + 1]`` (early) and the
same in ``lpt`` (late), so a link is "point ``p`` + offset" with no branching on
link type in the inner loops. Nodes ``0..T-1`` are the tasks (a summary's node
is its *gate*); nodes ``T..`` are the summaries' *end* nodes.
"""

from __future__ import annotations

import gc
import heapq
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from .model import Dependency, DependencyType, Task, TaskKind, ValidationError

if TYPE_CHECKING:
    from .scheduler import Scheduler

BIG = 1 << 40
FINISH_PRED = {DependencyType.FS: 1, DependencyType.FF: 1, DependencyType.SS: 0,
               DependencyType.SF: 0}
FINISH_SUCC = {DependencyType.FS: 0, DependencyType.SS: 0, DependencyType.FF: 1,
               DependencyType.SF: 1}


class CycleError(ValidationError):
    """Links that would make a loop; ``tasks`` lists the tasks in the loop in order."""

    def __init__(self, tasks: list[Task], prefix: str = "dependency") -> None:
        self.tasks = tasks
        chain = " → ".join(f"{t.wbs} {t.name_ko}" for t in [*tasks, tasks[0]])
        super().__init__(f"{prefix}: these tasks would depend on each other in a loop: {chain}")


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector during bulk work (a schedule build, an import).

    The many small objects built hold no reference cycles; the collector's repeated
    full passes over them only cost time. Reference counting still frees everything.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _ends(s: Scheduler, dep: Dependency) -> tuple[int, int, int, int]:
    su, tv = FINISH_PRED[dep.type], FINISH_SUCC[dep.type]
    p, q = dep.predecessor_id, dep.successor_id
    u = s._summary_end[p] if su and p in s._summary_end else s._node_of[p]
    v = s._summary_end[q] if tv and q in s._summary_end else s._node_of[q]
    return u, su, v, tv


def build(s: Scheduler) -> None:
    """Nodes, links (with the summaries' gate/end links), parameters, topological order."""
    tasks = s.tasks
    ids = list(tasks)
    s._ps = s.calendar.index_on_or_after(s.project_start)
    children: dict[int, list[int]] = {}
    for t in tasks.values():
        if t.parent_id is not None and t.parent_id in tasks:
            children.setdefault(t.parent_id, []).append(t.id)
    summaries = [tid for tid in ids if tasks[tid].kind is TaskKind.SUMMARY or tid in children]
    n_tasks = len(ids)
    s._node_of = {tid: i for i, tid in enumerate(ids)}
    s._summary_end = {tid: n_tasks + k for k, tid in enumerate(summaries)}
    s._owner = ids + summaries
    s._children = children
    s._order_ids = ids
    nn = n_tasks + len(summaries)
    s._nn = nn
    edges: list[tuple[int, int, int, int, int]] = []
    for d in s.dependencies:
        u, su, v, tv = _ends(s, d)
        edges.append((u, su, v, tv, d.lag_days))
    node_of, end_of = s._node_of, s._summary_end
    for tid in summaries:
        g, e = node_of[tid], end_of[tid]
        edges.append((g, 1, e, 0, 0))
        for c in children.get(tid, ()):
            edges.append((g, 0, node_of[c], 0, 0))
            edges.append((end_of.get(c, node_of[c]), 1, e, 1, 0))
    s._dur = [0] * nn
    s._floor = [s._ps] * nn
    s._cap = [BIG] * nn
    s._fixed: list[int | None] = [None] * nn
    s._min_end = [0] * nn  # work in progress finishes no earlier than the status date
    s._pct = [0.0] * nn
    s._display = {}
    for tid in ids:
        _set_params(s, tid)
    pin: list[list[tuple[int, int]]] = [[] for _ in range(nn)]
    pout: list[list[tuple[int, int, int, int]]] = [[] for _ in range(nn)]
    dur = s._dur
    for u, su, v, tv, lag in edges:
        pin[v].append((2 * u + su, lag - (dur[v] if tv else 0)))
        pout[u].append((2 * v + tv, (0 if su else dur[u]) - lag, 2 * u + su, lag))
    s._edges, s._pin, s._pout = edges, pin, pout
    # per-node edge lists and neighbour sets: made on the first incremental update
    s._in_e = s._out_e = s._succ_nodes = s._pred_nodes = None
    _topological_order(s)
    # summaries deepest first (reverse topological order of their gates)
    pos = s._pos
    s._summaries_up = sorted(summaries, key=lambda t: -pos[node_of[t]])
    s._roll = {}


def _neighbours(s: Scheduler) -> None:
    if s._succ_nodes is None:
        in_e: list[list[tuple[int, int, int, int, int]]] = [[] for _ in range(s._nn)]
        out_e: list[list[tuple[int, int, int, int, int]]] = [[] for _ in range(s._nn)]
        for edge in s._edges:
            out_e[edge[0]].append(edge)
            in_e[edge[2]].append(edge)
        s._in_e, s._out_e = in_e, out_e
        s._succ_nodes = [list({e[2] for e in out}) for out in out_e]
        s._pred_nodes = [list({e[0] for e in inn}) for inn in in_e]


def _topological_order(s: Scheduler) -> None:
    nn = s._nn
    indeg = [len(x) for x in s._pin]
    pout = s._pout
    stack = [n for n in range(nn) if indeg[n] == 0]
    stack.reverse()
    order: list[int] = []
    while stack:
        u = stack.pop()
        order.append(u)
        for link in pout[u]:
            v = link[0] >> 1
            indeg[v] -= 1
            if indeg[v] == 0:
                stack.append(v)
    if len(order) < nn:
        raise CycleError(_find_cycle(s, indeg))
    s._order = order
    pos = [0] * nn
    for i, n in enumerate(order):
        pos[n] = i
    s._pos = pos


def _find_cycle(s: Scheduler, indeg: list[int]) -> list[Task]:
    """Walk back along unfinished predecessors until a node repeats: that is a loop."""
    n = next(i for i, d in enumerate(indeg) if d > 0)
    seen: dict[int, int] = {}
    path: list[int] = []
    while n not in seen:
        seen[n] = len(path)
        path.append(n)
        n = next(p >> 1 for p, _ in s._pin[n] if indeg[p >> 1] > 0)
    loop = path[seen[n]:]
    loop.reverse()  # predecessor -> successor order
    return _tasks_of(s, loop)


def _tasks_of(s: Scheduler, nodes: list[int]) -> list[Task]:
    out: list[Task] = []
    for n in nodes:
        t = s.tasks[s._owner[n]]
        if t not in out:
            out.append(t)
    return out


def _set_params(s: Scheduler, tid: int) -> None:
    task = s.tasks[tid]
    n = s._node_of[tid]
    end = s._summary_end.get(tid)
    if end is not None:
        floor_s, floor_e, cap, _, _ = s.task_bounds(task, 0)
        s._floor[n], s._cap[n], s._fixed[n], s._dur[n] = floor_s, BIG, None, 0
        s._floor[end], s._cap[end], s._fixed[end], s._dur[end] = max(floor_e, s._ps), cap, None, 0
        return
    dur = 0 if task.kind is TaskKind.MILESTONE else max(task.duration_days, 0)
    floor_s, floor_e, cap, fixed, fixed_dur = s.task_bounds(task, dur)
    floor_s, min_end = s.status_bounds(task, floor_s)
    s._min_end[n] = min_end
    if fixed_dur is not None:
        dur = fixed_dur
    s._dur[n] = dur
    s._floor[n] = max(floor_s, floor_e - dur)
    s._cap[n] = cap
    s._fixed[n] = fixed
    s._pct[n] = s.percent_of(task)
    shown = s.task_display(task)
    if shown is None:
        s._display.pop(tid, None)
    else:
        s._display[tid] = shown


def _link_offsets(s: Scheduler, n: int) -> None:
    """Precompute "point + offset" for node ``n``'s incoming and outgoing links."""
    _neighbours(s)
    dur = s._dur
    dn = dur[n]
    s._pin[n] = [(2 * u + su, lag - (dn if tv else 0)) for u, su, _, tv, lag in s._in_e[n]]
    s._pout[n] = [(2 * v + tv, (0 if su else dn) - lag, 2 * n + su, lag)
                  for _, su, v, tv, lag in s._out_e[n]]


def _forward_one(s: Scheduler, v: int, ept: list[int]) -> bool:
    fixed = s._fixed[v]
    if fixed is not None:
        start = fixed
    else:
        start = s._floor[v]
        for p, a in s._pin[v]:
            c = ept[p] + a
            if c > start:
                start = c
    finish = start + s._dur[v]
    if finish < s._min_end[v]:
        finish = s._min_end[v]
    if ept[2 * v] == start and ept[2 * v + 1] == finish:
        return False
    ept[2 * v], ept[2 * v + 1] = start, finish
    return True


def _backward_one(s: Scheduler, u: int, lpt: list[int]) -> bool:
    cap = s._cap[u]
    f = s._pe if s._pe < cap else cap
    for q, a, _, _ in s._pout[u]:
        c = lpt[q] + a
        if c < f:
            f = c
    st = f - s._dur[u]
    if lpt[2 * u + 1] == f and lpt[2 * u] == st:
        return False
    lpt[2 * u], lpt[2 * u + 1] = st, f
    return True


def _floats_one(s: Scheduler, u: int) -> None:
    ept = s._ept
    ef = ept[2 * u + 1]
    tf = s._lpt[2 * u + 1] - ef
    links = s._pout[u]
    if links:
        ff = min(ept[q] - ept[src] - lag for q, _, src, lag in links)
    else:
        ff = s._pe - ef
    if ff > tf:
        ff = tf
    s._tf[u] = tf
    s._ff[u] = ff if ff > 0 else 0


def full_pass(s: Scheduler) -> None:
    """Forward pass, project end, backward pass, floats, roll-up: every node."""
    nn = s._nn
    ept = [0] * (2 * nn)
    fixed, floor, dur, pin, min_end = s._fixed, s._floor, s._dur, s._pin, s._min_end
    for v in s._order:  # inlined _forward_one: this is the hot loop
        start = fixed[v]
        if start is None:
            start = floor[v]
            for p, a in pin[v]:
                c = ept[p] + a
                if c > start:
                    start = c
        ept[2 * v] = start
        finish = start + dur[v]
        ept[2 * v + 1] = finish if finish >= min_end[v] else min_end[v]
    s._ept = ept
    s._pe = max(max(ept[1::2], default=s._ps), s._ps)
    _full_backward(s)
    s._roll = {}
    for tid in s._summaries_up:
        _roll_up(s, tid)


def _full_backward(s: Scheduler) -> None:
    nn = s._nn
    lpt = [0] * (2 * nn)
    pe, cap, dur, pout = s._pe, s._cap, s._dur, s._pout
    for u in reversed(s._order):
        f = cap[u]
        if pe < f:
            f = pe
        for q, a, _, _ in pout[u]:
            c = lpt[q] + a
            if c < f:
                f = c
        lpt[2 * u + 1] = f
        lpt[2 * u] = f - dur[u]
    s._lpt = lpt
    ept = s._ept
    tf = [0] * nn
    ff = [0] * nn
    for u in range(nn):  # inlined _floats_one
        ef = ept[2 * u + 1]
        t = lpt[2 * u + 1] - ef
        links = pout[u]
        if links:
            f = min([ept[q] - ept[src] - lag for q, _, src, lag in links])
        else:
            f = pe - ef
        if f > t:
            f = t
        tf[u] = t
        ff[u] = f if f > 0 else 0
    s._tf, s._ff = tf, ff


def _roll_up(s: Scheduler, tid: int) -> None:
    """A summary's dates, floats and percent from its children (children done first)."""
    g, e = s._node_of[tid], s._summary_end[tid]
    ept, lpt = s._ept, s._lpt
    kids = s._children.get(tid, ())
    if not kids:
        es, ef, weight, pct = ept[2 * g], ept[2 * e + 1], 0, 0.0
        day = es if ef > es else es - 1
    else:
        # day: index of the first working day shown (a milestone shows the day it ends)
        es, ef, day, weight, acc, plain = BIG, -BIG, BIG, 0, 0.0, 0.0
        for c in kids:
            r = s._roll.get(c)
            if r is not None:
                cs, cf, cw, cp, cd = r[0], r[1], r[7], r[6], r[8]
            else:
                n = s._node_of[c]
                cs, cf = ept[2 * n], ept[2 * n + 1]
                cw, cp = s._dur[n], s._pct[n]
                cd = cs if cf > cs else cs - 1
            es = cs if cs < es else es
            ef = cf if cf > ef else ef
            day = cd if cd < day else day
            weight += cw
            acc += cp * cw
            plain += cp
        pct = acc / weight if weight > 0 else plain / len(kids)
    lf = lpt[2 * e + 1]
    tf = lf - ef
    ff = min(s._ff[e], tf) if tf > 0 else 0
    s._pct[g] = pct
    s._roll[tid] = (es, ef, lpt[2 * g], lf, tf, max(ff, 0), pct, weight, day)


def incremental(s: Scheduler, tid: int) -> None:
    """Recompute after one task changed; equal to :func:`full_pass` by construction."""
    n = s._node_of[tid]
    seeds = [n]
    if tid in s._summary_end:
        seeds.append(s._summary_end[tid])
    _set_params(s, tid)
    for x in seeds:
        _link_offsets(s, x)
    _propagate(s, seeds)


def _edge_of(s: Scheduler, dep: Dependency) -> tuple[int, int, int, int, int]:
    u, su, v, tv = _ends(s, dep)
    return (u, su, v, tv, dep.lag_days)


def relink(s: Scheduler, added: list[Dependency], removed: list[Dependency]) -> None:
    """Add and remove links, then recompute only what they reach (equal to a full pass).

    The topological order is kept when every new link already points forward
    in it (the usual case); otherwise it is recomputed, which is linear.
    """
    _neighbours(s)
    ends: set[int] = set()
    for dep in removed:
        edge = _edge_of(s, dep)
        s._edges.remove(edge)
        s._out_e[edge[0]].remove(edge)
        s._in_e[edge[2]].remove(edge)
        ends.update((edge[0], edge[2]))
    reorder = False
    for dep in added:
        edge = _edge_of(s, dep)
        s._edges.append(edge)
        s._out_e[edge[0]].append(edge)
        s._in_e[edge[2]].append(edge)
        ends.update((edge[0], edge[2]))
        reorder = reorder or s._pos[edge[0]] >= s._pos[edge[2]]
    for n in ends:
        s._succ_nodes[n] = list({e[2] for e in s._out_e[n]})
        s._pred_nodes[n] = list({e[0] for e in s._in_e[n]})
        _link_offsets(s, n)
    if reorder:
        _topological_order(s)
        pos, node_of = s._pos, s._node_of
        s._summaries_up = sorted(s._summary_end, key=lambda t: -pos[node_of[t]])
    _propagate(s, sorted(ends))


def _propagate(s: Scheduler, seeds: list[int]) -> None:
    """Forward from the seeds to what moves, backward likewise, then floats and roll-ups."""
    pos, ept, lpt = s._pos, s._ept, s._lpt
    changed_e: set[int] = set(seeds)
    heap = [(pos[x], x) for x in seeds]
    queued = set(seeds)
    heapq.heapify(heap)
    while heap:
        _, v = heapq.heappop(heap)
        queued.discard(v)
        if _forward_one(s, v, ept) or v in seeds:
            changed_e.add(v)
            for w in s._succ_nodes[v]:
                if w not in queued:
                    queued.add(w)
                    heapq.heappush(heap, (pos[w], w))
    pe = max(max(ept[1::2], default=s._ps), s._ps)
    if pe != s._pe:
        s._pe = pe
        _full_backward(s)
        touched: set[int] = set(range(s._nn))
    else:
        changed_l: set[int] = set(seeds)
        heap = [(-pos[x], x) for x in seeds]
        queued = set(seeds)
        heapq.heapify(heap)
        while heap:
            _, u = heapq.heappop(heap)
            queued.discard(u)
            if _backward_one(s, u, lpt) or u in seeds:
                changed_l.add(u)
                for w in s._pred_nodes[u]:
                    if w not in queued:
                        queued.add(w)
                        heapq.heappush(heap, (-pos[w], w))
        touched = changed_e | changed_l
        for v in changed_e:
            touched.update(s._pred_nodes[v])
        for u in touched:
            _floats_one(s, u)
    owners = {s._owner[x] for x in touched}
    s.changed_ids |= owners
    _roll_up_from(s, owners)


def _roll_up_from(s: Scheduler, task_ids: set[int]) -> None:
    """Roll up the summaries above (and including) the given tasks, children first."""
    tasks, pos, node_of = s.tasks, s._pos, s._node_of
    if len(task_ids) * 4 > len(tasks):
        dirty: Any = s._summaries_up
    else:
        found: set[int] = set()
        for tid in task_ids:
            cur: int | None = tid
            while cur is not None and cur in tasks and cur not in found:
                if cur in s._summary_end:
                    found.add(cur)
                cur = tasks[cur].parent_id
        dirty = sorted(found, key=lambda t: -pos[node_of[t]])
    for summary in dirty:
        _roll_up(s, summary)
    s.changed_ids.update(dirty)


def path_closing_cycle(s: Scheduler, dep: Dependency) -> list[Task]:
    """The tasks of the loop that ``dep`` would close, or [] if it closes none."""
    _neighbours(s)
    u, _, v, _ = _ends(s, dep)
    if u == v:
        return [s.tasks[dep.predecessor_id]]
    # Every link runs forward in the topological order (``_pos``, kept by change_links),
    # so only tasks placed no later than u can lie on a path from v to u.
    pos = s._pos
    limit = pos[u] if len(pos) == s._nn else s._nn
    if len(pos) == s._nn and pos[v] > limit:
        return []
    parent: dict[int, int] = {v: -1}
    frontier = [v]
    while frontier and u not in parent:
        nxt: list[int] = []
        for x in frontier:
            for w in s._succ_nodes[x]:
                if w not in parent and (limit == s._nn or pos[w] <= limit):
                    parent[w] = x
                    nxt.append(w)
        frontier = nxt
    if u not in parent:
        return []
    path = [u]
    while path[-1] != v:
        path.append(parent[path[-1]])
    path.reverse()  # v ... u
    return _tasks_of(s, [u, *path[:-1]])
