"""Where the application finds its bundled files and keeps the user's database."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

REPO_ROOT = Path(__file__).resolve().parent.parent
# An installed wheel (or a frozen build) carries the data folders inside the package
# (see setup.py); a checkout keeps them at the repository root.
_PACKED = Path(__file__).resolve().parent / "_data"
DATA_ROOT = _PACKED if (_PACKED / "db").is_dir() else REPO_ROOT
DB_DIR = DATA_ROOT / "db"
MIGRATIONS_DIR = DB_DIR / "migrations"
SEED_DIR = DB_DIR / "seed"
RESOURCES_DIR = DATA_ROOT / "resources"
FONTS_DIR = RESOURCES_DIR / "fonts"
TRANSLATIONS_DIR = RESOURCES_DIR / "translations"
REPORTS_DIR = DATA_ROOT / "reports"
FONT_REGULAR = FONTS_DIR / "NanumGothic.ttf"
FONT_BOLD = FONTS_DIR / "NanumGothicBold.ttf"
APP_NAME = "smartcity-desktop"


def default_db_path() -> Path:
    """The officer's own database; ``SMARTCITY_DB`` overrides (used by tests and scripts)."""
    override = os.environ.get("SMARTCITY_DB")
    if override:
        return Path(override)
    return user_data_path(APP_NAME, appauthor=False) / "smartcity.db"
