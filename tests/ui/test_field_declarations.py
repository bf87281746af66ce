"""The declared task fields (domain/task_fields) in the window: a table column, a dialog
editor, each edit one undoable step, bad input refused in the user's language."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLineEdit

from smartcity_desktop.domain import model as m
from smartcity_desktop.domain import task_fields as tf
from smartcity_desktop.ui.task_dialog import TaskDialog
from smartcity_desktop.ui.task_model import FIRST_DECLARED, TaskTreeModel

SAMPLES = {tf.FieldKind.TEXT: "김담당 주무관", tf.FieldKind.INTEGER: 7, tf.FieldKind.NUMBER: 2.5,
           tf.FieldKind.FLAG: True, tf.FieldKind.DAY: date(2019, 3, 4)}
TABLE = pytest.mark.parametrize("field", tf.table_fields(), ids=lambda f: f.attr)
DIALOG = pytest.mark.parametrize("field", tf.dialog_fields(), ids=lambda f: f.attr)


def _task(context) -> m.Task:
    return next(t for t in context.plan.ordered_tasks() if t.kind is m.TaskKind.TASK)


@TABLE
def test_table_column_edits_and_undoes(qtbot, context, field):
    model = TaskTreeModel(context)
    col = FIRST_DECLARED + tf.table_fields().index(field)
    assert model.headerData(col, Qt.Orientation.Horizontal) == field.ko
    task = _task(context)
    index = model.index_of(task.id, col)
    assert model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(index, field.display(SAMPLES[field.kind]))
    assert getattr(context.store.get(m.Task, task.id), field.attr) == SAMPLES[field.kind]
    assert model.data(index) == field.display(SAMPLES[field.kind])
    context.undo_stack.undo()
    assert getattr(context.store.get(m.Task, task.id), field.attr) == field.default
    assert model.data(index) == field.display(field.default)


@TABLE
def test_table_refuses_bad_text_in_korean(qtbot, context, field, messages):
    if field.kind is not tf.FieldKind.TEXT:
        pytest.skip("the overlong-text case is for text fields")
    model = TaskTreeModel(context)
    task = _task(context)
    index = model.index_of(task.id, FIRST_DECLARED + tf.table_fields().index(field))
    assert not model.setData(index, "가" * (field.limit + 1))
    assert getattr(context.store.get(m.Task, task.id), field.attr) == field.default
    assert messages and field.ko in messages[-1][2] and "자를 넘습니다" in messages[-1][2]


@DIALOG
def test_dialog_editor_saves_the_field(qtbot, context, field):
    task = _task(context)
    dialog = TaskDialog(context, task.id)
    qtbot.addWidget(dialog)
    widget = dialog.declared.widgets[field.attr]
    if isinstance(widget, QCheckBox):
        widget.setChecked(bool(SAMPLES[field.kind]))
    else:
        assert isinstance(widget, QLineEdit)
        widget.setText(field.display(SAMPLES[field.kind]))
    assert dialog.changed_fields() == {field.attr: SAMPLES[field.kind]}
    dialog.accept()
    assert getattr(context.store.get(m.Task, task.id), field.attr) == SAMPLES[field.kind]
    context.undo_stack.undo()
    assert getattr(context.store.get(m.Task, task.id), field.attr) == field.default


def test_multidata_answers_as_data_does(qtbot, context):
    """The delegates read cells through multiData; it must agree with data() role by role."""
    from PySide6.QtCore import QModelRoleData, QModelRoleDataSpan

    from smartcity_desktop.ui import task_model as tm

    model = TaskTreeModel(context)
    roles = sorted(tm._ROLES) + [int(Qt.ItemDataRole.DecorationRole)]
    tasks = context.plan.ordered_tasks()[:40]
    for task in tasks:
        for col in range(model.columnCount()):
            index = model.index_of(task.id, col)
            for role in roles:
                cell = QModelRoleData(role)
                model.multiData(index, QModelRoleDataSpan(cell))
                assert cell.data() == model.data(index, role), (task.wbs, col, role)

