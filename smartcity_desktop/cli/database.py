"""Database commands: ``init-db PATH`` (fresh seeded file) and ``verify-audit``.

``init-db`` builds the database in a temporary file in the target's folder and
renames it into place only when it is complete, so a killed run leaves no
half-seeded database (and nothing that blocks running it again).
"""

from __future__ import annotations

import argparse

from ..files import PathRefusal, check_write_target, shown
from ..messages import msg
from ..messages import register as register_messages
from ..store import StoreError
from ..store.audit import verify
from ..store.newfile import new_database
from .common import CliError, add_db_arg, open_db, t

register_messages({
    "init.exists": ("{path}: 이미 있는 파일입니다. 새 파일 이름을 지정하십시오",
                    "{path} already exists; choose a new file name"),
    "init.done": ("{path}: 새 데이터베이스를 만들었습니다 (과업 {tasks}건)",
                  "{path}: created a new database ({tasks} tasks)"),
    "verify.ok": ("감사 기록 {entries}건: 해시 체인과 현재 자료가 일치합니다",
                  "audit log: {entries} entries, hash chain intact and matching the data"),
    "verify.broken": ("감사 기록 #{entry}에서 체인이 끊어졌습니다: {reason}",
                      "audit log broken at entry #{entry}: {reason}"),
    "verify.rows": ("감사 기록과 맞지 않는 행 {count}건 (앱 밖에서 바뀜):",
                    "{count} rows do not match the audit log (changed outside the app):"),
    "verify.more": ("… 외 {count}건", "... and {count} more"),
})


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("init-db", help=t("사업계획 전체를 담은 새 데이터베이스 만들기",
                                         "create a new database holding the whole pilot-city "
                                         "plan"),
                       description=t("PATH에 2018년 12월 계획을 담은 새 데이터베이스를 만듭니다.",
                                     "Create a fresh database at PATH, seeded with the "
                                     "Dec 2018 plan."))
    p.add_argument("path", help=t("새 데이터베이스 파일 (없는 이름이어야 함)",
                                  "the new database file (must not exist)"))
    p.set_defaults(func=init_db)

    p = sub.add_parser("verify-audit", help=t("감사 기록의 해시 체인과 자료 일치 확인",
                                              "check the audit log's hash chain and the data"),
                       description=t("해시 체인, 기준점 파일, 백업을 확인하고 기록을 현재 자료와 "
                                     "대조합니다 (변조되었으면 종료 상태 1).",
                                     "Walk the hash-chained audit log, check it against its "
                                     "anchor file and the backups, and replay it against the "
                                     "current rows (exit status 1 when anything was tampered "
                                     "with)."))
    add_db_arg(p)
    p.set_defaults(func=verify_audit)


def init_db(args: argparse.Namespace) -> int:
    try:
        path = check_write_target(args.path)
    except PathRefusal as exc:
        raise CliError(exc.message) from None
    if path.exists():
        raise CliError("init.exists", path=shown(path))
    try:
        with new_database(path, seed=True) as store:
            tasks = store.count_table("tasks")
    except StoreError as exc:
        if exc.message.id == "store.exists":
            raise CliError("init.exists", path=shown(path)) from None
        raise CliError(exc.message) from None
    except OSError as exc:
        raise CliError("store.io_error", detail=str(exc)) from None
    print(msg("init.done", path=path, tasks=tasks))
    return 0


def verify_audit(args: argparse.Namespace) -> int:
    with open_db(args, readonly=True) as store:
        result = verify(store)
    for note in result.notes:
        print(f"  · {note}")
    if result.broken_at is not None:
        print(msg("verify.broken", entry=result.broken_at, reason=result.reason))
        return 1
    if result.rows:
        print(msg("verify.rows", count=len(result.rows)))
        for row in result.rows[:20]:
            print(f"  ! {row}")
        if len(result.rows) > 20:
            print(f"  {msg('verify.more', count=len(result.rows) - 20)}")
        return 1
    print(msg("verify.ok", entries=result.entries))
    return 0
