"""The Gantt chart widget: geometry, painting only what is visible, mouse edits, export."""

from __future__ import annotations

import gc
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QImage, QWheelEvent
from PySide6.QtWidgets import QApplication

from smartcity_desktop.paths import FONT_REGULAR
from smartcity_desktop.ui.gantt import ROW_HEIGHT, GanttRow, GanttView, arrows
from smartcity_desktop.ui.gantt.interaction import tooltip_text
from smartcity_desktop.ui.gantt.rows import RowTable
from smartcity_desktop.ui.gantt.shading import DayShading
from smartcity_desktop.ui.gantt.synthetic import synthetic_plan
from smartcity_desktop.ui.gantt.timescale import Timescale, header_cells

D0 = date(2019, 1, 7)  # a Monday


class StandInCalendar:
    """Duck-typed working calendar: weekends plus a fixed holiday list."""

    def __init__(self, holidays: dict[date, str]) -> None:
        self.holidays = holidays

    def is_workday(self, d: date) -> bool:
        return d.weekday() < 5 and d not in self.holidays

    def holidays_between(self, a: date, b: date) -> list[tuple[date, str]]:
        return sorted((d, n) for d, n in self.holidays.items() if a <= d <= b)


class StandInContext(QObject):
    languageChanged = Signal(str)
    statusDateChanged = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.lang = "ko"


@pytest.fixture(scope="module", autouse=True)
def korean_font(qapp):
    font_id = QFontDatabase.addApplicationFont(str(FONT_REGULAR))
    families = QFontDatabase.applicationFontFamilies(font_id)
    old = qapp.font()
    if families:
        qapp.setFont(QFont(families[0], 9))
    yield
    qapp.setFont(old)


def small_rows() -> list[GanttRow]:
    return [
        GanttRow(1, "1", "1. 부지 조성", "summary", D0, D0 + timedelta(days=25), 40.0, False,
                 None, None, None, None, 0),
        GanttRow(2, "1.1", "기본 설계", "task", D0, D0 + timedelta(days=4), 50.0, True,
                 (D0 - timedelta(days=6), D0 + timedelta(days=3)), None, D0, D0 + timedelta(days=2),
                 1, 0.0),
        GanttRow(3, "1.2", "실시 설계", "task", D0 + timedelta(days=7), D0 + timedelta(days=11),
                 0.0, False, None, None, None, None, 1, 5.0),
        GanttRow(4, "1.3", "착공", "milestone", D0 + timedelta(days=25), D0 + timedelta(days=25),
                 0.0, False, None, None, None, None, 1),
    ]


@pytest.fixture
def view(qtbot):
    before = len(QApplication.topLevelWidgets())
    v = GanttView(None)
    qtbot.addWidget(v)
    v.resize(900, 400)
    v.set_today(date(2019, 1, 16))
    v.set_rows(small_rows())
    v.set_dependencies([(2, 3, "FS"), (3, 4, "FS")])
    v.show()
    qtbot.waitExposed(v)
    v.set_zoom(26.0)
    v.scroll_to_date(D0 - timedelta(days=3), margin_days=0)
    yield v
    v.close()
    v.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, GanttView)]
    assert len(QApplication.topLevelWidgets()) <= before


def centre(v: GanttView, task_id: int) -> QPoint:
    x, y, w, h = v.bar_rect(task_id)
    return QPoint(int(x + w / 2), int(y + h / 2))


def drag(qtbot, v: GanttView, start: QPoint, end: QPoint,
         modifier=Qt.KeyboardModifier.NoModifier) -> None:
    vp = v.viewport()
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, modifier, start)
    steps = 6
    for i in range(1, steps + 1):
        qtbot.mouseMove(vp, start + (end - start) * i / steps)
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, modifier, end)


# -- geometry ------------------------------------------------------------------------
def test_date_x_and_row_y_geometry(view):
    ppd = view.zoom()
    assert ppd == 26.0
    x0 = view.x_for_date(D0)
    assert x0 == pytest.approx(3 * ppd)
    assert view.x_for_date(D0 + timedelta(days=10)) - x0 == pytest.approx(10 * ppd)
    assert view.date_at(x0 + 1) == D0 and view.date_at(x0 + ppd + 1) == D0 + timedelta(days=1)
    assert view.row_y(1) == 0 and view.row_y(3) == 2 * ROW_HEIGHT
    x, y, w, h = view.bar_rect(2)
    assert x == pytest.approx(x0) and w == pytest.approx(5 * ppd)  # finish is inclusive
    assert 2 * ROW_HEIGHT > y > ROW_HEIGHT and h > 0
    view.verticalScrollBar().setMaximum(1000)  # scrolling shifts rows up
    assert view.row_y(999) is None


