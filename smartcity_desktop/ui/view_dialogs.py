"""Small entry dialogs of the view tabs: checklist item, sign-off, status update, stage change.

Each dialog only collects values (``values()``); the caller runs the matching edit function
through ``context.edits`` so the store's validation gives the message when input is refused.
The RAG and provision-stage labels (:func:`rag_label`, :func:`stage_label`) are English source
strings translated at use time in the ``ViewLabels`` context.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ..domain import model as m
from ..domain.dates import DateParseError, parse_day
from .context import AppContext

LABELS_CONTEXT = "ViewLabels"
RAG_LABELS = {m.Rag.RED: QT_TRANSLATE_NOOP("ViewLabels", "Red"),
              m.Rag.AMBER: QT_TRANSLATE_NOOP("ViewLabels", "Amber"),
              m.Rag.GREEN: QT_TRANSLATE_NOOP("ViewLabels", "Green")}
STAGE_LABELS = {
    m.ProvisionStage.BILL_PROPOSED: QT_TRANSLATE_NOOP("ViewLabels", "Bill proposed"),
    m.ProvisionStage.IN_COMMITTEE: QT_TRANSLATE_NOOP("ViewLabels", "In committee"),
    m.ProvisionStage.PASSED: QT_TRANSLATE_NOOP("ViewLabels", "Passed"),
    m.ProvisionStage.IN_FORCE: QT_TRANSLATE_NOOP("ViewLabels", "In force"),
}


def rag_label(rag: m.Rag) -> str:
    """The RAG colour's name in the interface language."""
    return QCoreApplication.translate(LABELS_CONTEXT, RAG_LABELS[rag])


def stage_label(stage: m.ProvisionStage) -> str:
    """The provision stage's name in the interface language."""
    return QCoreApplication.translate(LABELS_CONTEXT, STAGE_LABELS[stage])


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class _Form(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.context = context
        self.form = QFormLayout(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

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
        super().__init__(context, parent)
        self.setWindowTitle(self.tr("Checklist item"))
        self.text = QLineEdit(item.text if item else "")
        self.due = QLineEdit(item.due.isoformat() if item and item.due else "")
        self.due.setPlaceholderText("YYYY-MM-DD")
        self.notes = QLineEdit(item.notes if item else "")
        self.form.addRow(self.tr("Item"), self.text)
        self.form.addRow(self.tr("Due"), self.due)
        self.form.addRow(self.tr("Notes"), self.notes)
        self.finish()

    def values(self) -> dict[str, Any]:
        """Raises DateParseError for a due text that is not a day."""
        due_text = self.due.text().strip()
        return {"text": self.text.text(), "due": parse_day(due_text) if due_text else None,
                "notes": self.notes.text()}


class SignoffDialog(_Form):
    """Approver (the officer's profile to start with), position, day and note of a sign-off."""

    def __init__(self, context: AppContext, task: m.Task, on: date,
                 parent: QWidget | None = None, officer: Any = None) -> None:
        super().__init__(context, parent)
        self.setWindowTitle(self.tr("Sign-off"))
        target = QLabel(f"{task.wbs} {task.name(context.lang)}")  # the whole name, wrapped
        target.setObjectName("signoffTarget")
        target.setWordWrap(True)
        target.setMinimumWidth(420)
        target.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form.addRow(self.tr("Milestone"), target)
        self.name = QLineEdit(getattr(officer, "name", ""))
        self.position = QLineEdit(getattr(officer, "position", ""))
        self.signed_on = self._date(on)
        self.note = QLineEdit()
        self.form.addRow(self.tr("Approver"), self.name)
        self.form.addRow(self.tr("Position"), self.position)
        self.form.addRow(self.tr("Date"), self.signed_on)
        self.form.addRow(self.tr("Note"), self.note)
        self.finish()

    def values(self) -> dict[str, Any]:
        return {"approver_name": self.name.text(), "approver_position": self.position.text(),
                "signed_on": pydate(self.signed_on.date()), "note": self.note.text()}


class StatusUpdateDialog(_Form):
    def __init__(self, context: AppContext, task: m.Task, on: date,
                 current: m.StatusUpdate | None = None, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setWindowTitle(self.tr("Status update"))
        self.form.addRow(self.tr("Task"), QLineEdit(
            f"{task.wbs} {task.name(context.lang)}", readOnly=True))
        self.report_date = self._date(on)
        self.rag = QComboBox()
        for rag in RAG_LABELS:
            self.rag.addItem(rag_label(rag), rag.value)
        if current is not None:
            self.rag.setCurrentIndex(self.rag.findData(current.rag.value))
        self.narrative = QPlainTextEdit(current.narrative if current else "")
        self.form.addRow(self.tr("Reporting date"), self.report_date)
        self.form.addRow(self.tr("RAG"), self.rag)
        self.form.addRow(self.tr("Narrative"), self.narrative)
        self.finish()

    def values(self) -> dict[str, Any]:
        return {"report_date": pydate(self.report_date.date()),
                "rag": m.Rag(self.rag.currentData()), "narrative": self.narrative.toPlainText()}


class StageDialog(_Form):
    """The new stage of a regulatory provision, its date (exact or imprecise) and a note."""

    def __init__(self, context: AppContext, provision: m.Provision,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setWindowTitle(self.tr("Stage change"))
        en = context.lang == "en" and provision.name_en
        name = provision.name_en if en else provision.name_ko
        self.form.addRow(self.tr("Provision"), QLineEdit(name, readOnly=True))
        self.stage = QComboBox()
        for stage in STAGE_LABELS:
            self.stage.addItem(stage_label(stage), stage.value)
        order = list(STAGE_LABELS)
        nxt = min(order.index(provision.stage) + 1, len(order) - 1)
        self.stage.setCurrentIndex(nxt)
        self.on = QLineEdit(date.today().isoformat())
        self.on.setPlaceholderText("2019-02-12 / 2019-02 / 2019-H1")
        self.note = QLineEdit()
        self.form.addRow(self.tr("Stage"), self.stage)
        self.form.addRow(self.tr("Date"), self.on)
        self.form.addRow(self.tr("Note"), self.note)
        self.finish()

    def values(self) -> dict[str, Any]:
        from ..domain.dates import parse_plan_date

        return {"stage": m.ProvisionStage(self.stage.currentData()),
                "on": parse_plan_date(self.on.text()), "note": self.note.text()}


__all__ = ["ItemDialog", "SignoffDialog", "StatusUpdateDialog", "StageDialog", "DateParseError",
           "RAG_LABELS", "STAGE_LABELS", "rag_label", "stage_label", "qdate", "pydate"]
