"""Korean by default, English on request, switched without a restart; the Korean font."""

from __future__ import annotations

import os
import time

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase, QFontMetrics, QRawFont
from PySide6.QtWidgets import QApplication

from smartcity_desktop.domain import model as m
from smartcity_desktop.ui import i18n
from smartcity_desktop.ui.preferences import PreferencesDialog, saved_language, set_language
from smartcity_desktop.ui.task_model import COL_NAME, COL_OWNER, COL_START


def test_switching_language_retranslates_everything(window):
    context = window.context
    assert window.menuBar().actions()[0].text() == "파일(&F)"
    assert window.model.headerData(COL_NAME, Qt.Orientation.Horizontal) == "작업명"
    task = next(t for t in context.store.tasks() if t.name_en and t.start and not t.start.is_exact)
    start_cell = window.model.index_of(task.id, COL_START)
    assert window.model.data(start_cell) == task.start.label("ko")

    set_language(context, "en")
    assert window.menuBar().actions()[0].text() == "&File"
    assert window.actions_by_name["insert"].text() == "&Insert task"
    assert window.model.headerData(COL_NAME, Qt.Orientation.Horizontal) == "Name"
    assert window.tabs.tabText(0) == "Gantt"
    assert window.model.data(window.model.index_of(task.id, COL_NAME)) == task.name_en
    assert window.model.data(start_cell) == task.start.label("en")
    owned = next(t for t in context.store.tasks() if t.owner_org_id)
    owner_cell = window.model.index_of(owned.id, COL_OWNER)
    org = context.store.get(m.Organisation, owned.owner_org_id)
    assert window.model.data(owner_cell) == org.code  # MOLIT, not the long English name
    assert window.filter_bar.ministry.itemText(0) == "(all)"
    assert "tasks shown" in window.count_label.text()
    assert saved_language() == "en"

    set_language(context, "ko")
    assert window.menuBar().actions()[0].text() == "파일(&F)"
    assert window.filter_bar.ministry.itemText(0) == "(전체)"
    assert window.model.data(window.model.index_of(task.id, COL_NAME)) == task.name_ko
    assert window.model.data(owner_cell) == org.name_ko


def test_preferences_dialog_applies_language_ministry_and_redaction(window, qtbot):
    from smartcity_desktop.app import checklists as cl

    dialog = PreferencesDialog(window.context, window)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.ministry.setCurrentIndex(dialog.ministry.findData("MSIT"))
    dialog.redact.setChecked(True)
    dialog.accept()
    assert window.context.lang == "en" and window.menuBar().actions()[0].text() == "&File"
    assert cl.redact_personal(window.context.store)
    from smartcity_desktop.ui.preferences import own_ministry

    assert own_ministry() == "MSIT"
    set_language(window.context, "ko")


def test_translations_compile_and_cache_by_mtime(tmp_path, monkeypatch):
    tool = i18n.find_lrelease()
    assert tool is not None, "PySide6 ships lrelease"
    monkeypatch.setattr(i18n, "cache_dir", lambda: tmp_path)
    ts = tmp_path / "copy_ko.ts"
    ts.write_bytes(i18n.ts_path("ko").read_bytes())
    first = i18n.compiled_qm(ts)
    assert first is not None and first.stat().st_size > 0
    assert i18n.compiled_qm(ts) == first  # cached
    later = time.time() + 5
    os.utime(ts, (later, later))
    second = i18n.compiled_qm(ts)
    assert second != first and second.exists() and not first.exists()


def test_korean_without_lrelease_reads_the_ts(monkeypatch):
    monkeypatch.setattr(i18n, "find_lrelease", lambda: None)
    translator = i18n.load_translator("ko")
    assert isinstance(translator, i18n.TsTranslator) and len(translator) > 150
    app = QCoreApplication.instance()
    translations = i18n.Translations()
    try:
        i18n.translations().apply("en")
        translations.apply("ko")
        assert QCoreApplication.translate("MainWindow", "&File") == "파일(&F)"
        assert QCoreApplication.translate("TaskTreeModel", "Late") == "지연"
    finally:
        for t in translations.installed:
            app.removeTranslator(t)
        i18n.translations().apply("ko")


def test_every_korean_string_is_translated():
    ko = i18n.TsTranslator(i18n.ts_path("ko"))
    en = i18n.TsTranslator(i18n.ts_path("en"))
    assert len(ko) == len(en) > 150
    hangul = sum(any("\uac00" <= ch <= "\ud7a3" for ch in text) for text in ko._by_context.values())
    assert hangul >= len(ko) - 5  # all but codes like "WBS" and "{0}: {1}"


