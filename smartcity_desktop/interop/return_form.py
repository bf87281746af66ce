"""Excel return forms (실적 취합 양식) for desks without the application (openpyxl).

One workbook per ministry: a sheet of its tasks and a sheet of its checklist items.
Every sheet is protected except the cells the ministry fills in (percent, actual
dates, RAG, narrative; done, notes). A very hidden sheet holds, for each data row,
the row uid, the values the form was made from (the merge base) and their ranks,
plus the plan id and ministry, sealed with an HMAC-SHA256 under a key only the
making desk holds. A form with a changed id column, hidden sheet or plan is refused.
This module reads and writes the file only; the merge is in ``app.return_forms``.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill, Protection
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation

from ..files import atomic_target
from ..messages import register
from .errors import MessageIdError

TASKS_SHEET, ITEMS_SHEET, IDS_SHEET = "과업", "점검 항목", "_ids"
TASK_HEAD = ["WBS", "과업명", "기한", "진척률(%)", "실제 시작", "실제 완료", "상태(RAG)",
             "추진 현황"]
ITEM_HEAD = ["WBS", "번호", "점검 항목", "기한", "완료(O)", "비고"]
TASK_FILL = {"percent_complete": 4, "actual_start": 5, "actual_finish": 6, "rag": 7,
             "narrative": 8}
ITEM_FILL = {"done": 5, "notes": 6}
RAG_LABELS = {"녹색": "green", "황색": "amber", "적색": "red", "green": "green",
              "amber": "amber", "red": "red", "g": "green", "a": "amber", "r": "red"}
RAG_KO = {"green": "녹색", "amber": "황색", "red": "적색"}
_FILL = PatternFill("solid", fgColor="FFF2CC")

register({
    "form.not_form": ("{name}: 실적 취합 양식이 아닙니다", "{name}: not a return form"),
    "form.sealed": ("{name}: 양식의 숨은 식별 정보가 바뀌었거나 이 부서가 만든 양식이 아닙니다",
                    "{name}: the form's hidden identity data was changed, or this desk did "
                    "not make it"),
    "form.id_column": ("{name}: {sheet} {row}행의 식별 열이 바뀌었습니다 ({got}, 원래 {want})",
                       "{name}: the id column of {sheet} row {row} was changed ({got}, was "
                       "{want})"),
    "form.value": ("{name}: {sheet} {row}행 {column}: {detail}",
                   "{name}: {sheet} row {row}, {column}: {detail}"),
})


class FormError(MessageIdError):
    """A refused return form: one line, nothing changed."""


@dataclass
class FormRow:
    sheet: str
    row: int
    table: str
    uid: str
    label: str  # the id column as written ("2.1.6" or "2.1.6#3")
    base: dict[str, Any]
    ranks: dict[str, str | None]
    values: dict[str, Any]


@dataclass
class FormData:
    plan_id: str
    ministry: str
    made_at: str
    rows: list[FormRow]


def _seal(key: bytes, meta: list[Any], rows: list[list[Any]]) -> str:
    payload = json.dumps([meta, rows], ensure_ascii=False, sort_keys=True, default=str)
    return hmac.new(key, payload.encode("utf-8"), hashlib.sha256).hexdigest()


def write_form(path: Path | str, key: bytes, plan_id: str, ministry: str, title: str,
               tasks: list[dict[str, Any]], items: list[dict[str, Any]]) -> None:
    """Write the form atomically. ``tasks``/``items``: dicts with ``uid``, ``base``, ``ranks``
    and their display columns (see TASK_HEAD / ITEM_HEAD)."""
    wb = Workbook()
    ws_t = wb.active
    ws_t.title = TASKS_SHEET
    ws_i = wb.create_sheet(ITEMS_SHEET)
    ids = wb.create_sheet(IDS_SHEET)
    mapping: list[list[Any]] = []
    for ws, head, rows, fill, table in ((ws_t, TASK_HEAD, tasks, TASK_FILL, "tasks"),
                                        (ws_i, ITEM_HEAD, items, ITEM_FILL, "checklist_items")):
        ws.append([title])
        ws["A1"].font = Font(bold=True, size=13)
        ws.append(head)
        for cell in ws[2]:
            cell.font = Font(bold=True)
        for data in rows:
            ws.append(data["cells"])
            r = ws.max_row
            for col in fill.values():
                cell = ws.cell(row=r, column=col)
                cell.protection = Protection(locked=False)
                cell.fill = _FILL
            mapping.append([ws.title, r, table, data["uid"], data["label"],
                            json.dumps(data["base"], ensure_ascii=False, sort_keys=True),
                            json.dumps(data["ranks"], sort_keys=True)])
        for letter, width in zip("ABCDEFGH", (10, 40, 14, 12, 14, 14, 12, 40)):
            ws.column_dimensions[letter].width = width
        ws.protection.sheet = True  # only the filled (unlocked) cells can be edited
    rag = DataValidation(type="list", formula1='"녹색,황색,적색"', allow_blank=True)
    ws_t.add_data_validation(rag)
    if tasks:
        rag.add(f"G3:G{ws_t.max_row}")
    meta = [plan_id, ministry, datetime.now().isoformat(timespec="seconds")]
    ids.append(["plan", meta[0]])
    ids.append(["ministry", meta[1]])
    ids.append(["made", meta[2]])
    ids.append(["seal", _seal(key, meta, mapping)])
    for row in mapping:
        ids.append(row)
    ids.sheet_state = "veryHidden"
    ids.protection.sheet = True
    with atomic_target(path, suffix=".xlsx") as tmp:
        wb.save(tmp)


def is_form(path: Path) -> bool:
    """Whether a file looks like a return form (an xlsx with the hidden id sheet)."""
    if path.suffix.lower() != ".xlsx" or not path.is_file():
        return False
    try:
        with zipfile.ZipFile(path) as zf:
            return "xl/workbook.xml" in zf.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


def read_form(path: Path | str, key: bytes) -> FormData:
    """Read a filled-in form, checking its seal and id columns; refuse anything else."""
    path = Path(path)
    name = path.name
    try:
        wb = load_workbook(path, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, OSError, KeyError, ValueError):
        raise FormError("form.not_form", name=name) from None
    if IDS_SHEET not in wb.sheetnames or TASKS_SHEET not in wb.sheetnames \
            or ITEMS_SHEET not in wb.sheetnames:
        raise FormError("form.not_form", name=name)
    cells = [list(r) for r in wb[IDS_SHEET].iter_rows(values_only=True)]
    if len(cells) < 4 or [c[0] for c in cells[:4]] != ["plan", "ministry", "made", "seal"]:
        raise FormError("form.not_form", name=name)
    meta = [str(cells[0][1] or ""), str(cells[1][1] or ""), str(cells[2][1] or "")]
    mapping = [[r[0], int(r[1]), r[2], r[3], r[4], r[5], r[6]] for r in cells[4:]
               if r and r[0] is not None]
    if not hmac.compare_digest(str(cells[3][1] or ""), _seal(key, meta, mapping)):
        raise FormError("form.sealed", name=name)
    rows = []
    for sheet, r, table, uid, label, base, ranks in mapping:
        ws = wb[sheet]
        got = _id_of(ws, r, table)
        if got != label:
            raise FormError("form.id_column", name=name, sheet=sheet, row=r, got=got,
                            want=label)
        fill = TASK_FILL if table == "tasks" else ITEM_FILL
        values = {f: ws.cell(row=r, column=c).value for f, c in fill.items()}
        rows.append(FormRow(sheet, r, table, uid, label, json.loads(base), json.loads(ranks),
                            values))
    return FormData(meta[0], meta[1], meta[2], rows)


def _id_of(ws: Any, r: int, table: str) -> str:
    wbs = ws.cell(row=r, column=1).value
    if table == "tasks":
        return str(wbs)
    return f"{wbs}#{ws.cell(row=r, column=2).value}"


def cell_day(value: Any) -> date | None | str:
    """A date cell as a date (None when empty); the text itself when it is not a date."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip().replace(".", "-").replace("/", "-"))
    except ValueError:
        return str(value)
