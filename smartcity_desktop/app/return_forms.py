"""Return forms: make one ministry's Excel form, read filled-in forms through the same merge.

A form row's filled cells become change records of a "form desk" for that ministry
(a member: it may change only what the ministry owns, which is all the form holds),
based on the values and ranks the form was made from, and are merged by
:func:`app.exchange.apply_records` exactly like a package: a value changed on the
form and meanwhile here is a conflict.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from ..domain import merge
from ..domain.dates import DateParseError, parse_day
from ..domain.hlc import tick
from ..interop.exchange_package import PackageError
from ..interop.return_form import (
    RAG_KO,
    RAG_LABELS,
    FormData,
    FormError,
    FormRow,
    cell_day,
    read_form,
    write_form,
)
from ..messages import Refusal
from ..store import Store
from ..store import changelog as cl
from ..store import exchange_store as xs
from ..store.uids import natural_uid, plan_id
from . import exchange as ex
from .checklists import latest_status_updates
from .cli_edits import TASK_FIELDS, parse_task_value
from .desk import profile

_TASK_FIELDS = ("percent_complete", "actual_start", "actual_finish")


def _key(store: Store) -> bytes:
    """The seal key: derived from this desk's private key, so only it can verify its forms."""
    profile(store)
    return hashlib.sha256(b"smartcity-return-form\x00" +
                          store.setting("desk.private_key").encode("ascii")).digest()


def make_form(store: Store, ministry: str, out: Path) -> tuple[int, int]:
    """Write ``ministry``'s return form; return (tasks, checklist items) written."""
    org = store.org_by_code()[ministry]
    latest = latest_status_updates(store)
    tasks, items = [], []
    by_task: dict[int, list[Any]] = {}
    for item in store.checklist():
        by_task.setdefault(item.task_id, []).append(item)
    for task in store.tasks():
        row = xs.row_by_id(store, "tasks", task.id)
        owner = xs.task_owner_code(store, task.id)
        if owner == ministry and task.kind.value != "summary":
            status = latest.get(task.id)
            base = {f: row[f] for f in _TASK_FIELDS}
            base["rag"] = status.rag.value if status else None
            base["narrative"] = status.narrative if status else ""
            ranks = {f: cl.field_rank(store, row["uid"], f) for f in _TASK_FIELDS}
            finish = task.finish.label("ko") if task.finish else ""
            tasks.append({"uid": row["uid"], "label": task.wbs, "base": base, "ranks": ranks,
                          "cells": [task.wbs, task.name_ko, finish, task.percent_complete,
                                    task.actual_start, task.actual_finish,
                                    RAG_KO.get(base["rag"] or "", ""), base["narrative"]]})
        for n, item in enumerate(by_task.get(task.id, []), start=1):
            item_owner = xs.org_code(store, item.org_id) or owner
            if item_owner != ministry:
                continue
            irow = xs.row_by_id(store, "checklist_items", item.id)
            base = {"done": irow["done"], "notes": irow["notes"]}
            ranks = {f: cl.field_rank(store, irow["uid"], f) for f in base}
            items.append({"uid": irow["uid"], "label": f"{task.wbs}#{n}", "base": base,
                          "ranks": ranks,
                          "cells": [task.wbs, n, item.text, item.due, "O" if item.done else "",
                                    item.notes]})
    title = f"{org.name_ko} 실적 취합 양식 / Return form: {org.name_en or org.code}"
    write_form(out, _key(store), plan_id(store.con), ministry, title, tasks, items)
    return len(tasks), len(items)


def parse_field_value(field: str, text: str) -> Any:
    """A typed value for a field given as text (CLI ``resolve --take VALUE``)."""
    cli_name = next((k for k, v in TASK_FIELDS.items() if v == field), None)
    if cli_name is not None:
        value = parse_task_value(cli_name, text)
        return value.code() if hasattr(value, "code") else (
            value.isoformat() if isinstance(value, date) else value)
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def _bad(form: Path, row: FormRow, column: str, detail: str) -> FormError:
    return FormError("form.value", name=form.name, sheet=row.sheet, row=row.row, column=column,
                     detail=detail)


def _task_values(form: Path, row: FormRow) -> dict[str, Any]:
    out: dict[str, Any] = {}
    percent = row.values["percent_complete"]
    if percent not in (None, ""):
        try:
            out["percent_complete"] = float(parse_task_value("percent", str(percent)))
        except Refusal as exc:
            raise _bad(form, row, "진척률(%)", str(exc)) from None
    else:
        out["percent_complete"] = row.base["percent_complete"]
    for field in ("actual_start", "actual_finish"):
        day = cell_day(row.values[field])
        if isinstance(day, str):
            try:
                day = parse_day(day)
            except DateParseError as exc:
                raise _bad(form, row, field, str(exc)) from None
        out[field] = day.isoformat() if day else None
    rag = row.values["rag"]
    if rag not in (None, ""):
        if str(rag).strip().casefold() not in RAG_LABELS:
            raise _bad(form, row, "RAG", f"{rag}: 녹색/황색/적색")
        out["rag"] = RAG_LABELS[str(rag).strip().casefold()]
    else:
        out["rag"] = row.base["rag"]
    out["narrative"] = str(row.values["narrative"] or "").strip()
    return out


