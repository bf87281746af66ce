"""The main window's actions, menus and toolbar, and the one table of their shortcuts.

:data:`SHORTCUTS` gives every menu action its keys (the first one is shown in the
menu), as in MS Project where it has one (Ins, Del, Alt+Shift+arrows for the
outline, Shift+F2 task details, F3, Ctrl+Shift+F5 scroll to task, F1). The rules,
checked by ``tests/ui/test_shortcuts.py``:

* no two actions share a key;
* no key is one a Qt widget of the window acts on itself (text editing, copy and
  paste, item-view and chart navigation, tab switching, F2 to edit a cell), unless
  the action *is* that standard action (undo, delete, find next);
* families stay together: Ctrl+1…4 pick the timescale (coarse to fine) beside
  Ctrl+0 for the whole project; F9 with Shift / Ctrl sends and receives exchanges.

Actions that other modules add (outline editing, File › 인쇄, the 교환 menu) take
their keys from the same table by object name in :func:`apply_shortcuts`, run once
every menu exists. The task-table actions act on the Gantt tab's selection, so they
are disabled while another tab is shown (Delete in a checklist must not remove the
task still selected behind it).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from ..domain import model as m
from ..messages import msg
from .chart_menu import ChartMenu
from .gantt_link import GanttLink
from .outline_actions import ACTIONS as OUTLINE_ACTIONS
from .outline_actions import OutlineActions
from .preferences import open_preferences

if TYPE_CHECKING:
    from .main_window import MainWindow

_S = QKeySequence.StandardKey
Keys = tuple["str | QKeySequence.StandardKey", ...]

SHORTCUTS: dict[str, Keys] = {
    # File
    "new_db": (_S.New,), "open_db": (_S.Open,), "import": ("Ctrl+I",), "export": ("Ctrl+E",),
    "print_briefing": ("Ctrl+Shift+P",), "print_gantt": ("Ctrl+Shift+F12",),
    "restore_backup": ("Ctrl+Shift+R",), "quit": (_S.Quit,),
    # Edit (the outline keys are outline_actions.ACTIONS', listed here with the rest)
    "undo": (_S.Undo,), "redo": ("Ctrl+Shift+Z", "Ctrl+Y"),
    "insert": ("Insert",), "delete": (_S.Delete,), "details": ("Ctrl+Return", "Shift+F2"),
    **{name: (keys,) for name, (keys, _text) in OUTLINE_ACTIONS.items()},
    "find": (_S.Find,),
    # StandardKey.Preferences is empty or a "Settings" media key on Windows and Linux:
    # Ctrl+, first (shown in the menu, as in most programs), the platform's key besides
    "preferences": ("Ctrl+,", _S.Preferences), "desk_settings": ("Ctrl+Shift+U",),
    # View
    "zoom_in": (_S.ZoomIn, "Ctrl+="), "zoom_out": (_S.ZoomOut,), "fit": ("Ctrl+0",),
    "scroll_to_task": ("Ctrl+Shift+J", "Ctrl+Shift+F5"),
    "scale_quarter_year": ("Ctrl+1",), "scale_year_month": ("Ctrl+2",),
    "scale_month_week": ("Ctrl+3",), "scale_week_day": ("Ctrl+4",),
    "expand_all": ("Ctrl+Shift+E",), "collapse_all": ("Ctrl+Shift+C",),
    "critical_only": ("Ctrl+Shift+K",), "clear_filters": ("Ctrl+Shift+F3",),
    # Project, Reports, Exchange, Help
    "save_baseline": ("Ctrl+Shift+B",), "status_date": ("Ctrl+Shift+D",),
    "calendar": ("Ctrl+Shift+L",), "reports": (_S.Print,),
    "exchange_send": ("F9",), "exchange_receive": ("Shift+F9",),
    "exchange_make_forms": ("Ctrl+F9",), "exchange_read_forms": ("Ctrl+Shift+F9",),
    "exchange_review": ("F8",),
    "about": ("F1",),
}
# act on the Gantt tab's selected task(s): off while another tab is shown
TABLE_ONLY = ("insert", "insert_subtask", "delete", "details", "indent", "outdent", "move_up",
              "move_down")

MENUS = [
    ("file", ["new_db", "open_db", "recent", "-", "import", "export", "-",
              "restore_backup", "-", "quit"]),
    ("edit", ["undo", "redo", "-", "insert", "insert_subtask", "delete", "details", "-",
              "indent", "outdent", "move_up", "move_down", "-", "find", "find_next",
              "find_previous", "-", "preferences", "desk_settings"]),
    ("view", ["zoom_in", "zoom_out", "fit", "scroll_to_task", "timescale", "baseline",
              "-", "expand_all", "collapse_all", "-", "critical_only", "clear_filters"]),
    ("project", ["save_baseline", "status_date", "calendar"]),
    ("reports", ["reports"]),
    ("help", ["about"]),
]
TOOLBAR = ["undo", "redo", None, "insert", "delete", None, "outdent", "indent", None,
           "zoom_in", "zoom_out", "fit", None, "reports"]


# called as translate("MainWindow", "literal"): the form pyside6-lupdate finds (a helper that
# fills in the context hides the strings from it, and its update would drop them)
translate = QCoreApplication.translate


def key_sequences(name: str) -> list[QKeySequence]:
    """The keys of action ``name`` from :data:`SHORTCUTS` (empty platform keys left out)."""
    keys = [QKeySequence(k) for k in SHORTCUTS.get(name, ())]
    return [k for k in keys if not k.isEmpty()]


def make_action(window: MainWindow, name: str, slot=None, shortcut=None,
                checkable: bool = False) -> QAction:
    """A window action named ``name`` (its keys from the table unless given)."""
    action = QAction(window)
    action.setObjectName(name)
    keys = key_sequences(name) if shortcut is None else shortcut
    if isinstance(keys, list):
        action.setShortcuts(keys)
    else:
        action.setShortcut(keys)
    action.setCheckable(checkable)
    if slot is not None:
        action.triggered.connect(slot)
    window.actions_by_name[name] = action
    return action


def build_actions(window: MainWindow) -> None:
    """Every action of the window's menus, in ``window.actions_by_name``."""
    window.actions_by_name = {}
    a, w = window._action, window
    for name, slot in [
            ("new_db", w.new_database), ("open_db", w.open_database), ("import", w.import_file),
            ("export", w.export_file), ("restore_backup", w.restore_backup), ("quit", w.close),
            ("insert", w.insert_task), ("delete", w.delete_selected),
            ("details", w.open_selected_task), ("find", w.filter_bar.focus_search),
            ("preferences", lambda: open_preferences(w.context, w)),
            ("desk_settings", w.desk_settings),
            ("zoom_in", lambda: w.gantt_link.zoom(1)), ("zoom_out", lambda: w.gantt_link.zoom(-1)),
            ("fit", w.gantt_link.fit), ("expand_all", w.tree.expandAll),
            ("collapse_all", w.tree.collapseAll), ("clear_filters", w.clear_filters),
            ("save_baseline", w.save_baseline), ("status_date", w.edit_status_date),
            ("calendar", w.edit_calendar), ("reports", w.open_reports), ("about", w.about)]:
        a(name, slot)
    for name, action in (("undo", w.context.undo_stack.createUndoAction(w)),
                         ("redo", w.context.undo_stack.createRedoAction(w))):
        action.setObjectName(name)
        action.setShortcuts(key_sequences(name))
        w.actions_by_name[name] = action
    a("critical_only", lambda on: w.proxy.update_filter(critical=on), checkable=True)
    w.timescale_group = QActionGroup(w)
    for scale in GanttLink.TIMESCALES:
        action = a(f"scale_{scale}", lambda _c=False, s=scale: w.gantt_link.set_timescale(s),
                   checkable=True)
        w.timescale_group.addAction(action)
    w.outline = OutlineActions(w)
    w.chart_menu = ChartMenu(w)


