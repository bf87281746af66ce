"""``python main.py report``: write a status briefing (PDF or editable DOCX) headlessly.

Report kinds are the files in ``reports/``; ``--lang en`` writes the English
briefing, ``--format docx`` the editable Word file, ``--detail`` adds the tiled
Gantt and the detail-only sections. A bad option (unknown kind, ministry or
baseline, a status date far outside the plan, unwritable path) ends in one line
on stderr and exit status 2, and never leaves a half-written file behind.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .common import CliError, add_db_arg, add_lang_arg, as_of_date, lang_of, open_db


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if not 1 <= value <= 50:
        raise argparse.ArgumentTypeError(f"{value} is out of range (1-50)")
    return value


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "report", help="write a status briefing, PDF or DOCX (보고서 생성)",
        description="Write a status briefing (Korean by default, --lang en for English) as "
                    "PDF or editable DOCX. Kinds are defined in reports/*.json: "
                    "programme (whole plan), ministry (one ministry; needs --ministry), "
                    "milestones (one-page milestone check).",
    )
    p.add_argument("--kind", default="programme",
                   help="report kind: programme, ministry, milestones (default programme)")
    p.add_argument("--ministry", help="ministry code or name, e.g. MOLIT or 국토교통부")
    p.add_argument("--as-of", dest="as_of", help="status date YYYY-MM-DD "
                   "(default: the project's status date, else today)")
    p.add_argument("--baseline", help="baseline name for slipped milestones (default: latest)")
    p.add_argument("--out", help="output file (default ./briefing-<kind>-<date>.pdf)")
    p.add_argument("--pages-wide", dest="pages_wide", type=_positive,
                   help="fit the Gantt chart to N pages wide")
    p.add_argument("--format", dest="fmt", choices=["pdf", "docx"], default="pdf",
                   help="pdf (default) or docx (editable in Word or 한글)")
    p.add_argument("--detail", action="store_true",
                   help="add the detailed tiled Gantt, slipped milestones, contacts and annex")
    add_lang_arg(p)
    redact = p.add_mutually_exclusive_group()
    redact.add_argument("--redact", dest="redact", action="store_true", default=None,
                        help="leave personal names and phone numbers out")
    redact.add_argument("--no-redact", dest="redact", action="store_false",
                        help="include names and phone numbers (overrides the setting)")
    add_db_arg(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..messages import Message, set_language
    from ..reporting.builder import ReportError, default_filename, generate_report
    from ..reporting.definitions import DefinitionError, load_definitions

    lang = lang_of(args)
    set_language(lang)
    try:
        kinds = load_definitions()
    except DefinitionError as exc:
        raise CliError(str(exc)) from None
    if args.kind not in kinds:
        raise CliError(Message("report.unknown_kind", {"kind": args.kind,
                                                       "known": ", ".join(kinds)}).text(lang))
    store = open_db(args)
    try:
        as_of = as_of_date(args.as_of, store.project().status_date)
        out = Path(args.out) if args.out else Path.cwd() / default_filename(
            args.kind, as_of, args.fmt, lang)
        try:
            path = generate_report(store, args.kind, ministry_code=args.ministry, as_of=as_of,
                                   baseline=args.baseline, out_path=out,
                                   fit_pages_wide=args.pages_wide, redact=args.redact,
                                   lang=lang, fmt=args.fmt, detail=args.detail)
        except ReportError as exc:
            raise CliError(exc.text(lang)) from None
        except OSError as exc:
            raise CliError(f"{out}: {exc.strerror or exc}") from None
    finally:
        store.close()
    print(path, file=sys.stdout)
    return 0