def test_bundled_korean_font_is_the_app_font():
    font = QApplication.font()
    assert font.family() in QFontDatabase.families()
    raw = QRawFont.fromFont(font)
    assert raw.familyName() == font.family()  # the bundled font itself, not a fallback
    metrics = QFontMetrics(font)
    for ch in "국토교통부에코델타시티 상반기":
        assert metrics.inFontUcs4(ord(ch)) and raw.supportsCharacter(ord(ch)), ch


def test_view_tabs_follow_the_language(window):
    from smartcity_desktop.ui.checklist_view import ChecklistView
    from smartcity_desktop.ui.dashboard import DashboardView

    window.add_plugin_views()
    tabs = window.tabs
    views = {type(tabs.widget(i)).__name__: i for i in range(tabs.count())}
    checklist = tabs.widget(views["ChecklistView"])
    dashboard = tabs.widget(views["DashboardView"])
    assert isinstance(checklist, ChecklistView) and isinstance(dashboard, DashboardView)
    tabs.setCurrentIndex(views["DashboardView"])  # charts are drawn for the tab on screen

    def chart_titles() -> list[str]:
        return [ax.get_title() for ax in dashboard.figure.axes]

    def korean() -> None:
        assert tabs.tabText(views["ChecklistView"]) == "부처별 체크리스트"
        assert tabs.tabText(views["DashboardView"]) == "대시보드"
        assert tabs.tabText(views["ContactsView"]) == "연락처"
        assert checklist.ministry_label.text() == "부처"
        assert checklist.buttons["add"].text() == "항목 추가"
        assert checklist.tree.headerItem().text(0) == "항목"
        assert "기준일" in checklist.summary.text()
        assert dashboard.side_titles[0].text().startswith("부처별 진척 (")
        assert "부처별 마일스톤 현황" in chart_titles()

    korean()
    draws = dashboard.draw_count
    set_language(window.context, "en")
    assert tabs.tabText(0) == "Gantt"
    assert tabs.tabText(views["ChecklistView"]) == "Checklists"
    assert tabs.tabText(views["DashboardView"]) == "Dashboard"
    assert tabs.tabText(views["BudgetView"]) == "Budget"
    assert tabs.tabText(views["ProvisionsView"]) == "Regulation"
    assert tabs.tabText(views["ContactsView"]) == "Contacts"
    assert checklist.ministry_label.text() == "Ministry"
    assert checklist.buttons["add"].text() == "Add item"
    assert checklist.tree.headerItem().text(0) == "Item"
    assert "as of" in checklist.summary.text() and "기준일" not in checklist.summary.text()
    assert dashboard.side_titles[0].text().startswith("Progress by ministry")
    assert dashboard.draw_count > draws and "Milestones by ministry" in chart_titles()
    assert not any("\uac00" <= ch <= "\ud7a3" for title in chart_titles() for ch in title)

    set_language(window.context, "ko")
    korean()


def test_the_documented_lupdate_run_keeps_every_translation(tmp_path):
    """resources/translations/README.md's update must find every string the window uses: a
    string it cannot see (a helper that fills in the context) would be dropped by it."""
    import re
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    tool = Path(sys.executable).with_name("pyside6-lupdate")
    if not tool.exists() and shutil.which("pyside6-lupdate") is None:
        pytest.skip("pyside6-lupdate is not installed")
    root = Path(__file__).resolve().parents[2]
    ts = root / "resources" / "translations" / "smartcity_ko.ts"
    copy = tmp_path / "smartcity_ko.ts"
    shutil.copy(ts, copy)
    files = sorted(str(p) for p in (root / "smartcity_desktop" / "ui").glob("*.py")) + sorted(
        str(p) for p in (root / "smartcity_desktop" / "ui" / "gantt").glob("*.py"))
    subprocess.run([str(tool) if tool.exists() else "pyside6-lupdate", *files, "-ts", str(copy),
                    "-no-obsolete", "-locations", "none"], check=True, capture_output=True,
                   timeout=120)

    def sources(path: Path) -> set[str]:
        return set(re.findall(r"<source>(.*?)</source>",
                              path.read_text(encoding="utf-8").replace("&apos;", "'")))

    assert sources(ts) == sources(copy)
