"""Checklist, sign-off, meeting, status, budget, provision and contact edits over a real store."""

from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path

import pytest

from smartcity_desktop.app import checklists as ed
from smartcity_desktop.domain import checklists as rules
from smartcity_desktop.domain import model as m
from smartcity_desktop.domain.dates import parse_plan_date
from smartcity_desktop.domain.model import ValidationError
from smartcity_desktop.store.changes import record_changes

_spec = importlib.util.spec_from_file_location(
    "checklist_known_data", Path(__file__).with_name("checklist_known_data.py"))
known = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(known)


@pytest.fixture
def data(tmp_path):
    store, ids = known.build(tmp_path / "known.db")
    yield store, ids
    store.close()


def audit_rows(store, table, row_id):
    return store.con.execute(
        "SELECT action, user FROM audit_log WHERE table_name = ? AND row_id = ? ORDER BY id",
        (table, str(row_id))).fetchall()


def test_tick_records_who_and_when_and_audits(data):
    store, ids = data
    item = next(i for i in store.checklist(ids["1.2"]) if not i.done)
    before = len(audit_rows(store, "checklist_items", item.id))
    ticked = ed.tick_item(store, item.id)
    row = store.row(m.ChecklistItem, item.id)
    assert row["done"] == 1 and row["done_by"] == store.user and row["done_at"].startswith("20")
    assert ticked.version == item.version + 1
    assert len(audit_rows(store, "checklist_items", item.id)) == before + 1
    c = rules.counts(store.checklist(ids["1.2"]), known.STATUS_DATE)
    assert (c.done, c.open, c.overdue) == (3, 0, 0)
    # gated and checklist-driven: all items done but no sign-off yet -> held at 99 %
    assert store.get(m.Task, ids["1.2"]).percent_complete == 99.0
    ed.untick_item(store, item.id)
    row = store.row(m.ChecklistItem, item.id)
    assert (row["done"], row["done_by"], row["done_at"]) == (0, "", "")


def test_signoff_gate(data):
    store, ids = data
    ms = ids["1.2"]
    with pytest.raises(ValidationError, match="완료되지 않은 점검항목"):
        ed.sign_off(store, ms, "김철수", "도시경제과장", date(2019, 2, 1))
    with pytest.raises(ValidationError, match="점검항목"):
        ed.complete_task(store, ms, date(2019, 2, 1))
    assert store.count(m.Signoff) == 0 and not store.get(m.Task, ms).is_done
    for item in store.checklist(ms):
        ed.tick_item(store, item.id)
    with pytest.raises(ValidationError, match="승인자의 결재"):
        ed.complete_task(store, ms, date(2019, 2, 1))
    with pytest.raises(ValidationError, match="직위"):
        ed.sign_off(store, ms, "김철수", " ", date(2019, 2, 1))
    s = ed.sign_off(store, ms, "김철수", "도시경제과장", date(2019, 2, 1), "출범식 완료")
    task = store.get(m.Task, ms)
    assert task.is_done and task.actual_finish == date(2019, 2, 1)
    assert task.percent_complete == 100.0
    assert (s.approver_name, s.approver_position) == ("김철수", "도시경제과장")
    assert s.note == "출범식 완료"
    with pytest.raises(ValidationError, match="결재 완료된"):
        ed.untick_item(store, store.checklist(ms)[0].id)
    with pytest.raises(ValidationError, match="결재 완료된"):
        ed.add_item(store, ms, "추가 항목")
    with pytest.raises(ValidationError, match="재개 사유"):
        ed.reopen_task(store, ms, "")
    reopened = ed.reopen_task(store, ms, "행사 연기")
    assert not reopened.is_done and reopened.percent_complete == 99.0
    revoked = store.get(m.Signoff, s.id)
    assert revoked.revoked and revoked.revoke_reason == "행사 연기"


def test_ungated_task_completes_directly(data):
    store, ids = data
    done = ed.complete_task(store, ids["1.3"], date(2019, 3, 4))
    assert done.is_done and done.actual_finish == date(2019, 3, 4)


