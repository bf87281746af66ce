"""Budget tables: the year's budget by area and item, investment by city.

Amounts are stored in 억원 and printed in one form per language (:mod:`.lang`).
Totals are summed from the lines, so a table's subtotals and total always add
up to what it lists. :func:`budget_parts` gives the section as format-free parts
(PDF and DOCX print the same); a remark about the source (an unitemised
remainder) goes to the footnote on sources.
"""

from __future__ import annotations

import re
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from .lang import Lang
from .rows import Briefing
from .sections import Context, grid_flowable, source_notes, subheading
from .styles import para
from .tables import area_grid, investment_grid

_RANGE = re.compile(r"(\d{4})\s*[-–~～]\s*(\d{4})")


def budget_parts(b: Briefing) -> tuple[list[tuple[str, Any]], list[str]]:
    """(parts, source notes) of the budget section; no parts when there is no budget."""
    t = Lang(b.lang).t
    budget = [r for r in b.budget if r.kind == "budget"]
    invest = [r for r in b.budget if r.kind in ("public_investment", "private_investment")]
    if not budget and not invest:
        return [], []
    out: list[tuple[str, Any]] = []
    n = 0
    for year in sorted({r.year for r in budget}):
        n += 1
        out += [("h2", t(f"{n}. {year}년 예산 (분야·항목별)", f"{n}. {year} budget by area and "
                                                         "item")),
                ("grid", area_grid(b, [r for r in budget if r.year == year]))]
    if invest:
        n += 1
        span = _span(invest)
        out += [("h2", t(f"{n}. {span} 공공·민간 투자 계획 (도시별)",
                         f"{n}. {span} public and private investment by city")),
                ("grid", investment_grid(b, invest))]
    out.append(("note", t("※ 집행률 = 집행액 ÷ 계획액. 1조원 = 10,000억원",
                          "※ Rate = spent ÷ planned. KRW 0.1 billion = 1억원")))
    notes = [t("선도사업 195억원 중 원문에 항목이 없는 잔액은 '기타(미세분)'으로 표시",
               "the part of the lead-project budget the source does not itemise is shown "
               "as 'Other'")] if any("원문" in r.item for r in budget) else []
    return out, notes


def budget_tables(ctx: Context) -> list[Flowable]:
    parts, notes = budget_parts(ctx.b)
    out: list[Flowable] = []
    for kind, value in parts:
        if kind == "h2":
            out.append(subheading(ctx, value))
        elif kind == "grid":
            out += [grid_flowable(ctx, value), Spacer(1, 2 * mm)]
        else:
            out.append(para(value, ctx.styles.note))
    return out + source_notes(ctx, notes) if out else []


def _span(rows) -> str:
    """``2019~2021``: the rows' recorded period, else area names such as
    "공공투자 (2019–2021)", else the years."""
    periods = {r.period for r in rows if r.period}
    if len(periods) == 1:
        return periods.pop().replace("–", "~")
    spans = {m.groups() for r in rows if (m := _RANGE.search(r.area))}
    if len(spans) == 1:
        first, last = spans.pop()
        return f"{first}~{last}"
    years = sorted({r.year for r in rows})
    return f"{years[0]}~{years[-1]}" if len(years) > 1 else f"{years[0]}"
