"""Typography and small helpers for the briefings: Korean report styles, money, dates, tables.

The look follows Korean government status reports: Roman-numeral section bars,
□ / ㅇ / - bullet levels, amounts in 억원 and 조원, dates as ``2019. 1. 15.``.
Every paragraph is a :class:`~.wrap.KoParagraph`: lines break between words and
never inside a number, a Latin word, a unit or a parenthesised abbreviation.
"""

from __future__ import annotations

import re
from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table, TableStyle

from .fonts import FONT, FONT_BOLD_NAME, register_reportlab_fonts, safe_text
from .lang import eok_ko
from .wrap import KoParagraph

BULLETS = {"ko": {"box": "□", "circle": "ㅇ", "dash": "-"},
           "en": {"box": "■", "circle": "•", "dash": "–"}}
ROMAN = ["Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "Ⅵ", "Ⅶ", "Ⅷ", "Ⅸ", "Ⅹ", "Ⅺ", "Ⅻ"]
HEAD_FILL = colors.Color(0.86, 0.88, 0.92)
SUBTOTAL_FILL = colors.Color(0.93, 0.93, 0.93)
LINE = colors.Color(0.35, 0.35, 0.35)
# Status colours are light so black text stays readable; the text carries the meaning.
STATUS_FILL = {
    "done": colors.Color(0.85, 0.85, 0.85),
    "on_track": colors.Color(0.82, 0.93, 0.82),
    "at_risk": colors.Color(1.00, 0.90, 0.60),
    "late": colors.Color(0.97, 0.75, 0.73),
    "not_started": colors.white,
}
RAG_FILL = {"red": STATUS_FILL["late"], "amber": STATUS_FILL["at_risk"],
            "green": STATUS_FILL["on_track"]}


def _style(name: str, size: float = 10, *, bold: bool = False, leading: float | None = None,
           **kw: object) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=FONT_BOLD_NAME if bold else FONT, fontSize=size,
                          leading=leading or size * 1.45, **kw)


class Styles:
    """The paragraph styles of one document (built after the font is registered)."""

    def __init__(self, lang: str = "ko") -> None:
        register_reportlab_fonts()
        self.lang = lang
        self.body = _style("body", 10)
        self.small = _style("small", 8)
        self.note = _style("note", 8.5, leftIndent=4 * mm, textColor=colors.Color(0.2, 0.2, 0.2))
        self.cover_title = _style("cover_title", 24, bold=True, alignment=TA_CENTER,
                                  leading=34)
        self.cover_sub = _style("cover_sub", 13, alignment=TA_CENTER, leading=20)
        self.cover_info = _style("cover_info", 14, bold=True, alignment=TA_CENTER, leading=22)
        self.h1 = _style("h1", 13.5, bold=True, leading=18)
        self.h2 = _style("h2", 11.5, bold=True, spaceBefore=3 * mm, spaceAfter=1.5 * mm)
        self.box = _style("box", 11, bold=True, leftIndent=5 * mm, bulletIndent=0,
                          spaceBefore=2.5 * mm, spaceAfter=1 * mm, bulletFontName=FONT)
        self.circle = _style("circle", 10, leftIndent=10 * mm, bulletIndent=5 * mm,
                             spaceBefore=1 * mm, bulletFontName=FONT)
        self.dash = _style("dash", 9.5, leftIndent=14 * mm, bulletIndent=10.5 * mm,
                           bulletFontName=FONT)
        self.cell = _style("cell", 8, leading=10.5)
        self.cell_bold = _style("cell_bold", 8, bold=True, leading=10.5)
        self.cell_center = _style("cell_center", 8, leading=10.5, alignment=TA_CENTER)
        self.cell_right = _style("cell_right", 8, leading=10.5, alignment=TA_RIGHT)
        self.head = _style("head", 8, bold=True, leading=10.5, alignment=TA_CENTER)
        self.kpi_value = _style("kpi_value", 15, bold=True, alignment=TA_CENTER, leading=19)
        self.kpi_label = _style("kpi_label", 8, alignment=TA_CENTER)


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
CELL_LINES = 12  # a table cell longer than this many lines is cut (a row must fit a page)


