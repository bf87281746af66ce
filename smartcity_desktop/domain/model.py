"""The programme's data types: plain dataclasses shared by store, scheduler, UI and reports.

Every persisted entity carries ``id`` (None until stored) and ``version`` (the
optimistic-concurrency counter the store checks on update). Validation lives
here (:func:`validate_task`, :func:`validate_dependency`) so every entry point
(window, CLI, importers) gives the same messages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from ..messages import Refusal, register
from .dates import FIRST_YEAR, LAST_YEAR, PlanDate, in_era


class ValidationError(Refusal, ValueError):
    """A user-facing refusal: the message names the field and the problem."""


class TaskKind(str, Enum):
    SUMMARY = "summary"
    TASK = "task"
    MILESTONE = "milestone"


class DependencyType(str, Enum):
    FS = "FS"
    SS = "SS"
    FF = "FF"
    SF = "SF"


class ConstraintType(str, Enum):
    NONE = ""
    START_NO_EARLIER = "SNET"
    FINISH_NO_LATER = "FNLT"
    MUST_FINISH_ON = "MFO"


class OrgKind(str, Enum):
    MINISTRY = "ministry"
    COMMITTEE = "committee"
    IMPLEMENTER = "implementer"
    LOCAL_GOVERNMENT = "local_government"
    AGENCY = "agency"
    PERSON = "person"
    ALLIANCE = "alliance"


class Rag(str, Enum):
    RED = "red"
    AMBER = "amber"
    GREEN = "green"


class ProvisionStage(str, Enum):
    BILL_PROPOSED = "bill_proposed"
    IN_COMMITTEE = "in_committee"
    PASSED = "passed"
    IN_FORCE = "in_force"


class Cadence(str, Enum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    HALF_YEARLY = "half_yearly"


@dataclass
class Organisation:
    code: str
    name_ko: str
    name_en: str
    kind: OrgKind = OrgKind.MINISTRY
    department_ko: str = ""
    department_en: str = ""
    responsible: bool = False  # one of the press release's 7 responsible bodies
    in_council: bool = False  # member of the 11-body policy council
    source: str = ""
    id: int | None = None
    version: int = 1

    def name(self, lang: str = "ko") -> str:
        return self.name_ko if lang == "ko" else self.name_en


def protocol_order(orgs: Iterable[Organisation]) -> list[Organisation]:
    """Ministries first, the plan's responsible bodies first among them, then as the press
    release lists them (the lead ministry first): one order for every list of bodies."""
    return sorted(orgs, key=lambda o: (o.kind is not OrgKind.MINISTRY, not o.responsible,
                                       o.id if o.id is not None else 1 << 30))


@dataclass
class Contact:
    org_id: int
    name: str
    position: str = ""
    phone: str = ""
    email: str = ""
    role: str = ""
    source: str = ""
    id: int | None = None
    version: int = 1


@dataclass
class City:
    code: str
    name_ko: str
    name_en: str
    master_planner: str = ""
    implementer_org_id: int | None = None
    local_government_org_id: int | None = None
    source: str = ""
    id: int | None = None
    version: int = 1


DEFAULT_WEEK = "1111100"  # Monday..Sunday
DEFAULT_WORKING_TIMES = "09:00-12:00,13:00-18:00"
DEFAULT_MINUTES_PER_DAY = 480  # the working minutes of DEFAULT_WORKING_TIMES


@dataclass
class Project:
    name_ko: str
    name_en: str
    start: date
    status_date: date | None = None
    source: str = ""
    id: int | None = None
    version: int = 1
    # the project's working calendar: new plans use the Korean one; an imported plan keeps
    # its own week, hours and exceptions (calendar_exceptions), without Korean holidays
    work_week: str = DEFAULT_WEEK
    korean_holidays: bool = True
    working_times: str = DEFAULT_WORKING_TIMES

    @property
    def week(self) -> tuple[bool, ...]:
        """Monday..Sunday: whether each weekday is a working day."""
        return tuple(c == "1" for c in (self.work_week + "0000000")[:7])

    @property
    def minutes_per_day(self) -> int:
        """Working minutes of a day from ``working_times`` (480 for 09-12, 13-18)."""
        return working_minutes(self.working_times)


def working_minutes(times: str) -> int:
    """Minutes in ``"09:00-12:00,13:00-18:00"``; 480 when the text is unusable."""
    total = 0
    try:
        for part in filter(None, (p.strip() for p in times.split(","))):
            a, b = part.split("-")
            (ah, am), (bh, bm) = (map(int, a.split(":")[:2]), map(int, b.split(":")[:2]))
            total += max(0, (bh * 60 + bm) - (ah * 60 + am))
    except ValueError:
        return 480
    return total or 480


@dataclass
class CalendarException:
    """A per-project override of the Korean working calendar."""

    project_id: int
    day: date
    working: bool
    note: str = ""
    id: int | None = None
    version: int = 1


@dataclass
class Task:
    project_id: int
    wbs: str
    name_ko: str
    name_en: str = ""
    kind: TaskKind = TaskKind.TASK
    parent_id: int | None = None
    owner_org_id: int | None = None
    supporting_org_ids: list[int] = field(default_factory=list)
    city_id: int | None = None
    start: PlanDate | None = None
    finish: PlanDate | None = None
    duration_days: int = 1
    percent_complete: float = 0.0
    percent_from_checklist: bool = False
    constraint_type: ConstraintType = ConstraintType.NONE
    constraint_date: date | None = None
    actual_start: date | None = None
    actual_finish: date | None = None
    needs_signoff: bool = False
    notes: str = ""
    source: str = ""  # "" = planned work added by the programme office; else the source reference
    sort_order: int = 0
    id: int | None = None
    version: int = 1
    # The actual dates as the source wrote them ("2018-07" stays a month); actual_start /
    # actual_finish hold the exact day the schedule uses for them.
    actual_start_written: PlanDate | None = None
    actual_finish_written: PlanDate | None = None
    date_assumed: bool = False  # the source gives no date: the plan dates are an assumption
    responsible: str = ""  # the officer in charge (declared in domain/task_fields.py)
    # The exact working time an imported file gives when it is not whole days (60 = one
    # hour); None = ``duration_days`` whole days. The schedule places the work on
    # ``duration_days`` working days (part of a day takes its day; see domain.workdays).
    duration_minutes: int | None = None

    @property
    def is_milestone(self) -> bool:
        return self.kind is TaskKind.MILESTONE

    @property
    def is_summary(self) -> bool:
        return self.kind is TaskKind.SUMMARY

    @property
    def is_done(self) -> bool:
        """Finished at some time; whether it is done *as of a date* is ``status.done_on``."""
        return self.actual_finish is not None or self.percent_complete >= 100

    @property
    def is_assumption(self) -> bool:
        """Its dates are a planning assumption: planned work, or a date the source omits."""
        return not self.source or self.date_assumed

    @property
    def is_planned_work(self) -> bool:
        return not self.source

    def name(self, lang: str = "ko") -> str:
        return self.name_ko if lang == "ko" or not self.name_en else self.name_en


@dataclass
class Dependency:
    predecessor_id: int
    successor_id: int
    type: DependencyType = DependencyType.FS
    lag_days: int = 0
    id: int | None = None
    version: int = 1


@dataclass
class ChecklistItem:
    task_id: int
    text: str
    org_id: int | None = None
    due: date | None = None
    done: bool = False
    done_by: str = ""
    done_at: str = ""  # ISO timestamp
    notes: str = ""
    sort_order: int = 0
    meeting_series_id: int | None = None
    source: str = ""
    id: int | None = None
    version: int = 1


@dataclass
class Signoff:
    task_id: int
    approver_name: str
    approver_position: str
    signed_on: date
    note: str = ""
    revoked: bool = False
    revoke_reason: str = ""
    id: int | None = None
    version: int = 1


@dataclass
class BudgetLine:
    year: int
    area: str
    item: str
    planned: float
    executed: float = 0.0
    city_id: int | None = None
    org_id: int | None = None
    kind: str = "budget"  # budget | public_investment | private_investment
    unit: str = "억원"
    source: str = ""
    sort_order: int = 0
    id: int | None = None
    version: int = 1
    year_to: int | None = None  # the period is year..year_to ("2019-2021"); None = one year
    org_assumed: bool = False  # the source names no owner: org_id is a planning assumption

    @property
    def period(self) -> str:
        """The row's period as written: ``2019`` or ``2019–2021``."""
        if self.year_to and self.year_to != self.year:
            return f"{self.year}–{self.year_to}"
        return str(self.year)

    def covers(self, year: int) -> bool:
        return self.year <= year <= (self.year_to or self.year)


