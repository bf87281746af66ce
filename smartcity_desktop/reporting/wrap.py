"""Korean line breaking for the briefings: break between words, never inside a number,
a Latin word, a unit such as 억원 or a parenthesised abbreviation.

ReportLab's ``wordWrap='CJK'`` may break between any two characters, which cut
"2018년" and "KAIST" in two. Here the text is cut into unbreakable tokens first
and laid out greedily, the way Korean word processors break by 어절: at spaces,
and inside a word that is wider than the whole line only between Hangul
syllables that are not glued to a digit, a Latin letter or a unit, or after
``·`` ``/`` ``,``. A no-break space (U+00A0) glues two words ("2조 4,000억원",
"2019. 1. 31."). :class:`KoParagraph` then hands ReportLab lines that already fit.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText

# Runs that must stay whole: a bracketed group of up to 14 characters ("(KAIST)",
# "(2018년 7월)" is split only at its space), digit runs with their unit or counter
# ("2018년", "265억원", "12.5%", "4분기"), Latin words, then single characters.
_UNITS = "억원|조원|만원|천원|억|조|원|년|월|일|건|개|명|쪽|분기|차|회|%|㎡|km|시간"
_TOKEN = re.compile(
    r"\([^()\s]{1,14}\)"
    rf"|[\d][\d,.]*(?:{_UNITS})?"
    r"|[A-Za-z][A-Za-z0-9&.'\-]*"
    r"|\s+"
    r"|.",
    re.S,
)
_SOFT_AFTER = set("·/,、")
NBSP = "\u00a0"  # glues "2조 4,000억원" and "2019. 1. 31."; printed as a space


def tokens(text: str) -> list[str]:
    """``text`` as glued runs (see module docstring); joining them gives ``text`` back."""
    return _TOKEN.findall(text)


def _is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3" or "\u3130" <= ch <= "\u318f"


def _word_pieces(word: str) -> list[str]:
    """Where a word wider than a line may break: a list of pieces to pack greedily."""
    pieces: list[str] = []
    for tok in tokens(word):
        glue = bool(pieces) and not (
            (_is_hangul(tok[0]) and _is_hangul(pieces[-1][-1]))
            or pieces[-1][-1] in _SOFT_AFTER
            or (tok.startswith("(") and len(tok) > 1)
        )
        # a unit or counter right after a digit stays with it ("7월", "3건")
        if pieces and pieces[-1][-1].isdigit():
            glue = True
        if glue:
            pieces[-1] += tok
        else:
            pieces.append(tok)
    return pieces


_SHORT_GROUP = re.compile(r"\([^()]{1,12}\)")


def glue_groups(text: str) -> str:
    """Short parenthesised groups ("(2018년 7월)") stay on one line: their spaces become
    no-break spaces."""
    return _SHORT_GROUP.sub(lambda mt: mt.group(0).replace(" ", NBSP), text)


def break_lines(text: str, font: str, size: float, widths: list[float]) -> list[str]:
    """Greedy lines of ``text`` for ``widths`` (first line, later lines) in points."""
    text = glue_groups(text)
    out: list[str] = []
    for hard in text.split("\n"):
        out += _break_one(hard, font, size, widths if not out else widths[1:] or widths)
    return out


def _break_one(text: str, font: str, size: float, widths: list[float]) -> list[str]:
    def width_at(n: int) -> float:
        return widths[min(n, len(widths) - 1)] + 0.01

    def w(s: str) -> float:
        return stringWidth(s.replace(NBSP, " "), font, size)

    # glyph widths add up (no kerning), so the line's width is kept as a running sum
    lines: list[str] = []
    line, line_w = "", 0.0
    space_w = w(" ")
    for word in re.split(r"([ \t\r\f\v]+)", text.strip()):
        if not word:
            continue
        if word.isspace():
            if line:
                line, line_w = line + " ", line_w + space_w
            continue
        word_w = w(word)
        if line_w + word_w <= width_at(len(lines)):
            line, line_w = line + word, line_w + word_w
            continue
        if line.strip() and word_w <= width_at(len(lines) + 1):
            lines.append(line.rstrip())
            line, line_w = word, word_w
            continue
        # the word alone is wider than a line: break it at its soft points
        for piece in _word_pieces(word):
            piece_w = w(piece)
            if line_w + piece_w <= width_at(len(lines)) or not line.strip():
                line, line_w = line + piece, line_w + piece_w
            else:
                lines.append(line.rstrip())
                line, line_w = piece, piece_w
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return [x.replace(NBSP, " ") for x in lines]


class KoParagraph(Paragraph):
    """A Paragraph whose lines are broken by :func:`break_lines` for the width it gets.

    ``raw`` is plain text (not markup); ``bold`` draws it in the style's bold face.
    Splits made by ReportLab across pages come back as this class with ``frags``
    and are laid out as ReportLab made them.
    """

    def __init__(self, text: str | None, style=None, bulletText=None, frags=None,  # noqa: N803
                 *, raw: str | None = None, bold: bool = False, **kw) -> None:
        self._raw = raw
        self._bold = bold
        self._laid_for: float | None = None
        if text is None and frags is None:
            text = escape((raw or "").replace(NBSP, " "))
            text = f"<b>{text}</b>" if bold else text
        super().__init__(text, style, bulletText, frags, **kw)

    def wrap(self, availWidth: float, availHeight: float):  # noqa: N803 - ReportLab API
        if self._raw is not None and self._laid_for != availWidth:
            st = self.style
            from .fonts import FONT_BOLD_NAME, safe_text

            font = FONT_BOLD_NAME if self._bold else st.fontName
            first = availWidth - st.leftIndent - st.firstLineIndent - st.rightIndent
            later = availWidth - st.leftIndent - st.rightIndent
            lines = [safe_text(x) for x in break_lines(self._raw, font, st.fontSize,
                                                        [first, later])]
            markup = "<br/>".join(escape(line) for line in lines)
            if self._bold:
                markup = f"<b>{markup}</b>"
            self._setup(markup, st, self.bulletText, None, cleanBlockQuotedText)
            self._laid_for = availWidth
        return super().wrap(availWidth, availHeight)
