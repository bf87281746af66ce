"""Landing a parsed import in a database: one store transaction, all or nothing.

Three targets:

* ``Target.CURRENT``: the imported tasks go under one new top-level summary
  task ("가져옴: …") of the current project, their WBS codes prefixed with its
  number, so nothing already in the plan is overwritten; calendar exceptions
  for days the project has none for are added; iCalendar events update the
  milestones and checklist items they came from (matched by UID).
* ``Target.NEW_PROJECT``: a new project row in the current database.
* :func:`apply_to_new_database`: a new database file (created empty, no seed),
  built at a temporary name beside it and renamed into place when complete
  (:mod:`store.newfile`).

Organisations named by the file are matched to existing ones by code, Korean
or English name; unknown ones are added (kind "agency"). Any failure rolls the
whole transaction back and is re-raised as :class:`InteropError`; a new
database file that failed never appears.
"""

from __future__ import annotations

import dataclasses
import re
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import Enum
from pathlib import Path
from typing import Any

from ..domain import model as m
from ..domain.dates import PlanDate
from ..domain.schedule_graph import gc_paused
from ..messages import msg, register
from ..store import Store, StoreError
from ..store.codec import encode_value, table_of
from ..store.newfile import new_database
from ..store.planning import load_schedule
from ..store.staging import TASK_COLUMNS, ImportStage
from .errors import InteropError
from .preview import ImportPreview, OrgRef, ParsedPlan
from .staged import CITY_AT, OWNER_AT, SUPPORTING_AT, TASK_AT, baselines_of, org_refs, staged

register({
    "import.summary": ("과업 {tasks}건, 연결 {links}건, 기관 {orgs}곳 추가",
                       "tasks added {tasks}, links added {links}, organisations added {orgs}"),
    "import.summary_updated": ("항목 {count}건 갱신", "items updated {count}"),
    "import.backup_into_open": ("전체 백업은 열린 데이터베이스가 아니라 새 데이터베이스 파일로 "
                                "복원합니다",
                                "a full backup restores into a new database file, not into "
                                "the open one"),
    "import.target_exists": ("{path}이(가) 이미 있습니다; 새 파일 이름을 고르십시오",
                             "{path} already exists; choose a new file name"),
})


class Target(str, Enum):
    CURRENT = "current"
    NEW_PROJECT = "new_project"


@dataclass
class ApplyResult:
    project_id: int
    tasks_added: int = 0
    links_added: int = 0
    organisations_added: int = 0
    updated: int = 0
    root_task_id: int | None = None
    path: Path | None = None

    def summary(self) -> str:
        text = msg("import.summary", tasks=self.tasks_added, links=self.links_added,
                   orgs=self.organisations_added).text()
        if self.updated:
            text += ", " + msg("import.summary_updated", count=self.updated).text()
        return text


Progress = Callable[[float], None]  # told the fraction of tasks landed; may raise to stop


def apply_preview(store: Store, preview: ImportPreview, target: Target = Target.CURRENT,
                  progress: Progress | None = None) -> ApplyResult:
    """Land ``preview`` in ``store`` in one transaction; nothing lands on failure.

    ``progress`` hears how far the tasks are every thousand rows; an exception it raises
    (the officer cancelled) rolls everything back and propagates.
    """
    if preview.plan.backup is not None:
        raise InteropError("import.backup_into_open", source=preview.source)
    try:
        with gc_paused(), store.transaction():
            # check_plan bounded the imported schedule (it cannot run past the era).
            return _land_target(store, preview, target, progress)
    except InteropError:
        raise
    except (sqlite3.Error, StoreError, m.ValidationError) as exc:
        raise InteropError("interop.not_saved", reason=exc.message if isinstance(
            exc, StoreError | m.ValidationError) else str(exc), source=preview.source) from None


def _land_target(store: Store, preview: ImportPreview, target: Target,
                 progress: Progress | None) -> ApplyResult:
    if target is Target.NEW_PROJECT:
        project = _new_project(store, preview)
        if preview.plan.events:
            return _land_events(store, preview, project.id)
        return _land(store, preview, project.id, None, progress)
    project = store.project()
    if preview.plan.events:
        return _land_events(store, preview, project.id)
    root = _root_task(store, preview, project.id)
    return _land(store, preview, project.id, root, progress)


def apply_to_new_database(preview: ImportPreview, path: Path | str,
                          progress: Progress | None = None) -> ApplyResult:
    """Create ``path`` (which must not exist) holding only the imported plan."""
    path = Path(path)
    if path.exists():
        raise InteropError("import.target_exists", path=str(path), source=preview.source)
    if preview.plan.backup is not None:
        from .backup_json import restore_backup

        restore_backup(preview.plan.backup, path)
        return ApplyResult(project_id=0, path=path)
    try:
        with new_database(path, seed=False) as store:
            result = apply_preview(store, preview, Target.NEW_PROJECT, progress)
    except StoreError as exc:
        raise InteropError("interop.cannot_create", path=str(path), detail=exc.message,
                           source=preview.source) from None
    except OSError as exc:
        raise InteropError("interop.cannot_create", path=str(path), detail=str(exc),
                           source=preview.source) from None
    result.path = path
    return result


