"""Edits the command line makes: task fields and checklist ticks (one function each).

Each runs in one transaction, checks the row version it read (``seen_version``, when
given) and returns what changed, so the shared write path can take them over. Every
write goes through the store, so the audit log and the exchange's change records see it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from ..domain import checklists as rules
from ..domain import model as m
from ..domain import task_fields as tf
from ..domain.dates import parse_day, parse_plan_date
from ..messages import Refusal, register
from ..store import ConflictError, Store
from ..store import exchange_store as xs
from . import checklists as ed
from .checklists import signoffs_of

register({
    "edit.task.unknown": ("과업 {wbs}이(가) 없습니다", "no task {wbs}"),
    "edit.task.field": ("{field}: 바꿀 수 없는 항목입니다 (가능: {fields})",
                        "{field}: not a field you can set (use: {fields})"),
    "edit.task.assign": ("{text}: 항목=값 형식으로 쓰십시오 (예: percent=50)",
                         "{text}: write FIELD=VALUE (for example percent=50)"),
    "edit.task.percent": ("percent: 0에서 100 사이의 숫자여야 합니다 ({value})",
                          "percent: must be a number from 0 to 100 ({value})"),
    "edit.task.version": ("과업 {wbs}이(가) 그 사이에 바뀌었습니다 (버전 {current}, 읽은 버전 "
                          "{seen}); 다시 읽고 시도하십시오",
                          "task {wbs} was changed meanwhile (version {current}, you read "
                          "{seen}); reload and try again"),
    "edit.task.percent_checklist": ("percent: 과업 {wbs}의 진척률은 점검 항목에서 계산됩니다 "
                                    "(항목을 체크하거나 '점검항목 진척 연동'을 끄십시오)",
                                    "percent: task {wbs} takes its percent from its checklist "
                                    "(tick its items, or turn off 'percent from checklist')"),
    "edit.checklist.unknown": ("과업 {wbs}에 {n}번 점검 항목이 없습니다 (1–{count})",
                               "task {wbs} has no checklist item {n} (1–{count})"),
    "edit.changed": ("{what}: {changes}", "{what}: {changes}"),
    "edit.unchanged": ("{what}: 바뀐 것이 없습니다", "{what}: nothing changed"),
})

#: CLI name -> task field
TASK_FIELDS = {"percent": "percent_complete", "start": "start", "finish": "finish",
               "actual_start": "actual_start", "actual_finish": "actual_finish",
               "note": "notes",
               **{f.cli_name: f.attr for f in tf.EXTRA_FIELDS}}  # declared once, in task_fields


@dataclass(frozen=True)
class Changed:
    """What an edit changed: the row and ``{field: (before, after)}``."""

    what: str
    fields: dict[str, tuple[Any, Any]]
    version: int

    def line(self, lang: str | None = None) -> str:
        if not self.fields:
            return Refusal("edit.unchanged", what=self.what).text(lang)
        changes = ", ".join(f"{k} {_show(a)} → {_show(b)}" for k, (a, b) in self.fields.items())
        return Refusal("edit.changed", what=self.what, changes=changes).text(lang)


def _show(value: Any) -> str:
    if value is None or value == "":
        return "-"
    if hasattr(value, "label"):
        return value.label("ko") if callable(value.label) else str(value)
    return str(value)


def task_by_wbs(store: Store, wbs: str) -> m.Task:
    found = xs.tasks_with_wbs(store, wbs.strip())
    if not found:
        raise Refusal("edit.task.unknown", wbs=wbs)
    return found[0]


def parse_assignments(pairs: list[str]) -> dict[str, str]:
    out = {}
    for text in pairs:
        name, sep, value = text.partition("=")
        if not sep or not name.strip():
            raise Refusal("edit.task.assign", text=text)
        name = name.strip()
        if name not in TASK_FIELDS:
            raise Refusal("edit.task.field", field=name, fields=", ".join(TASK_FIELDS))
        out[name] = value.strip()
    return out


def parse_task_value(name: str, text: str) -> Any:
    """A CLI value for task field ``name`` (DateParseError / Refusal when it is not one)."""
    if name == "percent":
        try:
            value = float(text)
        except ValueError:
            raise Refusal("edit.task.percent", value=text) from None
        if not 0 <= value <= 100:
            raise Refusal("edit.task.percent", value=text)
        return value
    if name in ("start", "finish"):
        return parse_plan_date(text) if text else None
    if name in ("actual_start", "actual_finish"):
        return parse_day(text) if text else None
    if name in tf.BY_CLI:
        return tf.BY_CLI[name].parse(text)
    return text


def set_task_fields(store: Store, wbs: str, values: dict[str, str],
                    seen_version: int | None = None) -> Changed:
    """Set task fields from CLI text (``{"percent": "50", "finish": "2019년 3월 말"}``)."""
    parsed = {TASK_FIELDS[k]: parse_task_value(k, v) for k, v in values.items()}
    with store.transaction():
        task = task_by_wbs(store, wbs)
        if seen_version is not None and task.version != seen_version:
            raise Refusal("edit.task.version", wbs=wbs, current=task.version, seen=seen_version)
        if "percent_complete" in parsed and task.percent_from_checklist \
                and store.checklist(task.id):
            raise Refusal("edit.task.percent_checklist", wbs=wbs)  # derived, never typed
        changed = {k: (getattr(task, k), v) for k, v in parsed.items() if getattr(task, k) != v}
        if not changed:
            return Changed(wbs, {}, task.version)
        new = dataclasses.replace(task, **{k: v for k, (_, v) in changed.items()})
        m.validate_task(new)
        if new.percent_complete >= 100 and task.percent_complete < 100:
            rules.check_completion(new, store.checklist(task.id), signoffs_of(store, task.id))
        try:
            stored = store.update(new)
        except ConflictError:
            raise Refusal("edit.task.version", wbs=wbs, current="?", seen=task.version) from None
        return Changed(wbs, changed, stored.version)


def checklist_item(store: Store, wbs: str, number: int) -> m.ChecklistItem:
    task = task_by_wbs(store, wbs)
    items = store.checklist(task.id)
    if not 1 <= number <= len(items):
        raise Refusal("edit.checklist.unknown", wbs=wbs, n=number, count=len(items))
    return items[number - 1]


def tick(store: Store, wbs: str, number: int, done: bool, by: str = "",
         seen_version: int | None = None) -> Changed:
    """Tick (or untick) item ``number`` (1-based, in list order) of task ``wbs``."""
    with store.transaction():
        item = checklist_item(store, wbs, number)
        if seen_version is not None and item.version != seen_version:
            raise Refusal("edit.task.version", wbs=wbs, current=item.version, seen=seen_version)
        if done:
            user = store.user
            if by:
                store.user = by  # the name recorded as done_by (and in the audit entry)
            try:
                new = ed.tick_item(store, item.id)
            finally:
                store.user = user
        else:
            new = ed.untick_item(store, item.id)
        what = f"{wbs} #{number}"
        if new.done == item.done:
            return Changed(what, {}, new.version)
        return Changed(what, {"done": (item.done, new.done)}, new.version)
