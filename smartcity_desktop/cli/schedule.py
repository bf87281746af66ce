"""``schedule``: every task's computed schedule, the one the window and the exports show.

``python main.py schedule --db DB [--format json|csv] [--as-of DATE]`` prints, per
task in outline order, its scheduled start and finish (ISO days), duration in
working days, total float, whether it is critical, a summary or a milestone, and
its plan dates as written ("2019년 1월 말"). Work not done as of ``--as-of``
(default: the project's status date) is forecast from that day.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys

from ..app.plan import PlanSnapshot
from ..domain import model as m
from ..domain.schedule_table import CSV_KEYS, schedule_rows
from ..interop.common import outline_order
from ..messages import register as register_messages
from .common import CliError, add_db_arg, add_lang_arg, as_of_date, lang_of, open_db

register_messages({
    "cli.schedule.unschedulable": ("계획의 일정을 계산할 수 없습니다: {detail}",
                                   "the plan cannot be scheduled: {detail}"),
})


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "schedule", help="every task's computed schedule as JSON or CSV",
        description="Print each task's computed schedule (start, finish, working-day "
        "duration, total float, critical, plan dates as written) as JSON or CSV.",
    )
    add_db_arg(p)
    add_lang_arg(p)
    p.add_argument("--format", "-f", choices=("json", "csv"), default="json",
                   help="output format (default json)")
    p.add_argument("--as-of", metavar="YYYY-MM-DD",
                   help="status date: unfinished work is forecast from it "
                   "(default: the project's status date)")
    p.set_defaults(func=schedule_cmd)



def schedule_cmd(args: argparse.Namespace) -> int:
    lang = lang_of(args)
    store = open_db(args)
    with store:
        project = store.project()
        as_of = as_of_date(args.as_of, project.status_date)
        try:
            tasks, schedule, _ = PlanSnapshot.read(store).schedule_as_of(as_of)
        except m.ValidationError as exc:
            raise CliError(str(m.ValidationError("cli.schedule.unschedulable",
                                                 detail=exc.message))) from None
    ordered = [t for t, _ in outline_order(tasks)]
    objects = [r.as_json(lang) for r in schedule_rows(ordered, schedule, as_of)]
    if args.format == "json":
        json.dump(objects, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    writer = csv.DictWriter(sys.stdout, fieldnames=list(CSV_KEYS), extrasaction="ignore",
                            lineterminator="\n")
    writer.writeheader()
    for obj in objects:
        writer.writerow({k: _csv_value(v) for k, v in obj.items()})
    return 0


def _csv_value(value: object) -> object:
    if isinstance(value, bool):
        return "1" if value else "0"
    return value
