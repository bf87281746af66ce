"""Korean for argparse's own words (usage, options, its error messages).

argparse looks its texts up through gettext at run time (the module-level
``_``); :func:`use_language` points that lookup at this small catalogue for
Korean and back to gettext for English, so ``--help`` and argument errors are
in the same language as the rest of the command line.
"""

from __future__ import annotations

import argparse
import gettext

KOREAN = {
    "usage: ": "사용법: ",
    "positional arguments": "위치 인수",
    "options": "옵션",
    "show this help message and exit": "이 도움말을 보이고 끝냄",
    "argument %(argument_name)s: %(message)s": "인수 %(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "알 수 없는 인수: %s",
    "the following arguments are required: %s": "다음 인수가 필요합니다: %s",
    "one of the arguments %s is required": "다음 인수 중 하나가 필요합니다: %s",
    "not allowed with argument %s": "인수 %s와(과) 함께 쓸 수 없습니다",
    "expected one argument": "값이 하나 필요합니다",
    "expected at most one argument": "값은 하나까지입니다",
    "expected at least one argument": "값이 하나 이상 필요합니다",
    "ambiguous option: %(option)s could match %(matches)s":
        "모호한 옵션: %(option)s은(는) %(matches)s 중 어느 것인지 알 수 없습니다",
    "invalid %(type)s value: %(value)r": "잘못된 %(type)s 값: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "잘못된 선택: %(value)r (다음 중에서 고르십시오: %(choices)s)",
    "%(prog)s: error: %(message)s\n": "%(prog)s: 오류: %(message)s\n",
    "ignored explicit argument %r": "무시된 인수 %r",
}


def _korean(text: str) -> str:
    return KOREAN.get(text, text)


def use_language(lang: str) -> None:
    """Make argparse speak ``lang`` (``ko`` or ``en``) from now on."""
    argparse._ = _korean if lang == "ko" else gettext.gettext  # type: ignore[attr-defined]
