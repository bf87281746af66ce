"""The Qt side of the write path: each edit becomes one QUndoCommand, refusals one message.

``EditService.run(text, edit)`` hands ``edit`` to :meth:`app.session.Session.run`
and pushes the committed record; undo and redo call the session's replays.
``EditService.run_in_background`` does the same off the GUI thread for an edit
that takes seconds (an import of 100,000 rows), with progress and Cancel.
:func:`perform` is the one way the window runs an edit and shows a refusal:
a conflict with someone else's change offers to reload (keep theirs) or to
overwrite (apply mine again over what is stored now).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ..app.session import EditRecord, Session
from ..messages import Refusal
from ..store.errors import FieldConflictError
from .workers import BackgroundJob, Progress, run_in_background

if TYPE_CHECKING:
    from .context import AppContext

R = TypeVar("R")
translate = QCoreApplication.translate


BACKGROUND_REPLAY = 2000  # rows: undoing or redoing more runs off the GUI thread


class EditCommand(QUndoCommand):
    """One committed edit. The first redo (on push) is skipped: the edit already ran."""

    def __init__(self, service: EditService, text: str, record: EditRecord[Any]) -> None:
        super().__init__(text)
        self.service = service
        self.session = service.session
        self.record = record
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            return
        self._replay(self.session.redo)
        self._applied = True

    def undo(self) -> None:
        if self._replay(self.session.undo):
            self._applied = False

    def _replay(self, how: Callable[[EditRecord[Any]], None]) -> bool:
        """Replay; a refusal (someone changed these rows since) is shown, and the command
        leaves the history, since it can no longer be replayed without overwriting them."""
        try:
            if len(self.record.changeset.changes) >= BACKGROUND_REPLAY:  # an import's rows
                self.service.replay_in_background(self.text(), how, self.record)
            else:
                how(self.record)
        except Refusal as exc:
            self.setObsolete(True)
            show_refusal(None, exc)
            return False
        return True


class EditService:
    def __init__(self, session: Session, stack: QUndoStack) -> None:
        self.session = session
        self.store = session.store
        self.stack = stack
        self.busy = False  # a background edit holds the store: the window must not read it

    def run_in_background(self, parent: QWidget | None, title: str, text: str,
                          edit: Callable[[Any, Progress], R], on_done: Callable[[R], None],
                          on_error: Callable[[BaseException], None]) -> BackgroundJob:
        """:meth:`run` in the one background helper: ``edit(store, progress)`` writes in a
        worker thread (the progress dialog is modal and the window's polling pauses, so
        nothing else uses the connection meanwhile). The commit's notifications wait for
        the GUI thread: the plan, the views and the undo history follow it there. A
        refusal or Cancel rolls everything back and goes to ``on_error`` (Cancel: nothing).
        """
        release = self._hold_commits()
        job: BackgroundJob | None = None
        settled = False

        def settle() -> EditRecord[Any] | None:
            nonlocal settled
            record = job.result if job is not None and isinstance(job.result, EditRecord) \
                else None
            if settled:
                return record
            settled = True
            release()
            if record is not None:
                self._push(text, record)
            return record

        def done(record: EditRecord[R]) -> None:
            settle()
            on_done(record.result)

        def failed(exc: BaseException) -> None:
            settle()
            on_error(exc)

        def cancelled() -> None:
            record = settle()  # Cancel pressed after the commit: the edit stands
            if record is not None:
                on_done(record.result)

        job = run_in_background(parent, title,
                                lambda progress: self.session.run(lambda s: edit(s, progress)),
                                done, failed, cancelled)
        job.finished.connect(settle)  # whatever happened to the window meanwhile
        return job

    def _hold_commits(self) -> Callable[[], None]:
        """Until the returned function is called: commits made in a worker thread are only
        noted, and the window does not poll; calling it tells the listeners (GUI thread)."""
        store, held, captured = self.store, self.store.listeners, []
        store.listeners = [captured.append]
        self.busy = True

        def release() -> None:
            store.listeners, self.busy = held, False
            for pending in captured:
                for listener in list(held):
                    listener(pending)
        return release

    def replay_in_background(self, text: str, how: Callable[..., None],
                             record: EditRecord[Any]) -> None:
        """Undo or redo ``record`` in a worker while a modal dialog shows progress; returns
        when it is done (a local event loop keeps the window painting meanwhile). No
        Cancel: the undo history must know whether the replay happened. Its refusal is
        raised here."""
        release = self._hold_commits()
        failure: list[BaseException] = []
        loop, finished = QEventLoop(), []
        label = translate("commands", "Replaying {0}…").format(text)

        def work(progress: Progress) -> None:
            how(record, lambda fraction: progress.report(fraction, label))

        job = run_in_background(QApplication.activeWindow(), text, work, lambda _r: None,
                                failure.append)
        if job.dialog is not None:
            job.dialog.setCancelButton(None)
        job.finished.connect(lambda: (finished.append(True), loop.quit()))
        try:
            if not finished:
                loop.exec()
        finally:
            release()
        if failure:
            raise failure[0]

    def run(self, text: str, edit: Callable[[Any], R]) -> R:
        """Apply ``edit`` atomically and push it; a refusal propagates with nothing written."""
        return self._push(text, self.session.run(edit))

    def run_stages(self, text: str, edits: list[Callable[[Any], Any]]) -> Any:
        """Several edits as one undo step (no undo macro: Python commands inside a Qt
        macro are owned twice and crash when the stack deletes them)."""
        return self._push(text, self.session.run_stages(edits))

    def _push(self, text: str, record: EditRecord[Any]) -> Any:
        if not record.changeset.empty:
            self.stack.push(EditCommand(self, text, record))
        return record.result


def show_refusal(parent: QWidget | None, exc: Refusal) -> None:
    QMessageBox.warning(parent, translate("commands", "Edit refused"), exc.text())


def perform(parent: QWidget | None, context: AppContext, text: str,
            edit: Callable[[Any], R], overwrite: Callable[[], Callable[[Any], R]] | None = None
            ) -> R | None:
    """Run ``edit`` as one undoable step; show a refusal; None when nothing was written.

    ``overwrite`` builds the same edit against what is stored now; when given,
    a field conflict offers it ("overwrite") beside keeping the stored values.
    """
    try:
        return context.edits.run(text, edit)
    except FieldConflictError as exc:
        if overwrite is None or not ask_overwrite(parent, exc):
            return None
        return perform(parent, context, text, overwrite())
    except Refusal as exc:
        show_refusal(parent, exc)
        return None


def ask_overwrite(parent: QWidget | None, exc: FieldConflictError) -> bool:
    box = QMessageBox(QMessageBox.Icon.Warning,
                      translate("commands", "Changed meanwhile"), exc.text(), parent=parent)
    keep = box.addButton(translate("commands", "Reload (keep stored values)"),
                         QMessageBox.ButtonRole.RejectRole)
    box.addButton(translate("commands", "Overwrite with mine"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(keep)
    box.exec()
    return box.clickedButton() is not keep
