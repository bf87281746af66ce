"""Excel (.xlsx) export of tasks, checklists, budget and provisions; task import.

Export (openpyxl): one sheet each — 과업, 점검항목, 예산, 제도 — with Korean
headers, real dates, amounts as numbers formatted ``#,##0"억원"``, a frozen
header row and autofilters. Import reads one sheet's rows through the shared
column mapping of :mod:`.tabular` (the window lets the user change it).
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from ..domain import model as m
from ..messages import register
from ..store import Store
from .common import read_bytes
from .errors import InteropError
from .escaping import xml_text
from .preview import MAX_TASKS, ImportPreview
from .tabular import TASK_COLUMNS, parse_rows, task_rows

AMOUNT_FORMAT = '#,##0"억원"'
AMOUNT_FORMAT_FRACTION = '#,##0.0#"억원"'
DATE_FORMAT = "yyyy-mm-dd"
TASK_SHEET = "과업"
MAX_COLUMNS = 200
MAX_UNZIPPED_BYTES = 300 * 1024 * 1024  # 100,000 rows of 20 columns stay well below this
MAX_ZIP_ENTRIES = 10_000
MAX_SHEET_BYTES = 150 * 1024 * 1024  # our own 100,000-task sheet is about 75 MB
MAX_RATIO = 200  # spreadsheet XML compresses 10-30 to 1; far beyond is a bomb
_HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
_STAGE_KO = {"bill_proposed": "법안 발의", "in_committee": "상임위 심사", "passed": "국회 통과",
             "in_force": "시행"}
_BUDGET_KIND_KO = {"budget": "정부 예산", "public_investment": "공공 투자",
                   "private_investment": "민간 투자"}

register({
    "xlsx.not_xlsx": ("Excel .xlsx 파일이 아닙니다 ({detail})",
                      "not an Excel .xlsx file ({detail})"),
    "xlsx.unreadable": ("읽을 수 있는 Excel .xlsx 파일이 아닙니다 ({detail})",
                        "not a readable Excel .xlsx file ({detail})"),
    "xlsx.too_many_parts": ("통합 문서의 구성 요소가 {count}개입니다 (최대 {limit}개)",
                            "the workbook holds {count} parts (at most {limit})"),
    "xlsx.unpacks_to": ("통합 문서의 압축을 풀면 {size} MB입니다. 최대 {limit} MB까지 읽을 수 "
                        "있습니다",
                        "the workbook unpacks to {size} MB; at most {limit} MB can be read"),
    "xlsx.sheet_too_big": ("시트 {sheet}의 압축을 풀면 {size} MB입니다. 최대 {limit} MB(약 "
                           "{rows}행)까지 읽을 수 있습니다",
                           "sheet {sheet} unpacks to {size} MB; at most {limit} MB (about "
                           "{rows} rows) can be read"),
    "xlsx.zip_bomb": ("구성 요소 {part}의 압축 비율이 {ratio}:1이어서 압축 폭탄으로 보고 "
                      "거부했습니다",
                      "part {part} is compressed {ratio} to 1: refused as a zip bomb"),
    "xlsx.sheet_rows": ("시트의 행이 {limit}개를 넘습니다 ({sheet})",
                        "a sheet holds more than {limit} rows ({sheet})"),
    "xlsx.declared_rows": ("시트에 {count}행이 선언되어 있습니다. 작업은 최대 {limit}개까지 "
                           "가져올 수 있습니다",
                           "the sheet declares {count} rows; at most {limit} tasks can be "
                           "imported"),
    "xlsx.no_sheets": ("통합 문서에 시트가 없습니다", "the workbook has no sheets"),
    "xlsx.no_sheet": ("{name} 시트가 없습니다", "no sheet named {name}"),
    "xlsx.sheet_unreadable": ("{name} 시트를 읽을 수 없습니다 ({detail})",
                              "sheet {name} cannot be read ({detail})"),
    "xlsx.sheet_empty": ("{name} 시트가 비어 있습니다", "sheet {name} is empty"),
    "xlsx.a_sheet_unreadable": ("시트를 읽을 수 없습니다 ({detail})",
                                "the sheet cannot be read ({detail})"),
})


def _sheet(wb: Workbook, title: str, headers: list[str], rows: list[list[Any]],
           widths: list[int], amount_cols: tuple[int, ...] = ()) -> None:
    ws = wb.create_sheet(title)
    ws.append(headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    for row in rows:
        ws.append([xml_text(v) if isinstance(v, str) else v for v in row])
    for col in ws.iter_cols(min_row=2):
        for cell in col:
            if cell.data_type == "f":  # a name starting with "=": text, never a formula
                cell.data_type = "s"
            if isinstance(cell.value, date):
                cell.number_format = DATE_FORMAT
            elif cell.column - 1 in amount_cols and isinstance(cell.value, int | float):
                whole = float(cell.value).is_integer()
                cell.number_format = AMOUNT_FORMAT if whole else AMOUNT_FORMAT_FRACTION
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(ws.max_row, 1)}"


def build_workbook(store: Store, org_id: int | None = None) -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    tasks = task_rows(store, org_id)
    _sheet(wb, TASK_SHEET, [ko for _, ko, _ in TASK_COLUMNS],
           [[r[f] for f, _, _ in TASK_COLUMNS] for r in tasks],
           [8, 40, 30, 9, 18, 24, 16, 12, 12, 16, 16, 9, 10, 22, 12, 12, 16, 9, 9, 40, 24,
            10, 8, 9])

    orgs = {o.id: o for o in store.organisations()}
    cities = {c.id: c.name_ko for c in store.all(m.City)}
    all_tasks = {t.id: t for t in store.tasks()}
    wanted = {r["wbs"] for r in tasks}
    items = []
    for c in store.checklist():
        t = all_tasks.get(c.task_id)
        if t is None or t.wbs not in wanted:
            continue
        org = c.org_id or t.owner_org_id
        if org_id is not None and org != org_id:
            continue
        items.append([t.wbs, t.name_ko, c.text, orgs[org].name_ko if org in orgs else "",
                      c.due, "완료" if c.done else "미완료", c.done_by, c.done_at, c.notes])
    _sheet(wb, "점검항목", ["과업 WBS", "과업명", "점검 항목", "담당기관", "기한", "상태",
                          "완료자", "완료 일시", "비고"], items,
           [9, 36, 44, 18, 12, 9, 12, 20, 30])

    budget = []
    for b in store.all(m.BudgetLine, order_by="sort_order, id"):
        if org_id is not None and b.org_id != org_id:
            continue
        rate = b.executed / b.planned if b.planned else None
        owner = orgs[b.org_id].name_ko if b.org_id in orgs else ""
        budget.append([b.period, b.area, b.item, cities.get(b.city_id, ""),
                       f"{owner} (가정)" if owner and b.org_assumed else owner,
                       _BUDGET_KIND_KO.get(b.kind, b.kind), b.planned, b.executed, rate,
                       b.source])
    _sheet(wb, "예산", ["기간", "분야", "항목", "도시", "기관", "구분", "계획", "집행", "집행률",
                      "출처"], budget, [8, 16, 36, 16, 18, 12, 14, 14, 9, 30],
           amount_cols=(6, 7))
    ws = wb["예산"]
    for (cell,) in ws.iter_rows(min_row=2, min_col=9, max_col=9):
        cell.number_format = "0.0%"

    provisions = []
    for p in store.all(m.Provision, order_by="sort_order, id"):
        provisions.append([p.group_ko, p.name_ko, p.allows_ko, p.law_ko,
                           _STAGE_KO.get(p.stage.value, p.stage.value),
                           p.stage_date.label("ko") if p.stage_date else "",
                           p.target.label("ko") if p.target else "", p.source])
    _sheet(wb, "제도", ["분류", "특례", "허용 내용", "근거 법령", "단계", "단계 일자", "목표",
                      "출처"], provisions, [14, 30, 40, 24, 12, 14, 14, 30])
    return wb


def export_xlsx(store: Store, path: Path | str, org_id: int | None = None) -> int:
    """Write the workbook; returns the number of task rows."""
    wb = build_workbook(store, org_id)
    try:
        wb.save(str(path))
    except OSError as exc:
        raise InteropError("interop.cannot_write", detail=exc.strerror or str(exc),
                           source=str(path)) from None
    return wb[TASK_SHEET].max_row - 1


def _check_zip(path: Path) -> None:
    """Refuse a zip bomb from its directory, before anything is inflated.

    The sizes in the zip directory bound what reading can produce: ``zipfile``
    stops an entry at its declared size (and fails on a CRC mismatch).
    """
    try:
        with zipfile.ZipFile(path) as zf:
            entries = zf.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise InteropError("xlsx.not_xlsx", detail=str(exc), source=path.name) from None
    if len(entries) > MAX_ZIP_ENTRIES:
        raise InteropError("xlsx.too_many_parts", count=f"{len(entries):,}",
                           limit=f"{MAX_ZIP_ENTRIES:,}", source=path.name)
    total = sum(e.file_size for e in entries)
    if total > MAX_UNZIPPED_BYTES:
        raise InteropError("xlsx.unpacks_to", size=f"{total / 1e6:,.0f}",
                           limit=f"{MAX_UNZIPPED_BYTES / 1e6:.0f}", source=path.name)
    for e in entries:
        if e.filename.startswith("xl/worksheets/") and e.file_size > MAX_SHEET_BYTES:
            raise InteropError("xlsx.sheet_too_big", sheet=e.filename[:60],
                               size=f"{e.file_size / 1e6:,.0f}",
                               limit=f"{MAX_SHEET_BYTES / 1e6:.0f}", rows=f"{MAX_TASKS:,}",
                               source=path.name)
        if e.filename.startswith("xl/worksheets/") and e.file_size > 1_000_000:
            _count_rows(path, e)
        if e.file_size > 1_000_000 and e.file_size > MAX_RATIO * max(e.compress_size, 1):
            ratio = e.file_size // max(e.compress_size, 1)
            raise InteropError("xlsx.zip_bomb", part=e.filename[:60], ratio=f"{ratio:,}",
                               source=path.name)


def _count_rows(path: Path, entry: zipfile.ZipInfo) -> None:
    """Count ``<row`` tags at C speed, before openpyxl parses (it may read a sheet twice)."""
    rows, tail = 0, b""
    with zipfile.ZipFile(path) as zf, zf.open(entry) as fh:
        while block := fh.read(1 << 20):
            chunk = tail + block
            rows += chunk.count(b"<row ") + chunk.count(b"<row>")
            tail = chunk[-5:]
            rows -= tail.count(b"<row ") + tail.count(b"<row>")  # counted again next time
            if rows > MAX_TASKS + 1:
                raise InteropError("xlsx.sheet_rows", limit=f"{MAX_TASKS:,}",
                                   sheet=entry.filename, source=path.name)


def _open(path: Path):  # noqa: ANN202 - an openpyxl workbook
    read_bytes(path)  # size and readability check
    _check_zip(path)
    try:
        return load_workbook(str(path), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException) as exc:
        raise InteropError("xlsx.not_xlsx", detail=str(exc), source=path.name) from None
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many types on damaged files
        raise InteropError("xlsx.unreadable", detail=type(exc).__name__,
                           source=path.name) from None


def sheet_names(path: Path | str) -> list[str]:
    wb = _open(Path(path))
    try:
        return list(wb.sheetnames)
    finally:
        wb.close()


def parse_xlsx(path: Path | str, sheet: str | None = None,
               mapping: dict[str, int] | None = None) -> ImportPreview:
    """Read task rows from ``sheet`` (default: 과업, else the first sheet)."""
    path = Path(path)
    wb = _open(path)
    try:
        names = list(wb.sheetnames)
        if not names:
            raise InteropError("xlsx.no_sheets", source=path.name)
        name = sheet or (TASK_SHEET if TASK_SHEET in names else names[0])
        if name not in names:
            raise InteropError("xlsx.no_sheet", name=repr(name), source=path.name)
        try:
            rows = list(_rows(wb[name]))
        except InteropError:
            raise
        except Exception as exc:  # noqa: BLE001 - damaged sheet XML inside the zip
            raise InteropError("xlsx.sheet_unreadable", name=repr(name),
                               detail=type(exc).__name__, source=path.name) from None
    finally:
        wb.close()
    if not rows:
        raise InteropError("xlsx.sheet_empty", name=repr(name), source=path.name)
    headers = list(rows[0][1])
    return parse_rows(headers, rows[1:], "xlsx", path.name, f"{path.name} [{name}]", mapping)


def _rows(ws: Any) -> Iterator[tuple[int, list[Any]]]:
    declared = getattr(ws, "max_row", None)  # from <dimension>, before reading any row
    if isinstance(declared, int) and declared > MAX_TASKS + 1:
        raise InteropError("xlsx.declared_rows", count=f"{declared:,}",
                           limit=f"{MAX_TASKS:,}", source=ws.title)
    for number, row in enumerate(ws.iter_rows(values_only=True, max_col=MAX_COLUMNS), start=1):
        if number > MAX_TASKS + 1:
            raise InteropError("interop.more_rows", limit=MAX_TASKS, source=ws.title)
        yield number, list(row)


def sheet_headers(path: Path | str, sheet: str | None = None) -> list[str]:
    """The header row of ``sheet`` (default as in :func:`parse_xlsx`), for the mapping step."""
    path = Path(path)
    wb = _open(path)
    try:
        names = list(wb.sheetnames)
        name = sheet or (TASK_SHEET if TASK_SHEET in names else (names[0] if names else ""))
        if name not in names:
            raise InteropError("xlsx.no_sheet", name=repr(name), source=path.name)
        for _, row in _rows(wb[name]):
            return ["" if v is None else str(v) for v in row]
        return []
    except InteropError:
        raise
    except Exception as exc:  # noqa: BLE001 - damaged sheet XML inside the zip
        raise InteropError("xlsx.a_sheet_unreadable", detail=type(exc).__name__,
                           source=path.name) from None
    finally:
        wb.close()