def test_timescale_maps_both_ways():
    ts = Timescale(D0.toordinal(), D0.toordinal() + 100, 4.0)
    assert ts.x_of(D0 + timedelta(days=5)) == 20.0
    assert ts.date_at(20.0) == D0 + timedelta(days=5) and ts.date_at(19.9) == D0 + timedelta(4)
    assert ts.width == 400


def test_header_cells_have_korean_and_english_labels():
    first, last = date(2018, 12, 1).toordinal(), date(2019, 2, 10).toordinal()
    years = header_cells("year", first, last)
    assert [c.labels[0] for c in years] == ["2018년", "2019년"]
    months = header_cells("month", first, last)
    assert [c.labels[1] for c in months] == ["12월", "1월", "2월"]
    assert months[1].start == date(2019, 1, 1).toordinal()
    assert months[1].end == date(2019, 2, 1).toordinal()
    assert header_cells("quarter", first, last, "en")[1].labels[0] == "Q1"
    weeks = header_cells("week", date(2019, 1, 9).toordinal(), date(2019, 1, 9).toordinal())
    assert weeks[0].start == D0.toordinal() and "1월 7일" in weeks[0].labels[0]


def test_row_table_refuses_bad_rows():
    bad = small_rows()
    bad[1].kind = "phase"
    with pytest.raises(ValueError, match="phase"):
        RowTable(bad)
    dup = small_rows() + [small_rows()[2]]
    with pytest.raises(ValueError, match="두 번"):
        RowTable(dup)


# -- mouse edits ------------------------------------------------------------------------
def test_drag_bar_body_requests_move_by_whole_days(qtbot, view):
    start = centre(view, 3)
    with qtbot.waitSignal(view.taskMoveRequested) as blocker:
        drag(qtbot, view, start, start + QPoint(int(3 * view.zoom() + 4), 3))
    assert blocker.args == [3, D0 + timedelta(days=10)]


def test_drag_left_moves_earlier_and_tiny_drag_does_nothing(qtbot, view):
    moves = []
    view.taskMoveRequested.connect(lambda tid, d: moves.append((tid, d)))
    start = centre(view, 3)
    drag(qtbot, view, start, start - QPoint(int(2 * view.zoom()), 0))
    assert moves == [(3, D0 + timedelta(days=5))]
    drag(qtbot, view, start, start + QPoint(3, 0))  # below the drag distance
    assert len(moves) == 1


def test_drag_right_end_requests_new_finish(qtbot, view):
    x, y, w, h = view.bar_rect(3)
    grip = QPoint(int(x + w - 2), int(y + h / 2))
    with qtbot.waitSignal(view.taskResizeRequested) as blocker:
        drag(qtbot, view, grip, grip + QPoint(int(4 * view.zoom()), 0))
    assert blocker.args == [3, D0 + timedelta(days=15)]
    resized = []
    view.taskResizeRequested.connect(lambda tid, d: resized.append(d))
    drag(qtbot, view, grip, grip - QPoint(int(20 * view.zoom()), 0))  # never before the start
    assert resized == [D0 + timedelta(days=7)]


def test_link_handle_drag_requests_dependency(qtbot, view):
    handle = view.link_handle_pos(2).toPoint()
    with qtbot.waitSignal(view.dependencyRequested) as blocker:
        drag(qtbot, view, handle, centre(view, 4))
    assert blocker.args == [2, 4]


def test_shift_drag_from_bar_links_and_empty_drop_does_not(qtbot, view):
    links, moves = [], []
    view.dependencyRequested.connect(lambda a, b: links.append((a, b)))
    view.taskMoveRequested.connect(lambda *a: moves.append(a))
    drag(qtbot, view, centre(view, 3), centre(view, 2), Qt.KeyboardModifier.ShiftModifier)
    assert links == [(3, 2)] and moves == []
    empty = QPoint(view.viewport().width() - 5, view.row_y(3) + ROW_HEIGHT // 2)
    drag(qtbot, view, view.link_handle_pos(2).toPoint(), empty)
    assert links == [(3, 2)]


def test_double_click_activates_and_click_selects(qtbot, view):
    selected = []
    view.selectionChanged.connect(selected.append)
    with qtbot.waitSignal(view.taskActivated) as blocker:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre(view, 2))
    assert blocker.args == [2]
    assert selected == [2] and view.selected_task_id() == 2
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre(view, 3))
    assert selected == [2, 3]


def test_summary_bar_cannot_be_dragged(qtbot, view):
    moves = []
    view.taskMoveRequested.connect(lambda *a: moves.append(a))
    start = centre(view, 1)
    drag(qtbot, view, start, start + QPoint(100, 0))
    assert moves == []


