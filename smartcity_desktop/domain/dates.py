"""Imprecise plan dates ("early January 2019", "first half of 2019", "2021").

A :class:`PlanDate` keeps the precision the source document used. It is stored as
a compact text code, shown as written (Korean or English), and scheduled on its
range (:meth:`PlanDate.earliest` .. :meth:`PlanDate.latest`); it is never
silently turned into a fake exact day.

Storage codes::

    2019-01-15   day            2019-01      month
    2019-01-E    early month    2019-Q1      quarter
    2019-01-M    mid month      2019-H1      half year
    2019-01-L    late month     2019         year
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from enum import Enum

from ..messages import Refusal, register


class Precision(str, Enum):
    DAY = "day"
    EARLY_MONTH = "early"
    MID_MONTH = "mid"
    LATE_MONTH = "late"
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"


class DateParseError(Refusal, ValueError):
    """A text that is not a plan date; the message says what was expected."""


# The plan's era: dates outside it are typing errors or hostile files, and no
# schedule, chart or export has to handle them.
FIRST_YEAR = 1900
LAST_YEAR = 2200

register({
    "date.year_range": ("연도 {year}은(는) 범위({first}-{last}) 밖입니다",
                        "year {year} is out of range ({first}-{last})"),
    "date.month_range": ("월 {month}은(는) 범위(1-12) 밖입니다",
                         "month {month} is out of range (1-12)"),
    "date.no_day": ("{year}-{month:02d}에는 {day}일이 없습니다",
                    "day {day} is not in {year}-{month:02d}"),
    "date.quarter_range": ("분기 {part}은(는) 범위(1-4) 밖입니다",
                           "quarter {part} is out of range (1-4)"),
    "date.half_range": ("반기 {part}은(는) 범위(1-2) 밖입니다",
                        "half {part} is out of range (1-2)"),
    "date.in_text": ("'{text}': {reason}", "'{text}': {reason}"),
    "date.not_a_date": ("'{text}'은(는) 날짜가 아닙니다. 2019-01-15, 2019-01-E/M/L(초/중/말), "
                        "2019-01, 2019-Q1, 2019-H1, 2019 또는 2019년 1월 초 / 2019년 상반기 "
                        "형식으로 쓰십시오",
                        "'{text}' is not a date; use 2019-01-15, 2019-01-E/M/L (early/mid/late), "
                        "2019-01, 2019-Q1, 2019-H1, 2019, or 2019년 1월 초 / 2019년 상반기"),
    "date.not_iso": ("'{text}'은(는) YYYY-MM-DD 형식의 날짜가 아닙니다",
                     "'{text}' is not a date in the form YYYY-MM-DD"),
})


def in_era(d: date) -> bool:
    """Whether an exact day lies within the plan's era (1900-2200)."""
    return FIRST_YEAR <= d.year <= LAST_YEAR


_PART_CODE = {Precision.EARLY_MONTH: "E", Precision.MID_MONTH: "M", Precision.LATE_MONTH: "L"}
_CODE_PART = {v: k for k, v in _PART_CODE.items()}
_PART_KO = {Precision.EARLY_MONTH: "초", Precision.MID_MONTH: "중", Precision.LATE_MONTH: "말"}
_PART_EN = {
    Precision.EARLY_MONTH: "early", Precision.MID_MONTH: "mid", Precision.LATE_MONTH: "late",
}
_MONTH_EN = [
    "", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
]


