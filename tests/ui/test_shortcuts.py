"""Every menu action has a shortcut shown in the menu, no two share one, none takes a key a
Qt widget of the window acts on itself, and pressed with the focus in the table, the chart or
a view tab's table the keys do what the menu does."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QInputDialog, QTreeWidget

from smartcity_desktop.domain import model as m
from smartcity_desktop.ui import about_dialog, main_actions, project_dialogs

S = QKeySequence.StandardKey
# a key may be a platform's standard key only for that very action
STANDARD_MEANING = {"new_db": S.New, "open_db": S.Open, "quit": S.Quit, "undo": S.Undo,
                    "redo": S.Redo, "delete": S.Delete, "find": S.Find,
                    "find_next": S.FindNext, "find_previous": S.FindPrevious,
                    "preferences": S.Preferences, "zoom_in": S.ZoomIn, "zoom_out": S.ZoomOut,
                    "reports": S.Print, "about": S.HelpContents}
# rich-text formatting: no widget of the window edits rich text, so Ctrl+I may import
UNUSED_STANDARD = {S.Bold, S.Italic, S.Underline}
# keys the table, the chart and the editors act on themselves (QKeySequence spelling)
WIDGET_KEYS = {"F2", "Tab", "Backtab", "Shift+Backtab", "Return", "Enter", "Space", "Esc",
               "Up", "Down", "Left", "Right", "Home", "End", "PgUp", "PgDown", "Ctrl+Home",
               "Ctrl+End", "Ctrl+Tab", "Ctrl+Shift+Tab", "Shift+Up", "Shift+Down",
               "Ctrl+Up", "Ctrl+Down", "Ctrl+Left", "Ctrl+Right", "Ctrl+A"}
ALT_SHIFT = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def fixed_actions(window):
    """The menu bar's actions, less the entries a submenu lists from data when it opens."""
    dynamic = {window.recent_menu, window.baseline_menu}
    return [a for a in main_actions.menu_actions(window)
            if not any(menu in dynamic for menu in a.associatedObjects())]


def test_every_menu_action_has_a_shortcut_shown_in_the_menu(window):
    actions = fixed_actions(window)
    names = {a.objectName() for a in actions}
    assert {"status_date", "calendar", "save_baseline", "expand_all", "collapse_all",
            "critical_only", "clear_filters", "about", "print_gantt", "exchange_send",
            "scale_week_day"} <= names
    missing = [a.objectName() or a.text() for a in actions if a.shortcut().isEmpty()]
    assert missing == []
    assert names <= set(main_actions.SHORTCUTS)  # one table says which key does what


def test_no_two_actions_share_a_key_and_none_takes_a_widget_key(window):
    owner: dict[str, str] = {}
    for action in fixed_actions(window) + [window.actions_by_name[n] for n in ("undo", "redo")]:
        for key in action.shortcuts():
            text = key.toString()
            assert owner.setdefault(text, action.objectName()) == action.objectName(), \
                f"{text}: {owner[text]} and {action.objectName()}"
            assert text not in WIDGET_KEYS, f"{action.objectName()} takes {text}"
    for standard in S:
        if standard in UNUSED_STANDARD:
            continue
        for key in QKeySequence.keyBindings(standard):
            name = owner.get(key.toString())
            assert name is None or STANDARD_MEANING.get(name) == standard or (
                name == "preferences" and key.toString() == "Ctrl+,"), \
                f"{name} takes {key.toString()}, the standard key for {standard.name}"


@pytest.fixture
def active(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def expanded_rows(window) -> int:
    model, tree, count, stack = window.model, window.tree, 0, [QModelIndex()]
    while stack:
        parent = stack.pop()
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if model.hasChildren(index):
                count += tree.isExpanded(index)
                stack.append(index)
    return count


def test_keys_work_with_the_focus_in_the_table(active, qtbot):
    window, tree = active, active.tree
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_C, CTRL_SHIFT)
    assert expanded_rows(window) == 0
    qtbot.keyClick(tree, Qt.Key.Key_E, CTRL_SHIFT)
    summaries = sum(1 for t in window.context.store.tasks()
                    if window.model.hasChildren(window.model.index_of(t.id)))
    assert summaries > 1 and expanded_rows(window) == summaries
    qtbot.keyClick(tree, Qt.Key.Key_K, CTRL_SHIFT)
    assert window.proxy.criteria.get("critical") is True
    assert window.actions_by_name["critical_only"].isChecked()
    shown = window.gantt_link.visible_count
    assert 0 < shown < len(window.context.store.tasks())
    qtbot.keyClick(tree, Qt.Key.Key_F3, CTRL_SHIFT)
    assert window.proxy.criteria == {} and not window.actions_by_name["critical_only"].isChecked()


