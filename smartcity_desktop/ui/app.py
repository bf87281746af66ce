"""Starting the desktop application: Qt set-up, Korean font, translations, the database.

:func:`run_app` is what ``python main.py`` (no command) calls. It registers the
bundled Nanum Gothic with ``QFontDatabase`` and makes it the application font
(so Korean never shows as boxes, even with no Korean font installed), installs
the translators (kept referenced), keeps settings under ``QStandardPaths``, and
opens the database. A file the store refuses (newer schema, damaged, not a
database) is explained in a message box, naming the newest good backup when
there is one; nothing is changed in the file.

:class:`AppController` owns the open store, its context and the main window,
and switches them when the officer opens or creates another database.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ..paths import APP_NAME, FONT_BOLD, FONT_REGULAR, RESOURCES_DIR, default_db_path
from ..store import CorruptDatabaseError, NewerSchemaError, Store, StoreError, open_store
from .context import AppContext
from .i18n import translations
from .preferences import configure_settings_location, saved_language, set_language

log = logging.getLogger(__name__)
FONT_FAMILY_FALLBACK = "NanumGothic"


translate = QCoreApplication.translate


def tr(text: str) -> str:
    """Translate a string held in a variable (literals use ``translate`` for lupdate)."""
    return translate("app", text)


def register_fonts() -> str | None:
    """Register the bundled Korean fonts; return the family name (None if unreadable)."""
    family = None
    for path in (FONT_REGULAR, FONT_BOLD):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("could not load the bundled font %s", path)
            continue
        families = QFontDatabase.applicationFontFamilies(font_id)
        if families and family is None:
            family = families[0]
    return family


def apply_app_font(app: QGuiApplication, family: str | None, point_size: int = 10) -> QFont:
    font = QFont(family or FONT_FAMILY_FALLBACK, point_size)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    app.setFont(font)
    return font


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with names, settings location, font and style set up (idempotent)."""
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName("스마트시티 시범도시 추진 관리")
    configure_settings_location()
    apply_app_font(app, register_fonts())
    style = RESOURCES_DIR / "styles" / "app.qss"
    if style.is_file():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    return app


def describe_open_error(path: Path, exc: Exception) -> str:
    """The message shown when a database cannot be opened."""
    if isinstance(exc, NewerSchemaError):
        return translate("app", "{0}\n\nThis file was saved by a newer version of the application. "
                  "Install the newer version to open it; the file was not changed.").format(exc)
    if isinstance(exc, CorruptDatabaseError):
        if exc.newest_good_backup is not None:
            return translate(
                "app", "{0}\n\nThe newest good backup is:\n{1}\n\nClose the application, "
                      "copy the backup over the damaged file (keep a copy of the damaged one), "
                      "and open it again.").format(exc, exc.newest_good_backup)
        return translate(
            "app", "{0}\n\nNo good backup was found. The file was not changed.").format(exc)
    return translate("app", "{0}\n\nThe file was not changed.").format(exc)


def open_database(path: Path | str, parent: QWidget | None = None,
                  create: bool = True) -> Store | None:
    """Open ``path`` (creating and seeding it if new); on refusal show why and return None."""
    path = Path(path)
    try:
        return open_store(path, create=create)
    except (StoreError, ValueError) as exc:
        QMessageBox.critical(parent, translate("app", "Cannot open the database"),
                             describe_open_error(path, exc))
    except OSError as exc:
        QMessageBox.critical(parent, translate("app", "Cannot open the database"),
                             translate("app", "{0}: {1}").format(path, exc.strerror or exc))
    return None


class AppController(QObject):
    """The open database, its context and its main window."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang
        self.store: Store | None = None
        self.context: AppContext | None = None
        self.window = None

    def show(self, store: Store) -> None:
        from .main_window import MainWindow, remember_database

        context = AppContext(store)
        set_language(context, self.lang)
        context.lang = self.lang
        window = MainWindow(context)
        window.openDatabaseRequested.connect(lambda p: self.switch(p, create=False))
        window.newDatabaseRequested.connect(lambda p: self.switch(p, create=True))
        context.languageChanged.connect(self._remember_language)
        old = (self.store, self.context, self.window)
        self.store, self.context, self.window = store, context, window
        window.show()
        remember_database(store.path)
        if old[2] is not None:
            old[2].close()
            old[2].deleteLater()
        if old[1] is not None:
            old[1].detach()
        if old[0] is not None:
            old[0].close()

    def _remember_language(self, lang: str) -> None:
        self.lang = lang

    def switch(self, path: str, create: bool) -> None:
        if self.store is not None and Path(path).resolve() == Path(self.store.path).resolve():
            return
        store = open_database(path, self.window, create=create)
        if store is not None:
            self.show(store)

    def shutdown(self) -> None:
        from .workers import cancel_all_and_wait

        cancel_all_and_wait()
        if self.context is not None:
            self.context.detach()
        if self.store is not None:
            self.store.close()
            self.store = None


def run_app(db: str | None = None, lang: str | None = None) -> int:
    """Open the desktop window; returns the process exit code."""
    app = create_application()
    chosen = lang or saved_language()
    translations().apply(chosen)
    path = Path(db) if db else default_db_path()
    first_start = not path.exists()
    store = open_database(path)
    if store is None:
        return 1
    controller = AppController(chosen)
    controller.show(store)
    if first_start:  # a new desk: where the file is, who keeps it, the sample briefing
        from .first_start import show_first_start

        QTimer.singleShot(0, lambda: show_first_start(controller.context, path, controller.window))
    try:
        return app.exec()
    finally:
        controller.shutdown()
