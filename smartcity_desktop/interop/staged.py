"""A parsed plan's tasks and links kept in an import stage, read back as objects on demand.

:class:`StagedTasks` and :class:`StagedLinks` are the sequences a
:class:`~.preview.ParsedPlan` holds once staged: appending encodes each item into
a row of the plan's :class:`~smartcity_desktop.store.staging.ImportStage` (a
private temporary database) a batch at a time, and indexing or iterating decodes
rows back into :class:`~.preview.ParsedTask` / :class:`~.preview.ParsedLink`. So a
100,000-task import never holds its tasks in memory: the preview counts and
shows the first rows through queries, the checks run as queries, and landing
reads the rows back in batches. Importers that build plain lists (MS Project,
GanttProject) are staged by :func:`staged` when their plan is checked.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from operator import itemgetter
from typing import Any, TypeVar, overload

from ..domain import model as m
from ..messages import register
from ..store.codec import row_decoder, to_row
from ..store.staging import META_COLUMNS, TASK_COLUMNS, ImportStage
from .errors import InteropError
from .preview import OrgRef, ParsedLink, ParsedPlan, ParsedTask

register({"interop.stage_failed": ("가져올 내용을 임시 파일에 담을 수 없습니다 ({detail}); 임시 "
                                   "폴더의 여유 공간을 확인하십시오",
                                   "cannot hold the import in a temporary file ({detail}); "
                                   "check the free space of the temp folder")})

BATCH = 1000
TASK_AT = 2 + len(META_COLUMNS)  # in a stage row: ord, parent's ord, meta..., task columns
OWNER_AT, SUPPORTING_AT, CITY_AT = (2 + META_COLUMNS.index(c)
                                    for c in ("owner", "supporting", "city_code"))
_decode = row_decoder(m.Task, list(TASK_COLUMNS))
_pick = itemgetter(*TASK_COLUMNS)
_Item = TypeVar("_Item")


class _Staged(Sequence[_Item]):
    """Shared by the two sequences: a write buffer in front of the stage's rows."""

    def __init__(self, stage: ImportStage | None = None) -> None:
        self.stage = stage or ImportStage(_stage_failed)
        self._buffer: list[tuple[Any, ...]] = []

    def append(self, item: _Item) -> None:
        self._buffer.append(self._encode(item))
        if len(self._buffer) >= BATCH:
            self.flush()

    def extend(self, items: Iterable[_Item]) -> None:
        for item in items:
            self.append(item)

    def flush(self) -> None:
        if self._buffer:
            self._write(self._buffer)
            self._buffer = []

    def __len__(self) -> int:
        return self._stored() + len(self._buffer)

    @overload
    def __getitem__(self, index: int) -> _Item: ...
    @overload
    def __getitem__(self, index: slice) -> list[_Item]: ...

    def __getitem__(self, index: int | slice) -> _Item | list[_Item]:
        self.flush()
        n = len(self)
        if isinstance(index, slice):
            start, stop, step = index.indices(n)
            items = [self._decode(r) for r in self._rows(start, max(start, stop))]
            return items[::step] if step != 1 else items
        i = index + n if index < 0 else index
        if not 0 <= i < n:
            raise IndexError(index)
        return self._decode(next(iter(self._rows(i, i + 1))))

    def __iter__(self) -> Iterator[_Item]:
        self.flush()
        return (self._decode(r) for r in self._rows(0, len(self)))

    def __bool__(self) -> bool:
        return len(self) > 0

    # the parts each sequence fills in
    def _encode(self, item: _Item) -> tuple[Any, ...]:
        raise NotImplementedError

    def _decode(self, row: tuple[Any, ...]) -> _Item:
        raise NotImplementedError

    def _write(self, rows: list[tuple[Any, ...]]) -> None:
        raise NotImplementedError

    def _stored(self) -> int:
        raise NotImplementedError

    def _rows(self, start: int, stop: int) -> Iterable[tuple[Any, ...]]:
        raise NotImplementedError


