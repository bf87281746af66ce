"""Which importer or exporter handles a file: by format name or file extension.

:func:`parse_file` returns an :class:`ImportPreview` (nothing written);
:func:`export_to` writes one format. Both raise only :class:`InteropError` for
bad input, so the CLI and the window can show one line.
"""

from __future__ import annotations

from pathlib import Path

from ..files import atomic_target
from ..messages import register
from ..store import Store
from .errors import InteropError
from .preview import ImportPreview

EXPORT_FORMATS = ("mspdi", "xlsx", "csv", "ics", "json")
IMPORT_FORMATS = ("mspdi", "xlsx", "csv", "ics", "json", "mpp", "gan")
EXTENSIONS = {".xml": "mspdi", ".xlsx": "xlsx", ".csv": "csv", ".txt": "csv", ".ics": "ics",
              ".json": "json", ".mpp": "mpp", ".gan": "gan"}
SUFFIX = {"mspdi": ".xml", "xlsx": ".xlsx", "csv": ".csv", "ics": ".ics", "json": ".json",
          "mpp": ".mpp", "gan": ".gan"}

register({
    "formats.unknown": ("알 수 없는 형식 '{fmt}'입니다. 다음 중 하나를 쓰십시오: {formats}",
                        "unknown format '{fmt}'; use one of {formats}"),
    "formats.unknown_extension": ("확장자로 '{name}'의 형식을 알 수 없습니다. .xml, .xlsx, .csv, "
                                  ".ics, .json, .mpp 또는 .gan을 쓰십시오",
                                  "cannot tell the format of '{name}' from its extension; use "
                                  ".xml, .xlsx, .csv, .ics, .json, .mpp or .gan"),
    "formats.backup_ministry": ("전체 백업은 데이터베이스 전체를 담으므로 --ministry를 적용할 수 "
                                "없습니다",
                                "a full backup holds the whole database; --ministry does not "
                                "apply to it"),
    "formats.unknown_export": ("알 수 없는 내보내기 형식 '{fmt}'입니다. 다음 중 하나를 "
                               "쓰십시오: {formats}",
                               "unknown export format '{fmt}'; use one of {formats}"),
})


def format_of(path: Path | str, fmt: str | None = None) -> str:
    if fmt:
        if fmt not in IMPORT_FORMATS:
            raise InteropError("formats.unknown", fmt=fmt, formats=", ".join(IMPORT_FORMATS))
        return fmt
    ext = Path(path).suffix.lower()
    if ext not in EXTENSIONS:
        raise InteropError("formats.unknown_extension", name=Path(path).name)
    return EXTENSIONS[ext]


def parse_file(path: Path | str, fmt: str | None = None) -> ImportPreview:
    """Parse any supported file into a preview; nothing is written anywhere."""
    fmt = format_of(path, fmt)
    if fmt == "mspdi":
        from .mspdi_import import parse_mspdi

        return parse_mspdi(path)
    if fmt == "xlsx":
        from .xlsx import parse_xlsx

        return parse_xlsx(path)
    if fmt == "csv":
        from .csv_io import parse_csv

        return parse_csv(path)
    if fmt == "ics":
        from .ics import parse_ics

        return parse_ics(path)
    if fmt == "json":
        from .backup_json import parse_backup

        return parse_backup(path)
    if fmt == "gan":
        from .gan import parse_gan

        return parse_gan(path)
    from .mpp import parse_mpp

    return parse_mpp(path)


def export_to(store: Store, fmt: str, path: Path | str, org_id: int | None = None,
              lang: str = "ko") -> int:
    """Write ``fmt`` to ``path`` (whole or not at all); returns the number of items written."""
    with atomic_target(path, suffix=f".{fmt}.part") as tmp:
        return _export(store, fmt, tmp, org_id, lang)


def _export(store: Store, fmt: str, path: Path, org_id: int | None, lang: str) -> int:
    if fmt == "mspdi":
        from .mspdi import export_mspdi

        return export_mspdi(store, path, org_id)
    if fmt == "xlsx":
        from .xlsx import export_xlsx

        return export_xlsx(store, path, org_id)
    if fmt == "csv":
        from .csv_io import export_csv

        return export_csv(store, path, org_id)
    if fmt == "ics":
        from .ics import export_ics

        return export_ics(store, path, org_id, lang)
    if fmt == "json":
        if org_id is not None:
            raise InteropError("formats.backup_ministry")
        from .backup_json import export_backup

        return export_backup(store, path)
    raise InteropError("formats.unknown_export", fmt=fmt, formats=", ".join(EXPORT_FORMATS))
