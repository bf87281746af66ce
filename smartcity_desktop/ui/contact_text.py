"""Contact roles as the seed wrote them, shown in one language with notes apart.

Seeded roles mix a Korean role, an English gloss and a provenance note, e.g.
``보도자료 담당 (Press contact) (내선번호는 원문 대표번호 앞자리로 보완 / extension
completed with the listed prefix)``. :func:`split_role` gives the role in the
interface language and the note (also in that language) for the tooltip;
:func:`join_role` puts an edited role back together with the note it had, so an
edit in the table never drops the provenance.
"""

from __future__ import annotations

import re

_PAREN = re.compile(r"\s*\(([^()]*)\)")
_GLOSS = re.compile(r"\s+\(([^()]*)\)")  # " (Press contact)"; "플래너(MP)" is part of a name


def _side(text: str, lang: str) -> str:
    """"한국어 / English" -> the side for ``lang`` (the text itself when not bilingual)."""
    if " / " not in text:
        return text.strip()
    ko, en = text.split(" / ", 1)
    return (en if lang == "en" else ko).strip()


def _is_latin(text: str) -> bool:
    return all(ord(ch) < 0x1100 for ch in text)


def _notes(role: str) -> list[str]:
    return [g for g in _PAREN.findall(role) if " / " in g]


def split_role(role: str, lang: str) -> tuple[str, str]:
    """(role shown, provenance note) in the interface language."""
    notes = _notes(role)
    body = role
    for note in notes:
        body = body.replace(f"({note})", "")
    glosses = [g for g in _GLOSS.findall(body) if _is_latin(g)]
    for gloss in glosses:
        body = re.sub(r"\s+\(" + re.escape(gloss) + r"\)", "", body)
    body = " ".join(body.split())
    if lang == "en" and glosses and " / " not in body:
        shown = "; ".join(glosses)
    else:
        shown = _side(body, lang)
    return shown, "; ".join(_side(n, lang) for n in notes)


def join_role(edited: str, original: str) -> str:
    """The edited role with the original's provenance notes kept after it."""
    notes = _notes(original)
    text = edited.strip()
    return " ".join([text, *(f"({n})" for n in notes if f"({n})" not in text)]).strip()