def test_escape_cancels_a_drag(qtbot, view):
    moves = []
    view.taskMoveRequested.connect(lambda *a: moves.append(a))
    vp, start = view.viewport(), centre(view, 3)
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(vp, start + QPoint(80, 0))
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=start + QPoint(80, 0))
    assert moves == []


# -- zoom and timescale ------------------------------------------------------------------
def test_zoom_steps_change_scale_and_keep_anchor(view):
    anchor = view.x_for_date(D0 + timedelta(days=5))
    view.zoom_out(anchor)
    assert view.zoom() == 18.0
    assert view.x_for_date(D0 + timedelta(days=5)) == pytest.approx(anchor, abs=1.0)
    span = view.x_for_date(D0 + timedelta(days=10)) - view.x_for_date(D0)
    assert span == pytest.approx(180.0)
    view.zoom_in()
    view.zoom_in()
    assert view.zoom() == 36.0 and view.timescale() == "week/day"


def test_ctrl_wheel_zooms_and_timescale_modes(view):
    before = view.zoom()
    pos = QPointF(100, 50)
    event = QWheelEvent(pos, view.viewport().mapToGlobal(pos), QPoint(), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), event)
    assert view.zoom() > before
    for mode in ("quarter/year", "year/month", "month/week", "week/day"):
        view.set_timescale(mode)
        assert view.timescale() == mode
    with pytest.raises(ValueError, match="day/hour"):
        view.set_timescale("day/hour")


def test_fit_all_shows_the_whole_project(view):
    view.fit_all()
    first, last = D0, D0 + timedelta(days=25)
    assert 0 <= view.x_for_date(first) and view.x_for_date(last) <= view.viewport().width()
    assert view.x_for_date(last) - view.x_for_date(first) > view.viewport().width() / 2


# -- painting ----------------------------------------------------------------------------
def render(view: GanttView) -> QImage:
    image = QImage(view.size(), QImage.Format.Format_ARGB32)
    view.render(image)
    return image


def test_bars_progress_and_critical_colour_are_painted(view):
    image = render(view)
    vp = view.viewport().mapTo(view, QPoint(0, 0))
    x, y, w, h = view.bar_rect(3)  # normal task, no progress
    assert image.pixelColor(vp + QPoint(int(x + w / 2), int(y + 2))).name() == "#7fb0e6"
    x, y, w, h = view.bar_rect(2)  # critical, 50 % done: dark fill on the left half only
    left = image.pixelColor(vp + QPoint(int(x + w / 4), int(y + h / 2))).name()
    top = image.pixelColor(vp + QPoint(int(x + w * 0.75), int(y + 2))).name()
    assert left == "#8e1414" and top == "#ef8a8a"


def test_only_visible_rows_are_painted_on_10k_rows(qtbot, view):
    rows, deps = synthetic_plan(10_000, 15_000)
    view.set_rows(rows)
    view.set_dependencies(deps)
    assert view.verticalScrollBar().maximum() == 10_000 * ROW_HEIGHT - view.viewport().height()
    view.repaint_now()
    stats = view.paint_stats
    per_view = view.viewport().height() // ROW_HEIGHT + 1
    assert 0 < stats["rows"] <= per_view and stats["first"] == 0
    paints = stats["paints"]
    view.verticalScrollBar().setValue(120_000)
    view.repaint_now()
    assert stats["paints"] == paints + 1
    assert stats["first"] == 120_000 // ROW_HEIGHT and stats["rows"] <= per_view
    assert stats["arrows"] < 200  # only arrows crossing the visible rows
    builds = stats["background_builds"]
    view.verticalScrollBar().setValue(50_000)
    view.repaint_now()
    assert stats["background_builds"] == builds  # vertical scroll reuses the cached background


def test_arrows_crossing_the_view_are_drawn_even_with_both_ends_off_screen(view):
    rows = [GanttRow(i, str(i), f"작업 {i}", "task", D0, D0 + timedelta(days=2))
            for i in range(1, 201)]
    view.set_rows(rows)
    view.set_dependencies([(1, 200, "SS"), (50, 51, "FS"), (150, 151, "FF")])
    view.verticalScrollBar().setValue(40 * ROW_HEIGHT)
    view.repaint_now()
    assert view.paint_stats["arrows"] == 2  # the long SS and the 50->51 FS


