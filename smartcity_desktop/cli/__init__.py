"""Command line: ``python main.py [command]``; no command opens the desktop window.

Each command lives in its own module in this package with a ``register(subparsers)``
function; bad input ends in a one-line message and exit status 2, never a traceback.
Messages and ``--help`` are in Korean unless ``--lang en`` is given (before or
after the command).
"""

from __future__ import annotations

import argparse
import importlib
import os
import subprocess
import sys
from collections.abc import Sequence

from ..domain.dates import DateParseError
from ..messages import Refusal, msg, register, set_language
from .argparse_ko import use_language
from .common import CliError, add_lang_arg, t

COMMAND_MODULES = ["status", "database", "backups", "report", "interop", "schedule", "calendar",
                   "desk", "edit", "exchange"]
PROBE_TIMEOUT_S = 8

register({
    "cli.no_display": ("화면(디스플레이)을 찾지 못해 창 대신 추진현황 보고서 PDF를 만듭니다 "
                       "(창은 데스크톱에서 실행하십시오)",
                       "no display found: writing the programme briefing PDF instead "
                       "(run on a desktop to open the window)"),
    "cli.os_error": ("{path}: {reason}", "{path}: {reason}"),
})


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="smartcity-desktop",
        description=t("국가 시범도시 추진 관리. 명령 없이 실행하면 데스크톱 창이 열립니다.",
                      "Smart-city pilot programme tracker. Without a command, opens the "
                      "desktop window."),
    )
    parser.add_argument("--db", help=t("데이터베이스 파일 (기본: 사용자 데이터 폴더)",
                                       "database file (default: your data directory)"))
    parser.add_argument("--lang", choices=["ko", "en"], default=None,
                        help=t("언어 (기본 ko)", "language (default ko)"))
    parser.add_argument("--version", action="store_true",
                        help=t("버전, 스키마, 데이터 위치와 라이선스를 보여 주고 끝냅니다",
                               "version, database schema, data location and licences; then exit"))
    sub = parser.add_subparsers(dest="command", metavar=t("명령", "COMMAND"))
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"{__name__}.{name}":
                continue  # command not built yet
            raise
        module.register(sub)
    for command in sub.choices.values():  # --lang after any command, too
        if "--lang" not in command._option_string_actions:
            add_lang_arg(command)
    return parser


def _probe_display() -> bool:
    """Whether Qt can really connect to the display (a set but dead DISPLAY aborts Qt)."""
    probe = "from PySide6.QtGui import QGuiApplication; QGuiApplication([])"
    try:
        done = subprocess.run([sys.executable, "-c", probe], capture_output=True,
                              timeout=PROBE_TIMEOUT_S)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def has_display() -> bool:
    """Whether a window can open (X11/Wayland on Linux; always on Windows and macOS)."""
    if not sys.platform.startswith("linux"):
        return True
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] in {"offscreen", "minimal", "vnc"}:
        return True
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return False
    return _probe_display()


def _language(argv: Sequence[str]) -> str:
    """``--lang`` wherever it stands, read before parsing so ``--help`` uses it too."""
    lang = "ko"
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
        elif arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
    return lang if lang in ("ko", "en") else "ko"


def _bad_rows(args: argparse.Namespace):  # noqa: ANN202 - a Message or None
    """The offending task rows of the command's database, if that is what failed."""
    from ..store import open_store
    from ..store.health import bad_task_rows, describe_bad_rows
    from .common import db_path

    try:
        with open_store(db_path(args), readonly=True) as store:
            rows = bad_task_rows(store)
    except Exception:  # noqa: BLE001 - only a diagnosis; the original error is re-raised
        return None
    return describe_bad_rows(rows) if rows else None


def _fail(prog: str, text: str) -> int:
    print(f"{prog}: {msg('cli.error')}: {' '.join(text.split())}", file=sys.stderr)
    return 2


def print_version(args: argparse.Namespace) -> int:
    """``--version``: what is installed and where the data lives (reads, never creates)."""
    from .. import about, messages

    messages.set_language(args.lang or "ko")
    print(about.version_text(about.gather(getattr(args, "db", None))))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _language(argv)
    set_language(lang)
    use_language(lang)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.version:
        return print_version(args)
    if args.command is None:
        if not has_display():
            # Headless machine: the main job is the printed programme briefing.
            print(msg("cli.no_display"), file=sys.stderr)
            argv = [*(["--db", args.db] if args.db else []),
                    *(["--lang", args.lang] if args.lang else []),
                    "report", "--kind", "programme"]
            return main(argv)
        from ..ui.app import run_app

        return run_app(db=args.db, lang=args.lang)
    try:
        return int(args.func(args) or 0)
    except (CliError, Refusal) as exc:
        rows = _bad_rows(args) if isinstance(exc, DateParseError) else None  # a stored value
        return _fail(parser.prog, str(rows or exc))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head` and closed early
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except (ValueError, OverflowError):
        # A value in the database that cannot be shown: name its rows instead of a traceback.
        rows = _bad_rows(args)
        if not rows:
            raise
        return _fail(parser.prog, str(rows))
    except OSError as exc:  # last line of defence: a path problem is never a traceback
        where = exc.filename if exc.filename is not None else ""
        return _fail(parser.prog, str(msg("cli.os_error", path=str(where)[:80],
                                          reason=exc.strerror or exc)))


if __name__ == "__main__":
    sys.exit(main())
