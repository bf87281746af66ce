"""Shared helpers for CLI commands: argument parsing that fails with one line."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from ..domain import model as m
from ..domain.dates import DateParseError, parse_day
from ..messages import msg, register
from ..paths import default_db_path
from ..store import Store, StoreError, open_store

register({
    "cli.db_created": ("새 데이터베이스를 만들었습니다: {path}", "created a new database: {path}"),
})


class CliError(Exception):
    """Printed as one line; the process exits with status 2."""


def add_db_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default=argparse.SUPPRESS, help="database file")


def add_lang_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=["ko", "en"], default=argparse.SUPPRESS,
                        help="output language (default ko)")


def lang_of(args: argparse.Namespace) -> str:
    return getattr(args, "lang", None) or "ko"


def open_db(args: argparse.Namespace, *, must_exist: bool = False) -> Store:
    """The --db file, or the default database (created and seeded on first use)."""
    given = getattr(args, "db", None)
    path = Path(given) if given else default_db_path()
    if given and not path.exists() and must_exist:
        raise CliError(f"{path}: no such database file")
    if given and not path.exists():
        raise CliError(f"{path}: no such database file (create one with init-db)")
    created = not path.exists()
    try:
        store = open_store(path)
    except StoreError as exc:
        raise CliError(str(exc)) from None
    if created:  # first use on this desk: say once where the data lives
        print(msg("cli.db_created", path=path).text(lang_of(args)), file=sys.stderr)
    return store


def as_of_date(text: str | None, default: date | None = None) -> date:
    if not text:
        return default or date.today()
    try:
        return parse_day(text)
    except DateParseError as exc:
        raise CliError(f"--as-of: {exc}") from None


def find_ministry(store: Store, name: str) -> m.Organisation:
    """An organisation by English abbreviation or Korean/English name (case-insensitive)."""
    wanted = name.strip().casefold()
    for org in store.organisations():
        keys = {org.code.casefold(), org.name_ko.casefold(), org.name_en.casefold()}
        if wanted in keys:
            return org
    kinds = (m.OrgKind.MINISTRY, m.OrgKind.COMMITTEE)
    codes = ", ".join(o.code for o in store.organisations() if o.kind in kinds)
    raise CliError(f"unknown ministry '{name}'; use one of: {codes}")
