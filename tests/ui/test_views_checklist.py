"""The ministry checklist tab over a known data set: ticks, counts, gate, undo/redo, meetings."""

from __future__ import annotations

from datetime import date

import pytest
from known_data import known  # noqa: E402  (tests/ui is on sys.path)
from PySide6.QtCore import Qt

from smartcity_desktop.app import checklists as ed
from smartcity_desktop.domain import model as m
from smartcity_desktop.ui.checklist_view import SETTINGS_KEY, ChecklistView


@pytest.fixture
def env(checklist_env):
    return checklist_env()


def audit_count(store, table, row_id):
    return store.con.execute("SELECT count(*) FROM audit_log WHERE table_name = ? AND row_id = ?",
                             (table, str(row_id))).fetchone()[0]


def test_shows_ministry_items_with_counts(env):
    view, store, ids, _, _ = env
    assert view.ministry_code() == "MOLIT"
    assert view.as_of == known.STATUS_DATE
    # MOLIT owns 1.1, 1.2, 1.3, 1.6, 1.7 (summary 1 has no items); 1.4 belongs to MSIT
    assert set(view.task_counts) == {ids[w] for w in ("1.1", "1.2", "1.3", "1.6", "1.7")}
    c = view.task_counts[ids["1.2"]]
    assert (c.done, c.open, c.overdue) == (2, 1, 1)
    assert (view.total.done, view.total.open, view.total.overdue) == (2, 2, 1)
    overdue = next(i for i in store.checklist(ids["1.2"]) if not i.done)
    row = view._rows[("item", overdue.id)]
    assert row.text(2) == "기한경과" and row.foreground(0).color().name() == "#b71c1c"
    done = store.checklist(ids["1.2"])[0]
    assert view._rows[("item", done.id)].text(3) == "kim"
    assert "기한경과 1" in view.summary.text()


def test_ministry_remembered(env, tmp_path, qtbot):
    view, store, ids, context, _ = env
    view.set_ministry("MSIT")
    assert view.settings.value(SETTINGS_KEY) == "MSIT"
    assert set(view.task_counts) == {ids["1.4"], ids["1.5"]}
    again = ChecklistView(context, None, view.settings)
    qtbot.addWidget(again)
    assert again.ministry_code() == "MSIT"
    again.close()


def test_tick_by_checkbox_writes_db_audit_and_counts(env, qtbot):
    view, store, ids, context, _ = env
    item = next(i for i in store.checklist(ids["1.2"]) if not i.done)
    before = audit_count(store, "checklist_items", item.id)
    view._rows[("item", item.id)].setCheckState(0, Qt.CheckState.Checked)
    row = store.row(m.ChecklistItem, item.id)
    assert row["done"] == 1 and row["done_by"] == store.user and row["done_at"]
    assert audit_count(store, "checklist_items", item.id) == before + 1
    qtbot.waitUntil(lambda: view.total.done == 3)
    assert (view.total.open, view.total.overdue) == (1, 0)
    assert view._rows[("item", item.id)].text(3) == store.user
    context.undo_stack.undo()
    assert store.row(m.ChecklistItem, item.id)["done"] == 0
    qtbot.waitUntil(lambda: view.total.done == 2)
    context.undo_stack.redo()
    assert store.row(m.ChecklistItem, item.id)["done"] == 1
    qtbot.waitUntil(lambda: view.total.done == 3)


def test_hidden_tab_catches_up_when_shown(env, qtbot):
    view, store, ids, context, _ = env
    view.hide()
    item = next(i for i in store.checklist(ids["1.2"]) if not i.done)
    done_before = view.total.done
    context.edits.run("tick", lambda s: ed.tick_item(s, item.id))
    qtbot.wait(50)
    assert view.total.done == done_before  # nothing rebuilt while hidden
    view.show()
    qtbot.waitUntil(lambda: view.total.done == done_before + 1)


