"""The briefing's figures as of a date: provisions change stage on their dates, budget rows
carry their period and owner, milestones are done only once they happened (issue 12)."""

from __future__ import annotations

from datetime import date

import pytest

from smartcity_desktop.domain import model as m
from smartcity_desktop.domain.dates import parse_plan_date
from smartcity_desktop.domain.provisions import stage_on
from smartcity_desktop.reporting.data import gather
from smartcity_desktop.reporting.definitions import get_definition


def in_force(b) -> int:
    return sum(1 for p in b.provisions if p.stage == "시행")


@pytest.mark.parametrize(("as_of", "forced", "passed"), [
    (date(2018, 12, 26), 0, 6), (date(2019, 2, 14), 0, 6), (date(2019, 2, 15), 6, 0),
    (date(2021, 12, 31), 6, 0)])
def test_provisions_come_into_force_on_their_date(store, as_of, forced, passed) -> None:
    b = gather(store, get_definition("programme"), as_of=as_of)
    assert in_force(b) == forced
    assert sum(1 for p in b.provisions if p.stage == "국회 통과") == passed
    assert len(b.provisions) == 9


def test_stage_before_anything_happened_and_imprecise_dates() -> None:
    p = m.Provision("x", "x", "", "", "", "", m.ProvisionStage.PASSED,
                    stage_date=parse_plan_date("2018-07"), id=1)
    h = [m.ProvisionStageChange(1, m.ProvisionStage.IN_FORCE, parse_plan_date("2019-02-15"))]
    assert stage_on(p, h, date(2018, 7, 15)) == (None, None)  # July not over yet
    assert stage_on(p, h, date(2018, 7, 31))[0] is m.ProvisionStage.PASSED
    assert stage_on(p, h, date(2019, 2, 15))[0] is m.ProvisionStage.IN_FORCE


def test_budget_rows_have_periods_owners_and_milestones_are_dated(store) -> None:
    b = gather(store, get_definition("programme"), as_of=date(2018, 6, 1))
    invest = [r for r in b.budget if r.kind != "budget"]
    assert invest and {r.period for r in invest} == {"2019–2021"}
    assert all(r.org.endswith(" *") for r in b.budget)  # MOLIT, an assumed owner
    assert b.milestone_counts.done == 1  # only 1.1 (January 2018) had happened
    early = gather(store, get_definition("milestones"), as_of=date(1, 1, 1))
    assert early.milestone_counts.done == 0
    late = gather(store, get_definition("programme"), as_of=date(2021, 12, 31))
    launch = next(r for r in late.milestones if r.wbs == "3.6")
    assert launch.forecast >= date(2021, 12, 31)
