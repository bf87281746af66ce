"""The main window: layout, chart rows = tree rows, mouse edits on the Gantt, dialogs, settings."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QPoint, Qt, qVersion

from smartcity_desktop.domain import model as m
from smartcity_desktop.domain.dates import PlanDate
from smartcity_desktop.domain.scheduler import Scheduler
from smartcity_desktop.ui import main_window as mw
from smartcity_desktop.ui.preferences import settings


def bar_center(gantt, task_id) -> QPoint:
    x, y, w, h = gantt.bar_rect(task_id)
    return QPoint(int(x + w / 2), int(y + h / 2))


def drag(qtbot, gantt, start: QPoint, end: QPoint) -> None:
    vp = gantt.viewport()
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for i in range(1, 7):
        qtbot.mouseMove(vp, start + (end - start) * i / 6)
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def show_tasks(window, *task_ids) -> None:
    for task_id in task_ids:
        window.select_task(task_id)
    window.gantt_link.refresh_now()
    window.gantt_link.set_timescale("week_day")
    window.gantt.scroll_to_task(task_ids[0])


def driven_pair(window):
    """An FS link whose successor starts right after its predecessor (it must follow a move)."""
    model, store = window.model, window.context.store
    cal = model.plan.calendar
    for dep in store.dependencies():
        pred, succ = model.task(dep.predecessor_id), model.task(dep.successor_id)
        if dep.type is not m.DependencyType.FS or pred.kind is not m.TaskKind.TASK:
            continue
        if pred.actual_start or succ.actual_start or succ.kind is m.TaskKind.SUMMARY:
            continue
        ps, ss = model.scheduled(pred.id), model.scheduled(succ.id)
        if ss.start == cal.add_workdays(ps.finish, 1 + dep.lag_days) and ps.finish > ps.start:
            return pred, succ
    raise AssertionError("the seed has no driven FS pair")


def test_window_layout_menus_and_status_bar(window):
    assert window.tabs.count() >= 1 and window.tabs.tabText(0) == "간트"
    assert window.splitter.widget(0) is window.tree and window.splitter.widget(1) is window.gantt
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["파일(&F)", "편집(&E)", "보기(&V)", "사업(&P)", "보고서(&R)", "교환(&X)",
                      "도움말(&H)"]
    acts = window.actions_by_name
    assert acts["undo"].shortcut().toString() == "Ctrl+Z"
    assert [s.toString() for s in acts["redo"].shortcuts()] == ["Ctrl+Shift+Z", "Ctrl+Y"]
    assert acts["insert"].shortcut().toString() == "Ins"
    assert acts["delete"].shortcut().toString() == "Del"
    assert acts["find"].shortcut().toString() == "Ctrl+F"
    assert acts["reports"].shortcut().toString() == "Ctrl+P"
    total = len(window.context.store.tasks())
    assert f"작업 {total}개 중" in window.count_label.text()
    assert str(window.context.store.path) == window.path_label.text()
    assert window.context.store.project().status_date.isoformat() in window.date_label.text()
    assert window.context.undo_stack.count() == 0  # opening is not an undoable step


def test_chart_rows_follow_the_tree(window, qtbot):
    link, gantt = window.gantt_link, window.gantt
    visible = [tid for tid, _ in link.visible_task_ids()]
    assert [r.task_id for r in gantt.rows()] == visible
    assert window.tree.header().height() == gantt.header_height()
    summary = next(t for t in window.context.store.tasks()
                   if t.parent_id is None and window.model.rowCount(window.model.index_of(t.id)))
    window.tree.collapseAll()
    link.refresh_now()
    top = [r.task_id for r in gantt.rows()]
    assert summary.id in top and len(top) == window.proxy.rowCount()
    window.tree.expand(window.model.index_of(summary.id))
    qtbot.waitUntil(lambda: len(gantt.rows()) > len(top))
    # scrolling one side scrolls the other, pixel for pixel
    window.tree.expandAll()
    link.refresh_now()
    gantt.verticalScrollBar().setValue(5 * link.row_height)
    assert window.tree.verticalScrollBar().value() == 5 * link.row_height
    # imprecise plan dates reach the chart as ranges
    row = next(r for r in gantt.rows() if r.planned_start_range)
    task = window.model.task(row.task_id)
    assert row.planned_start_range == (task.start.earliest(), task.start.latest())


def test_dragging_a_bar_moves_the_task_and_its_successors(window, qtbot):
    pred, succ = driven_pair(window)
    model, store = window.model, window.context.store
    old_pred, old_succ = model.scheduled(pred.id), model.scheduled(succ.id)
    show_tasks(window, pred.id, succ.id)
    gantt = window.gantt
    start = bar_center(gantt, pred.id)
    with qtbot.waitSignal(gantt.taskMoveRequested) as moved:
        drag(qtbot, gantt, start, start + QPoint(int(21 * gantt.zoom()), 0))
    new_start = moved.args[1]
    assert new_start > old_pred.start
    saved = store.get(m.Task, pred.id)
    assert saved.start == PlanDate.exact(new_start)
    assert saved.constraint_type is m.ConstraintType.START_NO_EARLIER
    now_pred, now_succ = model.scheduled(pred.id), model.scheduled(succ.id)
    assert now_pred.start == model.plan.calendar.next_workday(new_start)
    assert now_succ.start > old_succ.start  # the successor followed
    qtbot.waitUntil(lambda: next(r for r in gantt.rows() if r.task_id == succ.id).start
                    == now_succ.start)
    window.context.undo_stack.undo()
    assert model.scheduled(pred.id).start == old_pred.start
    assert model.scheduled(succ.id).start == old_succ.start


def test_dragging_a_bar_end_changes_the_duration(window, qtbot):
    pred, _succ = driven_pair(window)
    show_tasks(window, pred.id)
    gantt = window.gantt
    x, y, w, h = gantt.bar_rect(pred.id)
    end = QPoint(int(x + w - 2), int(y + h / 2))
    with qtbot.waitSignal(gantt.taskResizeRequested) as resized:
        drag(qtbot, gantt, end, end + QPoint(int(10 * gantt.zoom()), 0))
    new_finish = resized.args[1]
    st = window.model.scheduled(pred.id)
    assert st.finish == window.model.plan.calendar.previous_workday(new_finish)
    assert window.context.store.get(m.Task, pred.id).duration_days > pred.duration_days


def test_dragging_between_bars_links_them_and_cycles_are_refused(window, qtbot, messages):
    pred, succ = driven_pair(window)
    store = window.context.store
    show_tasks(window, pred.id, succ.id)
    gantt = window.gantt
    before = len(store.dependencies())
    # succ -> pred would close a loop with the existing pred -> succ link
    with qtbot.waitSignal(gantt.dependencyRequested):
        drag(qtbot, gantt, gantt.link_handle_pos(succ.id).toPoint(), bar_center(gantt, pred.id))
    assert len(store.dependencies()) == before
    assert messages and messages[-1][0] == "warning"
    assert pred.wbs in messages[-1][2] and succ.wbs in messages[-1][2]
    assert window.context.undo_stack.count() == 0
    # a new, harmless link: from a task to a later unrelated task
    scheduler = Scheduler(store.tasks(), store.dependencies(), window.model.plan.calendar,
                          store.project().start)

    def linkable(t):
        try:
            scheduler.check_dependency(m.Dependency(succ.id, t.id))
        except m.ValidationError:
            return False
        return True

    target = next(t for t in store.tasks() if t.kind is m.TaskKind.TASK
                  and t.id not in (pred.id, succ.id) and linkable(t)
                  and window.model.scheduled(t.id).start > window.model.scheduled(succ.id).finish)
    show_tasks(window, succ.id, target.id)
    gantt.scroll_to_task(succ.id)
    with qtbot.waitSignal(gantt.dependencyRequested):
        drag(qtbot, gantt, gantt.link_handle_pos(succ.id).toPoint(),
             bar_center(gantt, target.id))
    assert store.count(m.Dependency, "predecessor_id = ? AND successor_id = ?",
                       (succ.id, target.id)) == 1


def test_double_click_opens_the_task_dialog(window, qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(mw, "open_task_dialog", lambda ctx, tid, parent: opened.append(tid))
    pred, _ = driven_pair(window)
    show_tasks(window, pred.id)
    qtbot.mouseDClick(window.gantt.viewport(), Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier, bar_center(window.gantt, pred.id))
    assert opened == [pred.id]


def test_insert_and_delete_keys(window, qtbot):
    store = window.context.store
    pred, _ = driven_pair(window)
    window.select_task(pred.id)
    count = len(store.tasks())
    window.actions_by_name["insert"].trigger()
    assert len(store.tasks()) == count + 1
    new = store.get(m.Task, window.current_task_id())
    assert new.parent_id == pred.parent_id and new.name_ko == "새 작업"
    window.tree.closePersistentEditor(window.tree.currentIndex())
    window.actions_by_name["delete"].trigger()
    assert len(store.tasks()) == count
    window.context.undo_stack.undo()
    assert store.get(m.Task, new.id).name_ko == "새 작업"


def test_reports_menu_and_missing_modules_explain_themselves(window, messages, monkeypatch):
    monkeypatch.setattr(mw, "_optional_module", lambda name: None)
    window.actions_by_name["reports"].trigger()
    window.actions_by_name["import"].trigger()
    assert [k for k, _, _ in messages] == ["information", "information"]
    assert "python main.py report" in messages[0][2]


def test_filter_requests_from_views_reach_the_table(window):
    window.context.filterRequested.emit({"ministry": "MOLIT", "critical": True})
    assert window.proxy.criteria == {"ministry": "MOLIT", "critical": True}
    assert window.actions_by_name["critical_only"].isChecked()
    assert window.filter_bar.ministry.currentData() == "MOLIT"


def test_layout_is_saved_with_the_qt_version(window):
    window.tree.setColumnWidth(1, 333)
    window.save_layout()
    keys = settings().allKeys()
    assert f"window/qt{qVersion()}/geometry" in keys
    assert f"window/qt{qVersion()}/tree_header" in keys
    other = mw.MainWindow(window.context)
    try:
        assert other.tree.columnWidth(1) == 333
    finally:
        other.close()
        other.deleteLater()


def test_status_date_edit_updates_status_bar(window, qtbot):
    from smartcity_desktop.ui.project_dialogs import StatusDateDialog

    dialog = StatusDateDialog(window.context, window)
    day = window.context.store.project().status_date + timedelta(days=30)
    dialog.edit.set_value(day)
    dialog.accept()
    dialog.deleteLater()
    assert window.context.store.project().status_date == day
    assert day.isoformat() in window.date_label.text()
