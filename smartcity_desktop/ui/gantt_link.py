"""The glue between the task tree and the Gantt chart in the main window.

:class:`GanttLink` feeds the chart the tree's visible rows (expanded, filtered,
in display order) as ``GanttRow`` objects, plus links, calendar, status date
and the chosen baseline; it keeps row height, header height and vertical
scrolling of the two views in step; and it turns the chart's requests (move,
resize, link, open) into undoable edits through ``EditService``. It talks to
the chart only through the public ``GanttView`` interface.
"""

from __future__ import annotations

import importlib
import logging
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt, QTimer
from PySide6.QtWidgets import QScrollBar

from ..app import task_edits
from ..domain import model as m
from ..domain.workdays import snap_to_workday
from .edits import perform

if TYPE_CHECKING:
    from .main_window import MainWindow

log = logging.getLogger(__name__)
translate = QCoreApplication.translate
ROW_HEIGHT_FALLBACK = 24
_TYPE_CODES = {t: t.value for t in m.DependencyType}


def _gantt_module():
    try:
        module = importlib.import_module("smartcity_desktop.ui.gantt")
    except ImportError as exc:
        log.warning("Gantt chart unavailable: %s", exc)
        return None
    return module if hasattr(module, "GanttView") else None


class GanttLink(QObject):
    TIMESCALES = ("quarter_year", "year_month", "month_week", "week_day")

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.context = window.context
        self.model, self.proxy, self.tree = window.model, window.proxy, window.tree
        self.baseline_id: int | None = None
        self._baseline: dict[int, tuple[date | None, date | None]] = {}
        self.rows: list[Any] = []
        # the links the chart holds (as arrays) and the plan row each came from: a new
        # link is appended, not all 15,000 re-sent (the plan replaces a row it changes)
        self._links: dict[int, m.Dependency] = {}
        self._link_arrays: Any = None
        self.visible_count = 0
        self._syncing = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh_now)
        module = _gantt_module()
        self._rows_module = None
        self.gantt = None
        self.row_height = ROW_HEIGHT_FALLBACK
        if module is not None:
            self._rows_module = importlib.import_module("smartcity_desktop.ui.gantt.rows")
            self.row_height = self._rows_module.ROW_HEIGHT
            self.gantt = module.GanttView(self.context)
            self.gantt.setObjectName("ganttView")
            self._connect_gantt()
        self.model.row_height = self.row_height
        for signal in (self.tree.expanded, self.tree.collapsed):
            signal.connect(self.schedule_refresh)
        # value changes arrive as plan deltas (only the changed rows are redrawn);
        # the proxy's signals mean rows were filtered in or out
        for signal in (self.proxy.layoutChanged, self.proxy.modelReset, self.proxy.rowsInserted,
                       self.proxy.rowsRemoved):
            signal.connect(self.schedule_refresh)
        self.context.planChanged.connect(self._on_plan_changed)
        self.context.statusDateChanged.connect(self._on_status_date)

    # -- wiring ----------
    def _connect_gantt(self) -> None:
        g = self.gantt
        g.taskMoveRequested.connect(self.move_task)
        g.taskResizeRequested.connect(self.resize_task)
        g.dependencyRequested.connect(self.link_tasks)
        g.taskActivated.connect(self.window.open_task)
        g.selectionChanged.connect(self._on_chart_selection)
        self.tree.selectionModel().currentRowChanged.connect(self._on_tree_current)
        self._share_scrolling()
        self.sync_header()
        # same viewport height on both sides, one visible vertical scroll bar (the chart's)
        on, off = Qt.ScrollBarPolicy.ScrollBarAlwaysOn, Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        self.tree.setHorizontalScrollBarPolicy(on)
        self.gantt.setHorizontalScrollBarPolicy(on)
        self.tree.setVerticalScrollBarPolicy(off)

    def _chart_scrollbar(self) -> QScrollBar | None:
        return self.gantt.verticalScrollBar() if self.gantt is not None else None

    def _share_scrolling(self) -> None:
        chart_bar = self._chart_scrollbar()
        tree_bar = self.tree.verticalScrollBar()
        if chart_bar is None:
            return

        def follow(target: QScrollBar):
            def on_value(value: int) -> None:
                if self._syncing:
                    return
                self._syncing = True
                try:
                    target.setValue(value)
                finally:
                    self._syncing = False
            return on_value

        tree_bar.valueChanged.connect(follow(chart_bar))
        chart_bar.valueChanged.connect(follow(tree_bar))

    def sync_header(self) -> None:
        """Give the tree's header and the chart's timescale the same height."""
        if self.gantt is None:
            return
        header = self.tree.header()
        self.gantt.set_header_height(max(header.sizeHint().height(), self.gantt.header_height()))
        header.setFixedHeight(int(self.gantt.header_height()))

    # -- feeding the chart ----------
    def schedule_refresh(self, *_args) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def visible_task_ids(self) -> list[tuple[int, int]]:
        """(task id, depth) of every row the tree shows, top to bottom."""
        out: list[tuple[int, int]] = []
        model, tree = self.model, self.tree
        stack: list[tuple[QModelIndex, int, int]] = [(QModelIndex(), 0, -1)]
        while stack:
            parent, row, depth = stack.pop()
            if row >= model.rowCount(parent):
                continue
            stack.append((parent, row + 1, depth))
            if tree.isRowHidden(row, parent):  # filtered out
                continue
            index = model.index(row, 0, parent)
            out.append((int(index.internalId()), depth + 1))
            if tree.isExpanded(index) and model.hasChildren(index):
                stack.append((index, 0, depth + 1))
        return out

    def build_rows(self) -> list[Any]:
        if self._rows_module is None:
            return []
        rows = (self._row_for(task_id, depth) for task_id, depth in self.visible_task_ids())
        return [row for row in rows if row is not None]

    def _row_for(self, task_id: int, depth: int) -> Any:
        task = self.model.task(task_id)
        st = self.model.scheduled(task_id)
        if task is None:
            return None
        start = (st.start if st else None) or self._fallback_day()
        finish = (st.finish if st else None) or start
        ps = task.start if task.start is not None and not task.start.is_exact else None
        pf = task.finish if task.finish is not None and not task.finish.is_exact else None
        base = self._baseline.get(task_id, (None, None))
        return self._rows_module.GanttRow(
            task_id=task_id, wbs=task.wbs, name=task.name(self.context.lang),
            kind=task.kind.value, start=start, finish=max(finish, start),
            percent=st.percent if st and st.percent is not None else task.percent_complete,
            critical=bool(st and st.critical),
            planned_start_range=(ps.earliest(), ps.latest()) if ps else None,
            planned_finish_range=(pf.earliest(), pf.latest()) if pf else None,
            baseline_start=base[0], baseline_finish=base[1], depth=depth,
            total_float=st.total_float if st else None,
            working_days=st.duration if st else None,
        )

    def _on_plan_changed(self, delta: Any) -> None:
        """Redraw only the rows whose values changed; rebuild when rows come or go."""
        if self.gantt is None or delta.structure or delta.full:
            self.schedule_refresh()
            return
        if delta.links:
            self._send_links()
        shown = self.gantt.layout_state.table
        rows = []
        for tid in delta.task_ids:
            i = shown.row_of.get(tid)
            if i is not None:
                rows.append(self._row_for(tid, shown.rows[i].depth))
        if rows and not self.gantt.update_rows([r for r in rows if r is not None]):
            self.schedule_refresh()
        self.rows = shown.rows

    def _send_links(self) -> None:
        deps, sent = self.model.plan.dependencies, self._links
        fresh = [d for did, d in deps.items() if sent.get(did) is not d]
        rows = self._rows_module
        code = _TYPE_CODES  # a dict lookup: Enum.value is slow over 15,000 links
        if self._link_arrays is None or len(sent) + len(fresh) != len(deps) or any(
                d.id in sent for d in fresh):  # removed or changed links: all again
            ordered = list(deps.values())
            self._link_arrays = rows.link_arrays(
                [(d.predecessor_id, d.successor_id, code[d.type]) for d in ordered])
            self._links = dict(deps)
        elif fresh:  # only new links: appended
            self._link_arrays = self._link_arrays.joined(rows.link_arrays(
                [(d.predecessor_id, d.successor_id, code[d.type]) for d in fresh]))
            sent.update((d.id, d) for d in fresh)
        self.gantt.set_dependencies(self._link_arrays)

    def _fallback_day(self) -> date:
        """Where a task the scheduler could not place is drawn (keeps rows aligned)."""
        return self.model.plan.project.start

    def refresh_now(self) -> None:
        self._timer.stop()
        if self.gantt is None:
            self.visible_count = len(self.visible_task_ids())
            return
        self.rows = self.build_rows()
        self.visible_count = len(self.rows)
        plan = self.model.plan
        if plan.calendar is not None:
            self.gantt.set_calendar(plan.calendar)
        self.gantt.set_status_date(plan.status_date or date.today())
        self.gantt.set_rows(self.rows)
        self._send_links()
        bar = self._chart_scrollbar()
        if bar is not None:
            bar.setValue(self.tree.verticalScrollBar().value())
        self.window.update_status_bar()

    def _on_status_date(self, day: date) -> None:
        if self.gantt is not None:
            self.gantt.set_status_date(day)

    # -- chart commands ----------
    def zoom(self, direction: int) -> None:
        if self.gantt is not None:
            self.gantt.zoom_in() if direction > 0 else self.gantt.zoom_out()

    def fit(self) -> None:
        if self.gantt is not None:
            self.gantt.fit_all()

    def set_timescale(self, scale: str) -> None:
        if self.gantt is not None:
            self.gantt.set_timescale(scale.replace("_", "/"))

    def set_baseline(self, baseline_id: int | None) -> None:
        self.baseline_id = baseline_id
        self._baseline = {}
        if baseline_id is not None:
            for bt in self.context.store.baseline_rows(baseline_id):
                self._baseline[bt.task_id] = (bt.start, bt.finish)
        if self.gantt is not None:
            self.gantt.show_baseline(baseline_id is not None)
        self.refresh_now()

    # -- chart requests -> edits ----------
    def move_task(self, task_id: int, new_start: date) -> None:
        task, st = self.model.task(task_id), self.model.scheduled(task_id)
        if task is None:
            return
        calendar = self.model.plan.calendar
        if calendar is not None:  # a bar dropped on a weekend or holiday starts the next workday
            new_start = snap_to_workday(calendar, new_start)
        done = perform(self.window, self.context,
                       translate("MainWindow", "Move {0} to {1}").format(task.wbs, new_start),
                       task_edits.move_task(task_id, new_start, st.start if st else None,
                                            st.finish if st else None))
        if done is not None:  # say what the drag did: it pins the start with a constraint
            self.window.statusBar().showMessage(translate(
                "MainWindow", "{0}: start no earlier than {1} (constraint added; remove it in "
                "the task dialog)").format(task.wbs, new_start.isoformat()), 8000)

    def resize_task(self, task_id: int, new_finish: date) -> None:
        task, st = self.model.task(task_id), self.model.scheduled(task_id)
        calendar = self.model.plan.calendar
        if task is None or st is None or st.start is None or calendar is None:
            return
        perform(self.window, self.context,
                         translate("MainWindow", "Change finish of {0} to {1}").format(
                             task.wbs, new_finish),
                         task_edits.resize_task(task_id, new_finish, st.start,
                                              calendar.workdays_between))

    def link_tasks(self, pred_id: int, succ_id: int) -> None:
        self.context.refresh()  # the cycle check runs on the plan: bring it up to date first
        pred, succ = self.model.task(pred_id), self.model.task(succ_id)
        if pred is None or succ is None:
            return
        perform(self.window, self.context,
                         translate(
                             "MainWindow", "Link {0} → {1}").format(pred.wbs, succ.wbs),
                         task_edits.add_dependency(pred_id, succ_id, plan=self.model.plan))

    def _on_chart_selection(self, task_id: int) -> None:
        if task_id and task_id != self.window.current_task_id():
            self.window.select_task(task_id)

    def _on_tree_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self.gantt is not None and current.isValid():
            self.gantt.select_task(self.model.task_id(current))
