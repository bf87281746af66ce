"""Exchange commands: ``export --format F --out FILE`` and ``import FILE [--into NEW.db]``.

Export formats: mspdi (MS Project XML), xlsx, csv, ics, json (full backup).
Import reads any of them (plus .mpp when MPXJ is installed, and GanttProject .gan), prints the
preview (counts, problems), and lands it in one transaction: into the current
project (under a new summary task), as a new project (``--new-project``), or
into a new database file (``--into``). ``--dry-run`` stops after the preview.
Bad input ends in one line and exit status 2.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..files import PathRefusal, check_read_file, shown
from ..interop.apply import Target, apply_preview, apply_to_new_database
from ..interop.errors import InteropError
from ..interop.formats import EXPORT_FORMATS, EXTENSIONS, IMPORT_FORMATS, export_to, parse_file
from ..messages import msg
from ..messages import register as register_messages
from .common import (
    CliError,
    add_db_arg,
    add_lang_arg,
    find_ministry,
    lang_of,
    open_db,
    out_path,
    t,
)

register_messages({
    "export.which_format": ("--format이 필요합니다: '{name}'의 확장자로 형식을 알 수 없습니다 "
                            "(.xml .xlsx .csv .ics .json)",
                            "--format is needed: cannot tell it from '{name}' "
                            "(.xml .xlsx .csv .ics .json)"),
    "export.mismatch": ("--out '{name}'의 확장자가 --format {fmt}와 맞지 않습니다 ({suffix} "
                        "파일이어야 함)",
                        "--out '{name}' does not match --format {fmt} (it should end in "
                        "{suffix})"),
    "export.done": ("{path}: {fmt} 파일을 저장했습니다 ({count}건)",
                    "{path}: wrote {fmt} ({count} items)"),
    "import.dry_run": ("미리보기만 했습니다 (저장 안 함)", "dry run: nothing was written"),
    "import.into_done": ("{path}: 새 데이터베이스에 가져왔습니다",
                         "{path}: imported into a new database"),
    "import.into_exists": ("{path}: 이미 있는 파일입니다. 새 파일 이름을 지정하십시오",
                           "{path} already exists; choose a new file name"),
    "import.backup_needs_into": ("전체 백업(.json)은 새 데이터베이스 파일로 복원됩니다: "
                                 "--into NEW.db를 붙이십시오",
                                 "a backup restores into a new database file: add --into NEW.db"),
    "import.done": ("가져오기 완료: {summary}", "imported: {summary}"),
})
_EXPORT_SUFFIX = {"mspdi": ".xml", "xlsx": ".xlsx", "csv": ".csv", "ics": ".ics",
                  "json": ".json"}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help=t("계획을 MS Project XML, 엑셀, CSV, iCalendar 또는 전체 "
                                        "JSON 백업으로 저장",
                                        "write the plan as MS Project XML, Excel, CSV, "
                                        "iCalendar or a full JSON backup"),
                       description=t("계획(또는 한 기관의 몫)을 파일로 내보냅니다.",
                                     "Export the plan (or one ministry's share) to a file."))
    p.add_argument("--format", "-f", choices=EXPORT_FORMATS, default=None,
                   help=t("파일 형식 (기본: --out 확장자로 판단)",
                          "file format (default: from the --out extension)"))
    p.add_argument("--out", "-o", required=True, help=t("저장할 파일", "the file to write"))
    p.add_argument("--ministry", help=t("이 기관의 과업만 (약어 또는 이름)",
                                        "only this ministry's tasks (code or name)"))
    add_db_arg(p)
    add_lang_arg(p)
    p.set_defaults(func=export_cmd)

    p = sub.add_parser("import", help=t("MS Project XML, 엑셀, CSV, iCalendar, GanttProject 또는 "
                                        "백업 읽기", "read MS Project XML, Excel, CSV, iCalendar, "
                                        "GanttProject or a backup"),
                       description=t("파일을 미리 보고 한 번의 트랜잭션으로 가져옵니다 (전부 또는 "
                                     "전무).", "Preview and import a file in one transaction "
                                     "(all or nothing)."))
    p.add_argument("file", help=t("읽을 파일 (.xml .xlsx .csv .ics .json .mpp .gan)",
                                  "the file to read (.xml .xlsx .csv .ics .json .mpp .gan)"))
    p.add_argument("--format", "-f", choices=IMPORT_FORMATS, default=None,
                   help=t("파일 형식 (기본: 확장자로 판단)",
                          "file format (default: from the extension)"))
    p.add_argument("--into", help=t("가져온 내용을 담을 새 데이터베이스 파일 (.json 백업은 필수)",
                                    "create this NEW database file holding the import "
                                    "(required for a .json backup)"))
    p.add_argument("--new-project", action="store_true",
                   help=t("현재 사업 아래가 아니라 새 사업으로 추가",
                          "add the import as a new project instead of under the current one"))
    p.add_argument("--dry-run", action="store_true",
                   help=t("미리보기만 하고 저장하지 않음", "show the preview, write nothing"))
    add_db_arg(p)
    add_lang_arg(p)
    p.set_defaults(func=import_cmd)


def _export_format(out: Path, fmt: str | None) -> str:
    guess = EXTENSIONS.get(out.suffix.lower())
    if fmt is None:
        if guess is None or guess not in EXPORT_FORMATS:
            raise CliError("export.which_format", name=out.name[:60])
        return guess
    if guess is not None and guess != fmt:  # a known extension of another format
        raise CliError("export.mismatch", name=out.name[:60], fmt=fmt,
                       suffix=_EXPORT_SUFFIX[fmt])
    return fmt


def export_cmd(args: argparse.Namespace) -> int:
    out = out_path(args.out)
    fmt = _export_format(out, args.format)
    with open_db(args, readonly=True) as store:
        org_id = find_ministry(store, args.ministry).id if args.ministry else None
        try:
            n = export_to(store, fmt, out, org_id, lang_of(args))
        except (InteropError, PathRefusal) as exc:
            raise CliError(exc.message) from None
    print(msg("export.done", path=shown(out), fmt=fmt, count=n))
    return 0


def import_cmd(args: argparse.Namespace) -> int:
    try:
        path = check_read_file(args.file)
    except PathRefusal as exc:
        raise CliError(exc.message) from None
    into = out_path(args.into) if args.into is not None else None
    if into is not None and into.exists():
        raise CliError("import.into_exists", path=shown(into))
    try:
        preview = parse_file(path, args.format)
    except InteropError as exc:
        raise CliError(str(exc)) from None
    for line in preview.summary_lines() + [f"  · {i}" for i in preview.info]:
        print(line)
    if args.dry_run:
        print(msg("import.dry_run"))
        return 0
    try:
        if into is not None:
            result = apply_to_new_database(preview, into)
            print(msg("import.into_done", path=shown(into)))
            if preview.plan.backup is None:
                print(f"  {result.summary()}")
            return 0
        if preview.plan.backup is not None:
            raise CliError("import.backup_needs_into")
        with open_db(args) as store:
            target = Target.NEW_PROJECT if args.new_project else Target.CURRENT
            result = apply_preview(store, preview, target)
    except InteropError as exc:
        raise CliError(str(exc)) from None
    print(msg("import.done", summary=result.summary()))
    return 0
