"""UI test fixtures: offscreen Qt, isolated settings, a fresh seeded database per test,
and guards that fail a test which leaves top-level widgets, running timers or threads behind
(in the spirit of napari's ``qtbot`` leak checks)."""

from __future__ import annotations

import gc
import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, QStandardPaths, QThread, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget  # noqa: E402

QStandardPaths.setTestModeEnabled(True)


@pytest.fixture(scope="session")
def qapp_args():
    return ["smartcity-desktop-tests"]


@pytest.fixture(scope="session", autouse=True)
def _app_setup(qapp):
    """Application names, settings under the test-mode QStandardPaths, the Korean font."""
    from smartcity_desktop.ui.app import create_application

    create_application()
    yield


@pytest.fixture(scope="session")
def _settings_folder(tmp_path_factory) -> str:
    return str(tmp_path_factory.mktemp("settings"))


def _isolate_settings(folder: str) -> None:
    """Settings in this test session's own folder.

    Test mode puts them in ``~/.qttest/config``, which every test process of the same user
    shares: runs side by side (other worktrees) cleared each other's language and column
    settings mid-test. Set again before each test, as ``create_application`` (run by the
    tests of ``run_app``) points them back at the standard place."""
    from PySide6.QtCore import QSettings

    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)


@pytest.fixture(autouse=True)
def _clean_settings(_settings_folder):
    from smartcity_desktop.ui.i18n import translations
    from smartcity_desktop.ui.preferences import settings

    _isolate_settings(_settings_folder)
    assert settings().fileName().startswith(_settings_folder)
    settings().clear()
    translations().apply("ko")  # every test starts in the default language, whatever ran before
    yield
    _isolate_settings(_settings_folder)  # not the shared file, whatever the test pointed at
    settings().clear()


def _flush() -> None:
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()


def _active_timers_and_threads() -> list[str]:
    found = []
    for obj in gc.get_objects():
        try:
            if isinstance(obj, QTimer) and obj.isActive():
                found.append(f"active QTimer {obj.objectName() or obj!r} (parent {obj.parent()!r})")
            elif (isinstance(obj, QThread) and obj.isRunning()
                  and obj is not QThread.currentThread()):
                found.append(f"running QThread {obj!r}")
        except RuntimeError:  # the C++ object is already gone
            continue
    return found


@pytest.fixture(autouse=True)
def _no_leaks(qapp, request):
    """Fail the test if it leaves new top-level widgets, active timers or running threads."""
    _flush()
    before = {id(w) for w in QApplication.topLevelWidgets()}
    yield
    _flush()
    from smartcity_desktop.ui import workers

    workers.cancel_all_and_wait(5000)
    _flush()
    leaked = [w for w in QApplication.topLevelWidgets() if id(w) not in before
              and type(w).__module__.startswith(("smartcity_desktop", "PySide6"))
              and not _is_qt_internal(w)]
    problems = [f"leaked top-level widget {type(w).__name__} '{w.objectName()}'" for w in leaked]
    problems += _active_timers_and_threads()
    for widget in leaked:  # do not let one leak fail every following test
        widget.close()
        widget.deleteLater()
    _flush()
    if problems and not request.node.get_closest_marker("allow_leaks"):
        pytest.fail("; ".join(problems), pytrace=False)


def _is_qt_internal(widget: QWidget) -> bool:
    """Qt's own hidden helpers (tooltips, combo pop-ups, menus) that live with the app."""
    name = type(widget).__name__
    return name in {"QTipLabel", "QComboBoxPrivateContainer", "QMenu", "QToolTip"} or (
        not widget.isVisible() and widget.parent() is not None)


@pytest.fixture(scope="session")
def seed_template(tmp_path_factory) -> Path:
    """The bundled seed plan in a database, built once; tests get copies."""
    from smartcity_desktop.store import open_store

    path = tmp_path_factory.mktemp("seed") / "seed.db"
    store = open_store(path, keep_backups=0)
    store.con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return path


@pytest.fixture
def db_path(tmp_path, seed_template) -> Path:
    target = tmp_path / "plan.db"
    shutil.copyfile(seed_template, target)
    return target


@pytest.fixture
def context(db_path):
    from smartcity_desktop.store import open_store
    from smartcity_desktop.ui.context import AppContext
    from smartcity_desktop.ui.i18n import translations

    store = open_store(db_path, keep_backups=0)
    ctx = AppContext(store)
    ctx.lang = translations().apply("ko")
    yield ctx
    ctx.detach()
    ctx.undo_stack.clear()
    store.close()


@pytest.fixture(autouse=True)
def messages(monkeypatch) -> list[tuple[str, str, str]]:
    """Record message boxes instead of showing them (a modal box would hang a test)."""
    shown: list[tuple[str, str, str]] = []

    def recorder(kind):
        def show(parent, title, text, *args, **kwargs):
            shown.append((kind, title, text))
            return QMessageBox.StandardButton.Ok
        return show

    for kind in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(recorder(kind)))
    monkeypatch.setattr(QMessageBox, "about", staticmethod(
        lambda parent, title, text: shown.append(("about", title, text))))
    return shown


@pytest.fixture
def window(qtbot, context, messages):
    """The main window on a fresh seeded database, shown offscreen, in Korean."""
    from smartcity_desktop.ui.main_window import MainWindow
    from smartcity_desktop.ui.preferences import set_language

    set_language(context, "ko")
    win = MainWindow(context)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.gantt_link.refresh_now()
    yield win
    win.close()


# Append-only bookkeeping, like the audit log: an undo is a new change there (issue #11).
_LOGS = ("audit_log", "change_log", "field_ranks", "tombstones")


def _snapshot(store) -> dict[str, list[tuple]]:
    tables = [r[0] for r in store.con.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        f"AND name NOT IN ({', '.join(repr(t) for t in _LOGS)})")]
    snap = {t: sorted(store.con.execute(f"SELECT * FROM [{t}]").fetchall(), key=repr)
            for t in tables}
    # the desk's id and key are made on its first change, whatever that change is
    snap["settings"] = [r for r in snap.get("settings", []) if not r[0].startswith("desk.")]
    return snap


@pytest.fixture
def snapshot():
    """``snapshot(store)``: every table except the audit log, as sorted rows."""
    return _snapshot


@pytest.fixture
def checklist_env(tmp_path, qtbot, monkeypatch):
    """``checklist_env(officer=None)``: the ministry checklist tab over the known data set
    (``tests/ui/known_data.py``), shown, with its own settings file; the officer profile is
    set first when given. Returns ``(view, store, ids, context, warnings)``, ``warnings``
    being the texts of the warning boxes shown."""
    from known_data import known  # tests/ui is on sys.path
    from PySide6.QtCore import QSettings

    from smartcity_desktop.ui import officer as off
    from smartcity_desktop.ui.checklist_view import ChecklistView
    from smartcity_desktop.ui.context import AppContext

    opened = []

    def build(officer: off.Officer | None = None):
        store, ids = known.build(tmp_path / "known.db")
        if officer is not None:
            off.set_officer(store, officer)
        context = AppContext(store)
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        warnings: list[str] = []
        monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2])
                            or QMessageBox.StandardButton.Ok)
        view = ChecklistView(context, None, settings)
        qtbot.addWidget(view)
        view.show()  # as the current tab: a hidden tab only catches up when shown
        opened.append((view, store, context))
        return view, store, ids, context, warnings

    yield build
    for view, store, context in opened:
        view.close()
        context.detach()
        store.close()
