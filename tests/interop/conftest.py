"""Fixtures for the interop tests: a small but complete plan built through the Store API."""

from __future__ import annotations

from pathlib import Path

import pytest

from smartcity_desktop.domain import model as m
from smartcity_desktop.domain import task_fields as tf
from smartcity_desktop.store import Store, open_store
from smartcity_desktop.store.seed import load_seed

DATA = Path(__file__).parent / "data"


def make_store(path: Path) -> Store:
    store = open_store(path, seed=False, keep_backups=0)
    load_seed(store, DATA / "seed")
    return store


@pytest.fixture
def store(tmp_path: Path):
    s = make_store(tmp_path / "plan.db")
    yield s
    s.close()


@pytest.fixture
def real_store(tmp_path: Path):
    """The bundled seed plan, when it loads (it is written by another engineer)."""
    try:
        s = open_store(tmp_path / "real.db", keep_backups=0)
    except Exception as exc:  # noqa: BLE001
        pytest.skip(f"the bundled seed does not load yet: {exc}")
    yield s
    s.close()


def task_facts(store: Store, project_id: int | None = None, key: str = "code") -> list[tuple]:
    """Everything an exchange format should carry, keyed by WBS, without ids.

    Organisations and cities are named by ``key`` ("code" or "name_ko").
    """
    orgs = {o.id: getattr(o, key) for o in store.organisations()}
    cities = {c.id: getattr(c, key) for c in store.all(m.City)}
    tasks = store.tasks(project_id)
    by_id = {t.id: t for t in tasks}
    out = []
    for t in tasks:
        out.append((
            t.wbs, by_id[t.parent_id].wbs if t.parent_id else None, t.name_ko, t.name_en,
            t.kind, t.start.code() if t.start else None, t.finish.code() if t.finish else None,
            t.duration_days, t.percent_complete, orgs.get(t.owner_org_id),
            sorted(orgs[o] for o in t.supporting_org_ids), cities.get(t.city_id), t.notes,
            t.source, t.constraint_type, t.constraint_date, t.actual_start, t.actual_finish,
            t.needs_signoff, t.percent_from_checklist,
            *(getattr(t, f.attr) for f in tf.EXTRA_FIELDS),  # every declared field travels
        ))
    return sorted(out, key=lambda r: r[0])


def link_facts(store: Store) -> list[tuple]:
    wbs = {t.id: t.wbs for t in store.tasks()}
    return sorted((wbs[d.predecessor_id], wbs[d.successor_id], d.type, d.lag_days)
                  for d in store.dependencies())


@pytest.fixture(autouse=True)
def english_messages():
    """The interop tests match English refusal texts; Korean is the application default."""
    from smartcity_desktop.messages import set_language

    set_language("en")
    yield
    set_language("ko")
