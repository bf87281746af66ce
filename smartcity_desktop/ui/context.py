"""The application context shared by every view: store, undo stack, edits, language.

Views never talk to each other directly; they read the store and listen to
``changed`` (emitted after every commit, with the touched tables), and ask for
a task-table filter through ``filterRequested``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ..store import Store
from .edits import EditService


class AppContext(QObject):
    changed = Signal(object)  # set[str] of table names touched by the last commit
    # keys: ministry (org code), city (city code), status, kind, critical (bool), text
    filterRequested = Signal(dict)
    languageChanged = Signal(str)
    statusDateChanged = Signal(object)  # datetime.date

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.undo_stack = QUndoStack(self)
        self.edits = EditService(store, self.undo_stack)
        self.lang = "ko"
        self._listener = self._on_commit
        store.listeners.append(self._listener)

    def _on_commit(self, pending: list[tuple[str, str, Any]]) -> None:
        if pending:
            self.changed.emit({table for _, table, _ in pending})

    def detach(self) -> None:
        """Stop listening to the store (before it closes or the context dies)."""
        if self._listener in self.store.listeners:
            self.store.listeners.remove(self._listener)
