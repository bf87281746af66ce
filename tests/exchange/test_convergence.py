"""Convergence (hypothesis): desks that have exchanged everything print the same digest.

3–7 desks of different ministries (real SQLite files copied from one seeded database)
make random edits, including conflicting ones, edits of other ministries' rows
(proposals) and deletes, then exchange packages in random order with duplicates and
stale re-imports. Finally every desk imports every other desk's latest package; every
desk decides its conflicts by the fixed rule and the coordinator its proposals, until
nothing is left open. Then all digests are equal, and every edit is in the final state,
superseded by a later edit built on it, or the recorded side of a decided conflict; and
every percent that follows a checklist is that checklist's share done (derived values
are recomputed on each desk, never exchanged, so none is recorded as an edit).
"""

from __future__ import annotations

import hashlib
import json
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smartcity_desktop.app import exchange as ex
from smartcity_desktop.app.cli_edits import set_task_fields, tick
from smartcity_desktop.app.desk import update_profile
from smartcity_desktop.app.exchange_resolve import resolve, resolve_by_rule
from smartcity_desktop.domain import model as m
from smartcity_desktop.domain.status import effective_percent
from smartcity_desktop.messages import Refusal
from smartcity_desktop.store import exchange_store as xs
from smartcity_desktop.store import open_store

MINISTRIES = ["MOLIT", "MSIT", "ME", "MOEF", "MOHW", "MOIS", "MOTIE"]
TASKS = {"MSIT": ["2.1.6", "4.2.3"], "ME": ["6.1.4.1", "6.2"], "MOEF": ["4.1", "4.7"],
         "MOHW": ["5.1.2.1", "6.1.3.1"], "MOIS": ["2.1.5", "4.4.5"],
         "MOTIE": ["2.2.5", "4.4.4"], "MOLIT": ["1.1", "1.2"]}

edit = st.tuples(
    st.integers(0, 6),  # desk
    st.sampled_from(["percent", "note", "tick", "untick", "delete_item", "add_item"]),
    st.integers(0, 13),  # target task (own or another ministry's: a proposal)
    st.integers(0, 4),  # value / item number
)
exchange = st.tuples(st.integers(0, 6), st.integers(0, 6))


def _target(n: int) -> str:
    flat = [w for code in MINISTRIES for w in TASKS[code]]
    return flat[n % len(flat)]


def _do(store, kind: str, wbs: str, value: int) -> None:
    from smartcity_desktop.app import checklists as ed
    from smartcity_desktop.app.cli_edits import task_by_wbs

    try:
        if kind == "percent":
            set_task_fields(store, wbs, {"percent": str(value * 20 + 5)})
        elif kind == "note":
            set_task_fields(store, wbs, {"note": f"메모 {value}"})
        elif kind in ("tick", "untick"):
            tick(store, wbs, value % 3 + 1, kind == "tick")
        elif kind == "delete_item":
            items = store.checklist(task_by_wbs(store, wbs).id)
            if items:
                store.delete(items[value % len(items)])
        else:
            ed.add_item(store, task_by_wbs(store, wbs).id, f"추가 항목 {value}")
    except Refusal:
        pass  # refused like a user would be (no such item, signed off, ...)


def _decide_proposals(store) -> None:
    for item in xs.held(store, "open", kind="proposal"):
        take = "theirs" if int(hashlib.sha256(item["theirs_rank"].encode()).hexdigest(), 16) % 2 \
            else "mine"
        try:
            resolve(store, item["id"], take)
        except Refusal:
            resolve(store, item["id"], "mine")


@pytest.mark.slow
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(n=st.integers(3, 7), edits=st.lists(edit, min_size=4, max_size=14),
       swaps=st.lists(exchange, max_size=10), stale=st.booleans())
def test_desks_converge(template_db, tmp_path_factory, n, edits, swaps, stale):
    folder = tmp_path_factory.mktemp("desks")
    desks = []
    for i in range(n):
        path = folder / f"d{i}.db"
        shutil.copyfile(template_db, path)
        store = open_store(path, keep_backups=0)
        update_profile(store, ministry=MINISTRIES[i], role="coordinator" if i == 0 else "member")
        desks.append(store)
    try:
        packages: list = []

        def send(a: int, b: int) -> None:
            pkg = folder / f"p{len(packages)}.scx"
            ex.export_package(desks[a], pkg)
            packages.append(pkg)
            ex.import_packages(desks[b], [pkg])

        for (d, kind, target, value), swap in zip(edits, swaps + [None] * len(edits)):
            _do(desks[d % n], kind, _target(target), value)
            if swap is not None:
                send(swap[0] % n, swap[1] % n)
                if stale and len(packages) > 1:  # a duplicate of an older package
                    ex.import_packages(desks[swap[1] % n], [packages[0]])
        for _ in range(6):  # rounds: everyone imports everyone's latest, then decides
            latest = []
            for i, store in enumerate(desks):
                latest.append(folder / f"latest{len(packages)}-{i}.scx")
                ex.export_package(store, latest[-1])
                packages.append(latest[-1])
            for i, store in enumerate(desks):
                ex.import_packages(store, [p for j, p in enumerate(latest) if j != i])
            open_items = 0
            for store in desks:
                open_items += len(resolve_by_rule(store))
            _decide_proposals(desks[0])
            if open_items == 0 and len({ex.digest(s) for s in desks}) == 1:
                break
        assert len({ex.digest(s) for s in desks}) == 1
        _nothing_vanished(desks)
    finally:
        for store in desks:
            store.close()


def _nothing_vanished(desks) -> None:
    final = desks[0]
    records = {(r.origin_desk, r.origin_seq): r for s in desks
               for r in __import__("smartcity_desktop.store.changelog",
                                   fromlist=["records"]).records(s)}
    bases = {r.base_rank for r in records.values()}
    decided = set()
    for store in desks:
        for item in xs.held(store, None):
            if item["status"] != "open":
                decided |= {item["mine_rank"], item["theirs_rank"]}
    for rec in records.values():
        if rec.rank in bases or rec.rank in decided:
            continue  # built upon by a later edit, or a side of a decided conflict/proposal
        row = xs.row_by_uid(final, rec.table_name, rec.row_uid)
        if (rec.table_name, rec.field) == ("tasks", "percent_complete") and row is not None \
                and _follows_checklist(final, row):
            continue  # typed while the task had no items; its checklist has decided it since
        if rec.op == "delete":
            assert row is None, rec
        elif rec.op == "insert":
            assert row is not None or final.con.execute(
                "SELECT 1 FROM tombstones WHERE row_uid = ?", (rec.row_uid,)).fetchone(), rec
        elif row is not None:
            from smartcity_desktop.store.changelog import shared_value

            assert shared_value(final, rec.table_name, rec.field, row[rec.field]) \
                == json.loads(rec.value), rec
        else:  # an edit of a row deleted since: only by a decided delete-against-edit conflict
            assert final.con.execute("SELECT 1 FROM tombstones WHERE row_uid = ?",
                                     (rec.row_uid,)).fetchone(), rec
    for store in desks:  # derived percents: the checklist's share on every desk
        for task in store.all(m.Task, "percent_from_checklist = 1"):
            items = store.checklist(task.id)
            if items:
                assert task.percent_complete == effective_percent(
                    task, items, store.is_signed_off(task.id)), task.wbs


def _follows_checklist(store, row) -> bool:
    return bool(row["percent_from_checklist"]) and bool(store.checklist(row["id"]))