@dataclass(frozen=True, order=True)
class PlanDate:
    """A date with a precision. ``part`` is the day, quarter (1-4) or half (1-2)."""

    year: int
    month: int = 1
    part: int = 1
    precision: Precision = Precision.DAY

    def __post_init__(self) -> None:
        if not FIRST_YEAR <= self.year <= LAST_YEAR:
            raise DateParseError("date.year_range", year=self.year, first=FIRST_YEAR,
                                 last=LAST_YEAR)
        if not 1 <= self.month <= 12:
            raise DateParseError("date.month_range", month=self.month)
        if self.precision is Precision.DAY:
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.part <= last:
                raise DateParseError("date.no_day", day=self.part, year=self.year,
                                     month=self.month)
        elif self.precision is Precision.QUARTER and not 1 <= self.part <= 4:
            raise DateParseError("date.quarter_range", part=self.part)
        elif self.precision is Precision.HALF and not 1 <= self.part <= 2:
            raise DateParseError("date.half_range", part=self.part)

    # -- constructors -------------------------------------------------------
    @classmethod
    def exact(cls, d: date) -> PlanDate:
        return cls(d.year, d.month, d.day, Precision.DAY)

    @classmethod
    def month_part(cls, year: int, month: int, precision: Precision) -> PlanDate:
        return cls(year, month, 1, precision)

    @classmethod
    def quarter(cls, year: int, q: int) -> PlanDate:
        return cls(year, 1, q, Precision.QUARTER)

    @classmethod
    def half(cls, year: int, h: int) -> PlanDate:
        return cls(year, 1, h, Precision.HALF)

    @classmethod
    def whole_year(cls, year: int) -> PlanDate:
        return cls(year, 1, 1, Precision.YEAR)

    # -- range ----------------------------------------------------------------
    @property
    def is_exact(self) -> bool:
        return self.precision is Precision.DAY

    def earliest(self) -> date:
        p = self.precision
        if p is Precision.DAY:
            return date(self.year, self.month, self.part)
        if p is Precision.EARLY_MONTH or p is Precision.MONTH:
            return date(self.year, self.month, 1)
        if p is Precision.MID_MONTH:
            return date(self.year, self.month, 11)
        if p is Precision.LATE_MONTH:
            return date(self.year, self.month, 21)
        if p is Precision.QUARTER:
            return date(self.year, 3 * (self.part - 1) + 1, 1)
        if p is Precision.HALF:
            return date(self.year, 1 if self.part == 1 else 7, 1)
        return date(self.year, 1, 1)

    def latest(self) -> date:
        p = self.precision
        if p is Precision.DAY:
            return date(self.year, self.month, self.part)
        if p is Precision.EARLY_MONTH:
            return date(self.year, self.month, 10)
        if p is Precision.MID_MONTH:
            return date(self.year, self.month, 20)
        if p is Precision.LATE_MONTH or p is Precision.MONTH:
            return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        if p is Precision.QUARTER:
            m = 3 * self.part
            return date(self.year, m, calendar.monthrange(self.year, m)[1])
        if p is Precision.HALF:
            return date(self.year, 6, 30) if self.part == 1 else date(self.year, 12, 31)
        return date(self.year, 12, 31)

    def contains(self, d: date) -> bool:
        return self.earliest() <= d <= self.latest()

    # -- text -----------------------------------------------------------------
    def code(self) -> str:
        """The storage code (see the module docstring)."""
        p = self.precision
        if p is Precision.DAY:
            return f"{self.year:04d}-{self.month:02d}-{self.part:02d}"
        if p in _PART_CODE:
            return f"{self.year:04d}-{self.month:02d}-{_PART_CODE[p]}"
        if p is Precision.MONTH:
            return f"{self.year:04d}-{self.month:02d}"
        if p is Precision.QUARTER:
            return f"{self.year:04d}-Q{self.part}"
        if p is Precision.HALF:
            return f"{self.year:04d}-H{self.part}"
        return f"{self.year:04d}"

    def __str__(self) -> str:
        return self.code()

    def label(self, lang: str = "ko") -> str:
        """The date as a person writes it: ``2019년 1월 초`` / ``early Jan 2019``."""
        p = self.precision
        if lang == "ko":
            if p is Precision.DAY:
                return f"{self.year}. {self.month}. {self.part}."
            if p in _PART_KO:
                return f"{self.year}년 {self.month}월 {_PART_KO[p]}"
            if p is Precision.MONTH:
                return f"{self.year}년 {self.month}월"
            if p is Precision.QUARTER:
                return f"{self.year}년 {self.part}분기"
            if p is Precision.HALF:
                return f"{self.year}년 {'상' if self.part == 1 else '하'}반기"
            return f"{self.year}년"
        if p is Precision.DAY:
            return f"{self.year}-{self.month:02d}-{self.part:02d}"
        if p in _PART_EN:
            return f"{_PART_EN[p]} {_MONTH_EN[self.month]} {self.year}"
        if p is Precision.MONTH:
            return f"{_MONTH_EN[self.month]} {self.year}"
        if p is Precision.QUARTER:
            return f"Q{self.part} {self.year}"
        if p is Precision.HALF:
            return f"{'first' if self.part == 1 else 'second'} half {self.year}"
        return str(self.year)


