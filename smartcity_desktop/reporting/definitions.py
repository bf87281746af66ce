"""Report definitions: which sections, in which order, on what paper, with what marking.

Each report kind is one file in ``reports/`` (``<kind>.json`` or ``<kind>.toml``)::

    {"kind": "programme", "title_ko": "...", "title_en": "...",
     "paper": "A4", "orientation": "portrait", "marking": "대외비",
     "scope": "programme",                 # or "ministry" (needs --ministry)
     "max_pages": null,                    # e.g. 1 for a one-pager (enforced)
     "flow": false,                        # true: sections share pages (short briefings)
     "sections": ["cover", "summary", {"type": "gantt", "orientation": "landscape"}]}

A section is a type name or an object with ``type`` plus options (``title``,
``n``, ``orientation``...). Adding a report kind is adding a file; a bad file
is refused with a message naming the file and the problem.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..paths import REPORTS_DIR

# Section types the builder knows (see sections.py); value = default Korean heading.
SECTION_TYPES: dict[str, str] = {
    "cover": "표지",
    "summary": "요약: 결정·조치 필요 사항",
    "kpis": "주요 지표",
    "milestones": "주요 마일스톤 추진현황",
    "status_chart": "부처별 마일스톤 현황",
    "gantt": "추진 일정(간트 차트)",
    "ministries": "부처별 추진현황",
    "budget": "예산 및 투자 현황",
    "provisions": "규제 특례 추진현황",
    "slipped": "기준선 대비 지연 마일스톤",
    "next_milestones": "향후 도래 마일스톤",
    "overdue": "지연 마일스톤",
    "contacts": "담당 부서 및 연락처",
    "bodies": "기관별 진척과 자료 기준",
    "annex_alliance": "[참고] 스마트시티 융합 얼라이언스 구성·운영 계획",
}
SECTION_TITLES_EN: dict[str, str] = {
    "cover": "Cover", "summary": "Summary: what needs a decision", "kpis": "Key figures",
    "milestones": "Milestones", "status_chart": "Milestones by ministry",
    "gantt": "Schedule (Gantt chart)", "ministries": "Status by ministry",
    "budget": "Budget and investment", "provisions": "Regulatory special provisions",
    "slipped": "Milestones slipped against the baseline",
    "next_milestones": "Next milestones", "overdue": "Overdue milestones",
    "contacts": "Responsible desks and contacts",
    "bodies": "Progress by body and how fresh its figures are",
    "annex_alliance": "[Annex] Smart City Convergence Alliance: set-up and operation",
}
PAPERS = {"A4", "A3", "B4"}
ORIENTATIONS = {"portrait", "landscape"}
SCOPES = {"programme", "ministry"}


class DefinitionError(ValueError):
    """A report definition file that cannot be used; the message names the file."""


@dataclass(frozen=True)
class Section:
    type: str
    title: str
    options: dict[str, Any] = field(default_factory=dict)
    title_en: str = ""

    def opt(self, key: str, default: Any = None) -> Any:
        return self.options.get(key, default)

    def heading(self, lang: str = "ko") -> str:
        if lang == "en":
            return self.title_en or SECTION_TITLES_EN.get(self.type, self.title)
        return self.title

    @property
    def detail_only(self) -> bool:
        """Printed only in the detailed briefing (``--detail``)."""
        return bool(self.options.get("detail", False))


@dataclass(frozen=True)
class ReportDefinition:
    kind: str
    title_ko: str
    title_en: str
    sections: tuple[Section, ...]
    paper: str = "A4"
    orientation: str = "portrait"
    marking: str = ""
    scope: str = "programme"
    max_pages: int | None = None
    subject_ko: str = ""
    subject_en: str = ""
    description_ko: str = ""
    path: Path | None = None
    flow: bool = False  # sections follow each other on a page instead of each on a new one

    def title(self, lang: str = "ko") -> str:
        return self.title_ko if lang == "ko" or not self.title_en else self.title_en

    @property
    def needs_ministry(self) -> bool:
        return self.scope == "ministry"

    def has(self, section_type: str) -> bool:
        return any(s.type == section_type for s in self.sections)


def _read(path: Path) -> dict[str, Any]:
    try:
        if path.suffix == ".toml":
            return tomllib.loads(path.read_text(encoding="utf-8"))
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DefinitionError(f"{path.name}: line {exc.lineno}: {exc.msg}") from None
    except tomllib.TOMLDecodeError as exc:
        raise DefinitionError(f"{path.name}: {exc}") from None
    except OSError as exc:
        raise DefinitionError(f"{path.name}: {exc.strerror}") from None


def parse_definition(data: dict[str, Any], path: Path | None = None) -> ReportDefinition:
    """Check and convert one definition; raises :class:`DefinitionError`."""
    where = path.name if path else "report definition"
    if not isinstance(data, dict):
        raise DefinitionError(f"{where}: expected an object at the top level")
    kind = str(data.get("kind") or (path.stem if path else "")).strip()
    if not kind or not kind.replace("_", "").replace("-", "").isalnum():
        raise DefinitionError(f"{where}: 'kind' must be a short name (letters, digits, - or _)")
    title_ko = str(data.get("title_ko", "")).strip()
    if not title_ko:
        raise DefinitionError(f"{where}: 'title_ko' is required")
    paper = str(data.get("paper", "A4")).upper()
    if paper not in PAPERS:
        raise DefinitionError(f"{where}: paper '{paper}' is not one of {sorted(PAPERS)}")
    orientation = str(data.get("orientation", "portrait")).lower()
    if orientation not in ORIENTATIONS:
        raise DefinitionError(f"{where}: orientation must be portrait or landscape")
    scope = str(data.get("scope", "programme"))
    if scope not in SCOPES:
        raise DefinitionError(f"{where}: scope must be one of {sorted(SCOPES)}")
    max_pages = data.get("max_pages")
    if max_pages is not None and (not isinstance(max_pages, int) or max_pages < 1):
        raise DefinitionError(f"{where}: max_pages must be a positive whole number")
    raw_sections = data.get("sections")
    if not isinstance(raw_sections, list) or not raw_sections:
        raise DefinitionError(f"{where}: 'sections' must be a non-empty list")
    sections = []
    for i, raw in enumerate(raw_sections, 1):
        if isinstance(raw, str):
            raw = {"type": raw}
        if not isinstance(raw, dict) or "type" not in raw:
            raise DefinitionError(f"{where}: section {i} needs a 'type'")
        stype = str(raw["type"])
        if stype not in SECTION_TYPES:
            known = ", ".join(SECTION_TYPES)
            raise DefinitionError(f"{where}: section {i}: unknown type '{stype}' (known: {known})")
        options = {k: v for k, v in raw.items() if k not in ("type", "title", "title_en")}
        if "orientation" in options and options["orientation"] not in ORIENTATIONS:
            raise DefinitionError(f"{where}: section {i}: orientation must be portrait/landscape")
        if "n" in options and (not isinstance(options["n"], int) or options["n"] < 1):
            raise DefinitionError(f"{where}: section {i}: 'n' must be a positive whole number")
        sections.append(Section(stype, str(raw.get("title") or SECTION_TYPES[stype]), options,
                                str(raw.get("title_en") or "")))
    return ReportDefinition(
        kind=kind, title_ko=title_ko, title_en=str(data.get("title_en", "")),
        sections=tuple(sections), paper=paper, orientation=orientation,
        marking=str(data.get("marking", "")), scope=scope, max_pages=max_pages,
        subject_ko=str(data.get("subject_ko", "")), subject_en=str(data.get("subject_en", "")),
        description_ko=str(data.get("description_ko", "")), path=path,
        flow=bool(data.get("flow", False)),
    )


def load_definitions(folder: Path = REPORTS_DIR) -> dict[str, ReportDefinition]:
    """Every report kind in ``folder`` by kind name (sorted by file name)."""
    found: dict[str, ReportDefinition] = {}
    if not folder.is_dir():
        return found
    for path in sorted(folder.iterdir()):
        if path.suffix not in (".json", ".toml") or path.name.startswith("."):
            continue
        definition = parse_definition(_read(path), path)
        if definition.kind in found:
            raise DefinitionError(f"{path.name}: kind '{definition.kind}' is defined twice")
        found[definition.kind] = definition
    return found


def get_definition(kind: str, folder: Path = REPORTS_DIR) -> ReportDefinition:
    definitions = load_definitions(folder)
    if kind not in definitions:
        known = ", ".join(definitions) or "none"
        raise DefinitionError(f"unknown report kind '{kind}' (known: {known})")
    return definitions[kind]
