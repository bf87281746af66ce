"""The application context shared by every view: session, plan, undo stack, language.

Views never talk to each other directly. They read :attr:`AppContext.plan`
(the one in-memory plan model) and the store, and listen to ``planChanged``
(a :class:`~smartcity_desktop.app.plan.PlanDelta` after every commit, naming
the task rows that show something new) or to ``changed`` (the touched table
names, for views over other tables). Commits made by another program on the
same file are picked up by a light poll (SQLite's data version counter) every
:data:`POLL_MS` and whenever the window regains focus.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QUndoStack

from ..app.plan import PlanDelta, PlanModel
from ..app.session import Session
from ..store import Store
from .edits import EditService

POLL_MS = 2000


class AppContext(QObject):
    changed = Signal(object)  # set[str] of table names touched by the last commit
    planChanged = Signal(object)  # PlanDelta
    # keys: ministry (org code), city (city code), status, kind, critical (bool), text
    filterRequested = Signal(dict)
    languageChanged = Signal(str)
    statusDateChanged = Signal(object)  # datetime.date

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.session = Session(store)
        self.plan: PlanModel = self.session.plan
        self.undo_stack = QUndoStack(self)
        self.edits = EditService(self.session, self.undo_stack)
        self.lang = "ko"
        self.session.listeners.append(self._on_plan_changed)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.refresh)
        self._poll.start()
        app = QGuiApplication.instance()
        if app is not None:  # coming back to the window: show what others did meanwhile
            app.applicationStateChanged.connect(self._on_app_state)

    def _on_app_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.refresh()

    def _on_plan_changed(self, delta: PlanDelta) -> None:
        self.planChanged.emit(delta)
        if delta.tables:
            self.changed.emit(set(delta.tables))

    def refresh(self) -> None:
        """Show what another program committed to the file since we last looked."""
        if self.edits.busy:  # a background edit is writing on the connection
            return
        try:
            self.session.refresh()
        except Exception:  # noqa: BLE001 - a poll must never take the window down
            import logging

            logging.getLogger(__name__).exception("refresh from the database failed")

    def reload_all(self) -> None:
        """After the file was replaced (a restore): rebuild the plan, refresh every view."""
        self.plan.reload()
        tables = set(self.store.table_names())
        self.planChanged.emit(PlanDelta(tables=tables, task_ids=set(self.plan.tasks),
                                        structure=True, links=True, full=True))
        self.changed.emit(tables)

    def detach(self) -> None:
        """Stop listening to the store (before it closes or the context dies)."""
        self._poll.stop()
        app = QGuiApplication.instance()
        if app is not None:
            try:
                app.applicationStateChanged.disconnect(self._on_app_state)
            except (RuntimeError, TypeError):
                pass
        self.session.close()
