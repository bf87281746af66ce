"""The one helper for long work off the GUI thread (reports, imports, exports).

``run_in_background(parent, title, fn, on_done, on_error=None)`` runs
``fn(progress)`` in a ``QThread`` while a modal ``QProgressDialog`` shows
``progress.report(fraction, text)`` and offers Cancel. ``fn`` should look at
``progress.cancelled`` (or call ``progress.check()``, which raises
:class:`Cancelled`) between steps. The result comes back to the GUI thread by
signal and is handed to ``on_done``; an exception goes to ``on_error`` or, by
default, to one message box. If ``parent`` has been destroyed meanwhile the
result is dropped. ``fn`` must not touch widgets; it may open its own store
connection (SQLite connections are per thread).
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

log = logging.getLogger(__name__)
_STEPS = 1000
_RUNNING: set[BackgroundJob] = set()


class Cancelled(Exception):
    """Raised by :meth:`Progress.check` once the officer pressed Cancel."""


class Progress:
    """Handed to the background function: report progress, look for a cancel."""

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def report(self, fraction: float, text: str = "") -> None:
        self._relay.progressed.emit(max(0.0, min(1.0, float(fraction))), text)


class _Relay(QObject):
    progressed = Signal(float, str)
    succeeded = Signal(object)
    failed = Signal(object, str)  # exception, formatted traceback


class _Thread(QThread):
    def __init__(self, fn: Callable[[Progress], Any], progress: Progress, relay: _Relay) -> None:
        super().__init__()
        self.fn, self.progress, self.relay = fn, progress, relay

    def run(self) -> None:
        try:
            result = self.fn(self.progress)
        except BaseException as exc:  # noqa: BLE001 - every failure is reported in one place
            self.relay.failed.emit(exc, traceback.format_exc())
        else:
            self.relay.succeeded.emit(result)


def describe_error(exc: BaseException) -> str:
    """A one-paragraph message for an officer (no traceback)."""
    from ..domain.dates import DateParseError
    from ..domain.model import ValidationError
    from ..store.errors import StoreError

    if isinstance(exc, (ValidationError, DateParseError, StoreError)):
        return str(exc)
    if isinstance(exc, OSError):
        where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
        return f"{exc.strerror or exc}{where}"
    return f"{type(exc).__name__}: {exc}"


class BackgroundJob(QObject):
    """One running piece of work; kept alive by the module until its thread ends."""

    finished = Signal()

    def __init__(self, parent: QWidget | None, title: str, fn: Callable[[Progress], Any],
                 on_done: Callable[[Any], None],
                 on_error: Callable[[BaseException], None] | None = None,
                 on_cancel: Callable[[], None] | None = None, show_dialog: bool = True) -> None:
        super().__init__()
        self.parent_widget = parent
        self.title = title
        self.on_done, self.on_error, self.on_cancel = on_done, on_error, on_cancel
        self.result: Any = None
        self.error: BaseException | None = None
        self.relay = _Relay()
        self.progress = Progress(self.relay)
        self.thread = _Thread(fn, self.progress, self.relay)
        self.dialog: QProgressDialog | None = None
        if show_dialog:
            dialog = QProgressDialog(title, self.tr("Cancel"), 0, _STEPS, parent)
            dialog.setWindowTitle(title)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(300)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.setValue(0)
            dialog.canceled.connect(self.cancel)
            self.dialog = dialog
        self.relay.progressed.connect(self._on_progress)
        self.relay.succeeded.connect(self._on_success)
        self.relay.failed.connect(self._on_failure)
        self.thread.finished.connect(self._on_thread_finished)

    def start(self) -> None:
        _RUNNING.add(self)
        self.thread.start()

    def cancel(self) -> None:
        self.progress.cancel()
        if self._dialog_alive():
            self.dialog.setLabelText(self.tr("Cancelling…"))

    def is_running(self) -> bool:
        return self.thread.isRunning()

    def wait(self, ms: int = 30_000) -> bool:
        return self.thread.wait(ms)

    def _dialog_alive(self) -> bool:
        return self.dialog is not None and shiboken6.isValid(self.dialog)

    def _receiver_alive(self) -> bool:
        return self.parent_widget is None or shiboken6.isValid(self.parent_widget)

    def _on_progress(self, fraction: float, text: str) -> None:
        if self._dialog_alive() and not self.progress.cancelled:
            if text:
                self.dialog.setLabelText(text)
            # A window-modal QProgressDialog processes events inside setValue(): the result
            # may arrive and close the dialog right there, so nothing may follow this call.
            self.dialog.setValue(int(fraction * _STEPS))

    def _close_dialog(self) -> None:
        if self._dialog_alive():
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = None

    def _on_success(self, result: Any) -> None:
        self.result = result
        self._close_dialog()
        if not self._receiver_alive():
            return
        if self.progress.cancelled:
            if self.on_cancel:
                self.on_cancel()
            return
        self.on_done(result)

    def _on_failure(self, exc: BaseException, trace: str) -> None:
        self.error = exc
        self._close_dialog()
        if not self._receiver_alive():
            return
        if isinstance(exc, Cancelled) or self.progress.cancelled:
            if self.on_cancel:
                self.on_cancel()
            return
        log.error("%s failed:\n%s", self.title, trace)
        if self.on_error is not None:
            self.on_error(exc)
        else:
            QMessageBox.critical(self.parent_widget, self.title, describe_error(exc))

    def _on_thread_finished(self) -> None:
        _RUNNING.discard(self)
        self.finished.emit()
        self.thread.deleteLater()
        self.deleteLater()


def run_in_background(parent: QWidget | None, title: str, fn: Callable[[Progress], Any],
                      on_done: Callable[[Any], None],
                      on_error: Callable[[BaseException], None] | None = None,
                      on_cancel: Callable[[], None] | None = None,
                      show_dialog: bool = True) -> BackgroundJob:
    """Start ``fn(progress)`` off the GUI thread; see the module docstring."""
    job = BackgroundJob(parent, title, fn, on_done, on_error, on_cancel, show_dialog)
    job.start()
    return job


def running_jobs() -> list[BackgroundJob]:
    return [job for job in _RUNNING if shiboken6.isValid(job)]


def cancel_all_and_wait(ms: int = 10_000) -> bool:
    """Ask every job to stop and wait for its thread (application shutdown, tests)."""
    ok = True
    for job in running_jobs():
        job.progress.cancel()
        ok = job.wait(ms) and ok
    return ok
