"""Stale edits are conflicts, never silent overwrites; undo never deletes others' rows.

The "other desk" is a second process (or a second connection) writing to the
same database file while the window has the task open.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

from smartcity_desktop.app import task_edits
from smartcity_desktop.domain import model as m
from smartcity_desktop.store import open_store
from smartcity_desktop.store.errors import StoreError
from smartcity_desktop.ui import edits as ui_edits
from smartcity_desktop.ui.edits import perform
from smartcity_desktop.ui.task_dialog import TaskDialog

OTHER_PROCESS = textwrap.dedent("""
    import sys
    from smartcity_desktop.domain import model as m
    from smartcity_desktop.store import open_store
    store = open_store(sys.argv[1], keep_backups=0)
    task = store.get(m.Task, int(sys.argv[2]))
    setattr(task, sys.argv[3], type(getattr(task, sys.argv[3]))(sys.argv[4]))
    store.update(task)
    store.close()
""")


def _other_process_sets(db_path, task_id: int, field: str, value: str) -> None:
    subprocess.run([sys.executable, "-c", OTHER_PROCESS, str(db_path), str(task_id), field, value],
                   check=True, timeout=60)


def _plain_task(context) -> m.Task:
    return next(t for t in context.plan.ordered_tasks() if t.kind is m.TaskKind.TASK)


def test_dialog_without_changes_writes_nothing(qtbot, context) -> None:
    task = _plain_task(context)
    dialog = TaskDialog(context, task.id)
    qtbot.addWidget(dialog)
    assert dialog.changed_fields() == {}
    before = context.store.audit_head()
    dialog.accept()
    assert context.store.audit_head() == before


def test_same_field_changed_by_another_process_is_a_conflict(qtbot, context, db_path,
                                                             monkeypatch) -> None:
    task = _plain_task(context)
    dialog = TaskDialog(context, task.id)
    qtbot.addWidget(dialog)
    dialog.percent.setValue(40)
    _other_process_sets(db_path, task.id, "percent_complete", "70")
    monkeypatch.setattr("smartcity_desktop.ui.task_dialog.ask_overwrite", lambda *a: False)
    dialog.accept()
    assert dialog.result() == 0  # still open: the officer decides
    text = dialog.message.text()
    assert "70" in text and "40" in text  # both values are shown
    assert context.store.get(m.Task, task.id).percent_complete == 70  # theirs kept


def test_overwrite_after_a_conflict_writes_mine(qtbot, context, db_path, monkeypatch) -> None:
    task = _plain_task(context)
    dialog = TaskDialog(context, task.id)
    qtbot.addWidget(dialog)
    dialog.percent.setValue(40)
    _other_process_sets(db_path, task.id, "percent_complete", "70")
    monkeypatch.setattr("smartcity_desktop.ui.task_dialog.ask_overwrite", lambda *a: True)
    dialog.accept()
    assert context.store.get(m.Task, task.id).percent_complete == 40


def test_other_fields_changed_meanwhile_survive(qtbot, context, db_path) -> None:
    task = _plain_task(context)
    dialog = TaskDialog(context, task.id)
    qtbot.addWidget(dialog)
    dialog.percent.setValue(40)
    _other_process_sets(db_path, task.id, "notes", "다른 부처가 적은 메모")
    dialog.accept()
    stored = context.store.get(m.Task, task.id)
    assert stored.percent_complete == 40 and stored.notes == "다른 부처가 적은 메모"


def test_window_picks_up_another_process_edit(context, db_path) -> None:
    task = _plain_task(context)
    _other_process_sets(db_path, task.id, "percent_complete", "55")
    seen = []
    context.planChanged.connect(seen.append)
    context.refresh()
    assert context.plan.tasks[task.id].percent_complete == 55
    assert seen and task.id in seen[-1].task_ids


def test_undo_of_insert_with_foreign_children_is_refused(context, db_path, messages) -> None:
    parent = _plain_task(context)
    new = perform(None, context, "추가", task_edits.add_task(after_id=parent.id))
    other = open_store(db_path, keep_backups=0)
    try:
        other.insert(m.ChecklistItem(task_id=new.id, text="다른 사람이 추가한 항목"))
    finally:
        other.close()
    depth = context.undo_stack.count()
    context.undo_stack.undo()
    assert messages and "1" in messages[-1][2]
    assert context.undo_stack.count() == depth - 1  # it can no longer be undone
    assert context.store.count(m.ChecklistItem, "task_id = ?", (new.id,)) == 1
    assert context.store.get(m.Task, new.id).id == new.id


def test_locked_database_is_a_message_not_a_crash(context, db_path, messages) -> None:
    import sqlite3

    context.store.con.execute("PRAGMA busy_timeout = 50")
    blocker = sqlite3.connect(db_path)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        task = _plain_task(context)
        result = perform(None, context, "진척", task_edits.update_task(task.id,
                                                                     percent_complete=12.0))
    finally:
        blocker.rollback()
        blocker.close()
    assert result is None
    assert messages and "다른 프로그램" in messages[-1][2]
    assert isinstance(StoreError("store.locked").text("en"), str)
    assert "another program" in StoreError("store.locked").text("en")


def test_show_refusal_is_the_one_handler(monkeypatch, context) -> None:
    shown = []
    monkeypatch.setattr(ui_edits, "show_refusal", lambda parent, exc: shown.append(exc.text()))
    task = _plain_task(context)
    perform(None, context, "x", task_edits.update_task(task.id, percent_complete=150.0))
    assert shown and "150" in shown[0]


def test_drag_snaps_to_a_working_day_and_says_it_pins_the_start(window) -> None:
    from datetime import date

    plan = window.context.plan
    task = next(t for t in plan.ordered_tasks()
                if t.kind is m.TaskKind.TASK and t.actual_start is None)
    saturday = date(2019, 6, 8)
    window.gantt_link.move_task(task.id, saturday)
    stored = window.context.store.get(m.Task, task.id)
    assert stored.start.earliest() == date(2019, 6, 10)  # the Monday after
    assert stored.constraint_type is m.ConstraintType.START_NO_EARLIER
    assert "2019-06-10" in window.statusBar().currentMessage()
    assert "제한" in window.statusBar().currentMessage()


def test_hover_tip_counts_working_days(window) -> None:
    from smartcity_desktop.ui.gantt import interaction as ia

    window.gantt_link.refresh_now()
    lay = window.gantt.layout_state
    plan = window.context.plan
    row = next(i for i, r in enumerate(lay.table.rows) if r.kind == "task"
               and plan.scheduled[r.task_id].duration)
    tid = lay.table.rows[row].task_id
    text = ia.tooltip_text(lay, row, "ko")
    assert f"근무일 {plan.scheduled[tid].duration}일" in text


def test_dialog_warns_when_a_constraint_overrides_the_typed_start(qtbot, context) -> None:
    from datetime import date

    from smartcity_desktop.domain.dates import PlanDate

    task = next(t for t in context.plan.ordered_tasks() if t.kind is m.TaskKind.TASK
                and t.actual_start is None
                and (t.finish is None or t.finish.earliest() > date(2019, 7, 1)))
    dialog = TaskDialog(context, task.id)
    qtbot.addWidget(dialog)
    dialog.constraint.setCurrentIndex(dialog.constraint.findData(
        m.ConstraintType.START_NO_EARLIER))
    dialog.constraint_date.set_value(date(2019, 6, 3))
    dialog.start.set_value(PlanDate.exact(date(2019, 5, 1)))
    assert dialog.validate()  # a warning, not a refusal: OK stays enabled
    assert "2019-06-03" in dialog.message.text() and "가능한 빨리" in dialog.message.text()
    dialog.constraint.setCurrentIndex(dialog.constraint.findData(m.ConstraintType.NONE))
    dialog.validate()
    assert dialog.message.text() == ""
