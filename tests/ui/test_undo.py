"""Every kind of edit is one undo step: undo restores the exact database state, redo reapplies."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from smartcity_desktop.app import task_edits as commands
from smartcity_desktop.domain import model as m
from smartcity_desktop.ui.task_dialog import TaskDialog


def _some_task(store):
    # work not started yet: a finished task stays where its actual dates put it
    return next(t for t in store.tasks() if t.kind is m.TaskKind.TASK and t.parent_id
                and t.actual_start is None and t.actual_finish is None)


def _edits(store):
    """(label, edit function factory) for each kind of edit the window makes."""
    task = _some_task(store)
    dep = store.dependencies()[0]
    cal_start = store.project().start
    late = next(t for t in reversed(store.tasks()) if t.kind is m.TaskKind.TASK)
    return [
        ("field", lambda: commands.update_task(task.id, name_ko="바뀐 이름", percent_complete=30)),
        ("move", lambda: commands.move_task(task.id, date(2019, 3, 4))),
        ("resize", lambda: commands.resize_task(task.id, date(2019, 6, 28), date(2019, 3, 4),
                                                lambda a, b: (b - a).days)),
        ("add", lambda: commands.add_task(after_id=task.id, name_ko="추가 작업")),
        ("delete", lambda: commands.delete_task(task.parent_id)),
        ("link", lambda: commands.add_dependency(task.id, late.id, m.DependencyType.SS, 2)),
        ("relink", lambda: commands.change_dependency(dep.id, m.DependencyType.SS, 3)),
        ("unlink", lambda: commands.remove_dependency(dep.id)),
        ("status date", lambda: commands.set_status_date(date(2019, 6, 30))),
        ("holiday", lambda: commands.set_calendar_exception(cal_start + timedelta(days=40),
                                                            False, "임시공휴일")),
        ("baseline", lambda: commands.save_baseline(
            "기준1", [(task.id, date(2019, 1, 2), date(2019, 2, 1), 20)], "2019-01-01T00:00:00")),
    ]


@pytest.mark.parametrize("kind", [
    "field", "move", "resize", "add", "delete", "link", "relink", "unlink", "status date",
    "holiday", "baseline"])
def test_undo_redo_round_trip(context, snapshot, kind):
    store = context.store
    factory = dict(_edits(store))[kind]
    before = snapshot(store)
    context.edits.run(kind, factory())
    after = snapshot(store)
    assert after != before
    assert context.undo_stack.count() == 1
    context.undo_stack.undo()
    assert _strip_versions(snapshot(store)) == _strip_versions(before)
    context.undo_stack.redo()
    assert _strip_versions(snapshot(store)) == _strip_versions(after)
    context.undo_stack.undo()
    assert _strip_versions(snapshot(store)) == _strip_versions(before)


def _strip_versions(snap):
    """Undo writes a newer row version (so concurrent editors notice); compare the content."""
    out = {}
    for table, rows in snap.items():
        cols = [r[1] for r in _COLUMNS.get(table, [])]
        if "version" in cols:
            i = cols.index("version")
            rows = sorted((r[:i] + r[i + 1:] for r in rows), key=repr)
        out[table] = rows
    return out


_COLUMNS: dict[str, list] = {}


@pytest.fixture(autouse=True)
def _columns(context):
    for (table,) in context.store.con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        _COLUMNS[table] = context.store.con.execute(f"PRAGMA table_info([{table}])").fetchall()


def test_window_and_model_follow_undo(window):
    store, stack = window.context.store, window.context.undo_stack
    task = _some_task(store)
    window.gantt_link.move_task(task.id, date(2019, 9, 2))
    moved = window.model.scheduled(task.id).start
    assert moved >= date(2019, 9, 2)
    stack.undo()
    assert window.model.scheduled(task.id).start != moved
    assert [r.task_id for r in window.gantt.rows()] == \
        [tid for tid, _ in window.gantt_link.visible_task_ids()]
    stack.redo()
    assert window.model.scheduled(task.id).start == moved


def test_task_dialog_is_one_undo_step(qtbot, context, snapshot):
    store = context.store
    task = _some_task(store)
    before = snapshot(store)
    dialog = TaskDialog(context, task.id)
    qtbot.addWidget(dialog)
    dialog.name_en.setText("Changed in the dialog")
    dialog.notes.setPlainText("메모 변경")
    dialog._add_check_row("새 점검 항목", date(2019, 5, 1), True)
    dialog.new_status.setChecked(True)
    dialog.status_text.setPlainText("일정 점검 중")
    dialog.status_rag.setCurrentIndex(dialog.status_rag.findData(m.Rag.AMBER))
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    saved = store.get(m.Task, task.id)
    assert saved.name_en == "Changed in the dialog" and saved.notes == "메모 변경"
    assert any(i.text == "새 점검 항목" and i.done for i in store.checklist(task.id))
    assert store.count(m.StatusUpdate, "task_id = ? AND narrative = ?", (task.id, "일정 점검 중"))
    assert context.undo_stack.count() == 1
    context.undo_stack.undo()
    assert _strip_versions(snapshot(store)) == _strip_versions(before)


def test_task_dialog_shows_problems_in_place(qtbot, context, snapshot):
    store = context.store
    task = _some_task(store)
    before = snapshot(store)
    dialog = TaskDialog(context, task.id)
    qtbot.addWidget(dialog)
    dialog.finish.setText("2010-01-01")
    assert "finish" in dialog.message.text()
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.finish.setText("")
    dialog.wbs.setText(next(t.wbs for t in store.tasks() if t.id != task.id))
    assert "WBS" in dialog.message.text() or "wbs" in dialog.message.text()
    dialog.wbs.setText(task.wbs)
    assert dialog.message.text() == ""
    # a predecessor that closes a loop is refused when saving; the dialog stays open
    succ = next((d.successor_id for d in store.dependencies() if d.predecessor_id == task.id),
                None)
    if succ is not None:
        dialog._add_pred_row(succ, "FS", 0)
        dialog.accept()
        assert dialog.result() != dialog.DialogCode.Accepted
        assert dialog.message.text()
    assert snapshot(store) == before
