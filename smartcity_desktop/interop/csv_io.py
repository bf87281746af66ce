"""CSV export and import of tasks.

Export writes UTF-8 with a byte-order mark so Excel on a Korean Windows opens
it with the right characters. Import detects the encoding (BOM, UTF-8, then
CP949/EUC-KR through charset-normalizer) and the delimiter (comma, semicolon,
tab, bar), then maps the header row like the Excel importer.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import BinaryIO, TextIO

from charset_normalizer import from_bytes

from ..messages import msg, register
from ..store import Store
from .common import check_size
from .errors import InteropError
from .escaping import guard_cell, xml_text
from .preview import MAX_FILE_BYTES, MAX_TASKS, ImportPreview
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
_CHUNK = 1 << 20  # bytes decoded at a time when checking the encoding


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


def detect_encoding(open_bytes: Callable[[], BinaryIO], source: str) -> str:
    """The file's encoding — BOM first, then strict UTF-8, then Korean code pages — checked
    over the whole file a chunk at a time (the text is never held whole)."""
    with open_bytes() as fh:
        head = fh.read(200_000)
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"),
                     (b"\xfe\xff", "utf-16")):
        if head.startswith(bom):
            bad = _first_bad_byte(open_bytes, enc, source)
            if bad is not None:
                raise InteropError("csv.bad_bom", encoding=enc, offset=bad, source=source)
            return enc
    if b"\x00" in head[:4096]:
        raise InteropError("csv.binary", source=source)
    if _first_bad_byte(open_bytes, "utf-8", source) is None:
        return "utf-8"
    best = from_bytes(head, cp_isolation=["cp949", "euc_kr", "utf_8"]).best()
    if best is not None:
        enc = "cp949" if best.encoding in ("euc_kr", "cp949") else best.encoding
        if _first_bad_byte(open_bytes, enc, source) is None:
            return enc
    raise InteropError("csv.encoding", source=source)


def _first_bad_byte(open_bytes: Callable[[], BinaryIO], encoding: str,
                    source: str) -> int | None:
    """The offset of the first byte not valid in ``encoding``, or None."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    done = 0
    with open_bytes() as fh:
        while True:
            chunk = fh.read(_CHUNK)
            try:
                decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:  # exc.object: the decoder's held bytes + chunk
                return max(done + exc.start - len(exc.object) + len(chunk), 0)
            if not chunk:
                return None
            done += len(chunk)
            if done > MAX_FILE_BYTES:  # it grew since its size was checked
                raise InteropError("interop.larger_than", source=source,
                                   limit=f"{MAX_FILE_BYTES / 1e6:.0f}")


def parse_csv(path: Path | str, mapping: dict[str, int] | None = None) -> ImportPreview:
    """Read a CSV file row by row (never whole: its rows go straight to the import stage)."""
    path = Path(path)
    check_size(path)
    return _parse(_opener(path), path.name, mapping)


def parse_csv_bytes(data: bytes, source: str = "tasks.csv",
                    mapping: dict[str, int] | None = None) -> ImportPreview:
    return _parse(lambda: io.BytesIO(data), source, mapping)


def _opener(path: Path) -> Callable[[], BinaryIO]:
    def open_bytes() -> BinaryIO:
        try:
            return path.open("rb")
        except OSError as exc:
            raise InteropError("interop.cannot_read", source=path.name,
                               detail=exc.strerror or str(exc)) from None
    return open_bytes


def _parse(open_bytes: Callable[[], BinaryIO], source: str,
           mapping: dict[str, int] | None) -> ImportPreview:
    encoding = detect_encoding(open_bytes, source)
    delimiter = _delimiter(open_bytes, encoding)
    shown = msg("csv.tab").text() if delimiter == "\t" else delimiter
    info = [msg("csv.info", encoding=encoding, delimiter=shown).text()]
    rows = _Rows(open_bytes, encoding, delimiter, source)
    old = csv.field_size_limit()
    csv.field_size_limit(MAX_FIELD)
    try:
        with rows:
            header = next(rows.reader, None)
            if header is None:
                raise InteropError("csv.empty", source=source)
            return parse_rows(header, rows, "csv", source, source, mapping, info)
    except csv.Error as exc:
        raise InteropError("csv.unreadable", detail=str(exc), line=rows.line,
                           source=source) from None
    except UnicodeDecodeError:  # the file changed since its encoding was checked
        raise InteropError("csv.encoding", source=source) from None
    except OSError as exc:
        raise InteropError("interop.cannot_read", source=source,
                           detail=exc.strerror or str(exc)) from None
    finally:
        csv.field_size_limit(old)


def _text(open_bytes: Callable[[], BinaryIO], encoding: str) -> TextIO:
    return io.TextIOWrapper(open_bytes(), encoding=encoding, newline="")


def _delimiter(open_bytes: Callable[[], BinaryIO], encoding: str) -> str:
    with _text(open_bytes, encoding) as fh:
        sample = fh.read(20_000)
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        return ","


class _Rows:
    """The data rows as (line, cells), read from the file as they are used."""

    def __init__(self, open_bytes: Callable[[], BinaryIO], encoding: str, delimiter: str,
                 source: str) -> None:
        self.source = source
        self._fh = _text(open_bytes, encoding)
        self.reader = csv.reader(self._fh, delimiter=delimiter)

    def __enter__(self) -> _Rows:
        return self

    def __exit__(self, *exc: object) -> None:
        self._fh.close()

    @property
    def line(self) -> int:
        """The line the reader is at (where a CSV error was found)."""
        return self.reader.line_num

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        for i, row in enumerate(self.reader, start=1):
            if i > MAX_TASKS:
                raise InteropError("interop.more_rows", limit=MAX_TASKS, source=self.source)
            yield self.reader.line_num, row


def csv_headers(path: Path | str) -> list[str]:
    """The header row (after encoding and delimiter detection), for the mapping step."""
    path = Path(path)
    check_size(path)
    open_bytes = _opener(path)
    encoding = detect_encoding(open_bytes, path.name)
    delimiter = _delimiter(open_bytes, encoding)
    with _text(open_bytes, encoding) as fh:
        return next(csv.reader(fh, delimiter=delimiter), [])
