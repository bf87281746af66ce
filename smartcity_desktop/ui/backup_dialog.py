"""File › 백업에서 복원: pick one of the database's backups and put it back.

The current state is backed up first (:func:`store.backups.restore`), the
pages are copied into the open database, and the window reloads every view;
the undo history is cleared because it describes the state before.
Texts come from the Qt-free message catalogue, in the window's language.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..messages import msg, register
from ..store import StoreError
from ..store.backups import BackupInfo, describe, restore
from .context import AppContext

register({
    "ui.restore_menu": ("백업에서 복원…", "Restore from backup…"),
    "ui.restore_title": ("백업에서 복원", "Restore from backup"),
    "ui.restore_intro": ("되돌릴 백업을 고르십시오. 현재 상태는 먼저 백업됩니다.",
                         "Choose the backup to go back to. The current state is backed up "
                         "first."),
    "ui.restore_none": ("이 데이터베이스에는 아직 백업이 없습니다.",
                        "This database has no backups yet."),
    "ui.restore_cols": ("시각|크기(KB)|과업 수|파일", "Time|Size (KB)|Tasks|File"),
    "ui.restore_button": ("복원", "Restore"),
    "ui.restore_confirm": ("{name}의 내용으로 되돌릴까요? 지금 상태는 백업됩니다.",
                           "Go back to the content of {name}? The current state is backed up."),
    "ui.restore_done": ("{backup}에서 복원했습니다. 복원 전 상태는 {safety}에 있습니다.",
                        "Restored from {backup}. The state before is in {safety}."),
    "ui.restore_failed": ("복원하지 못했습니다: {reason}", "Could not restore: {reason}"),
    "ui.unreadable": ("읽을 수 없음", "unreadable"),
})


class BackupDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        lang = context.lang
        self.setWindowTitle(msg("ui.restore_title").text(lang))
        self.backups: list[BackupInfo] = describe(context.store.path)
        layout = QVBoxLayout(self)
        intro = "ui.restore_intro" if self.backups else "ui.restore_none"
        layout.addWidget(QLabel(msg(intro).text(lang)))
        self.table = QTableWidget(len(self.backups), 4, self)
        self.table.setHorizontalHeaderLabels(msg("ui.restore_cols").text(lang).split("|"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, b in enumerate(self.backups):
            tasks = str(b.tasks) if b.tasks is not None else msg("ui.unreadable").text(lang)
            for col, text in enumerate((b.taken.strftime("%Y-%m-%d %H:%M:%S"),
                                        f"{b.size // 1024:,}", tasks, b.path.name)):
                self.table.setItem(row, col, QTableWidgetItem(text))
        if self.backups:
            self.table.selectRow(0)
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = buttons.addButton(msg("ui.restore_button").text(lang),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(bool(self.backups))
        buttons.accepted.connect(self.restore_selected)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 360)

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def restore_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        lang = self.context.lang
        title = msg("ui.restore_title").text(lang)
        answer = QMessageBox.question(self, title, msg("ui.restore_confirm",
                                                       name=chosen.path.name).text(lang))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            source, safety = restore(self.context.store.path, chosen.path.name)
        except StoreError as exc:
            QMessageBox.warning(self, title, msg("ui.restore_failed",
                                                 reason=exc.message).text(lang))
            return
        self.context.undo_stack.clear()  # its edits describe the state before the restore
        self.context.reload_all()  # the plan and every view re-read the restored file
        QMessageBox.information(self, title, msg("ui.restore_done", backup=source.name,
                                                 safety=safety.name).text(lang))
        self.accept()


def open_backup_dialog(context: AppContext, parent: QWidget | None = None) -> BackupDialog:
    dialog = BackupDialog(context, parent)
    dialog.open()
    return dialog
