"""Outline edits over a seeded database: indent, outdent, move, drop, sub-task, delete.

Each edit changes only what it should, refuses nonsense with nothing written, and undoes
exactly (as the window's undo stack replays it: kept codes in one step, renumbered codes
in the two stages of :meth:`OutlineEdit.stages`).
"""

from __future__ import annotations

import dataclasses
import shutil

import pytest

from smartcity_desktop.app import outline as o
from smartcity_desktop.domain import model as m
from smartcity_desktop.store import open_store
from smartcity_desktop.store.changes import record_changes


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    path = tmp_path_factory.mktemp("outline") / "seed.db"
    open_store(path, keep_backups=0).close()
    return path


@pytest.fixture
def store(tmp_path, template):
    path = tmp_path / "plan.db"
    shutil.copyfile(template, path)
    s = open_store(path, keep_backups=0)
    yield s
    s.close()


def rows(store):
    return sorted(store.con.execute(
        "SELECT id, wbs, parent_id, kind, sort_order, duration_days FROM tasks").fetchall())


def by_wbs(store):
    return {t.wbs: t for t in store.tasks()}


def run(store, edit):
    """Apply as the window does; returns an undo function that replays in the same way."""
    if isinstance(edit, o.OutlineEdit) and edit.renumber:
        park, finish = edit.stages()
        _, first = record_changes(store, park)
        result, second = record_changes(store, finish)

        def undo():
            second.undo(store)
            first.undo(store)
        return result, undo
    result, changes = record_changes(store, edit)
    return result, lambda: changes.undo(store)


def children(store, wbs):
    t = by_wbs(store)
    return [x.wbs for x in sorted(store.tasks(), key=lambda x: x.sort_order)
            if x.parent_id == t[wbs].id]


@pytest.mark.parametrize("renumber", [True, False])
def test_indent_makes_the_task_above_a_summary_and_undoes(store, renumber):
    before = rows(store)
    t = by_wbs(store)
    _, undo = run(store, o.indent([t["1.4"].id], renumber=renumber))
    after = {x.id: x for x in store.tasks()}
    assert after[t["1.4"].id].parent_id == t["1.3"].id
    assert after[t["1.3"].id].kind is m.TaskKind.SUMMARY
    if renumber:
        assert after[t["1.4"].id].wbs == "1.3.1"
        assert after[t["1.5"].id].wbs == "1.4" and after[t["1.5.1"].id].wbs == "1.4.1"
    else:
        assert after[t["1.4"].id].wbs == "1.4"
    undo()
    assert rows(store) == before


def test_outdent_keeps_the_row_in_place_and_adopts_the_siblings_below(store):
    before = rows(store)
    t = by_wbs(store)
    _, undo = run(store, o.outdent([t["1.5.2"].id]))
    after = {x.id: x for x in store.tasks()}
    moved = after[t["1.5.2"].id]
    assert moved.parent_id == t["1"].id and moved.wbs == "1.6"
    assert moved.kind is m.TaskKind.SUMMARY
    assert {after[t[w].id].parent_id for w in ("1.5.3", "1.5.4", "1.5.5")} == {moved.id}
    order = [x.id for x in sorted(store.tasks(), key=lambda x: x.sort_order)]
    assert order.index(moved.id) == order.index(t["1.5.1"].id) + 1  # same row as before
    undo()
    assert rows(store) == before


def test_move_up_and_down_swap_codes_and_undo(store):
    before = rows(store)
    t = by_wbs(store)
    _, undo = run(store, o.move([t["2.2"].id], -1))
    after = {x.id: x for x in store.tasks()}
    assert after[t["2.2"].id].wbs == "2.1" and after[t["2.1"].id].wbs == "2.2"
    assert after[t["2.2.1"].id].wbs == "2.1.1"  # the sub-tasks travel along
    undo()
    assert rows(store) == before
    _, undo = run(store, o.move([t["2.1"].id], +1, renumber=False))
    assert children(store, "2")[:2] == ["2.2", "2.1"]
    undo()
    assert rows(store) == before


