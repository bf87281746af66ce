"""Editors for the declared task fields (domain/task_fields) in the task dialog.

One row per declared field, built from its declaration: a check box for a
yes/no field, a line edit for text, numbers and days (parsed by the field's own
codec, so the dialog refuses exactly what the table, the CLI and the importers
refuse). :meth:`DeclaredEditors.values` returns ``{attribute: value}`` for
``dataclasses.replace`` on the task.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLineEdit, QWidget

from ..domain import model as m
from ..domain import task_fields as tf


class DeclaredEditors(QObject):
    """The editors of every declared dialog field for one task."""

    changed = Signal()

    def __init__(self, task: m.Task, lang: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.widgets: dict[str, QWidget] = {}
        for field in tf.dialog_fields():
            self.widgets[field.attr] = self._editor(field, getattr(task, field.attr))

    def _editor(self, field: tf.TaskField, value: Any) -> QWidget:
        if field.kind is tf.FieldKind.FLAG:
            box = QCheckBox(field.label(self.lang))
            box.setChecked(bool(value))
            box.toggled.connect(self.changed)
            return box
        edit = QLineEdit(field.display(value, self.lang))
        edit.setObjectName(f"field_{field.attr}")
        if field.kind is tf.FieldKind.DAY:
            edit.setPlaceholderText("YYYY-MM-DD")
        if field.kind is tf.FieldKind.TEXT:
            edit.setMaxLength(field.limit)
        edit.textChanged.connect(self.changed)
        return edit

    def add_rows(self, form: QFormLayout) -> None:
        for field in tf.dialog_fields():
            widget = self.widgets[field.attr]
            label = "" if isinstance(widget, QCheckBox) else field.label(self.lang)
            form.addRow(label, widget)

    def values(self) -> dict[str, Any]:
        """The fields as typed; raises ValidationError naming the field."""
        out: dict[str, Any] = {}
        for field in tf.dialog_fields():
            widget = self.widgets[field.attr]
            raw = widget.isChecked() if isinstance(widget, QCheckBox) else widget.text()
            out[field.attr] = field.parse(raw)
        return out
