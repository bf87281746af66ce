"""The bundled Korean font (Nanum Gothic) for ReportLab and matplotlib.

ReportLab embeds a TrueType font as a subset (``FontFile2``) with a ToUnicode
map, so Korean text in the PDF both prints and copy-pastes. :func:`safe_text`
replaces the few characters the font has no glyph for (the press release uses
``‧`` for example) with look-alikes, so no page ever shows a missing-glyph box.
Both registration functions are idempotent and cheap after the first call.
"""

from __future__ import annotations

import threading
import unicodedata
from functools import lru_cache

from ..paths import FONT_BOLD, FONT_REGULAR

FONT = "NanumGothic"
FONT_BOLD_NAME = "NanumGothic-Bold"
FAMILY = "NanumGothic"

_lock = threading.Lock()
_reportlab_done = False
_matplotlib_done = False
_matplotlib_name = FAMILY

# Look-alikes for characters Nanum Gothic lacks (checked against the font's cmap).
_SUBSTITUTES = {
    "\u2027": "\u00b7",  # hyphenation point ‧ -> middle dot
    "\u2219": "\u00b7",  # bullet operator
    "\u2022": "\u00b7",  # bullet
    "\u00a0": " ",
    "\u200b": "",
    "\ufeff": "",
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2212": "-",
    "\u2044": "/",
    "\u223c": "~",
}


class FontMissingError(RuntimeError):
    """The bundled font file is not where paths.py says it is."""


def register_reportlab_fonts() -> str:
    """Register Nanum Gothic (regular + bold) with ReportLab; return the family name."""
    global _reportlab_done
    if _reportlab_done:
        return FAMILY
    with _lock:
        if _reportlab_done:
            return FAMILY
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        for path in (FONT_REGULAR, FONT_BOLD):
            if not path.is_file():
                raise FontMissingError(f"{path}: the bundled Korean font is missing")
        # subfontIndex 0; TTFont embeds only the glyphs used (subset) on save.
        pdfmetrics.registerFont(TTFont(FONT, str(FONT_REGULAR)))
        pdfmetrics.registerFont(TTFont(FONT_BOLD_NAME, str(FONT_BOLD)))
        pdfmetrics.registerFontFamily(
            FAMILY, normal=FONT, bold=FONT_BOLD_NAME, italic=FONT, boldItalic=FONT_BOLD_NAME
        )
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(FAMILY, bold, italic, FONT_BOLD_NAME if bold else FONT)
        _reportlab_done = True
    return FAMILY


@lru_cache(maxsize=1)
def _covered() -> frozenset[int]:
    from reportlab.pdfbase import pdfmetrics

    register_reportlab_fonts()
    regular = pdfmetrics.getFont(FONT).face.charToGlyph
    bold = pdfmetrics.getFont(FONT_BOLD_NAME).face.charToGlyph
    return frozenset(set(regular) & set(bold))


@lru_cache(maxsize=4096)
def safe_text(text: str) -> str:
    """``text`` with every character the font cannot draw replaced by a look-alike, and
    no-break spaces (line-breaking glue, see wrap.py) as plain spaces."""
    text = text.replace("\u00a0", " ")
    covered = _covered()
    if all(ord(ch) in covered or ch in "\n\t" for ch in text):
        return text
    out = []
    for ch in text:
        if ord(ch) in covered or ch in "\n\t":
            out.append(ch)
            continue
        sub = _SUBSTITUTES.get(ch)
        if sub is None:
            # Try the compatibility decomposition (e.g. full-width forms), else a '?'.
            decomposed = unicodedata.normalize("NFKC", ch)
            ok = decomposed and all(ord(c) in covered for c in decomposed)
            sub = decomposed if ok else "?"
        out.append(sub)
    return "".join(out)


def configure_matplotlib() -> str:
    """Make matplotlib draw Korean with the bundled font; returns the family name.

    Adds both TTF files to matplotlib's font manager (no font cache rebuild) and
    sets ``font.family`` so every later figure uses it. Safe to call repeatedly;
    returns matplotlib's name for the font.
    """
    global _matplotlib_done, _matplotlib_name
    if _matplotlib_done:
        return _matplotlib_name
    with _lock:
        if _matplotlib_done:
            return _matplotlib_name
        import matplotlib
        from matplotlib import font_manager

        for path in (FONT_REGULAR, FONT_BOLD):
            if not path.is_file():
                raise FontMissingError(f"{path}: the bundled Korean font is missing")
            font_manager.fontManager.addfont(str(path))
        name = font_manager.FontProperties(fname=str(FONT_REGULAR)).get_name()
        matplotlib.rcParams["font.family"] = [name, "sans-serif"]
        matplotlib.rcParams["axes.unicode_minus"] = False  # the font's U+2212 is absent
        matplotlib.rcParams["pdf.fonttype"] = 42  # embed TrueType if a PDF is ever saved
        _matplotlib_name = name
        _matplotlib_done = True
    return name
