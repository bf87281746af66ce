"""What an importer's parse step produces before anything is written.

Every importer turns a file into a :class:`ParsedPlan` (format-neutral tasks,
links, organisations, calendar exceptions, baselines, calendar events) wrapped
in an :class:`ImportPreview` with counts, the first rows and the problems found.
Nothing here touches the user's database: :mod:`smartcity_desktop.interop.apply`
lands a preview in one transaction. A checked plan's tasks and links wait in a
private temporary database (:mod:`smartcity_desktop.interop.staged`), so the
counts here are queries of it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from ..domain import model as m
from ..domain.dates import PlanDate
from ..messages import current_language

if TYPE_CHECKING:
    from .staged import StagedLinks, StagedTasks

MAX_FILE_BYTES = 100 * 1024 * 1024
_COUNT_KO = {"tasks": "과업", "summaries": "요약", "milestones": "이정표", "links": "연결",
             "organisations": "기관", "calendar_exceptions": "달력 예외", "baselines": "기준선",
             "events": "일정"}
MAX_TASKS = 100_000
_KIND_KO = {"summary": "요약", "task": "과업", "milestone": "마일스톤", "event": "일정",
            "table": "표"}


@dataclass
class OrgRef:
    """An organisation named by the file: matched to an existing one by code or name."""

    code: str
    name: str
    name_en: str = ""


@dataclass
class ParsedTask:
    key: str  # the file's own identifier (UID, row number) for messages and links
    task: m.Task  # project_id, parent_id, owner ids still unset
    parent_key: str | None = None
    owner: OrgRef | None = None
    supporting: list[OrgRef] = field(default_factory=list)
    city_code: str = ""
    baselines: dict[int, tuple[date | None, date | None, int]] = field(default_factory=dict)
    line: int | Callable[[], int | None] | None = None  # callable: computed when needed


@dataclass
class ParsedLink:
    predecessor_key: str
    successor_key: str
    type: m.DependencyType
    lag_days: int
    line: int | Callable[[], int | None] | None = None


@dataclass
class ParsedEvent:
    """One calendar event (iCalendar import)."""

    uid: str
    summary: str
    day: date
    description: str = ""
    line: int | None = None


@dataclass
class ParsedPlan:
    name_ko: str = ""
    name_en: str = ""
    start: date | None = None
    # Plain lists while an importer builds them; a stage on disk (interop.staged) once the
    # plan is checked or a tabular importer fills it, so a big import is not held in memory.
    tasks: list[ParsedTask] | StagedTasks = field(default_factory=list)
    links: list[ParsedLink] | StagedLinks = field(default_factory=list)
    calendar_exceptions: list[tuple[date, bool, str]] = field(default_factory=list)
    # a file's own working calendar (week, hours; see interop.mspdi_calendar): a new project
    # made from it keeps it instead of the Korean calendar. None: the file has none.
    calendar: Any = None
    baseline_names: dict[int, str] = field(default_factory=dict)
    events: list[ParsedEvent] = field(default_factory=list)
    backup: dict[str, Any] | None = None  # a full backup (JSON) restores as a whole


@dataclass
class ImportPreview:
    format: str  # mspdi | xlsx | csv | ics | json | mpp
    source: str  # file name shown to the user
    plan: ParsedPlan
    problems: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)  # tabular imports: the header row
    mapping: dict[str, int] = field(default_factory=dict)  # tabular: field -> column index
    info: list[str] = field(default_factory=list)  # not problems: e.g. the encoding detected

    @property
    def counts(self) -> dict[str, int]:
        p = self.plan
        if p.backup is not None:
            return {t: len(rows) for t, rows in p.backup["tables"].items()}
        if p.events:
            return {"events": len(p.events)}
        from .staged import staged  # (it builds on this module's types)

        stage = staged(p)
        kinds = stage.kind_counts()
        return {
            "tasks": stage.tasks,
            "summaries": kinds.get(m.TaskKind.SUMMARY.value, 0),
            "milestones": kinds.get(m.TaskKind.MILESTONE.value, 0),
            "links": stage.links,
            "organisations": stage.org_count(),
            "calendar_exceptions": len(p.calendar_exceptions),
            "baselines": len(p.baseline_names),
        }

    def first_rows(self, n: int = 10) -> list[tuple[str, str, str, str, str]]:
        """(WBS, name, kind, start, finish) of the first ``n`` tasks or events."""
        if self.plan.events:
            return [(e.uid, e.summary, _kind("event"), e.day.isoformat(), e.day.isoformat())
                    for e in self.plan.events[:n]]
        if self.plan.backup is not None:
            return [(table, "", _kind("table"), str(len(rows)), "")
                    for table, rows in list(self.plan.backup["tables"].items())[:n]]
        rows = []
        for pt in self.plan.tasks[:n]:
            t = pt.task
            rows.append((t.wbs, t.name_ko, _kind(t.kind.value), _code(t.start), _code(t.finish)))
        return rows

    def counts_text(self) -> str:
        """The counts as one line in the chosen language ("과업 148, 요약 12, …")."""
        ko = current_language() == "ko"
        return ", ".join(f"{_COUNT_KO.get(k, k) if ko else k} {v}"
                         for k, v in self.counts.items())

    def summary_lines(self) -> list[str]:
        """A short text form of the preview (CLI and logs), in the chosen language."""
        ko = current_language() == "ko"
        lines = [f"{self.source} ({self.format}): {self.counts_text()}"]
        lines += [f"  ! {p}" for p in self.problems[:20]]
        if len(self.problems) > 20:
            more = len(self.problems) - 20
            lines.append(f"  ! … 외 {more}건" if ko else f"  ! ... and {more} more")
        return lines


def line_of(item: ParsedTask | ParsedLink) -> int | None:
    return item.line() if callable(item.line) else item.line


def _kind(kind: str) -> str:
    return _KIND_KO.get(kind, kind) if current_language() == "ko" else kind


def _code(d: PlanDate | None) -> str:
    return d.code() if d else ""
