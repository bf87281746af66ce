"""The sections of a briefing: each turns the gathered :class:`Briefing` into flowables.

One function per section type of :mod:`.definitions` (``RENDERERS``). Sections only
lay out; every figure was computed in :mod:`.data` and :mod:`.facts`, every table's
cells in :mod:`.tables` and the decision page's lines in :mod:`.decision` (the DOCX
writer prints the same). Text is in the briefing's language (``ctx.lang``). A
section heading carries ``outline_title`` so the builder can add a PDF bookmark.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table

from .decision import decision_lines
from .definitions import Section
from .labels import split_source_remarks
from .lang import Lang
from .rows import Briefing, MilestoneRow
from .styles import (
    HEAD_FILL,
    ROMAN,
    STATUS_FILL,
    SUBTOTAL_FILL,
    Styles,
    bullet,
    grid_table,
    para,
    table_style,
)
from .tables import Grid, legend, milestone_grid, provisions_grid, status_cell


@dataclass
class Context:
    b: Briefing
    styles: Styles
    width: float  # frame width of the section's page
    height: float
    fit_pages_wide: int | None = None
    number: int = 0  # Roman numeral index of the current section
    state: dict[str, Any] = field(default_factory=dict)
    detail: bool = False

    @property
    def lang(self) -> Lang:
        return Lang(self.b.lang)

    def t(self, ko: str, en: str) -> str:
        return en if self.b.lang == "en" else ko


def heading(ctx: Context, section: Section, *, numbered: bool = True) -> Flowable:
    """A shaded section bar ``Ⅱ. 주요 마일스톤 추진현황`` with a bookmark."""
    title = section.heading(ctx.b.lang)
    if numbered:
        ctx.number += 1
        text = f"{ROMAN[(ctx.number - 1) % len(ROMAN)]}. {title}"
    else:
        text = title
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


def grid_flowable(ctx: Context, grid: Grid) -> Table:
    """A :class:`~.tables.Grid` as a ruled report table (status cells lightly filled)."""
    extra = [("BACKGROUND", (c, r), (c, r), STATUS_FILL.get(key, colors.white))
             for (r, c), key in grid.marks.items()]
    for r in grid.bold_rows:
        extra.append(("BACKGROUND", (0, r), (-1, r), SUBTOTAL_FILL))
    return grid_table([grid.head, *grid.rows], [x * ctx.width for x in grid.widths],
                      ctx.styles, align=grid.align, extra=extra)


def milestone_table(ctx: Context, rows: list[MilestoneRow], *, next_step: bool = False) -> Table:
    return grid_flowable(ctx, milestone_grid(ctx.b, rows, next_step=next_step))


def legend_note(ctx: Context) -> Flowable:
    return para(legend(ctx.lang), ctx.styles.note)


# -- sections --------------------------------------------------------------------------------
def cover(ctx: Context, section: Section) -> list[Flowable]:
    b, s = ctx.b, ctx.styles
    marking = Table([[para(b.marking or " ", s.cover_info)]], colWidths=[48 * mm])
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
    as_of = ctx.t(f"{ctx.lang.date(b.as_of)} 기준", f"As of {ctx.lang.date(b.as_of)}")
    out += [para(f"- {subtitle} -", s.cover_sub), Spacer(1, 22 * mm),
            para(as_of, s.cover_info), Spacer(1, 30 * mm)]
    contents = [sec.heading(b.lang) for sec in b.extra.get("toc", [])]
    if contents:
        rows = [[para(f"{ROMAN[i % len(ROMAN)]}. {t}", s.body)] for i, t in enumerate(contents)]
        toc = Table([[para(ctx.t("목    차", "Contents"), s.h2)]] + rows,
                    colWidths=[ctx.width * 0.6])
        toc.setStyle(table_style([("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
                                 ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                                 ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)]))
        out += [toc, Spacer(1, 18 * mm)]
    out.append(para(b.department, s.cover_info))
    first = out[0]
    first.outline_title = ctx.t("표지", "Cover")
    first.outline_level = 0
    return out


def lines_flowables(ctx: Context, lines: list[tuple[str, str]]) -> list[Flowable]:
    s = ctx.styles
    out: list[Flowable] = []
    for level, value in lines:
        if level == "grid":
            out += [Spacer(1, 1 * mm), grid_flowable(ctx, value), Spacer(1, 1 * mm)]
        elif level == "note":
            out.append(para(f"※ {value}", s.note))
        else:
            out.append(bullet(level, value, s))
    return out


def summary(ctx: Context, section: Section) -> list[Flowable]:
    """The decision page: decisions and help needed first, then progress and freshness."""
    s = ctx.styles
    out: list[Flowable] = [heading(ctx, section)]
    out.append(para(ctx.t(f"{ctx.lang.date(ctx.b.as_of)} 기준. 담당 기관과 기한, 경과 일수를 "
                          "함께 적음.",
                          f"As of {ctx.lang.date(ctx.b.as_of)}. Each item names its owner, "
                          "due date and days late."), s.note))
    out += lines_flowables(ctx, decision_lines(ctx.b))
    return out


def kpis(ctx: Context, section: Section) -> list[Flowable]:
    b, s = ctx.b, ctx.styles
    f = b.facts
    title = para(ctx.t(f"{b.title}  ({ctx.lang.date(b.as_of)} 기준)",
                       f"{b.title}  (as of {ctx.lang.date(b.as_of)})"), s.h1)
    title.outline_title, title.outline_level = ctx.t("주요 지표", "Key figures"), 0
    c = b.milestone_counts
    cells = [(f"{f.ms_done_of_due}/{f.ms_due}", ctx.t("마일스톤 완료/기한 도래", "Milestones "
                                                                          "done/due")),
             (str(c.due), ctx.t("30일 이내 도래", "Due in 30 days")),
             (str(c.overdue), ctx.t("기한 경과", "Overdue")),
             (ctx.lang.pct(f.percent), ctx.t("진척률(기간 기준)", "Complete (by duration)")),
             (ctx.lang.pct(f.planned_percent), ctx.t("계획 진척률", "Planned by now"))]
    table = Table([[para(v, s.kpi_value) for v, _ in cells],
                   [para(k, s.kpi_label) for _, k in cells]],
                  colWidths=[ctx.width / len(cells)] * len(cells))
    table.setStyle(table_style([("BOX", (0, 0), (-1, -1), 1, colors.black),
                               ("INNERGRID", (0, 0), (-1, -1), 0.4, colors.grey),
                               ("BACKGROUND", (2, 0), (2, -1), STATUS_FILL["late"] if c.overdue
                                else colors.white)]))
    return [title, Spacer(1, 3 * mm), table, Spacer(1, 2 * mm)]


def milestones(ctx: Context, section: Section) -> list[Flowable]:
    rows = ctx.b.milestones
    if not rows:
        return []  # a body without milestones gets no empty page
    out = [heading(ctx, section)]
    return out + [milestone_table(ctx, rows), Spacer(1, 1.5 * mm), legend_note(ctx)]


def _limited(ctx: Context, section: Section, rows: list[MilestoneRow], empty: str) -> list:
    n = int(section.opt("n", 10))
    out: list[Flowable] = [subheading(ctx, section.heading(ctx.b.lang))]
    if not rows:
        return out + [para(empty, ctx.styles.body)]
    out.append(milestone_table(ctx, rows[:n], next_step=True))
    if len(rows) > n:
        out.append(para(ctx.t(f"※ 외 {len(rows) - n}건", f"※ {len(rows) - n} more"),
                        ctx.styles.note))
    return out


def next_milestones(ctx: Context, section: Section) -> list[Flowable]:
    return _limited(ctx, section, ctx.b.next_milestones,
                    ctx.t("향후 도래 마일스톤 없음", "No milestone ahead"))


def overdue(ctx: Context, section: Section) -> list[Flowable]:
    rows = sorted(ctx.b.overdue, key=lambda r: -r.days_late)
    out = _limited(ctx, section, rows,
                   ctx.t("기한이 지난 마일스톤 없음", "No milestone is overdue"))
    return out + [Spacer(1, 1.5 * mm), legend_note(ctx)]


def bodies(ctx: Context, section: Section) -> list[Flowable]:
    """The decision page's table by body (progress against plan, latest report)."""
    from .decision import body_grid

    if not ctx.b.facts.bodies:
        return []
    return [subheading(ctx, section.heading(ctx.b.lang)),
            grid_flowable(ctx, body_grid(ctx.b.facts, ctx.lang)),
            para(ctx.t("※ 진척률 괄호는 계획 일정상 기준일 진척률. 음영: 30일 넘게 새 실적 없음",
                       "※ Brackets: the percent the plan dates put before the status date. "
                       "Shaded: nothing new for over 30 days"), ctx.styles.note)]


