"""Conversion between domain dataclasses and SQLite rows.

One registry maps each dataclass to its table; field types decide the column
encoding (PlanDate as its code, dates as ISO text, enums as values, bools as
0/1, id lists as JSON). Nothing here touches a connection.
"""

from __future__ import annotations

import dataclasses
import json
import typing
from datetime import date
from enum import Enum
from functools import cache, lru_cache
from typing import Any, TypeVar

from ..domain import model as m
from ..domain.dates import PlanDate, parse_plan_date

T = TypeVar("T")

TABLES: dict[type, str] = {
    m.Organisation: "organisations",
    m.Contact: "contacts",
    m.City: "cities",
    m.Project: "projects",
    m.CalendarException: "calendar_exceptions",
    m.Task: "tasks",
    m.Dependency: "dependencies",
    m.MeetingSeries: "meeting_series",
    m.ChecklistItem: "checklist_items",
    m.Signoff: "signoffs",
    m.BudgetLine: "budget_lines",
    m.Provision: "provisions",
    m.ProvisionStageChange: "provision_stage_changes",
    m.StatusUpdate: "status_updates",
    m.Baseline: "baselines",
    m.BaselineTask: "baseline_tasks",
    m.Note: "notes",
}
CLASSES: dict[str, type] = {v: k for k, v in TABLES.items()}


def table_of(obj_or_cls: Any) -> str:
    cls = obj_or_cls if isinstance(obj_or_cls, type) else type(obj_or_cls)
    return TABLES[cls]


def _unwrap_optional(tp: Any) -> Any:
    args = typing.get_args(tp)
    if args and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        return rest[0] if len(rest) == 1 else tp
    return tp


@cache
def field_types(cls: type) -> dict[str, Any]:
    hints = typing.get_type_hints(cls, vars(m))
    return {f.name: _unwrap_optional(hints[f.name]) for f in dataclasses.fields(cls)}


_PLAIN = (int, str, float)


@cache
def field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def encode_value(value: Any) -> Any:
    if value is None or type(value) in _PLAIN:  # the common case first: this is a hot path
        return value
    if isinstance(value, PlanDate):
        return value.code()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return json.dumps(value)
    return value


def to_row(obj: Any) -> dict[str, Any]:
    """All columns of ``obj`` (id included when set)."""
    return row_encoder(type(obj))(obj)


def to_row_generic(obj: Any) -> dict[str, Any]:
    """:func:`to_row` field by field through :func:`encode_value` (what the encoders match)."""
    row = {name: encode_value(getattr(obj, name)) for name in field_names(type(obj))}
    if row.get("id") is None:
        row.pop("id", None)
    return row


def _encode_step(name: str, tp: Any, names: dict[str, Any]) -> str:
    """The expression encoding field ``name``: the declared type's case first, a value of
    another type (None included) through :func:`encode_value`, so results never differ."""
    get = f"(v := o.{name})"
    if tp in _PLAIN:
        names[f"T_{name}"] = tp
        return f"v if type({get}) is T_{name} or v is None else enc(v)"
    if tp is PlanDate:
        return f"v.code() if isinstance({get}, PlanDate) else enc(v)"
    if tp is bool:
        return f"1 if {get} is True else 0 if v is False else enc(v)"
    if tp is date:
        return f"v.isoformat() if type({get}) is date else enc(v)"
    if isinstance(tp, type) and issubclass(tp, Enum):
        names[f"E_{name}"] = tp
        return f"v.value if type({get}) is E_{name} else enc(v)"
    if typing.get_origin(tp) is list:
        return f"('[]' if not v else dumps(v)) if type({get}) is list else enc(v)"
    return f"enc(o.{name})"


@cache
def row_encoder(cls: type) -> Any:
    """A function doing :func:`to_row` for ``cls`` objects (made once per class).

    Generated source, like :func:`row_decoder`: one dict display with each field's
    encoding chosen by its declared type, so a row costs one call and no dispatch
    over every kind of value (a value of another type takes :func:`encode_value`).
    """
    names: dict[str, Any] = {"enc": encode_value, "plain": _PLAIN, "PlanDate": PlanDate,
                             "date": date, "dumps": json.dumps}
    types = field_types(cls)
    items = ", ".join(f"{name!r}: {_encode_step(name, tp, names)}" for name, tp in types.items())
    tail = "    if row['id'] is None:\n        del row['id']\n" if "id" in types else ""
    exec(f"def encode(o):\n    row = {{{items}}}\n{tail}    return row\n",  # noqa: S102
         names)  # source made from field names and types only
    return names["encode"]


