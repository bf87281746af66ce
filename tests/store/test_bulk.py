"""Bulk inserts (imports): audited and exchanged exactly like single inserts, one undoable edit."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from smartcity_desktop.app import exchange as ex
from smartcity_desktop.domain import model as m
from smartcity_desktop.interop.apply import apply_preview
from smartcity_desktop.interop.csv_io import parse_csv_bytes
from smartcity_desktop.store import IntegrityViolation, open_store
from smartcity_desktop.store.audit import verify
from smartcity_desktop.store.changes import record_changes
from tests.exchange.conftest import make_desk, template_db  # noqa: F401 - fixtures


@pytest.fixture()
def store(tmp_path: Path):
    s = open_store(tmp_path / "bulk.db", seed=False)
    s.insert(m.Project(name_ko="시험 사업", name_en="test", start=date(2019, 1, 1)))
    yield s
    s.close()


def _tasks(store, n: int, first: int) -> list[m.Task]:
    """``n`` tasks under one summary (the first), numbered from ``first`` up front."""
    pid = store.project().id
    out = [m.Task(project_id=pid, wbs="1", name_ko="요약", kind=m.TaskKind.SUMMARY,
                  duration_days=0, id=first)]
    out += [m.Task(project_id=pid, wbs=f"1.{i}", name_ko=f"과업 {i}", parent_id=first,
                   duration_days=2) for i in range(1, n)]
    return out


def test_bulk_rows_are_audited_and_recorded_like_single_inserts(store) -> None:
    single = store.insert(m.Task(project_id=store.project().id, wbs="0", name_ko="하나"))
    with store.transaction():
        ids = store.insert_many(_tasks(store, 4500, store.next_id(m.Task)))  # three batches
    assert list(ids) == list(range(single.id + 1, single.id + 4501))
    assert verify(store).ok
    rows = {r[0]: r for r in store.con.execute("SELECT id, uid, version FROM tasks")}
    assert all(uid and version == 1 for _, uid, version in rows.values())
    assert len({uid for _, uid, _ in rows.values()}) == len(rows)
    records = store.con.execute("SELECT row_uid, field, op, value, origin_seq FROM change_log "
                                "WHERE table_name = 'tasks' ORDER BY id").fetchall()
    assert len(records) == 4501 and {(f, op) for _, f, op, _, _ in records} == {("*", "insert")}
    seqs = [r[4] for r in records]
    assert seqs == sorted(set(seqs))  # one sequence, no gaps reused
    child = json.loads(records[-1][3])
    assert child["parent_id"] == rows[ids[0]][1]  # references exchanged as uids
    ranks = store.con.execute("SELECT count(*) FROM field_ranks WHERE field = '*'").fetchone()[0]
    assert ranks >= 4501


@pytest.mark.slow
def test_bulk_insert_is_one_undoable_edit(store) -> None:
    before = store.count(m.Task)
    _, changes = record_changes(
        store, lambda s: s.insert_many(_tasks(s, 2100, s.next_id(m.Task))))
    assert store.count(m.Task) == before + 2100
    changes.undo(store)
    assert store.count(m.Task) == before
    changes.redo(store)
    assert store.count(m.Task) == before + 2100
    assert verify(store).ok


def test_a_failed_bulk_insert_writes_nothing(store) -> None:
    tasks = _tasks(store, 3000, store.next_id(m.Task))
    tasks[-1].wbs = "1.5"  # a duplicate WBS in the second batch
    head = store.audit_head()
    records = store.con.execute("SELECT count(*) FROM change_log").fetchone()[0]
    with pytest.raises(IntegrityViolation, match="duplicate WBS"):
        store.insert_many(tasks)
    assert store.count(m.Task) == 0 and store.audit_head() == head
    assert store.con.execute("SELECT count(*) FROM change_log").fetchone()[0] == records


def test_an_imported_sheet_reaches_the_other_desk(make_desk, tmp_path) -> None:  # noqa: F811
    molit, msit = make_desk("molit", "MOLIT", "coordinator"), make_desk("msit", "MSIT")
    sheet = "WBS,과업명,기간(일),시작일\n1,가져온 요약,,\n" + "".join(
        f"1.{i},가져온 과업 {i},3,2019-03-04\n" for i in range(1, 301))
    result = apply_preview(molit, parse_csv_bytes(sheet.encode(), "plan.csv"))
    assert result.tasks_added == 302
    assert verify(molit).ok
    pkg = tmp_path / "molit.scx"
    ex.export_package(molit, pkg)
    ex.import_packages(msit, [pkg])
    assert ex.digest(msit) == ex.digest(molit)
    assert msit.count(m.Task, "name_ko LIKE '가져온 과업 %'") == 300
