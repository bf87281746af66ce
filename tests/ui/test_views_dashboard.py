"""The dashboard's figures equal the scheduler's programme figures; charts redraw on change only."""

from __future__ import annotations

from datetime import date

import pytest
from known_data import known  # noqa: E402  (tests/ui is on sys.path)
from matplotlib.backend_bases import MouseEvent

from smartcity_desktop.app import checklists as ed
from smartcity_desktop.domain import programme
from smartcity_desktop.store import open_store
from smartcity_desktop.store.planning import load_schedule
from smartcity_desktop.ui.context import AppContext
from smartcity_desktop.ui.dashboard import DashboardView
from smartcity_desktop.ui.views import create_views


@pytest.fixture
def env(tmp_path, qtbot):
    store, ids = known.build(tmp_path / "known.db")
    context = AppContext(store)
    view = DashboardView(context)
    qtbot.addWidget(view)
    yield view, store, ids, context
    view.close()
    context.detach()
    store.close()


def test_kpis_equal_programme_figures_for_known_data(env):
    view, store, ids, _ = env
    d = view.data
    assert view.error == ""
    assert d.as_of == known.STATUS_DATE
    # hand-checked: 1.4 done; 1.3 due 2019-03-05 (within 30 days); 1.2 and 1.6 past due;
    # 1.5 due 2019-06-28 later
    assert (d.milestones_done, d.milestones_due_30, d.milestones_overdue,
            d.milestones_total) == (1, 1, 2, 5)
    tasks, schedule, _ = load_schedule(store)
    figures = programme.programme_figures(tasks, schedule, known.STATUS_DATE, n_next=10)
    assert (d.milestones_done, d.milestones_due_30, d.milestones_overdue) == (
        figures.total.done, figures.total.due, figures.total.overdue)
    by_code = {s.code: s.counts for s in d.by_ministry}
    assert by_code == {"MOLIT": {"done": 0, "due": 1, "overdue": 2, "later": 0},
                       "MSIT": {"done": 1, "due": 0, "overdue": 0, "later": 1}}
    for org_id, counts in figures.by_ministry.items():
        code = next(o.code for o in store.organisations() if o.id == org_id)
        assert by_code[code] == {"done": counts.done, "due": counts.due,
                                 "overdue": counts.overdue, "later": counts.later}
    # MOLIT: 1.1 (5 working days, 100 %) and 1.7 (250 days, 0 %); milestones weigh nothing
    percents = {r.code: r.percent for r in d.percent_by_ministry}
    assert percents == {"MOLIT": round(100 * 5 / 255, 1), "MSIT": 50.0}
    assert percents == {next(o.code for o in store.organisations() if o.id == k): v
                        for k, v in figures.percent_by_ministry.items()}
    assert {r.code: r.percent for r in d.percent_by_city} == {
        "SEJONG": 50.0, "BUSAN": 0.0, "": round(100 * 5 / 255, 1)}
    assert [(r.wbs, r.due) for r in d.next_milestones] == [
        ("1.3", date(2019, 3, 5)), ("1.5", date(2019, 6, 28))]
    assert [r.wbs for r in d.next_milestones] == [t.wbs for t, _ in figures.next]
    assert view.kpi["overdue"].text().count(">2<") == 1
    assert view.next_table.rowCount() == 2 and view.next_table.item(0, 0).text() == "2019-03-05"


def test_budget_provisions_and_scurve(env):
    view, store, ids, _ = env
    d = view.data
    assert d.budget_year == 2019
    assert [(a.key, a.planned, a.executed) for a in d.budget_by_area] == [
        ("선도사업", 90.0, 30.0), ("혁신기업 유치", 10.0, 0.0), ("신기술 접목", 10.0, 5.0)]
    assert [(c.key, c.planned, c.executed) for c in d.budget_by_city] == [
        ("BUSAN", 40.0, 10.0), ("SEJONG", 60.0, 25.0), ("", 10.0, 0.0)]
    assert sum(a.planned for a in d.budget_by_area) == sum(c.planned for c in d.budget_by_city)
    assert d.provisions_by_stage == {"bill_proposed": 1, "in_committee": 0, "passed": 2,
                                     "in_force": 0}
    assert d.scurve_planned == sorted(d.scurve_planned) and d.scurve_planned[-1] == 100.0
    assert d.scurve_actual[0] == 0.0
    # the last actual point (on or before the status date) is the programme's own percent
    assert d.scurve_actual[-1] == round(100 * 5 / 255, 1)
    assert all(x <= known.STATUS_DATE for x in d.scurve_dates[:len(d.scurve_actual)])


def test_redraws_on_data_change_not_on_paint(env, qtbot):
    view, store, ids, context = env
    view.show()
    qtbot.waitExposed(view)
    drawn = view.draw_count
    view.repaint()
    view.canvas.repaint()
    assert view.draw_count == drawn
    context.edits.run("complete", lambda s: ed.complete_task(s, ids["1.3"], date(2019, 2, 14)))
    qtbot.waitUntil(lambda: view.draw_count == drawn + 1)
    assert (view.data.milestones_done, view.data.milestones_due_30) == (2, 0)
    context.undo_stack.undo()
    qtbot.waitUntil(lambda: view.data.milestones_done == 1)
    view.hide()  # a hidden tab does not draw; it catches up when shown
    drawn = view.draw_count
    context.undo_stack.redo()
    qtbot.wait(20)
    assert view.draw_count == drawn and view.data.milestones_done == 1
    view.show()
    qtbot.waitUntil(lambda: view.data.milestones_done == 2)
    assert view.draw_count == drawn + 1


def test_click_bar_requests_filter(env, qtbot):
    view, store, ids, context = env
    view.resize(1400, 900)
    view.show()
    qtbot.waitExposed(view)
    view.canvas.draw()
    ax = view.figure.axes[0]
    overdue_molit = next(p for p in ax.patches
                         if getattr(p, "filter", {}).get("status") == "late"
                         and p.filter["ministry"] == "MOLIT")
    bbox = overdue_molit.get_window_extent()
    x, y = (bbox.x0 + bbox.x1) / 2, (bbox.y0 + bbox.y1) / 2
    event = MouseEvent("button_press_event", view.canvas, x, y, button=1)
    with qtbot.waitSignal(context.filterRequested) as blocker:
        view.figure.pick(event)
    assert blocker.args[0] == {"ministry": "MOLIT", "kind": "milestone", "status": "late"}


def test_create_views_and_seed_dashboard(tmp_path, qtbot):
    store = open_store(tmp_path / "seed.db")
    context = AppContext(store)
    views = create_views(context, None)
    for widget, _title in views:
        qtbot.addWidget(widget)
    assert [t for _, t in views] == ["부처별 체크리스트", "대시보드", "예산", "규제 특례", "연락처"]
    dashboard = views[1][0]
    assert dashboard.error == ""
    tasks, schedule, _ = load_schedule(store)
    figures = programme.programme_figures(tasks, schedule, dashboard.as_of)
    assert dashboard.data.milestones_total == figures.total.total
    assert dashboard.data.milestones_overdue == figures.total.overdue
    for widget, _ in views:
        widget.close()
    context.detach()
    store.close()


def test_scurve_plan_is_the_plan_not_the_forecast(env):
    """Late work (1.7: 250 days, 0 %) is behind plan at the status date: the planned curve
    follows the plan dates, not the forecast that moves unfinished work to that date."""
    view, store, ids, _ = env
    d = view.data
    last = len(d.scurve_actual) - 1  # the last point on or before the status date
    assert d.scurve_planned[last] > d.scurve_actual[last] + 1
