"""Small entry dialogs of the view tabs: checklist item, sign-off, status update, stage change.

Each dialog only collects values (``values()``); the caller runs the matching edit function
through ``context.edits`` so the store's validation gives the message when input is refused.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ..domain import model as m
from ..domain.dates import DateParseError, parse_day
from .context import AppContext
from .views import ko_en

RAG_LABELS = {m.Rag.RED: ("적색", "Red"), m.Rag.AMBER: ("황색", "Amber"),
              m.Rag.GREEN: ("녹색", "Green")}
STAGE_LABELS = {
    m.ProvisionStage.BILL_PROPOSED: ("법안 발의", "Bill proposed"),
    m.ProvisionStage.IN_COMMITTEE: ("상임위 심사", "In committee"),
    m.ProvisionStage.PASSED: ("국회 통과", "Passed"),
    m.ProvisionStage.IN_FORCE: ("시행", "In force"),
}


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class _Form(QDialog):
    def __init__(self, context: AppContext, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(title)
        self.form = QFormLayout(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def t(self, ko: str, en: str) -> str:
        return ko_en(self.context, ko, en)

    def finish(self) -> None:
        self.form.addRow(self.buttons)

    def _date(self, d: date) -> QDateEdit:
        edit = QDateEdit(qdate(d))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit


class ItemDialog(_Form):
    """Text, optional due day (YYYY-MM-DD or empty) and notes of a checklist item."""

    def __init__(self, context: AppContext, parent: QWidget | None = None,
                 item: m.ChecklistItem | None = None) -> None:
        super().__init__(context, context.lang == "en" and "Checklist item" or "체크리스트 항목",
                         parent)
        self.text = QLineEdit(item.text if item else "")
        self.due = QLineEdit(item.due.isoformat() if item and item.due else "")
        self.due.setPlaceholderText("YYYY-MM-DD")
        self.notes = QLineEdit(item.notes if item else "")
        self.form.addRow(self.t("항목", "Item"), self.text)
        self.form.addRow(self.t("기한", "Due"), self.due)
        self.form.addRow(self.t("비고", "Notes"), self.notes)
        self.finish()

    def values(self) -> dict[str, Any]:
        """Raises DateParseError for a due text that is not a day."""
        due_text = self.due.text().strip()
        return {"text": self.text.text(), "due": parse_day(due_text) if due_text else None,
                "notes": self.notes.text()}


class SignoffDialog(_Form):
    def __init__(self, context: AppContext, task: m.Task, on: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, context.lang == "en" and "Sign-off" or "승인", parent)
        self.form.addRow(self.t("대상", "Milestone"), QLineEdit(f"{task.wbs} {task.name()}",
                                                            readOnly=True))
        self.name = QLineEdit()
        self.position = QLineEdit()
        self.signed_on = self._date(on)
        self.note = QLineEdit()
        self.form.addRow(self.t("승인자 성명", "Approver"), self.name)
        self.form.addRow(self.t("직위", "Position"), self.position)
        self.form.addRow(self.t("승인일", "Date"), self.signed_on)
        self.form.addRow(self.t("메모", "Note"), self.note)
        self.finish()

    def values(self) -> dict[str, Any]:
        return {"approver_name": self.name.text(), "approver_position": self.position.text(),
                "signed_on": pydate(self.signed_on.date()), "note": self.note.text()}


class StatusUpdateDialog(_Form):
    def __init__(self, context: AppContext, task: m.Task, on: date,
                 current: m.StatusUpdate | None = None, parent: QWidget | None = None) -> None:
        super().__init__(context, context.lang == "en" and "Status update" or "추진 현황 보고",
                         parent)
        self.form.addRow(self.t("과제", "Task"), QLineEdit(f"{task.wbs} {task.name()}",
                                                         readOnly=True))
        self.report_date = self._date(on)
        self.rag = QComboBox()
        for rag, (ko, en) in RAG_LABELS.items():
            self.rag.addItem(self.t(ko, en), rag.value)
        if current is not None:
            self.rag.setCurrentIndex(self.rag.findData(current.rag.value))
        self.narrative = QPlainTextEdit(current.narrative if current else "")
        self.form.addRow(self.t("보고 기준일", "Reporting date"), self.report_date)
        self.form.addRow(self.t("상태(RAG)", "RAG"), self.rag)
        self.form.addRow(self.t("추진 내용", "Narrative"), self.narrative)
        self.finish()

    def values(self) -> dict[str, Any]:
        return {"report_date": pydate(self.report_date.date()),
                "rag": m.Rag(self.rag.currentData()), "narrative": self.narrative.toPlainText()}


class StageDialog(_Form):
    """The new stage of a regulatory provision, its date (exact or imprecise) and a note."""

    def __init__(self, context: AppContext, provision: m.Provision,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, context.lang == "en" and "Stage change" or "추진 단계 변경",
                         parent)
        self.form.addRow(self.t("특례", "Provision"), QLineEdit(provision.name_ko, readOnly=True))
        self.stage = QComboBox()
        for stage, (ko, en) in STAGE_LABELS.items():
            self.stage.addItem(self.t(ko, en), stage.value)
        order = list(STAGE_LABELS)
        nxt = min(order.index(provision.stage) + 1, len(order) - 1)
        self.stage.setCurrentIndex(nxt)
        self.on = QLineEdit(date.today().isoformat())
        self.on.setPlaceholderText("2019-02-12 / 2019-02 / 2019-H1")
        self.note = QLineEdit()
        self.form.addRow(self.t("단계", "Stage"), self.stage)
        self.form.addRow(self.t("일자", "Date"), self.on)
        self.form.addRow(self.t("메모", "Note"), self.note)
        self.finish()

    def values(self) -> dict[str, Any]:
        from ..domain.dates import parse_plan_date

        return {"stage": m.ProvisionStage(self.stage.currentData()),
                "on": parse_plan_date(self.on.text()), "note": self.note.text()}


__all__ = ["ItemDialog", "SignoffDialog", "StatusUpdateDialog", "StageDialog", "DateParseError",
           "RAG_LABELS", "STAGE_LABELS", "qdate", "pydate"]
