"""The one entry point for user edits: every change becomes a QUndoCommand.

``EditService.run(text, edit)`` runs ``edit(store)`` in one transaction while
recording the rows it touches (:mod:`smartcity_desktop.store.changes`). A
refused edit (validation, concurrent-edit conflict) raises before anything is
pushed, and nothing is written. A successful one is pushed onto the undo stack
already applied; undo and redo replay the recorded rows exactly.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtGui import QUndoCommand, QUndoStack

from ..store import Store
from ..store.changes import ChangeSet, record_changes

R = TypeVar("R")


class EditCommand(QUndoCommand):
    """One recorded edit. The first redo (on push) is skipped: the edit already ran."""

    def __init__(self, store: Store, text: str, changeset: ChangeSet) -> None:
        super().__init__(text)
        self.store = store
        self.changeset = changeset
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            return
        self.changeset.redo(self.store)
        self._applied = True

    def undo(self) -> None:
        self.changeset.undo(self.store)
        self._applied = False


class EditService:
    def __init__(self, store: Store, stack: QUndoStack) -> None:
        self.store = store
        self.stack = stack

    def run(self, text: str, edit: Callable[[Store], R]) -> R:
        """Apply ``edit`` atomically and push it; exceptions propagate with nothing written."""
        result, changeset = record_changes(self.store, edit)
        if not changeset.empty:
            self.stack.push(EditCommand(self.store, text, changeset))
        return result
