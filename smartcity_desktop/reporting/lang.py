"""One printed form per language for dates, money and percentages, and a tiny text chooser.

Korean briefings use the official date style ``2019. 1. 31.`` everywhere, tables
included (date columns are sized for it), and English ones ``31 Jan 2019``; a
date's parts are glued with no-break spaces so it never breaks across lines.
Money is stored in 억원: Korean prints ``265억원`` / ``2조 4,000억원``; English
prints ``KRW 26.5 billion (265억원)`` so the figure a Korean reader knows stays
beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def eok_ko(amount: float, *, approx: bool = False) -> str:
    """An amount in 억원 the Korean way: ``265억원``, ``2조 4,000억원``, ``1조원``."""
    prefix = "약 " if approx else ""
    value = round(amount, 1)
    if abs(value) >= 10000:
        jo, rest = divmod(round(value), 10000)
        return f"{prefix}{jo}조원" if rest == 0 else f"{prefix}{jo}조\u00a0{rest:,}억원"
    text = f"{value:,.1f}".rstrip("0").rstrip(".")
    return f"{prefix}{text}억원"


def krw_en(amount: float, *, approx: bool = False, with_eok: bool = True) -> str:
    """``KRW 26.5 billion (265억원)``: 1억원 is KRW 0.1 billion."""
    billions = amount / 10
    text = f"{billions:,.1f}".rstrip("0").rstrip(".") if billions < 1000 else f"{billions:,.0f}"
    out = ("about " if approx else "") + f"KRW\u00a0{text}\u00a0billion"
    return f"{out} ({eok_ko(amount)})" if with_eok else out


@dataclass(frozen=True)
class Lang:
    """The language of one briefing: ``ko`` or ``en``."""

    code: str = "ko"

    @property
    def en(self) -> bool:
        return self.code == "en"

    def t(self, ko: str, en: str) -> str:
        return en if self.en else ko

    def date(self, d: date | None) -> str:
        if d is None:
            return "-"
        if self.en:
            return f"{d.day}\u00a0{_MONTHS[d.month - 1]}\u00a0{d.year}"
        return f"{d.year}.\u00a0{d.month}.\u00a0{d.day}."

    def money(self, amount: float, *, approx: bool = False) -> str:
        return krw_en(amount, approx=approx) if self.en else eok_ko(amount, approx=approx)

    def count(self, n: int, ko_unit: str = "건", en_noun: str = "") -> str:
        if self.en:
            return f"{n} {en_noun}".strip() if en_noun else str(n)
        return f"{n}{ko_unit}"

    def days(self, n: int) -> str:
        return (f"{n:,} day" + ("" if n == 1 else "s")) if self.en else f"{n:,}일"

    @staticmethod
    def pct(value: float) -> str:
        return f"{value:.1f}%"
