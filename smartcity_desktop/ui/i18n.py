"""Loading the interface translations (Korean by default, English selectable).

Source strings in the code are English and go through ``tr()``; Korean lives in
``resources/translations/smartcity_ko.ts`` (English needs no file, but
``smartcity_en.ts`` exists for Qt Linguist and plural forms). ``.qm`` files are
build products and are not in git: :func:`compiled_qm` compiles a ``.ts`` with
the ``lrelease`` shipped with PySide6 into a per-user cache directory, reusing
the result while the ``.ts`` modification time and size are unchanged. When no
``lrelease`` can run, :class:`TsTranslator` reads the ``.ts`` XML directly, so
the interface is Korean on every machine.

:class:`Translations` owns the installed translators (kept referenced so that
Python does not collect them) and swaps them when the language changes.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

from defusedxml import ElementTree
from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QStandardPaths,
    QTranslator,
)

from ..paths import TRANSLATIONS_DIR

log = logging.getLogger(__name__)
LANGUAGES = ("ko", "en")


def ts_path(lang: str) -> Path:
    return TRANSLATIONS_DIR / f"smartcity_{lang}.ts"


def find_lrelease() -> Path | None:
    """The ``lrelease`` tool of the running PySide6 installation, if any."""
    candidates: list[Path] = []
    exe_dir = Path(sys.executable).parent
    for name in ("pyside6-lrelease", "pyside6-lrelease.exe", "lrelease", "lrelease.exe"):
        candidates.append(exe_dir / name)
    try:
        import PySide6

        pkg = Path(PySide6.__file__).parent
        candidates += [pkg / "lrelease", pkg / "lrelease.exe", pkg / "Qt" / "libexec" / "lrelease"]
    except ImportError:  # pragma: no cover - PySide6 is a hard dependency
        pass
    libexec = QLibraryInfo.path(QLibraryInfo.LibraryPath.LibraryExecutablesPath)
    if libexec:
        candidates.append(Path(libexec) / "lrelease")
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    found = shutil.which("pyside6-lrelease")
    return Path(found) if found else None


def cache_dir() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    folder = Path(base or Path.home() / ".cache" / "smartcity-desktop") / "translations"
    return folder


def compiled_qm(ts: Path, lrelease: Path | None = None) -> Path | None:
    """Compile ``ts`` to a cached ``.qm``; None when that is impossible."""
    if not ts.is_file():
        return None
    tool = lrelease or find_lrelease()
    if tool is None:
        return None
    stat = ts.stat()
    key = hashlib.sha1(f"{ts.resolve()}|{stat.st_mtime_ns}|{stat.st_size}".encode()).hexdigest()
    target = cache_dir() / f"{ts.stem}-{key[:16]}.qm"
    if target.is_file() and target.stat().st_size > 0:
        return target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        result = subprocess.run(
            [str(tool), "-silent", str(ts), "-qm", str(tmp)],
            capture_output=True, text=True, timeout=60, check=False,
        )
        if result.returncode != 0 or not tmp.is_file():
            log.warning("lrelease failed on %s: %s", ts, result.stderr.strip())
            tmp.unlink(missing_ok=True)
            return None
        tmp.replace(target)
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("cannot compile %s: %s", ts, exc)
        return None
    for old in target.parent.glob(f"{ts.stem}-*.qm"):
        if old != target:
            old.unlink(missing_ok=True)
    return target


class TsTranslator(QTranslator):
    """A translator that reads a Qt Linguist ``.ts`` file directly (no ``.qm`` needed)."""

    def __init__(self, ts: Path, parent=None) -> None:
        super().__init__(parent)
        self._by_context: dict[tuple[str, str], str] = {}
        self._by_source: dict[str, str] = {}
        root = ElementTree.parse(str(ts)).getroot()
        for context in root.iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                source = message.findtext("source")
                node = message.find("translation")
                if source is None or node is None:
                    continue
                if node.get("type") in ("unfinished", "obsolete", "vanished"):
                    continue
                forms = [f.text or "" for f in node.iter("numerusform")]
                text = forms[0] if forms else (node.text or "")
                if text:
                    self._by_context[(name, source)] = text
                    self._by_source.setdefault(source, text)

    def __len__(self) -> int:
        return len(self._by_context)

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return not self._by_context

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: D401
        if source_text is None:
            return ""
        found = self._by_context.get((context or "", source_text))
        if found is None:
            found = self._by_source.get(source_text)
        return found if found is not None else ""


def load_translator(lang: str, parent=None) -> QTranslator | None:
    """A translator for ``lang`` (compiled ``.qm`` when possible, else the ``.ts``)."""
    ts = ts_path(lang)
    if not ts.is_file():
        return None
    qm = compiled_qm(ts)
    if qm is not None:
        translator = QTranslator(parent)
        if translator.load(str(qm)) and not translator.isEmpty():
            return translator
    try:
        fallback = TsTranslator(ts, parent)
    except (ElementTree.ParseError, OSError) as exc:
        log.warning("cannot read %s: %s", ts, exc)
        return None
    return fallback if not fallback.isEmpty() else None


def load_qt_base(lang: str, parent=None) -> QTranslator | None:
    """Qt's own strings (dialog buttons, context menus) in ``lang``, when shipped."""
    translator = QTranslator(parent)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(lang), "qtbase", "_", folder):
        return translator
    return None


class Translations:
    """The application's installed translators; ``apply(lang)`` switches at run time."""

    def __init__(self) -> None:
        self.lang = ""
        self._installed: list[QTranslator] = []

    def apply(self, lang: str) -> str:
        lang = lang if lang in LANGUAGES else "ko"
        app = QCoreApplication.instance()
        for translator in self._installed:
            if app is not None:
                app.removeTranslator(translator)
        self._installed = []
        if lang != "en":
            for translator in (load_translator(lang, app), load_qt_base(lang, app)):
                if translator is not None and app is not None:
                    app.installTranslator(translator)
                    self._installed.append(translator)
        QLocale.setDefault(QLocale(QLocale.Language.Korean if lang == "ko"
                                   else QLocale.Language.English))
        self.lang = lang
        return lang

    @property
    def installed(self) -> list[QTranslator]:
        return list(self._installed)


_TRANSLATIONS = Translations()


def translations() -> Translations:
    """The application's one set of installed translators."""
    return _TRANSLATIONS
