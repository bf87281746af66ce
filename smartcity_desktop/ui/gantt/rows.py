"""What the Gantt chart draws: one :class:`GanttRow` per visible task-table row.

The window turns its (filtered, expanded) task tree into a list of rows and
hands it to :meth:`GanttView.set_rows`. :class:`RowTable` turns that list into
numpy arrays once, so painting and hit-testing never loop over every row, and
:class:`DependencyIndex` keeps the arrows as row-indexed arrays so a paint only
looks at the arrows whose vertical span crosses the visible rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np

ROW_HEIGHT = 24  # pixels; the task tree must use the same uniform row height

KINDS = ("task", "summary", "milestone")
KIND_TASK, KIND_SUMMARY, KIND_MILESTONE = 0, 1, 2
DEP_TYPES = ("FS", "SS", "FF", "SF")
NO_DATE = -1  # ordinal stand-in for "no date" in the numpy arrays


@dataclass
class GanttRow:
    """One chart row. ``finish`` is the inclusive last working day."""

    task_id: int
    wbs: str
    name: str
    kind: str  # 'summary' | 'task' | 'milestone'
    start: date
    finish: date
    percent: float = 0.0
    critical: bool = False
    planned_start_range: tuple[date, date] | None = None
    planned_finish_range: tuple[date, date] | None = None
    baseline_start: date | None = None
    baseline_finish: date | None = None
    depth: int = 0
    total_float: float | None = None  # working days; shown in the hover tooltip
    working_days: int | None = None  # the scheduled duration in working days (tooltip)


def _ordinal(d: date | None) -> int:
    return d.toordinal() if d is not None else NO_DATE


class RowTable:
    """Column arrays (numpy) over a list of :class:`GanttRow`, built once per ``set_rows``."""

    def __init__(self, rows: Sequence[GanttRow]) -> None:
        self.rows: list[GanttRow] = list(rows)
        n = len(self.rows)
        self.row_of: dict[int, int] = {}
        start = np.empty(n, dtype=np.int64)
        finish = np.empty(n, dtype=np.int64)
        kind = np.empty(n, dtype=np.int8)
        critical = np.zeros(n, dtype=bool)
        percent = np.zeros(n, dtype=np.float64)
        ranges = np.full((n, 4), NO_DATE, dtype=np.int64)  # ps_lo, ps_hi, pf_lo, pf_hi
        baseline = np.full((n, 2), NO_DATE, dtype=np.int64)
        self.start, self.finish, self.kind = start, finish, kind
        self.critical, self.percent = critical, percent
        self.ranges, self.baseline = ranges, baseline
        for i, row in enumerate(self.rows):
            if row.task_id in self.row_of:
                raise ValueError(f"작업 {row.task_id}이(가) 간트 행에 두 번 있습니다")
            self.row_of[row.task_id] = i
            self._fill(i, row)

    def _fill(self, i: int, row: GanttRow) -> None:
        if row.kind not in KINDS:
            raise ValueError(
                f"작업 {row.task_id}: 알 수 없는 종류 '{row.kind}' "
                f"(task/summary/milestone 중 하나여야 합니다)"
            )
        s, f = row.start.toordinal(), row.finish.toordinal()
        self.start[i], self.finish[i] = s, max(s, f)
        self.kind[i] = KINDS.index(row.kind)
        self.critical[i] = bool(row.critical)
        self.percent[i] = min(100.0, max(0.0, float(row.percent or 0.0)))
        self.ranges[i] = NO_DATE
        if row.planned_start_range is not None:
            self.ranges[i, 0], self.ranges[i, 1] = map(_ordinal, row.planned_start_range)
        if row.planned_finish_range is not None:
            self.ranges[i, 2], self.ranges[i, 3] = map(_ordinal, row.planned_finish_range)
        self.baseline[i] = NO_DATE
        if row.baseline_start is not None and row.baseline_finish is not None:
            self.baseline[i] = _ordinal(row.baseline_start), _ordinal(row.baseline_finish)

    def replace(self, rows: Iterable[GanttRow]) -> list[int]:
        """Put new values into rows already shown (same task ids); return their indices."""
        changed = []
        for row in rows:
            i = self.row_of.get(row.task_id)
            if i is not None:
                self.rows[i] = row
                self._fill(i, row)
                changed.append(i)
        return changed

    def __len__(self) -> int:
        return len(self.rows)

    def date_span(self) -> tuple[int, int] | None:
        """(first, last) day ordinal covered by any bar, range or baseline; None if empty."""
        if not self.rows:
            return None
        lo = int(self.start.min())
        hi = int(self.finish.max())
        for arr in (self.ranges, self.baseline):
            valid = arr[arr != NO_DATE]
            if valid.size:
                lo, hi = min(lo, int(valid.min())), max(hi, int(valid.max()))
        return lo, hi


@dataclass(frozen=True)
class LinkArrays:
    """Links already as arrays: (predecessor id, successor id) pairs and DEP_TYPES codes
    (the window keeps its links this way, so a new link costs no pass over all of them)."""

    ids: np.ndarray  # (n, 2) int64
    types: np.ndarray  # (n,) int8: an index into DEP_TYPES

    def joined(self, more: LinkArrays) -> LinkArrays:
        return LinkArrays(np.concatenate([self.ids.reshape(-1, 2), more.ids.reshape(-1, 2)]),
                          np.concatenate([self.types, more.types]))


def link_arrays(deps: Sequence[tuple[int, int, str]]) -> LinkArrays:
    """(predecessor id, successor id, "FS"|"SS"|"FF"|"SF") tuples as :class:`LinkArrays`."""
    codes: dict[Any, int] = {t: i for i, t in enumerate(DEP_TYPES)}
    for item in deps:  # each distinct spelling checked once (150,000 links, four types)
        if item[2] not in codes:
            code = codes.get(str(item[2]).upper())
            if code is None:
                raise ValueError(f"알 수 없는 선후행 종류 '{item[2]}' (FS/SS/FF/SF)")
            codes[item[2]] = code
    typ = np.fromiter((codes[item[2]] for item in deps), dtype=np.int8, count=len(deps))
    ids = np.asarray([(d[0], d[1]) for d in deps], dtype=np.int64).reshape(-1, 2)
    return LinkArrays(ids, typ)


class DependencyIndex:
    """Dependencies between rows as arrays, filtered to rows currently shown."""

    def __init__(self, deps: Iterable[tuple[int, int, str]] | LinkArrays,
                 row_of: dict[int, int]) -> None:
        arrays = deps if isinstance(deps, LinkArrays) else link_arrays(list(deps))
        ids, typ = arrays.ids.reshape(-1, 2), arrays.types
        # task id -> row through one lookup array (-1: the task is not shown)
        top = int(max(ids.max(initial=0), max(row_of, default=0))) + 1
        lookup = np.full(top, -1, dtype=np.int64)
        if row_of:
            lookup[np.fromiter(row_of.keys(), np.int64)] = np.fromiter(row_of.values(), np.int64)
        pred, succ = lookup[ids[:, 0]], lookup[ids[:, 1]]
        keep = (pred >= 0) & (succ >= 0) & (pred != succ)  # hidden ends are skipped
        self.pred, self.succ, self.type = pred[keep], succ[keep], typ[keep]
        self.lo = np.minimum(self.pred, self.succ)
        self.hi = np.maximum(self.pred, self.succ)

    def __len__(self) -> int:
        return int(self.pred.size)

    def crossing(self, first: int, last: int) -> np.ndarray:
        """Indices of the arrows whose row span touches rows ``first..last``."""
        if not self.pred.size:
            return self.pred
        return np.flatnonzero((self.lo <= last) & (self.hi >= first))
