"""Command line: ``python main.py [command]``; no command opens the desktop window.

Each command lives in its own module in this package with a ``register(subparsers)``
function; bad input ends in a one-line message and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from .common import CliError

COMMAND_MODULES = ["status", "database", "report", "interop", "desk", "edit", "exchange"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="smartcity-desktop",
        description="국가 시범도시 추진 관리 / Smart-city pilot programme tracker. "
        "Without a command, opens the desktop window.",
    )
    parser.add_argument("--db", help="database file (default: your data directory)")
    parser.add_argument("--lang", choices=["ko", "en"], default=None, help="language (default ko)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"{__name__}.{name}":
                continue  # command not built yet
            raise
        module.register(sub)
    return parser


def has_display() -> bool:
    """Whether a window can open (X11/Wayland on Linux; always on Windows and macOS)."""
    if not sys.platform.startswith("linux"):
        return True
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] in {"offscreen", "minimal", "vnc"}:
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        if not has_display():
            # Headless machine: the main job is the printed programme briefing.
            print("no display found: writing the programme briefing PDF instead "
                  "(run on a desktop to open the window)", file=sys.stderr)
            argv = [*(["--db", args.db] if args.db else []), "report", "--kind", "programme"]
            return main(argv)
        from ..ui.app import run_app

        return run_app(db=args.db, lang=args.lang)
    try:
        return int(args.func(args) or 0)
    except CliError as exc:
        print(f"{parser.prog}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head` and closed early
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
