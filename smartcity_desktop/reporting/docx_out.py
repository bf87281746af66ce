"""The editable briefing: the same sections as the PDF written as a Word file (python-docx).

Officers edit a briefing before it goes up, in 한글 or Word (both open DOCX). The
document keeps the PDF's sections in order, with section titles as real Word
headings (Heading 1/2), tables as real tables (header row repeated on each page),
the 개조식 bullets as indented paragraphs, the Korean font named in every style
(``w:rFonts`` with ``w:eastAsia``) and Korean lines breaking between words, with
dates and amounts glued by no-break spaces as in the PDF. The Gantt is drawn by the same code as
the PDF's, rasterised to a 300-dpi greyscale PNG with PDFium, on landscape pages.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from .decision import decision_lines
from .definitions import ReportDefinition, Section
from .lang import Lang
from .rows import Briefing
from .styles import BULLETS, ROMAN
from .tables import Grid, contacts_grid, legend, milestone_grid, provisions_grid

FONT_EAST_ASIA = "맑은 고딕"
FONT_LATIN = "Malgun Gothic"
DPI = 300
_FILL = {"done": "D9D9D9", "on_track": "D1EDD1", "at_risk": "FFE599", "late": "F7BFBA",
         "head": "DBE0EB", "sub": "EDEDED"}
_INDENT = {"box": 0, "circle": 5, "dash": 10, "note": 4}



def _set_font(style_or_run: Any, size: float | None = None, bold: bool | None = None) -> None:
    font = style_or_run.font
    font.name = FONT_LATIN
    if size:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    rpr = style_or_run.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for key in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(key), FONT_LATIN)
    fonts.set(qn("w:eastAsia"), FONT_EAST_ASIA)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)


def _setup(doc: Any, b: Briefing) -> None:
    styles = doc.styles
    _set_font(styles["Normal"], 10)
    # Korean lines break between words (어절), never inside one: "Allow line breaking at
    # character level" off (ISO 29500 17.3.1.45; Word applies it to Korean text)
    wrap = OxmlElement("w:wordWrap")
    wrap.set(qn("w:val"), "0")
    styles["Normal"].element.get_or_add_pPr().append(wrap)
    for name, size in (("Title", 22), ("Heading 1", 14), ("Heading 2", 11.5)):
        _set_font(styles[name], size, bold=True)
        styles[name].font.color.rgb = RGBColor(0, 0, 0)
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Mm(15))
    section.top_margin, section.bottom_margin = Mm(20), Mm(18)
    head = section.header.paragraphs[0]
    head.text = f"{b.title}\t\t{b.marking}" if b.marking else b.title
    foot = section.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    foot.add_run("- ")
    _page_field(foot.add_run())
    foot.add_run(" -")
    doc.core_properties.title = b.title
    doc.core_properties.subject = str(b.extra.get("subject", ""))
    doc.core_properties.language = "en-GB" if b.lang == "en" else "ko-KR"


def _page_field(run: Any) -> None:
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def _line(doc: Any, level: str, text: str) -> None:
    p = doc.add_paragraph()
    p.paragraph_format.left_indent = Mm(_INDENT[level])
    p.paragraph_format.space_after = Pt(2)
    lang = doc.core_properties.language[:2] if doc.core_properties.language else "ko"
    mark = "" if level == "note" else BULLETS.get(lang, BULLETS["ko"])[level] + " "
    run = p.add_run(mark + (f"※ {text}" if level == "note" else text))
    if level == "box":
        run.bold = True
        p.paragraph_format.space_before = Pt(6)
    if level == "note":
        run.font.size = Pt(8.5)


def _shade(cell: Any, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def _table(doc: Any, grid: Grid, width_mm: float) -> None:
    table = doc.add_table(rows=1 + len(grid.rows), cols=len(grid.head))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    align = {"l": WD_ALIGN_PARAGRAPH.LEFT, "c": WD_ALIGN_PARAGRAPH.CENTER,
             "r": WD_ALIGN_PARAGRAPH.RIGHT}
    for r, (row, values) in enumerate(zip(table.rows, [grid.head, *grid.rows])):
        cells = row.cells  # python-docx rebuilds this list on every access
        for c, value in enumerate(values):
            cell = cells[c]
            cell.width = Mm(width_mm * grid.widths[c])
            p = cell.paragraphs[0]
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER if r == 0 else align[grid.align[c]]
            run = p.add_run(str(value))
            run.font.size = Pt(8)
            run.bold = r == 0 or r in grid.bold_rows
            if r == 0:
                _shade(cell, _FILL["head"])
            elif (r, c) in grid.marks and grid.marks[(r, c)] in _FILL:
                _shade(cell, _FILL[grid.marks[(r, c)]])
            elif r in grid.bold_rows:
                _shade(cell, _FILL["sub"])
    header = table.rows[0]._tr.get_or_add_trPr()  # the header row repeats on each page
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header.append(repeat)
    doc.add_paragraph()


def _gantt_pngs(b: Briefing, detail: bool, width: float, height: float, title: str,
                fit_pages_wide: int | None, section: Section) -> list[bytes]:
    """Each Gantt tile drawn by :mod:`.gantt_pdf`, rasterised at :data:`DPI`."""
    import pypdfium2 as pdfium
    from reportlab.pdfgen.canvas import Canvas

    from .fonts import register_reportlab_fonts
    from .gantt_pdf import gantt_tiles, overview_rows

    register_reportlab_fonts()
    rows = b.gantt_rows if detail else overview_rows(b.gantt_rows)
    wide = fit_pages_wide or (section.opt("detail_pages_wide") if detail
                              else section.opt("pages_wide", 1))
    tiles = gantt_tiles(rows, width, height, title=title, status_date=b.as_of,
                        fit_pages_wide=wide, lang=b.lang, compact=not detail,
                        mm_per_month=float(section.opt("mm_per_month", 12.0)))
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=(width, height))
    for tile in tiles:
        tile.wrapOn(canvas, width, height)
        tile.drawOn(canvas, 0, 0)
        canvas.showPage()
    canvas.save()
    pdf = pdfium.PdfDocument(buf.getvalue())
    out = []
    for page in pdf:
        # greyscale: the chart is drawn to read in black and white, and an 8-bit grey
        # image encodes several times faster than colour at 300 dpi
        image = page.render(scale=DPI / 72, grayscale=True).to_pil()
        png = io.BytesIO()
        image.save(png, format="PNG", dpi=(DPI, DPI), compress_level=1)
        out.append(png.getvalue())
    pdf.close()
    return out


def _orientation(doc: Any, landscape: bool) -> None:
    """Start a new section (new page) in landscape or portrait A4."""
    from docx.enum.section import WD_SECTION

    sec = doc.add_section(WD_SECTION.NEW_PAGE)
    sec.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))


def write_docx(b: Briefing, definition: ReportDefinition, path: Path | str, *,
               detail: bool = False, check: Callable[[], None] | None = None,
               fit_pages_wide: int | None = None) -> None:
    """Write the briefing ``b`` with ``definition``'s sections to ``path`` (.docx)."""
    from .builder import sections_of

    check = check or (lambda: None)
    doc = Document()
    _setup(doc, b)
    lang = Lang(b.lang)
    chosen = [s for s in sections_of(definition, detail) if s.type in _SECTIONS or
              s.type in ("cover", "gantt")]
    number = 0
    need_break = False
    landscape = False
    for section in chosen:
        check()
        if section.type == "cover":
            _cover(doc, b, lang, [s for s in chosen if s.type != "cover"])
            need_break = True
            continue
        number += 1
        title = f"{ROMAN[(number - 1) % len(ROMAN)]}. {section.heading(b.lang)}"
        if section.type == "gantt":
            if b.gantt_rows:
                _orientation(doc, True)
                landscape = True
                doc.add_heading(title, level=1)
                for png in _gantt_pngs(b, detail, Mm(267).pt, Mm(165).pt, title,
                                       fit_pages_wide, section):
                    doc.add_picture(io.BytesIO(png), width=Mm(262))
                need_break = False
            continue
        if landscape:
            _orientation(doc, False)
            landscape = need_break = False
        if need_break:
            doc.add_page_break()
        doc.add_heading(title, level=1)
        _SECTIONS[section.type](doc, b, lang)
        need_break = section.type in _NEW_PAGE
    doc.save(str(path))


