"""Backup commands: ``backups`` lists a database's backups, ``restore`` puts one back.

``restore`` first backs up the current content, so a restore can itself be
undone with another ``restore``.
"""

from __future__ import annotations

import argparse

from ..files import PathRefusal, check_read_file, shown
from ..messages import msg
from ..messages import register as register_messages
from ..store import StoreError
from ..store.backups import describe, restore
from .common import CliError, add_db_arg, db_path, t

register_messages({
    "backups.none": ("{path}: 백업이 없습니다", "{path}: no backups"),
    "backups.header": ("{path}의 백업 {count}개 (최신순):", "{count} backups of {path} "
                       "(newest first):"),
    "backups.row": ("{time}  {size:>8} KB  과업 {tasks}건  {name}",
                    "{time}  {size:>8} KB  {tasks} tasks  {name}"),
    "backups.unreadable": ("읽을 수 없음", "unreadable"),
    "backups.restored": ("{db}: {backup}에서 복원했습니다 (복원 전 상태는 {safety}에 백업)",
                         "{db}: restored from {backup} (the state before is backed up as "
                         "{safety})"),
})


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("backups", help=t("데이터베이스 백업 목록 (시각, 크기, 과업 수)",
                                         "list the database's backups (time, size, tasks)"),
                       description=t("백업을 최신순으로 보여 줍니다.",
                                     "List the backups, newest first."))
    add_db_arg(p)
    p.set_defaults(func=list_cmd)

    p = sub.add_parser("restore", help=t("백업에서 복원 (현재 상태를 먼저 백업)",
                                         "restore a backup (the current state is backed up "
                                         "first)"),
                       description=t("BACKUP(백업 파일 이름 또는 경로)의 내용으로 데이터베이스를 "
                                     "되돌립니다. 현재 상태는 먼저 백업됩니다.",
                                     "Put the content of BACKUP (a file name from `backups` or "
                                     "its path) back into the database; the current state is "
                                     "backed up first."))
    p.add_argument("backup", help=t("백업 파일", "the backup file"))
    add_db_arg(p)
    p.set_defaults(func=restore_cmd)


def _existing_db(args: argparse.Namespace):  # noqa: ANN202 - a Path
    path = db_path(args)
    try:
        return check_read_file(path)
    except PathRefusal as exc:
        raise CliError(exc.message) from None


def list_cmd(args: argparse.Namespace) -> int:
    path = _existing_db(args)
    found = describe(path)
    if not found:
        print(msg("backups.none", path=shown(path)))
        return 0
    print(msg("backups.header", path=shown(path), count=len(found)))
    for b in found:
        tasks = b.tasks if b.tasks is not None else msg("backups.unreadable")
        print(msg("backups.row", time=b.taken.strftime("%Y-%m-%d %H:%M:%S"),
                  size=f"{b.size // 1024:,}", tasks=tasks, name=b.path.name))
    return 0


def restore_cmd(args: argparse.Namespace) -> int:
    path = _existing_db(args)
    try:
        source, safety = restore(path, args.backup)
    except StoreError as exc:
        raise CliError(exc.message) from None
    print(msg("backups.restored", db=shown(path), backup=source.name, safety=safety.name))
    return 0
