"""Domain validation gives clear, field-named refusals."""

from __future__ import annotations

from datetime import date

import pytest

from smartcity_desktop.domain import model as m
from smartcity_desktop.domain.dates import parse_plan_date


def task(**kw) -> m.Task:
    base = dict(project_id=1, wbs="1.1", name_ko="사무국 설치")
    base.update(kw)
    return m.Task(**base)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"finish": parse_plan_date("2019-01-05"), "start": parse_plan_date("2019-02")}, "finish"),
        ({"percent_complete": 120}, "outside 0-100"),
        ({"percent_complete": -1}, "outside 0-100"),
        ({"name_ko": "  "}, "name"),
        ({"wbs": ""}, "wbs"),
        ({"duration_days": -3}, "negative"),
        ({"kind": m.TaskKind.MILESTONE, "duration_days": 4}, "zero duration"),
        ({"actual_start": date(2019, 2, 1), "actual_finish": date(2019, 1, 1)}, "actual finish"),
        ({"constraint_type": m.ConstraintType.MUST_FINISH_ON}, "constraint"),
    ],
)
def test_invalid_tasks_are_refused(changes, message) -> None:
    with pytest.raises(m.ValidationError, match=message):
        m.validate_task(task(**changes))


def test_unknown_owner_is_refused() -> None:
    with pytest.raises(m.ValidationError, match="unknown organisation"):
        m.validate_task(task(owner_org_id=99), known_org_ids={1, 2})


def test_imprecise_overlap_is_accepted() -> None:
    # finish "January 2019" may end after a start "early January 2019"
    m.validate_task(task(start=parse_plan_date("2019-01-E"), finish=parse_plan_date("2019-01")))


def test_self_dependency_is_refused() -> None:
    with pytest.raises(m.ValidationError, match="itself"):
        m.validate_dependency(m.Dependency(predecessor_id=3, successor_id=3))
