"""File › 인쇄: the briefing and the Gantt chart through QPrintPreviewDialog (offscreen)."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pypdf import PdfReader  # noqa: E402
from PySide6.QtGui import QPageLayout  # noqa: E402
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog  # noqa: E402

from smartcity_desktop.reporting.builder import generate_report  # noqa: E402
from smartcity_desktop.ui import print_preview  # noqa: E402


def test_file_menu_has_print_with_briefing_and_gantt(window) -> None:
    titles = [a.text() for a in window.menus["file"].actions()]
    assert "인쇄(&P)" in titles
    assert titles.index("인쇄(&P)") < titles.index(window.actions_by_name["quit"].text())
    assert window.actions_by_name["print_briefing"].text() == "보고서(&B)…"
    assert "A4" in window.actions_by_name["print_gantt"].text()


def _to_pdf(printer: QPrinter, path: Path) -> QPrinter:
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_pages_print_to_pdf_portrait_and_landscape(context, tmp_path: Path) -> None:
    src = generate_report(context.store, "programme", out_path=tmp_path / "b.pdf")
    images = print_preview.page_images(src, dpi=60)
    pages = PdfReader(str(src)).pages
    assert len(images) == len(pages)
    assert any(im.width() > im.height() for im in images)  # the Gantt pages
    out = tmp_path / "printed.pdf"
    printer = _to_pdf(print_preview.make_printer(False), out)
    assert print_preview.paint_pages(printer, images) == len(images)
    printed = PdfReader(str(out)).pages
    assert len(printed) == len(images)
    assert all(p.mediabox.height > p.mediabox.width for p in printed)  # turned to fit A4
    gantt = _to_pdf(print_preview.make_printer(True), tmp_path / "gantt.pdf")
    assert gantt.pageLayout().orientation() == QPageLayout.Orientation.Landscape
    print_preview.paint_pages(gantt, [im for im in images if im.width() > im.height()])
    sheet = PdfReader(str(tmp_path / "gantt.pdf")).pages[0]
    assert sheet.mediabox.width > sheet.mediabox.height  # A4 landscape


def test_print_action_opens_the_preview(qtbot, window) -> None:
    job = print_preview.print_preview(window, "gantt")
    qtbot.waitUntil(lambda: job.dialog is not None, timeout=60_000)
    assert isinstance(job.dialog, QPrintPreviewDialog)
    assert job.images and all(im.width() > im.height() for im in job.images)
    assert "간트" in job.dialog.windowTitle()
    job.dialog.close()
    qtbot.waitUntil(lambda: not Path(job.folder.name).exists(), timeout=5_000)