# -- helpers -------------------------------------------------------------------------
def _new_project(store: Store, preview: ImportPreview) -> m.Project:
    plan = preview.plan
    first_day = staged(plan).min_anchor()
    starts = [e.day for e in plan.events] + ([date.fromordinal(first_day)] if first_day else [])
    start = plan.start or (min(starts) if starts else date.today())
    name = plan.name_ko or Path(preview.source).stem
    project = m.Project(name_ko=name, name_en=plan.name_en or name, start=start,
                        source=f"가져옴: {preview.source}")
    if plan.calendar is not None:  # the file's own working time, not the Korean calendar
        project.work_week = plan.calendar.week
        project.working_times = plan.calendar.working_times
        project.korean_holidays = False
    return store.insert(project)


def _root_task(store: Store, preview: ImportPreview, project_id: int) -> m.Task:
    tops = [t.wbs for t in store.tasks(project_id) if t.parent_id is None]
    numbers = [int(w) for w in tops if w.isdigit()]
    wbs = str(max(numbers, default=0) + 1)
    name = preview.plan.name_ko or Path(preview.source).stem
    order = store.next_sort_order()
    return store.insert(m.Task(project_id=project_id, wbs=wbs, name_ko=f"가져옴: {name}",
                               name_en=f"Imported: {name}", kind=m.TaskKind.SUMMARY,
                               duration_days=0, source=f"가져옴: {preview.source}",
                               sort_order=order))


class _Orgs:
    def __init__(self, store: Store, source: str) -> None:
        self.store = store
        self.source = source
        self.added = 0
        self.by_key: dict[str, int] = {}
        for o in store.organisations():
            for k in (o.code, o.name_ko, o.name_en):
                if k:
                    self.by_key.setdefault(k.casefold(), o.id)
        self.codes = {o.code.casefold() for o in store.organisations()}

    def resolve(self, ref: OrgRef | None) -> int | None:
        if ref is None:
            return None
        for k in (ref.code, ref.name, ref.name_en):
            if k and k.casefold() in self.by_key:
                return self.by_key[k.casefold()]
        base = re.sub(r"\s+", "", ref.code or ref.name)[:20] or "ORG"
        code, n = base, 1
        while code.casefold() in self.codes:
            n += 1
            code = f"{base}-{n}"
        org = self.store.insert(m.Organisation(
            code=code, name_ko=ref.name, name_en=ref.name_en or ref.name, kind=m.OrgKind.AGENCY,
            source=f"가져옴: {self.source}"))
        self.added += 1
        self.codes.add(code.casefold())
        for k in (ref.code, ref.name, ref.name_en):
            if k:
                self.by_key.setdefault(k.casefold(), org.id)
        return org.id


def _land(store: Store, preview: ImportPreview, project_id: int,
          root: m.Task | None = None, progress: Progress | None = None) -> ApplyResult:
    plan: ParsedPlan = preview.plan
    stage = staged(plan)
    orgs = _Orgs(store, preview.source)
    first = _land_tasks(store, stage, preview.source, project_id, root, orgs, progress)
    store.insert_many(m.Dependency(first + p, first + s, m.DependencyType(kind), lag)
                      for p, s, kind, lag in stage.link_ends())
    have = store.calendar_days(project_id)
    store.insert_many(m.CalendarException(project_id, day, working, note)
                      for day, working, note in plan.calendar_exceptions
                      if day.isoformat() not in have)
    _land_baselines(store, stage, plan, project_id, first)
    return ApplyResult(project_id=project_id, tasks_added=stage.tasks + (1 if root else 0),
                       links_added=stage.links, organisations_added=orgs.added,
                       root_task_id=root.id if root else None)