def status_chart(ctx: Context, section: Section) -> list[Flowable]:
    from ..domain.status import TaskStatus
    from .charts import png_flowable, status_by_ministry_png

    rows = [(m.name, m.status_counts) for m in ctx.b.ministries if m.status_counts]
    if not rows:
        return []
    out = [heading(ctx, section)]
    width_mm = ctx.width / mm
    png = status_by_ministry_png(rows, width_mm=width_mm, lang=ctx.b.lang)
    order = ("done", "on_track", "at_risk", "late", "not_started")
    table = [[ctx.t("부처", "Body"), *(TaskStatus(k).label(ctx.b.lang) for k in order),
              ctx.t("계", "Total")]]
    for name, cnt in rows:
        vals = [cnt.get(k, 0) for k in order]
        table.append([name, *map(str, vals), str(sum(vals))])
    out += [png_flowable(png, width_mm), Spacer(1, 2 * mm),
            grid_table(table, [ctx.width * 0.3] + [ctx.width * 0.7 / 6] * 6, ctx.styles,
                       align=["l"] + ["r"] * 6)]
    return out


def gantt(ctx: Context, section: Section) -> list[Flowable]:
    from .gantt_pdf import gantt_tiles, overview_rows

    b = ctx.b
    title = f"{ROMAN[ctx.number % len(ROMAN)]}. {section.heading(b.lang)}"
    ctx.number += 1
    if not b.gantt_rows:
        return []
    if ctx.detail:
        rows, wide = b.gantt_rows, ctx.fit_pages_wide or section.opt("detail_pages_wide")
        mm_month = float(section.opt("mm_per_month", 12.0))
    else:
        # one page wide, summaries and milestones only, split top to bottom
        rows, wide = overview_rows(b.gantt_rows), ctx.fit_pages_wide or section.opt(
            "pages_wide", 1)
        mm_month = float(section.opt("mm_per_month", 12.0))
    tiles = gantt_tiles(rows, ctx.width, ctx.height, title=title, status_date=b.as_of,
                        fit_pages_wide=wide, mm_per_month=mm_month, lang=b.lang,
                        compact=not ctx.detail)
    tiles[0].outline_title, tiles[0].outline_level = title, 0
    ctx.state["gantt_pages"] = len(tiles)
    return list(tiles)


