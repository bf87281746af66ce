"""The main window: the task tree beside the Gantt, view tabs, and the commands behind the menus.

Tab 1 is a splitter with the WBS tree table (left) and the Gantt chart (right)
sharing one vertical scroll position and one row height. The chart shows the
tree's visible rows (expanded, filtered) in display order and is rebuilt
whenever they change. Every edit, from the table, the chart or a dialog, runs
through ``EditService`` and is undoable from the Edit menu. Other engineers'
views plug in as tabs (:meth:`MainWindow.add_tab`, ``ui.views.create_views``).
The actions, menus, toolbar and their shortcuts are built in :mod:`.main_actions`;
the status bar and the saved layout live in :mod:`.main_status`.
"""

from __future__ import annotations

import importlib
import logging
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QWidget,
)

from ..app import task_edits
from . import main_actions, main_status, table_menus
from .backup_dialog import open_backup_dialog  # also registers the menu text
from .context import AppContext
from .delegates import CityComboDelegate, PercentDelegate, PlanDateDelegate
from .edits import perform
from .empty_state import EmptyState
from .file_dialogs import open_file, save_file
from .filter_bar import FilterBar
from .gantt_link import GanttLink
from .preferences import settings
from .task_dialog import open_task_dialog
from .task_filter import TaskFilterProxy
from .task_model import (
    COL_CITY,
    COL_FINISH,
    COL_NAME,
    COL_OWNER,
    COL_PERCENT,
    COL_START,
    TaskTreeModel,
)
from .task_tree import OwnerDelegate, TaskTree

log = logging.getLogger(__name__)
RECENT_KEY = "files/recent"
MAX_RECENT = 8