def test_add_edit_move_delete(data):
    store, ids = data
    ms = ids["1.2"]
    new = ed.add_item(store, ms, "  사진 정리 ", due=date(2019, 2, 20))
    assert new.text == "사진 정리" and new.sort_order == 3 and new.org_id == ids["MOLIT"]
    with pytest.raises(ValidationError, match="text"):
        ed.add_item(store, ms, "   ")
    ed.edit_item(store, new.id, text="사진·영상 정리", due=None)
    assert store.get(m.ChecklistItem, new.id).due is None
    ed.move_item(store, new.id, -2)
    assert [i.text for i in store.checklist(ms)] == [
        "행사장 확정", "사진·영상 정리", "초청장 발송", "보도자료 배포"]
    ed.move_item(store, new.id, -10)
    assert store.checklist(ms)[0].id == new.id
    ed.delete_item(store, new.id)
    assert len(store.checklist(ms)) == 3
    assert audit_rows(store, "checklist_items", new.id)[-1][0] == "delete"


def test_every_edit_kind_undoes_and_redoes(data):
    store, ids = data
    item = next(i for i in store.checklist(ids["1.2"]) if not i.done)
    edits = [
        lambda s: ed.tick_item(s, item.id),
        lambda s: ed.add_item(s, ids["1.6"], "심사위원 위촉"),
        lambda s: ed.edit_item(s, item.id, text="보도자료 작성·배포"),
        lambda s: ed.move_item(s, item.id, -1),
        lambda s: ed.delete_item(s, item.id),
        lambda s: ed.generate_meetings(s, ids["series"], known.STATUS_DATE, 3),
        lambda s: ed.set_status_update(s, ids["1.3"], known.STATUS_DATE, m.Rag.RED, "지연"),
        lambda s: ed.update_budget_line(s, ids["budget:교통"], executed=7.5),
        lambda s: ed.change_provision_stage(s, ids["prov:입지규제"], m.ProvisionStage.IN_COMMITTEE,
                                            parse_plan_date("2019-01")),
        lambda s: ed.add_contact(s, m.Contact(org_id=ids["MSIT"], name="이영희")),
        lambda s: ed.complete_task(s, ids["1.3"], date(2019, 3, 4)),
    ]

    def snapshot():
        tables = ["checklist_items", "tasks", "status_updates", "budget_lines", "provisions",
                  "provision_stage_changes", "contacts", "signoffs"]
        out = {}
        for t in tables:
            cur = store.con.execute(f"SELECT * FROM {t} ORDER BY id")
            keep = [i for i, d in enumerate(cur.description) if d[0] != "version"]
            out[t] = [tuple(r[i] for i in keep) for r in cur.fetchall()]
        return out

    for edit in edits:
        before = snapshot()
        _, changes = record_changes(store, edit)
        assert not changes.empty
        after = snapshot()
        assert after != before
        changes.undo(store)
        undone = snapshot()
        # versions move on with undo, so the snapshot leaves the version column out
        assert undone == before
        changes.redo(store)
        assert snapshot() == after


def test_signoff_undo_restores_gate(data):
    store, ids = data
    ms = ids["1.2"]
    for item in store.checklist(ms):
        ed.tick_item(store, item.id)
    _, changes = record_changes(
        store, lambda s: ed.sign_off(s, ms, "김철수", "과장", date(2019, 2, 1)))
    assert store.get(m.Task, ms).is_done
    changes.undo(store)
    assert not store.get(m.Task, ms).is_done and store.count(m.Signoff) == 0


def test_generate_meetings_across_year_end_and_no_duplicates(data):
    store, ids = data
    created = ed.generate_meetings(store, ids["series"], date(2019, 11, 1), 4)
    assert [i.due for i in created] == [date(2019, 11, 30), date(2019, 12, 31),
                                        date(2020, 1, 31), date(2020, 2, 29)]
    assert all(i.meeting_series_id == ids["series"] and i.task_id == ids["1.7"] for i in created)
    assert created[0].text == "시범도시 분과위원회 2019.11.30."
    again = ed.generate_meetings(store, ids["series"], date(2019, 11, 1), 5)
    assert [i.due for i in again] == [date(2020, 3, 31)]
    held = ed.tick_item(store, created[0].id, notes="회의록: 12개 기업 참석")
    assert held.done and held.notes == "회의록: 12개 기업 참석"
    with pytest.raises(ValidationError, match="periods"):
        ed.generate_meetings(store, ids["series"], date(2019, 11, 1), 0)


