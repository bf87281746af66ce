"""Task fields declared once: label, kind, and where each appears.

A :class:`TaskField` names a :class:`~smartcity_desktop.domain.model.Task`
attribute, its Korean and English label, its kind (text, whole number, number,
yes/no, day) and where it shows: a task-table column, an editor in the task
dialog, a spreadsheet (XLSX/CSV) column, an MS Project text field
(``ExtendedAttribute`` TextN), a briefing column and a ``task set`` CLI name.

The table (``ui/task_model``), the dialog (``ui/field_editors``), the
spreadsheet reader and writer (``interop/tabular``), MSPDI (``interop/mspdi``
and ``mspdi_import``), the CLI (``app/cli_edits``) and the ministry briefing's
task list read :data:`EXTRA_FIELDS` and use the codecs here, so a new field of
one of these kinds needs only

1. a migration adding the column (``db/migrations/NNNN_*.sql``),
2. its attribute on ``Task`` (``domain/model.py``),
3. its declaration in :data:`EXTRA_FIELDS` (this file),
4. nothing else: ``tests/domain/test_task_fields.py`` and
   ``tests/ui/test_field_declarations.py`` walk every declared field through every
   place it is declared for.

The older fields with their own rules (WBS, names, kind, dates, duration, percent,
constraint, links) keep hand-written code in each consumer.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from ..messages import register
from .dates import DateParseError, parse_plan_date
from .model import MAX_NAME_CHARS, Task, ValidationError, clean_name

register({
    "field.number": ("{label}: 숫자가 아닙니다 ({value})", "{label}: not a number ({value})"),
    "field.whole": ("{label}: 정수가 아닙니다 ({value})", "{label}: not a whole number ({value})"),
    "field.range": ("{label}: {lo}에서 {hi} 사이여야 합니다 ({value})",
                    "{label}: must be from {lo} to {hi} ({value})"),
    "field.flag": ("{label}: 예/아니오로 쓰십시오 ({value})",
                   "{label}: write yes or no ({value})"),
    "field.day": ("{label}: 날짜(YYYY-MM-DD)가 아닙니다 ({value})",
                  "{label}: not a day (YYYY-MM-DD) ({value})"),
    "field.text_long": ("{label}: {limit}자를 넘습니다", "{label}: longer than {limit} characters"),
    "field.yes": ("예", "yes"),
})

_YES = frozenset({"예", "y", "yes", "true", "1", "o", "v", "✓", "x"})
_NO = frozenset({"", "아니오", "아니요", "n", "no", "false", "0", "-"})


class FieldKind(str, Enum):
    TEXT = "text"  # one line, control characters removed
    INTEGER = "integer"
    NUMBER = "number"
    FLAG = "flag"  # yes / no
    DAY = "day"  # an exact day


@dataclass(frozen=True)
class TaskField:
    """One task field and every place it appears (see the module docstring)."""

    attr: str  # the Task attribute (and the database column)
    ko: str
    en: str
    kind: FieldKind = FieldKind.TEXT
    limit: int = MAX_NAME_CHARS  # text: characters kept
    lo: float = 0  # numbers: the accepted range
    hi: float = 1_000_000
    table: bool = True  # a task-table column (hidden while empty for most rows)
    dialog: bool = True  # an editor in the task dialog
    sheet: bool = True  # an XLSX/CSV column, written and read back
    mspdi_text: int | None = None  # MS Project TextN that carries it (our alias marks it)
    cli: str | None = None  # ``task set NAME=VALUE``; defaults to attr
    report: bool = False  # a column of the ministry briefing's task list

    @property
    def cli_name(self) -> str:
        return self.cli or self.attr

    def label(self, lang: str = "ko") -> str:
        return self.ko if lang == "ko" else self.en

    def localised(self, lang: str) -> str:
        """The label in a refusal's language (messages render such values per language)."""
        return self.label(lang)

    @property
    def default(self) -> Any:
        return _TASK_DEFAULTS[self.attr]

    # -- text a person reads or types --------------------------------------------------------
    def display(self, value: Any, lang: str = "ko") -> str:
        """The value as the table, the briefing and a CLI line show it."""
        if value is None or value == "":
            return ""
        if self.kind is FieldKind.FLAG:
            return ("예" if lang == "ko" else "yes") if value else ""
        if self.kind is FieldKind.NUMBER:
            return f"{float(value):g}"
        if self.kind is FieldKind.DAY:
            return value.isoformat()
        return str(value)

    def parse(self, raw: Any) -> Any:
        """A typed or imported value as the field stores it; raises ValidationError."""
        if isinstance(raw, str):
            raw = raw.strip()
        if raw is None or raw == "":
            return self.default
        kind = self.kind
        if kind is FieldKind.TEXT:
            text = clean_name(str(raw))
            if len(text) > self.limit:
                raise ValidationError("field.text_long", label=self, limit=self.limit)
            return text
        if kind is FieldKind.FLAG:
            return self._flag(raw)
        if kind is FieldKind.DAY:
            return self._day(raw)
        return self._number(raw)

    def _flag(self, raw: Any) -> bool:
        if isinstance(raw, bool):
            return raw
        word = str(raw).strip().casefold()
        if word in _YES:
            return True
        if word in _NO:
            return False
        raise ValidationError("field.flag", label=self, value=str(raw)[:40])

    def _day(self, raw: Any) -> date:
        if isinstance(raw, datetime):
            return raw.date()
        if isinstance(raw, date):
            return raw
        try:
            planned = parse_plan_date(str(raw))
        except DateParseError:
            planned = None
        if planned is None or not planned.is_exact:
            raise ValidationError("field.day", label=self, value=str(raw)[:40])
        return planned.earliest()

    def _number(self, raw: Any) -> float | int:
        if isinstance(raw, bool):
            raise ValidationError("field.number", label=self, value=str(raw))
        try:
            x = float(raw)
        except (TypeError, ValueError):
            raise ValidationError("field.number", label=self, value=str(raw)[:40]) from None
        if x != x or not self.lo <= x <= self.hi:  # NaN fails every comparison
            raise ValidationError("field.range", label=self, lo=f"{self.lo:g}",
                                  hi=f"{self.hi:g}", value=str(raw)[:40])
        if self.kind is FieldKind.INTEGER:
            if not x.is_integer():
                raise ValidationError("field.whole", label=self, value=str(raw)[:40])
            return int(x)
        return x

    # -- files -------------------------------------------------------------------------------
    def cell(self, value: Any) -> Any:
        """The spreadsheet cell: numbers and days stay typed, yes/no is "예" or empty."""
        if self.kind is FieldKind.FLAG:
            return "예" if value else ""
        return value if value is not None else ""

    def file_text(self, value: Any) -> str:
        """The text an MS Project field carries ("" writes nothing)."""
        if self.kind is FieldKind.FLAG:
            return "1" if value else ""
        if self.kind is FieldKind.DAY:
            return value.isoformat() if value else ""
        if self.kind is FieldKind.NUMBER and value is not None:
            return repr(float(value))
        return "" if value is None else str(value)


