"""The sections of a briefing: each turns the gathered :class:`Briefing` into flowables.

One function per section type of :mod:`.definitions` (``RENDERERS``). Sections only
lay out; every figure was computed in :mod:`.data`. A section heading carries
``outline_title`` so the builder can add a PDF bookmark where it lands.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table

from .data import STATUS_LABEL, STATUS_SYMBOL, Briefing, MilestoneRow
from .definitions import Section
from .styles import (
    HEAD_FILL,
    ROMAN,
    STATUS_FILL,
    Styles,
    bullet,
    eok,
    grid_table,
    jo,
    kdate,
    para,
    pct,
    sdate,
    table_style,
)


@dataclass
class Context:
    b: Briefing
    styles: Styles
    width: float  # frame width of the section's page
    height: float
    fit_pages_wide: int | None = None
    number: int = 0  # Roman numeral index of the current section
    state: dict[str, Any] = field(default_factory=dict)


def heading(ctx: Context, section: Section, *, numbered: bool = True) -> Flowable:
    """A shaded section bar ``Ⅱ. 주요 마일스톤 추진현황`` with a bookmark."""
    if numbered:
        ctx.number += 1
        text = f"{ROMAN[(ctx.number - 1) % len(ROMAN)]}. {section.title}"
    else:
        text = section.title
    t = Table([[para(text, ctx.styles.h1)]], colWidths=[ctx.width])
    t.setStyle(table_style([
        ("BACKGROUND", (0, 0), (-1, -1), HEAD_FILL),
        ("LINEABOVE", (0, 0), (-1, 0), 1.5, colors.black),
        ("LINEBELOW", (0, -1), (-1, -1), 0.6, colors.black),
        ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    t.outline_title = text
    t.outline_level = 0
    t.keepWithNext = True
    return t


def subheading(ctx: Context, text: str) -> Flowable:
    p = para(text, ctx.styles.h2)
    p.outline_title = text
    p.outline_level = 1
    p.keepWithNext = True
    return p


def status_cell(status: str) -> str:
    return f"{STATUS_SYMBOL.get(status, '')} {STATUS_LABEL.get(status, status)}"


def _status_fills(rows: list[MilestoneRow], col: int, first_row: int = 1) -> list[tuple]:
    cmds = []
    for i, r in enumerate(rows):
        cmds.append(("BACKGROUND", (col, first_row + i), (col, first_row + i),
                     STATUS_FILL.get(r.status, colors.white)))
    return cmds


def milestone_table(ctx: Context, rows: list[MilestoneRow], *, compact: bool = False) -> Table:
    w = ctx.width
    head = ["WBS", "마일스톤", "담당", "계획", "전망", "실적", "상태"]
    widths = [0.08, 0.36, 0.15, 0.12, 0.09, 0.09, 0.11]
    data: list[list[object]] = [head]
    for r in rows:
        name = r.name + (" *" if r.planned_work else "")
        data.append([r.wbs, name, r.owner, r.planned or "-", sdate(r.forecast), sdate(r.actual),
                     status_cell(r.status)])
    table = grid_table(data, [x * w for x in widths], ctx.styles,
                       align=["c", "l", "c", "c", "c", "c", "c"],
                       extra=_status_fills(rows, 6))
    return table


def legend_note(ctx: Context) -> Flowable:
    text = ("※ 상태: ● 완료  ○ 정상 진행  ▲ 지연 우려(일정 여유 부족 또는 착수 지연)  "
            "■ 지연(계획 기한 경과)  - 착수 전.  "
            "전망은 일정 계산 결과, * 표시는 보도자료에 없는 관리용 세부 과제")
    return para(text, ctx.styles.note)


# -- sections --------------------------------------------------------------------------------
def cover(ctx: Context, section: Section) -> list[Flowable]:
    b, s = ctx.b, ctx.styles
    marking = Table([[para(b.marking or " ", s.cover_info)]], colWidths=[40 * mm])
    marking.setStyle(table_style([("BOX", (0, 0), (-1, -1), 1.2, colors.black)]))
    marking.hAlign = "RIGHT"
    title = Table([[para(b.title, s.cover_title)]], colWidths=[ctx.width * 0.9])
    title.setStyle(table_style([
        ("LINEABOVE", (0, 0), (-1, 0), 2.5, colors.black),
        ("LINEBELOW", (0, -1), (-1, -1), 2.5, colors.black),
        ("TOPPADDING", (0, 0), (-1, -1), 14), ("BOTTOMPADDING", (0, 0), (-1, -1), 14),
    ]))
    out: list[Flowable] = [marking, Spacer(1, ctx.height * 0.18), title, Spacer(1, 8 * mm)]
    subtitle = b.extra.get("subject") or b.project
    out += [para(f"- {subtitle} -", s.cover_sub), Spacer(1, 22 * mm),
            para(f"{kdate(b.as_of)} 기준", s.cover_info), Spacer(1, 30 * mm)]
    contents = [sec.title for sec in b.extra.get("toc", [])]
    if contents:
        rows = [[para(f"{ROMAN[i % len(ROMAN)]}. {t}", s.body)] for i, t in enumerate(contents)]
        toc = Table([[para("목    차", s.h2)]] + rows, colWidths=[ctx.width * 0.55])
        toc.setStyle(table_style([("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
                                 ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                                 ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)]))
        out += [toc, Spacer(1, 18 * mm)]
    out.append(para(b.department, s.cover_info))
    first = out[0]
    first.outline_title = "표지"
    first.outline_level = 0
    return out


def summary(ctx: Context, section: Section) -> list[Flowable]:
    b, s = ctx.b, ctx.styles
    out: list[Flowable] = [heading(ctx, section)]
    c = b.milestone_counts
    scope = b.scope_org.name_ko + " 소관 " if b.scope_org else ""
    out.append(bullet("box", "추진 개요", s))
    out.append(bullet("circle", f"{b.project} 이행 현황 ({kdate(b.as_of)} 기준)", s))
    for name, mp, impl in b.cities:
        who = ", ".join(x for x in (f"MP {mp}" if mp else "", f"시행 {impl}" if impl else "") if x)
        out.append(bullet("dash", f"{name}" + (f" ({who})" if who else ""), s))
    out.append(bullet("circle",
                      f"{scope}관리 과제 {b.tasks_total}건, 가중 진척률 {pct(b.percent)}", s))
    out.append(bullet("box", "마일스톤 추진현황", s))
    out.append(bullet("circle", f"전체 {c.total}건 중 완료 {c.done}건, "
                      f"30일 이내 도래 {c.due}건, 지연 {c.overdue}건", s))
    for r in b.overdue[:3]:
        out.append(bullet("dash", f"(지연) {r.name} - 계획 {r.planned}, {r.owner}", s))
    for r in b.next_milestones[:3]:
        out.append(bullet("dash", f"(예정) {r.name} - {kdate(r.forecast)}, {r.owner}", s))
    if len(b.ministries) > 1:
        out.append(bullet("box", "부처별 진척", s))
        parts = [f"{m.name} {pct(m.percent)}" for m in b.ministries if m.tasks]
        out.append(bullet("circle", ", ".join(parts), s))
    if b.city_percent:
        out.append(bullet("circle", "도시별: " + ", ".join(f"{n} {pct(p)}" for n, p in
                                                      b.city_percent), s))
    out += _money_bullets(ctx)
    if b.provisions and not b.scope_org:
        out.append(bullet("box", "규제 특례(스마트도시법)", s))
        by_stage: dict[str, int] = defaultdict(int)
        for p in b.provisions:
            by_stage[p.stage] += 1
        detail = ", ".join(f"{k} {v}건" for k, v in by_stage.items())
        out.append(bullet("circle", f"특례 {len(b.provisions)}건: {detail}", s))
    reds = [st for m in b.ministries for st in m.statuses if st.rag == "red"]
    overdue_items = sum(m.items_overdue for m in b.ministries)
    if reds or overdue_items:
        out.append(bullet("box", "조치 필요 사항", s))
        for st in reds[:4]:
            out.append(bullet("circle", f"{st.task}: {st.narrative}", s))
        if overdue_items:
            out.append(bullet("circle", f"기한 경과 미완료 점검항목 {overdue_items}건", s))
    return out


def _money_bullets(ctx: Context) -> list[Flowable]:
    b, s = ctx.b, ctx.styles
    budget = [r for r in b.budget if r.kind == "budget"]
    invest = [r for r in b.budget if r.kind in ("public_investment", "private_investment")]
    if not budget and not invest:
        return []
    out = [bullet("box", "재원", s)]
    for year in sorted({r.year for r in budget}):
        rows = [r for r in budget if r.year == year]
        areas: dict[str, float] = {}
        for r in rows:
            areas[r.area] = areas.get(r.area, 0) + r.planned
        total = sum(areas.values())
        parts = ", ".join(f"{a} {eok(v)}" for a, v in areas.items())
        out.append(bullet("circle", f"'{year % 100}년 국비 {eok(total)} ({parts})", s))
    areas: dict[str, dict[str, float]] = {}
    for r in invest:
        by_city = areas.setdefault(r.area, {})
        by_city[r.city or "공통"] = by_city.get(r.city or "공통", 0) + r.planned
    for area, by_city in areas.items():
        detail = ", ".join(f"{c} {eok(v)}" for c, v in by_city.items())
        out.append(bullet("circle", f"{area}: {eok(sum(by_city.values()), approx=True)}"
                          f" ({detail})", s))
    if invest:
        out.append(bullet("dash", f"공공·민간 합계 약 {jo(sum(r.planned for r in invest))}", s))
    return out


def kpis(ctx: Context, section: Section) -> list[Flowable]:
    b, s = ctx.b, ctx.styles
    c = b.milestone_counts
    title = para(f"{b.title}  ({kdate(b.as_of)} 기준)", s.h1)
    title.outline_title, title.outline_level = "주요 지표", 0
    cells = [(f"{c.total}건", "전체 마일스톤"), (f"{c.done}건", "완료"),
             (f"{c.due}건", "30일 이내 도래"), (f"{c.overdue}건", "지연"),
             (pct(b.percent), "가중 진척률")]
    table = Table([[para(v, s.kpi_value) for v, _ in cells],
                   [para(k, s.kpi_label) for _, k in cells]],
                  colWidths=[ctx.width / len(cells)] * len(cells))
    table.setStyle(table_style([("BOX", (0, 0), (-1, -1), 1, colors.black),
                               ("INNERGRID", (0, 0), (-1, -1), 0.4, colors.grey),
                               ("BACKGROUND", (3, 0), (3, -1), STATUS_FILL["late"] if c.overdue
                                else colors.white)]))
    return [title, Spacer(1, 3 * mm), table, Spacer(1, 2 * mm)]


def milestones(ctx: Context, section: Section) -> list[Flowable]:
    rows = ctx.b.milestones
    out = [heading(ctx, section)]
    if not rows:
        return out + [para("해당 마일스톤이 없습니다.", ctx.styles.body)]
    return out + [milestone_table(ctx, rows), Spacer(1, 1.5 * mm), legend_note(ctx)]


def _limited(ctx: Context, section: Section, rows: list[MilestoneRow], empty: str) -> list:
    n = int(section.opt("n", 10))
    out: list[Flowable] = [subheading(ctx, section.title)]
    if not rows:
        return out + [para(empty, ctx.styles.body)]
    out.append(milestone_table(ctx, rows[:n], compact=True))
    if len(rows) > n:
        out.append(para(f"※ 외 {len(rows) - n}건 (전체 목록은 추진현황 보고서 참조)",
                        ctx.styles.note))
    return out


def next_milestones(ctx: Context, section: Section) -> list[Flowable]:
    return _limited(ctx, section, ctx.b.next_milestones, "향후 도래 마일스톤이 없습니다.")


def overdue(ctx: Context, section: Section) -> list[Flowable]:
    out = _limited(ctx, section, ctx.b.overdue, "지연된 마일스톤이 없습니다.")
    return out + [Spacer(1, 1.5 * mm), legend_note(ctx)]


def status_chart(ctx: Context, section: Section) -> list[Flowable]:
    from .charts import png_flowable, status_by_ministry_png

    rows = [(m.name, m.status_counts) for m in ctx.b.ministries if m.status_counts]
    out = [heading(ctx, section)]
    if not rows:
        return out + [para("마일스톤이 배정된 부처가 없습니다.", ctx.styles.body)]
    width_mm = ctx.width / mm
    png = status_by_ministry_png(rows, width_mm=width_mm)
    order = ("done", "on_track", "at_risk", "late", "not_started")
    table = [["부처", *(STATUS_LABEL[k] for k in order), "계"]]
    for name, cnt in rows:
        vals = [cnt.get(k, 0) for k in order]
        table.append([name, *map(str, vals), str(sum(vals))])
    out += [png_flowable(png, width_mm), Spacer(1, 2 * mm),
            grid_table(table, [ctx.width * 0.3] + [ctx.width * 0.7 / 6] * 6, ctx.styles,
                       align=["l"] + ["r"] * 6)]
    return out


def gantt(ctx: Context, section: Section) -> list[Flowable]:
    from .gantt_pdf import gantt_tiles

    b = ctx.b
    title = f"{ROMAN[ctx.number % len(ROMAN)]}. {section.title}"
    ctx.number += 1
    if not b.gantt_rows:
        h = heading(ctx, Section("gantt", section.title), numbered=False)
        return [h, para("표시할 과제가 없습니다.", ctx.styles.body)]
    tiles = gantt_tiles(b.gantt_rows, ctx.width, ctx.height, title=title, status_date=b.as_of,
                        fit_pages_wide=ctx.fit_pages_wide or section.opt("pages_wide"),
                        mm_per_month=float(section.opt("mm_per_month", 12.0)))
    tiles[0].outline_title, tiles[0].outline_level = title, 0
    ctx.state["gantt_pages"] = len(tiles)
    return list(tiles)


def ministries(ctx: Context, section: Section) -> list[Flowable]:
    from .ministry import ministry_block

    out: list[Flowable] = [heading(ctx, section)]
    if not ctx.b.ministries:
        return out + [para("과제를 맡은 부처가 없습니다.", ctx.styles.body)]
    for i, block in enumerate(ctx.b.ministries, 1):
        if i > 1:
            out.append(CondPageBreak(70 * mm))
        out += ministry_block(ctx, block, i)
    return out


def budget(ctx: Context, section: Section) -> list[Flowable]:
    from .money import budget_tables

    return [heading(ctx, section), *budget_tables(ctx)]


def provisions(ctx: Context, section: Section) -> list[Flowable]:
    b, s = ctx.b, ctx.styles
    out: list[Flowable] = [heading(ctx, section)]
    if not b.provisions:
        return out + [para("등록된 규제 특례가 없습니다.", s.body)]
    data: list[list[object]] = [["구분", "특례", "주요 내용", "관련 법률", "진행 단계", "목표"]]
    fills = []
    for i, p in enumerate(b.provisions, 1):
        data.append([p.group or "-", p.name, p.allows, p.law,
                     f"{p.stage}\n({p.stage_date})" if p.stage_date else p.stage, p.target or "-"])
        if p.stage != "시행":
            fills.append(("BACKGROUND", (4, i), (4, i), STATUS_FILL["at_risk"]))
    w = ctx.width
    out.append(grid_table(data, [w * x for x in (0.14, 0.14, 0.32, 0.16, 0.13, 0.11)], s,
                          align=["c", "l", "l", "l", "c", "c"], extra=fills))
    done = sum(1 for p in b.provisions if p.stage == "시행")
    out.append(Spacer(1, 1.5 * mm))
    rest = len(b.provisions) - done
    out.append(para(f"※ 전체 {len(b.provisions)}건 중 시행 {done}건, 미시행 {rest}건"
                    " (음영: 국회 심의 등 후속 조치 필요)", s.note))
    return out


def slipped(ctx: Context, section: Section) -> list[Flowable]:
    b, s = ctx.b, ctx.styles
    out: list[Flowable] = [heading(ctx, section)]
    if b.baseline is None:
        return out + [para("저장된 기준선(baseline)이 없어 비교할 수 없습니다. "
                           "일정 화면에서 기준선을 저장한 뒤 다시 생성하십시오.", s.body)]
    out.append(para(f"기준선: {b.baseline}", s.body))
    if not b.slipped:
        return out + [para("기준선 대비 지연된 마일스톤이 없습니다.", s.body)]
    data: list[list[object]] = [
        ["WBS", "마일스톤", "담당", "기준선 완료", "현재 전망", "지연(근무일)"]]
    for r in b.slipped:
        data.append([r.wbs, r.name, r.owner, sdate(r.baseline_finish), sdate(r.forecast),
                     f"{r.slip_days}일"])
    w = ctx.width
    out.append(grid_table(data, [w * x for x in (0.09, 0.4, 0.15, 0.12, 0.12, 0.12)], s,
                          align=["c", "l", "c", "c", "c", "r"]))
    return out


def contacts(ctx: Context, section: Section) -> list[Flowable]:
    b, s = ctx.b, ctx.styles
    out: list[Flowable] = [heading(ctx, section)]
    if not b.contacts:
        return out + [para("등록된 연락처가 없습니다.", s.body)]
    w = ctx.width
    if b.redact:
        data: list[list[object]] = [["기관", "부서", "직위", "역할"]]
        seen = set()
        for c in b.contacts:
            key = (c.org, c.department, c.position, c.role)
            if key not in seen:
                seen.add(key)
                data.append([c.org, c.department, c.position or "-", c.role or "-"])
        out.append(grid_table(data, [w * x for x in (0.28, 0.32, 0.15, 0.25)], s))
        out.append(para("※ 개인정보 보호 설정에 따라 성명과 전화번호를 생략함", s.note))
        return out
    data = [["기관", "부서", "성명", "직위", "전화", "역할"]]
    for c in b.contacts:
        data.append([c.org, c.department, c.name, c.position, c.phone or c.email or "-", c.role])
    out.append(grid_table(data, [w * x for x in (0.15, 0.17, 0.09, 0.09, 0.15, 0.35)], s,
                          align=["l", "l", "c", "c", "c", "l"]))
    return out


def annex_alliance(ctx: Context, section: Section) -> list[Flowable]:
    b, s = ctx.b, ctx.styles
    out: list[Flowable] = [heading(ctx, section, numbered=False)]
    notes = [n for n in b.notes if n[0].startswith("alliance")] or list(b.notes)
    if not notes:
        return out + [para("등록된 얼라이언스 계획이 없습니다.", s.body)]
    for _topic, title, body in notes:
        block: list[Flowable] = [bullet("box", title, s)]
        for line in _sentences(body):
            if not line:
                continue
            if line[0] in "-·":
                block.append(bullet("dash", line.lstrip("-· "), s))
            elif line[0] in "※*":
                block.append(para(line, s.note))
            else:
                block.append(bullet("circle", line.lstrip("ㅇo○ "), s))
        out.append(KeepTogether(block[:4]))
        out += block[4:]
    return out


def _sentences(body: str) -> list[str]:
    """A note body as bullet lines: its own lines, long lines split after each sentence."""
    out = []
    for line in body.splitlines():
        line = line.strip()
        if len(line) > 90:
            out += [p.strip() for p in re.split(r"(?<=[.])\s+(?=\S)", line) if p.strip()]
        elif line:
            out.append(line)
    return out


RENDERERS: dict[str, Callable[[Context, Section], list[Flowable]]] = {
    "cover": cover, "summary": summary, "kpis": kpis, "milestones": milestones,
    "status_chart": status_chart, "gantt": gantt, "ministries": ministries, "budget": budget,
    "provisions": provisions, "slipped": slipped, "next_milestones": next_milestones,
    "overdue": overdue, "contacts": contacts, "annex_alliance": annex_alliance,
}