class StagedTasks(_Staged[ParsedTask]):
    """The parsed tasks, in outline order once the importer has ordered the stage."""

    def _encode(self, pt: ParsedTask) -> tuple[Any, ...]:
        return encode_task(pt)

    def _decode(self, row: tuple[Any, ...]) -> ParsedTask:
        return decode_parsed_task(row)

    def _write(self, rows: list[tuple[Any, ...]]) -> None:
        self.stage.add_tasks(rows)

    def _stored(self) -> int:
        return self.stage.tasks

    def _rows(self, start: int, stop: int) -> Iterable[tuple[Any, ...]]:
        return self.stage.task_rows(start, stop)


class StagedLinks(_Staged[ParsedLink]):
    """The parsed links, in file order."""

    def _encode(self, link: ParsedLink) -> tuple[Any, ...]:
        return (link.predecessor_key, link.successor_key, link.type.value, link.lag_days,
                link.line if isinstance(link.line, int) else None)

    def _decode(self, row: tuple[Any, ...]) -> ParsedLink:
        _, pred, succ, kind, lag, line = row
        return ParsedLink(pred, succ, m.DependencyType(kind), lag, line)

    def _write(self, rows: list[tuple[Any, ...]]) -> None:
        self.stage.add_links(rows)

    def _stored(self) -> int:
        return self.stage.links

    def _rows(self, start: int, stop: int) -> Iterable[tuple[Any, ...]]:
        return self.stage.link_rows(start, stop)


def _stage_failed(detail: str) -> Exception:
    return InteropError("interop.stage_failed", detail=detail)


def staged(plan: ParsedPlan) -> ImportStage:
    """The stage holding ``plan``'s tasks and links (plain lists are moved into one)."""
    if not isinstance(plan.tasks, StagedTasks):
        tasks = StagedTasks()
        tasks.extend(plan.tasks)
        plan.tasks = tasks
    stage = plan.tasks.stage
    if not (isinstance(plan.links, StagedLinks) and plan.links.stage is stage):
        links = StagedLinks(stage)
        links.extend(plan.links)
        plan.links = links
    plan.tasks.flush()
    plan.links.flush()
    return stage


# -- one task as a stage row -------------------------------------------------------------------
def encode_task(pt: ParsedTask) -> tuple[Any, ...]:
    t = pt.task
    row = to_row(t)
    owner = pt.owner
    return (
        pt.key, pt.parent_key, pt.line if isinstance(pt.line, int) else None,
        t.start.earliest().toordinal() if t.start else None,
        t.constraint_date.toordinal() if t.constraint_date else None,
        json.dumps([owner.code, owner.name, owner.name_en], ensure_ascii=False) if owner else None,
        json.dumps([[o.code, o.name, o.name_en] for o in pt.supporting], ensure_ascii=False)
        if pt.supporting else None,
        pt.city_code or "",
        json.dumps({n: [s.isoformat() if s else None, f.isoformat() if f else None, d]
                    for n, (s, f, d) in pt.baselines.items()}) if pt.baselines else None,
        *_task_values(row),
    )


def _task_values(row: dict[str, Any]) -> tuple[Any, ...]:
    # to_row gives the columns in field order, ``id`` left out when unset (parsed tasks)
    return tuple(row.values()) if len(row) == len(TASK_COLUMNS) else _pick(row)


def decode_task(row: tuple[Any, ...]) -> m.Task:
    """The task of a stage row as parsed (project, parent and owner ids unset)."""
    return _decode(row[TASK_AT:])


def org_refs(owner: str | None, supporting: str | None) -> tuple[OrgRef | None, list[OrgRef]]:
    """A stage row's owner and supporting organisations."""
    return (OrgRef(*json.loads(owner)) if owner else None,
            [OrgRef(*o) for o in json.loads(supporting)] if supporting else [])


def baselines_of(text: str | None) -> dict[int, tuple[date | None, date | None, int]]:
    if not text:
        return {}
    return {int(n): (date.fromisoformat(s) if s else None, date.fromisoformat(f) if f else None,
                     d) for n, (s, f, d) in json.loads(text).items()}


def decode_parsed_task(row: tuple[Any, ...]) -> ParsedTask:
    key, parent_key, line, _, _, owner, supporting, city_code, baselines = row[2:TASK_AT]
    owner_ref, supporting_refs = org_refs(owner, supporting)
    return ParsedTask(key=key, task=decode_task(row), parent_key=parent_key, owner=owner_ref,
                      supporting=supporting_refs, city_code=city_code,
                      baselines=baselines_of(baselines), line=line)