@dataclass
class Provision:
    name_ko: str
    name_en: str
    allows_ko: str
    allows_en: str
    law_ko: str
    law_en: str
    stage: ProvisionStage
    stage_date: PlanDate | None = None
    target: PlanDate | None = None
    group_ko: str = ""
    source: str = ""
    sort_order: int = 0
    id: int | None = None
    version: int = 1


@dataclass
class ProvisionStageChange:
    provision_id: int
    stage: ProvisionStage
    on: PlanDate
    note: str = ""
    id: int | None = None
    version: int = 1


@dataclass
class MeetingSeries:
    name_ko: str
    name_en: str
    cadence: Cadence
    first: date
    task_id: int | None = None
    org_id: int | None = None
    source: str = ""
    id: int | None = None
    version: int = 1


@dataclass
class StatusUpdate:
    task_id: int
    report_date: date
    rag: Rag
    narrative: str = ""
    org_id: int | None = None
    author: str = ""
    id: int | None = None
    version: int = 1


@dataclass
class Baseline:
    project_id: int
    name: str
    created_at: str
    id: int | None = None
    version: int = 1


@dataclass
class BaselineTask:
    baseline_id: int
    task_id: int
    start: date | None
    finish: date | None
    duration_days: int
    id: int | None = None
    version: int = 1


