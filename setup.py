"""Build hook: the wheel carries ``db/``, ``reports/`` and ``resources/`` inside the package.

In the checkout those folders sit at the repository root (migrations and seed data
are edited there); an installed application has no checkout, so ``build_py``
copies them to ``smartcity_desktop/_data/`` in the build tree, where
``smartcity_desktop.paths`` looks first. Editable installs keep using the checkout.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
DATA_FOLDERS = ("db", "reports", "resources")
SKIP = shutil.ignore_patterns("__pycache__", "*.pyc", "*.qm")


class BuildPyWithData(build_py):
    """``build_py`` that also places the data folders inside the built package."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads the checkout's folders directly
        target = Path(self.build_lib) / "smartcity_desktop" / "_data"
        for name in DATA_FOLDERS:
            shutil.rmtree(target / name, ignore_errors=True)
            shutil.copytree(ROOT / name, target / name, ignore=SKIP)


setup(cmdclass={"build_py": BuildPyWithData})
