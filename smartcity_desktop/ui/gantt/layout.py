"""Chart geometry: rows, dependencies and the time axis, as arrays (no Qt).

:class:`GanttLayout` holds what ``set_rows``/``set_dependencies`` handed over,
the chart's date range and zoom, and per-row x extents (content pixels) as
numpy arrays recomputed only when rows or zoom change. Painting and
hit-testing read slices of these arrays for the visible rows; nothing here
loops over all rows except building the :class:`RowTable` once.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from .rows import (
    KIND_MILESTONE,
    NO_DATE,
    ROW_HEIGHT,
    DependencyIndex,
    GanttRow,
    LinkArrays,
    RowTable,
)
from .timescale import MAX_PPD, MIN_PPD, Timescale

LEAD_DAYS = 30  # empty days shown before the first bar
TAIL_DAYS = 120  # and after the last one


@dataclass(frozen=True)
class Frame:
    """The visible part of the chart in content pixels."""

    xoff: float
    yoff: float
    width: int
    height: int

    def rows(self, n_rows: int) -> tuple[int, int]:
        """First and last visible row indices (last < first when nothing is visible)."""
        first = max(0, int(self.yoff // ROW_HEIGHT))
        last = min(n_rows - 1, int((self.yoff + self.height - 1) // ROW_HEIGHT))
        return first, last


class GanttLayout:
    def __init__(self, ppd: float = 2.0, today: date | None = None) -> None:
        self.table = RowTable([])
        self._raw_deps: list[tuple[int, int, str]] | LinkArrays = []
        self.deps = DependencyIndex([], {})
        self.today = today or date.today()
        self.status_date: date | None = None
        self.ts = Timescale(0, 0, ppd)
        self._update_range()
        self._update_x()

    # -- input --------------------------------------------------------------------
    def set_rows(self, rows: Sequence[GanttRow]) -> None:
        self.table = RowTable(rows)
        self.deps = DependencyIndex(self._raw_deps, self.table.row_of)
        self._update_range()
        self._update_x()

    def update_rows(self, rows: Iterable[GanttRow]) -> bool:
        """New values for rows already shown; False when one is not shown (needs set_rows)."""
        rows = list(rows)
        if len(self.table.replace(rows)) != len(rows):
            return False
        self._update_range()
        self._update_x()  # vectorised over every row: cheaper than tracking which moved
        return True

    def set_dependencies(self, deps: Iterable[tuple[int, int, str]] | LinkArrays) -> None:
        raw = deps if isinstance(deps, LinkArrays) else list(deps)
        self.deps = DependencyIndex(raw, self.table.row_of)
        self._raw_deps = raw

    def set_ppd(self, ppd: float) -> None:
        self.ts.ppd = float(min(MAX_PPD, max(MIN_PPD, ppd)))
        self._update_x()

    def set_today(self, d: date) -> None:
        self.today = d
        self._update_range()
        self._update_x()

    def set_status_date(self, d: date | None) -> None:
        self.status_date = d
        self._update_range()
        self._update_x()

    # -- derived ------------------------------------------------------------------
    def _update_range(self) -> None:
        span = self.table.date_span()
        marks = [self.today.toordinal()]
        if self.status_date is not None:
            marks.append(self.status_date.toordinal())
        lo, hi = span if span is not None else (min(marks), max(marks) + 365)
        lo, hi = min([lo, *marks]), max([hi, *marks])
        first = date.fromordinal(max(1, lo - LEAD_DAYS)).replace(day=1)
        last = date.fromordinal(min(date.max.toordinal() - 400, hi + TAIL_DAYS))
        self.ts.origin = first.toordinal()
        self.ts.end = last.toordinal() + 1

    def _update_x(self) -> None:
        t, ts = self.table, self.ts
        origin, ppd = ts.origin, ts.ppd
        x0 = (t.start - origin) * ppd
        x1 = (t.finish + 1 - origin) * ppd
        # Keep short bars visible (at least 2 px) at coarse zoom levels.
        x1 = np.maximum(x1, x0 + 2.0)
        mile = t.kind == KIND_MILESTONE
        centre = x0 + ppd / 2.0
        self.x0 = np.where(mile, centre, x0)
        self.x1 = np.where(mile, centre, x1)
        self.range_x = np.where(t.ranges == NO_DATE, np.nan, (t.ranges - origin) * ppd)
        self.range_x[:, 1] += ppd  # inclusive last days of the ranges
        self.range_x[:, 3] += ppd
        self.base_x = np.where(t.baseline == NO_DATE, np.nan, (t.baseline - origin) * ppd)
        self.base_x[:, 1] += ppd

    # -- geometry -----------------------------------------------------------------
    @property
    def content_width(self) -> int:
        return self.ts.width

    @property
    def content_height(self) -> int:
        return len(self.table) * ROW_HEIGHT

    def row_at(self, content_y: float) -> int | None:
        if content_y < 0:
            return None
        i = int(content_y // ROW_HEIGHT)
        return i if i < len(self.table) else None

    def project_span(self) -> tuple[date, date]:
        span = self.table.date_span()
        if span is None:
            return self.today, self.today + timedelta(days=90)
        return date.fromordinal(span[0]), date.fromordinal(span[1])

    def fit_ppd(self, width: int) -> float:
        a, b = self.project_span()
        days = (b - a).days + 1 + 14  # a week of air on each side
        return float(min(MAX_PPD, max(MIN_PPD, width / max(days, 1))))

    def visible_deps(self, frame: Frame) -> np.ndarray:
        """Indices of arrows crossing the visible rows and the visible x range."""
        first, last = frame.rows(len(self.table))
        if last < first or not len(self.deps):
            return np.empty(0, dtype=np.int64)
        idx = self.deps.crossing(first, last)
        if not idx.size:
            return idx
        p, s = self.deps.pred[idx], self.deps.succ[idx]
        lo = np.minimum(self.x0[p], self.x0[s]) - 20.0
        hi = np.maximum(self.x1[p], self.x1[s]) + 20.0
        keep = (hi >= frame.xoff) & (lo <= frame.xoff + frame.width)
        return idx[keep]

    def snap_days(self, dx: float) -> int:
        """Whole days moved by a horizontal drag of ``dx`` pixels."""
        return int(math.floor(dx / self.ts.ppd + 0.5))
