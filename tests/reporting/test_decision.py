"""The decision page, read as text at three status dates.

Expectations are computed from the plan by the stated rules (domain status, due
dates, stage changes), not copied from today's seed, so a corrected seed fact
(an actual date, a provision coming into force) changes the expected lines with it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from smartcity_desktop.domain import model as m
from smartcity_desktop.domain.status import TaskStatus, due_date, task_status
from smartcity_desktop.reporting.builder import generate_report
from smartcity_desktop.reporting.data import gather
from smartcity_desktop.reporting.decision import decision_lines
from smartcity_desktop.reporting.definitions import get_definition
from smartcity_desktop.store.planning import load_schedule

from .conftest import pdf_text


def _text(b) -> str:
    lines = []
    for level, value in decision_lines(b):
        if level == "grid":
            lines += [" | ".join(row) for row in value.rows]
        else:
            lines.append(value)
    return "\n".join(lines).replace("\u00a0", " ")


def _late(store, as_of: date):
    tasks, schedule, _ = load_schedule(store, status_date=as_of)  # the briefing's schedule
    out = []
    for t in tasks:
        st = schedule[t.id] if t.id in schedule else None
        if not t.is_summary and task_status(t, st, as_of) is TaskStatus.LATE:
            out.append((t, due_date(t, st)))
    return out


def _kdate(d: date) -> str:
    return f"{d.year}. {d.month}. {d.day}."


def _brief(store, as_of: date, **kw):
    return gather(store, get_definition("programme"), as_of=as_of, **kw)


def test_2019_01_15_names_the_late_secretariat_set_up(store) -> None:
    as_of = date(2019, 1, 15)
    text = _text(_brief(store, as_of))
    late = _late(store, as_of)
    assert late, "the secretariat set-up (due early January, 0 %) is late by the status rule"
    assert f"기한 경과 {len(late)}건" in text
    owners = {o.id: o.name_ko for o in store.organisations()}
    for task, due in late:  # few late items: each is named with owner, due date and days late
        owner = owners[task.owner_org_id or next(
            t.owner_org_id for t in store.tasks() if t.id == task.parent_id)]
        assert f"{task.wbs} {task.name_ko}: {owner}, 기한 {_kdate(due)}, " \
               f"{(as_of - due).days}일 경과" in text
    assert any(t.wbs == "3.1" for t, _ in late)  # 전담조직(사무국) 설치


def test_2019_03_01_decisions_owners_days_and_sign_offs(store) -> None:
    as_of = date(2019, 3, 1)
    b = _brief(store, as_of)
    text = _text(b)
    late_ms = [r for r in b.milestones if r.bucket == "overdue"]
    assert f"기한 경과 마일스톤 {len(late_ms)}건" in text
    for r in late_ms:  # every overdue milestone, not the top three
        assert f"{r.wbs} {r.name}: {r.owner}, 기한 {_kdate(r.due)}, {r.days_late}일 경과" in text
        assert r.days_late == (as_of - r.due).days
    gated = [r for r in b.milestones if r.needs_signoff and not r.signed and r.bucket != "done"
             and r.due and (r.due - as_of).days <= 30]
    assert f"승인 대기 {len(gated)}건" in text
    for r in gated:
        assert f"{r.wbs} {r.name}: {r.owner}, 기한 {_kdate(r.due)}" in text
    due_soon = [r for r in b.milestones if r.bucket == "due"]
    for r in due_soon:
        assert f"{r.wbs} {r.name}: {r.owner}, 기한 {_kdate(r.due)}" in text
    assert "향후 30일 내 도래 (~2019. 3. 31.)" in text
    # labelled progress measures
    assert "마일스톤(완료/기한 도래)" in text
    assert "기간 기준 진척률(과제 기간으로 가중한 완료율)" in text
    assert "비교할 기준선이 저장되어 있지 않음" in text  # says so; no instruction to the reader
    assert "하십시오" not in text
    # too early in the year to judge budget execution
    assert "1분기가 지난 뒤부터" in text


def _stages(store, as_of: date) -> tuple[int, int]:
    """(in force, awaiting the Assembly) from the dated stage changes, by hand."""
    changes = store.all(m.ProvisionStageChange)
    in_force = awaiting = 0
    for p in store.all(m.Provision):
        mine = [c for c in changes if c.provision_id == p.id and c.on.earliest() <= as_of]
        stages = {c.stage for c in mine} or ({p.stage} if not any(
            c.provision_id == p.id for c in changes) else set())
        if m.ProvisionStage.IN_FORCE in stages:
            in_force += 1
        elif not stages & {m.ProvisionStage.PASSED}:
            awaiting += 1
    return in_force, awaiting


@pytest.mark.parametrize("as_of", [date(2019, 1, 15), date(2019, 3, 1), date(2021, 12, 31)])
def test_provisions_awaiting_the_assembly_and_in_force(store, as_of: date) -> None:
    text = _text(_brief(store, as_of))
    in_force, awaiting = _stages(store, as_of)
    total = store.count(m.Provision)
    assert f"국회 계류 규제 특례 {awaiting}건 (전체 {total}건 중 시행 {in_force}건)" in text


def test_2021_12_31_overdue_amendment_budget_and_stale_data(store) -> None:
    as_of = date(2021, 12, 31)
    b = _brief(store, as_of)
    text = _text(b)
    amendment = next(r for r in b.milestones if r.wbs == "2.2.4")  # 추가 개정안 국회 통과
    if amendment.bucket == "overdue":
        assert (f"2.2.4 {amendment.name}: {amendment.owner}, 기한 {_kdate(amendment.due)}, "
                f"{amendment.days_late}일 경과") in text
    # budget lines of past years with nothing executed are named with their amounts
    spent = {(r.year, r.area): 0.0 for r in b.budget if r.kind == "budget"}
    for r in b.budget:
        if r.kind == "budget":
            spent[(r.year, r.area)] += r.executed
    if spent and not any(spent.values()):
        assert "예산 집행 부진" in text and "195억원 중 0억원 집행" in text
    # nothing new arrived for years: the page says the figures may understate progress
    assert "새 실적이 없는 기관" in text


def test_freshness_reads_the_exchange_setting(store) -> None:
    as_of = date(2019, 3, 1)
    store.set_setting("exchange.received.MOLIT", "2019-02-20")
    b = _brief(store, as_of)
    molit = next(x for x in b.facts.freshness if x.code == "MOLIT")
    assert (molit.day, molit.source, molit.age_days) == (date(2019, 2, 20), "exchange", 9)
    assert "국토교통부 | " in _text(b) and "2019. 2. 20. (회신)" in _text(b)
    # without a return, the newest status update on or before the status date is shown
    updates = [u.report_date for u in store.all(m.StatusUpdate)
               if u.org_id == 2 and u.report_date <= as_of]
    moef = next(x for x in b.facts.freshness if x.code == "MOEF")
    assert moef.source == "update" and moef.day == max(updates)
    # a return dated after the status date is not news yet
    store.set_setting("exchange.received.MOEF", "2019-05-01")
    moef = next(x for x in _brief(store, as_of).facts.freshness if x.code == "MOEF")
    assert moef.source == "update"


def test_bodies_with_nothing_due_are_left_out(store) -> None:
    b = _brief(store, date(2019, 1, 15))
    shown = {x.code for x in b.facts.bodies}
    tasks, schedule, _ = load_schedule(store)
    for code in ("MOHW", "MOE", "MSS"):  # their work starts later in 2019
        org = next(o for o in store.organisations() if o.code == code)
        own = [t for t in tasks if t.owner_org_id == org.id and not t.is_summary]
        due = [t for t in own if (d := due_date(t, schedule[t.id])) and
               (d - date(2019, 1, 15)).days <= 30]
        assert (code in shown) == bool(due)


def test_page_two_is_the_decision_page(store, tmp_path: Path) -> None:
    out = generate_report(store, "programme", as_of=date(2019, 3, 1),
                          out_path=tmp_path / "d.pdf")
    pages = pdf_text(out)
    assert "Ⅰ. 요약: 결정·조치 필요 사항" in pages[1]
    assert "결정·지원 필요 사항" in pages[1] and "기한 경과 마일스톤" in pages[1]
    assert pages[1].index("결정·지원 필요 사항") < pages[1].index("진척 현황")


@pytest.mark.parametrize("as_of", [date(2019, 1, 15), date(2019, 3, 1), date(2021, 12, 31)])
def test_default_briefing_is_at_most_12_pages(store, tmp_path: Path, as_of: date) -> None:
    out = generate_report(store, "programme", as_of=as_of, out_path=tmp_path / "p.pdf")
    assert len(pdf_text(out)) <= 12


def test_planned_percent_reads_the_plan_not_the_forecast(store) -> None:
    """At 2019-01-15 work is late, so the plan puts more done than was done; with the
    forecast (unfinished work moved to the status date) the two used to be equal."""
    as_of = date(2019, 1, 15)
    assert _late(store, as_of)
    f = _brief(store, as_of).facts
    assert f.planned_percent > f.percent + 1
    bodies = {b.code: b for b in f.bodies}
    behind = [b for b in bodies.values() if b.late]
    assert behind and all(b.planned_percent > b.percent for b in behind)
    text = _text(_brief(store, as_of))
    assert f"계획 일정상 기준일 진척률 {f.planned_percent:g}%" in text.replace(" %", "%")