def test_status_update_upserts_and_latest(data):
    store, ids = data
    ed.set_status_update(store, ids["1.2"], known.STATUS_DATE, m.Rag.RED, "보도자료 미배포")
    ed.set_status_update(store, ids["1.2"], known.STATUS_DATE, m.Rag.AMBER, "배포 예정")
    assert store.count(m.StatusUpdate, "task_id = ?", (ids["1.2"],)) == 2
    latest = ed.latest_status_updates(store)
    assert latest[ids["1.2"]].rag is m.Rag.AMBER and latest[ids["1.2"]].narrative == "배포 예정"
    earlier = ed.latest_status_updates(store, date(2019, 2, 10))
    assert earlier[ids["1.2"]].narrative == "보도자료 지연"
    with pytest.raises(ValidationError, match="narrative"):
        ed.set_status_update(store, ids["1.3"], known.STATUS_DATE, m.Rag.RED, " ")


def test_budget_validation(data):
    store, ids = data
    line = ids["budget:교통"]
    with pytest.raises(ValidationError, match="more than the planned"):
        ed.update_budget_line(store, line, executed=11.0)
    with pytest.raises(ValidationError, match="zero or more"):
        ed.update_budget_line(store, line, planned=-1.0)
    with pytest.raises(ValidationError, match="area"):
        ed.add_budget_line(store, m.BudgetLine(year=2019, area=" ", item="x", planned=1))
    added = ed.add_budget_line(store, m.BudgetLine(year=2019, area="신기술 접목", item="에너지",
                                                   planned=10.0))
    total = sum(b.planned for b in store.all(m.BudgetLine, "year = 2019"))
    assert total == 120.0
    ed.delete_budget_line(store, added.id)
    assert store.count(m.BudgetLine) == 4


def test_provision_stage_change_recorded(data):
    store, ids = data
    pid = ids["prov:입지규제"]
    ed.change_provision_stage(store, pid, m.ProvisionStage.IN_COMMITTEE,
                              parse_plan_date("2018-11-05"), "소위원회 회부")
    prov = store.get(m.Provision, pid)
    assert prov.stage is m.ProvisionStage.IN_COMMITTEE and prov.stage_date.code() == "2018-11-05"
    history = store.all(m.ProvisionStageChange, "provision_id = ?", (pid,))
    assert [(h.stage, h.on.code(), h.note) for h in history] == [
        (m.ProvisionStage.IN_COMMITTEE, "2018-11-05", "소위원회 회부")]
    with pytest.raises(ValidationError, match="before the previous"):
        ed.change_provision_stage(store, pid, m.ProvisionStage.PASSED,
                                  parse_plan_date("2018-10-01"))
    with pytest.raises(ValidationError, match="already"):
        ed.change_provision_stage(store, pid, m.ProvisionStage.IN_COMMITTEE,
                                  parse_plan_date("2019-01"))
    with pytest.raises(ValidationError, match="back a stage"):
        ed.change_provision_stage(store, pid, m.ProvisionStage.BILL_PROPOSED,
                                  parse_plan_date("2019-01"))


def test_contacts_and_redaction_setting(data):
    store, ids = data
    with pytest.raises(ValidationError, match="phone"):
        ed.add_contact(store, m.Contact(org_id=ids["MSIT"], name="이영희", phone="call me"))
    c = ed.add_contact(store, m.Contact(org_id=ids["MSIT"], name="이영희", phone="02-2110-2850"))
    ed.update_contact(store, c.id, position="서기관")
    assert store.get(m.Contact, c.id).position == "서기관"
    assert ed.redact_personal(store) is False
    ed.set_redact_personal(store, True)
    assert store.setting(ed.REDACT_KEY) == "1" and ed.redact_personal(store)
    ed.delete_contact(store, c.id)
    assert store.count(m.Contact, "org_id = ?", (ids["MSIT"],)) == 0


def test_undo_two_successive_edits_of_the_same_row(data):
    store, ids = data
    item = store.checklist(ids["1.6"])[0]
    _, first = record_changes(store, lambda s: ed.edit_item(s, item.id, text="A"))
    _, second = record_changes(store, lambda s: ed.edit_item(s, item.id, text="B"))
    second.undo(store)
    first.undo(store)
    assert store.get(m.ChecklistItem, item.id).text == "공고문 작성"
