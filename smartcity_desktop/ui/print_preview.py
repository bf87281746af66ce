"""File › 인쇄: print preview of the programme briefing and of the Gantt chart.

Both are printed from the same drawing as the PDF briefing, so paper and PDF
agree: the briefing (in the window's language, at the project's status date) or
the detailed Gantt chart (A4 landscape, tiled) is written to a temporary PDF in
the background, then :class:`QPrintPreviewDialog` shows it and prints it to a
real printer or to PDF. Pages are rasterised with PDFium at :data:`PRINT_DPI`;
a landscape page printed on portrait paper is turned to fit.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF
from PySide6.QtGui import QAction, QImage, QPageLayout, QPageSize, QPainter, QTransform
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QMessageBox

from ..store import open_store
from .workers import describe_error, run_in_background

PRINT_DPI = 200


# called as translate("PrintMenu", "literal"): the form pyside6-lupdate finds (a helper that
# fills in the context hides the strings from it, and its update would drop them)
translate = QCoreApplication.translate


def rasterise(pdf_path: Path | str, dpi: int = PRINT_DPI) -> list[tuple[int, int, bytes]]:
    """Every page of ``pdf_path`` as (width, height, RGB bytes) at ``dpi`` (PDFium; no Qt,
    so it may run off the GUI thread)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(pdf_path))
    pages = []
    try:
        for page in pdf:
            pil = page.render(scale=dpi / 72).to_pil().convert("RGB")
            pages.append((pil.width, pil.height, pil.tobytes("raw", "RGB")))
    finally:
        pdf.close()
    return pages


def to_images(pages: list[tuple[int, int, bytes]]) -> list[QImage]:
    """QImages (GUI thread) that own their pixels."""
    return [QImage(data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()
            for w, h, data in pages]


def page_images(pdf_path: Path | str, dpi: int = PRINT_DPI) -> list[QImage]:
    """Every page of ``pdf_path`` as an image at ``dpi``."""
    return to_images(rasterise(pdf_path, dpi))


def paint_pages(printer: QPrinter, images: list[QImage]) -> int:
    """Draw each image on its own sheet, scaled to the printable area; returns pages drawn."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        for i, image in enumerate(images):
            if i:
                printer.newPage()
            area = printer.pageLayout().paintRectPixels(printer.resolution())
            target = QRectF(0, 0, area.width(), area.height())
            turn = (image.width() > image.height()) != (target.width() > target.height())
            if turn:  # a landscape page on portrait paper (or the other way): rotate it
                image = image.transformed(QTransform().rotate(90))
            scale = min(target.width() / image.width(), target.height() / image.height())
            w, h = image.width() * scale, image.height() * scale
            painter.drawImage(QRectF((target.width() - w) / 2, (target.height() - h) / 2, w, h),
                              image)
    finally:
        painter.end()
    return len(images)


def make_printer(landscape: bool) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    orientation = QPageLayout.Orientation.Landscape if landscape else \
        QPageLayout.Orientation.Portrait
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation,
                                      QMarginsF(8, 8, 8, 8), QPageLayout.Unit.Millimeter))
    return printer


class PrintJob:
    """Write the PDF in the background, then open the print preview on it."""

    def __init__(self, window: Any, what: str) -> None:
        self.window = window
        self.what = what  # "briefing" | "gantt"
        self.folder = tempfile.TemporaryDirectory(prefix="smartcity-print-")
        self.dialog: QPrintPreviewDialog | None = None
        self.printer: QPrinter | None = None
        self.images: list[QImage] = []

    def start(self) -> None:
        context = self.window.context
        db_path = context.store.path
        project = context.store.project()
        as_of = project.status_date or date.today()
        lang = getattr(context, "lang", "ko")
        out = Path(self.folder.name) / f"{self.what}.pdf"
        detail = self.what == "gantt"
        from ..reporting.builder import generate_report  # heavy: only when printing

        def work(progress: Any) -> list[tuple[int, int, bytes]]:
            store = open_store(db_path, create=False, keep_backups=0)
            try:
                generate_report(store, "programme", as_of=as_of, out_path=out, lang=lang,
                                detail=detail, progress=progress)
            finally:
                store.close()
            pages = rasterise(out)
            if detail:  # the Gantt alone: its landscape tiles
                pages = [p for p in pages if p[0] > p[1]]
            return pages

        title = translate("PrintMenu", "Preparing the print preview")
        run_in_background(self.window, title, work, self.show, on_error=self.failed)

    def show(self, pages: list[tuple[int, int, bytes]]) -> None:
        self.images = to_images(pages)
        # the dialog does not own its printer: keep it alive as long as the dialog
        self.printer = make_printer(self.what == "gantt")
        self.dialog = QPrintPreviewDialog(self.printer, self.window)
        self.dialog.setWindowTitle(
            translate("PrintMenu", "Print preview: Gantt chart") if self.what == "gantt"
            else translate("PrintMenu", "Print preview: briefing"))
        self.dialog.paintRequested.connect(lambda p: paint_pages(p, self.images))
        self.dialog.finished.connect(lambda _r: self.folder.cleanup())
        self.dialog.open()

    def failed(self, exc: BaseException) -> None:
        from ..reporting.builder import ReportError

        self.folder.cleanup()
        text = exc.text() if isinstance(exc, ReportError) else describe_error(exc)
        QMessageBox.warning(self.window, translate("PrintMenu", "Print"), text)


def print_preview(window: Any, what: str) -> PrintJob:
    job = PrintJob(window, what)
    window._print_job = job  # keep it alive while the preview is open
    job.start()
    return job


def install(window: Any) -> None:
    """Add File › Print (briefing, Gantt) to the main window's File menu, above Quit."""
    menu = window.menus["file"]
    sub = menu.addMenu("")
    sub.setObjectName("menu_print")
    briefing = QAction(window)
    briefing.setObjectName("print_briefing")
    briefing.triggered.connect(lambda: print_preview(window, "briefing"))
    gantt = QAction(window)
    gantt.setObjectName("print_gantt")
    gantt.triggered.connect(lambda: print_preview(window, "gantt"))
    sub.addAction(briefing)
    sub.addAction(gantt)
    quit_action = window.actions_by_name.get("quit")
    if quit_action is not None:
        menu.insertMenu(quit_action, sub)
        menu.insertSeparator(quit_action)
    window.actions_by_name.update(print_briefing=briefing, print_gantt=gantt)

    def retitle(_lang: str = "") -> None:
        sub.setTitle(translate("PrintMenu", "&Print"))
        briefing.setText(translate("PrintMenu", "&Briefing…"))
        gantt.setText(translate("PrintMenu", "&Gantt chart (A4 landscape)…"))

    retitle()
    window.context.languageChanged.connect(retitle)


__all__ = ["install", "page_images", "paint_pages", "print_preview", "PrintJob"]
