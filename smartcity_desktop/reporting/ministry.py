"""The per-ministry block: progress, open/overdue checklist items, narratives, sign-offs."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from .data import RAG_LABEL, MinistryBlock
from .fonts import FONT
from .sections import Context, subheading
from .styles import RAG_FILL, STATUS_FILL, bullet, grid_table, para, pct, sdate

MAX_ITEMS = 15


class ProgressBar(Flowable):
    """A printed progress bar: outlined box, dark fill, the number beside it."""

    def __init__(self, percent: float, width: float, height: float = 4 * mm) -> None:
        super().__init__()
        self.percent, self.width, self.height = percent, width, height

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        bar_w = self.width - 16 * mm
        c.setLineWidth(0.6)
        c.setStrokeColor(colors.black)
        c.setFillColor(colors.white)
        c.rect(0, 0, bar_w, self.height, stroke=1, fill=1)
        c.setFillColor(colors.Color(0.35, 0.35, 0.35))
        c.rect(0, 0, bar_w * max(0.0, min(self.percent, 100)) / 100, self.height, stroke=0,
               fill=1)
        c.setFillColor(colors.black)
        c.setFont(FONT, 8.5)
        c.drawString(bar_w + 2 * mm, self.height * 0.2, pct(self.percent))


def ministry_block(ctx: Context, m: MinistryBlock, index: int) -> list[Flowable]:
    s, w = ctx.styles, ctx.width
    out: list[Flowable] = [subheading(ctx, f"{index}. {m.name}" + (f" ({m.department})"
                                                                    if m.department else ""))]
    c = m.milestones
    kpi = [["소관 과제", "진척률", "마일스톤 완료", "30일 내 도래", "지연 마일스톤",
            "점검항목(완료/미완료/지연)"],
           [f"{m.tasks}건", ProgressBar(m.percent, w * 0.2 - 6), f"{c.done}/{c.total}건",
            f"{c.due}건", f"{c.overdue}건",
            f"{m.items_done} / {m.items_open} / {m.items_overdue}건"]]
    fills = [("BACKGROUND", (4, 1), (4, 1), STATUS_FILL["late"])] if c.overdue else []
    if m.items_overdue:
        fills.append(("BACKGROUND", (5, 1), (5, 1), STATUS_FILL["late"]))
    out.append(grid_table(kpi, [w * x for x in (0.12, 0.2, 0.15, 0.14, 0.14, 0.25)], s,
                          align=["c"] * 6, extra=fills))
    out.append(Spacer(1, 2 * mm))

    out.append(bullet("circle",
                      f"미완료 점검항목 {m.items_open}건 (기한 경과 {m.items_overdue}건)", s))
    if m.open_items:
        data: list[list[object]] = [["과제", "점검항목", "기한", "상태"]]
        fills = []
        for i, item in enumerate(m.open_items[:MAX_ITEMS], 1):
            state = "■ 기한 경과" if item.overdue else "○ 진행"
            data.append([f"{item.wbs} {item.task}", item.text, sdate(item.due), state])
            if item.overdue:
                fills.append(("BACKGROUND", (3, i), (3, i), STATUS_FILL["late"]))
        out.append(grid_table(data, [w * x for x in (0.32, 0.44, 0.11, 0.13)], s,
                              align=["l", "l", "c", "c"], extra=fills))
        if len(m.open_items) > MAX_ITEMS:
            out.append(para(f"※ 외 {len(m.open_items) - MAX_ITEMS}건", s.note))

    out.append(bullet("circle", "최근 추진상황 보고", s))
    if m.statuses:
        data = [["과제", "보고일", "평가", "추진상황"]]
        fills = []
        for i, st in enumerate(m.statuses, 1):
            data.append([f"{st.wbs} {st.task}", sdate(st.report_date),
                         RAG_LABEL.get(st.rag, st.rag),
                         st.narrative + (f" ({st.author})" if st.author else "")])
            fills.append(("BACKGROUND", (2, i), (2, i), RAG_FILL.get(st.rag, colors.white)))
        out.append(grid_table(data, [w * x for x in (0.27, 0.1, 0.12, 0.51)], s,
                              align=["l", "c", "c", "l"], extra=fills))
    else:
        out.append(bullet("dash", "보고된 추진상황 없음", s))

    out.append(bullet("circle", "승인(서명) 내역", s))
    if m.signoffs:
        data = [["과제", "승인자", "직위", "승인일", "비고"]]
        for so in m.signoffs:
            note = so.note
            if so.revoked:
                note = f"철회: {so.revoke_reason}" + (f" / {so.note}" if so.note else "")
            data.append([f"{so.wbs} {so.task}", so.approver or "-", so.position,
                         sdate(so.signed_on), note or "-"])
        out.append(grid_table(data, [w * x for x in (0.33, 0.12, 0.15, 0.1, 0.3)], s,
                              align=["l", "c", "c", "c", "l"]))
    else:
        out.append(bullet("dash", "승인 내역 없음", s))
    out.append(Spacer(1, 4 * mm))
    return out

