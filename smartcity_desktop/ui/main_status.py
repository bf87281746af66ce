"""The main window's status bar and saved layout.

The status bar says how many tasks are shown of how many and how many are
critical (or why the schedule is not computed), the status date, and the
database's path. The layout (window geometry, toolbars, splitter, table header)
is saved under a key carrying the Qt version, as Qt's state format is version-specific;
on a first start the table gets its default column widths and the window 1600×1000.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtWidgets import QLabel

from .columns import ColumnChooser, apply_default_columns
from .preferences import settings

if TYPE_CHECKING:
    from .main_window import MainWindow


# called as translate("MainWindow", "literal"): the form pyside6-lupdate finds (a helper that
# fills in the context hides the strings from it, and its update would drop them)
translate = QCoreApplication.translate


def build_status_bar(window: MainWindow) -> None:
    """The count (left), status date and database path (right) labels."""
    window.count_label = QLabel(window)
    window.date_label = QLabel(window)
    window.path_label = QLabel(window)
    bar = window.statusBar()
    bar.addWidget(window.count_label)
    bar.addPermanentWidget(window.date_label)
    bar.addPermanentWidget(window.path_label)


def update_status_bar(window: MainWindow) -> None:
    if window._quitting or not shiboken6.isValid(window.count_label):
        return  # the window is being torn down, or the store is closing
    plan = window.model.plan
    text = translate("MainWindow", "{0} of {1} tasks shown · {2} critical").format(
        window.gantt_link.visible_count, len(plan.tasks), len(plan.critical_ids))
    if plan.error:
        text += " · " + translate("MainWindow", "schedule not computed: {0}").format(plan.error)
    window.count_label.setText(text)
    status = plan.status_date
    window.date_label.setText(translate("MainWindow", "Status date: {0}").format(
        status.isoformat() if status else translate("MainWindow", "not set")))
    window.path_label.setText(str(window.context.store.path))


# -- layout persistence ---------------------------------------------------------------------
def state_key(name: str) -> str:
    """Settings key for saved window state; Qt's state format is version-specific."""
    return f"window/qt{qVersion()}/{name}"


def restore_layout(window: MainWindow) -> None:
    s = settings()
    for key, restore in [("geometry", window.restoreGeometry), ("state", window.restoreState),
                         ("splitter", window.splitter.restoreState),
                         ("tree_header", window.tree.header().restoreState)]:
        value = s.value(state_key(key))
        if value is not None:
            restore(value)
    window.column_chooser = ColumnChooser(window.tree, window.model)
    if s.value(state_key("tree_header")) is None:
        table = apply_default_columns(window.tree, window.model) + 24  # + the scroll bar
        if s.value(state_key("geometry")) is None:
            window.resize(1600, 1000)
            window.splitter.setSizes([table, max(500, 1600 - table)])


def save_layout(window: MainWindow) -> None:
    s = settings()
    s.setValue(state_key("geometry"), window.saveGeometry())
    s.setValue(state_key("state"), window.saveState())
    s.setValue(state_key("splitter"), window.splitter.saveState())
    s.setValue(state_key("tree_header"), window.tree.header().saveState())
    s.sync()