def test_signoff_gate_in_view(env, qtbot):
    view, store, ids, context, warnings = env
    ms = ids["1.2"]
    assert not view.sign_off(ms, "김철수", "도시경제과장", date(2019, 2, 1))
    assert "완료되지 않은 점검항목" in warnings[-1] and store.count(m.Signoff) == 0
    for item in store.checklist(ms):
        if not item.done:
            assert view.tick(item.id, True)
    assert not view.sign_off(ms, "", "도시경제과장", date(2019, 2, 1))
    assert "승인자 성명" in warnings[-1]
    assert view.sign_off(ms, "김철수", "도시경제과장", date(2019, 2, 1), "완료")
    assert store.get(m.Task, ms).is_done
    qtbot.waitUntil(lambda: "김철수" in view._rows[("task", ms)].text(5))
    assert not view.reopen(ms, "")
    assert "재개 사유" in warnings[-1]
    assert view.reopen(ms, "행사 연기")
    assert not store.get(m.Task, ms).is_done
    context.undo_stack.undo()  # the reopen: signed off again
    assert store.get(m.Task, ms).is_done
    assert store.all(m.Signoff)[0].revoked is False
    context.undo_stack.redo()
    assert not store.get(m.Task, ms).is_done and store.all(m.Signoff)[0].revoked


def test_undo_signoff(env):
    view, store, ids, context, _ = env
    ms = ids["1.2"]
    store.con.execute("UPDATE checklist_items SET done = 1 WHERE task_id = ?", (ms,))
    assert view.sign_off(ms, "김철수", "도시경제과장", date(2019, 2, 1))
    context.undo_stack.undo()
    assert store.count(m.Signoff) == 0 and not store.get(m.Task, ms).is_done
    context.undo_stack.redo()
    assert store.count(m.Signoff) == 1 and store.get(m.Task, ms).is_done


def test_add_edit_move_delete_undo(env, qtbot):
    view, store, ids, context, warnings = env
    ms = ids["1.6"]
    texts = lambda: [i.text for i in store.checklist(ms)]  # noqa: E731
    stack = context.undo_stack
    assert view.add_item(ms, "심사위원 위촉", date(2019, 2, 10))
    new = store.checklist(ms)[-1]
    assert new.text == "심사위원 위촉"
    qtbot.waitUntil(lambda: view.total.overdue == 2)
    stack.undo()
    assert texts() == ["공고문 작성"]
    qtbot.waitUntil(lambda: view.total.overdue == 1)
    stack.redo()
    assert texts() == ["공고문 작성", "심사위원 위촉"]
    assert view.edit_item(new.id, text="심사위원 위촉(5인)")
    stack.undo()
    assert texts() == ["공고문 작성", "심사위원 위촉"]
    stack.redo()
    assert view.move_item(new.id, -1)
    assert texts() == ["심사위원 위촉(5인)", "공고문 작성"]
    stack.undo()
    assert texts() == ["공고문 작성", "심사위원 위촉(5인)"]
    stack.redo()
    assert view.delete_item(new.id)
    assert texts() == ["공고문 작성"]
    stack.undo()
    assert texts() == ["심사위원 위촉(5인)", "공고문 작성"]
    stack.redo()
    assert texts() == ["공고문 작성"]
    count = stack.count()
    assert not view.add_item(ms, "   ")
    assert "text" in warnings[-1] and stack.count() == count


def test_generate_meetings_and_status(env, qtbot):
    view, store, ids, context, _ = env
    view.as_of = date(2019, 11, 1)
    assert view.generate_meetings(3) == 3
    dues = [i.due for i in store.checklist(ids["1.7"])]
    assert dues == [date(2019, 11, 30), date(2019, 12, 31), date(2020, 1, 31)]
    assert view.set_status(ids["1.3"], date(2019, 2, 15), m.Rag.RED, "장소 미정")
    qtbot.waitUntil(lambda: "장소 미정" in view._rows[("task", ids["1.3"])].text(6))
    context.undo_stack.undo()
    context.undo_stack.undo()
    assert store.checklist(ids["1.7"]) == []


def test_successive_undos_of_one_milestone(env):
    view, store, ids, context, _ = env
    ms = ids["1.2"]
    item = next(i for i in store.checklist(ms) if not i.done)
    assert view.tick(item.id, True)
    assert view.sign_off(ms, "김철수", "도시경제과장", date(2019, 2, 1))
    assert view.reopen(ms, "행사 연기")
    for _ in range(3):
        context.undo_stack.undo()
    assert store.count(m.Signoff) == 0 and not store.get(m.Task, ms).is_done
    assert store.row(m.ChecklistItem, item.id)["done"] == 0
    for _ in range(3):
        context.undo_stack.redo()
    assert not store.get(m.Task, ms).is_done and store.all(m.Signoff)[0].revoked
