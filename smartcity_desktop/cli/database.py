"""Database commands: ``init-db PATH`` (fresh seeded file) and ``verify-audit``."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..store import StoreError, open_store
from ..store.audit import verify
from .common import CliError, add_db_arg, lang_of, open_db


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("init-db", help="create a new database holding the whole pilot-city plan",
                       description="Create a fresh database at PATH, seeded with the "
                       "Dec 2018 plan.")
    p.add_argument("path", help="the new database file (must not exist)")
    p.set_defaults(func=init_db)

    p = sub.add_parser("verify-audit", help="check the audit log's hash chain",
                       description="Walk the hash-chained audit log and report the first broken "
                       "link (exit status 1 when the log was tampered with).")
    add_db_arg(p)
    p.add_argument("--lang", choices=["ko", "en"], default=argparse.SUPPRESS)
    p.set_defaults(func=verify_audit)


def init_db(args: argparse.Namespace) -> int:
    path = Path(args.path)
    if path.exists():
        raise CliError(f"{path} already exists; choose a new file name")
    if not path.parent.exists():
        raise CliError(f"{path.parent}: no such folder")
    try:
        store = open_store(path, keep_backups=0)
    except (StoreError, OSError) as exc:
        raise CliError(str(exc)) from None
    with store:
        tasks = store.count_table("tasks")
    ko = lang_of(args) == "ko"
    print(f"{path}: 새 데이터베이스를 만들었습니다 (과업 {tasks}건)" if ko
          else f"{path}: created a new database ({tasks} tasks)")
    return 0


def verify_audit(args: argparse.Namespace) -> int:
    store = open_db(args, must_exist=True)
    with store:
        result = verify(store)
    ko = lang_of(args) == "ko"
    if result.ok:
        print(f"감사 기록 {result.entries}건: 해시 체인 정상" if ko
              else f"audit log: {result.entries} entries, hash chain intact")
        return 0
    print(f"감사 기록 #{result.broken_at}에서 체인이 끊어졌습니다: {result.reason}" if ko
          else f"audit log broken at entry #{result.broken_at}: {result.reason}")
    return 1
