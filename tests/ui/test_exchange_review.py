"""The 교환 (Exchange) menu and the merge review window: decide, bulk, undo."""

from __future__ import annotations

import json
import shutil

import pytest

from smartcity_desktop.app import exchange as ex
from smartcity_desktop.app.cli_edits import set_task_fields, task_by_wbs
from smartcity_desktop.app.desk import update_profile
from smartcity_desktop.store import exchange_store as xs
from smartcity_desktop.store import open_store
from smartcity_desktop.ui import exchange_review as ui

TASK, OTHER = "6.1.5.1", "5.1.4"  # owned by MSIT and ME (no checklists)


@pytest.fixture
def incoming(context, seed_template, tmp_path):
    """A coordinator desk (the window's) holding one conflict and one proposal from MSIT."""
    update_profile(context.store, ministry="MOLIT", role="coordinator")
    path = tmp_path / "msit.db"
    shutil.copyfile(seed_template, path)
    msit = open_store(path, keep_backups=0)
    update_profile(msit, ministry="MSIT", role="member", name="이과기")
    set_task_fields(msit, TASK, {"percent": "40"})
    set_task_fields(msit, OTHER, {"note": "MSIT 의견"})
    set_task_fields(context.store, TASK, {"percent": "55"})
    pkg = tmp_path / "msit.scx"
    ex.export_package(msit, pkg)
    msit.close()
    return pkg


def _select(dialog, kind):
    row = next(r for r, item in enumerate(dialog.items) if item["kind"] == kind)
    dialog.table.selectRow(row)


def test_menu_has_the_exchange_actions(window):
    menu = window.menus_exchange
    names = [a.objectName() for a in menu.actions()]
    assert names == ["exchange_send", "exchange_receive", "exchange_make_forms",
                     "exchange_read_forms", "exchange_review"]
    assert menu.title() == "교환(&X)"
    from smartcity_desktop.ui.preferences import set_language

    set_language(window.context, "en")
    assert menu.title() == "E&xchange" and menu.actions()[0].text() == "Send…"
    set_language(window.context, "ko")


def test_receive_then_accept_theirs_and_undo(qtbot, window, incoming, messages):
    context = window.context
    summary = ui.receive(window, context, [str(incoming)])
    assert (summary.conflicts, summary.proposals) == (1, 1)
    assert "충돌 1" in messages[-1][2]
    dialog = next(w for w in window.findChildren(ui.ExchangeReviewDialog))
    assert len(dialog.items) == 2 and dialog.table.rowCount() == 2
    assert dialog.status.rowCount() == 1  # MSIT's arrival
    row = next(r for r, item in enumerate(dialog.items) if item["kind"] == "conflict")
    texts = [dialog.table.item(row, c).text() for c in range(dialog.table.columnCount())]
    assert "55.0" in texts and "40.0" in texts and "0.0" in texts and "이과기" in texts
    _select(dialog, "conflict")
    dialog.buttons["theirs"].click()
    assert task_by_wbs(context.store, TASK).percent_complete == 40
    assert [i["kind"] for i in dialog.items] == ["proposal"]
    context.undo_stack.undo()  # one undoable edit
    assert task_by_wbs(context.store, TASK).percent_complete == 55
    assert {i["kind"] for i in dialog.items} == {"conflict", "proposal"}
    context.undo_stack.redo()
    assert task_by_wbs(context.store, TASK).percent_complete == 40
    dialog.close()


def test_reject_proposal_and_bulk_and_edit(qtbot, window, incoming):
    context = window.context
    ex.import_packages(context.store, [incoming])
    dialog = ui.open_review(window, context)
    _select(dialog, "proposal")
    dialog.buttons["mine"].click()  # reject: the note stays ours
    assert task_by_wbs(context.store, OTHER).notes != "MSIT 의견"
    (rejected,) = [h for h in xs.held(context.store, None) if h["kind"] == "proposal"]
    assert rejected["status"] == "rejected"
    held_id = dialog.items[0]["id"]
    dialog.decide_value(held_id, "47")  # edit: a third value
    assert task_by_wbs(context.store, TASK).percent_complete == 47
    assert dialog.items == []
    context.undo_stack.undo()
    context.undo_stack.undo()
    assert len(dialog.items) == 2
    dialog.table.selectAll()
    dialog.buttons["theirs"].click()  # bulk: one edit for both
    assert dialog.items == [] and context.undo_stack.count() == 1
    assert task_by_wbs(context.store, OTHER).notes == "MSIT 의견"
    context.undo_stack.undo()  # the bulk decision undoes as one
    assert len(dialog.items) == 2 and task_by_wbs(context.store, TASK).percent_complete == 55
    context.undo_stack.redo()
    entries = context.store.con.execute(
        "SELECT count(*) FROM audit_log WHERE table_name = 'exchange_held'").fetchone()[0]
    assert entries >= 2  # decisions are audited
    dialog.close()


def test_send_and_form_actions(qtbot, window, tmp_path, messages, monkeypatch):
    context = window.context
    summary = ui.send(window, context, str(tmp_path / "out.scx"))
    assert summary is not None and (tmp_path / "out.scx").exists()
    assert ".scx" in messages[-1][2]
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("MSIT", True)))
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(tmp_path / "f.xlsx"), "")))
    ui.make_forms(window, context)
    assert (tmp_path / "f.xlsx").exists()
    got = ui.receive(window, context, [str(tmp_path / "f.xlsx")], forms_only=True)
    assert got is not None and got.applied == 0  # an unfilled form changes nothing
    assert json.loads(json.dumps(xs.arrivals(context.store)))[0]["kind"] == "form"



def test_receive_is_one_undoable_edit_and_the_plan_follows(qtbot, window, seed_template,
                                                           tmp_path, messages):
    context = window.context
    update_profile(context.store, ministry="MOLIT", role="coordinator")
    shutil.copyfile(seed_template, tmp_path / "msit.db")
    msit = open_store(tmp_path / "msit.db", keep_backups=0)
    update_profile(msit, ministry="MSIT", role="member", name="이과기")
    set_task_fields(msit, TASK, {"note": "MSIT 실적"})  # MSIT's own task: taken
    ex.export_package(msit, tmp_path / "own.scx")
    msit.close()
    before = ex.digest(context.store)
    task_id = task_by_wbs(context.store, TASK).id
    depth = context.undo_stack.count()
    ui.receive(window, context, [str(tmp_path / "own.scx")])
    assert context.undo_stack.count() == depth + 1
    assert context.session.plan.tasks[task_id].notes == "MSIT 실적"  # the plan shows it
    context.undo_stack.undo()  # the whole import
    assert ex.digest(context.store) == before
    assert context.session.plan.tasks[task_id].notes != "MSIT 실적"
    context.undo_stack.redo()
    assert context.session.plan.tasks[task_id].notes == "MSIT 실적"