def _land_tasks(store: Store, stage: ImportStage, source: str, project_id: int,
                root: m.Task | None, orgs: _Orgs, progress: Progress | None = None) -> int:
    """Insert the staged tasks in bulk (parents first), read back a batch at a time; the
    task k-th in outline order gets id ``first + k``; return ``first``."""
    cities = {k.casefold(): c.id for c in store.all(m.City) for k in (c.name_en, c.name_ko, c.code)
              if k}
    for code in stage.city_codes():
        if code.casefold() not in cities:
            city = store.insert(m.City(code=code[:100], name_ko=code, name_en=code,
                                       source=f"가져옴: {source}"))
            cities[code.casefold()] = city.id
    base = store.next_sort_order()
    prefix = f"{root.wbs}." if root else ""
    first = store.next_id(m.Task)  # numbered up front: a child names its parent's id
    top = root.id if root else None

    def rows() -> Iterator[dict[str, Any]]:
        # The staged task columns are already in stored form: they land as rows, patched with
        # the ids known only now, never turned into objects again.
        total = max(stage.tasks, 1)
        for done, staged_row in enumerate(stage.task_rows()):
            if progress is not None and done % 1000 == 0:
                progress(done / total)
            k, parent = staged_row[0], staged_row[1]
            owner_ref, supporting_refs = org_refs(staged_row[OWNER_AT], staged_row[SUPPORTING_AT])
            owner = orgs.resolve(owner_ref)
            supporting = []
            for ref in supporting_refs:
                oid = orgs.resolve(ref)
                if oid is not None and oid != owner and oid not in supporting:
                    supporting.append(oid)
            city = staged_row[CITY_AT]
            row = dict(zip(TASK_COLUMNS, staged_row[TASK_AT:], strict=True))
            row.update(project_id=project_id, wbs=prefix + row["wbs"],
                       parent_id=first + parent if parent is not None else top,
                       owner_org_id=owner, supporting_org_ids=encode_value(supporting),
                       city_id=cities[city.casefold()] if city else None,
                       sort_order=base + k, id=first + k, version=1)
            yield row

    store.insert_rows(table_of(m.Task), rows())
    return first


def _land_baselines(store: Store, stage: ImportStage, plan: ParsedPlan, project_id: int,
                    first: int) -> None:
    names = store.baseline_names(project_id)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    for number, name in sorted(plan.baseline_names.items()):
        unique, n = name, 1
        while unique in names:
            n += 1
            unique = f"{name} ({n})"
        names.add(unique)
        b = store.insert(m.Baseline(project_id, unique, now))
        store.insert_many(m.BaselineTask(b.id, first + k, *held[number])
                          for k, held in _baselines(stage) if number in held)


def _baselines(stage: ImportStage) -> Iterator[tuple[int, dict[int, tuple]]]:
    for k, _, _, text in stage.orgs_and_baselines():
        if text:
            yield k, baselines_of(text)


def _land_events(store: Store, preview: ImportPreview, project_id: int) -> ApplyResult:
    from .ics import match_uid

    result = ApplyResult(project_id=project_id)
    holder: m.Task | None = None
    imported = {t.source: t for t in store.tasks(project_id) if t.source.startswith("iCalendar")}
    scheduled: dict[int, date] | None = None
    for e in preview.plan.events:
        kind, row_id = match_uid(store, e.uid)
        source = f"iCalendar UID {e.uid}"[:500]
        if kind == "task":
            if scheduled is None:  # our export states each milestone's computed day
                tasks, schedule, _ = load_schedule(store, project_id)
                scheduled = {t.id: schedule[t.id].finish for t in tasks if t.id in schedule}
            t = store.get(m.Task, row_id)
            if scheduled.get(t.id) != e.day and _set_day(store, t, e.day):
                result.updated += 1
            continue
        if kind == "checklist":
            item = store.get(m.ChecklistItem, row_id)
            if item.due != e.day:
                store.update(dataclasses.replace(item, due=e.day))
                result.updated += 1
            continue
        if source in imported:
            if _set_day(store, imported[source], e.day, e.summary):
                result.updated += 1
            continue
        if holder is None:
            holder = next((t for t in store.tasks(project_id) if t.source == "iCalendar"), None)
            if holder is None:
                fake = ImportPreview("ics", "iCalendar", ParsedPlan(name_ko="가져온 일정"))
                holder = dataclasses.replace(_root_task(store, fake, project_id),
                                             source="iCalendar")
                holder = store.update(holder)
                result.tasks_added += 1
        n = store.count_children(holder.id) + 1
        day = PlanDate.exact(e.day)
        task = store.insert(m.Task(
            project_id=project_id, parent_id=holder.id, wbs=f"{holder.wbs}.{n}",
            name_ko=e.summary[:1000] or "(제목 없음)", kind=m.TaskKind.MILESTONE,
            start=day, finish=day, duration_days=0, notes=e.description[:100_000],
            source=source,
            sort_order=store.next_sort_order()))
        imported[source] = task
        result.tasks_added += 1
    return result


def _set_day(store: Store, t: m.Task, day: date, name: str | None = None) -> bool:
    """Move a milestone (or a task's finish) to ``day`` unless it already shows that day."""
    shown = t.finish or t.start
    if shown is not None and shown.latest() == day and (name is None or name == t.name_ko):
        return False
    new_day = PlanDate.exact(day)
    if t.is_milestone:
        changed = dataclasses.replace(t, start=new_day, finish=new_day)
    else:
        start = t.start if t.start and t.start.earliest() <= day else new_day
        changed = dataclasses.replace(t, start=start, finish=new_day)
    if name:
        changed = dataclasses.replace(changed, name_ko=name[:1000])
    m.validate_task(changed)
    store.update(changed)
    return True
