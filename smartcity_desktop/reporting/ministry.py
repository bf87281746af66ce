"""The per-ministry block: progress, open/overdue checklist items, latest reports, sign-offs.

A block is kept short (at most one page): the key figures, up to
:data:`MAX_ITEMS` open checklist items (overdue first), the latest status reports
and the sign-offs. :func:`ministry_parts` gives the block as format-free parts
(the PDF and the DOCX writer both print them). The English briefing lists the
task of each open item (checklist texts exist in Korean only).
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from .labels import has_hangul
from .lang import Lang
from .rows import Briefing, MinistryBlock
from .sections import Context, grid_flowable, subheading
from .styles import bullet
from .tables import RAG, Grid, ministry_kpis

MAX_ITEMS = 8
Part = tuple[str, Any]  # ("h2", text) | ("circle"/"dash", text) | ("grid", Grid)


def ministry_parts(b: Briefing, m: MinistryBlock, index: int, max_items: int = MAX_ITEMS
                   ) -> list[Part]:
    lang = Lang(b.lang)
    t = lang.t
    dept = f" ({m.department})" if m.department and not m.department.startswith(m.name) else ""
    out: list[Part] = [("h2", f"{index}. {m.name}{dept}"), ("grid", ministry_kpis(b, m))]
    if m.open_items:
        out.append(("circle", t(f"미완료 점검항목 {m.items_open}건 (기한 경과 {m.items_overdue}건)",
                                f"{m.items_open} open checklist items ({m.items_overdue} past "
                                "due)")))
        grid = Grid([t("과제", "Task"), t("점검항목", "Item"), t("기한", "Due"),
                     t("상태", "State")], [], [0.32, 0.42, 0.13, 0.13], ["l", "l", "c", "c"])
        for i, item in enumerate(m.open_items[:max_items], 1):
            text = item.text if not lang.en or not has_hangul(item.text) else \
                "(item text in the Korean briefing)"
            grid.rows.append([f"{item.wbs} {item.task}", text, lang.date(item.due),
                              t("■ 기한 경과", "■ past due") if item.overdue
                              else t("○ 진행", "○ open")])
            if item.overdue:
                grid.marks[(i, 3)] = "late"
        out.append(("grid", grid))
        if len(m.open_items) > max_items:
            out.append(("dash", t(f"외 {len(m.open_items) - max_items}건",
                                  f"{len(m.open_items) - max_items} more")))
    if m.statuses:
        out.append(("circle", t("최근 추진상황 보고", "Latest status reports")))
        grid = Grid([t("과제", "Task"), t("보고일", "Reported"), t("평가", "Rating"),
                     t("추진상황", "Narrative")], [], [0.27, 0.13, 0.12, 0.48],
                    ["l", "c", "c", "l"])
        for i, st in enumerate(m.statuses, 1):
            narrative = st.narrative
            if lang.en and has_hangul(narrative):
                narrative = "(narrative in the Korean briefing)"
            ko, en = RAG.get(st.rag, (st.rag, st.rag))
            grid.rows.append([f"{st.wbs} {st.task}", lang.date(st.report_date), t(ko, en),
                              narrative])
            grid.marks[(i, 2)] = {"red": "late", "amber": "at_risk",
                                  "green": "on_track"}.get(st.rag, "")
        out.append(("grid", grid))
    if m.signoffs:
        out.append(("circle", t("승인(서명) 내역", "Sign-offs")))
        grid = Grid([t("과제", "Task"), t("승인자", "Approver"), t("직위", "Position"),
                     t("승인일", "Signed"), t("비고", "Note")], [],
                    [0.32, 0.12, 0.15, 0.13, 0.28], ["l", "c", "c", "c", "l"])
        for so in m.signoffs:
            note = so.note
            if so.revoked:
                note = t("철회: ", "revoked: ") + so.revoke_reason + (f" / {so.note}"
                                                                     if so.note else "")
            grid.rows.append([f"{so.wbs} {so.task}", so.approver or "-", so.position,
                              lang.date(so.signed_on), note or "-"])
        out.append(("grid", grid))
    return out


def items_cap(blocks: int) -> int:
    """Open items listed per body: fewer when many bodies share the section."""
    return MAX_ITEMS if blocks <= 4 else 4


def ministry_block(ctx: Context, m: MinistryBlock, index: int, blocks: int = 1
                   ) -> list[Flowable]:
    parts = ministry_parts(ctx.b, m, index, items_cap(blocks))
    out: list[Flowable] = []
    head = [subheading(ctx, parts[0][1]), grid_flowable(ctx, parts[1][1])]
    out.append(KeepTogether(head))
    out.append(Spacer(1, 1.5 * mm))
    for kind, value in parts[2:]:
        out.append(grid_flowable(ctx, value) if kind == "grid" else
                   bullet(kind, value, ctx.styles))
    out.append(Spacer(1, 3 * mm))
    return out
