"""The task table and dialog cannot bypass the sign-off gate of a gated milestone."""

from __future__ import annotations

from datetime import date

from smartcity_desktop.app import checklists as ed
from smartcity_desktop.app import task_edits as commands
from smartcity_desktop.domain import model as m
from smartcity_desktop.ui.edits import perform


def _gated(store) -> m.Task:
    return next(t for t in store.tasks() if t.needs_signoff and store.checklist(t.id))


def test_percent_100_on_a_gated_milestone_is_refused(context, messages, snapshot):
    store = context.store
    task = _gated(store)
    before = snapshot(store)
    result = perform(None, context, "완료 처리",
                              commands.update_task(task.id, percent_complete=100.0))
    assert result is None
    assert messages and "결재" in messages[-1][2]
    assert snapshot(store) == before
    assert context.undo_stack.count() == 0


def test_accepted_after_items_done_and_signed(context, messages):
    store = context.store
    task = _gated(store)
    for item in store.checklist(task.id):
        ed.tick_item(store, item.id)
    ed.sign_off(store, task.id, "홍길동", "도시경제과장", date(2019, 2, 15))
    assert store.get(m.Task, task.id).is_done
    # un-doing the done state from the table is refused: reopening needs a reason
    result = perform(None, context, "재개",
                              commands.update_task(task.id, percent_complete=50.0,
                                                   actual_finish=None))
    assert result is None and "재개" in messages[-1][2]  # Korean interface: "reopen"
    assert store.get(m.Task, task.id).is_done
