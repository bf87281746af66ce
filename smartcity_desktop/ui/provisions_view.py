"""The regulation tab: the Smart City Act's special provisions, their law, stage and dates.

The upper table lists each provision (group, name, what it allows, related law, stage, stage
date, target); the lower one the selected provision's recorded stage changes. "Stage
change..." records a new stage with its date (bill proposed -> committee -> passed -> in force)
as one undoable, audited edit. Interface text is translated with ``tr()`` (context
``ProvisionsView``); provision names, laws and notes are data shown in the chosen language.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..app import checklists as ed
from ..domain import model as m
from ..domain.dates import DateParseError, PlanDate
from .context import AppContext
from .view_dialogs import STAGE_LABELS, StageDialog, stage_label
from .views import run_edit

COLUMNS = [
    QT_TRANSLATE_NOOP("ProvisionsView", "Group"),
    QT_TRANSLATE_NOOP("ProvisionsView", "Provision"),
    QT_TRANSLATE_NOOP("ProvisionsView", "What it allows"),
    QT_TRANSLATE_NOOP("ProvisionsView", "Related law"),
    QT_TRANSLATE_NOOP("ProvisionsView", "Stage"),
    QT_TRANSLATE_NOOP("ProvisionsView", "Stage date"),
    QT_TRANSLATE_NOOP("ProvisionsView", "Target"),
]
HISTORY = [
    QT_TRANSLATE_NOOP("ProvisionsView", "Stage"),
    QT_TRANSLATE_NOOP("ProvisionsView", "Date"),
    QT_TRANSLATE_NOOP("ProvisionsView", "Note"),
]
STAGE_COLOURS = {m.ProvisionStage.BILL_PROPOSED: "#ef8f00", m.ProvisionStage.IN_COMMITTEE:
                 "#1565c0", m.ProvisionStage.PASSED: "#6a1b9a", m.ProvisionStage.IN_FORCE:
                 "#2e7d32"}
IdRole = Qt.ItemDataRole.UserRole + 1


def _cell(text: str) -> QTableWidgetItem:
    cell = QTableWidgetItem(text)
    cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    return cell


class ProvisionsView(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.store = context.store
        self.provisions: list[m.Provision] = []
        self._pending = False
        self.title = QLabel()
        self.change_button = QPushButton()
        self.change_button.clicked.connect(self._on_change)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.change_button)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.history = QTableWidget(0, len(HISTORY))
        self.history.verticalHeader().hide()
        self.history.horizontalHeader().setStretchLastSection(True)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.history)
        splitter.setSizes([500, 200])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.table.currentCellChanged.connect(lambda *_: self._show_history())
        context.changed.connect(self._on_store_changed)
        context.languageChanged.connect(lambda _l: self.refresh())
        self.refresh()

    def tab_title(self) -> str:
        """The tab title in the interface language."""
        return self.tr("Regulation")

    def _on_store_changed(self, tables: set[str]) -> None:
        if tables & {"provisions", "provision_stage_changes"} and not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self.refresh)

    def stage_label(self, stage: m.ProvisionStage) -> str:
        return stage_label(stage)

    def refresh(self) -> None:
        self._pending = False
        en = self.context.lang == "en"
        selected = self.selected_id()
        self.provisions = self.store.all(m.Provision, order_by="sort_order, id")
        self.table.setHorizontalHeaderLabels([self.tr(text) for text in COLUMNS])
        self.history.setHorizontalHeaderLabels([self.tr(text) for text in HISTORY])
        self.change_button.setText(self.tr("Stage change..."))
        counts = {s: 0 for s in STAGE_LABELS}
        self.table.setRowCount(len(self.provisions))
        for r, p in enumerate(self.provisions):
            counts[p.stage] += 1
            values = [p.group_ko, p.name_en if en and p.name_en else p.name_ko,
                      p.allows_en if en and p.allows_en else p.allows_ko,
                      p.law_en if en and p.law_en else p.law_ko, self.stage_label(p.stage),
                      p.stage_date.label(self.context.lang) if p.stage_date else "",
                      p.target.label(self.context.lang) if p.target else ""]
            for c, text in enumerate(values):
                cell = _cell(text)
                cell.setData(IdRole, p.id)
                cell.setToolTip(text)
                if c == 4:
                    cell.setForeground(QBrush(QColor(STAGE_COLOURS[p.stage])))
                self.table.setItem(r, c, cell)
        summary = " · ".join(f"{self.stage_label(s)} {n}" for s, n in counts.items())
        self.title.setText(self.tr("{0} special provisions: {1}").format(
            len(self.provisions), summary))
        row = next((i for i, p in enumerate(self.provisions) if p.id == selected), 0)
        if self.provisions:
            self.table.selectRow(row)
        self._show_history()

    def selected_id(self) -> int | None:
        cell = self.table.currentItem()
        return cell.data(IdRole) if cell is not None else None

    def _show_history(self) -> None:
        pid = self.selected_id()
        changes = self.store.stage_changes_of(pid) if pid is not None else []
        self.history.setRowCount(len(changes))
        for r, ch in enumerate(changes):
            for c, text in enumerate([self.stage_label(ch.stage),
                                      ch.on.label(self.context.lang), ch.note]):
                self.history.setItem(r, c, _cell(text))

    def change_stage(self, provision_id: int, stage: m.ProvisionStage, on: PlanDate,
                     note: str = "") -> bool:
        text = self.tr("Provision stage change")
        ok, _ = run_edit(self, self.context, text, lambda s: ed.change_provision_stage(
            s, provision_id, stage, on, note))
        return ok

    def _on_change(self) -> None:
        pid = self.selected_id()
        if pid is None:
            return
        dialog = StageDialog(self.context, self.store.get(m.Provision, pid), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            values = dialog.values()
        except DateParseError as exc:
            QMessageBox.warning(self, self.tr("Invalid input"), str(exc))
            return
        self.change_stage(pid, **values)
