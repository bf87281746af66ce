"""``python -m smartcity_desktop.bundle``: build an offline install bundle (one line on error)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from ..messages import Refusal, msg, register, set_language
from .builder import build_bundle, make_zip
from .platforms import DEFAULT_GLIBC, PLATFORMS, SUPPORTED_PYTHONS, target

register({
    "bundle.done": ("{path}: 번들 완성 (휠 {count}개, {mb:.1f} MB)",
                    "{path}: bundle ready ({count} wheels, {mb:.1f} MB)"),
    "bundle.zip_done": ("{path}: zip 파일 완성", "{path}: zip file written"),
    "bundle.bad_glibc": ("--glibc: '{value}'는 2.17 이상의 2.N 형식이어야 합니다",
                         "--glibc: '{value}' must look like 2.N with N at least 17"),
})


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m smartcity_desktop.bundle",
        description="Build an offline install bundle (wheels, install scripts, README, "
                    "SHA-256 manifest) for a desktop with no network access.")
    p.add_argument("--platform", required=True, choices=PLATFORMS, help="target platform")
    p.add_argument("--out", required=True, help="new folder for the bundle")
    p.add_argument("--python", action="append", dest="pythons", metavar="X.Y",
                   help=f"Python version to include (repeatable; default "
                        f"{', '.join(SUPPORTED_PYTHONS)})")
    p.add_argument("--wheelhouse", help="take every dependency wheel from this folder; "
                   "nothing is downloaded")
    p.add_argument("--glibc", default=DEFAULT_GLIBC,
                   help=f"oldest glibc of the Linux desktops (manylinux; default {DEFAULT_GLIBC})")
    p.add_argument("--zip", action="store_true", help="also write DIR.zip")
    p.add_argument("--lang", choices=["ko", "en"], default="ko", help="message language")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    set_language(args.lang)
    try:
        try:
            chosen = target(args.platform, args.glibc)
        except ValueError:
            raise Refusal("bundle.bad_glibc", value=args.glibc) from None
        result = build_bundle(
            chosen, Path(args.out), pythons=args.pythons or SUPPORTED_PYTHONS,
            wheelhouse=Path(args.wheelhouse) if args.wheelhouse else None,
            say=lambda text: print(text, file=sys.stderr, flush=True))
        print(msg("bundle.done", path=result.path, count=len(result.wheels),
                  mb=result.size_bytes / 1e6).text())
        if args.zip:
            print(msg("bundle.zip_done", path=make_zip(result.path)).text())
    except Refusal as exc:
        print(f"bundle: {msg('bundle.error', reason=exc.text()).text()}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"bundle: {msg('bundle.error', reason=exc).text()}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
