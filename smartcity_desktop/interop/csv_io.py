"""CSV export and import of tasks.

Export writes UTF-8 with a byte-order mark so Excel on a Korean Windows opens
it with the right characters. Import detects the encoding (BOM, UTF-8, then
CP949/EUC-KR through charset-normalizer) and the delimiter (comma, semicolon,
tab, bar), then maps the header row like the Excel importer.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from charset_normalizer import from_bytes

from ..messages import msg, register
from ..store import Store
from .common import read_bytes
from .errors import InteropError
from .escaping import guard_cell, xml_text
from .preview import MAX_TASKS, ImportPreview
from .tabular import TASK_COLUMNS, parse_rows, task_rows

register({
    "csv.write_failed": ("파일을 쓸 수 없습니다 ({detail})", "cannot write the file ({detail})"),
    "csv.bad_bom": ("파일은 {encoding}이라고 표시하지만 {offset}번째 바이트가 올바르지 않습니다",
                    "the file claims {encoding} but byte {offset} is not valid"),
    "csv.binary": ("CSV 텍스트가 아니라 이진 파일로 보입니다",
                   "this looks like a binary file, not CSV text"),
    "csv.encoding": ("문자 인코딩을 알 수 없습니다; 파일을 UTF-8 또는 CP949로 저장하십시오",
                     "cannot tell the text encoding; save the file as UTF-8 or CP949"),
    "csv.empty": ("파일이 비어 있습니다", "the file is empty"),
    "csv.unreadable": ("CSV로 읽을 수 없습니다 ({detail})", "not readable as CSV ({detail})"),
    "csv.info": ("인코딩 {encoding}, 구분자 '{delimiter}'",
                 "encoding {encoding}, delimiter '{delimiter}'"),
    "csv.tab": ("탭", "tab"),
})
DELIMITERS = ",;\t|"
MAX_FIELD = 1_000_000


def export_csv(store: Store, path: Path | str, org_id: int | None = None) -> int:
    rows = task_rows(store, org_id)
    try:
        with Path(path).open("w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh)
            w.writerow([ko for _, ko, _ in TASK_COLUMNS])
            for r in rows:
                w.writerow([_cell(r[f]) for f, _, _ in TASK_COLUMNS])
    except OSError as exc:
        raise InteropError("csv.write_failed", detail=exc.strerror or str(exc),
                           source=str(path)) from None
    return len(rows)


def _cell(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, str):
        return guard_cell(xml_text(v))  # text only: typed dates and numbers stay as they are
    return str(v)


def decode(data: bytes, source: str) -> tuple[str, str]:
    """(text, encoding name) — BOM first, then strict UTF-8, then Korean code pages."""
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"),
                     (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise InteropError("csv.bad_bom", encoding=enc, offset=exc.start,
                                   source=source) from None
    if b"\x00" in data[:4096]:
        raise InteropError("csv.binary", source=source)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000], cp_isolation=["cp949", "euc_kr", "utf_8"]).best()
    if best is not None:
        enc = "cp949" if best.encoding in ("euc_kr", "cp949") else best.encoding
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            pass
    raise InteropError("csv.encoding", source=source)


def parse_csv(path: Path | str, mapping: dict[str, int] | None = None) -> ImportPreview:
    path = Path(path)
    return parse_csv_bytes(read_bytes(path), path.name, mapping)


def parse_csv_bytes(data: bytes, source: str = "tasks.csv",
                    mapping: dict[str, int] | None = None) -> ImportPreview:
    text, encoding = decode(data, source)
    sample = text[:20_000]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=DELIMITERS)
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    shown = msg("csv.tab").text() if delimiter == "\t" else delimiter
    info = [msg("csv.info", encoding=encoding, delimiter=shown).text()]
    rows = _Rows(text, delimiter, source)
    old = csv.field_size_limit()
    csv.field_size_limit(MAX_FIELD)
    try:
        header = next(iter(rows.reader()), None)
        if header is None:
            raise InteropError("csv.empty", source=source)
        return parse_rows(header, rows, "csv", source, source, mapping, info)
    except csv.Error as exc:
        raise InteropError("csv.unreadable", detail=str(exc), line=rows.line,
                           source=source) from None
    finally:
        csv.field_size_limit(old)


class _Rows:
    """The data rows as (line, cells), read afresh from the text on every ``iter``: the
    file is never held as a list of rows (parse_rows reads them twice)."""

    def __init__(self, text: str, delimiter: str, source: str) -> None:
        self.text, self.delimiter, self.source = text, delimiter, source
        self._reader: Any = None

    @property
    def line(self) -> int:
        """The line the newest reader is at (where a CSV error was found)."""
        return self._reader.line_num if self._reader is not None else 0

    def reader(self) -> Any:
        self._reader = csv.reader(io.StringIO(self.text, newline=""), delimiter=self.delimiter)
        return self._reader

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        reader = self.reader()
        for i, row in enumerate(reader):
            if i == 0:
                continue  # the header
            if i > MAX_TASKS:
                raise InteropError("tabular.too_many_rows", limit=MAX_TASKS, source=self.source)
            yield reader.line_num, row


def csv_headers(path: Path | str) -> list[str]:
    """The header row (after encoding and delimiter detection), for the mapping step."""
    path = Path(path)
    text, _ = decode(read_bytes(path), path.name)
    first = text.splitlines()[0] if text.strip() else ""
    try:
        delimiter = csv.Sniffer().sniff(text[:20_000], delimiters=DELIMITERS).delimiter
    except csv.Error:
        delimiter = ","
    return next(csv.reader([first], delimiter=delimiter), [])
