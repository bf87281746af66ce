"""Outline editing in the window: keys, context menu, drag to re-parent, delete confirmation,
each one undoable step; Tab/F2 in the table; find next; scroll to task; the tree model passes
pytest-qt's model tester."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from smartcity_desktop.domain import model as m
from smartcity_desktop.ui import task_tree
from smartcity_desktop.ui.preferences import RENUMBER_KEY, settings
from smartcity_desktop.ui.task_model import COL_NAME, COL_OWNER, COL_WBS


def by_wbs(window):
    return {t.wbs: t for t in window.context.store.tasks()}


def select(window, task_id):
    window.tree.clearSelection()
    window.select_task(task_id)
    window.tree.selectionModel().select(
        window.model.index_of(task_id), window.tree.selectionModel().SelectionFlag.Select
        | window.tree.selectionModel().SelectionFlag.Rows)


def rows(store):
    return store.con.execute("SELECT id, wbs, parent_id, kind, sort_order FROM tasks "
                             "ORDER BY id").fetchall()


def test_indent_outdent_move_keys_are_one_undo_step_each(window, qtbot):
    store = window.context.store
    before = rows(store)
    t = by_wbs(window)
    select(window, t["1.4"].id)
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_Right,
                   Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    moved = store.get(m.Task, t["1.4"].id)
    assert moved.parent_id == t["1.3"].id and moved.wbs == "1.3.1"
    assert window.model.task(t["1.3"].id).kind is m.TaskKind.SUMMARY  # the model reloaded
    assert window.context.undo_stack.count() == 1
    qtbot.keyClick(window.tree, Qt.Key.Key_Left,
                   Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    assert store.get(m.Task, t["1.4"].id).parent_id == t["1"].id
    assert window.context.undo_stack.count() == 2
    select(window, t["2.2"].id)
    qtbot.keyClick(window.tree, Qt.Key.Key_Up,
                   Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    assert store.get(m.Task, t["2.2"].id).wbs == "2.1"
    assert window.current_task_id() == t["2.2"].id  # the moved row stays selected
    for _ in range(3):
        window.context.undo_stack.undo()
    assert rows(store) == before
    window.context.undo_stack.redo()
    assert store.get(m.Task, t["1.4"].id).wbs == "1.3.1"


def test_kept_codes_setting(window):
    settings().setValue(RENUMBER_KEY, False)
    t = by_wbs(window)
    select(window, t["1.4"].id)
    window.actions_by_name["indent"].trigger()
    moved = window.context.store.get(m.Task, t["1.4"].id)
    assert moved.parent_id == t["1.3"].id and moved.wbs == "1.4"


def test_refused_outline_edit_shows_one_line_and_writes_nothing(window, messages):
    store = window.context.store
    before = rows(store)
    t = by_wbs(window)
    select(window, t["1"].id)
    window.actions_by_name["indent"].trigger()
    assert rows(store) == before and window.context.undo_stack.count() == 0
    kind, _title, text = messages[-1]
    assert kind == "warning" and "1" in text and "\n" not in text


def test_drop_on_a_row_reparents_and_undoes(window, qtbot):
    store = window.context.store
    before = rows(store)
    t = by_wbs(window)
    tree = window.tree
    window.select_task(t["1.7"].id)
    target = window.model.index_of(t["2.1"].id)
    tree.scrollTo(target)
    rect = tree.visualRect(target)
    assert tree.drop_target(QPoint(rect.center().x(), rect.top() + 1)) == (t["2.1"].id, "before")
    assert tree.drop_target(QPoint(rect.center().x(), rect.bottom())) == (t["2.1"].id, "after")
    data = QMimeData()
    data.setData(task_tree.MIME_TYPE, str(t["1.7"].id).encode())
    event = QDropEvent(QPointF(rect.center()), Qt.DropAction.MoveAction, data,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    # the view only takes drags it started itself
    event.source = lambda: tree  # type: ignore[method-assign]
    tree.dropEvent(event)
    moved = store.get(m.Task, t["1.7"].id)
    assert moved.parent_id == t["2.1"].id
    assert window.context.undo_stack.count() == 1
    window.context.undo_stack.undo()
    assert rows(store) == before


def test_delete_of_a_summary_asks_and_names_the_count(window, monkeypatch):
    store = window.context.store
    t = by_wbs(window)
    asked = []

    def answer(reply):
        def question(parent, title, text, *args):
            asked.append(text)
            return reply
        return question

    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer(
        QMessageBox.StandardButton.Cancel)))
    select(window, t["2"].id)
    window.actions_by_name["delete"].trigger()
    subtree = [x for x in store.tasks() if x.wbs == "2" or x.wbs.startswith("2.")]
    assert len(asked) == 1 and f"{len(subtree)}" in asked[0]
    assert store.count(m.Task, "id = ?", (t["2"].id,)) == 1  # cancelled: nothing gone
    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer(
        QMessageBox.StandardButton.Ok)))
    window.actions_by_name["delete"].trigger()
    assert store.count(m.Task, "id = ?", (t["2"].id,)) == 0
    window.context.undo_stack.undo()
    assert len(store.tasks()) == len(t)


def test_context_menu_offers_the_outline_actions(window):
    t = by_wbs(window)
    index = window.model.index_of(t["1.5.3"].id)
    window.tree.scrollTo(index)
    menu = window.outline.tree_menu(window.tree.visualRect(index).center())
    names = [a.objectName() for a in menu.actions() if not a.isSeparator()]
    assert {"insert_subtask", "indent", "outdent", "move_up", "move_down", "delete",
            "details", "scroll_to_task"} <= set(names)
    assert window.current_task_id() == t["1.5.3"].id  # right-click selects the row
    next(a for a in menu.actions() if a.objectName() == "outdent").trigger()
    assert window.context.store.get(m.Task, t["1.5.3"].id).parent_id == t["1"].id
    menu.deleteLater()


def test_insert_subtask_under_current(window):
    t = by_wbs(window)
    select(window, t["1.7"].id)
    window.actions_by_name["insert_subtask"].trigger()
    new = by_wbs(window)["1.7.1"]
    assert new.parent_id == t["1.7"].id and new.name_ko == "새 작업"
    assert window.current_task_id() == new.id
    window.tree.closePersistentEditor(window.tree.currentIndex())


def test_tab_moves_between_cells_and_f2_edits(window, qtbot):
    tree = window.tree
    t = by_wbs(window)
    window.select_task(t["1.7"].id)
    tree.setCurrentIndex(window.model.index_of(t["1.7"].id, COL_NAME))
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Tab)
    assert tree.currentIndex().column() == COL_OWNER
    qtbot.keyClick(tree, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert tree.currentIndex().column() == COL_NAME
    qtbot.keyClick(tree, Qt.Key.Key_F2)
    assert tree.state() == tree.State.EditingState
    editor = QApplication.focusWidget()
    editor.selectAll()
    editor.insert("탭으로 저장")  # keyClicks takes ASCII only
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # commits and moves on
    assert window.context.store.get(m.Task, t["1.7"].id).name_ko == "탭으로 저장"
    assert tree.currentIndex().column() != COL_NAME
    if tree.state() == tree.State.EditingState:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)


def test_find_next_and_previous_walk_matches(window, qtbot):
    bar = window.filter_bar
    bar.search.setText("협의")
    bar._search_timer.stop()  # find without filtering first
    window.clear_filters()
    bar.search.setText("협의")
    bar._search_timer.stop()
    matches = [t.id for t in window.context.store.tasks() if "협의" in t.name_ko]
    assert len(matches) >= 2
    window.tree.setCurrentIndex(window.model.index_of(window.model.task_ids()[0]))
    window.actions_by_name["find_next"].trigger()
    first = window.current_task_id()
    window.actions_by_name["find_next"].trigger()
    second = window.current_task_id()
    assert {first, second} <= set(matches) and first != second
    window.actions_by_name["find_previous"].trigger()
    assert window.current_task_id() == first


def test_scroll_to_task_brings_a_late_bar_into_view(window):
    gantt = window.gantt
    late = max(window.context.store.tasks(),
               key=lambda t: window.model.scheduled(t.id).finish or t.start.earliest())
    window.gantt_link.set_timescale("week_day")
    gantt.horizontalScrollBar().setValue(0)
    window.select_task(late.id)
    window.actions_by_name["scroll_to_task"].trigger()
    x, _y, w, _h = gantt.bar_rect(late.id)
    assert x + w > 0 and x < gantt.viewport().width()


def test_every_shortcut_is_set_and_shown(window):
    acts = window.actions_by_name
    assert acts["preferences"].shortcut().toString() == "Ctrl+,"
    expected = {"indent": "Alt+Shift+Right", "outdent": "Alt+Shift+Left",
                "move_up": "Alt+Shift+Up", "move_down": "Alt+Shift+Down", "find_next": "F3",
                "scroll_to_task": "Ctrl+Shift+J", "import": "Ctrl+I", "export": "Ctrl+E"}
    for name, keys in expected.items():
        assert acts[name].shortcut().toString() == keys
    in_menus = {a.objectName() for menu in window.menus.values() for a in menu.actions()}
    assert set(expected) <= in_menus
    for menu in window.menus.values():
        for action in menu.actions():
            assert action.isSeparator() or action.menu() or action.text()


def test_current_timescale_is_checked(window):
    window.gantt_link.set_timescale("quarter_year")
    window.timescale_menu.aboutToShow.emit()
    assert window.actions_by_name["scale_quarter_year"].isChecked()
    window.gantt_link.set_timescale("week_day")
    window.timescale_menu.aboutToShow.emit()
    assert window.actions_by_name["scale_week_day"].isChecked()
    assert not window.actions_by_name["scale_quarter_year"].isChecked()


def test_tree_model_passes_the_model_tester(window, qtmodeltester):
    qtmodeltester.check(window.model, force_py=True)


def test_wbs_column_shows_level_three_codes_whole(window):
    tree = window.tree
    deep = next(t for t in window.context.store.tasks() if t.wbs.count(".") == 2)
    window.select_task(deep.id)
    rect = tree.visualRect(window.model.index_of(deep.id, COL_WBS))
    text = tree.fontMetrics().horizontalAdvance(deep.wbs)
    assert rect.width() >= text + 6


def test_task_dialog_parent_field_moves_the_task(window, qtbot):
    from smartcity_desktop.ui.task_dialog import TaskDialog

    store = window.context.store
    before = rows(store)
    t = by_wbs(window)
    dialog = TaskDialog(window.context, t["1.7"].id, window)
    qtbot.addWidget(dialog)
    combo = dialog.parent_task
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert labels[0] == "(최상위)" and not any(x.startswith("1.7 ") for x in labels)
    assert combo.currentData() == t["1"].id
    combo.setCurrentIndex(combo.findData(t["2.1"].id))
    dialog.accept()
    moved = store.get(m.Task, t["1.7"].id)
    assert moved.parent_id == t["2.1"].id and moved.wbs == "1.7"  # the code stays
    assert window.context.undo_stack.count() == 1
    window.context.undo_stack.undo()
    assert rows(store) == before
    summary = TaskDialog(window.context, t["2"].id, window)  # not under its own sub-tasks
    qtbot.addWidget(summary)
    ids = {summary.parent_task.itemData(i) for i in range(summary.parent_task.count())}
    assert t["2.1"].id not in ids and t["2.1.1"].id not in ids
