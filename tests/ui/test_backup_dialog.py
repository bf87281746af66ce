"""File › 백업에서 복원: the dialog lists the backups and puts the chosen one back."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QMessageBox

from smartcity_desktop.store import open_store
from smartcity_desktop.ui.backup_dialog import BackupDialog


def test_menu_entry_in_korean_and_english(window) -> None:
    from smartcity_desktop.ui.preferences import set_language

    action = window.actions_by_name["restore_backup"]
    assert action in window.menus["file"].actions()
    assert action.text() == "백업에서 복원…"
    set_language(window.context, "en")
    assert action.text() == "Restore from backup…"
    set_language(window.context, "ko")


def test_restore_puts_the_backup_back(qtbot, db_path, monkeypatch, messages) -> None:
    from smartcity_desktop.ui.context import AppContext

    with open_store(db_path) as store:  # a session: backup first, then the rename
        task = store.tasks()[4]
        original = task.name_ko
        store.update(dataclasses.replace(task, name_ko="바뀐 이름"))
    store = open_store(db_path, keep_backups=0)
    context = AppContext(store)
    context.lang = "ko"
    reloaded = []
    context.changed.connect(reloaded.append)
    dialog = BackupDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1 and dialog.restore_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    dialog.restore_selected()
    assert store.get(type(task), task.id).name_ko == original
    assert reloaded and "tasks" in reloaded[-1]
    assert any("복원했습니다" in text for _, _, text in messages)
    context.detach()
    store.close()