def _optional_module(name: str):
    """Import a module another engineer provides; None while it does not exist."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name and name.startswith(exc.name) or exc.name == name:
            return None
        raise


class MainWindow(QMainWindow):
    openDatabaseRequested = Signal(str)  # path; handled by the application
    newDatabaseRequested = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._shown_once = False
        self._views_added = False
        self._quitting = False  # set when the application quits: the store closes next
        self.setObjectName("MainWindow")
        # Not a child of the window: Qt deletes a window's children in creation order, so a
        # child model would die before the views whose selection models still index it (a
        # crash when the window is deleted). Held here, it outlives every view.
        self.model = TaskTreeModel(context)
        self.model.message_parent = self
        # The proxy decides which rows match the filter; the tree shows the model itself and
        # hides the other rows. Painting through a QSortFilterProxyModel cost ~9 ms per full
        # repaint of a Python model (every cell mapped back through Python index()).
        self.proxy = TaskFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._rows_hidden = False
        self._build_tree()
        self._build_central()
        self.filter_bar = FilterBar(self)
        self.addToolBar(self.filter_bar)
        self.empty_state = EmptyState(self.tree, self.proxy, self.clear_filters)
        main_actions.build_actions(self)
        main_actions.build_menus(self)
        printing = _optional_module("smartcity_desktop.ui.print_preview")  # File › 인쇄
        if printing is not None:
            printing.install(self)
        exchange = _optional_module("smartcity_desktop.ui.exchange_review")  # menu 교환 (#11)
        if exchange is not None:
            exchange.install_menu(self)
        main_actions.apply_shortcuts(self)
        main_status.build_status_bar(self)
        self._connect_signals()
        self.retranslate()
        self.tree.expandToDepth(0)
        self.restore_layout()
        self.gantt_link.refresh_now()
        self.update_status_bar()

    # -- construction --------------------------------------------------------------------
    def _build_tree(self) -> None:
        """The WBS table: tree rows, whole-row selection, the cell editors."""
        tree = self.tree = TaskTree(self)
        tree.setObjectName("taskTree")
        tree.setIndentation(14)  # level-3 codes fit a narrow WBS column
        tree.setModel(self.model)
        tree.setUniformRowHeights(True)
        tree.setAlternatingRowColors(True)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        tree.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.SelectedClicked)
        lang = lambda: self.context.lang  # noqa: E731
        self._delegates = [PlanDateDelegate(lang, tree), PlanDateDelegate(lang, tree),
                           OwnerDelegate(self.model, tree), CityComboDelegate(self.model, tree),
                           PercentDelegate(tree)]
        for col, delegate in zip((COL_START, COL_FINISH, COL_OWNER, COL_CITY, COL_PERCENT),
                                 self._delegates):
            tree.setItemDelegateForColumn(col, delegate)
        tree.doubleClicked.connect(self._on_tree_double_click)

    def _build_central(self) -> None:
        """Tab 1: the table beside the chart in a splitter; the view tabs come later."""
        self.splitter = QSplitter(self)
        self.splitter.setObjectName("ganttSplitter")
        self.splitter.addWidget(self.tree)
        self.gantt_link = GanttLink(self)
        self.gantt = self.gantt_link.gantt  # the GanttView (None if the chart is not installed)
        if self.gantt is not None:
            self.splitter.addWidget(self.gantt)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.splitter, "")
        self.setCentralWidget(self.tabs)

    def _connect_signals(self) -> None:
        self.context.filterRequested.connect(self.apply_filter)
        self.context.languageChanged.connect(lambda _l: self.retranslate())
        self.context.changed.connect(self._on_store_changed)
        QCoreApplication.instance().aboutToQuit.connect(self._on_quit)
        # Bound slots, not lambdas: Qt drops them with the window, so a signal the context
        # sends while quitting (the undo stack clearing) no longer reaches deleted labels.
        self.context.statusDateChanged.connect(self.update_status_bar)
        self.context.undo_stack.cleanChanged.connect(self.update_status_bar)
        for signal in (self.proxy.layoutChanged, self.proxy.rowsInserted,
                       self.proxy.rowsRemoved, self.proxy.modelReset):
            signal.connect(self._sync_hidden_rows)
            signal.connect(self.update_status_bar)

    def _action(self, name: str, slot=None, shortcut=None, checkable: bool = False) -> QAction:
        """A window action (its keys from ``main_actions.SHORTCUTS`` unless given)."""
        return main_actions.make_action(self, name, slot, shortcut, checkable)

    def add_plugin_views(self) -> None:
        """Build the other engineers' view tabs (done once, right after the first show)."""
        if self._views_added:
            return
        self._views_added = True
        views = _optional_module("smartcity_desktop.ui.views")
        if views is None or not hasattr(views, "create_views"):
            return
        try:
            created = views.create_views(self.context, self)
        except Exception:  # noqa: BLE001 - a broken view must not keep the window closed
            log.exception("creating the view tabs failed")
            QMessageBox.warning(self, self.tr("Views"),
                                self.tr("Some views could not be opened; see the log."))
            return
        for widget, title in created:
            self.add_tab(widget, title)
            if hasattr(widget, "buttons") and hasattr(widget, "tick"):  # the checklist
                table_menus.install_checklist_menu(widget)
            table_menus.install_copy_menus(widget)

    def add_tab(self, widget: QWidget, title: str) -> int:
        """Add a view tab beside the Gantt; returns its index."""
        return self.tabs.addTab(widget, title)

    # -- text -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        main_actions.retranslate(self)
        self.tabs.setTabText(0, self.tr("Gantt"))
        for index in range(1, self.tabs.count()):  # view tabs title themselves (ui.views)
            tab_title = getattr(self.tabs.widget(index), "tab_title", None)
            if callable(tab_title):
                self.tabs.setTabText(index, tab_title())
        self.filter_bar.retranslate()
        self.empty_state.retranslate()
        self.update_window_title()
        self.update_status_bar()

    def update_window_title(self) -> None:
        project = self.context.store.project()
        name = project.name_ko if self.context.lang == "ko" else project.name_en or project.name_ko
        self.setWindowTitle(f"{name} — {Path(self.context.store.path).name}")

    def update_status_bar(self, *_args) -> None:
        main_status.update_status_bar(self)

    # -- filters ----------------------------------------------------------------------------
    def _sync_hidden_rows(self, *_args) -> None:
        """Hide the tree rows the filter proxy leaves out (a matching child keeps its parent)."""
        active = self.proxy.is_active()
        if not active and not self._rows_hidden:
            return
        model, tree, proxy = self.model, self.tree, self.proxy
        stack = [QModelIndex()]
        while stack:
            parent = stack.pop()
            for row in range(model.rowCount(parent)):
                index = model.index(row, 0, parent)
                show = not active or proxy.mapFromSource(index).isValid()
                if tree.isRowHidden(row, parent) == show:
                    tree.setRowHidden(row, parent, not show)
                if show and model.hasChildren(index):
                    stack.append(index)
        self._rows_hidden = active
        if active:  # nothing hidden may stay current or selected (Delete would reach it)
            selection = tree.selectionModel()
            for index in selection.selectedRows(0):
                if not self.is_shown(index):
                    selection.select(index, QItemSelectionModel.SelectionFlag.Deselect
                                     | QItemSelectionModel.SelectionFlag.Rows)
            if tree.currentIndex().isValid() and not self.is_shown(tree.currentIndex()):
                selection.setCurrentIndex(QModelIndex(),
                                          QItemSelectionModel.SelectionFlag.NoUpdate)

    def is_shown(self, index: QModelIndex) -> bool:
        """Whether the tree shows ``index`` (not filtered out; collapsed parents aside)."""
        while index.isValid():
            if self.tree.isRowHidden(index.row(), index.parent()):
                return False
            index = index.parent()
        return True

    def apply_filter(self, criteria: dict) -> None:
        """Show only matching tasks (and their parents); from views or the filter bar."""
        self.proxy.set_filter(criteria)
        self._sync_hidden_rows()
        self.empty_state.refresh()
        self.filter_bar.show_criteria(self.proxy.criteria)
        self.actions_by_name["critical_only"].setChecked(bool(self.proxy.criteria.get("critical")))
        if self.proxy.is_active():
            self.tree.expandAll()
        self.tabs.setCurrentIndex(0)

    def clear_filters(self) -> None:
        self.apply_filter({})

    # -- selection and editing --------------------------------------------------------------
    def selected_task_ids(self) -> list[int]:
        rows = self.tree.selectionModel().selectedRows(0)
        return [self.model.task_id(ix) for ix in rows]

    def current_task_id(self) -> int | None:
        index = self.tree.currentIndex()
        if not index.isValid():
            return None
        return self.model.task_id(index)

    def select_task(self, task_id: int) -> None:
        index = self.model.index_of(task_id)
        if not index.isValid() or not self.is_shown(index):
            return
        parent = index.parent()
        while parent.isValid():
            self.tree.expand(parent)
            parent = parent.parent()
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)

    def _on_tree_double_click(self, index: QModelIndex) -> None:
        if not index.isValid() or self.model.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return
        self.open_task(self.model.task_id(index))

    def open_task(self, task_id: int) -> None:
        if self.model.task(task_id) is not None:
            open_task_dialog(self.context, task_id, self)

    def open_selected_task(self) -> None:
        task_id = self.current_task_id()
        if task_id is not None:
            self.open_task(task_id)

    def insert_task(self) -> None:
        after = self.current_task_id()
        task = perform(self, self.context, self.tr("Insert task"),
                                task_edits.add_task(after_id=after))
        if task is not None:
            self.select_task(task.id)
            index = self.model.index_of(task.id, COL_NAME)
            if index.isValid() and self.is_shown(index):
                self.tree.edit(index)

    def delete_selected(self) -> None:
        self.outline.delete_selected()  # asks first when sub-tasks or links go too

    def _on_store_changed(self, tables: set) -> None:
        if "projects" in tables:
            self.update_window_title()
        self.update_status_bar()

    # -- project --------------------------------------------------------------------------------
    def save_baseline(self) -> None:
        from .project_dialogs import ask_baseline

        rows = []
        for task_id in self.model.task_ids():
            st = self.model.scheduled(task_id)
            task = self.model.task(task_id)
            if st and st.start and st.finish:
                rows.append((task_id, st.start, st.finish, task.duration_days))
        ask_baseline(self.context, self, rows)

    def edit_status_date(self) -> None:
        from .project_dialogs import StatusDateDialog

        dialog = StatusDateDialog(self.context, self)
        dialog.exec()
        dialog.deleteLater()

    def edit_calendar(self) -> None:
        from .project_dialogs import CalendarDialog

        dialog = CalendarDialog(self.context, self)
        dialog.exec()
        dialog.deleteLater()

    # -- files -------------------------------------------------------------------------------------
    def open_database(self) -> None:
        path = open_file(self, self.tr("Open database"),
                         self.tr("Databases (*.db *.sqlite);;All files (*)"), "database",
                         Path(self.context.store.path).parent)
        if path:
            self.openDatabaseRequested.emit(path)

    def new_database(self) -> None:
        path = save_file(self, self.tr("New database"), "", self.tr("Databases (*.db)"),
                         "database", Path(self.context.store.path).parent)
        if path:
            if Path(path).exists():
                QMessageBox.warning(self, self.tr("New database"),
                                    self.tr("{0} already exists; choose a new file name.")
                                    .format(path))
                return
            self.newDatabaseRequested.emit(path)

    def _interop(self, name: str) -> None:
        module = _optional_module("smartcity_desktop.ui.interop_actions")
        if module is None or not hasattr(module, name):
            QMessageBox.information(self, self.tr("Not available"),
                                    self.tr("Import and export are not installed in this build; "
                                            "use `python main.py export/import` instead."))
            return
        getattr(module, name)(self, self.context)

    def import_file(self) -> None:
        self._interop("import_file")

    def export_file(self) -> None:
        self._interop("export_file")

    def restore_backup(self) -> None:
        self.backup_dialog = open_backup_dialog(self.context, self)

    def open_reports(self) -> None:
        module = _optional_module("smartcity_desktop.ui.report_dialog")
        if module is None or not hasattr(module, "open_report_dialog"):
            QMessageBox.information(self, self.tr("Reports"),
                                    self.tr("The report dialog is not installed in this build; "
                                            "use `python main.py report` instead."))
            return
        module.open_report_dialog(self, self.context)

    def about(self) -> None:
        from .about_dialog import open_about  # version, schema, data location, licences

        open_about(self.context.store.path, self.context.lang, self)

    def desk_settings(self) -> None:
        from .first_start import open_desk_dialog

        open_desk_dialog(self.context, parent=self)

    # -- layout persistence ----------------------------------------------------------------------
    def restore_layout(self) -> None:
        main_status.restore_layout(self)

    def save_layout(self) -> None:
        main_status.save_layout(self)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.gantt_link.sync_header()
            self.gantt_link.fit()
            # the other views are built once the plan is on screen (some take a while)
            target = self.gantt.viewport() if self.gantt is not None else self.tree.viewport()
            target.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and not self._views_added:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self.add_plugin_views)
        return super().eventFilter(watched, event)

    def _on_quit(self) -> None:
        self._quitting = True

    def closeEvent(self, event) -> None:  # noqa: N802
        self._quitting = True  # the store may be closed right after (switching databases)
        self.save_layout()
        self.gantt_link.stop()
        super().closeEvent(event)


def recent_databases() -> list[str]:
    value = settings().value(RECENT_KEY, [])
    if isinstance(value, str):
        value = [value]
    return [p for p in (value or []) if p and Path(p).exists()][:MAX_RECENT]


def remember_database(path: str | Path) -> None:
    resolved = str(Path(path).resolve())
    recent = [p for p in recent_databases() if p != resolved]
    settings().setValue(RECENT_KEY, [resolved, *recent][:MAX_RECENT])
