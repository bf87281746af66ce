"""The dashboard tab: programme KPIs and charts as of the status date.

KPI tiles (milestones done / due in 30 days / overdue), tables of percent complete per
ministry and per city and the next 10 milestones, and six matplotlib charts embedded with
``FigureCanvasQTAgg`` in the bundled Korean font: milestone status by ministry (stacked bars),
planned vs actual progress (S-curve), the year's budget planned vs executed by area and by
city, regulatory provisions by stage, and percent complete per ministry.

The numbers come from :mod:`.dashboard_data` (which uses the scheduler's programme
figures). They are recomputed and the figure redrawn only when the store reports a change,
the status date or the language changes - never on paint; a change while the tab is hidden
is drawn when the tab is next shown. Opening a plan builds the tab without its numbers or
charts: matplotlib is imported and the figures computed when the tab is first shown (or
``data`` is first read), which keeps about a second off the window's start on big plans.
Clicking a bar emits ``context.filterRequested`` (e.g. a ministry's late milestones) so
the task table filters.
Interface text (tiles, headers, chart titles and legends) is translated with ``tr()`` in the
``DashboardView`` context; a language change redraws everything.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from . import dashboard_data
from .context import AppContext
from .views import status_date

log = logging.getLogger(__name__)
STATUS_COLOURS = {"done": "#2e7d32", "on_track": "#1565c0", "at_risk": "#ef8f00",
                  "late": "#c62828", "not_started": "#9e9e9e"}
BUCKET_COLOURS = {"done": "#2e7d32", "due": "#1565c0", "overdue": "#c62828",
                  "later": "#b0bec5"}
BUCKET_LABELS = {
    "done": QT_TRANSLATE_NOOP("DashboardView", "done"),
    "due": QT_TRANSLATE_NOOP("DashboardView", "due in 30 days"),
    "overdue": QT_TRANSLATE_NOOP("DashboardView", "overdue"),
    "later": QT_TRANSLATE_NOOP("DashboardView", "later"),
}
BUCKET_STATUS = {"done": "done", "overdue": "late"}  # bucket -> task-table status filter
STATUS_LABELS = {
    "done": QT_TRANSLATE_NOOP("DashboardView", "done"),
    "on_track": QT_TRANSLATE_NOOP("DashboardView", "on track"),
    "at_risk": QT_TRANSLATE_NOOP("DashboardView", "at risk"),
    "late": QT_TRANSLATE_NOOP("DashboardView", "late"),
    "not_started": QT_TRANSLATE_NOOP("DashboardView", "not started"),
}
STAGE_LABELS = {
    "bill_proposed": QT_TRANSLATE_NOOP("DashboardView", "bill proposed"),
    "in_committee": QT_TRANSLATE_NOOP("DashboardView", "in committee"),
    "passed": QT_TRANSLATE_NOOP("DashboardView", "passed"),
    "in_force": QT_TRANSLATE_NOOP("DashboardView", "in force"),
}
_TABLES = {"tasks", "dependencies", "checklist_items", "signoffs", "budget_lines", "provisions",
           "projects", "calendar_exceptions", "baselines", "baseline_tasks", "organisations",
           "cities"}


class DashboardView(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.store = context.store
        self.as_of: date = status_date(self.store)
        self._data: dashboard_data.DashboardData | None = None  # None: not computed yet
        self._error = ""
        self._figure: Any = None  # matplotlib Figure and canvas, made when first drawn
        self._canvas: Any = None
        self.draw_count = 0
        self._pending = False
        self._stale = False
        self._draw_pending = True  # figures computed while hidden; charts not drawn yet

        self.kpi: dict[str, QLabel] = {}
        tiles = QHBoxLayout()
        for key in ("as_of", "done", "percent", "due", "overdue"):
            label = QLabel()
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setStyleSheet("QLabel { border: 1px solid #c5cfd9; border-radius: 4px;"
                                " background: #f7f9fb; padding: 6px; }")
            self.kpi[key] = label
            tiles.addWidget(label)

        self.ministry_table = self._table(4)
        self.city_table = self._table(2)
        self.next_table = self._table(4)
        self.slipped_table = self._table(5)
        self.slipped_table.setObjectName("slippedMilestones")
        side = QWidget()
        grid = QGridLayout(side)
        grid.setContentsMargins(0, 0, 0, 0)
        self.side_titles = [QLabel(), QLabel(), QLabel(), QLabel()]
        tables = [self.ministry_table, self.city_table, self.next_table, self.slipped_table]
        for row, (title, table) in enumerate(zip(self.side_titles, tables)):
            title.setWordWrap(True)
            grid.addWidget(title, 2 * row, 0)
            grid.addWidget(table, 2 * row + 1, 0)
        grid.setRowStretch(2 * len(tables), 1)  # tables as tall as their rows, air below

        self._chart_box = QWidget()  # holds the canvas once matplotlib is loaded
        box = QVBoxLayout(self._chart_box)
        box.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(side)
        splitter.addWidget(self._chart_box)
        splitter.setSizes([380, 1000])
        layout = QVBoxLayout(self)
        layout.addLayout(tiles)
        layout.addWidget(splitter, 1)

        context.changed.connect(self._on_store_changed)
        context.languageChanged.connect(lambda _l: self.refresh())
        context.statusDateChanged.connect(self._on_status_date)

    # -- made on first use -------------------------------------------------------------------
    @property
    def data(self) -> dashboard_data.DashboardData:
        """The figures shown (computed on first use after a change)."""
        self._ensure_data()
        assert self._data is not None
        return self._data

    @property
    def error(self) -> str:
        """Why the figures could not be computed ("" when they were)."""
        self._ensure_data()
        return self._error

    @property
    def figure(self) -> Any:
        self._ensure_canvas()
        return self._figure

    @property
    def canvas(self) -> Any:
        self._ensure_canvas()
        return self._canvas

    def _ensure_canvas(self) -> None:
        if self._canvas is not None:
            return
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        from ..reporting.fonts import configure_matplotlib

        configure_matplotlib()
        self._figure = Figure(figsize=(10, 7), dpi=90, layout="constrained")
        self._canvas = FigureCanvasQTAgg(self._figure)
        self._canvas.mpl_connect("pick_event", self._on_pick)
        self._chart_box.layout().addWidget(self._canvas)

    def _ensure_data(self) -> None:
        if self._data is not None:
            return
        try:
            self._data = dashboard_data.compute(self.store, self.as_of, self.context.lang,
                                                self.context.plan)
            self._error = ""
        except Exception as exc:  # a broken plan must not take the window down
            log.exception("dashboard figures failed")
            self._data = dashboard_data.DashboardData(as_of=self.as_of)
            self._error = str(exc)
        self._fill_kpis()
        self._fill_tables()

    def tab_title(self) -> str:
        """The tab title in the interface language."""
        return self.tr("Dashboard")

    @staticmethod
    def _table(columns: int) -> QTableWidget:
        table = QTableWidget(0, columns)
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        # sized to its rows (_fit_height): long names elide, the whole text is in the tooltip
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return table

    def _on_status_date(self, day: Any) -> None:
        self.as_of = day if isinstance(day, date) else status_date(self.store)
        self.refresh()

    def _on_store_changed(self, tables: set[str]) -> None:
        if not tables & _TABLES:
            return
        if not self.isVisible():  # a hidden tab redraws when it is shown (drawing takes ~1 s)
            self._stale = True
            return
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self._deferred)

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._draw_pending and not self._stale:
            self._ensure_data()
            self._draw()
        if self._stale:
            self._stale = False
            self._pending = True
            QTimer.singleShot(0, self, self._deferred)

    def _deferred(self) -> None:
        if self._pending:
            self.as_of = status_date(self.store)
            self.refresh()

    # -- data -> widgets -----------------------------------------------------------------
    def refresh(self) -> None:
        """Recompute every figure and redraw the charts once (a hidden tab: when shown)."""
        self._pending = False
        self._data = None
        if self.isVisible():
            self._ensure_data()
            self._draw()
        else:  # a tab not on screen computes and draws when shown (or its data is read)
            self._draw_pending = True

    def _fill_kpis(self) -> None:
        d = self.data

        def tile(title: str, value: str, colour: str = "#263238") -> str:
            return (f"<div style='font-size:9pt;color:#546e7a'>{title}</div>"
                    f"<div style='font-size:18pt;font-weight:bold;color:{colour}'>{value}</div>")

        self.kpi["as_of"].setText(tile(self.tr("Status date"), f"{d.as_of:%Y-%m-%d}"))
        self.kpi["done"].setText(tile(self.tr("Milestones done / due by the status date"),
                                      f"{d.milestones_done} / {d.milestones_due_by_date}",
                                      "#2e7d32"))
        self.kpi["done"].setToolTip(self.tr("{0} milestones in the plan").format(
            d.milestones_total))
        self.kpi["percent"].setText(tile(self.tr("Percent complete (by duration)"),
                                         f"{d.percent_total:.1f}%"))
        self.kpi["due"].setText(tile(self.tr("Due in 30 days"),
                                     str(d.milestones_due_30), "#1565c0"))
        self.kpi["overdue"].setText(tile(self.tr("Overdue"),
                                         str(d.milestones_overdue), "#c62828"))
        if self.error:
            self.kpi["as_of"].setToolTip(self.error)

    def _fill_tables(self) -> None:
        d = self.data
        self.side_titles[0].setText(self.tr("Progress by ministry (bodies with nothing due "
                                            "by the status date left out)"))
        self.side_titles[1].setText(self.tr("Percent complete by city (by duration)"))
        self.side_titles[2].setText(self.tr("Next 10 milestones"))
        percent = self.tr("% (by duration)", "percent complete column")
        self._rows(self.ministry_table, [self.tr("Ministry"), self.tr("Milestones done / due"),
                                         self.tr("Overdue"), percent],
                   [[s.name, f"{s.counts.get('done', 0)} / {_due(s)}",
                     str(s.counts.get("overdue", 0)), f"{_percent(d, s.code):.1f}%"]
                    for s in _with_something_due(d)])
        self._rows(self.city_table, [self.tr("City"), percent],
                   [[r.name, f"{r.percent:.1f}%"] for r in d.percent_by_city])
        self._rows(self.next_table, [self.tr("Due"), self.tr("Milestone"),
                                     self.tr("Ministry"), self.tr("Status")],
                   [[f"{r.due:%Y-%m-%d}", f"{r.wbs} {r.name}", r.ministry,
                     self.tr(STATUS_LABELS[r.status]) if r.status in STATUS_LABELS
                     else r.status]
                    for r in d.next_milestones])
        self._fill_slipped()
        for table in (self.ministry_table, self.city_table, self.next_table,
                      self.slipped_table):
            _fit_height(table)

    def _fill_slipped(self) -> None:
        d = self.data
        if d.baseline_name:
            self.side_titles[3].setText(self.tr("Slipped milestones against the baseline "
                                                "“{0}”: {1}").format(d.baseline_name,
                                                                     len(d.slipped)))
        else:
            self.side_titles[3].setText(self.tr("Slipped milestones: no baseline saved yet "
                                                "(Project ▸ Save baseline…)"))
        self._rows(self.slipped_table, [self.tr("Milestone"), self.tr("Ministry"),
                                        self.tr("Baseline"), self.tr("Forecast"),
                                        self.tr("Slip (working days)")],
                   [[f"{r.wbs} {r.name}", r.ministry, f"{r.baseline_finish:%Y-%m-%d}",
                     f"{r.forecast:%Y-%m-%d}", str(r.slip_days)] for r in d.slipped])

    @staticmethod
    def _rows(table: QTableWidget, headers: list[str], rows: list[list[str]]) -> None:
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                table.setItem(r, c, item)

    # -- charts ----------------------------------------------------------------------------
    def _draw(self) -> None:
        self._draw_pending = False
        self._ensure_canvas()
        self.figure.clear()
        axes = self.figure.subplots(2, 3)
        self._status_chart(axes[0][0])
        self._scurve_chart(axes[0][1])
        self._provisions_chart(axes[0][2])
        self._budget_chart(axes[1][0], self.data.budget_by_area, "area")
        self._budget_chart(axes[1][1], self.data.budget_by_city, "city")
        self._percent_chart(axes[1][2])
        self.canvas.draw_idle()
        self.draw_count += 1

    def _empty(self, ax: Any, title: str) -> None:
        ax.set_title(title, fontsize=10)
        ax.text(0.5, 0.5, self.tr("no data"), ha="center", va="center",
                transform=ax.transAxes, color="#90a4ae")
        ax.set_xticks([])
        ax.set_yticks([])

    def _status_chart(self, ax: Any) -> None:
        title = self.tr("Milestones by ministry")
        rows = self.data.by_ministry
        if not rows:
            self._empty(ax, title)
            return
        names = [r.code for r in rows]
        left = [0] * len(rows)
        for bucket in dashboard_data.BUCKET_ORDER:
            values = [r.counts.get(bucket, 0) for r in rows]
            bars = ax.barh(names, values, left=left, color=BUCKET_COLOURS[bucket],
                           label=self.tr(BUCKET_LABELS[bucket]), picker=True)
            for bar, row in zip(bars, rows):
                wanted = {"ministry": row.code, "kind": "milestone"}
                if bucket in BUCKET_STATUS:
                    wanted["status"] = BUCKET_STATUS[bucket]
                bar.filter = wanted
            left = [a + b for a, b in zip(left, values)]
        ax.invert_yaxis()
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.set_title(title, fontsize=10)
        ax.legend(fontsize=7, loc="lower right")
        ax.tick_params(labelsize=8)

    def _scurve_chart(self, ax: Any) -> None:
        title = self.tr("Planned vs actual progress")
        d = self.data
        if not d.scurve_dates:
            self._empty(ax, title)
            return
        ax.plot(d.scurve_dates, d.scurve_planned, color="#1565c0",
                label=self.tr("planned"))
        ax.plot(d.scurve_dates[:len(d.scurve_actual)], d.scurve_actual, color="#c62828",
                marker="o", markersize=3, label=self.tr("actual"))
        ax.axvline(d.as_of, color="#546e7a", linestyle="--", linewidth=1)
        ax.set_ylim(0, 100)
        ax.set_ylabel("%", fontsize=8)
        ax.set_title(title, fontsize=10)
        ax.legend(fontsize=7, loc="upper left")
        ax.tick_params(labelsize=7)
        for label in ax.get_xticklabels():
            label.set_rotation(30)

    def _provisions_chart(self, ax: Any) -> None:
        title = self.tr("Regulatory provisions by stage")
        stages = self.data.provisions_by_stage
        if not any(stages.values()):
            self._empty(ax, title)
            return
        labels = [self.tr(STAGE_LABELS[s]) if s in STAGE_LABELS else s for s in stages]
        ax.bar(labels, list(stages.values()), color=["#ef8f00", "#1565c0", "#6a1b9a", "#2e7d32"])
        ax.set_title(title, fontsize=10)
        ax.tick_params(labelsize=8)
        ax.yaxis.get_major_locator().set_params(integer=True)

    def _budget_chart(self, ax: Any, rows: list[dashboard_data.Money], key: str) -> None:
        year = self.data.budget_year or ""
        title = (self.tr("{0} budget by area").format(year) if key == "area"
                 else self.tr("{0} budget by city").format(year))
        if not rows:
            self._empty(ax, title)
            return
        xs = list(range(len(rows)))
        planned = ax.bar([x - 0.2 for x in xs], [r.planned for r in rows], width=0.4,
                         color="#90caf9", label=self.tr("planned"), picker=key == "city")
        executed = ax.bar([x + 0.2 for x in xs], [r.executed for r in rows], width=0.4,
                          color="#1565c0", label=self.tr("executed"),
                          picker=key == "city")
        if key == "city":
            for bars in (planned, executed):
                for bar, row in zip(bars, rows):
                    if row.key:
                        bar.filter = {"city": row.key}
        ax.set_xticks(xs, [r.label for r in rows], fontsize=7)
        ax.set_title(title, fontsize=10)
        ax.legend(fontsize=7)
        ax.tick_params(axis="y", labelsize=7)

    def _percent_chart(self, ax: Any) -> None:
        """Milestones done against those due by the status date, per ministry (the measure
        the briefing uses); bodies with nothing due are left out."""
        title = self.tr("Milestones done / due by the status date")
        rows = _with_something_due(self.data)
        if not rows:
            self._empty(ax, title)
            return
        codes = [r.code or "-" for r in rows]
        due = [_due(r) for r in rows]
        done = [r.counts.get("done", 0) for r in rows]
        ax.barh(codes, due, color="#ffcdd2", label=self.tr("due"))
        bars = ax.barh(codes, done, color="#2e7d32", label=self.tr("done"), picker=True)
        for bar, row, n_done, n_due in zip(bars, rows, done, due):
            bar.filter = {"ministry": row.code, "kind": "milestone"}
            ax.text(max(n_due, n_done) + 0.1, bar.get_y() + bar.get_height() / 2,
                    f"{n_done}/{n_due}", va="center", fontsize=7)
        ax.set_xlim(0, max(due + done) * 1.25 + 0.5)
        ax.invert_yaxis()
        ax.set_title(title, fontsize=10)
        ax.legend(fontsize=7, loc="lower right")
        ax.tick_params(labelsize=8)

    def _on_pick(self, event: Any) -> None:
        wanted = getattr(event.artist, "filter", None)
        if wanted:
            self.context.filterRequested.emit(dict(wanted))


def _due(row: dashboard_data.MinistryStatus) -> int:
    """Milestones due by the status date: done ones and overdue ones."""
    return row.counts.get("done", 0) + row.counts.get("overdue", 0)


def _percent(data: dashboard_data.DashboardData, code: str) -> float:
    return next((r.percent for r in data.percent_by_ministry if r.code == code), 0.0)


def _with_something_due(data: dashboard_data.DashboardData
                        ) -> list[dashboard_data.MinistryStatus]:
    """Ministries with a milestone due by the status date or some progress to show."""
    return [s for s in data.by_ministry if _due(s) or _percent(data, s.code) > 0]


def _fit_height(table: QTableWidget, most: int = 10) -> None:
    """As tall as its rows (up to ``most``; more scroll), so no half-empty boxes."""
    rows = min(table.rowCount(), most)
    height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
    height += sum(table.rowHeight(r) for r in range(rows)) if rows else table.fontMetrics(
        ).height() + 8
    table.setFixedHeight(height)
