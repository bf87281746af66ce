"""Versioned, audited writes; atomic transactions; undoable change sets."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from smartcity_desktop.domain import model as m
from smartcity_desktop.domain.dates import parse_plan_date
from smartcity_desktop.store import ConflictError, IntegrityViolation, NotFoundError, open_store
from smartcity_desktop.store.audit import history, verify
from smartcity_desktop.store.changes import record_changes


@pytest.fixture()
def store(tmp_path: Path):
    s = open_store(tmp_path / "repo.db", seed=False)
    s.insert(m.Project(name_ko="시험 사업", name_en="test", start=date(2019, 1, 1)))
    yield s
    s.close()


def add_task(store, wbs: str, **kw) -> m.Task:
    return store.insert(m.Task(project_id=store.project().id, wbs=wbs, name_ko=f"과업 {wbs}", **kw))


def test_roundtrip_keeps_imprecise_dates(store) -> None:
    t = add_task(store, "1", start=parse_plan_date("2019-01-E"), finish=parse_plan_date("2019-H1"))
    got = store.get(m.Task, t.id)
    assert got.start.label() == "2019년 1월 초"
    assert got.finish.label() == "2019년 상반기"
    assert got == t


def test_stale_update_is_refused(tmp_path: Path, store) -> None:
    t = add_task(store, "1")
    other = open_store(store.path, keep_backups=0)
    mine = store.get(m.Task, t.id)
    theirs = other.get(m.Task, t.id)
    theirs.name_ko = "다른 사람의 수정"
    other.update(theirs)
    mine.name_ko = "나의 수정"
    with pytest.raises(ConflictError, match="changed by someone else"):
        store.update(mine)
    assert store.get(m.Task, t.id).name_ko == "다른 사람의 수정"
    other.close()


def test_stale_delete_is_refused(store) -> None:
    t = add_task(store, "1")
    store.update(store.get(m.Task, t.id))
    with pytest.raises(ConflictError):
        store.delete(t)
    assert store.count(m.Task) == 1


def test_transaction_is_all_or_nothing(store) -> None:
    with pytest.raises(RuntimeError):
        with store.transaction():
            add_task(store, "1")
            add_task(store, "2")
            raise RuntimeError("boom")
    assert store.count(m.Task) == 0
    assert store.count_table("audit_log") == 1  # only the project insert


def test_constraint_violation_rolls_back_whole_edit(store) -> None:
    add_task(store, "1")
    with pytest.raises(IntegrityViolation, match="duplicate WBS"):
        with store.transaction():
            add_task(store, "2")
            add_task(store, "1")  # duplicate WBS
    assert [t.wbs for t in store.tasks()] == ["1"]


def test_every_write_is_audited(store) -> None:
    t = add_task(store, "1")
    t.percent_complete = 50
    t = store.update(t)
    store.delete(t)
    entries = history(store, "tasks", t.id)
    assert [e["action"] for e in entries] == ["delete", "update", "insert"]
    assert json.loads(entries[1]["old"])["percent_complete"] == 0
    assert json.loads(entries[1]["new"])["percent_complete"] == 50
    assert entries[0]["new"] is None
    assert all(e["user"] for e in entries)
    assert verify(store).ok


def test_audit_chain_detects_edited_entry(store) -> None:
    for i in range(5):
        add_task(store, str(i))
    assert verify(store).ok
    store.con.execute("UPDATE audit_log SET new = replace(new, '과업 2', '과업 X') WHERE id = 4")
    result = verify(store)
    assert not result.ok and result.broken_at == 4
    assert "hash" in result.reason.text("en")


def test_audit_chain_detects_deleted_entry(store) -> None:
    for i in range(5):
        add_task(store, str(i))
    store.con.execute("DELETE FROM audit_log WHERE id = 3")
    result = verify(store)
    assert result.broken_at == 4


def test_changeset_undo_redo_restores_exact_rows(store) -> None:
    parent = add_task(store, "1", kind=m.TaskKind.SUMMARY)
    a = add_task(store, "1.1", parent_id=parent.id)
    b = add_task(store, "1.2", parent_id=parent.id)
    store.insert(m.Dependency(predecessor_id=a.id, successor_id=b.id, lag_days=-2))
    store.insert(m.ChecklistItem(task_id=a.id, text="사무국 인력 배치"))
    snapshot = {t: list(store.db[t].rows) for t in ("tasks", "dependencies", "checklist_items")}
    _, changes = record_changes(store, lambda s: s.delete(s.get(m.Task, parent.id)))
    assert store.count(m.Task) == 0 and store.count(m.Dependency) == 0
    changes.undo(store)
    after_undo = {t: list(store.db[t].rows) for t in snapshot}
    for table, rows in snapshot.items():
        strip = [{k: v for k, v in r.items() if k != "version"} for r in rows]
        assert [{k: v for k, v in r.items() if k != "version"} for r in after_undo[table]] == strip
    changes.redo(store)
    assert store.count(m.Task) == 0
    changes.undo(store)
    assert store.count(m.Task) == 3
    assert verify(store).ok


def test_undo_refuses_when_the_same_field_changed_elsewhere(store) -> None:
    t = add_task(store, "1")

    def rename(s):
        task = s.get(m.Task, t.id)
        task.name_ko = "새 이름"
        s.update(task)

    _, changes = record_changes(store, rename)
    other = store.get(m.Task, t.id)
    other.name_ko = "다른 사람의 이름"
    store.update(other)  # someone else's later edit of the same field
    with pytest.raises(ConflictError):
        changes.undo(store)
    assert store.get(m.Task, t.id).name_ko == "다른 사람의 이름"


def test_undo_keeps_other_fields_changed_elsewhere(store) -> None:
    t = add_task(store, "1")
    before = store.get(m.Task, t.id).name_ko

    def rename(s):
        task = s.get(m.Task, t.id)
        task.name_ko = "새 이름"
        s.update(task)

    _, changes = record_changes(store, rename)
    other = store.get(m.Task, t.id)
    other.percent_complete = 30
    store.update(other)  # someone else's later edit of another field
    changes.undo(store)
    after = store.get(m.Task, t.id)
    assert (after.name_ko, after.percent_complete) == (before, 30)
    changes.redo(store)
    assert store.get(m.Task, t.id).name_ko == "새 이름"
    assert verify(store).ok


def test_undo_of_insert_refused_when_rows_were_added_under_it(store) -> None:
    parent = add_task(store, "1")
    _, changes = record_changes(store, lambda s: s.insert(m.Task(
        project_id=parent.project_id, wbs="1.1", name_ko="하위", kind=m.TaskKind.TASK,
        parent_id=parent.id)))
    child = store.all(m.Task, "wbs = ?", ("1.1",))[0]
    store.insert(m.ChecklistItem(task_id=child.id, text="다른 사람이 추가한 항목"))
    with pytest.raises(ConflictError) as refused:
        changes.undo(store)
    assert "1" in str(refused.value)
    assert store.count(m.ChecklistItem, "task_id = ?", (child.id,)) == 1


def test_get_missing_row(store) -> None:
    with pytest.raises(NotFoundError):
        store.get(m.Task, 999)


def test_settings(store) -> None:
    assert store.setting("x", "기본") == "기본"
    store.set_setting("x", "1")
    store.set_setting("x", "2")
    assert store.setting("x") == "2"
    assert verify(store).ok
