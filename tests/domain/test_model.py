"""Domain validation gives clear, field-named refusals."""

from __future__ import annotations

import re
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
    with pytest.raises(m.ValidationError) as info:
        m.validate_task(task(**changes))
    assert message in info.value.text("en")
    korean = info.value.text("ko")
    assert korean != info.value.text("en") and re.search(r"[\uac00-\ud7a3]", korean), korean


def test_unknown_owner_is_refused() -> None:
    with pytest.raises(m.ValidationError) as info:
        m.validate_task(task(owner_org_id=99), known_org_ids={1, 2})
    assert info.value.text("en") == "owner: unknown organisation 99"
    assert info.value.text("ko") == "owner: 알 수 없는 기관 99"


def test_finish_before_start_names_the_dates_in_each_language() -> None:
    late = task(start=parse_plan_date("2019-02-01"), finish=parse_plan_date("2019-01-05"))
    with pytest.raises(m.ValidationError) as info:
        m.validate_task(late)
    assert info.value.text("ko") == ("finish: 종료일 2019. 1. 5.이(가) 시작일 2019. 2. 1.보다 "
                                     "앞섭니다")
    assert info.value.text("en").startswith("finish: ")
    assert "2019. 1. 5." not in info.value.text("en")


def test_imprecise_overlap_is_accepted() -> None:
    # finish "January 2019" may end after a start "early January 2019"
    m.validate_task(task(start=parse_plan_date("2019-01-E"), finish=parse_plan_date("2019-01")))


def test_self_dependency_is_refused() -> None:
    with pytest.raises(m.ValidationError) as info:
        m.validate_dependency(m.Dependency(predecessor_id=3, successor_id=3))
    assert "itself" in info.value.text("en") and "자기 자신" in info.value.text("ko")
