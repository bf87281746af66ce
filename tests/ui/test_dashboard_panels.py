"""Dashboard: one labelled progress measure, bodies with nothing due left out, a slipped-
milestones panel against the latest baseline, tables as tall as their rows."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest
from known_data import known  # noqa: E402  (tests/ui is on sys.path)

from smartcity_desktop.domain import model as m
from smartcity_desktop.domain.dates import PlanDate
from smartcity_desktop.store.planning import save_baseline
from smartcity_desktop.ui.context import AppContext
from smartcity_desktop.ui.dashboard import DashboardView


@pytest.fixture
def env(tmp_path, qtbot):
    store, ids = known.build(tmp_path / "known.db")
    context = AppContext(store)
    yield store, ids, context
    context.detach()
    store.close()


def make(qtbot, context):
    """The dashboard on screen (a tab never shown computes nothing until its data is read)."""
    view = DashboardView(context)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_progress_measure_is_labelled_and_tables_fit_their_rows(env, qtbot):
    store, ids, context = env
    view = make(qtbot, context)
    d = view.data
    assert d.milestones_due_by_date == d.milestones_done + d.milestones_overdue == 3
    done = view.kpi["done"].text()
    assert "기준일까지" in done and f"{d.milestones_done} / 3" in done
    assert "기간 가중" in view.kpi["percent"].text()
    assert f"{d.percent_total:.1f}%" in view.kpi["percent"].text()
    table = view.ministry_table
    assert table.rowCount() == 2
    header = table.horizontalHeader().sizeHint().height()
    rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
    assert table.height() == header + rows + 2 * table.frameWidth()
    titles = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert any("완료" in t for t in titles) and any("기간" in t for t in titles), titles


def test_slipped_milestones_panel(env, qtbot):
    store, ids, context = env
    view = make(qtbot, context)
    assert view.slipped_table.rowCount() == 0 and "기준선" in view.side_titles[3].text()
    save_baseline(store, "착수 기준선")
    milestone = store.get(m.Task, ids["1.5"])
    later = milestone.start.earliest() + timedelta(days=21)
    store.update(dataclasses.replace(milestone, start=PlanDate.exact(later),
                                     finish=PlanDate.exact(later)))
    view.refresh()
    assert view.data.baseline_name == "착수 기준선"
    assert [s.wbs for s in view.data.slipped] == ["1.5"]
    assert view.slipped_table.rowCount() == 1
    assert view.slipped_table.item(0, 0).text().startswith("1.5")
    assert int(view.slipped_table.item(0, 4).text()) > 0
    assert "착수 기준선" in view.side_titles[3].text()
