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

from ..files import shown
from ..messages import msg
from ..messages import register as register_messages
from .common import CliError, add_db_arg, add_lang_arg, as_of_date, lang_of, open_db, out_path, t

register_messages({
    "report.not_number": ("'{text}'은(는) 정수가 아닙니다", "'{text}' is not a whole number"),
    "report.out_of_range": ("{value}은(는) 범위(1-50)를 벗어났습니다",
                            "{value} is out of range (1-50)"),
    "report.cannot_write": ("{path}: {reason}", "{path}: {reason}"),
    "report.bad_suffix": ("--out '{name}': {fmt} 보고서는 .{fmt} 파일로 저장합니다",
                          "--out '{name}': a {fmt} briefing must end in .{fmt}"),
})


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(str(msg("report.not_number", text=text))) from None
    if not 1 <= value <= 50:
        raise argparse.ArgumentTypeError(str(msg("report.out_of_range", value=value)))
    return value


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "report", help=t("보고서(PDF 또는 DOCX) 생성", "write a status briefing, PDF or DOCX"),
        description=t("추진현황 보고서를 PDF 또는 편집 가능한 DOCX로 만듭니다 (기본 한국어, "
                      "--lang en이면 영어). 종류는 reports/*.json에 정의됩니다: "
                      "programme(사업 전체), ministry(한 기관; --ministry 필요), "
                      "milestones(이정표 점검 1쪽).",
                      "Write a status briefing (Korean by default, --lang en for English) as "
                      "PDF or editable DOCX. Kinds are defined in reports/*.json: "
                      "programme (whole plan), ministry (one ministry; needs --ministry), "
                      "milestones (one-page milestone check)."),
    )
    p.add_argument("--kind", default="programme",
                   help=t("보고서 종류: programme, ministry, milestones (기본 programme)",
                          "report kind: programme, ministry, milestones (default programme)"))
    p.add_argument("--ministry", help=t("기관 약어 또는 이름 (예: MOLIT, 국토교통부)",
                                        "ministry code or name, e.g. MOLIT or 국토교통부"))
    p.add_argument("--as-of", dest="as_of", help=t("기준일 YYYY-MM-DD (기본: 사업의 기준일, "
                                                   "없으면 오늘)",
                                                   "status date YYYY-MM-DD (default: the "
                                                   "project's status date, else today)"))
    p.add_argument("--baseline", help=t("지연 이정표 비교용 기준선 이름 (기본: 최신)",
                                        "baseline name for slipped milestones (default: latest)"))
    p.add_argument("--out", help=t("저장할 파일 (기본 ./briefing-<종류>-<날짜>.pdf)",
                                   "output file (default ./briefing-<kind>-<date>.pdf)"))
    p.add_argument("--pages-wide", dest="pages_wide", type=_positive,
                   help=t("간트 차트를 N쪽 너비에 맞춤", "fit the Gantt chart to N pages wide"))
    p.add_argument("--format", dest="fmt", choices=["pdf", "docx"], default="pdf",
                   help=t("pdf(기본) 또는 docx(워드·한글에서 편집)",
                          "pdf (default) or docx (editable in Word or 한글)"))
    p.add_argument("--detail", action="store_true",
                   help=t("상세 간트(분할), 지연 이정표, 연락처와 부록을 더함",
                          "add the detailed tiled Gantt, slipped milestones, contacts and annex"))
    redact = p.add_mutually_exclusive_group()
    redact.add_argument("--redact", dest="redact", action="store_true", default=None,
                        help=t("개인 이름과 전화번호를 빼고 인쇄",
                               "leave personal names and phone numbers out"))
    redact.add_argument("--no-redact", dest="redact", action="store_false",
                        help=t("이름과 전화번호 포함 (설정보다 우선)",
                               "include names and phone numbers (overrides the setting)"))
    add_db_arg(p)
    add_lang_arg(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..messages import set_language
    from ..reporting.builder import ReportError, default_filename, generate_report
    from ..reporting.definitions import DefinitionError, load_definitions

    lang = lang_of(args)
    set_language(lang)
    try:
        kinds = load_definitions()
    except DefinitionError as exc:
        raise CliError(str(exc)) from None
    if args.kind not in kinds:
        raise CliError("report.unknown_kind", kind=args.kind[:40], known=", ".join(kinds))
    if args.out is not None:
        out = out_path(args.out)
        if out.suffix.lower() != f".{args.fmt}":
            raise CliError("report.bad_suffix", name=out.name[:60], fmt=args.fmt)
    if args.as_of is not None:
        as_of_date(args.as_of)  # a bad date is refused before the database is opened
    store = open_db(args, readonly=True)
    try:
        as_of = as_of_date(args.as_of, store.project().status_date)
        if args.out is None:
            out = out_path(str(Path.cwd() / default_filename(args.kind, as_of, args.fmt, lang)))
        try:
            path = generate_report(store, args.kind, ministry_code=args.ministry, as_of=as_of,
                                   baseline=args.baseline, out_path=out,
                                   fit_pages_wide=args.pages_wide, redact=args.redact,
                                   lang=lang, fmt=args.fmt, detail=args.detail)
        except ReportError as exc:
            raise CliError(exc.text(lang)) from None
        except OSError as exc:
            raise CliError("report.cannot_write", path=shown(out),
                           reason=exc.strerror or exc) from None
    finally:
        store.close()
    print(path, file=sys.stdout)
    return 0
