"""Plain rows of a briefing: what :func:`.data.gather` collects and the sections print.

Text fields are already in the briefing's language (names from the English
columns for ``lang="en"``) and already redacted where redaction is on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from ..domain import model as m
from ..domain.programme import MilestoneCounts
from ..domain.status import TaskStatus
from .gantt_pdf import GanttRow

STATUS_VALUES = {st.value for st in TaskStatus}

@dataclass
class MilestoneRow:
    task_id: int
    wbs: str
    name: str
    owner: str
    owner_code: str
    city: str
    planned: str  # the plan date as written (Korean label)
    planned_day: date | None
    forecast: date | None
    actual: date | None
    status: str
    rag: str | None = None
    critical: bool = False
    planned_work: bool = False
    bucket: str = ""  # programme.MilestoneBucket value: done / due / overdue / later
    due: date | None = None  # domain.status.due_date: the date it is late after
    days_late: int = 0  # calendar days past ``due`` at the status date (0 if not late)
    needs_signoff: bool = False
    signed: bool = False  # a sign-off that is not revoked, dated on or before the status date
    lang: str = "ko"
    extras: tuple[tuple[str, str], ...] = ()  # declared report fields: (label, value) shown

    @property
    def status_label(self) -> str:
        return TaskStatus(self.status).label(self.lang) if self.status in STATUS_VALUES \
            else self.status


@dataclass
class ChecklistRow:
    text: str
    wbs: str
    task: str
    org: str
    due: date | None
    done: bool
    overdue: bool
    done_by: str = ""


@dataclass
class StatusRow:
    wbs: str
    task: str
    report_date: date
    rag: str
    narrative: str
    author: str


@dataclass
class SignoffRow:
    wbs: str
    task: str
    approver: str
    position: str
    signed_on: date
    note: str
    revoked: bool
    revoke_reason: str


@dataclass
class ContactRow:
    org: str
    department: str
    name: str
    position: str
    phone: str
    email: str
    role: str


@dataclass
class MinistryBlock:
    code: str
    name: str
    department: str
    tasks: int
    percent: float
    milestones: MilestoneCounts
    items_done: int
    items_open: int
    items_overdue: int
    open_items: list[ChecklistRow]
    statuses: list[StatusRow]
    signoffs: list[SignoffRow]
    status_counts: dict[str, int]


@dataclass
class BudgetRow:
    year: int
    area: str
    item: str
    planned: float
    executed: float
    city: str
    org: str
    kind: str
    period: str = ""  # as written: "2019" or "2019–2021" (investment rows span three years)


@dataclass
class ProvisionRow:
    name: str
    allows: str
    law: str
    stage: str
    stage_date: str
    target: str
    group: str


@dataclass
class SlipRow:
    wbs: str
    name: str
    owner: str
    baseline_finish: date
    forecast: date
    slip_days: int  # working days (calendar days if no calendar)


@dataclass
class Briefing:
    kind: str
    title: str
    marking: str
    as_of: date
    generated: datetime
    db_name: str
    project: str
    department: str
    scope_org: m.Organisation | None
    redact: bool
    baseline: str | None
    tasks_total: int
    percent: float
    milestone_counts: MilestoneCounts
    milestones: list[MilestoneRow]
    next_milestones: list[MilestoneRow]
    overdue: list[MilestoneRow]
    ministries: list[MinistryBlock]
    city_percent: list[tuple[str, float]]
    budget: list[BudgetRow]
    provisions: list[ProvisionRow]
    slipped: list[SlipRow]
    baselines: list[str]
    notes: list[tuple[str, str, str]]  # (topic, title, body)
    contacts: list[ContactRow]
    cities: list[tuple[str, str, str]]  # (name, master planner, implementer)
    gantt_rows: list[GanttRow]
    extra: dict[str, Any] = field(default_factory=dict)
    lang: str = "ko"
    facts: Any = None  # facts.DecisionFacts: what the decision page lists
    plan_span: tuple[date, date] | None = None