def decode_value(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    if tp is PlanDate:
        return parse_plan_date(value)
    if tp is date:
        return date.fromisoformat(value)
    if tp is bool:
        return bool(value)
    if isinstance(tp, type) and issubclass(tp, Enum):
        return tp(value)
    if typing.get_origin(tp) is list:
        return json.loads(value) if isinstance(value, str) else list(value)
    if tp is float:
        return float(value)
    return value


@lru_cache(maxsize=65536)
def _stored_plan_date(code: str) -> PlanDate:
    return parse_plan_date(code)  # PlanDate is frozen, so equal codes may share one


@lru_cache(maxsize=65536)
def _stored_day(text: str) -> date:
    return date.fromisoformat(text)


@lru_cache(maxsize=4096)
def _stored_list(text: str) -> tuple[Any, ...]:
    return tuple(json.loads(text))


def _decode_list(value: Any) -> list[Any]:
    return list(_stored_list(value)) if isinstance(value, str) else list(value)


def _enum_decoder(tp: type[Enum]) -> Any:
    members = {member.value: member for member in tp}

    def decode(value: Any) -> Enum:
        found = members.get(value)
        return found if found is not None else tp(value)  # tp() names a bad value

    decode.members = members  # type: ignore[attr-defined]  # inlined by row decoders
    return decode


def _decoder(tp: Any) -> Any:
    """A one-argument function turning a stored value into ``tp`` (None stays None)."""
    if tp is PlanDate:
        return _stored_plan_date
    if tp is date:
        return _stored_day
    if tp is bool:
        return bool
    if isinstance(tp, type) and issubclass(tp, Enum):
        return _enum_decoder(tp)
    if typing.get_origin(tp) is list:
        return _decode_list
    if tp is float:
        return float
    return None  # stored as is


@cache
def decode_plan(cls: type) -> tuple[tuple[str, Any], ...]:
    """(field name, decoder or None) per field of ``cls``: built once per type."""
    return tuple((name, _decoder(tp)) for name, tp in field_types(cls).items())


def from_row(cls: type[T], row: dict[str, Any]) -> T:
    kwargs = {}
    for name, decode in decode_plan(cls):
        if name in row:
            value = row[name]
            kwargs[name] = value if decode is None or value is None else decode(value)
    return cls(**kwargs)


def row_decoder(cls: type[T], columns: list[str]) -> Any:
    """A function turning a result tuple (in ``columns`` order) into a ``cls``.

    Made once per class and column list (cached): the function is generated
    source with one dict display naming each field's tuple position and decoder,
    so a row costs one call, no loop over fields and no per-field type checks.
    When the columns cover every field, objects are filled directly (the
    dataclasses have no ``__post_init__``), skipping the generated ``__init__``.
    """
    return _row_decoder(cls, tuple(columns))


@cache
def _row_decoder(cls: type[T], columns: tuple[str, ...]) -> Any:
    plan = dict(decode_plan(cls))
    steps = [(i, name, plan[name]) for i, name in enumerate(columns) if name in plan]
    direct = {name for _, name, _ in steps} == set(plan) and not hasattr(cls, "__post_init__")
    names: dict[str, Any] = {"cls": cls, "new": object.__new__}
    items = []
    for i, name, decode in steps:
        if decode is None:
            items.append(f"{name!r}: v[{i}]")
        elif hasattr(decode, "members"):  # an enum: its member by value, else the refusal
            names[f"d{i}"], names[f"m{i}"] = decode, decode.members
            items.append(f"{name!r}: m{i}[v[{i}]] if v[{i}] in m{i} else "
                         f"None if v[{i}] is None else d{i}(v[{i}])")
        else:
            names[f"d{i}"] = decode
            items.append(f"{name!r}: None if v[{i}] is None else d{i}(v[{i}])")
    fields = "{" + ", ".join(items) + "}"
    body = (f"    o = new(cls)\n    o.__dict__.update({fields})\n    return o\n" if direct
            else f"    return cls(**{fields})\n")
    exec(f"def decode(v):\n{body}", names)  # noqa: S102 - source made from field names only
    return names["decode"]
