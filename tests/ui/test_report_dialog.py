"""The Reports dialog (pytest-qt, offscreen): options, background generation, errors, cancel."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pypdf import PdfReader  # noqa: E402
from PySide6.QtCore import QDate  # noqa: E402

from smartcity_desktop.store import open_store  # noqa: E402
from smartcity_desktop.ui.context import AppContext  # noqa: E402
from smartcity_desktop.ui.report_dialog import ReportDialog  # noqa: E402


@pytest.fixture()
def context(qtbot, tmp_path: Path):
    store = open_store(tmp_path / "db" / "dialog.db", keep_backups=0)
    ctx = AppContext(store)
    yield ctx
    ctx.detach()
    store.close()


def _dialog(qtbot, context, kind: str, out: Path) -> ReportDialog:
    dialog = ReportDialog(context)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
    dialog.open_after.setChecked(False)
    dialog.out.setText(str(out))
    dialog._out_edited = True
    return dialog


def test_dialog_defaults(qtbot, context) -> None:
    dialog = ReportDialog(context)
    qtbot.addWidget(dialog)
    kinds = [dialog.kind.itemData(i) for i in range(dialog.kind.count())]
    assert {"programme", "ministry", "milestones"} <= set(kinds)
    assert dialog.chosen_date() == context.store.project().status_date
    assert not dialog.redact.isChecked()
    dialog.kind.setCurrentIndex(dialog.kind.findData("ministry"))
    assert dialog.ministry.isEnabled()
    assert dialog.out.text().endswith(f"briefing-ministry-{dialog.chosen_date()}.pdf")
    dialog.kind.setCurrentIndex(dialog.kind.findData("milestones"))
    assert not dialog.ministry.isEnabled() and not dialog.pages_wide.isEnabled()


def test_redact_default_follows_setting(qtbot, context) -> None:
    context.store.set_setting("report.redact_personal", "1")
    dialog = ReportDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.redact.isChecked()


def test_generates_ministry_briefing_in_background(qtbot, context, tmp_path: Path) -> None:
    out = tmp_path / "out" / "molit.pdf"
    out.parent.mkdir()
    dialog = _dialog(qtbot, context, "ministry", out)
    dialog.ministry.setCurrentIndex(dialog.ministry.findData("MOLIT"))
    dialog.as_of.setDate(QDate(2019, 3, 15))
    dialog.pages_wide.setValue(1)
    dialog.redact.setChecked(True)
    dialog.generate()
    qtbot.waitUntil(lambda: dialog.last_path is not None, timeout=60_000)
    assert dialog.last_path == out and out.exists()
    assert str(out) in dialog.message.text()
    text = "\n".join(p.extract_text() for p in PdfReader(str(out)).pages)
    assert "국토교통부" in text and "2019. 3. 15." in text
    assert "세로 1/" in text and "가로 1/" not in text and "이정희" not in text
    assert dialog.generate_button.isEnabled()


def test_bad_folder_shows_one_line_error(qtbot, context, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, context, "milestones", tmp_path / "missing" / "x.pdf")
    dialog.generate()
    # the refusal speaks the window's language (Korean here, English after a switch)
    qtbot.waitUntil(lambda: "그런 폴더가 없습니다" in dialog.message.text(), timeout=30_000)
    assert dialog.last_path is None
    assert dialog.generate_button.isEnabled()
    context.lang = "en"
    dialog.generate()
    qtbot.waitUntil(lambda: "no such folder" in dialog.message.text(), timeout=30_000)
    assert len(dialog.message.text().splitlines()) == 1


def test_cancel_leaves_no_file(qtbot, context, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    dialog = _dialog(qtbot, context, "programme", out / "p.pdf")
    dialog.generate()
    dialog.job.cancel()
    qtbot.waitUntil(lambda: "Cancelled" in dialog.message.text()
                    or "취소" in dialog.message.text(), timeout=60_000)
    assert dialog.last_path is None
    assert list(out.iterdir()) == []


def test_language_and_format_choices(qtbot, context, tmp_path: Path) -> None:
    from docx import Document

    dialog = ReportDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.lang.currentData() == "ko" and dialog.fmt.currentData() == "pdf"
    dialog.kind.setCurrentIndex(dialog.kind.findData("milestones"))
    dialog.lang.setCurrentIndex(dialog.lang.findData("en"))
    dialog.fmt.setCurrentIndex(dialog.fmt.findData("docx"))
    assert dialog.out.text().endswith(f"briefing-milestones-{dialog.chosen_date()}-en.docx")
    out = tmp_path / "one-pager.docx"
    dialog.out.setText(str(out))
    dialog._out_edited = True
    dialog.open_after.setChecked(False)
    dialog.generate()
    qtbot.waitUntil(lambda: dialog.last_path is not None, timeout=60_000)
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "Key figures" in text or "Next milestones" in text
    assert not any("\uac00" <= ch <= "\ud7a3" for ch in text.replace("억원", ""))
