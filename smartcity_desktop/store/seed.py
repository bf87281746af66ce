"""Loading the bundled plan (``db/seed/*.json``) into a fresh database.

The seed is data, not code: see ``db/seed/README.md`` for the file format.
References between files use natural keys (organisation codes, city codes, WBS
codes); a task's parent is the WBS code without its last segment. The whole
load is one transaction: a bad seed file leaves no half-seeded database.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..domain import model as m
from ..domain.dates import parse_optional, parse_plan_date
from ..domain.model import ValidationError, validate_dependency, validate_task
from ..paths import SEED_DIR
from . import changelog
from .repository import Store
from .uids import fill_missing

_ORDER = [
    "organisations", "cities", "project", "tasks", "budget", "provisions", "meetings",
    "status_updates", "notes",
]


class SeedError(ValidationError):
    pass


def read_seed(seed_dir: Path = SEED_DIR) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for name in _ORDER:
        path = seed_dir / f"{name}.json"
        if path.exists():
            try:
                data[name] = json.loads(path.read_text(encoding="utf-8"))
            except json.JSONDecodeError as exc:
                raise SeedError(f"{path.name}: line {exc.lineno}: {exc.msg}") from None
        else:
            data[name] = {} if name == "project" else []
    return data


def _day(value: str | None):
    from datetime import date

    return date.fromisoformat(value) if value else None


def load_seed(store: Store, seed_dir: Path = SEED_DIR) -> None:
    data = read_seed(seed_dir)
    with store.transaction(), changelog.quiet(store):
        _load(store, data)
        fill_missing(store.con)  # seeded rows: the same uids on every desk


def _load(store: Store, data: dict[str, Any]) -> None:
    orgs: dict[str, int] = {}
    for o in data["organisations"]:
        org = store.insert(m.Organisation(
            code=o["code"], name_ko=o["name_ko"], name_en=o.get("name_en", ""),
            kind=m.OrgKind(o.get("kind", "ministry")),
            department_ko=o.get("department_ko", ""), department_en=o.get("department_en", ""),
            responsible=bool(o.get("responsible")), in_council=bool(o.get("in_council")),
            source=o.get("source", ""),
        ))
        orgs[o["code"]] = org.id
        for c in o.get("contacts", []):
            store.insert(m.Contact(org_id=org.id, name=c.get("name", ""),
                                   position=c.get("position", ""), phone=c.get("phone", ""),
                                   email=c.get("email", ""), role=c.get("role", ""),
                                   source=c.get("source", "")))

    def org_id(code: str | None, where: str) -> int | None:
        if not code:
            return None
        if code not in orgs:
            raise SeedError(f"{where}: unknown organisation code '{code}'")
        return orgs[code]

    cities: dict[str, int] = {}
    for c in data["cities"]:
        city = store.insert(m.City(
            code=c["code"], name_ko=c["name_ko"], name_en=c.get("name_en", ""),
            master_planner=c.get("master_planner", ""),
            implementer_org_id=org_id(c.get("implementer"), f"city {c['code']}"),
            local_government_org_id=org_id(c.get("local_government"), f"city {c['code']}"),
            source=c.get("source", ""),
        ))
        cities[c["code"]] = city.id

    def city_id(code: str | None, where: str) -> int | None:
        if not code:
            return None
        if code not in cities:
            raise SeedError(f"{where}: unknown city code '{code}'")
        return cities[code]

    p = data["project"]
    project = store.insert(m.Project(
        name_ko=p["name_ko"], name_en=p.get("name_en", ""), start=_day(p["start"]),
        status_date=_day(p.get("status_date")), source=p.get("source", ""),
    ))
    for ex in p.get("calendar_exceptions", []):
        store.insert(m.CalendarException(project_id=project.id, day=_day(ex["day"]),
                                         working=bool(ex["working"]), note=ex.get("note", "")))

    tasks: dict[str, int] = {}
    known = set(orgs.values())
    for order, t in enumerate(data["tasks"]):
        wbs = t["wbs"]
        where = f"task {wbs}"
        if wbs in tasks:
            raise SeedError(f"{where}: duplicate WBS code")
        parent_wbs = wbs.rsplit(".", 1)[0] if "." in wbs else None
        if parent_wbs and parent_wbs not in tasks:
            raise SeedError(f"{where}: parent {parent_wbs} must come before it")
        kind = m.TaskKind(t.get("kind", "task"))
        task = m.Task(
            project_id=project.id, wbs=wbs, name_ko=t["name_ko"], name_en=t.get("name_en", ""),
            kind=kind, parent_id=tasks.get(parent_wbs) if parent_wbs else None,
            owner_org_id=org_id(t.get("owner"), where),
            supporting_org_ids=[org_id(s, where) for s in t.get("supporting", [])],
            city_id=city_id(t.get("city"), where),
            start=parse_optional(t.get("start")), finish=parse_optional(t.get("finish")),
            duration_days=int(t.get("duration_days", 0 if kind is m.TaskKind.MILESTONE else 1)),
            percent_complete=float(t.get("percent_complete", 0)),
            percent_from_checklist=bool(t.get("percent_from_checklist")),
            constraint_type=m.ConstraintType(t.get("constraint_type", "")),
            constraint_date=_day(t.get("constraint_date")),
            actual_start=_day(t.get("actual_start")), actual_finish=_day(t.get("actual_finish")),
            needs_signoff=bool(t.get("needs_signoff")), notes=t.get("notes", ""),
            source=t.get("source", ""), sort_order=order,
            actual_start_written=parse_optional(t.get("actual_start_written")),
            actual_finish_written=parse_optional(t.get("actual_finish_written")),
            date_assumed=bool(t.get("date_assumed")),
        )
        try:
            validate_task(task, known)
        except ValidationError as exc:
            raise SeedError(f"{where}: {exc}") from None
        tasks[wbs] = store.insert(task).id

    series: dict[str, int] = {}
    for s in data["meetings"]:
        ms = store.insert(m.MeetingSeries(
            name_ko=s["name_ko"], name_en=s.get("name_en", ""), cadence=m.Cadence(s["cadence"]),
            first=_day(s["first"]), task_id=tasks.get(s.get("task", "")),
            org_id=org_id(s.get("org"), f"meeting {s['name_ko']}"), source=s.get("source", ""),
        ))
        series[s.get("key", s["name_ko"])] = ms.id

    for t in data["tasks"]:
        where = f"task {t['wbs']}"
        for pred in t.get("predecessors", []):
            if pred["wbs"] not in tasks:
                raise SeedError(f"{where}: unknown predecessor {pred['wbs']}")
            dep = m.Dependency(predecessor_id=tasks[pred["wbs"]], successor_id=tasks[t["wbs"]],
                               type=m.DependencyType(pred.get("type", "FS")),
                               lag_days=int(pred.get("lag", 0)))
            validate_dependency(dep)
            store.insert(dep)
        for order, item in enumerate(t.get("checklist", [])):
            store.insert(m.ChecklistItem(
                task_id=tasks[t["wbs"]], text=item["text"],
                org_id=org_id(item.get("org") or t.get("owner"), where),
                due=_day(item.get("due")), done=bool(item.get("done")),
                done_by=item.get("done_by", ""), done_at=item.get("done_at", ""),
                notes=item.get("notes", ""), sort_order=order,
                meeting_series_id=series.get(item.get("meeting", "")),
                source=item.get("source", ""),
            ))

    for order, b in enumerate(data["budget"]):
        store.insert(m.BudgetLine(
            year=int(b["year"]), area=b["area"], item=b["item"], planned=float(b["planned"]),
            executed=float(b.get("executed", 0)), city_id=city_id(b.get("city"), "budget"),
            org_id=org_id(b.get("org"), "budget"), kind=b.get("kind", "budget"),
            unit=b.get("unit", "억원"), source=b.get("source", ""), sort_order=order,
            year_to=int(b["year_to"]) if b.get("year_to") else None,
            org_assumed=bool(b.get("org_assumed")),
        ))

    for order, pr in enumerate(data["provisions"]):
        prov = store.insert(m.Provision(
            name_ko=pr["name_ko"], name_en=pr.get("name_en", ""),
            allows_ko=pr.get("allows_ko", ""), allows_en=pr.get("allows_en", ""),
            law_ko=pr.get("law_ko", ""), law_en=pr.get("law_en", ""),
            stage=m.ProvisionStage(pr["stage"]), stage_date=parse_optional(pr.get("stage_date")),
            target=parse_optional(pr.get("target")), group_ko=pr.get("group_ko", ""),
            source=pr.get("source", ""), sort_order=order,
        ))
        for h in pr.get("history", []):
            store.insert(m.ProvisionStageChange(provision_id=prov.id,
                                                stage=m.ProvisionStage(h["stage"]),
                                                on=parse_plan_date(h["on"]),
                                                note=h.get("note", "")))

    for su in data["status_updates"]:
        if su["task"] not in tasks:
            raise SeedError(f"status update: unknown task {su['task']}")
        store.insert(m.StatusUpdate(
            task_id=tasks[su["task"]], report_date=_day(su["report_date"]), rag=m.Rag(su["rag"]),
            narrative=su.get("narrative", ""), org_id=org_id(su.get("org"), "status update"),
            author=su.get("author", ""),
        ))

    for order, n in enumerate(data["notes"]):
        store.insert(m.Note(topic=n["topic"], title_ko=n["title_ko"], body_ko=n.get("body_ko", ""),
                            title_en=n.get("title_en", ""), body_en=n.get("body_en", ""),
                            source=n.get("source", ""), sort_order=order))
