"""The decision page in 개조식: what needs a decision or help, with owners, dates and days late.

:func:`decision_lines` turns the :class:`~.facts.DecisionFacts` of a briefing into
``(level, text)`` lines (``box`` □, ``circle`` ㅇ, ``dash`` -, ``note`` ※), and one
table by body, in the briefing's language. The PDF and the DOCX both print these lines, so the two
formats say the same thing. Lists are capped so the page reads in two minutes;
a cap always says how many more there are.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from .facts import DecisionFacts, window_end
from .labels import budget_label
from .lang import Lang
from .rows import Briefing
from .tables import Grid

MAX_LATE_MILESTONES = 12  # every overdue milestone in practice; a cap says how many more
MAX_SINGLE_TASKS = 4  # more overdue tasks than this are summarised per body
MAX_OWNERS = 5
MAX_DUE = 6
STALE_DAYS = 30
Line = tuple[str, str]


def decision_lines(b: Briefing) -> list[Any]:
    """Every line of the decision page, in order (and one ``("grid", Grid)`` by body)."""
    lang = Lang(b.lang)
    f: DecisionFacts = b.facts
    out: list[Line] = []
    out += _act_now(f, lang)
    out += _slipped(b, lang)
    out += _due_soon(b, f, lang)
    out += _assembly(f, lang)
    out += _budget(b, f, lang)
    out += _progress(f, lang)
    out += _freshness(b, f, lang)
    return out


def body_grid(f: DecisionFacts, lang: Lang) -> Grid:
    """One row per body with something due: milestones done/due, percent complete by
    duration against the plan, overdue count and the date of its latest report."""
    t = lang.t
    grid = Grid([t("기관", "Body"), t("마일스톤 완료/도래", "Milestones done/due"),
                 t("진척률(계획)", "Complete (plan)"), t("기한 경과", "Overdue"),
                 t("최신 실적", "Latest report")], [], [0.34, 0.15, 0.16, 0.1, 0.25],
                ["l", "c", "c", "r", "c"])
    fresh = {x.code: x for x in f.freshness}
    for i, body in enumerate(f.bodies, 1):
        x = fresh.get(body.code)
        if x is None or x.day is None:
            seen = t("없음", "none")
        else:
            how = t("회신", "return") if x.source == "exchange" else t("보고", "update")
            seen = f"{lang.date(x.day)} ({how})"
        grid.rows.append([body.owner, f"{body.ms_done}/{body.ms_due}",
                          f"{lang.pct(body.percent)} ({lang.pct(body.planned_percent)})",
                          str(body.late), seen])
        if body.late:
            grid.marks[(i, 3)] = "late"
        if x is None or x.age_days is None or x.age_days > STALE_DAYS:
            grid.marks[(i, 4)] = "at_risk"
    return grid


def _act_now(f: DecisionFacts, lang: Lang) -> list[Line]:
    t = lang.t
    late_ms = [r for r in f.late if r.milestone]
    late_tasks = [r for r in f.late if not r.milestone]
    out: list[Line] = [("box", t(f"결정·지원 필요 사항 (기한 경과 {len(f.late)}건, 승인 대기 "
                                 f"{len(f.gated)}건)",
                                 f"Needs a decision or help ({len(f.late)} overdue, "
                                 f"{len(f.gated)} awaiting sign-off)"))]
    if not f.late and not f.gated:
        out.append(("circle", t("기한이 지난 업무와 승인 대기 건이 없음",
                                "Nothing is overdue and no sign-off is waiting")))
        return out
    if late_ms:
        out.append(("circle", t(f"기한 경과 마일스톤 {len(late_ms)}건",
                                f"{len(late_ms)} overdue milestones")))
        for r in late_ms[:MAX_LATE_MILESTONES]:
            gate = t(", 승인 필요", ", sign-off required") if r.needs_signoff else ""
            out.append(("dash", t(f"{r.wbs} {r.name}: {r.owner}, 기한 {lang.date(r.due)}, "
                                  f"{lang.days(r.days_late)} 경과{gate}",
                                  f"{r.wbs} {r.name}: {r.owner}, due {lang.date(r.due)}, "
                                  f"{lang.days(r.days_late)} late{gate}")))
        if len(late_ms) > MAX_LATE_MILESTONES:
            rest = len(late_ms) - MAX_LATE_MILESTONES
            out.append(("dash", t(f"외 {rest}건 (Ⅱ. 마일스톤 표 참조)",
                                  f"{rest} more (see the milestone table)")))
    if late_tasks and len(late_tasks) <= MAX_SINGLE_TASKS:
        out.append(("circle", t(f"기한 경과 세부 과제 {len(late_tasks)}건",
                                f"{len(late_tasks)} overdue tasks")))
        for r in late_tasks:
            out.append(("dash", t(f"{r.wbs} {r.name}: {r.owner}, 기한 {lang.date(r.due)}, "
                                  f"{lang.days(r.days_late)} 경과",
                                  f"{r.wbs} {r.name}: {r.owner}, due {lang.date(r.due)}, "
                                  f"{lang.days(r.days_late)} late")))
    elif late_tasks:
        by_owner: dict[str, list] = defaultdict(list)
        for r in late_tasks:
            by_owner[r.owner or t("담당 미지정", "no owner")].append(r)
        out.append(("circle", t(f"기한 경과 세부 과제 {len(late_tasks)}건 (기관별, 가장 늦은 과제)",
                                f"{len(late_tasks)} overdue tasks (by body, the latest one)")))
        owners = sorted(by_owner.items(), key=lambda kv: -len(kv[1]))
        for owner, rows in owners[:MAX_OWNERS]:
            worst = max(rows, key=lambda r: r.days_late)
            out.append(("dash", t(f"{owner} {len(rows)}건: {worst.wbs} {worst.name} "
                                  f"(기한 {lang.date(worst.due)}, {lang.days(worst.days_late)} "
                                  f"경과)",
                                  f"{owner}, {len(rows)}: {worst.wbs} {worst.name} "
                                  f"(due {lang.date(worst.due)}, {lang.days(worst.days_late)} "
                                  f"late)")))
    if f.gated:
        out.append(("circle", t(f"승인(서명) 대기 마일스톤 {len(f.gated)}건: 승인 전에는 완료 "
                                "처리할 수 없음",
                                f"{len(f.gated)} gated milestones awaiting sign-off: they "
                                "cannot be closed before it")))
        for r in f.gated:
            state = t("기한 경과", "overdue") if r.bucket == "overdue" else t("도래", "due")
            out.append(("dash", t(f"{r.wbs} {r.name}: {r.owner}, 기한 {lang.date(r.due)} "
                                  f"({state})",
                                  f"{r.wbs} {r.name}: {r.owner}, due {lang.date(r.due)} "
                                  f"({state})")))
    return out


def _slipped(b: Briefing, lang: Lang) -> list[Line]:
    t = lang.t
    out: list[Line] = [("box", t("기준선 대비 지연", "Slipped against the baseline"))]
    if b.baseline is None:
        out.append(("circle", t("비교할 기준선이 저장되어 있지 않음",
                                "No baseline has been saved to compare with")))
        return out
    if not b.slipped:
        out.append(("circle", t(f"기준선 '{b.baseline}' 대비 늦어진 마일스톤 없음",
                                f"No milestone later than baseline '{b.baseline}'")))
        return out
    out.append(("circle", t(f"기준선 '{b.baseline}' 대비 {len(b.slipped)}건 지연",
                            f"{len(b.slipped)} later than baseline '{b.baseline}'")))
    for r in sorted(b.slipped, key=lambda r: -r.slip_days)[:MAX_DUE]:
        out.append(("dash", t(f"{r.wbs} {r.name}: {r.owner}, {lang.date(r.baseline_finish)} → "
                              f"{lang.date(r.forecast)} (근무일 {r.slip_days}일)",
                              f"{r.wbs} {r.name}: {r.owner}, {lang.date(r.baseline_finish)} → "
                              f"{lang.date(r.forecast)} ({r.slip_days} working days)")))
    return out


def _due_soon(b: Briefing, f: DecisionFacts, lang: Lang) -> list[Line]:
    t = lang.t
    end = lang.date(window_end(b.as_of))
    out: list[Line] = [("box", t(f"향후 30일 내 도래 (~{end})", f"Due in the next 30 days "
                                                              f"(to {end})"))]
    if not f.due_soon:
        out.append(("circle", t("30일 안에 기한이 오는 마일스톤 없음",
                                "No milestone falls due in the next 30 days")))
    for r in f.due_soon[:MAX_DUE]:
        out.append(("dash", t(f"{r.wbs} {r.name}: {r.owner}, 기한 {lang.date(r.due)}",
                              f"{r.wbs} {r.name}: {r.owner}, due {lang.date(r.due)}")))
    if f.tasks_due_soon:
        out.append(("circle", t(f"같은 기간 마감 세부 과제 {f.tasks_due_soon}건",
                                f"{f.tasks_due_soon} tasks also finish in this period")))
    return out


def _assembly(f: DecisionFacts, lang: Lang) -> list[Line]:
    t = lang.t
    out: list[Line] = [("box", t(f"국회 계류 규제 특례 {len(f.awaiting)}건 "
                                 f"(전체 {f.provisions}건 중 "
                                 f"시행 {f.in_force}건)",
                                 f"{len(f.awaiting)} provisions awaiting the Assembly "
                                 f"({f.in_force} of {f.provisions} in force)"))]
    groups: dict[tuple[str, str, bool], list[str]] = defaultdict(list)
    for a in f.awaiting:
        groups[(a.stage_label, a.target, a.overdue)].append(a.name)
    for (stage, target, overdue), names in groups.items():
        late = t(", 목표 시기 경과", ", target passed") if overdue else ""
        out.append(("dash", t(f"{'·'.join(names)}: {stage}, 목표 {target or '미정'}{late}",
                              f"{', '.join(names)}: {stage}, target {target or 'not set'}"
                              f"{late}")))
    if not f.awaiting:
        out.append(("circle", t("국회 심의를 기다리는 특례 없음",
                                "No provision is waiting for the Assembly")))
    return out


def _budget(b: Briefing, f: DecisionFacts, lang: Lang) -> list[Line]:
    t = lang.t
    out: list[Line] = [("box", t("예산 집행 부진", "Under-executed budget lines"))]
    if not f.budget_checked:
        out.append(("circle", t(f"{b.as_of.year}년 예산은 1분기가 지난 뒤부터 집행 부진 "
                                "여부를 판단함",
                                f"{b.as_of.year} execution is judged once the first quarter "
                                "has passed")))
        return out
    if not f.under:
        out.append(("circle", t("연간 경과 대비 집행이 크게 뒤처진 분야 없음",
                                "No area is far behind the elapsed share of its year")))
    for r in f.under:
        out.append(("dash", t(
            f"{r.year}년 {budget_label(r.area, 'ko')}: {lang.money(r.planned)} 중 "
            f"{lang.money(r.executed)} 집행 ({100 * r.rate:.1f}%, "
            f"연간 경과 {100 * r.elapsed:.0f}%)",
            f"{r.year} {budget_label(r.area, 'en')}: {lang.money(r.executed)} of "
            f"{lang.money(r.planned)} spent ({100 * r.rate:.1f}%, "
            f"{100 * r.elapsed:.0f}% of the year elapsed)")))
    return out


def _progress(f: DecisionFacts, lang: Lang) -> list[Line]:
    t = lang.t
    out: list[Line] = [("box", t("진척 현황", "Progress"))]
    out.append(("circle", t(
        f"마일스톤(완료/기한 도래): 기준일까지 기한이 온 {f.ms_due}건 중 {f.ms_done_of_due}건 완료 "
        f"(전체 {f.ms_total}건 중 완료 {f.ms_done}건)",
        f"Milestones done / due: {f.ms_done_of_due} of the {f.ms_due} due by the status date "
        f"are done ({f.ms_done} of all {f.ms_total})")))
    out.append(("circle", t(
        f"기간 기준 진척률(과제 기간으로 가중한 완료율): {lang.pct(f.percent)}, "
        f"계획 일정상 기준일 진척률 {lang.pct(f.planned_percent)}",
        f"Percent complete by duration (completion weighted by task length): "
        f"{lang.pct(f.percent)}; the plan dates put {lang.pct(f.planned_percent)} "
        "before the status date")))
    return out


def _freshness(b: Briefing, f: DecisionFacts, lang: Lang) -> list[Any]:
    t = lang.t
    out: list[Any] = [("box", t("기관별 진척과 자료 기준 (최신 실적 접수일)",
                                "By body, and how fresh its figures are"))]
    if not f.bodies:
        return out + [("circle", t("기한이 도래한 업무가 있는 기관 없음", "No body has work due"))]
    out.append(("grid", body_grid(f, lang)))
    stale = [x.owner for x in f.freshness if x.age_days is None or x.age_days > STALE_DAYS]
    notes = t("기한 도래 업무가 없는 기관은 생략함. 진척률 괄호는 계획 일정상 기준일 진척률. "
              "최신 실적은 실적 회신 접수일(없으면 추진상황 보고일)",
              "Bodies with nothing due are left out. Brackets: the percent the plan dates put "
              "before the status date. Latest report: the date its return arrived (else its "
              "latest status update)")
    out.append(("note", notes))
    if stale:
        out.append(("note", t(f"{STALE_DAYS}일 넘게 새 실적이 없는 기관 {len(stale)}곳(음영): "
                              "위 진척 수치는 실제보다 낮을 수 있음",
                              f"{len(stale)} bodies (shaded) have sent nothing for over "
                              f"{STALE_DAYS} days: their progress may be understated")))
    return out