def _cover(doc: Any, b: Briefing, lang: Lang, sections: list[Section]) -> None:
    if b.marking:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        p.add_run(b.marking).bold = True
    for _ in range(4):
        doc.add_paragraph()
    title = doc.add_paragraph(b.title, style="Title")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for text in (f"- {b.extra.get('subject') or b.project} -",
                 lang.t(f"{lang.date(b.as_of)} 기준", f"As of {lang.date(b.as_of)}")):
        p = doc.add_paragraph(text)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph()
    doc.add_paragraph(lang.t("목차", "Contents")).runs[0].bold = True
    for i, s in enumerate(sections):
        doc.add_paragraph(f"{ROMAN[i % len(ROMAN)]}. {s.heading(b.lang)}")
    p = doc.add_paragraph(b.department)
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER


WIDTH_MM = 180.0


def _summary(doc: Any, b: Briefing, lang: Lang) -> None:
    for level, value in decision_lines(b):
        if level == "grid":
            _table(doc, value, WIDTH_MM)
        else:
            _line(doc, level, value)


def _milestones(doc: Any, b: Briefing, lang: Lang) -> None:
    _table(doc, milestone_grid(b, b.milestones), WIDTH_MM)
    _line(doc, "note", legend(lang).lstrip("※ "))


