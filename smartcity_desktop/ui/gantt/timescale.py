"""The chart's time axis: date <-> x, zoom steps, and the two-level header cells.

No Qt here: :class:`Timescale` maps day ordinals to content x (pixels from the
chart origin) at a given zoom (pixels per day); :func:`header_cells` lists the
cells of one header band (year, quarter, month, week or day) over a visible day
range, each with labels from longest to shortest so the painter can pick the
longest one that fits. Korean labels first ("2019년", "1월", "1분기"), English
when the interface language is English.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

MODES = ("quarter/year", "year/month", "month/week", "week/day")
# Zoom steps in pixels per day, from the whole decade to single days.
ZOOM_LADDER = (0.25, 0.4, 0.6, 0.9, 1.3, 2.0, 3.0, 4.5, 6.0, 9.0, 13.0, 18.0, 26.0, 36.0, 50.0)
MIN_PPD, MAX_PPD = ZOOM_LADDER[0], ZOOM_LADDER[-1]
MODE_DEFAULT_PPD = {"quarter/year": 0.4, "year/month": 2.0, "month/week": 6.0, "week/day": 26.0}
# (upper unit, lower unit) of each header mode.
MODE_UNITS = {
    "quarter/year": ("year", "quarter"),
    "year/month": ("year", "month"),
    "month/week": ("month", "week"),
    "week/day": ("week", "day"),
}
_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_KO_WEEKDAYS = "월화수목금토일"
_EN_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def mode_for_ppd(ppd: float) -> str:
    """The header mode whose cells read best at ``ppd`` pixels per day."""
    if ppd < 0.8:
        return "quarter/year"
    if ppd < 3.5:
        return "year/month"
    if ppd < 15.0:
        return "month/week"
    return "week/day"


def check_mode(mode: str) -> str:
    if mode not in MODES:
        raise ValueError(f"알 수 없는 시간 눈금 '{mode}' (가능: {', '.join(MODES)})")
    return mode


def next_zoom(ppd: float, direction: int) -> float:
    """The next ladder step above (direction > 0) or below the current zoom."""
    if direction > 0:
        bigger = [z for z in ZOOM_LADDER if z > ppd * 1.001]
        return bigger[0] if bigger else MAX_PPD
    smaller = [z for z in ZOOM_LADDER if z < ppd * 0.999]
    return smaller[-1] if smaller else MIN_PPD


@dataclass
class Timescale:
    """Day ordinals ``origin .. end`` (exclusive) laid out at ``ppd`` pixels per day."""

    origin: int
    end: int
    ppd: float

    @property
    def width(self) -> int:
        return int(math.ceil((self.end - self.origin) * self.ppd))

    def x(self, ordinal: float) -> float:
        """Content x of the start (left edge) of day ``ordinal``."""
        return (ordinal - self.origin) * self.ppd

    def x_of(self, d: date) -> float:
        return self.x(d.toordinal())

    def ordinal_at(self, x: float) -> int:
        """The day whose column contains content x."""
        return self.origin + int(math.floor(x / self.ppd))

    def date_at(self, x: float) -> date:
        o = min(max(self.ordinal_at(x), 1), date.max.toordinal())
        return date.fromordinal(o)


@dataclass(frozen=True)
class Cell:
    start: int  # first day ordinal
    end: int  # exclusive
    labels: tuple[str, ...]  # longest first
    tooltip: str = ""


def _month_start(d: date) -> date:
    return d.replace(day=1)


def _add_months(d: date, n: int) -> date:
    m = d.month - 1 + n
    return date(d.year + m // 12, m % 12 + 1, 1)


def _labels(unit: str, d: date, lang: str) -> tuple[str, ...]:
    ko = lang != "en"
    if unit == "year":
        short = f"'{d.year % 100:02d}"
        return (f"{d.year}년", short) if ko else (str(d.year), short)
    if unit == "quarter":
        q = (d.month - 1) // 3 + 1
        return (f"{q}분기", f"{q}Q", str(q)) if ko else (f"Q{q}", str(q))
    if unit == "month":
        if ko:
            return (f"{d.year}년 {d.month}월", f"{d.month}월", str(d.month))
        return (f"{_EN_MONTHS[d.month - 1]} {d.year}", _EN_MONTHS[d.month - 1],
                _EN_MONTHS[d.month - 1][0])
    if unit == "week":
        if ko:
            return (f"{d.year}년 {d.month}월 {d.day}일 주", f"{d.month}월 {d.day}일 주",
                    f"{d.month}/{d.day}", str(d.day))
        return (f"Week of {d.day} {_EN_MONTHS[d.month - 1]} {d.year}",
                f"{d.day} {_EN_MONTHS[d.month - 1]}", f"{d.month}/{d.day}", str(d.day))
    wd = d.weekday()
    if ko:
        return (f"{d.day} {_KO_WEEKDAYS[wd]}", str(d.day))
    return (f"{d.day} {_EN_WEEKDAYS[wd]}", str(d.day))


def _unit_start(unit: str, d: date) -> date:
    if unit == "year":
        return date(d.year, 1, 1)
    if unit == "quarter":
        return date(d.year, (d.month - 1) // 3 * 3 + 1, 1)
    if unit == "month":
        return _month_start(d)
    if unit == "week":
        return d - timedelta(days=d.weekday())
    return d


def _unit_next(unit: str, d: date) -> date:
    if unit == "year":
        return date(d.year + 1, 1, 1)
    if unit == "quarter":
        return _add_months(d, 3)
    if unit == "month":
        return _add_months(d, 1)
    if unit == "week":
        return d + timedelta(days=7)
    return d + timedelta(days=1)


def header_cells(unit: str, first: int, last: int, lang: str = "ko") -> list[Cell]:
    """Cells of ``unit`` covering day ordinals ``first..last`` (inclusive)."""
    first = max(first, 1)
    last = min(max(last, first), date.max.toordinal() - 400)
    d = _unit_start(unit, date.fromordinal(first))
    cells: list[Cell] = []
    while d.toordinal() <= last:
        nxt = _unit_next(unit, d)
        labels = _labels(unit, d, lang)
        cells.append(Cell(d.toordinal(), nxt.toordinal(), labels, labels[0]))
        d = nxt
    return cells