def ministries(ctx: Context, section: Section) -> list[Flowable]:
    from .ministry import ministry_block

    due_codes = {body.code for body in ctx.b.facts.bodies}
    blocks = [m for m in ctx.b.ministries if m.code in due_codes or ctx.b.scope_org]
    if not blocks:
        return []
    out: list[Flowable] = [heading(ctx, section)]
    for i, block in enumerate(blocks, 1):
        if i > 1:
            out.append(CondPageBreak(60 * mm))
        out += ministry_block(ctx, block, i, len(blocks))
    if len(blocks) < len(ctx.b.ministries):
        out.append(para(ctx.t("※ 기준일 현재 기한이 도래한 업무가 없는 기관은 생략함",
                              "※ Bodies with nothing due by the status date are left out"),
                        ctx.styles.note))
    return out


def budget(ctx: Context, section: Section) -> list[Flowable]:
    from .money import budget_tables

    tables = budget_tables(ctx)
    return [heading(ctx, section), *tables] if tables else []


def provisions(ctx: Context, section: Section) -> list[Flowable]:
    b, s = ctx.b, ctx.styles
    if not b.provisions or b.scope_org:
        return []
    out: list[Flowable] = [CondPageBreak(80 * mm), heading(ctx, section)]
    out.append(grid_flowable(ctx, provisions_grid(b)))
    f = b.facts
    out.append(Spacer(1, 1.5 * mm))
    out.append(para(ctx.t(f"※ 전체 {f.provisions}건 중 시행 {f.in_force}건, 국회 계류 "
                          f"{len(f.awaiting)}건 (음영: 후속 조치 필요)",
                          f"※ {f.in_force} of {f.provisions} in force, {len(f.awaiting)} "
                          "awaiting the Assembly (shaded: follow-up needed)"), s.note))
    return out