def test_keys_work_with_the_focus_in_the_chart(active, qtbot, monkeypatch):
    window, gantt = active, active.gantt
    opened = []
    monkeypatch.setattr(project_dialogs.StatusDateDialog, "exec",
                        lambda self: opened.append("status_date") or 0)
    monkeypatch.setattr(project_dialogs.CalendarDialog, "exec",
                        lambda self: opened.append("calendar") or 0)
    monkeypatch.setattr(about_dialog, "open_about", lambda *a: opened.append("about"))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(
        lambda parent, title, label, text="": ("기준선 단축키", True)))
    gantt.setFocus()
    qtbot.keyClick(gantt, Qt.Key.Key_4, CTRL)
    assert window.gantt_link.gantt.timescale().replace("/", "_") == "week_day"
    qtbot.keyClick(gantt, Qt.Key.Key_1, CTRL)
    assert gantt.timescale().replace("/", "_") == "quarter_year"
    qtbot.keyClick(gantt, Qt.Key.Key_D, CTRL_SHIFT)
    qtbot.keyClick(gantt, Qt.Key.Key_L, CTRL_SHIFT)
    qtbot.keyClick(gantt, Qt.Key.Key_F1)
    assert opened == ["status_date", "calendar", "about"]
    qtbot.keyClick(gantt, Qt.Key.Key_B, CTRL_SHIFT)
    assert [b.name for b in window.context.store.all(m.Baseline)] == ["기준선 단축키"]


def test_view_tabs_keep_the_window_keys_but_not_the_table_edits(active, qtbot):
    window = active
    window.add_plugin_views()
    checklist = next(window.tabs.widget(i) for i in range(window.tabs.count())
                     if hasattr(window.tabs.widget(i), "tick"))
    window.select_task(window.context.store.tasks()[1].id)
    count = len(window.context.store.tasks())
    window.tabs.setCurrentWidget(checklist)
    table = checklist.findChild(QTreeWidget)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    qtbot.keyClick(table, Qt.Key.Key_Right, ALT_SHIFT)
    assert len(window.context.store.tasks()) == count and window.context.undo_stack.count() == 0
    assert not window.actions_by_name["delete"].isEnabled()
    qtbot.keyClick(table, Qt.Key.Key_C, CTRL_SHIFT)
    assert expanded_rows(window) == 0  # the window's view keys still reach the chart tab
    window.tabs.setCurrentIndex(0)
    assert window.actions_by_name["delete"].isEnabled()


def test_toolbar_buttons_drop_the_menu_mnemonic_and_name_the_key(window):
    acts = window.actions_by_name
    assert acts["insert"].text() == "작업 삽입(&I)" and acts["insert"].iconText() == "작업 삽입"
    assert acts["reports"].iconText() == "보고서" and acts["reports"].toolTip() == "보고서 (Ctrl+P)"
    assert acts["indent"].toolTip().startswith("들여쓰기 (Alt+Shift+")  # key names: Qt's Korean
    for action in window.main_toolbar.actions():
        assert "(&" not in action.iconText() and "…" not in action.iconText()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_no_two_entries_of_a_menu_share_a_mnemonic(window, lang):
    import re

    from PySide6.QtWidgets import QMenu

    from smartcity_desktop.ui.preferences import set_language

    set_language(window.context, lang)
    for menu in [window.menuBar(), *window.menuBar().findChildren(QMenu)]:
        letters = [m.group(1).casefold() for a in menu.actions()
                   if (m := re.search(r"&(\w)", a.text().replace("&&", "")))]
        assert len(letters) == len(set(letters)), (menu.objectName(), letters)
    set_language(window.context, "ko")


def test_the_search_box_keeps_its_editing_keys(active, qtbot):
    window = active
    box = window.filter_bar.search
    window.select_task(window.context.store.tasks()[1].id)
    count = len(window.context.store.tasks())
    box.setFocus()
    qtbot.keyClicks(box, "abc")
    qtbot.keyClick(box, Qt.Key.Key_Home)
    qtbot.keyClick(box, Qt.Key.Key_Delete)  # deletes a letter, not the selected task
    assert box.text() == "bc" and len(window.context.store.tasks()) == count
    qtbot.keyClick(box, Qt.Key.Key_A, CTRL)
    assert box.selectedText() == "bc"
    qtbot.keyClick(box, Qt.Key.Key_K, CTRL_SHIFT)  # a window key still works from the box
    assert window.proxy.criteria.get("critical") is True