def _refuse_derived_percent(store: Store, form: Path, row: FormRow) -> None:
    """A percent typed for a task whose percent follows its checklist: tick its items."""
    task = xs.row_by_uid(store, "tasks", row.uid)
    if task is not None and cl.is_derived(store, task["id"], task):
        detail = Refusal("edit.task.percent_checklist", wbs=task["wbs"]).text()
        raise _bad(form, row, "진척률(%)", detail)


def _records_of(store: Store, form: Path, data: FormData, desk: str) -> list[cl.Record]:
    """The form's filled-in differences from its base, as change records of the form desk."""
    records: list[cl.Record] = []
    seq = xs.max_sequence(store, desk)
    rank = cl.latest_rank(store)
    stamp = xs.now()
    officer = f"{data.ministry} 실적 취합 양식"
    org_uid = cl.uid_of(store, "organisations", store.org_by_code()[data.ministry].id)

    def add(uid: str, table: str, field: str, op: str, base: Any, base_rank: str | None,
            value: Any) -> None:
        nonlocal seq, rank
        seq += 1
        rank = tick(rank, desk)
        records.append(cl.Record(uid, table, field, op, None if op == "insert" else cl.dumps(base),
                                 base_rank, cl.dumps(value), rank, officer, stamp, desk, seq))

    for row in data.rows:
        if row.table == "tasks":
            values = _task_values(form, row)
            if values["percent_complete"] != row.base["percent_complete"]:
                _refuse_derived_percent(store, form, row)
            for field in _TASK_FIELDS:
                if values[field] != row.base[field]:
                    add(row.uid, "tasks", field, "update", row.base[field], row.ranks[field],
                        values[field])
            if (values["rag"], values["narrative"]) != (row.base["rag"], row.base["narrative"]) \
                    and values["rag"]:
                # One status update per form and task, so reading the form again adds none.
                su_uid = natural_uid("status_updates", (data.plan_id, data.ministry,
                                                        data.made_at, row.uid))
                add(su_uid, "status_updates", "*", "insert", None, None, {
                    "task_id": row.uid, "report_date": date.today().isoformat(),
                    "rag": values["rag"], "narrative": values["narrative"], "org_id": org_uid,
                    "author": officer})
        else:
            done_cell = str(row.values["done"] or "").strip().casefold()
            done = 1 if done_cell in ("o", "x", "v", "✓", "완료", "1", "true", "yes", "y") else 0
            if done != row.base["done"]:
                add(row.uid, "checklist_items", "done", "update", row.base["done"],
                    row.ranks["done"], done)
            notes = str(row.values["notes"] or "").strip()
            if notes != row.base["notes"]:
                add(row.uid, "checklist_items", "notes", "update", row.base["notes"],
                    row.ranks["notes"], notes)
    return records


def read_forms(store: Store, paths: Iterable[Path | str]) -> list[tuple[Path, FormData]]:
    """Read and check forms (seal, id columns, plan); refuse the first bad one."""
    key, ours = _key(store), plan_id(store.con)
    forms = []
    for path in paths:
        path = Path(path)
        data = read_form(path, key)
        if data.plan_id != ours:
            raise PackageError("exchange.package.foreign_plan", name=path.name,
                               theirs=data.plan_id, ours=ours)
        forms.append((path, data))
    return forms


def import_forms(store: Store, paths: Iterable[Path | str], dry_run: bool = False
                 ) -> ex.MergeSummary:
    """Read every form first (one bad form refuses all), then merge them in one transaction."""
    forms = read_forms(store, paths)
    total = ex.MergeSummary()
    me = profile(store)
    try:
        with store.transaction():
            for path, data in forms:
                desk = f"form-{data.ministry}-{me.desk_id[:8]}"
                info = {"desk_id": desk, "ministry": data.ministry, "role": merge.MEMBER,
                        "officer": f"{data.ministry} 실적 취합 양식", "public_key": ""}
                xs.remember_desk(store, info, "form")
                summary = ex.apply_records(store, _records_of(store, path, data, desk),
                                           {desk: info})
                ex._arrived(store, data.ministry, desk, "form", path.name, summary)
                total.add(summary)
            if dry_run:
                raise ex._DryRun
    except ex._DryRun:
        pass
    return total
