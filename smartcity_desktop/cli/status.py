"""``status``: the programme's milestones by ministry as of a date.

Buckets: done / due in the next 30 days / overdue / later (``domain.programme``).
"""

from __future__ import annotations

import argparse
from collections import defaultdict

from ..app.plan import PlanSnapshot
from ..domain import model as m
from ..domain.programme import MilestoneBucket, inherited, milestone_bucket
from ..messages import msg
from ..messages import register as register_messages
from .common import (
    CliError,
    add_db_arg,
    add_lang_arg,
    as_of_date,
    find_ministry,
    lang_of,
    open_db,
    t,
)

register_messages({
    "status.unschedulable": ("계획의 일정을 계산할 수 없습니다: {reason}",
                             "the plan cannot be scheduled: {reason}"),
})

_ORDER = [MilestoneBucket.OVERDUE, MilestoneBucket.DUE, MilestoneBucket.LATER, MilestoneBucket.DONE]
ASSUMPTION_NOTE = {
    "ko": "* 계획 가정: 원문에 없는 일정(사업관리상 계획); 날짜는 예정(예측)입니다.",
    "en": "* planning assumption: the source gives no date; the date is a forecast.",
}
_MARK = {MilestoneBucket.OVERDUE: "!!", MilestoneBucket.DUE: "->", MilestoneBucket.LATER: "  ",
         MilestoneBucket.DONE: "OK"}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "status", help=t("기준일 현재 기관별 이정표", "milestones by ministry as of a date"),
        description=t("기준일 현재 사업 이정표의 상태(완료 / 30일 내 도래 / 기한 경과 / 이후)를 "
                      "기관별로 보여 줍니다.",
                      "Print the programme's milestones with their status as of a date "
                      "(done / due in the next 30 days / overdue / later), grouped by ministry."),
    )
    add_db_arg(p)
    add_lang_arg(p)
    p.add_argument("--as-of", metavar="YYYY-MM-DD", help=t("기준일 (기본: 오늘)",
                                                           "status date (default: today)"))
    p.add_argument("--ministry", metavar="CODE", help=t("이 기관만 (MOLIT, 국토교통부, ...)",
                                                        "only this ministry (MOLIT, 국토교통부, "
                                                        "...)"))
    p.set_defaults(func=status)


def status(args: argparse.Namespace) -> int:
    lang = lang_of(args)
    as_of = as_of_date(args.as_of)
    with open_db(args, readonly=True) as store:
        only = find_ministry(store, args.ministry) if args.ministry else None
        orgs = {o.id: o for o in store.organisations()}
        try:
            tasks, schedule, _ = PlanSnapshot.read(store).schedule_as_of(as_of)
        except m.ValidationError as exc:
            raise CliError(msg("status.unschedulable", reason=exc.message)) from None
        owner = inherited(tasks, "owner_org_id")
        groups: dict[int | None, list[tuple[MilestoneBucket, m.Task]]] = defaultdict(list)
        for task in tasks:
            if not task.is_milestone or task.id not in schedule:
                continue
            if only is not None and owner[task.id] != only.id:
                continue
            bucket = milestone_bucket(task, schedule[task.id], as_of)
            groups[owner[task.id]].append((bucket, task))
        project = store.project()
    title = project.name_ko if lang == "ko" else (project.name_en or project.name_ko)
    head = "기준일" if lang == "ko" else "as of"
    print(f"{title} — {head} {as_of.isoformat()}")
    if not groups:
        print("해당 이정표가 없습니다." if lang == "ko" else "no milestones.")
        return 0
    totals: dict[MilestoneBucket, int] = defaultdict(int)
    assumed = 0
    order = sorted(groups, key=lambda oid: (oid is None, orgs[oid].code if oid else ""))
    for org_id in order:
        org = orgs.get(org_id)
        unnamed = "미지정" if lang == "ko" else "none"
        name = f"{org.name(lang)} ({org.code})" if org else unnamed
        print(f"\n■ {name}")
        rows = sorted(groups[org_id], key=lambda r: (_ORDER.index(r[0]), schedule[r[1].id].finish))
        for bucket, task in rows:
            totals[bucket] += 1
            st = schedule[task.id]
            when = task.finish.label(lang) if task.finish else st.finish.isoformat()
            if task.actual_finish and task.actual_finish <= as_of:
                written = task.actual_finish_written
                when = written.label(lang) if written else task.actual_finish.isoformat()
            elif bucket is not MilestoneBucket.DONE:
                forecast = "예정" if lang == "ko" else "forecast"
                slack = "여유" if lang == "ko" else "float"
                when += f" ({forecast} {st.finish.isoformat()}, {slack} {st.total_float})"
            mark = " *" if task.is_assumption else ""
            assumed += bool(mark)
            print(f"  {_MARK[bucket]} [{bucket.label(lang)}] {task.wbs} {task.name(lang)}{mark}"
                  f" · {when}")
    summary = ", ".join(f"{b.label(lang)} {totals[b]}" for b in _ORDER)
    print(f"\n{'합계' if lang == 'ko' else 'total'}: {summary}")
    if assumed:
        print(ASSUMPTION_NOTE[lang])
    return 0
