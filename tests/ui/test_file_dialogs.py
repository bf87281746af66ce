"""File dialogs start in Documents, then in the last folder used for that kind of file."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog

from smartcity_desktop.ui import file_dialogs as fd


def test_import_starts_in_documents_then_the_last_folder(window, monkeypatch, tmp_path):
    seen = []

    def fake_open(parent, title, folder, filters):
        seen.append(folder)
        return (str(tmp_path / "plan.xml"), "") if len(seen) == 1 else ("", "")

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fake_open))
    from smartcity_desktop.ui import interop_actions

    monkeypatch.setattr(interop_actions, "run_in_background", lambda *a, **k: None)
    interop_actions.import_file(window, window.context)
    assert seen[0] == str(fd.documents_folder())
    interop_actions.import_file(window, window.context)
    assert seen[1] == str(tmp_path)


def test_save_suggests_a_name_in_the_start_folder(monkeypatch, tmp_path):
    fd.remember_folder("export", tmp_path / "x.xlsx")
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda parent, title, suggested, filters: asked.append(suggested) or ("", "")))
    assert fd.save_file(None, "t", "계획.xlsx", "*.xlsx", "export") == ""
    assert asked == [str(tmp_path / "계획.xlsx")]
    (tmp_path / "gone").mkdir()
    fd.remember_folder("report", tmp_path / "gone")
    (tmp_path / "gone").rmdir()
    assert fd.start_folder("report") == fd.documents_folder()  # a vanished folder is skipped