_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"), "day"),
    (re.compile(r"^(\d{4})\.\s*(\d{1,2})\.\s*(\d{1,2})\.?$"), "day"),
    (re.compile(r"^(\d{4})-(\d{1,2})-([EML])$", re.I), "part"),
    (re.compile(r"^(\d{4})-(\d{1,2})$"), "month"),
    (re.compile(r"^(\d{4})-Q([1-4])$", re.I), "quarter"),
    (re.compile(r"^(\d{4})-H([12])$", re.I), "half"),
    (re.compile(r"^(\d{4})$"), "year"),
    (re.compile(r"^(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일$"), "day"),
    (re.compile(r"^(\d{4})\s*년\s*(\d{1,2})\s*월\s*(초|중|중순|말|하순|상순)$"), "ko_part"),
    (re.compile(r"^(\d{4})\s*년\s*(\d{1,2})\s*월$"), "month"),
    (re.compile(r"^(\d{4})\s*년\s*([1-4])\s*분기$"), "quarter"),
    (re.compile(r"^(\d{4})\s*년\s*(상|하)\s*반기$"), "ko_half"),
    (re.compile(r"^(\d{4})\s*년$"), "year"),
    (re.compile(r"^(early|mid|late)\s+([A-Za-z]{3})[a-z]*\s+(\d{4})$", re.I), "en_part"),
    (re.compile(r"^([A-Za-z]{3})[a-z]*\s+(\d{4})$", re.I), "en_month"),
    (re.compile(r"^Q([1-4])\s+(\d{4})$", re.I), "en_quarter"),
    (re.compile(r"^(first|second)\s+half\s+(\d{4})$", re.I), "en_half"),
]
_KO_PART = {
    "초": Precision.EARLY_MONTH, "상순": Precision.EARLY_MONTH, "중": Precision.MID_MONTH,
    "중순": Precision.MID_MONTH, "말": Precision.LATE_MONTH, "하순": Precision.LATE_MONTH,
}
_EN_MONTHS = {m.lower(): i for i, m in enumerate(_MONTH_EN) if m}


def parse_plan_date(text: str) -> PlanDate:
    """Parse a storage code, an ISO day, or a Korean/English written form.

    Raises :class:`DateParseError` with the accepted forms on anything else.
    """
    s = (text or "").strip()
    for pattern, kind in _PATTERNS:
        m = pattern.match(s)
        if not m:
            continue
        g = m.groups()
        try:
            if kind == "day":
                return PlanDate(int(g[0]), int(g[1]), int(g[2]), Precision.DAY)
            if kind == "part":
                return PlanDate.month_part(int(g[0]), int(g[1]), _CODE_PART[g[2].upper()])
            if kind == "month":
                return PlanDate(int(g[0]), int(g[1]), 1, Precision.MONTH)
            if kind == "quarter":
                return PlanDate.quarter(int(g[0]), int(g[1]))
            if kind == "half":
                return PlanDate.half(int(g[0]), int(g[1]))
            if kind == "year":
                return PlanDate.whole_year(int(g[0]))
            if kind == "ko_part":
                return PlanDate.month_part(int(g[0]), int(g[1]), _KO_PART[g[2]])
            if kind == "ko_half":
                return PlanDate.half(int(g[0]), 1 if g[1] == "상" else 2)
            if kind == "en_part":
                month = _EN_MONTHS.get(g[1].lower())
                if month:
                    precision = Precision(g[0].lower())
                    return PlanDate.month_part(int(g[2]), month, precision)
            if kind == "en_month":
                month = _EN_MONTHS.get(g[0].lower())
                if month:
                    return PlanDate(int(g[1]), month, 1, Precision.MONTH)
            if kind == "en_quarter":
                return PlanDate.quarter(int(g[1]), int(g[0]))
            if kind == "en_half":
                return PlanDate.half(int(g[1]), 1 if g[0].lower() == "first" else 2)
        except DateParseError as exc:
            raise DateParseError("date.in_text", text=s[:60], reason=exc.message) from None
        except ValueError as exc:
            raise DateParseError("date.in_text", text=s[:60], reason=str(exc)) from None
    raise DateParseError("date.not_a_date", text=s[:60])


def parse_optional(text: str | None) -> PlanDate | None:
    if text is None or str(text).strip() == "":
        return None
    return parse_plan_date(str(text))


def parse_day(text: str) -> date:
    """Parse an exact ISO day (YYYY-MM-DD) with a clear error."""
    try:
        return date.fromisoformat(text.strip())
    except (ValueError, AttributeError):
        raise DateParseError("date.not_iso", text=str(text)[:60]) from None
