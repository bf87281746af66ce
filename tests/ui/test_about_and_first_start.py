"""Help › 정보, the first-start welcome and the desk settings, driven with qtbot."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from smartcity_desktop import __version__
from smartcity_desktop.app import desk as dp
from smartcity_desktop.ui.about_dialog import AboutDialog
from smartcity_desktop.ui.first_start import DeskDialog


def test_about_shows_version_schema_location_and_licences(qtbot, context, db_path):
    dialog = AboutDialog(db_path, "ko")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "정보"
    assert __version__ in dialog.findChild(type(dialog.lines["data"]), "about_title").text()
    from smartcity_desktop.store.database import latest_schema_version

    latest = latest_schema_version()
    assert dialog.lines["schema"].text().startswith(f"데이터베이스 스키마: {latest}")
    assert dialog.lines["data"].text() == f"데이터 위치: {db_path}"
    rows = {dialog.table.item(r, 0).text(): dialog.table.item(r, 2).text()
            for r in range(dialog.table.rowCount())}
    assert rows["나눔고딕 글꼴 (Nanum Gothic)"] == "OFL-1.1"
    pyside = next(v for k, v in rows.items() if k.lower().startswith("pyside6"))
    assert "LGPL" in pyside
    opened: list[QUrl] = []
    dialog.open_url = lambda url: opened.append(url) or True
    assert dialog.open_data_folder()
    assert opened == [QUrl.fromLocalFile(str(db_path.parent))]
    text = dialog.copy_details()
    assert QGuiApplication.clipboard().text() == text and "구성 요소와 라이선스:" in text


def test_about_in_english(qtbot, db_path):
    from smartcity_desktop.ui.i18n import translations

    translations().apply("en")
    dialog = AboutDialog(db_path, "en")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "About"
    assert dialog.lines["data"].text() == f"data location: {db_path}"
    assert dialog.open_folder.text() == "Open data folder"


def test_help_menu_opens_the_about_dialog_and_edit_menu_the_desk_settings(window, monkeypatch):
    from smartcity_desktop.ui import about_dialog, first_start

    calls = []
    monkeypatch.setattr(about_dialog, "open_about", lambda *a: calls.append(("about", a)))
    monkeypatch.setattr(first_start, "open_desk_dialog",
                        lambda *a, **k: calls.append(("desk", a, k)))
    actions = window.actions_by_name
    assert actions["about"] in window.menus["help"].actions()
    assert actions["desk_settings"] in window.menus["edit"].actions()
    assert actions["desk_settings"].text() == "업무 담당 설정(&K)…"
    actions["about"].trigger()
    actions["desk_settings"].trigger()
    assert calls[0] == ("about", (window.context.store.path, "ko", window))
    assert calls[1][0] == "desk" and calls[1][1] == (window.context,)


def _fill(dialog: DeskDialog, code: str, name: str, position: str, role: str) -> None:
    dialog.organisation.setCurrentIndex(dialog.organisation.findData(code))
    dialog.officer_name.setText(name)
    dialog.officer_position.setText(position)
    dialog.role.setCurrentIndex(dialog.role.findData(role))


def test_first_start_says_where_the_file_is_and_stores_the_desk(qtbot, context, db_path):
    from smartcity_desktop.ui.preferences import own_ministry

    dialog = DeskDialog(context, created_at=db_path)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "처음 시작"
    assert str(db_path) in dialog.where.text() and "만들었습니다" in dialog.where.text()
    assert dialog.organisation.currentData() == ""  # nothing chosen for the officer
    _fill(dialog, "MSIT", "최담당", "주무관", "coordinator")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.result() == DeskDialog.DialogCode.Accepted
    assert dp.read_profile(context.store) == dp.DeskProfile("MSIT", "최담당", "주무관",
                                                            "coordinator")
    assert own_ministry() == "MSIT"  # the checklist view opens on the officer's ministry


def test_desk_form_refuses_in_korean_and_stores_nothing(qtbot, context):
    dialog = DeskDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "업무 담당 설정"
    assert not hasattr(dialog, "where") and not hasattr(dialog, "sample")
    _fill(dialog, "MOLIT", "   ", "", "member")
    dialog.accept()
    assert dialog.isVisible()  # still open: the officer can correct it
    assert dialog.message.text() == "담당자 이름을(를) 입력하십시오"
    assert dp.read_profile(context.store) == dp.DeskProfile()
    dialog.close()


def test_desk_form_shows_the_stored_profile(qtbot, context):
    dp.write_profile(context.store, dp.DeskProfile("ME", "박담당", "과장", "coordinator"))
    dialog = DeskDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.chosen_profile() == dp.DeskProfile("ME", "박담당", "과장", "coordinator")


def test_sample_briefing_link_writes_the_pdf_and_opens_it(qtbot, context, db_path, tmp_path):
    dialog = DeskDialog(context, created_at=db_path)
    qtbot.addWidget(dialog)
    dialog.briefing_folder = tmp_path
    opened: list[QUrl] = []
    dialog.open_url = lambda url: opened.append(url) or True
    dialog.sample.linkActivated.emit("#briefing")
    qtbot.waitUntil(lambda: dialog.briefing_path is not None, timeout=60_000)
    assert dialog.briefing_path.parent == tmp_path
    assert dialog.briefing_path.read_bytes()[:5] == b"%PDF-"
    assert opened == [QUrl.fromLocalFile(str(dialog.briefing_path))]
    assert dialog.message.text().startswith("열었습니다: ")


def test_run_app_shows_the_first_start_only_for_a_new_file(qtbot, tmp_path, monkeypatch):
    from smartcity_desktop.ui import app as app_module
    from smartcity_desktop.ui import first_start

    shown: list[Path] = []
    monkeypatch.setattr(first_start, "show_first_start",
                        lambda context, path, parent: shown.append(Path(path)))

    def fake_exec():  # let queued calls run, close the window, return as exec() would
        for _ in range(5):
            QCoreApplication.processEvents()
        for widget in QApplication.topLevelWidgets():
            if type(widget).__name__ == "MainWindow":
                widget.close()
                widget.deleteLater()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    db = tmp_path / "new-desk.db"
    assert app_module.run_app(db=str(db), lang="ko") == 0
    assert shown == [db] and db.is_file()
    assert app_module.run_app(db=str(db), lang="ko") == 0
    assert shown == [db]  # shown once: the second start opens the existing file
