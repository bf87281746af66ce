"""``exchange``: update packages and return forms between desks (실적 취합).

``export --out FILE [--for CODE]``, ``import FILE... [--dry-run]`` (packages and
filled-in return forms), ``conflicts``, ``resolve ID --take mine|theirs|VALUE``,
``digest`` and ``form --ministry CODE --out F.xlsx``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..app import exchange as ex
from ..app.exchange_resolve import resolve
from ..messages import Refusal, set_language
from ..messages import register as register_messages
from ..store import exchange_store as xs
from .common import CliError, add_db_arg, add_lang_arg, find_ministry, lang_of, open_db

register_messages({
    "cli.exchange.none": ("보류 중인 충돌이나 제안이 없습니다", "no conflicts or proposals held"),
    "cli.exchange.held": ("#{id} [{kind}] {table} {uid} {field}: 내 값 {mine} / 상대 {theirs} "
                          "({ministry} {officer}, {at}; 기준 {base})",
                          "#{id} [{kind}] {table} {uid} {field}: mine {mine} / theirs {theirs} "
                          "({ministry} {officer}, {at}; base {base})"),
    "cli.exchange.form": ("{path}: {ministry} 실적 취합 양식 (과업 {tasks}건, 점검 항목 {items}건)",
                          "{path}: return form for {ministry} ({tasks} tasks, {items} "
                          "checklist items)"),
})


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("exchange", help="update packages and return forms between desks",
                       description="Exchange updates between ministry desks offline.")
    xsub = p.add_subparsers(dest="exchange_command", metavar="ACTION", required=True)
    s = xsub.add_parser("export", help="write an update package (.scx)")
    s.add_argument("--out", required=True, help="the package file to write")
    s.add_argument("--for", dest="for_code", metavar="CODE",
                   help="the recipient ministry (leaves out what it sent itself)")
    s.set_defaults(func=export_cmd)
    s = xsub.add_parser("import", help="merge update packages or filled-in return forms")
    s.add_argument("files", nargs="+", metavar="FILE", help=".scx packages or .xlsx forms")
    s.add_argument("--dry-run", action="store_true", help="show what would happen, change nothing")
    s.set_defaults(func=import_cmd)
    s = xsub.add_parser("conflicts", help="list held conflicts and proposals")
    s.set_defaults(func=conflicts_cmd)
    s = xsub.add_parser("resolve", help="decide one held conflict or proposal")
    s.add_argument("id", type=int)
    s.add_argument("--take", required=True, metavar="mine|theirs|VALUE")
    s.set_defaults(func=resolve_cmd)
    s = xsub.add_parser("digest", help="print a digest of the shared plan state")
    s.set_defaults(func=digest_cmd)
    s = xsub.add_parser("form", help="make one ministry's Excel return form")
    s.add_argument("--ministry", required=True, metavar="CODE")
    s.add_argument("--out", required=True, help="the .xlsx file to write")
    s.set_defaults(func=form_cmd)
    for action in xsub.choices.values():
        add_db_arg(action)
        add_lang_arg(action)




def _open(args: argparse.Namespace):
    set_language(lang_of(args))
    return open_db(args, must_exist=True)


def export_cmd(args: argparse.Namespace) -> int:
    store = _open(args)
    with store:
        try:
            code = find_ministry(store, args.for_code).code if args.for_code else None
            summary = ex.export_package(store, args.out, code)
        except (Refusal, OSError) as exc:
            raise CliError(str(exc)) from None
    print(summary.line())
    return 0


def import_cmd(args: argparse.Namespace) -> int:
    from ..app.return_forms import import_forms, read_forms
    from ..interop.return_form import is_form

    store = _open(args)
    with store:
        try:
            forms = [f for f in args.files if is_form(Path(f))]
            packages = [f for f in args.files if f not in forms]
            summary = ex.MergeSummary()
            if forms and packages:  # check everything before anything is merged
                read_forms(store, forms)
                ex.read_packages(store, packages)
            if packages:
                summary.add(ex.import_packages(store, packages, dry_run=args.dry_run))
            if forms:
                summary.add(import_forms(store, forms, dry_run=args.dry_run))
        except (Refusal, OSError) as exc:
            raise CliError(str(exc)) from None
    for desk in summary.new_desks:
        said = "exchange.desk.new_dry" if args.dry_run else "exchange.desk.new"
        print(Refusal(said, **desk).text(), file=sys.stderr)
    print(summary.line())
    return 0


def _short(text: str | None) -> str:
    if text is None:
        return "(삭제/deleted)"
    value = json.loads(text)
    shown = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    return shown if len(shown) <= 60 else shown[:57] + "..."


def conflicts_cmd(args: argparse.Namespace) -> int:
    store = _open(args)
    with store:
        items = xs.held(store, "open")
        labels = {}
        for item in items:
            row = xs.row_by_uid(store, item["table_name"], item["row_uid"])
            labels[item["id"]] = (row or {}).get("wbs") or item["row_uid"][:8]
    if not items:
        print(Refusal("cli.exchange.none").text())
    for item in items:
        print(Refusal("cli.exchange.held", id=item["id"], kind=item["kind"],
                      table=item["table_name"], uid=labels[item["id"]], field=item["field"],
                      mine=_short(item["mine"]), theirs=_short(item["theirs"]),
                      ministry=item["theirs_ministry"] or "-", officer=item["theirs_officer"],
                      at=item["theirs_at"], base=_short(item["base"])).text())
    return 0


def resolve_cmd(args: argparse.Namespace) -> int:
    from ..app.return_forms import parse_field_value

    store = _open(args)
    with store:
        try:
            take, value = args.take, None
            if take not in ("mine", "theirs"):
                item = xs.held_one(store, args.id)
                field = item["field"] if item else ""
                take, value = "value", parse_field_value(field, args.take)
            decision = resolve(store, args.id, take, value)
        except Refusal as exc:
            raise CliError(str(exc)) from None
    print(decision.line())
    return 0


def digest_cmd(args: argparse.Namespace) -> int:
    store = _open(args)
    with store:
        print(ex.digest(store))
    return 0


def form_cmd(args: argparse.Namespace) -> int:
    from ..app.return_forms import make_form

    store = _open(args)
    with store:
        try:
            org = find_ministry(store, args.ministry)
            made = make_form(store, org.code, Path(args.out))
        except (Refusal, OSError) as exc:
            raise CliError(str(exc)) from None
    print(Refusal("cli.exchange.form", path=args.out, ministry=org.code, tasks=made[0],
                  items=made[1]).text())
    return 0
