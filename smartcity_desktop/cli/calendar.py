"""``calendar``: the project's working calendar, and the Korean one on request.

``python main.py calendar --db DB`` prints the working week, hours, whether
Korean public holidays apply and the project's own exception days (an imported
plan keeps the calendar it came with). ``--korean`` puts the project on the
Korean calendar (Monday-Friday, 09:00-18:00, Korean holidays), keeping its own
exception days.
"""

from __future__ import annotations

import argparse

from ..store.planning import use_korean_calendar
from .common import add_db_arg, add_lang_arg, lang_of, open_db

_DAYS = {"ko": "월화수목금토일", "en": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("calendar", help="show the working calendar; --korean applies the "
                       "Korean one", description=__doc__.split("\n\n")[1])
    add_db_arg(p)
    add_lang_arg(p)
    p.add_argument("--korean", action="store_true",
                   help="put the project on the Korean calendar (keeps its exception days)")
    p.set_defaults(func=calendar_cmd)


def calendar_cmd(args: argparse.Namespace) -> int:
    lang = lang_of(args)
    store = open_db(args)
    with store:
        project = use_korean_calendar(store) if args.korean else store.project()
        exceptions = store.calendar_exceptions_of(project.id)
    ko = lang == "ko"
    days = [d for d, on in zip(_DAYS[lang], project.week, strict=True) if on]
    week = ("·".join(days) if ko else ", ".join(days))
    holidays = ("적용" if project.korean_holidays else "미적용") if ko else (
        "yes" if project.korean_holidays else "no")
    off = sum(1 for e in exceptions if not e.working)
    print(f"{'근무일' if ko else 'working days'}: {week}")
    print(f"{'근무 시간' if ko else 'hours'}: {project.working_times} "
          f"({project.minutes_per_day // 60}{'시간' if ko else ' h'})")
    print(f"{'한국 공휴일' if ko else 'Korean public holidays'}: {holidays}")
    print(f"{'예외일' if ko else 'exception days'}: {len(exceptions)} "
          f"({'휴무' if ko else 'off'} {off}, {'근무' if ko else 'working'} "
          f"{len(exceptions) - off})")
    if args.korean:
        print("한국 달력을 적용했습니다." if ko else "the Korean calendar now applies.")
    return 0
