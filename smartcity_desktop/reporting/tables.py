"""The tables of a briefing as plain text grids, in the briefing's language.

Each function returns a :class:`Grid` (header, rows, relative widths, alignment,
status per row). The PDF sections draw it with ReportLab and the DOCX writer
with Word tables, so both formats print the same cells.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .labels import budget_label, source_part
from .lang import Lang
from .rows import Briefing, BudgetRow, MilestoneRow, MinistryBlock

STATUS_SYMBOL = {"done": "●", "on_track": "○", "at_risk": "▲", "late": "■", "not_started": "-"}
RAG = {"red": ("적색(위험)", "red (at risk)"), "amber": ("황색(주의)", "amber (watch)"),
       "green": ("녹색(정상)", "green (on track)")}
KIND = {"budget": ("국비 예산", "Central budget"), "public_investment": ("공공 투자", "Public "
                                                                     "investment"),
        "private_investment": ("민간 투자", "Private investment")}


@dataclass
class Grid:
    head: list[str]
    rows: list[list[str]]
    widths: list[float]  # shares of the frame width
    align: list[str]  # l / c / r per column
    marks: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, col) -> fill key
    bold_rows: set[int] = field(default_factory=set)


def status_cell(status: str, lang: Lang) -> str:
    from ..domain.status import TaskStatus

    label = TaskStatus(status).label(lang.code) if status else ""
    return f"{STATUS_SYMBOL.get(status, '')} {label}".strip()


def milestone_grid(b: Briefing, rows: list[MilestoneRow], *, next_step: bool = False) -> Grid:
    """WBS, milestone, owner, plan, forecast, actual, days late, status (and the next step)."""
    lang = Lang(b.lang)
    t = lang.t
    head = ["WBS", t("마일스톤", "Milestone"), t("담당", "Owner"), t("계획", "Plan"),
            t("전망", "Forecast"), t("실적", "Actual"), t("지연", "Late"), t("상태", "Status")]
    # date columns wide enough for the full form "2018. 10. 17." on one line
    widths = [0.06, 0.26, 0.15, 0.115, 0.115, 0.115, 0.07, 0.105]
    if next_step:
        head.append(t("다음 조치", "Next step"))
        widths = [0.05, 0.17, 0.1, 0.115, 0.115, 0.115, 0.07, 0.085, 0.18]
    grid = Grid(head, [], widths, ["c", "l", "c", "c", "c", "c", "r", "c"] + (["l"] if next_step
                                                                            else []))
    for i, r in enumerate(rows, 1):
        # English tables name the owner by abbreviation (MOLIT), as the window's table does
        owner = (r.owner_code or r.owner) if lang.en else r.owner
        name = r.name + (" *" if r.planned_work else "") + "".join(
            f" ({label}: {value})" for label, value in r.extras)  # declared report fields
        cells = [r.wbs, name, owner, r.planned or "-",
                 lang.date(r.forecast), lang.date(r.actual),
                 lang.days(r.days_late) if r.days_late else "-", status_cell(r.status, lang)]
        if next_step:
            cells.append(next_step_text(r, lang))
        grid.rows.append(cells)
        grid.marks[(i, 7)] = r.status
    return grid


def next_step_text(r: MilestoneRow, lang: Lang) -> str:
    """What the owner does next, by rule: sign-off, recovery date, or preparation."""
    t = lang.t
    if r.bucket == "done":
        return "-"
    if r.needs_signoff and not r.signed:
        return t("승인(서명) 받기", "obtain sign-off")
    if r.bucket == "overdue":
        return t("완료 보고 또는 만회 일정 제출", "report completion or a recovery date")
    if r.bucket == "due":
        return t("준비 상황 점검", "check readiness")
    return t("일정대로 진행", "proceed as planned")


def legend(lang: Lang) -> str:
    return lang.t("※ 상태: ● 완료  ○ 정상 진행  ▲ 지연 우려(일정 여유 부족 또는 착수 지연)  "
                  "■ 지연(계획 기한 경과)  - 착수 전. 전망은 일정 계산 결과, 지연은 기한 이후 "
                  "경과 일수, * 표시는 보도자료에 없는 관리용 세부 과제",
                  "Status: ● done  ○ on track  ▲ at risk (little slack or a late start)  "
                  "■ late (past its due date)  - not started. Forecast is the computed "
                  "schedule; Late counts calendar days past the due date; * marks a working "
                  "task not in the press release")


def provisions_grid(b: Briefing) -> Grid:
    lang = Lang(b.lang)
    t = lang.t
    head = [t("특례", "Provision"), t("주요 내용", "What it allows"), t("관련 법률", "Law"),
            t("진행 단계", "Stage"), t("목표", "Target")]
    grid = Grid(head, [], [0.14, 0.4, 0.18, 0.16, 0.12], ["l", "l", "l", "c", "c"])
    for i, p in enumerate(b.provisions, 1):
        name = p.name  # the group ("개정완료('18.7월)") repeats the stage column
        stage = f"{p.stage} ({p.stage_date})" if p.stage_date else p.stage
        grid.rows.append([name, p.allows, p.law, stage, p.target or "-"])
        if p.stage not in ("시행", "in force"):
            grid.marks[(i, 3)] = "at_risk"
    return grid


def contacts_grid(b: Briefing) -> tuple[Grid, list[str]]:
    """Contacts grouped under their body (heads under the body, staff under their desk);
    remarks about the source come back separately for the footnote on sources."""
    lang = Lang(b.lang)
    t = lang.t
    notes: list[str] = []
    if b.redact:
        grid = Grid([t("기관", "Body"), t("부서", "Division"), t("직위", "Position"),
                     t("역할", "Role")], [], [0.3, 0.3, 0.15, 0.25], ["l", "l", "c", "l"])
    else:
        grid = Grid([t("기관", "Body"), t("부서", "Division"), t("성명", "Name"),
                     t("직위", "Position"), t("전화", "Phone"), t("역할", "Role")], [],
                    [0.2, 0.2, 0.09, 0.12, 0.14, 0.25], ["l", "l", "c", "c", "c", "l"])
    seen = set()
    for c in sorted(b.contacts, key=lambda c: (c.org, c.department != "", c.department)):
        role, note = source_part(c.role)
        if note and note not in notes:
            notes.append(note)
        if lang.en and "listed prefix" in role:
            role = role.split(";")[0].strip()
        dept = c.department or t("(기관장)", "(head of body)")
        if b.redact:
            key = (c.org, dept, c.position, role)
            if key in seen:
                continue
            seen.add(key)
            grid.rows.append([c.org, dept, c.position or "-", role or "-"])
        else:
            grid.rows.append([c.org, dept, c.name, c.position, c.phone or c.email or "-",
                              role or "-"])
    return grid, notes


def area_grid(b: Briefing, rows: list[BudgetRow]) -> Grid:
    lang = Lang(b.lang)
    t = lang.t
    grid = Grid([t("분야", "Area"), t("항목", "Item"), t("계획", "Planned"), t("집행", "Spent"),
                 t("집행률", "Rate")], [], [0.24, 0.34, 0.15, 0.15, 0.12],
                ["l", "l", "r", "r", "r"])
    areas: dict[str, list[BudgetRow]] = {}
    for r in rows:
        areas.setdefault(r.area, []).append(r)
    for area, lines in areas.items():
        planned, executed = sum(r.planned for r in lines), sum(r.executed for r in lines)
        grid.rows.append([budget_label(area, lang.code), t("소계", "Subtotal"),
                          lang.money(planned), lang.money(executed), rate(planned, executed)])
        grid.bold_rows.add(len(grid.rows))
        for r in lines:
            grid.rows.append(["", budget_label(r.item, lang.code), lang.money(r.planned),
                              lang.money(r.executed), rate(r.planned, r.executed)])
    planned, executed = sum(r.planned for r in rows), sum(r.executed for r in rows)
    grid.rows.append([t("합계", "Total"), "", lang.money(planned), lang.money(executed),
                      rate(planned, executed)])
    grid.bold_rows.add(len(grid.rows))
    return grid


def investment_grid(b: Briefing, rows: list[BudgetRow]) -> Grid:
    lang = Lang(b.lang)
    t = lang.t
    grid = Grid([t("도시", "City"), t("공공 투자", "Public"), t("민간 투자", "Private"),
                 t("합계", "Total")], [], [0.28, 0.24, 0.24, 0.24], ["l", "r", "r", "r"])
    cities: dict[str, dict[str, float]] = {}
    for r in rows:
        k = cities.setdefault(r.city or t("공통", "Common"), {})
        k[r.kind] = k.get(r.kind, 0.0) + r.planned
    pub_t = priv_t = 0.0
    for city, kinds in cities.items():
        pub, priv = kinds.get("public_investment", 0.0), kinds.get("private_investment", 0.0)
        pub_t, priv_t = pub_t + pub, priv_t + priv
        grid.rows.append([city, lang.money(pub), lang.money(priv), lang.money(pub + priv)])
    grid.rows.append([t("합계", "Total"), lang.money(pub_t), lang.money(priv_t),
                      lang.money(pub_t + priv_t)])
    grid.bold_rows.add(len(grid.rows))
    return grid


def rate(planned: float, executed: float) -> str:
    return f"{100 * executed / planned:.1f}%" if planned else "-"


def ministry_kpis(b: Briefing, m: MinistryBlock) -> Grid:
    lang = Lang(b.lang)
    t = lang.t
    c = m.milestones
    grid = Grid([t("소관 과제", "Tasks"), t("진척률(기간 기준)", "Complete (by duration)"),
                 t("마일스톤 완료/전체", "Milestones done/all"),
                 t("30일 내 도래", "Due in 30 days"), t("기한 경과", "Overdue"),
                 t("점검항목 완료/미완료/기한 경과", "Checklist done/open/late")],
                [], [0.12, 0.2, 0.17, 0.13, 0.13, 0.25], ["c"] * 6)
    grid.rows.append([lang.count(m.tasks), lang.pct(m.percent), f"{c.done}/{c.total}",
                      lang.count(c.due), lang.count(c.overdue),
                      f"{m.items_done} / {m.items_open} / {m.items_overdue}"])
    if c.overdue:
        grid.marks[(1, 4)] = "late"
    if m.items_overdue:
        grid.marks[(1, 5)] = "late"
    return grid
