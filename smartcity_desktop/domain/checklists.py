"""Checklist rules: counts, the sign-off gate, and recurring meeting dates (no Qt, no store).

This module owns the rules every entry point must apply the same way:

* :func:`counts` / :func:`counts_by_task` - done / open / overdue checklist items as of a day;
* the sign-off gate: a milestone with ``needs_signoff`` may be marked done only when all its
  checklist items are done *and* a named approver signs (:func:`check_completion`,
  :func:`validate_signoff`); reopening a signed-off milestone needs a reason
  (:func:`check_reopen`);
* :func:`meeting_dates` - the dates a monthly / quarterly / half-yearly meeting series falls on
  inside a window, correct across month ends and year ends.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ..messages import msg, register
from .model import Cadence, ChecklistItem, Signoff, Task, ValidationError

CADENCE_MONTHS: dict[Cadence, int] = {
    Cadence.MONTHLY: 1,
    Cadence.QUARTERLY: 3,
    Cadence.HALF_YEARLY: 6,
}
MAX_NAME = 80
MAX_TEXT = 500

register({
    "signoff.open_items": ("결재: {wbs}에 아직 완료되지 않은 점검항목이 {count}건 있습니다: "
                           "{names}{more}",
                           "sign-off: {wbs} still has {count} open checklist item(s): "
                           "{names}{more}"),
    "signoff.more": (" 외 {count}건", " and {count} more"),
    "signoff.no_approver": ("승인자: 결재에는 승인자 성명이 필요합니다",
                            "approver: the sign-off needs the approver's name"),
    "signoff.approver_long": ("승인자: 성명이 {limit}자보다 깁니다",
                              "approver: the name is longer than {limit} characters"),
    "signoff.no_position": ("직위: 결재에는 승인자의 직위가 필요합니다",
                            "position: the sign-off needs the approver's position"),
    "signoff.position_long": ("직위: {limit}자보다 깁니다",
                              "position: longer than {limit} characters"),
    "signoff.no_date": ("승인일: 결재에는 날짜가 필요합니다", "date: the sign-off needs a date"),
    "signoff.before_start": ("승인일: {date}은(는) 과업 시작일({earliest}) 이전입니다",
                             "date: {date} is before the task started ({earliest})"),
    "signoff.note_long": ("비고: {limit}자보다 깁니다", "note: longer than {limit} characters"),
    "signoff.needed": ("결재: {wbs}은(는) 승인자의 결재를 받아야 완료로 표시할 수 있습니다",
                       "sign-off: {wbs} needs a named approver's sign-off before it can be "
                       "marked done"),
    "signoff.reopen_reason": ("재개 사유: {wbs}은(는) 결재된 과업입니다. 다시 여는 사유를 "
                              "적어 주십시오",
                              "reason: {wbs} was signed off; say why it is reopened"),
    "signoff.reason_long": ("재개 사유: {limit}자보다 깁니다",
                            "reason: longer than {limit} characters"),
    "signoff.locked": ("{wbs}은(는) 결재 완료된 과업입니다; 먼저 사유를 적어 재개하십시오",
                       "{what}: {wbs} is signed off; reopen it (with a reason) first"),
    "signoff.already": ("결재: {wbs}은(는) 이미 결재되었습니다",
                        "sign-off: {wbs} is already signed off"),
    "signoff.reopen_not_done": ("재개: {wbs}은(는) 완료된 과업이 아닙니다",
                                "reopen: {wbs} is not done"),
})


@dataclass(frozen=True)
class ChecklistCounts:
    done: int = 0
    open: int = 0
    overdue: int = 0  # open items whose due day is before the as-of day (a subset of ``open``)

    @property
    def total(self) -> int:
        return self.done + self.open

    @property
    def percent(self) -> float:
        return 100.0 * self.done / self.total if self.total else 0.0

    def __add__(self, other: ChecklistCounts) -> ChecklistCounts:
        return ChecklistCounts(self.done + other.done, self.open + other.open,
                               self.overdue + other.overdue)


def tick_day(status_date: date | None, today: date) -> date:
    """The day a tick is recorded on: the status date when it is already past, else today.

    An officer bringing the plan up to a past status date (the weekly report) records
    what was done by then; one working on today's plan records today.
    """
    return min(status_date, today) if status_date is not None else today


def is_overdue(item: ChecklistItem, as_of: date) -> bool:
    """An open item whose due day has passed (due strictly before ``as_of``)."""
    return not item.done and item.due is not None and item.due < as_of


def counts(items: Iterable[ChecklistItem], as_of: date) -> ChecklistCounts:
    done = open_ = overdue = 0
    for item in items:
        if item.done:
            done += 1
        else:
            open_ += 1
            overdue += is_overdue(item, as_of)
    return ChecklistCounts(done, open_, overdue)


def counts_by_task(items: Iterable[ChecklistItem], as_of: date) -> dict[int, ChecklistCounts]:
    grouped: dict[int, list[ChecklistItem]] = {}
    for item in items:
        grouped.setdefault(item.task_id, []).append(item)
    return {task_id: counts(group, as_of) for task_id, group in grouped.items()}


def total_counts(per_task: Iterable[ChecklistCounts]) -> ChecklistCounts:
    result = ChecklistCounts()
    for c in per_task:
        result = result + c
    return result


def checklist_percent(items: Iterable[ChecklistItem]) -> float:
    """Percent complete of a task driven by its checklist (``percent_from_checklist``)."""
    c = counts(items, date.min)
    return round(c.percent, 1)


# -- the sign-off gate ---------------------------------------------------------------
def active_signoff(signoffs: Iterable[Signoff]) -> Signoff | None:
    """The newest sign-off that has not been revoked, if any."""
    live = [s for s in signoffs if not s.revoked]
    return max(live, key=lambda s: (s.signed_on, s.id or 0)) if live else None


def open_items(items: Iterable[ChecklistItem]) -> list[ChecklistItem]:
    return [i for i in items if not i.done]


def check_items_done(task: Task, items: Iterable[ChecklistItem]) -> None:
    """Refuse while any checklist item of ``task`` is open; the message names them."""
    remaining = open_items(items)
    if remaining:
        names = ", ".join(f"'{i.text}'" for i in remaining[:3])
        more = msg("signoff.more", count=len(remaining) - 3) if len(remaining) > 3 else ""
        raise ValidationError("signoff.open_items", wbs=task.wbs, count=len(remaining),
                              names=names, more=more)


def validate_signoff(name: str, position: str, signed_on: date | None, note: str = "",
                     earliest: date | None = None) -> None:
    """A sign-off needs a named approver with a position and a date."""
    if not name.strip():
        raise ValidationError("signoff.no_approver")
    if len(name) > MAX_NAME:
        raise ValidationError("signoff.approver_long", limit=MAX_NAME)
    if not position.strip():
        raise ValidationError("signoff.no_position")
    if len(position) > MAX_NAME:
        raise ValidationError("signoff.position_long", limit=MAX_NAME)
    if signed_on is None:
        raise ValidationError("signoff.no_date")
    if earliest is not None and signed_on < earliest:
        raise ValidationError("signoff.before_start", date=signed_on.isoformat(),
                              earliest=earliest.isoformat())
    if len(note) > MAX_TEXT:
        raise ValidationError("signoff.note_long", limit=MAX_TEXT)


def check_completion(task: Task, items: Iterable[ChecklistItem],
                     signoffs: Iterable[Signoff]) -> None:
    """Refuse marking ``task`` done unless its gate is satisfied.

    Tasks without ``needs_signoff`` pass. Gated ones need every checklist item done and an
    active (not revoked) sign-off.
    """
    if not task.needs_signoff:
        return
    check_items_done(task, items)
    if active_signoff(signoffs) is None:
        raise ValidationError("signoff.needed", wbs=task.wbs)


def check_reopen(task: Task, signoffs: Iterable[Signoff], reason: str) -> None:
    """Reopening a signed-off milestone needs a reason."""
    if active_signoff(signoffs) is not None and not reason.strip():
        raise ValidationError("signoff.reopen_reason", wbs=task.wbs)
    if len(reason) > MAX_TEXT:
        raise ValidationError("signoff.reason_long", limit=MAX_TEXT)


# -- recurring meetings ------------------------------------------------------------------
def add_months(d: date, months: int, day: int | None = None) -> date:
    """``d`` moved by ``months``; the day (default ``d.day``) is clamped to the month's end."""
    index = d.year * 12 + (d.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day or d.day, last))


def meeting_dates(cadence: Cadence, first: date, start: date, end: date) -> list[date]:
    """Every meeting of a series on or after ``start`` and on or before ``end``.

    The k-th meeting falls ``k`` cadence steps after ``first`` on ``first``'s day of the
    month (clamped: a series first held on 31 January meets on 28/29 February, then 31 March).
    """
    if end < start:
        return []
    step = CADENCE_MONTHS[Cadence(cadence)]
    months_to_start = (start.year - first.year) * 12 + (start.month - first.month)
    k = max(0, months_to_start // step - 1)
    found: list[date] = []
    while True:
        d = add_months(first, k * step, first.day)
        if d > end:
            return found
        if d >= start:
            found.append(d)
        k += 1


def next_meetings(cadence: Cadence, first: date, as_of: date, periods: int) -> list[date]:
    """The next ``periods`` meetings on or after ``as_of``."""
    if periods <= 0:
        return []
    step = CADENCE_MONTHS[Cadence(cadence)]
    horizon = add_months(max(as_of, first), step * periods + 1)
    return meeting_dates(cadence, first, as_of, horizon)[:periods]
