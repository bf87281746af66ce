"""The budget tab: budget lines by year, area, item and city in 억원, with totals that add up.

One kind of money at a time (the 2019 national budget, or the 2019-2021 public / private
investment), one year or all: each area gets a subtotal row, the year a total row, and every
row its execution rate (executed / planned). Area, item, planned and executed are edited in
place; adding and deleting lines are buttons. Every edit is one undoable, audited step.
Interface text is translated with ``tr()`` (context ``BudgetView``); area and item names are
data and stay as entered.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..app import checklists as ed
from ..domain import model as m
from .context import AppContext
from .views import run_edit

KINDS = [("budget", QT_TRANSLATE_NOOP("BudgetView", "National budget")),
         ("public_investment", QT_TRANSLATE_NOOP("BudgetView", "Public investment")),
         ("private_investment", QT_TRANSLATE_NOOP("BudgetView", "Private investment"))]
COLUMNS = [
    QT_TRANSLATE_NOOP("BudgetView", "Year"),
    QT_TRANSLATE_NOOP("BudgetView", "Area"),
    QT_TRANSLATE_NOOP("BudgetView", "Item"),
    QT_TRANSLATE_NOOP("BudgetView", "City"),
    QT_TRANSLATE_NOOP("BudgetView", "Planned (100M KRW)"),
    QT_TRANSLATE_NOOP("BudgetView", "Executed (100M KRW)"),
    QT_TRANSLATE_NOOP("BudgetView", "Execution rate"),
]
COL_YEAR, COL_AREA, COL_ITEM, COL_CITY, COL_PLANNED, COL_EXECUTED, COL_RATE = range(7)
EDITABLE = {COL_AREA: "area", COL_ITEM: "item", COL_PLANNED: "planned", COL_EXECUTED: "executed"}
LineRole = Qt.ItemDataRole.UserRole + 1
SUBTOTAL_BG = QColor("#eef3f8")
TOTAL_BG = QColor("#dde7f1")


@dataclass(frozen=True)
class Amounts:
    planned: float = 0.0
    executed: float = 0.0

    @property
    def rate(self) -> float | None:
        return 100.0 * self.executed / self.planned if self.planned else None

    def __add__(self, other: Amounts) -> Amounts:
        return Amounts(self.planned + other.planned, self.executed + other.executed)


def rate_text(amounts: Amounts) -> str:
    return "-" if amounts.rate is None else f"{amounts.rate:.1f}%"


def money(value: float) -> str:
    return f"{value:,.1f}".rstrip("0").rstrip(".") if value % 1 else f"{value:,.0f}"


class BudgetView(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.store = context.store
        self.lines: list[m.BudgetLine] = []
        self.area_totals: dict[tuple[int, str], Amounts] = {}
        self.year_totals: dict[int, Amounts] = {}
        self.grand_total = Amounts()
        self._pending = False

        self.kind = QComboBox()
        self.year = QComboBox()
        self.summary = QLabel()
        self.add_button = QPushButton()
        self.delete_button = QPushButton()
        self.add_button.clicked.connect(self._on_add)
        self.delete_button.clicked.connect(self._on_delete)
        top = QHBoxLayout()
        top.addWidget(self.kind)
        top.addWidget(self.year)
        top.addWidget(self.summary, 1)
        top.addWidget(self.add_button)
        top.addWidget(self.delete_button)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(COL_ITEM, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._on_item_changed)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

        self.kind.currentIndexChanged.connect(lambda _i: self._fill_years())
        self.year.currentIndexChanged.connect(lambda _i: self.refresh())
        context.changed.connect(self._on_store_changed)
        context.languageChanged.connect(lambda _l: self._retranslate())
        self._retranslate()

    def tab_title(self) -> str:
        """The tab title in the interface language."""
        return self.tr("Budget")

    def _retranslate(self) -> None:
        kind = self.kind.currentData()
        self.kind.blockSignals(True)
        self.kind.clear()
        present = set(self.store.budget_kinds())
        for code, label in KINDS:
            if code in present or code == "budget":
                self.kind.addItem(self.tr(label), code)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.kind.blockSignals(False)
        self.table.setHorizontalHeaderLabels([self.tr(text) for text in COLUMNS])
        self.add_button.setText(self.tr("Add line..."))
        self.delete_button.setText(self.tr("Delete line"))
        self._fill_years()

    def _fill_years(self) -> None:
        current = self.year.currentData()
        years = self.store.budget_years(self.kind.currentData() or "budget")
        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItem(self.tr("All years"), None)
        for y in years:
            self.year.addItem(str(y), y)
        index = self.year.findData(current) if current is not None else -1
        if index < 0 and current is None and len(years) == 1:
            index = 1
        self.year.setCurrentIndex(max(0, index))
        self.year.blockSignals(False)
        self.refresh()

    def set_filter(self, kind: str = "budget", year: int | None = None) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.year.setCurrentIndex(max(0, self.year.findData(year)) if year is not None else 0)
        self.refresh()

    def _on_store_changed(self, tables: set[str]) -> None:
        if tables & {"budget_lines", "cities"} and not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self._retranslate)

    # -- table --------------------------------------------------------------------------
    def refresh(self) -> None:
        self._pending = False
        kind, year = self.kind.currentData() or "budget", self.year.currentData()
        lines = self.store.budget_lines(kind, year)
        cities = {c.id: c.name_en if self.context.lang == "en" and c.name_en else c.name_ko
                  for c in self.store.all(m.City)}
        # group by year, then area in first-appearance order
        groups: dict[int, dict[str, list[m.BudgetLine]]] = {}
        for line in lines:
            groups.setdefault(line.year, {}).setdefault(line.area, []).append(line)
        self.lines = lines
        self.area_totals, self.year_totals, self.grand_total = {}, {}, Amounts()
        rows: list[tuple[str, Any, list[str], Amounts]] = []
        for y, areas in groups.items():
            year_total = Amounts()
            for area, area_lines in areas.items():
                area_total = Amounts()
                for line in area_lines:
                    amounts = Amounts(line.planned, line.executed)
                    area_total = area_total + amounts
                    city = cities.get(line.city_id, "") if line.city_id else self.tr("all")
                    rows.append(("line", line.id, [str(y), area, line.item, city], amounts))
                self.area_totals[(y, area)] = area_total
                year_total = year_total + area_total
                rows.append(("subtotal", None, [str(y), area, self.tr("Subtotal"), ""],
                             area_total))
            self.year_totals[y] = year_total
            self.grand_total = self.grand_total + year_total
            rows.append(("total", None, [str(y), self.tr("Total"), "", ""], year_total))
        if len(groups) > 1:
            rows.append(("total", None, ["", self.tr("Grand total"), "", ""],
                         self.grand_total))
        self._show(rows)
        self.summary.setText(self.tr("planned {0} · executed {1} (100M KRW) · {2}").format(
            money(self.grand_total.planned), money(self.grand_total.executed),
            rate_text(self.grand_total)))

    def _show(self, rows: list[tuple[str, Any, list[str], Amounts]]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        bold = QFont()
        bold.setBold(True)
        for r, (kind, line_id, texts, amounts) in enumerate(rows):
            values = [*texts, money(amounts.planned), money(amounts.executed), rate_text(amounts)]
            for c, text in enumerate(values):
                cell = QTableWidgetItem(text)
                cell.setData(LineRole, line_id)
                if c >= COL_PLANNED:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                if kind == "line" and c in EDITABLE:
                    flags |= Qt.ItemFlag.ItemIsEditable
                else:
                    cell.setForeground(QBrush(QColor("#333333")))
                cell.setFlags(flags)
                if kind != "line":
                    cell.setFont(bold)
                    cell.setBackground(QBrush(SUBTOTAL_BG if kind == "subtotal" else TOTAL_BG))
                self.table.setItem(r, c, cell)
        self.table.blockSignals(False)

    def _on_item_changed(self, cell: QTableWidgetItem) -> None:
        line_id, field = cell.data(LineRole), EDITABLE.get(cell.column())
        if line_id is None or field is None:
            return
        text = cell.text().strip().replace(",", "")
        if field in ("planned", "executed"):
            try:
                value: Any = float(text)
            except ValueError:
                QMessageBox.warning(self, self.tr("Invalid input"),
                                    self.tr("{0}: '{1}' is not an amount in 100M KRW").format(
                                        self.tr(COLUMNS[cell.column()]), cell.text()))
                self._on_store_changed({"budget_lines"})
                return
        else:
            value = text
        self.update_line(line_id, **{field: value})

    # -- edits ------------------------------------------------------------------------------
    def update_line(self, line_id: int, **changes: Any) -> bool:
        ok, _ = run_edit(self, self.context, self.tr("Edit budget line"),
                         lambda s: ed.update_budget_line(s, line_id, **changes))
        if not ok:
            self._on_store_changed({"budget_lines"})
        return ok

    def add_line(self, line: m.BudgetLine) -> bool:
        ok, _ = run_edit(self, self.context, self.tr("Add budget line"),
                         lambda s: ed.add_budget_line(s, line))
        return ok

    def delete_line(self, line_id: int) -> bool:
        ok, _ = run_edit(self, self.context, self.tr("Delete budget line"),
                         lambda s: ed.delete_budget_line(s, line_id))
        return ok

    def _selected_line(self) -> int | None:
        cell = self.table.currentItem()
        return cell.data(LineRole) if cell is not None else None

    def _on_add(self) -> None:
        line_id = self._selected_line()
        base = self.store.get(m.BudgetLine, line_id) if line_id else None
        item, ok = QInputDialog.getText(self, self.tr("Add budget line"),
                                        self.tr("Item"))
        if not ok:
            return
        area = base.area if base else self.tr("Other")
        year = base.year if base else (self.year.currentData() or 2019)
        self.add_line(m.BudgetLine(year=year, area=area, item=item, planned=0.0,
                                   city_id=base.city_id if base else None,
                                   kind=self.kind.currentData() or "budget"))

    def _on_delete(self) -> None:
        line_id = self._selected_line()
        if line_id is not None:
            self.delete_line(line_id)