def test_drop_reparents_several_rows_in_order(store):
    before = rows(store)
    t = by_wbs(store)
    _, undo = run(store, o.place([t["1.6"].id, t["1.7"].id], t["2.1"].id, o.CHILD))
    after = {x.id: x for x in store.tasks()}
    assert after[t["1.6"].id].parent_id == t["2.1"].id
    kids = [x for x in sorted(store.tasks(), key=lambda x: x.sort_order)
            if x.parent_id == t["2.1"].id]
    assert [k.id for k in kids[-2:]] == [t["1.6"].id, t["1.7"].id]
    assert len({x.wbs for x in store.tasks()}) == len(store.tasks())
    undo()
    assert rows(store) == before
    _, undo = run(store, o.place([t["1.7"].id], t["1.1"].id, o.BEFORE, renumber=False))
    assert children(store, "1")[0] == "1.7"
    undo()
    assert rows(store) == before


@pytest.mark.parametrize("make", [
    lambda t: o.indent([t["1"].id]),  # nothing above
    lambda t: o.outdent([t["2"].id]),  # already top level
    lambda t: o.move([t["1.1"].id], -1),
    lambda t: o.move([t["1.7"].id], +1),
    lambda t: o.place([t["2"].id], t["2.1.1"].id, o.CHILD),  # under its own sub-task
    lambda t: o.indent([t["1.3"].id]),  # 1.2 → 1.3 linked: a summary over its own sub-task
])
def test_refusals_write_nothing(store, make):
    before = store.con.execute("SELECT * FROM tasks ORDER BY id").fetchall()
    audit = store.count_table("audit_log")
    with pytest.raises(m.ValidationError) as info:
        record_changes(store, make(by_wbs(store)))
    assert "\n" not in str(info.value) and str(info.value)
    assert store.con.execute("SELECT * FROM tasks ORDER BY id").fetchall() == before
    assert store.count_table("audit_log") == audit


def test_a_link_type_a_summary_cannot_carry_is_refused(store):
    t = by_wbs(store)
    store.insert(m.Dependency(predecessor_id=t["1.6"].id, successor_id=t["2.1.2"].id,
                              type=m.DependencyType.SS))
    with pytest.raises(m.ValidationError, match="1.6"):
        record_changes(store, o.indent([t["1.7"].id]))  # 1.6 would become a summary


def test_subtask_turns_a_task_into_a_summary_and_undoes(store):
    before = rows(store)
    t = by_wbs(store)
    new, undo = run(store, o.add_subtask(t["1.7"].id))
    assert new.parent_id == t["1.7"].id and new.wbs == "1.7.1"
    assert store.get(m.Task, t["1.7"].id).kind is m.TaskKind.SUMMARY
    undo()
    assert rows(store) == before


def test_delete_scope_counts_subtasks_links_and_items(store):
    t = by_wbs(store)
    scope = o.delete_scope(store, [t["2"].id, t["2.1"].id])
    subtree = [x for x in store.tasks() if x.wbs == "2" or x.wbs.startswith("2.")]
    assert scope.tasks == len(subtree) and scope.needs_confirmation
    ids = {x.id for x in subtree}
    assert scope.links == sum(1 for d in store.dependencies()
                              if d.predecessor_id in ids or d.successor_id in ids)
    lone = next(x for x in store.tasks() if not x.is_summary and not any(
        t.id in (d.predecessor_id, d.successor_id) for d in store.dependencies()
        for t in [x]))
    assert not o.delete_scope(store, [lone.id]).needs_confirmation


def test_delete_last_child_makes_the_parent_a_task_and_undoes(store):
    t = by_wbs(store)
    run(store, o.add_subtask(t["1.7"].id))
    child = by_wbs(store)["1.7.1"]
    before = rows(store)
    _, undo = run(store, o.delete_tasks([child.id]))
    assert store.get(m.Task, t["1.7"].id).kind is m.TaskKind.TASK
    undo()
    assert rows(store) == before


def test_stages_reuse_the_check_only_while_nothing_was_written(store, monkeypatch):
    t = by_wbs(store)
    calls = []
    real = o._plan
    monkeypatch.setattr(o, "_plan", lambda *a: calls.append(1) or real(*a))
    edit = o.move([t["2.2"].id], -1)
    edit.check(store)
    park, finish = edit.stages()
    record_changes(store, park)
    record_changes(store, finish)
    assert len(calls) == 1  # the check's plan was used
    assert store.get(m.Task, t["2.2"].id).wbs == "2.1"
    edit = o.move([t["2.2"].id], +1)
    edit.check(store)
    store.update(dataclasses.replace(store.get(m.Task, t["1.1"].id), notes="다른 편집"))
    park, finish = edit.stages()
    record_changes(store, park)
    record_changes(store, finish)
    assert len(calls) == 3  # a write in between: planned again
    assert store.get(m.Task, t["2.2"].id).wbs == "2.2"