@pytest.mark.parametrize("type_code, start, end", [
    (0, (100.0, 10.0), (160.0, 58.0)),  # FS: pred end -> succ start
    (1, (40.0, 10.0), (160.0, 58.0)),  # SS: start -> start
    (2, (100.0, 10.0), (220.0, 58.0)),  # FF: end -> end
    (3, (40.0, 10.0), (220.0, 58.0)),  # SF: start -> end
])
def test_arrow_routes_join_the_right_ends(type_code, start, end):
    pts, direction = arrows.route(type_code, 40.0, 100.0, 10.0, 160.0, 220.0, 58.0, 24.0)
    assert pts[0] == start and pts[-1] == end
    assert direction == (1 if type_code in (0, 1) else -1)
    for (ax, ay), (bx, by) in zip(pts, pts[1:], strict=False):
        assert ax == bx or ay == by  # elbows only


def test_overlapping_fs_detours_between_rows():
    pts, _ = arrows.route(0, 40.0, 200.0, 10.0, 100.0, 150.0, 58.0, 24.0)
    assert len(pts) == 6 and pts[2][1] == pytest.approx(24.0)  # the edge below row 0


def test_weekends_and_holidays_are_shaded_with_names(view):
    cal = StandInCalendar({date(2019, 1, 9): "창립기념일"})
    view.set_calendar(cal)
    image = render(view)
    vp = view.viewport().mapTo(view, QPoint(0, 0))
    y = view.row_y(4) + ROW_HEIGHT // 2 + 40
    holiday_x = int(view.x_for_date(date(2019, 1, 9)) + view.zoom() / 2)
    saturday_x = int(view.x_for_date(date(2019, 1, 12)) + view.zoom() / 2)
    assert image.pixelColor(vp + QPoint(holiday_x, y)).name() == "#fbe3e3"
    assert image.pixelColor(vp + QPoint(saturday_x, y)).name() == "#f1f1f3"
    assert view.day_tooltip(date(2019, 1, 9).toordinal()) == "2019-01-09 창립기념일"
    assert view.day_tooltip(date(2019, 1, 10).toordinal()) is None


def test_real_korean_calendar_names_holidays():
    calendar_module = pytest.importorskip("smartcity_desktop.domain.calendar")
    start = date(2014, 12, 1).toordinal()  # before the calendar's first year: weekends only
    shading = DayShading(calendar_module.WorkCalendar(), start, date(2019, 12, 31).toordinal())
    assert "삼일절" in shading.holiday_name(date(2019, 3, 1).toordinal())
    assert shading.is_non_work(date(2014, 12, 6).toordinal())
    runs = shading.runs(date(2019, 2, 1).toordinal(), date(2019, 2, 28).toordinal())
    assert any(is_holiday for _, _, is_holiday in runs)


def test_tooltip_text_and_language(qtbot):
    ctx = StandInContext()
    v = GanttView(ctx)
    qtbot.addWidget(v)
    v.set_rows(small_rows())
    text = tooltip_text(v.layout_state, 1, v.language)
    assert "기본 설계" in text and "2019-01-07 ~ 2019-01-11 (5일)" in text
    assert "총 여유 0일" in text and "주공정" in text
    ctx.languageChanged.emit("en")
    assert v.language == "en"
    assert "Total float 0 days" in tooltip_text(v.layout_state, 1, v.language)
    ctx.statusDateChanged.emit(date(2019, 1, 10))
    assert v.layout_state.status_date == date(2019, 1, 10)
    v.close()


def test_set_rows_keeps_the_visible_date_and_baseline_toggle(view):
    left = view.date_at(0)
    rows = small_rows()
    rows[2].finish += timedelta(days=400)  # the chart range grows
    view.set_rows(rows)
    assert view.date_at(0) == left
    h_without = view.bar_rect(2)[3]
    view.show_baseline(True)
    assert view.baseline_shown() and view.bar_rect(2)[3] < h_without


def test_export_png_and_svg(tmp_path, view):
    png = view.render_to_image(tmp_path / "gantt.png")
    image = QImage(str(png))
    assert image.width() == view.viewport().width()
    assert image.height() == view.viewport().height() + view.header_height()
    svg = view.render_to_image(tmp_path / "gantt.svg", whole=True)
    text = svg.read_text(encoding="utf-8")
    assert "<svg" in text and "기본 설계" in text
    with pytest.raises(ValueError, match="지원하지 않는"):
        view.render_to_image(tmp_path / "gantt.gif")


def test_hover_text_shows_bar_details_or_holiday(view):
    view.set_calendar(StandInCalendar({date(2019, 1, 9): "창립기념일"}))
    text = view.hover_text(QPointF(centre(view, 3)))
    assert text.startswith("1.2 실시 설계") and "총 여유 5일" in text
    empty = QPointF(view.x_for_date(date(2019, 1, 9)) + 2, view.row_y(4) + ROW_HEIGHT + 30)
    assert view.hover_text(empty) == "2019-01-09 창립기념일"
