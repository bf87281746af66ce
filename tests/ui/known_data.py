"""The store tests' known data set (``tests/app/checklist_known_data.py``) for the view tests."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "checklist_known_data",
    Path(__file__).resolve().parent.parent / "app" / "checklist_known_data.py")
known = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(known)
