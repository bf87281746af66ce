"""Generators of hostile import files, one function per attack (used by tests and benchmarks).

Each writes one file into ``folder`` and returns its path. Sizes are parameters so
the tests can use the sizes that broke the application before (100,000 CSV rows,
99,999 iCalendar events, 30,000 MS Project assignments) and the benchmark can
scale them.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

NS = "http://schemas.microsoft.com/project"


def csv_chain(folder: Path, rows: int = 30, days: int = 100_000) -> Path:
    """Chained tasks so long that the schedule runs past year 9999."""
    lines = ["WBS,과업명,기간(일),선행과업", "1,시작,1,"]
    lines += [f"{i},과업 {i},{days},{i - 1}" for i in range(2, rows + 2)]
    path = folder / f"chain-{days}.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def csv_rows(folder: Path, rows: int = 100_000, duplicate_last: bool = True) -> Path:
    """Many rows; with ``duplicate_last`` the last WBS repeats the first."""
    out = ["WBS,과업명,기간(일),시작일"]
    out += [f"T{i},과업 {i},3,2019-03-04" for i in range(1, rows + 1)]
    if duplicate_last:
        out[-1] = f"T{rows - 1},중복 과업,3,2019-03-04"  # the quadratic worst case
    path = folder / f"rows-{rows}{'-dup' if duplicate_last else ''}.csv"
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def csv_control_and_formula(folder: Path) -> Path:
    """Names with a control character and spreadsheet formulas."""
    names = ["=1+2", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tTAB", "\rCR",
             "보통\x01과업", "=HYPERLINK(\"http://x\")", "줄\n바꿈"]
    import csv
    path = folder / "hostile-names.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["WBS", "과업명", "기간(일)", "시작일"])
        for i, name in enumerate(names, start=1):
            w.writerow([str(i), name, "2", "2019-03-04"])
    return path


def csv_long_names(folder: Path, length: int = 3000, rows: int = 5) -> Path:
    lines = ["WBS,과업명,기간(일),시작일"]
    lines += [f"{i},{'가나다라마바사 ' * (length // 8)},2,2019-03-04" for i in range(1, rows + 1)]
    path = folder / f"long-{length}.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def csv_bad_dates(folder: Path) -> Path:
    lines = ["WBS,과업명,기간(일),시작일", "1,먼 과거,2,1850-01-01", "2,먼 미래,2,2999-12-31"]
    path = folder / "far-dates.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def ics_events(folder: Path, events: int = 99_999, duplicate_last: bool = True) -> Path:
    out = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//attack//KO"]
    for i in range(events):
        uid = f"ev-{i - 1}" if duplicate_last and i == events - 1 else f"ev-{i}"
        out += ["BEGIN:VEVENT", f"UID:{uid}", "DTSTAMP:20190101T000000Z",
                f"DTSTART;VALUE=DATE:2019{(i % 12) + 1:02d}{(i % 28) + 1:02d}",
                f"SUMMARY:행사 {i}", "END:VEVENT"]
    out.append("END:VCALENDAR")
    path = folder / f"events-{events}.ics"
    path.write_text("\r\n".join(out) + "\r\n", encoding="utf-8")
    return path


def _sheet_xml(rows: int, cols: int = 3) -> bytes:
    head = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxml'
            'formats.org/spreadsheetml/2006/main"><sheetData>')
    body = "".join(
        f'<row r="{r}">' + "".join(f'<c r="{chr(65 + c)}{r}" t="inlineStr"><is><t>x</t></is></c>'
                                  for c in range(cols)) + "</row>"
        for r in range(1, rows + 1))
    return (head + body + "</sheetData></worksheet>").encode()


def xlsx_bomb(folder: Path, rows: int = 3_000_000, name: str = "bomb.xlsx") -> Path:
    """A valid workbook whose one sheet inflates to gigabytes of rows."""
    from openpyxl import Workbook

    template = folder / "template.xlsx"
    wb = Workbook()
    wb.active.title = "과업"
    wb.save(template)
    path = folder / name
    with zipfile.ZipFile(template) as src, zipfile.ZipFile(path, "w",
                                                           zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            if item.filename == "xl/worksheets/sheet1.xml":
                with dst.open(item.filename, "w", force_zip64=True) as fh:
                    fh.write(_sheet_xml(1).replace(b"</sheetData></worksheet>", b""))
                    block = b"".join(
                        f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>x</t></is></c></row>'
                        .encode() for r in range(2, 1002))
                    for _ in range(rows // 1000):
                        fh.write(block)  # row numbers repeat: only size matters here
                    fh.write(b"</sheetData></worksheet>")
            else:
                dst.writestr(item, src.read(item.filename))
    template.unlink()
    return path


def _mspdi(tasks: str, extra: str = "") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<Project xmlns="{NS}"><Name>attack</Name>'
            f"<StartDate>2019-01-02T08:00:00</StartDate><Tasks>{tasks}</Tasks>{extra}</Project>")


def _task(uid: int) -> str:
    return (f"<Task><UID>{uid}</UID><ID>{uid}</ID><Name>과업 {uid}</Name><OutlineLevel>1"
            f"</OutlineLevel><Start>2019-01-02T08:00:00</Start><Duration>PT16H0M0S</Duration>"
            f"</Task>")


def mspdi_assignments(folder: Path, assignments: int = 30_000) -> Path:
    """Every assignment names its own resource: a flood of organisations."""
    resources = "".join(f"<Resource><UID>{i}</UID><Name>기관 {i}</Name></Resource>"
                        for i in range(1, assignments + 1))
    assigned = "".join(f"<Assignment><UID>{i}</UID><TaskUID>1</TaskUID><ResourceUID>{i}"
                       f"</ResourceUID></Assignment>" for i in range(1, assignments + 1))
    text = _mspdi(_task(1), f"<Resources>{resources}</Resources>"
                            f"<Assignments>{assigned}</Assignments>")
    path = folder / f"assignments-{assignments}.xml"
    path.write_text(text, encoding="utf-8")
    return path


def xml_deep(folder: Path, depth: int = 2_000_000) -> Path:
    """A deeply nested document (tens of megabytes of ``<a>``)."""
    path = folder / f"deep-{depth}.xml"
    with path.open("w", encoding="utf-8") as fh:
        fh.write(f'<?xml version="1.0"?>\n<Project xmlns="{NS}"><Tasks>')
        fh.write("<a>" * depth)
        fh.write("</a>" * depth)
        fh.write("</Tasks></Project>")
    return path


def xml_wide(folder: Path, megabytes: int = 95) -> Path:
    """Many tiny elements: a large file whose tree would take many times its size."""
    path = folder / f"wide-{megabytes}mb.xml"
    chunk = "<x/>" * 250_000  # 1 MB
    with path.open("w", encoding="utf-8") as fh:
        fh.write(f'<?xml version="1.0"?>\n<Project xmlns="{NS}"><Tasks>{_task(1)}</Tasks>'
                 "<Extra>")
        for _ in range(megabytes):
            fh.write(chunk)
        fh.write("</Extra></Project>")
    return path


def json_backup(folder: Path, value: str, column: str = "duration_days") -> Path:
    """A real backup with one task column replaced by ``value`` (raw JSON text)."""
    import json

    from smartcity_desktop.interop.backup_json import backup_dict
    from smartcity_desktop.store import open_store

    db = folder / "src.db"
    if not db.exists():
        open_store(db, keep_backups=0).close()
    with open_store(db, readonly=True) as store:
        doc = backup_dict(store)
    doc["tables"]["tasks"][5][column] = "__VALUE__"
    text = json.dumps(doc, ensure_ascii=False).replace('"__VALUE__"', value)
    path = folder / f"backup-{column}-{abs(hash(value)) % 10_000}.json"
    path.write_text(text, encoding="utf-8")
    return path
