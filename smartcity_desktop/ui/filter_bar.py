"""The filter toolbar above the task table: ministry, city, status, critical only, search.

It edits the task filter proxy's criteria (the same dict ``context.filterRequested``
carries) and shows criteria set from elsewhere, e.g. a dashboard click.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QToolBar

from ..domain import model as m
from .task_model import STATUS_TITLES, tr

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from .main_window import MainWindow


class FilterBar(QToolBar):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.setObjectName("filterToolbar")
        self._updating = False
        self.ministry_label, self.city_label, self.status_label = QLabel(), QLabel(), QLabel()
        self.ministry = QComboBox()
        self.ministry.setObjectName("filterMinistry")
        self.city = QComboBox()
        self.city.setObjectName("filterCity")
        self.status = QComboBox()
        self.status.setObjectName("filterStatus")
        self.supporting = QCheckBox()  # a ministry also matches the tasks it supports
        self.supporting.setObjectName("filterSupporting")
        self.critical = QCheckBox()
        self.critical.setObjectName("filterCritical")
        self.search = QLineEdit()
        self.search.setObjectName("filterSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(260)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(self._changed)
        for label, widget in ((self.ministry_label, self.ministry), (self.city_label, self.city),
                              (self.status_label, self.status)):
            self.addWidget(label)
            self.addWidget(widget)
            widget.currentIndexChanged.connect(self._changed)
            if widget is self.ministry:
                self.addWidget(self.supporting)
                self.supporting.toggled.connect(self._changed)
        self.addWidget(self.critical)
        self.critical.toggled.connect(self._changed)
        self.addSeparator()
        self.addWidget(self.search)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        window.context.changed.connect(self._on_store_changed)

    def _on_store_changed(self, tables: set) -> None:
        if tables & {"organisations", "cities"}:
            self.retranslate()

    def retranslate(self) -> None:
        """(Re)fill the combos in the current language, keeping the selection."""
        self._updating = True
        try:
            lang = self.window.context.lang
            store = self.window.context.store
            self.setWindowTitle(translate("TaskTreeModel", "Filters"))
            self.ministry_label.setText(" " + translate("TaskTreeModel", "Ministry") + " ")
            self.city_label.setText(" " + translate("TaskTreeModel", "City") + " ")
            self.status_label.setText(" " + translate("TaskTreeModel", "Status") + " ")
            self.critical.setText(translate("TaskTreeModel", "Critical only"))
            self.supporting.setText(translate("TaskTreeModel", "incl. supporting"))
            self.supporting.setToolTip(translate(
                "TaskTreeModel", "Also show the tasks the ministry supports but does not own"))
            self.search.setPlaceholderText(
                translate("TaskTreeModel", "Search WBS, name, notes (Ctrl+F)"))
            used = {t.owner_org_id for t in self.window.model.plan.tasks.values()}
            orgs = m.protocol_order(o for o in store.organisations() if o.id in used)
            self._fill(self.ministry, [(o.name(lang), o.code) for o in orgs])
            cities = [(c.name_ko if lang == "ko" else c.name_en or c.name_ko, c.code)
                      for c in store.all(m.City)]
            self._fill(self.city, cities)
            self._fill(self.status, [(tr(title), key) for key, title in STATUS_TITLES.items()])
        finally:
            self._updating = False

    @staticmethod
    def _fill(combo: QComboBox, items: list[tuple[str, Any]]) -> None:
        current = combo.currentData()
        combo.clear()
        combo.addItem(translate("TaskTreeModel", "(all)"), None)
        for label, value in items:
            combo.addItem(label, value)
        combo.setCurrentIndex(max(combo.findData(current), 0))

    def criteria(self) -> dict[str, Any]:
        return {"ministry": self.ministry.currentData(),
                "supporting": self.supporting.isChecked(), "city": self.city.currentData(),
                "status": self.status.currentData(), "critical": self.critical.isChecked(),
                "text": self.search.text().strip(),
                "kind": self.window.proxy.criteria.get("kind")}

    def _changed(self, *_args) -> None:
        if not self._updating:
            self.window.apply_filter(self.criteria())

    def show_criteria(self, criteria: dict[str, Any]) -> None:
        """Reflect criteria set elsewhere without re-applying them."""
        self._updating = True
        try:
            for combo, key in ((self.ministry, "ministry"), (self.city, "city"),
                               (self.status, "status")):
                combo.setCurrentIndex(max(combo.findData(criteria.get(key)), 0))
            self.critical.setChecked(bool(criteria.get("critical")))
            self.supporting.setChecked(bool(criteria.get("supporting")))
            if self.search.text().strip().casefold() != criteria.get("text", ""):
                self.search.setText(criteria.get("text", ""))
                self._search_timer.stop()
        finally:
            self._updating = False

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
