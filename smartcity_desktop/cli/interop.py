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

from ..interop.apply import Target, apply_preview, apply_to_new_database
from ..interop.errors import InteropError
from ..interop.formats import EXPORT_FORMATS, IMPORT_FORMATS, export_to, parse_file
from .common import CliError, add_db_arg, add_lang_arg, find_ministry, lang_of, open_db


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="write the plan as MS Project XML, Excel, CSV, iCalendar "
                       "or a full JSON backup",
                       description="Export the plan (or one ministry's share) to a file.")
    p.add_argument("--format", "-f", choices=EXPORT_FORMATS, default=None,
                   help="file format (default: from the --out extension)")
    p.add_argument("--out", "-o", required=True, help="the file to write")
    p.add_argument("--ministry", help="only this ministry's tasks (code or name)")
    add_db_arg(p)
    add_lang_arg(p)
    p.set_defaults(func=export_cmd)

    p = sub.add_parser("import", help="read MS Project XML, Excel, CSV, iCalendar, GanttProject "
                       "or a backup",
                       description="Preview and import a file in one transaction "
                       "(all or nothing).")
    p.add_argument("file", help="the file to read (.xml .xlsx .csv .ics .json .mpp .gan)")
    p.add_argument("--format", "-f", choices=IMPORT_FORMATS, default=None,
                   help="file format (default: from the extension)")
    p.add_argument("--into", help="create this NEW database file holding the import "
                   "(required for a .json backup)")
    p.add_argument("--new-project", action="store_true",
                   help="add the import as a new project instead of under the current one")
    p.add_argument("--dry-run", action="store_true", help="show the preview, write nothing")
    add_db_arg(p)
    add_lang_arg(p)
    p.set_defaults(func=import_cmd)


def export_cmd(args: argparse.Namespace) -> int:
    out = Path(args.out)
    fmt = args.format
    if fmt is None:
        guess = {".xml": "mspdi", ".xlsx": "xlsx", ".csv": "csv", ".ics": "ics",
                 ".json": "json"}.get(out.suffix.lower())
        if guess is None:
            raise CliError(f"--format is needed: cannot tell it from '{out.name}'")
        fmt = guess
    if not out.parent.exists():
        raise CliError(f"{out.parent}: no such folder")
    store = open_db(args)
    with store:
        org_id = find_ministry(store, args.ministry).id if args.ministry else None
        try:
            n = export_to(store, fmt, out, org_id, lang_of(args))
        except InteropError as exc:
            raise CliError(str(exc)) from None
    ko = lang_of(args) == "ko"
    print(f"{out}: {fmt} 파일을 저장했습니다 ({n}건)" if ko else f"{out}: wrote {fmt} ({n} items)")
    return 0


def import_cmd(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.is_file():
        raise CliError(f"{path}: no such file")
    try:
        preview = parse_file(path, args.format)
    except InteropError as exc:
        raise CliError(str(exc)) from None
    for line in preview.summary_lines() + [f"  · {i}" for i in preview.info]:
        print(line)
    ko = lang_of(args) == "ko"
    if args.dry_run:
        print("미리보기만 했습니다 (저장 안 함)" if ko else "dry run: nothing was written")
        return 0
    try:
        if args.into:
            into = Path(args.into)
            if not into.parent.exists():
                raise CliError(f"{into.parent}: no such folder")
            result = apply_to_new_database(preview, into)
            print(f"{into}: 새 데이터베이스에 가져왔습니다" if ko else
                  f"{into}: imported into a new database")
            if preview.plan.backup is None:
                print(f"  {result.summary()}")
            return 0
        if preview.plan.backup is not None:
            raise CliError("a backup restores into a new database file: add --into NEW.db")
        store = open_db(args)
        with store:
            target = Target.NEW_PROJECT if args.new_project else Target.CURRENT
            result = apply_preview(store, preview, target)
    except InteropError as exc:
        raise CliError(str(exc)) from None
    print(("가져오기 완료: " if ko else "imported: ") + result.summary())
    return 0
