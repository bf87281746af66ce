"""Shared helpers for CLI commands: argument parsing that fails with one line.

Every message goes through :mod:`smartcity_desktop.messages` (Korean default,
English with ``--lang en``); :func:`t` picks the language for help text.
Paths are checked with :mod:`smartcity_desktop.files` before anything opens
them, and read-only commands open the database read-only (no backup, no
``-wal``/``-shm`` files).
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path

from ..domain import model as m
from ..files import PathRefusal, check_read_file, check_write_target, shown
from ..messages import Refusal, current_language, msg, register
from ..paths import default_db_path
from ..store import Store, StoreError, open_store

# Dates a status or report can be "as of": the programme's era, not any calendar day.
AS_OF_FIRST = date(2000, 1, 1)
AS_OF_LAST = date(2100, 12, 31)
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")

register({
    "cli.db_created": ("새 데이터베이스를 만들었습니다: {path}", "created a new database: {path}"),
})

register({
    "cli.error": ("오류", "error"),
    "cli.no_db": ("{path}: 데이터베이스 파일이 없습니다 (init-db로 만드십시오)",
                  "{path}: no such database file (create one with init-db)"),
    "cli.as_of_form": ("--as-of: '{text}'은(는) YYYY-MM-DD 형식의 날짜가 아닙니다",
                       "--as-of: '{text}' is not a date in the form YYYY-MM-DD"),
    "cli.as_of_day": ("--as-of: {text}은(는) 없는 날짜입니다", "--as-of: {text} is not a real day"),
    "cli.as_of_range": ("--as-of: {text}은(는) 사업 기간 밖입니다 ({first} ~ {last})",
                        "--as-of: {text} is outside the programme's era ({first} to {last})"),
    "cli.unknown_ministry": ("알 수 없는 기관 '{name}'; 다음 중 하나를 쓰십시오: {codes}",
                             "unknown ministry '{name}'; use one of: {codes}"),
    "cli.lang_help": ("출력 언어 (기본 ko)", "output language (default ko)"),
    "cli.db_help": ("데이터베이스 파일", "database file"),
})


class CliError(Refusal):
    """Printed as one line; the process exits with status 2."""


def t(ko: str, en: str) -> str:
    """Help text in the language chosen for this run."""
    return ko if current_language() == "ko" else en


def add_db_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default=argparse.SUPPRESS, help=t("데이터베이스 파일",
                                                                  "database file"))


def add_lang_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=["ko", "en"], default=argparse.SUPPRESS,
                        help=t("출력 언어 (기본 ko)", "output language (default ko)"))


def lang_of(args: argparse.Namespace) -> str:
    return getattr(args, "lang", None) or "ko"


def db_path(args: argparse.Namespace) -> Path:
    given = getattr(args, "db", None)
    return Path(given) if given is not None else default_db_path()


def open_db(args: argparse.Namespace, *, readonly: bool = False,
            must_exist: bool = False) -> Store:
    """The --db file, or the default database (created and seeded on first use).

    ``readonly``: opened ``mode=ro`` with no backup (status, report, export, checks).
    ``must_exist``: never create one, not even the default (desk and exchange commands).
    """
    path = db_path(args)
    try:
        if getattr(args, "db", None) is None and not path.exists() and not must_exist:
            store = open_store(path)  # first use of the default database: create and seed it
            print(msg("cli.db_created", path=path).text(lang_of(args)), file=sys.stderr)
            return store
        try:
            check_read_file(path)
        except PathRefusal as exc:
            if exc.message_id == "files.missing":
                raise CliError("cli.no_db", path=shown(path)) from None
            raise
        return open_store(path, readonly=readonly)
    except (StoreError, PathRefusal) as exc:
        raise CliError(exc.message) from None


def out_path(text: str) -> Path:
    """A checked output path (regular file or new name in a writable folder)."""
    try:
        return check_write_target(text)
    except PathRefusal as exc:
        raise CliError(exc.message) from None


def as_of_date(text: str | None, default: date | None = None) -> date:
    """A strict ``YYYY-MM-DD`` inside the programme's era; ``None`` (not given): default."""
    if text is None:
        return default or date.today()
    if not _ISO_DAY.match(text):
        raise CliError("cli.as_of_form", text=text[:40])
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise CliError("cli.as_of_day", text=text) from None
    if not AS_OF_FIRST <= day <= AS_OF_LAST:
        raise CliError("cli.as_of_range", text=text, first=AS_OF_FIRST.isoformat(),
                       last=AS_OF_LAST.isoformat())
    return day


def find_ministry(store: Store, name: str) -> m.Organisation:
    """An organisation by English abbreviation or Korean/English name (case-insensitive)."""
    wanted = name.strip().casefold()
    for org in store.organisations():
        keys = {org.code.casefold(), org.name_ko.casefold(), org.name_en.casefold()}
        if wanted in keys:
            return org
    kinds = (m.OrgKind.MINISTRY, m.OrgKind.COMMITTEE)
    codes = ", ".join(o.code for o in store.organisations() if o.kind in kinds)
    raise CliError("cli.unknown_ministry", name=name[:60], codes=codes)
