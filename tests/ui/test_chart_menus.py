"""The chart's keyboard, its context menus (bar, link), the view tables' copy menus and the
checklist's context menu, holiday shading at coarse zoom, the live readout's place."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QInputDialog

from smartcity_desktop.domain import model as m
from smartcity_desktop.ui.gantt import ROW_HEIGHT, keys
from smartcity_desktop.ui.gantt.painter import HOLIDAY_MIN_PPD, arrow_offset


def test_arrow_keys_home_end_and_ctrl_home_in_the_chart(window, qtbot):
    gantt = window.gantt
    rows = gantt.rows()
    gantt.setFocus()
    window.select_task(rows[0].task_id)
    qtbot.keyClick(gantt, Qt.Key.Key_Down)
    assert window.current_task_id() == rows[1].task_id  # the table follows the chart
    qtbot.keyClick(gantt, Qt.Key.Key_Down)
    qtbot.keyClick(gantt, Qt.Key.Key_Up)
    assert window.current_task_id() == rows[1].task_id
    window.gantt_link.set_timescale("week_day")
    bar = gantt.horizontalScrollBar()
    before = bar.value()
    qtbot.keyClick(gantt, Qt.Key.Key_Right)
    assert bar.value() > before
    qtbot.keyClick(gantt, Qt.Key.Key_Left)
    assert bar.value() == before
    qtbot.keyClick(gantt, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert window.current_task_id() == rows[-1].task_id
    end_x = gantt.x_for_date(gantt.layout_state.project_span()[1])
    assert 0 <= end_x <= gantt.viewport().width()
    qtbot.keyClick(gantt, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert window.current_task_id() == rows[0].task_id
    start_x = gantt.x_for_date(gantt.layout_state.project_span()[0])
    assert 0 <= start_x <= gantt.viewport().width()
    target = next(r for r in rows if r.kind == "task" and r.finish > r.start)
    window.select_task(target.task_id)
    bar.setValue(0)
    qtbot.keyClick(gantt, Qt.Key.Key_End)
    x, _y, w, _h = gantt.bar_rect(target.task_id)
    assert 0 <= x + w <= gantt.viewport().width()


def _a_link(window):
    """A visible FS link and a content point on its arrow, away from any bar."""
    from smartcity_desktop.ui.gantt import arrows
    from smartcity_desktop.ui.gantt.interaction import hit_test

    lay = window.gantt.layout_state
    off = arrow_offset(False)
    for dep in window.model.plan.dependencies.values():
        p, s = lay.table.row_of.get(dep.predecessor_id), lay.table.row_of.get(dep.successor_id)
        if p is None or s is None or dep.type is not m.DependencyType.FS:
            continue
        pts, _ = arrows.route(0, float(lay.x0[p]), float(lay.x1[p]), p * ROW_HEIGHT + off,
                              float(lay.x0[s]), float(lay.x1[s]), s * ROW_HEIGHT + off,
                              ROW_HEIGHT)
        for (ax, ay), (bx, by) in zip(pts, pts[1:]):
            x, y = (ax + bx) / 2, (ay + by) / 2
            hit = hit_test(lay, x, y, False)
            if (hit is None or hit.part == "row") and keys.link_at(lay, x, y, False) == (
                    dep.predecessor_id, dep.successor_id):
                return dep, x, y
    raise AssertionError("no visible link")


def test_link_menu_deletes_and_changes_type_and_lag(window, monkeypatch):
    store = window.context.store
    dep, x, y = _a_link(window)
    menu = window.chart_menu.menu_for(("link", (dep.predecessor_id, dep.successor_id)))
    types = next(a.menu() for a in menu.actions() if a.menu())
    checked = [a.text() for a in types.actions() if a.isChecked()]
    assert checked == ["FS"]
    next(a for a in types.actions() if a.text() == "SS").trigger()
    assert store.get(m.Dependency, dep.id).type is m.DependencyType.SS
    monkeypatch.setattr(QInputDialog, "getInt", staticmethod(lambda *a, **k: (3, True)))
    next(a for a in menu.actions() if a.objectName() == "linkLag").trigger()
    assert store.get(m.Dependency, dep.id).lag_days == 3
    next(a for a in menu.actions() if a.objectName() == "deleteLink").trigger()
    assert store.count(m.Dependency, "id = ?", (dep.id,)) == 0
    assert window.context.undo_stack.count() == 3
    for _ in range(3):
        window.context.undo_stack.undo()
    restored = store.get(m.Dependency, dep.id)
    assert (restored.type, restored.lag_days) == (dep.type, dep.lag_days)
    menu.deleteLater()


def test_right_click_on_bar_or_arrow_finds_its_target(window):
    gantt = window.gantt
    dep, x, y = _a_link(window)
    assert keys.menu_target(gantt, QPointF(x, y)) == (
        "link", (dep.predecessor_id, dep.successor_id))
    row = gantt.rows()[3]
    bx, by, bw, bh = gantt.bar_rect(row.task_id)
    content = QPointF(bx + bw / 2 + gantt.horizontalScrollBar().value(),
                      by + bh / 2 + gantt.verticalScrollBar().value())
    assert keys.menu_target(gantt, content) == ("task", row.task_id)
    assert window.current_task_id() == row.task_id
    menu = window.chart_menu.menu_for(("task", row.task_id))
    names = {a.objectName() for a in menu.actions()}
    assert {"details", "indent", "outdent", "delete", "insert_subtask"} <= names
    menu.deleteLater()


def test_view_tables_copy_rows_as_tab_separated_text(window, qtbot):
    from smartcity_desktop.ui import table_menus

    window.add_plugin_views()
    views = [window.tabs.widget(i) for i in range(1, window.tabs.count())]
    assert views
    from PySide6.QtWidgets import QAbstractItemView

    tables = [v for w in views for v in w.findChildren(QAbstractItemView)]
    assert tables and all(t.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
                          for t in tables)
    table = next(t for t in tables if t.model() is not None and t.model().rowCount() > 1)
    text = table_menus.copy_rows(table, whole=True)
    lines = text.split("\n")
    assert len(lines) >= 3 and "\t" in lines[0] or table.model().columnCount() == 1
    assert QGuiApplication.clipboard().text() == text


def test_checklist_menu_ticks_the_item_under_the_pointer(window, qtbot):
    from smartcity_desktop.ui import table_menus

    window.add_plugin_views()
    view = next(window.tabs.widget(i) for i in range(1, window.tabs.count())
                if type(window.tabs.widget(i)).__name__ == "ChecklistView")
    view.refresh()
    key = next(k for k in view._rows if k[0] == "item"
               and not window.context.store.get(m.ChecklistItem, k[1]).done)
    row = view._rows[key]
    view.tree.scrollToItem(row)
    pos = view.tree.visualItemRect(row).center()
    menu = table_menus.checklist_menu(view, pos)
    assert view.selected() == key
    names = [a.objectName() for a in menu.actions()]
    assert {"tick", "edit", "delete", "copyRows"} <= set(names)
    next(a for a in menu.actions() if a.objectName() == "tick").trigger()
    assert window.context.store.get(m.ChecklistItem, key[1]).done
    menu.deleteLater()


def _colours_at(gantt, day):
    image = gantt.viewport().grab().toImage()
    x = int(gantt.x_for_date(day) + max(gantt.zoom() / 2, 0))
    y = gantt.viewport().height() - 3
    return {image.pixelColor(QPoint(x + dx, y)).name() for dx in (0, 1)}


def test_holidays_are_not_shaded_where_a_day_is_a_hairline(window):
    gantt = window.gantt
    holiday = date(2019, 3, 1)  # 삼일절, a Friday
    window.gantt_link.set_timescale("quarter_year")
    assert gantt.zoom() < HOLIDAY_MIN_PPD
    gantt.scroll_to_date(holiday, margin_days=60)
    assert "#fbe3e3" not in _colours_at(gantt, holiday)
    window.gantt_link.set_timescale("week_day")
    assert gantt.zoom() >= HOLIDAY_MIN_PPD
    gantt.scroll_to_date(holiday, margin_days=3)
    assert "#fbe3e3" in _colours_at(gantt, holiday)


def test_live_readout_sits_clear_of_the_bar_row():
    from PySide6.QtGui import QColor, QImage, QPainter

    from smartcity_desktop.ui.gantt.interaction import draw_readout
    row = 3
    image = QImage(400, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    draw_readout(painter, "2019-03-04 ~ 2019-04-01", 50.0, row)
    painter.end()
    row_top, row_bottom = row * ROW_HEIGHT, (row + 1) * ROW_HEIGHT
    touched = {y for y in range(200) for x in range(0, 400, 2)
               if image.pixelColor(x, y).name() != "#ffffff"}
    assert touched and max(touched) < row_top + 1 and min(touched) >= row_top - ROW_HEIGHT
    assert not touched & set(range(row_top + 1, row_bottom))


def test_forward_fs_arrow_keeps_clear_of_the_predecessors_label():
    from smartcity_desktop.ui.gantt import arrows

    pred_y, succ_y = 12.0, 12.0 + 3 * ROW_HEIGHT
    pts, direction = arrows.route(0, 40.0, 100.0, pred_y, 160.0, 220.0, succ_y, ROW_HEIGHT)
    assert pts[0] == (100.0, pred_y) and pts[-1] == (160.0, succ_y) and direction == 1
    label_left = 100.0 + 6.0  # painter: label_x = x1 + 6
    for (ax, ay), (bx, by) in zip(pts, pts[1:]):
        assert ax == bx or ay == by
        in_pred_row = min(ay, by) < pred_y + ROW_HEIGHT / 2 and max(ay, by) > pred_y - 6
        if in_pred_row and not (ay == by == pred_y + ROW_HEIGHT / 2):
            assert max(ax, bx) < label_left  # never across the predecessor's name
