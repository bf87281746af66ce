"""Budget tables: the year's budget by area and item, investment by city, planned vs executed.

Amounts are stored in 억원. Totals are summed here from the lines, so a table's
subtotals and total always add up to what it lists.
"""

from __future__ import annotations

import re

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from .data import BudgetRow
from .sections import Context, subheading
from .styles import SUBTOTAL_FILL, eok, grid_table, num, para

_RANGE = re.compile(r"(\d{4})\s*[-–~～]\s*(\d{4})")
KIND_KO = {"budget": "국비 예산", "public_investment": "공공 투자",
           "private_investment": "민간 투자"}


def _rate(planned: float, executed: float) -> str:
    return f"{100 * executed / planned:.1f}%" if planned else "-"


def budget_tables(ctx: Context) -> list[Flowable]:
    b, s = ctx.b, ctx.styles
    budget = [r for r in b.budget if r.kind == "budget"]
    invest = [r for r in b.budget if r.kind in ("public_investment", "private_investment")]
    if not budget and not invest:
        return [para("등록된 예산이 없습니다.", s.body)]
    out: list[Flowable] = []
    n = 0
    for year in sorted({r.year for r in budget}):
        n += 1
        out += [subheading(ctx, f"{n}. {year}년 예산 (분야·항목별)"),
                _area_table(ctx, [r for r in budget if r.year == year]), Spacer(1, 2 * mm)]
    if invest:
        n += 1
        out += [subheading(ctx, f"{n}. {_span(invest)}공공·민간 투자 계획 (도시별)"),
                _city_table(ctx, invest),
                Spacer(1, 2 * mm)]
    n += 1
    out += [subheading(ctx, f"{n}. 계획 대비 집행 현황"), _execution_table(ctx, b.budget)]
    out.append(para("※ 단위: 억원 (1조원 = 10,000억원). 집행률 = 집행액 ÷ 계획액", s.note))
    return out


def _span(rows: list[BudgetRow]) -> str:
    """``2019~2021 `` from area names such as "공공투자 (2019–2021)", else the years."""
    spans = {m.groups() for r in rows if (m := _RANGE.search(r.area))}
    if len(spans) == 1:
        first, last = spans.pop()
        return f"{first}~{last} "
    years = sorted({r.year for r in rows})
    return f"{years[0]}~{years[-1]} " if len(years) > 1 else f"{years[0]} "


def _area_table(ctx: Context, rows: list[BudgetRow]):
    s, w = ctx.styles, ctx.width
    data: list[list[object]] = [["분야", "항목", "계획(억원)", "집행(억원)", "집행률"]]
    extra = []
    areas: dict[str, list[BudgetRow]] = {}
    for r in rows:
        areas.setdefault(r.area, []).append(r)
    for area, lines in areas.items():
        planned = sum(r.planned for r in lines)
        executed = sum(r.executed for r in lines)
        data.append([area, "소계", num(planned), num(executed), _rate(planned, executed)])
        extra.append(("BACKGROUND", (0, len(data) - 1), (-1, len(data) - 1), SUBTOTAL_FILL))
        for r in lines:
            data.append(["", r.item, num(r.planned), num(r.executed), _rate(r.planned, r.executed)])
    planned = sum(r.planned for r in rows)
    executed = sum(r.executed for r in rows)
    data.append(["합계", eok(planned), num(planned), num(executed), _rate(planned, executed)])
    extra += [("BACKGROUND", (0, len(data) - 1), (-1, len(data) - 1), SUBTOTAL_FILL),
              ("FONTNAME", (0, len(data) - 1), (-1, len(data) - 1), "NanumGothic-Bold")]
    return grid_table(data, [w * x for x in (0.26, 0.34, 0.14, 0.14, 0.12)], s,
                      align=["l", "l", "r", "r", "r"], extra=extra)


def _city_table(ctx: Context, rows: list[BudgetRow]):
    s, w = ctx.styles, ctx.width
    cities: dict[str, dict[str, float]] = {}
    for r in rows:
        cities.setdefault(r.city or "공통", {}).setdefault(r.kind, 0.0)
        cities[r.city or "공통"][r.kind] += r.planned
    data: list[list[object]] = [["도시", "공공 투자", "민간 투자", "합계"]]
    totals = {"public_investment": 0.0, "private_investment": 0.0}
    for city, kinds in cities.items():
        pub, priv = kinds.get("public_investment", 0.0), kinds.get("private_investment", 0.0)
        totals["public_investment"] += pub
        totals["private_investment"] += priv
        data.append([city, eok(pub), eok(priv), eok(pub + priv)])
    pub, priv = totals["public_investment"], totals["private_investment"]
    data.append(["합계", eok(pub), eok(priv), eok(pub + priv)])
    extra = [("BACKGROUND", (0, len(data) - 1), (-1, len(data) - 1), SUBTOTAL_FILL)]
    return grid_table(data, [w * x for x in (0.28, 0.24, 0.24, 0.24)], s,
                      align=["l", "r", "r", "r"], extra=extra)


def _execution_table(ctx: Context, rows: list[BudgetRow]):
    """Planned vs executed by kind and year, then by city."""
    s, w = ctx.styles, ctx.width
    groups: dict[tuple[str, str], list[BudgetRow]] = {}
    for r in rows:
        groups.setdefault((KIND_KO.get(r.kind, r.kind), r.period or str(r.year)), []).append(r)
    for r in rows:
        if r.city:
            groups.setdefault((f"도시: {r.city}", "전체"), []).append(r)
    data: list[list[object]] = [
        ["구분", "연도", "계획(억원)", "집행(억원)", "집행률", "미집행(억원)"]]
    for (label, year), lines in groups.items():
        planned = sum(r.planned for r in lines)
        executed = sum(r.executed for r in lines)
        data.append([label, year, num(planned), num(executed), _rate(planned, executed),
                     num(max(planned - executed, 0))])
    return grid_table(data, [w * x for x in (0.27, 0.1, 0.16, 0.16, 0.13, 0.18)], s,
                      align=["l", "c", "r", "r", "r", "r"])