def _add_submenu(window: MainWindow, menu: QMenu, name: str) -> None:
    sub = menu.addMenu("")
    sub.setObjectName(f"menu_{name}")
    if name == "recent":
        window.recent_menu = sub
        sub.aboutToShow.connect(lambda: fill_recent(window))
    elif name == "timescale":
        window.timescale_menu = sub
        sub.aboutToShow.connect(lambda: check_timescale(window))
        for action in window.timescale_group.actions():
            sub.addAction(action)
    else:
        window.baseline_menu = sub
        sub.aboutToShow.connect(lambda: fill_baselines(window))


def build_menus(window: MainWindow) -> None:
    """The menu bar and the main toolbar (File › 인쇄 and 교환 are added by their modules)."""
    bar = window.menuBar()
    window.menus = {}
    for key, names in MENUS:
        menu = bar.addMenu("")
        menu.setObjectName(f"menu_{key}")
        window.menus[key] = menu
        for name in names:
            if name == "-":
                menu.addSeparator()
            elif name in ("recent", "timescale", "baseline"):
                _add_submenu(window, menu, name)
            else:
                menu.addAction(window.actions_by_name[name])
    toolbar = window.addToolBar("")
    toolbar.setObjectName("mainToolbar")
    window.main_toolbar = toolbar
    for name in TOOLBAR:
        toolbar.addSeparator() if name is None else toolbar.addAction(
            window.actions_by_name[name])
    window.insertToolBar(window.filter_bar, toolbar)
    window.tabs.currentChanged.connect(lambda index: enable_table_actions(window, index == 0))


