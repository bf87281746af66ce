"""Exchange fixtures: seeded desks copied from one template database (fast, real SQLite)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from smartcity_desktop.app.desk import update_profile
from smartcity_desktop.store import Store, open_store


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "plan.db"
    open_store(path, keep_backups=0).close()  # init-db: seeded, no desk yet
    return path


@pytest.fixture
def make_desk(template_db: Path, tmp_path: Path) -> Callable[..., Store]:
    opened: list[Store] = []

    def make(name: str, ministry: str, role: str = "member", officer: str = "") -> Store:
        path = tmp_path / f"{name}.db"
        shutil.copyfile(template_db, path)
        store = open_store(path, keep_backups=0)
        update_profile(store, ministry=ministry, role=role, name=officer or name)
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()