_TASK_DEFAULTS = {f.name: (f.default if f.default is not dataclasses.MISSING else None)
                  for f in dataclasses.fields(Task)}

#: The declaration-driven task fields, in table and sheet order (see the module docstring).
EXTRA_FIELDS: tuple[TaskField, ...] = (
    TaskField("responsible", "담당자", "Officer in charge", limit=200, mspdi_text=8,
              report=True),
)
BY_CLI = {f.cli_name: f for f in EXTRA_FIELDS}


def table_fields() -> tuple[TaskField, ...]:
    return tuple(f for f in EXTRA_FIELDS if f.table)


def sheet_fields() -> tuple[TaskField, ...]:
    return tuple(f for f in EXTRA_FIELDS if f.sheet)


def dialog_fields() -> tuple[TaskField, ...]:
    return tuple(f for f in EXTRA_FIELDS if f.dialog)


def report_fields() -> tuple[TaskField, ...]:
    return tuple(f for f in EXTRA_FIELDS if f.report)


def mspdi_fields() -> tuple[TaskField, ...]:
    return tuple(f for f in EXTRA_FIELDS if f.mspdi_text is not None)


def _check_declarations() -> None:
    slots = [f.mspdi_text for f in EXTRA_FIELDS if f.mspdi_text is not None]
    if len(slots) != len(set(slots)):
        raise RuntimeError("two task fields share an MS Project text field")
    missing = [f.attr for f in EXTRA_FIELDS if f.attr not in _TASK_DEFAULTS]
    if missing:
        raise RuntimeError(f"declared task fields without a Task attribute: {missing}")


_check_declarations()