def _ministries(doc: Any, b: Briefing, lang: Lang) -> None:
    from .ministry import items_cap, ministry_parts

    due = {x.code for x in b.facts.bodies}
    blocks = [m for m in b.ministries if m.code in due or b.scope_org]
    for i, block in enumerate(blocks, 1):
        for kind, value in ministry_parts(b, block, i, items_cap(len(blocks))):
            if kind == "h2":
                doc.add_heading(value, level=2)
            elif kind == "grid":
                _table(doc, value, WIDTH_MM)
            else:
                _line(doc, kind, value)


def _budget(doc: Any, b: Briefing, lang: Lang) -> None:
    from .money import budget_parts

    parts, notes = budget_parts(b)
    for kind, value in parts:
        if kind == "h2":
            doc.add_heading(value, level=2)
        elif kind == "grid":
            _table(doc, value, WIDTH_MM)
        else:
            _line(doc, "note", value.lstrip("※ "))
    _source(doc, lang, notes)


def _source(doc: Any, lang: Lang, notes: list[str]) -> None:
    if notes:
        _line(doc, "note", lang.t("주) 출처: 2018. 12. 26. 보도자료. ",
                                  "Note) Source: press release of 26 Dec 2018. ")
              + "; ".join(notes))


def _provisions(doc: Any, b: Briefing, lang: Lang) -> None:
    if b.provisions and not b.scope_org:
        _table(doc, provisions_grid(b), WIDTH_MM)


def _contacts(doc: Any, b: Briefing, lang: Lang) -> None:
    grid, notes = contacts_grid(b)
    _table(doc, grid, WIDTH_MM)
    if notes and lang.en:
        notes = ["some phone extensions were completed from the listed main number"]
    _source(doc, lang, notes)


def _slipped(doc: Any, b: Briefing, lang: Lang) -> None:
    from .decision import _slipped as slipped_lines

    for level, text in slipped_lines(b, lang)[1:]:
        _line(doc, level, text)


def _annex(doc: Any, b: Briefing, lang: Lang) -> None:
    from .labels import split_source_remarks

    notes = [n for n in b.notes if n[0].startswith("alliance")] or list(b.notes)
    remarks: list[str] = []
    for _topic, title, body in notes:
        body, about_source = split_source_remarks(body)
        remarks += about_source
        _line(doc, "box", title)
        for line in body.splitlines():
            if line.strip():
                _line(doc, "circle", line.strip())
    _source(doc, lang, remarks)


def _kpis(doc: Any, b: Briefing, lang: Lang) -> None:
    from .decision import _progress

    for level, text in _progress(b.facts, lang)[1:3]:
        _line(doc, level, text)


def _next(doc: Any, b: Briefing, lang: Lang) -> None:
    _table(doc, milestone_grid(b, b.next_milestones, next_step=True), WIDTH_MM)


def _overdue(doc: Any, b: Briefing, lang: Lang) -> None:
    rows = sorted(b.overdue, key=lambda r: -r.days_late)
    _table(doc, milestone_grid(b, rows, next_step=True), WIDTH_MM)


_SECTIONS: dict[str, Callable[[Any, Briefing, Lang], None]] = {
    "summary": _summary, "milestones": _milestones, "ministries": _ministries,
    "budget": _budget, "provisions": _provisions, "contacts": _contacts, "slipped": _slipped,
    "annex_alliance": _annex, "kpis": _kpis, "next_milestones": _next, "overdue": _overdue,
    "status_chart": lambda doc, b, lang: _table(doc, status_grid(b), WIDTH_MM),
    "bodies": lambda doc, b, lang: _table(doc, _body_grid(b, lang), WIDTH_MM),
}
_NEW_PAGE = {"summary", "milestones", "ministries", "budget", "contacts", "annex_alliance",
             "status_chart", "slipped"}


def _body_grid(b: Briefing, lang: Lang) -> Grid:
    from .decision import body_grid

    return body_grid(b.facts, lang)


def status_grid(b: Briefing) -> Grid:
    from ..domain.status import TaskStatus

    order = ("done", "on_track", "at_risk", "late", "not_started")
    lang = Lang(b.lang)
    grid = Grid([lang.t("부처", "Body"), *(TaskStatus(k).label(b.lang) for k in order),
                 lang.t("계", "Total")], [], [0.3] + [0.7 / 6] * 6, ["l"] + ["r"] * 6)
    for m in b.ministries:
        if m.status_counts:
            vals = [m.status_counts.get(k, 0) for k in order]
            grid.rows.append([m.name, *map(str, vals), str(sum(vals))])
    return grid
