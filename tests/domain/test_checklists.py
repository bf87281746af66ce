"""Checklist rules: counts, the sign-off gate, recurring meeting dates."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smartcity_desktop.domain import checklists as rules
from smartcity_desktop.domain.model import (
    Cadence,
    ChecklistItem,
    Signoff,
    Task,
    TaskKind,
    ValidationError,
)

AS_OF = date(2019, 1, 20)


def item(done: bool = False, due: date | None = None, task_id: int = 1) -> ChecklistItem:
    return ChecklistItem(task_id=task_id, text="x", done=done, due=due)


def milestone(needs: bool = True) -> Task:
    return Task(project_id=1, wbs="1.2", name_ko="출범식", kind=TaskKind.MILESTONE,
                duration_days=0, needs_signoff=needs)


def test_counts_done_open_overdue():
    items = [item(True, date(2019, 1, 1)), item(False, date(2019, 1, 19)),
             item(False, AS_OF), item(False, None), item(True, None, task_id=2)]
    c = rules.counts(items, AS_OF)
    assert (c.done, c.open, c.overdue, c.total) == (2, 3, 1, 5)
    per = rules.counts_by_task(items, AS_OF)
    assert per[1] == rules.ChecklistCounts(1, 3, 1)
    assert per[2] == rules.ChecklistCounts(1, 0, 0)
    assert rules.total_counts(per.values()) == c
    assert rules.checklist_percent(items) == 40.0


def test_gate_refuses_open_items_then_needs_approver():
    task = milestone()
    with pytest.raises(ValidationError, match="완료되지 않은 점검항목"):
        rules.check_completion(task, [item(True), item(False)], [])
    with pytest.raises(ValidationError, match="승인자의 결재"):
        rules.check_completion(task, [item(True), item(True)], [])
    ok = Signoff(task_id=1, approver_name="김철수", approver_position="과장",
                 signed_on=AS_OF, id=1)
    rules.check_completion(task, [item(True)], [ok])
    revoked = Signoff(task_id=1, approver_name="김철수", approver_position="과장",
                      signed_on=AS_OF, revoked=True, revoke_reason="재검토", id=2)
    with pytest.raises(ValidationError):
        rules.check_completion(task, [item(True)], [revoked])
    rules.check_completion(milestone(needs=False), [item(False)], [])


def test_signoff_needs_name_position_date():
    with pytest.raises(ValidationError, match="승인자 성명"):
        rules.validate_signoff(" ", "과장", AS_OF)
    with pytest.raises(ValidationError, match="직위"):
        rules.validate_signoff("김철수", "", AS_OF)
    with pytest.raises(ValidationError, match="승인일"):
        rules.validate_signoff("김철수", "과장", None)
    rules.validate_signoff("김철수", "과장", AS_OF, "메모")


def test_reopen_signed_off_needs_reason():
    signed = [Signoff(task_id=1, approver_name="a", approver_position="b", signed_on=AS_OF)]
    with pytest.raises(ValidationError, match="재개 사유"):
        rules.check_reopen(milestone(), signed, "  ")
    rules.check_reopen(milestone(), signed, "일정 변경")
    rules.check_reopen(milestone(), [], "")


@pytest.mark.parametrize("cadence,first,start,end,expected", [
    (Cadence.MONTHLY, date(2019, 11, 15), date(2019, 11, 1), date(2020, 2, 28),
     [date(2019, 11, 15), date(2019, 12, 15), date(2020, 1, 15), date(2020, 2, 15)]),
    (Cadence.QUARTERLY, date(2019, 3, 28), date(2019, 10, 1), date(2020, 12, 31),
     [date(2019, 12, 28), date(2020, 3, 28), date(2020, 6, 28), date(2020, 9, 28),
      date(2020, 12, 28)]),
    (Cadence.HALF_YEARLY, date(2019, 6, 30), date(2019, 1, 1), date(2021, 1, 1),
     [date(2019, 6, 30), date(2019, 12, 30), date(2020, 6, 30), date(2020, 12, 30)]),
    (Cadence.MONTHLY, date(2019, 12, 31), date(2020, 1, 1), date(2020, 4, 30),
     [date(2020, 1, 31), date(2020, 2, 29), date(2020, 3, 31), date(2020, 4, 30)]),
    (Cadence.HALF_YEARLY, date(2019, 8, 31), date(2020, 1, 1), date(2020, 3, 1),
     [date(2020, 2, 29)]),
])
def test_meeting_dates_across_year_ends(cadence, first, start, end, expected):
    assert rules.meeting_dates(cadence, first, start, end) == expected


def test_next_meetings():
    assert rules.next_meetings(Cadence.QUARTERLY, date(2019, 1, 31), date(2019, 11, 1), 3) == [
        date(2020, 1, 31), date(2020, 4, 30), date(2020, 7, 31)]
    assert rules.next_meetings(Cadence.MONTHLY, date(2019, 1, 10), date(2018, 6, 1), 2) == [
        date(2019, 1, 10), date(2019, 2, 10)]
    assert rules.next_meetings(Cadence.MONTHLY, date(2019, 1, 10), AS_OF, 0) == []


@given(st.sampled_from(list(Cadence)), st.dates(date(2015, 1, 1), date(2030, 12, 31)),
       st.integers(0, 2000), st.integers(0, 800))
def test_meeting_dates_properties(cadence, first, offset, span):
    start = date.fromordinal(first.toordinal() + offset - 1000)
    end = date.fromordinal(start.toordinal() + span)
    found = rules.meeting_dates(cadence, first, start, end)
    step = rules.CADENCE_MONTHS[cadence]
    assert all(start <= d <= end and d >= first for d in found)
    assert found == sorted(set(found))
    for a, b in zip(found, found[1:]):
        assert (b.year - a.year) * 12 + b.month - a.month == step
    # nothing missed: the step before the first hit and after the last are outside the window
    if found:
        before = rules.add_months(found[0], -step, first.day)
        assert before < start or before < first
        assert rules.add_months(found[-1], step, first.day) > end
