"""Decisions on held items converge: the two defects behind the intermittent convergence failure.

Both were found with the convergence property (tests/exchange/test_convergence.py) and
are pinned here as fixed scenarios, so they fail every time rather than by clock order:

- deciding "mine" asserted the value held when the conflict arrived, not the value the
  desk holds when it decides, so the others took a value the deciding desk no longer had;
- deciding a delete-against-edit conflict after a newer whole-row change (a rejected delete
  proposal bringing the row back) deleted the row again here alone, unrecorded.
"""

from __future__ import annotations

import pytest

from smartcity_desktop.app import exchange as ex
from smartcity_desktop.app.cli_edits import set_task_fields, task_by_wbs, tick
from smartcity_desktop.app.exchange_resolve import resolve, resolve_by_rule
from smartcity_desktop.store import exchange_store as xs

PLAIN = "6.1.5.1"  # owned by MSIT, percent typed by the officer (no checklist)
ME_CHECKLIST = "6.2"  # owned by ME, five checklist items


@pytest.fixture
def desks(make_desk):
    return (make_desk("molit", "MOLIT", "coordinator"), make_desk("msit", "MSIT"),
            make_desk("me", "ME"))


def _send(src, dst, tmp_path, name):
    pkg = tmp_path / f"{name}.scx"
    ex.export_package(src, pkg)
    return ex.import_packages(dst, [pkg])


def _round(desks, tmp_path, tag):
    packages = []
    for i, desk in enumerate(desks):
        packages.append(tmp_path / f"{tag}-{i}.scx")
        ex.export_package(desk, packages[-1])
    for i, desk in enumerate(desks):
        ex.import_packages(desk, [p for j, p in enumerate(packages) if j != i])


def test_keeping_mine_sends_the_value_held_now_not_when_the_conflict_arrived(desks, tmp_path):
    molit, msit, _ = desks
    set_task_fields(msit, PLAIN, {"percent": "40"})
    set_task_fields(molit, PLAIN, {"percent": "55"})
    assert _send(msit, molit, tmp_path, "a").conflicts == 1
    set_task_fields(molit, PLAIN, {"percent": "60"})  # changed again while it is held
    (item,) = xs.held(molit, "open")
    assert item["mine"] == "55.0"
    resolve(molit, item["id"], "mine")
    _send(molit, msit, tmp_path, "b")
    assert task_by_wbs(msit, PLAIN).percent_complete == 60
    assert task_by_wbs(molit, PLAIN).percent_complete == 60
    assert ex.digest(msit) == ex.digest(molit)


def test_a_delete_conflict_overtaken_by_the_row_coming_back_is_closed_not_redone(
        desks, tmp_path):
    molit, msit, me = desks
    task = task_by_wbs(msit, ME_CHECKLIST)
    msit.delete(msit.checklist(task.id)[0])  # MSIT deletes an item of ME's task: a proposal
    tick(me, ME_CHECKLIST, 1, True)  # ... that ME ticked meanwhile
    _send(me, msit, tmp_path, "tick")  # on MSIT: delete against edit, held
    (held_here,) = [h for h in xs.held(msit, "open") if h["field"] == "done"]
    assert held_here["kind"] == "delete"
    _send(msit, molit, tmp_path, "delete")  # on MOLIT: a proposal to delete
    for item in xs.held(molit, "open", kind="proposal"):
        if item["field"] == "*":
            resolve(molit, item["id"], "mine")  # rejected: the row is re-asserted
    _send(molit, msit, tmp_path, "back")
    assert len(msit.checklist(task.id)) == 5  # the coordinator's newer decision brought it back
    resolve_by_rule(msit)  # the old conflict (delete wins) must not delete it again
    assert len(msit.checklist(task.id)) == 5
    assert xs.held_one(msit, held_here["id"])["status"] == "closed"
    for tag in ("r1", "r2"):
        _round(desks, tmp_path, tag)
        for desk in desks:
            resolve_by_rule(desk)
    assert len({ex.digest(d) for d in desks}) == 1
