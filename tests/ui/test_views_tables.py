"""Budget, provisions and contacts tabs over a known data set: totals, edits, undo/redo."""

from __future__ import annotations

import pytest
from known_data import known  # noqa: E402  (tests/ui is on sys.path)
from PySide6.QtWidgets import QMessageBox

from smartcity_desktop.app.checklists import REDACT_KEY
from smartcity_desktop.domain import model as m
from smartcity_desktop.domain.dates import parse_plan_date
from smartcity_desktop.ui.budget_view import (
    COL_EXECUTED,
    COL_PLANNED,
    COL_RATE,
    BudgetView,
    LineRole,
)
from smartcity_desktop.ui.contacts_view import ContactsView
from smartcity_desktop.ui.context import AppContext
from smartcity_desktop.ui.provisions_view import ProvisionsView


@pytest.fixture
def env(tmp_path, monkeypatch):
    store, ids = known.build(tmp_path / "known.db")
    context = AppContext(store)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda *a, **k: warnings.append(a[2]) or QMessageBox.StandardButton.Ok)
    yield store, ids, context, warnings
    context.detach()
    store.close()


def test_budget_totals_add_up(env, qtbot):
    store, ids, context, warnings = env
    view = BudgetView(context)
    qtbot.addWidget(view)
    assert view.year.currentData() == 2019
    assert view.area_totals[(2019, "선도사업")].planned == 90.0
    assert view.area_totals[(2019, "선도사업")].executed == 30.0
    assert view.area_totals[(2019, "혁신기업 유치")].planned == 10.0
    assert view.year_totals[2019].planned == 110.0 and view.year_totals[2019].executed == 35.0
    assert view.grand_total.planned == sum(t.planned for t in view.area_totals.values())
    last = view.table.rowCount() - 1
    assert view.table.item(last, COL_PLANNED).text() == "110"
    assert view.table.item(last, COL_EXECUTED).text() == "35"
    assert view.table.item(last, COL_RATE).text() == "31.8%"
    assert "집행률 31.8%" in view.summary.text()


def test_budget_edit_in_place_and_undo(env, qtbot):
    store, ids, context, warnings = env
    view = BudgetView(context)
    qtbot.addWidget(view)
    line = ids["budget:교통"]
    row = next(r for r in range(view.table.rowCount())
               if view.table.item(r, COL_PLANNED).data(LineRole) == line)
    view.table.item(row, COL_EXECUTED).setText("8")
    assert store.get(m.BudgetLine, line).executed == 8.0
    qtbot.waitUntil(lambda: view.year_totals[2019].executed == 38.0)
    view.table.item(row, COL_EXECUTED).setText("열")
    assert "억원 단위 금액이 아닙니다" in warnings[-1]
    assert store.get(m.BudgetLine, line).executed == 8.0
    assert not view.update_line(line, executed=12.0)
    assert "more than the planned" in warnings[-1]
    context.undo_stack.undo()
    assert store.get(m.BudgetLine, line).executed == 5.0
    qtbot.waitUntil(lambda: view.year_totals[2019].executed == 35.0)
    context.undo_stack.redo()
    assert store.get(m.BudgetLine, line).executed == 8.0
    assert view.add_line(m.BudgetLine(year=2019, area="신기술 접목", item="에너지", planned=10.0))
    qtbot.waitUntil(lambda: view.year_totals[2019].planned == 120.0)
    assert view.area_totals[(2019, "신기술 접목")].planned == 20.0
    context.undo_stack.undo()
    qtbot.waitUntil(lambda: view.year_totals[2019].planned == 110.0)
    assert view.delete_line(line)
    qtbot.waitUntil(lambda: view.year_totals[2019].planned == 100.0)
    context.undo_stack.undo()
    assert store.get(m.BudgetLine, line).executed == 8.0


def test_provision_stage_change_recorded_and_undone(env, qtbot):
    store, ids, context, warnings = env
    view = ProvisionsView(context)
    qtbot.addWidget(view)
    assert view.table.rowCount() == 3
    assert "법안 발의 1" in view.title.text() and "국회 통과 2" in view.title.text()
    pid = ids["prov:입지규제"]
    assert view.change_stage(pid, m.ProvisionStage.IN_COMMITTEE, parse_plan_date("2018-11-05"),
                             "국토교통위원회 회부")
    qtbot.waitUntil(lambda: "상임위 심사 1" in view.title.text())
    view.table.selectRow(2)
    assert view.history.rowCount() == 1
    assert view.history.item(0, 1).text() == "2018. 11. 5."
    assert not view.change_stage(pid, m.ProvisionStage.PASSED, parse_plan_date("2018-10"))
    assert "before the previous" in warnings[-1]
    context.undo_stack.undo()
    assert store.get(m.Provision, pid).stage is m.ProvisionStage.BILL_PROPOSED
    assert store.count(m.ProvisionStageChange) == 0


def test_contacts_edit_and_redaction(env, qtbot):
    store, ids, context, warnings = env
    view = ContactsView(context)
    qtbot.addWidget(view)
    assert view.tree.topLevelItemCount() == 3
    contact = store.all(m.Contact)[0]
    view._rows[("contact", contact.id)].setText(1, "서기관")
    assert store.get(m.Contact, contact.id).position == "서기관"
    view._rows[("contact", contact.id)].setText(2, "전화 없음")
    assert "phone" in warnings[-1]
    assert store.get(m.Contact, contact.id).phone == "044-201-4845"
    assert view.add_contact(ids["MSIT"], "이영희", "사무관", "02-2110-2850")
    qtbot.waitUntil(lambda: view._rows[("org", ids["MSIT"])].childCount() == 1)
    context.undo_stack.undo()
    assert store.count(m.Contact, "org_id = ?", (ids["MSIT"],)) == 0
    assert not view.redact.isChecked()
    view.redact.setChecked(True)
    assert store.setting(REDACT_KEY) == "1"
    view.redact.setChecked(False)
    assert store.setting(REDACT_KEY) == "0"


def test_seed_budget_is_the_press_release_265(tmp_path, qtbot):
    from smartcity_desktop.store import open_store

    store = open_store(tmp_path / "seed.db")
    context = AppContext(store)
    view = BudgetView(context)
    qtbot.addWidget(view)
    view.set_filter("budget", 2019)
    assert view.year_totals[2019].planned == 265.0
    assert sorted(t.planned for t in view.area_totals.values()) == [20.0, 50.0, 195.0]
    provisions = ProvisionsView(context)
    qtbot.addWidget(provisions)
    assert provisions.table.rowCount() == 9
    view.close()
    provisions.close()
    context.detach()
    store.close()