@dataclass
class Note:
    """Programme facts that are text, not tasks (alliance roles, stages, overseas plan)."""

    topic: str
    title_ko: str
    body_ko: str
    title_en: str = ""
    body_en: str = ""
    source: str = ""
    sort_order: int = 0
    id: int | None = None
    version: int = 1


# Bounds every stored task keeps, so that every view, report and export can show it.
MAX_NAME_CHARS = 1000
MAX_DURATION_DAYS = 10_000  # working days, about 38 years
MAX_LAG_DAYS = 10_000
_CONTROL = {c for c in range(32) if c not in (9, 10, 13)} | {127}
_CONTROL_TABLE = dict.fromkeys(_CONTROL) | {9: " ", 10: " ", 13: " "}
_NOTE_TABLE = dict.fromkeys(_CONTROL)
# the first refused character in one search at C speed (a 100,000-character note included)
_BAD_IN_LINE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_CONTROL | {9, 10, 13}))
                          + "]")
_BAD_IN_NOTE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_CONTROL)) + "]")

register({
    "task.name_long": ("{field}: {length}자는 너무 깁니다 (최대 {limit}자)",
                       "{field}: {length} characters is too long (at most {limit})"),
    "task.control": ("{field}: 제어 문자(코드 {code})가 들어 있습니다",
                     "{field}: holds a control character (code {code})"),
    "task.duration_long": ("duration: {days} 작업일은 너무 깁니다 (최대 {limit})",
                           "duration: {days} working days is too long (at most {limit})"),
    "task.date_era": ("{field}: {date}은(는) 허용 기간({first}-{last}년) 밖입니다",
                      "{field}: {date} is outside {first}-{last}"),
    "task.no_name": ("name: 작업에 이름이 있어야 합니다", "name: a task needs a name"),
    "task.no_wbs": ("wbs: 작업에 WBS 코드가 있어야 합니다", "wbs: a task needs a WBS code"),
    "task.percent_range": ("percent: {percent}은(는) 0-100 범위를 벗어납니다",
                           "percent: {percent} is outside 0-100"),
    "task.negative_days": ("duration: {days} 작업일은 음수입니다",
                           "duration: {days} working days is negative"),
    "task.negative_minutes": ("duration: {minutes}분은 음수입니다",
                              "duration: {minutes} minutes is negative"),
    "task.milestone_duration": ("duration: 이정표의 기간은 0이어야 합니다",
                                "duration: a milestone has zero duration"),
    "task.finish_before_start": ("finish: 종료일 {finish_ko}이(가) 시작일 {start_ko}보다 "
                                 "앞섭니다",
                                 "finish: {finish_en} is before start {start_en}"),
    "task.actual_finish_early": ("actual finish: 실제 종료일이 실제 시작일보다 앞섭니다",
                                 "actual finish: before the actual start"),
    "task.constraint_no_date": ("constraint: 제약에 날짜가 있어야 합니다",
                                "constraint: the constraint needs a date"),
    "task.unknown_owner": ("owner: 알 수 없는 기관 {org}", "owner: unknown organisation {org}"),
    "dependency.self": ("dependency: 작업은 자기 자신에 의존할 수 없습니다",
                        "dependency: a task cannot depend on itself"),
    "dependency.lag_range": ("lag: {lag} 작업일은 허용 범위를 벗어납니다",
                             "lag: {lag} working days is out of range"),
})