def menu_actions(window: MainWindow) -> list[QAction]:
    """Every action reachable from the menu bar (submenus walked, separators left out).

    Found through the menus themselves: walking down ``QAction.menu()`` left the menus
    deleted under PySide6 here.
    """
    menus = window.menuBar().findChildren(QMenu)
    titles = {menu.menuAction() for menu in menus}
    return [action for menu in menus for action in menu.actions()
            if not action.isSeparator() and action not in titles]


def apply_shortcuts(window: MainWindow) -> None:
    """Give the actions other modules put in the menus their keys from the table."""
    for action in menu_actions(window):
        if action.objectName() in SHORTCUTS:
            action.setShortcuts(key_sequences(action.objectName()))


def enable_table_actions(window: MainWindow, on: bool) -> None:
    for name in TABLE_ONLY:
        window.actions_by_name[name].setEnabled(on)


def retranslate(window: MainWindow) -> None:
    """Menu titles, action texts and tool tips in the current language."""
    titles = {
        "file": translate("MainWindow", "&File"),
        "edit": translate("MainWindow", "&Edit"),
        "view": translate("MainWindow", "&View"),
        "project": translate("MainWindow", "&Project"),
        "reports": translate("MainWindow", "&Reports"),
        "help": translate("MainWindow", "&Help"),
    }
    for key, menu in window.menus.items():
        menu.setTitle(titles[key])
    window.recent_menu.setTitle(translate("MainWindow", "Recent databases"))
    window.timescale_menu.setTitle(translate("MainWindow", "Timescale"))
    window.baseline_menu.setTitle(translate("MainWindow", "Baseline"))
    texts = {
        "new_db": translate("MainWindow", "&New database…"),
        "open_db": translate("MainWindow", "&Open database…"),
        "import": translate("MainWindow", "&Import…"),
        "export": translate("MainWindow", "&Export…"),
        "quit": translate("MainWindow", "&Quit"),
        "insert": translate("MainWindow", "&Insert task"),
        "delete": translate("MainWindow", "&Delete task"),
        "details": translate("MainWindow", "Task de&tails…"),
        "find": translate("MainWindow", "&Find…"),
        "preferences": translate("MainWindow", "&Preferences…"),
        "desk_settings": translate("MainWindow", "Des&k settings…"),
        "zoom_in": translate("MainWindow", "Zoom &in"),
        "zoom_out": translate("MainWindow", "Zoom &out"),
        "fit": translate("MainWindow", "&Fit whole project"),
        "expand_all": translate("MainWindow", "Expand all"),
        "collapse_all": translate("MainWindow", "Collapse all"),
        "critical_only": translate("MainWindow", "&Critical tasks only"),
        "clear_filters": translate("MainWindow", "Clear filters"),
        "save_baseline": translate("MainWindow", "Save &baseline…"),
        "status_date": translate("MainWindow", "&Status date…"),
        "calendar": translate("MainWindow", "&Calendar exceptions…"),
        "reports": translate("MainWindow", "&Reports…"),
        "about": translate("MainWindow", "&About"),
        "scale_year_month": translate("MainWindow", "Year / month"),
        "scale_month_week": translate("MainWindow", "Month / week"),
        "scale_week_day": translate("MainWindow", "Week / day"),
        "scale_quarter_year": translate("MainWindow", "Year / quarter"),
    }
    acts = window.actions_by_name
    for name, text in texts.items():
        acts[name].setText(text)
    acts["restore_backup"].setText(msg("ui.restore_menu").text(window.context.lang))
    window.outline.retranslate()
    acts["undo"].setToolTip(translate("MainWindow", "Undo (Ctrl+Z)"))
    acts["redo"].setToolTip(translate("MainWindow", "Redo (Ctrl+Shift+Z)"))
    window.main_toolbar.setWindowTitle(translate("MainWindow", "Main toolbar"))
    for name in TOOLBAR:
        if name is not None and name not in ("undo", "redo"):  # those name the next step
            label_toolbar_button(acts[name])


