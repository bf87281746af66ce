"""Building a briefing PDF: page templates, header/footer, bookmarks, metadata, safe writing.

:func:`generate_report` is the one entry point (CLI, dialog, benchmark). It
gathers the figures, lays out the sections of the report definition, and writes
to a temporary file in the target folder that is renamed over the target only
when complete; on any failure or cancel the temporary file is removed, so the
target path never holds a half-written PDF.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A3, A4, B4, landscape, portrait
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    KeepInFrame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
)

from ..app.plan import PlanSnapshot
from ..domain import model as m
from ..files import atomic_target
from ..messages import Refusal, register
from ..store import Store
from .data import Briefing, ReportDataError, gather
from .definitions import ReportDefinition, get_definition
from .fonts import FONT, FONT_BOLD_NAME, register_reportlab_fonts, safe_text
from .lang import Lang
from .sections import RENDERERS, Context
from .styles import Styles

PAPER = {"A4": A4, "A3": A3, "B4": B4}
MARGIN_X = 15 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 18 * mm
AUTHOR = "smartcity-desktop (국가 시범도시 추진관리)"
# Sections that start on a new page (unless they are the first).
NEW_PAGE = {"summary", "ministries", "budget", "annex_alliance", "milestones", "gantt"}
PAGE_AFTER = {"cover"}


register({
    "report.as_of_range": (
        "기준일 {day}은(는) 계획 기간({first}~{last})의 앞뒤 5년 범위를 벗어납니다",
        "status date {day} is outside the plan's span ({first} to {last}) by more than "
        "5 years"),
    "report.format": ("{path}: 출력 파일은 {suffix}로 끝나야 합니다",
                      "{path}: the output file must end in {suffix}"),
    "report.cancelled": ("보고서 작성을 취소했습니다. 저장된 파일은 없습니다",
                         "report generation cancelled; nothing was written"),
    "report.pages_wide": ("간트 가로 쪽수 {n}은(는) 범위(1~50)를 벗어납니다",
                          "pages wide: {n} is out of range (1-50)"),
    "report.fmt": ("형식 '{fmt}'은(는) pdf, docx 중 하나가 아닙니다",
                   "format '{fmt}' is not one of pdf, docx"),
    "report.lang": ("언어 '{lang}'은(는) ko, en 중 하나가 아닙니다",
                    "language '{lang}' is not one of ko, en"),
    "report.is_folder": ("{path}: 파일이 아니라 폴더입니다", "{path}: is a folder, not a file"),
    "report.no_folder": ("{path}: 그런 폴더가 없습니다", "{path}: no such folder"),
    "report.no_write": ("{path}: 여기에 쓸 수 없습니다 (권한 없음)",
                        "{path}: cannot write here (permission denied)"),
    "report.too_long": ("{kind}: {pages}쪽으로, 정의된 한도 {limit}쪽을 넘습니다",
                        "{kind}: {pages} pages exceed the definition's limit of {limit}"),
    "report.needs_ministry": ("{kind}: 부처를 지정해야 합니다 (--ministry 코드)",
                              "{kind}: this report needs a ministry (--ministry CODE)"),
    "report.unknown_kind": ("알 수 없는 보고서 종류 '{kind}' (다음 중 하나: {known})",
                            "unknown report kind '{kind}' (known: {known})"),
    "report.unknown_ministry": ("알 수 없는 부처 '{code}'; 다음 중 하나: {codes}",
                                "unknown ministry '{code}'; use one of: {codes}"),
})
SPAN_YEARS = 5


class ReportError(Refusal):
    """A briefing that cannot be produced; the message is for the officer (one line)."""


class ReportCancelled(ReportError):
    """The officer cancelled; nothing was written."""


class _Doc(BaseDocTemplate):
    def __init__(self, filename: str, briefing: Briefing, *, on_page: Callable[[int], None],
                 **kw: Any) -> None:
        super().__init__(filename, **kw)
        self.briefing = briefing
        self._on_page = on_page
        self._outline_n = 0

    def afterFlowable(self, flowable: Any) -> None:  # noqa: N802 - ReportLab hook name
        title = getattr(flowable, "outline_title", None)
        if not title:
            return
        self._outline_n += 1
        key = f"s{self._outline_n}"
        self.canv.bookmarkPage(key)
        level = getattr(flowable, "outline_level", 0)
        self.canv.addOutlineEntry(safe_text(title), key, level=level, closed=False)

    def handle_pageBegin(self) -> None:  # noqa: N802
        self._on_page(self.page + 1)
        super().handle_pageBegin()


def _decorate(canvas: Any, doc: _Doc) -> None:
    """Header (title, marking) and footer (- n -, generation date, database) on every page."""
    b = doc.briefing
    w, h = canvas._pagesize
    canvas.saveState()
    canvas.setFillColor(colors.black)
    canvas.setFont(FONT, 8)
    top = h - 11 * mm
    canvas.drawString(MARGIN_X, top, safe_text(b.title))
    if b.marking:
        canvas.setFont(FONT_BOLD_NAME, 8.5)
        tw = canvas.stringWidth(safe_text(b.marking), FONT_BOLD_NAME, 8.5)
        canvas.setLineWidth(0.8)
        canvas.rect(w - MARGIN_X - tw - 4 * mm, top - 1.6 * mm, tw + 4 * mm, 5.2 * mm)
        canvas.drawRightString(w - MARGIN_X - 2 * mm, top, safe_text(b.marking))
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, top - 3 * mm, w - MARGIN_X, top - 3 * mm)
    bottom = 9 * mm
    canvas.line(MARGIN_X, bottom + 4.5 * mm, w - MARGIN_X, bottom + 4.5 * mm)
    canvas.setFont(FONT, 9)
    canvas.drawCentredString(w / 2, bottom, f"- {doc.page} -")
    canvas.setFont(FONT, 7)
    lang = Lang(b.lang)
    made = lang.date(b.generated.date()) + f" {b.generated:%H:%M}"
    canvas.drawString(MARGIN_X, bottom, safe_text(lang.t(
        f"작성 {made}  ·  기준일 {lang.date(b.as_of)}",
        f"Prepared {made}  ·  status date {lang.date(b.as_of)}")))
    canvas.drawRightString(w - MARGIN_X, bottom, safe_text(f"DB: {b.db_name}"))
    canvas.restoreState()


def _templates(definition: ReportDefinition) -> tuple[dict[str, Any], list[PageTemplate]]:
    paper = PAPER[definition.paper]
    sizes = {"portrait": portrait(paper), "landscape": landscape(paper)}
    frames = {}
    templates = []
    for name, size in sizes.items():
        fw, fh = size[0] - 2 * MARGIN_X, size[1] - MARGIN_TOP - MARGIN_BOTTOM
        frame = Frame(MARGIN_X, MARGIN_BOTTOM, fw, fh, id=name, leftPadding=0, rightPadding=0,
                      topPadding=0, bottomPadding=0)
        frames[name] = (fw, fh)
        templates.append(PageTemplate(id=name, frames=[frame], onPage=_decorate, pagesize=size))
    # The definition's own orientation comes first (the document's first page uses it).
    templates.sort(key=lambda t: t.id != definition.orientation)
    return frames, templates


def sections_of(definition: ReportDefinition, detail: bool) -> list[Any]:
    """The sections printed: ``detail`` adds those marked ``"detail": true``."""
    return [s for s in definition.sections if detail or not s.detail_only]


def _story(definition: ReportDefinition, briefing: Briefing, frames: dict[str, Any],
           fit_pages_wide: int | None, detail: bool = False) -> tuple[list[Any], Context]:
    styles = Styles(briefing.lang)
    main = definition.orientation
    ctx = Context(briefing, styles, *frames[main], fit_pages_wide=fit_pages_wide, detail=detail)
    story: list[Any] = []
    current = main
    previous = None
    cover_at: tuple[int, Any] | None = None
    printed = []
    for section in sections_of(definition, detail):
        wanted = section.opt("orientation", main)
        ctx.width, ctx.height = frames[wanted]
        if section.type == "cover":
            body: list[Any] = [None]  # laid out last, when the contents are known
            cover_at = (len(story), section)
        else:
            body = RENDERERS[section.type](ctx, section)
        if not body:
            continue  # nothing to say: no heading, no empty page
        if section.type != "cover":
            printed.append(section)
        if wanted != current:
            story += [NextPageTemplate(wanted), PageBreak()]
            current = wanted
        elif previous is not None and (previous in PAGE_AFTER or (
                section.type in NEW_PAGE and not definition.flow)):
            story.append(PageBreak())
        elif previous is not None and definition.flow:
            story.append(CondPageBreak(50 * mm))  # a short briefing flows on one page
        if section.type == "cover" and cover_at is not None:
            cover_at = (len(story), section)
        story += body
        previous = section.type
    if cover_at is not None:
        i, section = cover_at
        briefing.extra["toc"] = printed
        ctx.width, ctx.height = frames[section.opt("orientation", main)]
        story[i:i + 1] = RENDERERS["cover"](ctx, section)
    if definition.max_pages == 1:
        w, h = frames[main]
        story = [KeepInFrame(w, h, story, mode="shrink")]
    return story, ctx


def resolve_redact(store: Store, redact: bool | None) -> bool:
    """The option wins; otherwise the store setting ``report.redact_personal``."""
    if redact is not None:
        return redact
    return store.setting("report.redact_personal", "0") == "1"


def default_filename(kind: str, as_of: date, fmt: str = "pdf", lang: str = "ko") -> str:
    suffix = "" if lang == "ko" else f"-{lang}"
    return f"briefing-{kind}-{as_of.isoformat()}{suffix}.{fmt}"


def plan_span(store: Store, plan: PlanSnapshot | None = None) -> tuple[date, date]:
    """The plan's own first and last day: its schedule as of the project's status date
    (not as of the briefing's date, which would stretch unfinished work to it)."""
    project = store.project()
    try:
        _tasks, schedule, _calendar = (plan or PlanSnapshot.read(store)).schedule_as_of()
    except (ValueError, m.ValidationError):
        return project.start, project.status_date or project.start
    return schedule.start, schedule.finish


def check_as_of(as_of: date, span: tuple[date, date]) -> None:
    """Refuse a status date more than :data:`SPAN_YEARS` years outside the plan's span."""
    first, last = span
    low = date(first.year - SPAN_YEARS, first.month, min(first.day, 28))
    high = date(last.year + SPAN_YEARS, last.month, min(last.day, 28))
    if not low <= as_of <= high:
        raise ReportError("report.as_of_range", day=as_of.isoformat(), first=first.isoformat(),
                          last=last.isoformat())


def generate_report(store: Store, kind: str, *, ministry_code: str | None = None,
                    as_of: date | None = None, baseline: str | None = None,
                    out_path: Path | str, fit_pages_wide: int | None = None,
                    redact: bool | None = None, progress: Any = None,
                    cancelled: Callable[[], bool] | None = None, lang: str = "ko",
                    fmt: str = "pdf", detail: bool = False,
                    plan: PlanSnapshot | None = None) -> Path:
    """Write the ``kind`` briefing to ``out_path`` and return the path.

    ``lang`` is ``ko`` or ``en``; ``fmt`` is ``pdf`` or ``docx`` (an editable Word
    file with the same sections); ``detail`` adds the tiled Gantt and the sections
    marked detail-only; ``plan`` is the window's plan snapshot (read once without
    one). ``progress`` is an object with ``report(fraction, text)``
    (and optionally ``cancelled``); ``cancelled`` a callable. Raises
    :class:`ReportError` with a one-line message for bad options,
    :class:`ReportCancelled` on cancel.
    """
    from .definitions import DefinitionError

    def is_cancelled() -> bool:
        return bool((cancelled and cancelled()) or getattr(progress, "cancelled", False))

    def check() -> None:
        if is_cancelled():
            raise ReportCancelled("report.cancelled")

    def report(fraction: float, text: str) -> None:
        if progress is not None:
            progress.report(fraction, text)
        check()

    from .definitions import load_definitions

    try:
        known = load_definitions()
    except DefinitionError as exc:
        raise ReportError(str(exc)) from None
    if kind not in known:
        raise ReportError("report.unknown_kind", kind=kind, known=", ".join(known) or "-")
    try:
        definition = get_definition(kind)
    except DefinitionError as exc:
        raise ReportError(exc.message if isinstance(exc, Refusal) else str(exc)) from None
    if fit_pages_wide is not None and not 1 <= fit_pages_wide <= 50:
        raise ReportError("report.pages_wide", n=fit_pages_wide)
    ministry = _ministry(store, ministry_code, definition)
    out = Path(out_path)
    if fmt not in ("pdf", "docx"):
        raise ReportError("report.fmt", fmt=fmt)
    if lang not in ("ko", "en"):
        raise ReportError("report.lang", lang=lang)
    if out.suffix.lower() != f".{fmt}":
        raise ReportError("report.format", path=str(out), suffix=f".{fmt}")
    if out.is_dir():
        raise ReportError("report.is_folder", path=str(out))
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise ReportError("report.no_folder", path=str(folder))
    if not os.access(folder, os.W_OK) or (out.exists() and not os.access(out, os.W_OK)):
        raise ReportError("report.no_write", path=str(out))
    as_of = as_of or store.project().status_date or date.today()

    plan = plan or PlanSnapshot.read(store)  # one read serves the span and the figures
    check_as_of(as_of, plan_span(store, plan))  # before any figure is computed for that date
    report(0.02, "자료 수집 중 / gathering figures")
    try:
        briefing = gather(store, definition, as_of=as_of, ministry=ministry, baseline=baseline,
                          redact=resolve_redact(store, redact), check=check,
                          next_n=_opt(definition, "next_milestones", "n", 10), lang=lang,
                          plan=plan)
    except ReportDataError as exc:
        raise ReportError(exc.message) from None
    subject = definition.subject_en if lang == "en" else definition.subject_ko
    briefing.extra["subject"] = subject or briefing.project
    if fmt == "docx":
        from .docx_out import write_docx

        report(0.25, "문서 구성 중 / laying out sections")
        with atomic_target(out, suffix=".docx.part") as tmp:
            write_docx(briefing, definition, tmp, detail=detail, check=check,
                       fit_pages_wide=fit_pages_wide)
            check()
        if progress is not None:
            progress.report(1.0, f"완료 / done: {out}")
        return out
    report(0.25, "문서 구성 중 / laying out sections")
    register_reportlab_fonts()
    frames, templates = _templates(definition)
    story, ctx = _story(definition, briefing, frames, fit_pages_wide, detail)
    expected = max(4, len(story) // 12 + ctx.state.get("gantt_pages", 0))

    def on_page(n: int) -> None:
        report(0.3 + 0.65 * min(n / expected, 1.0), f"{n}쪽 작성 중 / page {n}")

    with atomic_target(out, suffix=".pdf.part") as tmp:
        doc = _Doc(str(tmp), briefing, on_page=on_page, pageTemplates=templates,
                   pagesize=templates[0].pagesize, title=safe_text(briefing.title),
                   author=AUTHOR, subject=safe_text(f"{briefing.extra['subject']} "
                                                    f"({Lang(lang).date(as_of)})"),
                   creator="smartcity-desktop / ReportLab", keywords=["스마트시티", kind],
                   lang="en-GB" if lang == "en" else "ko-KR", leftMargin=MARGIN_X,
                   rightMargin=MARGIN_X,
                   topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, initialFontName=FONT)
        doc.build(story)
        check()
        if definition.max_pages and doc.page > definition.max_pages:
            raise ReportError("report.too_long", kind=kind, pages=doc.page,
                              limit=definition.max_pages)
        report(0.98, "저장 중 / saving")
    if progress is not None:
        progress.report(1.0, f"완료 / done: {out}")
    return out


def _opt(definition: ReportDefinition, section_type: str, key: str, default: Any) -> Any:
    for s in definition.sections:
        if s.type == section_type:
            return s.opt(key, default)
    return default


def _ministry(store: Store, code: str | None,
              definition: ReportDefinition) -> m.Organisation | None:
    if code is None:
        if definition.needs_ministry:
            raise ReportError("report.needs_ministry", kind=definition.kind)
        return None
    wanted = code.strip().casefold()
    for org in store.organisations():
        if wanted in {org.code.casefold(), org.name_ko.casefold(), org.name_en.casefold()}:
            return org
    codes = ", ".join(o.code for o in store.organisations() if o.kind is m.OrgKind.MINISTRY)
    raise ReportError("report.unknown_ministry", code=code, codes=codes)