def esc(text: object) -> str:
    """Text made safe for a Paragraph: control characters dropped, glyph-checked, escaped."""
    return escape(safe_text(_CONTROL.sub("", str(text if text is not None else ""))))


def fit_cell(text: str, width: float, size: float = 8.5) -> str:
    """``text`` cut with "…" to about :data:`CELL_LINES` lines of a ``width``-point column."""
    limit = max(40, int(width / (size * 0.95) * CELL_LINES))  # Hangul is about 1 em wide
    return text if len(text) <= limit else text[:limit - 1] + "…"


def para(text: object, style: ParagraphStyle, *, bold: bool = False) -> Paragraph:
    return KoParagraph(None, style, raw=str(text if text is not None else ""), bold=bold)


def bullet(level: str, text: object, styles: Styles) -> Paragraph:
    """A report bullet: level ``box`` (□), ``circle`` (ㅇ) or ``dash`` (-); an English
    briefing uses ■ • – instead of the Korean marks."""
    style = {"box": styles.box, "circle": styles.circle, "dash": styles.dash}[level]
    mark = BULLETS[getattr(styles, "lang", "ko")][level]
    return KoParagraph(None, style, bulletText=mark, raw=str(text))


# -- figures -------------------------------------------------------------------------------
def eok(amount: float, *, approx: bool = False) -> str:
    """An amount in 억원 written the Korean way: ``265억원``, ``2조 4,000억원``."""
    return eok_ko(amount, approx=approx)


def jo(amount: float) -> str:
    """An amount in 억원 shown in 조원 with one decimal: ``3.7조원``."""
    return f"{amount / 10000:,.1f}조원"


def num(amount: float) -> str:
    """A table figure in 억원 (no unit): ``1,450`` or ``12.5``."""
    text = f"{amount:,.1f}".rstrip("0").rstrip(".")
    return text or "0"


def pct(value: float) -> str:
    return f"{value:.1f}%"


def kdate(d: date | None) -> str:
    """``2019. 1. 15.`` (empty for none)."""
    return f"{d.year}.\u00a0{d.month}.\u00a0{d.day}." if d else ""


def sdate(d: date | None) -> str:
    """A table date: the same official form as the text (``2019. 1. 15.``), ``-`` for none."""
    return kdate(d) if d else "-"


def table_style(commands: list[tuple]) -> TableStyle:
    """A TableStyle whose cells default to the Korean font (never Helvetica)."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), *commands])


# -- tables ----------------------------------------------------------------------------------
def grid_table(rows: list[list[object]], widths: list[float], styles: Styles, *,
               head_rows: int = 1, extra: list[tuple] | None = None,
               align: list[str] | None = None) -> Table:
    """A ruled table in report style; plain strings become wrapped Korean cells."""
    cell_style = {"l": styles.cell, "c": styles.cell_center, "r": styles.cell_right}
    data = []
    for r, row in enumerate(rows):
        out = []
        for c, value in enumerate(row):
            if isinstance(value, str):
                value = fit_cell(value, widths[c])
            if isinstance(value, str | int | float) or value is None:
                if r < head_rows:
                    value = para(value, styles.head)
                else:
                    value = para(value, cell_style[(align or ["l"] * len(row))[c]])
            out.append(value)
        data.append(out)
    table = Table(data, colWidths=widths, repeatRows=head_rows)
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("GRID", (0, 0), (-1, -1), 0.4, LINE),
        ("LINEABOVE", (0, 0), (-1, 0), 1.2, colors.black),
        ("LINEBELOW", (0, -1), (-1, -1), 1.2, colors.black),
        ("BACKGROUND", (0, 0), (-1, head_rows - 1), HEAD_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    table.setStyle(TableStyle(commands + (extra or [])))
    return table