def plain_text(text: str) -> str:
    """A menu text without its mnemonic ("작업 삽입(&I)", "&Insert") or trailing "…"."""
    return re.sub(r"\(&\w\)|&(?=\w)", "", text).rstrip("…").rstrip(".").strip()


def label_toolbar_button(action: QAction) -> None:
    """A toolbar button's text without the menu's mnemonic; its tip names the key."""
    text = plain_text(action.text())
    action.setIconText(text)
    key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{text} ({key})" if key else text)


# -- submenus filled when they open ---------------------------------------------------------
def check_timescale(window: MainWindow) -> None:
    """Check the chart's current timescale in View › 시간 단위."""
    current = window.gantt.timescale() if window.gantt is not None else ""
    action = window.actions_by_name.get("scale_" + current.replace("/", "_"))
    if action is not None:
        action.setChecked(True)


def fill_baselines(window: MainWindow) -> None:
    """View › 기준선: none or one of the saved baselines, the shown one checked."""
    menu, link = window.baseline_menu, window.gantt_link
    menu.clear()
    group = QActionGroup(menu)
    none = menu.addAction(translate("MainWindow", "(none)"))
    none.setCheckable(True)
    none.setChecked(link.baseline_id is None)
    none.triggered.connect(lambda: link.set_baseline(None))
    group.addAction(none)
    for baseline in window.context.store.all(m.Baseline, order_by="created_at DESC"):
        action = menu.addAction(baseline.name)
        action.setCheckable(True)
        action.setChecked(link.baseline_id == baseline.id)
        action.triggered.connect(lambda _c=False, b=baseline.id: link.set_baseline(b))
        group.addAction(action)


def fill_recent(window: MainWindow) -> None:
    """File › 최근 데이터베이스: the last databases opened that still exist."""
    from .main_window import recent_databases

    menu = window.recent_menu
    menu.clear()
    recent = recent_databases()
    if not recent:
        menu.addAction(translate("MainWindow", "(none)")).setEnabled(False)
    for path in recent:
        action = menu.addAction(path)
        action.triggered.connect(lambda _c=False, p=path: window.openDatabaseRequested.emit(p))
