"""The batched paths of bulk inserts give what the one-row paths give.

Audit hashes (the batch's common payload encoded once), the exchanged whole-row
values (columns and references found once per batch), and the transaction's
bounded id -> uid cache (evicted entries are asked of the database again).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from smartcity_desktop.domain import model as m
from smartcity_desktop.store import audit, changelog, open_store
from smartcity_desktop.store.audit import verify

AWKWARD = ['"quoted" \\ back', "줄\n바꿈\t탭", "\x00\x1f\x7f", "\u2028\u2029 😀", "", "{}[],:"]


@pytest.fixture()
def store(tmp_path: Path):
    s = open_store(tmp_path / "paths.db", seed=False)
    s.insert(m.Project(name_ko="시험 사업", name_en="test", start=date(2019, 1, 1)))
    yield s
    s.close()


def test_batched_audit_hashes_are_entry_hash(store) -> None:
    rows = [{"id": i, "name_ko": text, "n": i / 3, "none": None, "flag": True}
            for i, text in enumerate(AWKWARD, 1)]
    store.user = 'desk "officer" \\ 담당'
    store.last_audit_hash = "ab" * 32
    store.audit_buffer = []
    audit.record_inserts(store, "tasks", rows)
    prev = "ab" * 32
    for at, user, action, table, row_id, old, new, prev_hash, digest in store.audit_buffer:
        assert prev_hash == prev and json.loads(new)["id"] == int(row_id)
        assert digest == audit.entry_hash(prev, at, user, action, table, row_id, old, new)
        prev = digest
    assert store.last_audit_hash == prev
    store.audit_buffer, store.last_audit_hash = [], None


def _orgs_and_tasks(store) -> list[m.Task]:
    orgs = store.insert_many(m.Organisation(code=f"O{i}", name_ko=f"기관 {i}", name_en=f"O{i}")
                             for i in range(3))
    pid = store.project().id
    top = store.insert(m.Task(project_id=pid, wbs="1", name_ko="요약", kind=m.TaskKind.SUMMARY))
    return [m.Task(project_id=pid, wbs=f"1.{i}", name_ko=text, parent_id=top.id,
                   owner_org_id=orgs[i % 3] if i % 2 else None,
                   supporting_org_ids=list(orgs[:i % 4]))
            for i, text in enumerate(AWKWARD * 3)]


def test_batched_insert_values_are_shared_rows(store) -> None:
    with store.transaction():
        tasks = _orgs_and_tasks(store)
        ids = store.insert_many(tasks)
        rows = [store.row(m.Task, i) for i in ids]
        rows[2] = {k: v for k, v in rows[2].items() if k != "notes"}  # another shape
        rows[3] = dict(reversed(rows[3].items()))  # another order
        got = changelog._insert_values(store, "tasks", rows)
        assert got == [changelog.dumps(changelog.shared_row(store, "tasks", r)) for r in rows]
    stored = [json.loads(v) for (v,) in store.con.execute(
        "SELECT value FROM change_log WHERE table_name = 'tasks' ORDER BY id")][1:]
    for value, task_id in zip(stored, ids):
        assert value == changelog.shared_row(store, "tasks", store.row(m.Task, task_id))
    assert any(v["supporting_org_ids"] for v in stored) and any(v["owner_org_id"] for v in stored)


def test_the_uid_cache_is_bounded_and_right_after_eviction(store, monkeypatch) -> None:
    monkeypatch.setattr(changelog, "UID_CACHE_SIZE", 10)
    pid = store.project().id
    with store.transaction():
        parents = store.insert_many(m.Task(project_id=pid, wbs=str(i), name_ko=f"요약 {i}",
                                           kind=m.TaskKind.SUMMARY) for i in range(1, 40))
        assert len(changelog._cache(store)["uids"]) <= 10
        children = store.insert_many(m.Task(project_id=pid, wbs=f"{i}.1", name_ko="과업",
                                            parent_id=parents[i - 1]) for i in range(1, 40))
        assert len(changelog._cache(store)["uids"]) <= 10
    uids = dict(store.con.execute("SELECT id, uid FROM tasks"))
    values = dict(store.con.execute("SELECT row_uid, value FROM change_log"))
    for parent, child in zip(parents, children):
        assert json.loads(values[uids[child]])["parent_id"] == uids[parent]
        assert json.loads(values[uids[child]])["project_id"] == store.row(m.Project, pid)["uid"]
    assert verify(store).ok


def test_the_uid_cache_keeps_the_newest_entries(monkeypatch) -> None:
    monkeypatch.setattr(changelog, "UID_CACHE_SIZE", 4)
    uids: dict = {}
    changelog._remember(uids, ((("tasks", i), f"u{i}") for i in range(5)))
    assert list(uids) == [("tasks", 3), ("tasks", 4)]  # over the bound: the older part went
    changelog._remember(uids, ((("tasks", 9), "u9"),))
    assert uids[("tasks", 9)] == "u9" and len(uids) == 3


def test_listeners_get_every_write_in_order(store) -> None:
    from smartcity_desktop.store.bulk import PendingWrites

    seen: list = []
    store.listeners.append(lambda pending: seen.append((pending, list(pending))))
    pid = store.project().id
    with store.transaction():
        one = store.insert(m.Task(project_id=pid, wbs="0", name_ko="하나"))
        ids = store.insert_many(m.Task(project_id=pid, wbs=f"{i}", name_ko="과업")
                                for i in range(1, 4501))  # three batches: one run
        store.update(store.get(m.Task, one.id))
        more = store.insert_many([m.Note(topic="t", title_ko="메모", body_ko="")])
    pending, writes = seen[-1]
    expected = [("insert", "tasks", one.id), *(("insert", "tasks", i) for i in ids),
                ("update", "tasks", one.id), ("insert", "notes", more[0])]
    assert writes == expected and len(pending) == len(expected) and pending == expected
    assert isinstance(pending, PendingWrites) and len(pending._parts) == 4
    assert [pending[i] for i in (0, 1, 4500, 4501, -1)] == [expected[i] for i in (0, 1, 4500,
                                                                                  4501, -1)]
    assert pending[1:3] == expected[1:3]
    with pytest.raises(IndexError):
        pending[len(expected)]


def test_pending_writes_of_other_ids_and_a_rollback(store) -> None:
    from smartcity_desktop.store.bulk import PendingWrites

    pending = PendingWrites()
    pending.add_inserts("settings", ["a", "b"])  # not integers: one write each
    pending.add_inserts("tasks", [])
    pending.add_inserts("tasks", [1 << 70])  # too big for the array
    assert list(pending) == [("insert", "settings", "a"), ("insert", "settings", "b"),
                             ("insert", "tasks", 1 << 70)]
    pending.clear()
    assert len(pending) == 0 and list(pending) == [] and pending == []
    with pytest.raises(RuntimeError), store.transaction():
        store.insert_many(m.Note(topic="t", title_ko="메모", body_ko="") for _ in range(3))
        raise RuntimeError
    assert len(store._pending) == 0


def test_batched_uids_are_uuid4_text(monkeypatch) -> None:
    import os
    import uuid

    from smartcity_desktop.store import uids

    made = uids.new_uids(5000)
    assert len(set(made)) == 5000 and uids.new_uids(0) == []
    for text in made:
        parsed = uuid.UUID(text)
        assert str(parsed) == text and parsed.version == 4 and parsed.variant == uuid.RFC_4122
    noise = os.urandom(16 * 3)
    monkeypatch.setattr(uids.os, "urandom", lambda n: noise[:n])
    assert uids.new_uids(3) == [str(uuid.UUID(bytes=noise[i:i + 16], version=4))
                                for i in (0, 16, 32)]


def test_only_new_tasks_that_follow_their_checklist_wait_for_settling(store) -> None:
    pid = store.project().id
    with store.transaction():
        plain = store.insert_many(m.Task(project_id=pid, wbs=f"{i}", name_ko="과업")
                                  for i in range(1, 2001))
        assert changelog._derived.get(store) is None  # no set of 2,000 ids held
        follows = store.insert_many([m.Task(project_id=pid, wbs="F", name_ko="점검",
                                            percent_from_checklist=True)])
        assert changelog._derived[store][0] == set(follows)
        store.insert_many([m.ChecklistItem(follows[0], "하나", done=True),
                           m.ChecklistItem(follows[0], "둘")])
        store.update(store.get(m.Task, plain[0]))
    assert store.get(m.Task, follows[0]).percent_complete == 50.0  # settled at the commit
    assert changelog._derived.get(store) is None