def slipped(ctx: Context, section: Section) -> list[Flowable]:
    from .tables import Grid

    b, s = ctx.b, ctx.styles
    out: list[Flowable] = [heading(ctx, section)]
    if b.baseline is None:
        return out + [para(ctx.t("비교할 기준선이 저장되어 있지 않음",
                                 "No baseline has been saved to compare with"), s.body)]
    out.append(para(ctx.t(f"기준선: {b.baseline}", f"Baseline: {b.baseline}"), s.body))
    if not b.slipped:
        return out + [para(ctx.t("기준선 대비 늦어진 마일스톤 없음",
                                 "No milestone later than the baseline"), s.body)]
    lang = ctx.lang
    grid = Grid(["WBS", ctx.t("마일스톤", "Milestone"), ctx.t("담당", "Owner"),
                 ctx.t("기준선 완료", "Baseline"), ctx.t("현재 전망", "Forecast"),
                 ctx.t("지연(근무일)", "Slip (working days)")], [],
                [0.09, 0.37, 0.15, 0.13, 0.13, 0.13], ["c", "l", "c", "c", "c", "r"])
    for r in b.slipped:
        grid.rows.append([r.wbs, r.name, r.owner, lang.date(r.baseline_finish),
                          lang.date(r.forecast), str(r.slip_days)])
    return out + [grid_flowable(ctx, grid)]


def contacts(ctx: Context, section: Section) -> list[Flowable]:
    from .tables import contacts_grid

    b, s = ctx.b, ctx.styles
    if not b.contacts:
        return []
    out: list[Flowable] = [heading(ctx, section)]
    grid, notes = contacts_grid(b)
    out.append(grid_flowable(ctx, grid))
    if b.redact:
        out.append(para(ctx.t("※ 개인정보 보호를 위해 성명과 전화번호를 생략함",
                              "※ Names and phone numbers are left out to protect personal "
                              "data"), s.note))
    if notes and ctx.b.lang == "en":
        notes = ["some phone extensions were completed from the listed main number"]
    out += source_notes(ctx, notes)
    return out


def source_notes(ctx: Context, notes: list[str]) -> list[Flowable]:
    """The footnote on sources: remarks about the source document, kept out of the text."""
    if not notes:
        return []
    text = ctx.t("주) 출처: 2018. 12. 26. 보도자료. ", "Note) Source: press release of "
                 "26 Dec 2018. ")
    return [Spacer(1, 2 * mm), para(text + "; ".join(notes), ctx.styles.note)]


def annex_alliance(ctx: Context, section: Section) -> list[Flowable]:
    b, s = ctx.b, ctx.styles
    notes = [n for n in b.notes if n[0].startswith("alliance")] or list(b.notes)
    if not notes:
        return []
    out: list[Flowable] = [heading(ctx, section, numbered=False)]
    remarks: list[str] = []
    for _topic, title, body in notes:
        body, about_source = split_source_remarks(body)
        remarks += about_source
        block: list[Flowable] = [bullet("box", title, s)]
        for line in _sentences(body):
            if line[0] in "-·":
                block.append(bullet("dash", line.lstrip("-· "), s))
            elif line[0] in "※*":
                block.append(para(line, s.note))
            else:
                block.append(bullet("circle", line.lstrip("ㅇo○ "), s))
        out.append(KeepTogether(block[:4]))
        out += block[4:]
    return out + source_notes(ctx, remarks)


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
    "bodies": bodies,
}

__all__ = ["RENDERERS", "Context", "heading", "subheading", "grid_flowable", "status_cell"]