def clean_name(text: str) -> str:
    """A one-line name: control characters dropped, tabs and line breaks as spaces."""
    return " ".join(text.translate(_CONTROL_TABLE).split())


def clean_note(text: str) -> str:
    """Notes keep their line breaks and tabs; other control characters are dropped."""
    return text.translate(_NOTE_TABLE)


def _check_text(field: str, text: str, limit: int, one_line: bool = True) -> None:
    if len(text) > limit:
        raise ValidationError("task.name_long", field=field, length=len(text), limit=limit)
    found = (_BAD_IN_LINE if one_line else _BAD_IN_NOTE).search(text)
    if found is not None:
        raise ValidationError("task.control", field=field, code=ord(found.group()))


def _check_bounds(task: Task) -> None:
    _check_text("name", task.name_ko, MAX_NAME_CHARS)
    _check_text("name_en", task.name_en, MAX_NAME_CHARS)
    _check_text("wbs", task.wbs, 100)
    _check_text("notes", task.notes, 100_000, one_line=False)
    if task.duration_days > MAX_DURATION_DAYS:
        raise ValidationError("task.duration_long", days=task.duration_days,
                              limit=MAX_DURATION_DAYS)
    for name in ("actual_start", "actual_finish", "constraint_date"):
        day = getattr(task, name)
        if day is not None and not in_era(day):
            raise ValidationError("task.date_era", field=name, date=day.isoformat(),
                                  first=FIRST_YEAR, last=LAST_YEAR)


def validate_task(task: Task, known_org_ids: set[int] | None = None) -> None:
    """Refuse a task that no schedule could hold; the message names the field."""
    _check_bounds(task)
    if not task.name_ko.strip():
        raise ValidationError("task.no_name")
    if not task.wbs.strip():
        raise ValidationError("task.no_wbs")
    if not 0 <= task.percent_complete <= 100:
        raise ValidationError("task.percent_range", percent=f"{task.percent_complete:g}")
    if task.duration_days < 0:
        raise ValidationError("task.negative_days", days=task.duration_days)
    if task.duration_minutes is not None and task.duration_minutes < 0:
        raise ValidationError("task.negative_minutes", minutes=task.duration_minutes)
    if task.kind is TaskKind.MILESTONE and task.duration_days != 0:
        raise ValidationError("task.milestone_duration")
    if task.start and task.finish and task.finish.latest() < task.start.earliest():
        raise ValidationError(
            "task.finish_before_start", finish_ko=task.finish.label("ko"),
            finish_en=task.finish.label("en"), start_ko=task.start.label("ko"),
            start_en=task.start.label("en"))
    if task.actual_start and task.actual_finish and task.actual_finish < task.actual_start:
        raise ValidationError("task.actual_finish_early")
    if task.constraint_type is not ConstraintType.NONE and task.constraint_date is None:
        raise ValidationError("task.constraint_no_date")
    if known_org_ids is not None and task.owner_org_id is not None:
        if task.owner_org_id not in known_org_ids:
            raise ValidationError("task.unknown_owner", org=task.owner_org_id)


def validate_dependency(dep: Dependency) -> None:
    if dep.predecessor_id == dep.successor_id:
        raise ValidationError("dependency.self")
    if not -MAX_LAG_DAYS <= dep.lag_days <= MAX_LAG_DAYS:
        raise ValidationError("dependency.lag_range", lag=dep.lag_days)
