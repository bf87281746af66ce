"""File dialogs that start where the officer works: the last folder used, else Documents.

Each kind of file (database, import, export, report) remembers its own last folder in
the per-user settings, so an import does not open in the program's folder and a
briefing is not saved beside the database by accident.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from .preferences import settings

KEY = "files/last_folder/{0}"


def documents_folder() -> Path:
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(docs) if docs else Path.home()
    return folder if folder.is_dir() else Path.home()


def start_folder(kind: str, fallback: Path | None = None) -> Path:
    """The last folder used for ``kind`` if it still exists, else ``fallback``, else Documents."""
    last = str(settings().value(KEY.format(kind), "") or "")
    for folder in (Path(last) if last else None, fallback):
        if folder is not None and folder.is_dir():
            return folder
    return documents_folder()


def remember_folder(kind: str, path: str | Path) -> None:
    folder = Path(path)
    folder = folder if folder.is_dir() else folder.parent
    settings().setValue(KEY.format(kind), str(folder))


def open_file(parent: QWidget | None, title: str, filters: str, kind: str,
              fallback: Path | None = None) -> str:
    """Ask for an existing file; "" when cancelled. Remembers the folder."""
    path, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder(kind, fallback)),
                                          filters)
    if path:
        remember_folder(kind, path)
    return path


def save_file(parent: QWidget | None, title: str, name: str, filters: str, kind: str,
              fallback: Path | None = None) -> str:
    """Ask where to save; ``name`` may be a bare file name or a full path. "" when cancelled."""
    suggested = Path(name) if name else None
    if suggested is None or not suggested.is_absolute():
        suggested = start_folder(kind, fallback) / (name or "")
    path, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), filters)
    if path:
        remember_folder(kind, path)
    return path
