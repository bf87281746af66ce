"""``task set WBS FIELD=VALUE...`` and ``checklist list|tick|untick``: edits from scripts."""

from __future__ import annotations

import argparse

from ..app.cli_edits import parse_assignments, set_task_fields, task_by_wbs, tick
from ..domain import model as m
from ..messages import Refusal, set_language
from .common import CliError, add_db_arg, add_lang_arg, find_ministry, lang_of, open_db


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("task", help="edit a task (task set WBS FIELD=VALUE ...)",
                       description="Edit tasks from the command line.")
    tsub = p.add_subparsers(dest="task_command", metavar="ACTION", required=True)
    s = tsub.add_parser("set", help="set fields of one task",
                        description="Set fields of task WBS: percent, start, finish (plan-date "
                        "text such as '2019년 3월 말' or 2019-03), actual_start, actual_finish "
                        "(YYYY-MM-DD), note. An empty value clears a date.")
    add_db_arg(s)
    add_lang_arg(s)
    s.add_argument("wbs")
    s.add_argument("assignments", nargs="+", metavar="FIELD=VALUE")
    s.set_defaults(func=task_set)

    p = sub.add_parser("checklist", help="list, tick or untick checklist items",
                       description="Checklist items by task: list them, tick or untick one.")
    csub = p.add_subparsers(dest="checklist_command", metavar="ACTION", required=True)
    s = csub.add_parser("list", help="print WBS  N  [x| ]  text lines")
    add_db_arg(s)
    add_lang_arg(s)
    s.add_argument("--ministry", metavar="CODE", help="only this ministry's items")
    s.set_defaults(func=checklist_list)
    for name, done in (("tick", True), ("untick", False)):
        s = csub.add_parser(name, help=f"{name} item N of task WBS (N as in 'checklist list')")
        add_db_arg(s)
        add_lang_arg(s)
        s.add_argument("wbs")
        s.add_argument("n", type=int)
        s.add_argument("--by", metavar="NAME", default="", help="who did it (default: you)")
        s.set_defaults(func=checklist_tick, done=done)


def task_set(args: argparse.Namespace) -> int:
    set_language(lang_of(args))
    store = open_db(args, must_exist=True)
    with store:
        try:
            changed = set_task_fields(store, args.wbs, parse_assignments(args.assignments))
        except Refusal as exc:
            raise CliError(str(exc)) from None
    print(changed.line())
    return 0


def checklist_list(args: argparse.Namespace) -> int:
    set_language(lang_of(args))
    store = open_db(args, must_exist=True)
    with store:
        only = find_ministry(store, args.ministry) if args.ministry else None
        tasks = {t.id: t for t in store.tasks()}
        items: dict[int, list[m.ChecklistItem]] = {}
        for item in store.checklist():
            items.setdefault(item.task_id, []).append(item)
        for task in store.tasks():
            for n, item in enumerate(items.get(task.id, []), start=1):
                owner = item.org_id or tasks[item.task_id].owner_org_id
                if only is not None and owner != only.id:
                    continue
                mark = "x" if item.done else " "
                print(f"{task.wbs}  {n}  [{mark}]  {item.text}")
    return 0


def checklist_tick(args: argparse.Namespace) -> int:
    set_language(lang_of(args))
    store = open_db(args, must_exist=True)
    with store:
        try:
            task_by_wbs(store, args.wbs)
            changed = tick(store, args.wbs, args.n, args.done, by=args.by)
        except Refusal as exc:
            raise CliError(str(exc)) from None
    print(changed.line())
    return 0
