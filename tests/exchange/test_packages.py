"""Update packages: merge outcomes, idempotence, order, tampering, trust, old databases."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest

from smartcity_desktop.app import exchange as ex
from smartcity_desktop.app.cli_edits import set_task_fields, task_by_wbs, tick
from smartcity_desktop.app.desk import update_profile
from smartcity_desktop.app.exchange_resolve import resolve, resolve_by_rule
from smartcity_desktop.domain import model as m
from smartcity_desktop.interop.exchange_package import PackageError
from smartcity_desktop.store import exchange_store as xs
from smartcity_desktop.store import open_store
from smartcity_desktop.store.database import connect, migrate
from smartcity_desktop.store.uids import fill_missing

MSIT_TASK, ME_TASK = "6.1.5.1", "5.1.4"  # owned by MSIT and ME in the seed (no checklist)
MSIT_CHECKLIST = "2.1.6"  # owned by MSIT, three checklist items (its percent follows them)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _pct(store, wbs):
    return task_by_wbs(store, wbs).percent_complete


@pytest.fixture
def desks(make_desk):
    return (make_desk("molit", "MOLIT", "coordinator"), make_desk("msit", "MSIT"),
            make_desk("me", "ME"))


def test_seeded_desks_hold_the_same_plan(desks):
    assert len({ex.digest(d) for d in desks}) == 1
    assert task_by_wbs(desks[0], MSIT_TASK).owner_org_id == desks[0].org_by_code()["MSIT"].id


def test_one_side_changed_is_taken_and_reimport_changes_nothing(desks, tmp_path):
    molit, msit, _ = desks
    set_task_fields(msit, MSIT_TASK, {"percent": "40", "finish": "2019년 3월 말"})
    pkg = tmp_path / "msit.scx"
    ex.export_package(msit, pkg)
    first = ex.import_packages(molit, [pkg])
    assert (first.applied, first.conflicts, first.proposals) == (2, 0, 0)
    assert _pct(molit, MSIT_TASK) == 40
    assert task_by_wbs(molit, MSIT_TASK).finish.code() == "2019-03-L"
    again = ex.import_packages(molit, [pkg])
    assert (again.applied, again.already) == (0, 2)
    assert ex.digest(molit) == ex.digest(msit)
    assert molit.setting("exchange.received.MSIT")  # data freshness for the briefing


def test_both_changed_is_a_conflict_keeping_both_values(desks, tmp_path):
    molit, msit, _ = desks
    set_task_fields(msit, MSIT_TASK, {"percent": "40"})
    set_task_fields(molit, MSIT_TASK, {"percent": "55"})
    ex.export_package(msit, tmp_path / "msit.scx")
    summary = ex.import_packages(molit, [tmp_path / "msit.scx"])
    assert summary.conflicts == 1 and _pct(molit, MSIT_TASK) == 55  # mine kept meanwhile
    (held,) = xs.held(molit)
    assert (json.loads(held["mine"]), json.loads(held["theirs"]), json.loads(held["base"])) \
        == (55.0, 40.0, 0.0)
    assert held["theirs_ministry"] == "MSIT"
    resolve(molit, held["id"], "theirs")
    assert _pct(molit, MSIT_TASK) == 40
    # the decision travels: MSIT's copy of the conflict closes, both desks agree
    ex.export_package(molit, tmp_path / "molit.scx")
    ex.import_packages(msit, [tmp_path / "molit.scx"])
    assert xs.held(msit) == [] and ex.digest(molit) == ex.digest(msit)


def test_member_edit_of_another_ministrys_row_is_a_proposal(desks, tmp_path):
    molit, msit, me = desks
    set_task_fields(msit, ME_TASK, {"note": "MSIT의 의견"})
    ex.export_package(msit, tmp_path / "msit.scx")
    for desk in (molit, me):
        summary = ex.import_packages(desk, [tmp_path / "msit.scx"])
        assert summary.proposals == 1 and summary.applied == 0
        assert task_by_wbs(desk, ME_TASK).notes != "MSIT의 의견"
        assert [h["kind"] for h in xs.held(desk)] == ["proposal"]  # owner and coordinator
    (proposal,) = xs.held(me)
    resolve(me, proposal["id"], "theirs")  # the owner accepts
    assert task_by_wbs(me, ME_TASK).notes == "MSIT의 의견"
    ex.export_package(me, tmp_path / "me.scx")
    ex.import_packages(molit, [tmp_path / "me.scx"])
    assert task_by_wbs(molit, ME_TASK).notes == "MSIT의 의견"
    assert xs.held(molit) == []  # accepted elsewhere: closed here


def test_rejected_proposal_goes_back_on_the_proposing_desk(desks, tmp_path):
    molit, msit, _ = desks
    set_task_fields(msit, ME_TASK, {"percent": "90"})
    ex.export_package(msit, tmp_path / "msit.scx")
    ex.import_packages(molit, [tmp_path / "msit.scx"])
    (proposal,) = xs.held(molit)
    resolve(molit, proposal["id"], "mine")
    ex.export_package(molit, tmp_path / "molit.scx")
    ex.import_packages(msit, [tmp_path / "molit.scx"])
    assert _pct(msit, ME_TASK) == _pct(molit, ME_TASK) != 90
    assert ex.digest(msit) == ex.digest(molit)


def test_order_independence_and_old_package_after_newer(desks, tmp_path, make_desk):
    molit, msit, me = desks
    set_task_fields(msit, MSIT_TASK, {"percent": "10"})
    ex.export_package(msit, tmp_path / "old.scx")
    set_task_fields(msit, MSIT_TASK, {"percent": "20"})
    tick(msit, MSIT_CHECKLIST, 2, True)
    ex.export_package(msit, tmp_path / "new.scx")
    set_task_fields(me, ME_TASK, {"note": "환경부"})
    ex.export_package(me, tmp_path / "me.scx")
    other = make_desk("molit2", "MOLIT", "coordinator")
    ex.import_packages(molit, [tmp_path / "old.scx", tmp_path / "new.scx", tmp_path / "me.scx"])
    ex.import_packages(other, [tmp_path / "me.scx", tmp_path / "new.scx"])
    before = ex.digest(other)
    late = ex.import_packages(other, [tmp_path / "old.scx"])  # an old package after newer ones
    assert late.applied == 0 and ex.digest(other) == before
    assert ex.digest(molit) == ex.digest(other) != ex.digest(msit)
    assert _pct(other, MSIT_TASK) == _pct(msit, MSIT_TASK) == 20
    assert _pct(other, MSIT_CHECKLIST) == _pct(msit, MSIT_CHECKLIST) == 33.3


def test_delete_against_edit_is_a_conflict_and_delete_merges(desks, tmp_path):
    molit, msit, _ = desks
    task = task_by_wbs(molit, MSIT_CHECKLIST)
    item = molit.checklist(task.id)[2]
    molit.delete(item)  # the coordinator deletes an item ...
    tick(msit, MSIT_CHECKLIST, 3, True)  # ... that MSIT ticked meanwhile
    ex.export_package(molit, tmp_path / "molit.scx")
    ex.export_package(msit, tmp_path / "msit.scx")
    ex.import_packages(msit, [tmp_path / "molit.scx"])
    ex.import_packages(molit, [tmp_path / "msit.scx"])
    assert {h["kind"] for h in xs.held(msit)} == {"delete"}
    assert {h["kind"] for h in xs.held(molit)} == {"delete"}
    resolve_by_rule(molit)
    resolve_by_rule(msit)  # the delete wins on both desks
    assert len(msit.checklist(task_by_wbs(msit, MSIT_CHECKLIST).id)) == 2
    assert ex.digest(molit) == ex.digest(msit)


def test_gate_recheck_after_merge(desks, tmp_path):
    """Signed off on one desk while another reopened an item: a held gate conflict."""
    from datetime import date

    from smartcity_desktop.app import checklists as ed

    molit, msit, _ = desks
    task = task_by_wbs(msit, MSIT_CHECKLIST)
    ed.set_needs_signoff(msit, task.id, True)
    for item in msit.checklist(task.id):
        ed.tick_item(msit, item.id)
    ex.export_package(msit, tmp_path / "a.scx")
    ex.import_packages(molit, [tmp_path / "a.scx"])
    ed.sign_off(msit, task.id, "이과기", "과장", date(2019, 3, 4))
    ed.untick_item(molit, molit.checklist(task_by_wbs(molit, MSIT_CHECKLIST).id)[0].id)
    ex.export_package(molit, tmp_path / "b.scx")
    summary = ex.import_packages(msit, [tmp_path / "b.scx"])
    gates = xs.held(msit, kind="gate")
    assert len(gates) == 1 and summary.conflicts >= 1
    resolve(msit, gates[0]["id"], "theirs")  # reopen: the sign-off is revoked
    assert not ed.is_signed_off(msit, task.id)


# -- refusals: one line, nothing changed --------------------------------------------------------
def _rezip(src: Path, dst: Path, edit) -> None:
    with zipfile.ZipFile(src) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    edit(members)
    with zipfile.ZipFile(dst, "w") as zf:
        for n, data in members.items():
            zf.writestr(n, data)


@pytest.fixture
def signed(desks, tmp_path):
    molit, msit, _ = desks
    set_task_fields(msit, MSIT_TASK, {"percent": "40"})
    pkg = tmp_path / "msit.scx"
    ex.export_package(msit, pkg)
    return molit, msit, pkg


def _refused(store, pkg, fragment):
    store.close()
    before = _sha(store.path)
    reopened = open_store(store.path, keep_backups=0)
    try:
        with pytest.raises(PackageError) as info:
            ex.import_packages(reopened, [pkg])
        text = str(info.value)
        assert fragment in text and "\n" not in text
        assert text.count(bad_name := Path(pkg).name) == 1, f"{bad_name} named twice: {text}"
        assert xs.held(reopened) == [] and xs.known_desks(reopened) == []
    finally:
        reopened.close()
    assert _sha(store.path) == before


def test_flipped_byte_is_refused(signed, tmp_path):
    molit, _, pkg = signed
    data = bytearray(pkg.read_bytes())
    data[len(data) // 2] ^= 0x01
    bad = tmp_path / "flipped.scx"
    bad.write_bytes(bytes(data))
    _refused(molit, bad, "flipped.scx")


def test_a_file_that_is_no_package_is_named_so(signed, tmp_path):
    molit, _, _pkg = signed
    other = tmp_path / "notes.scx"
    other.write_text("회의 메모", encoding="utf-8")
    _refused(molit, other, "업데이트 패키지(.scx)가 아닙니다")


def test_added_change_is_refused(signed, tmp_path):
    molit, _, pkg = signed

    def add(members):
        rows = json.loads(members["changes.json"])
        extra = list(rows[0])
        extra[6], extra[11] = "100.0", 999
        members["changes.json"] = json.dumps(rows + [extra]).encode()

    _rezip(pkg, tmp_path / "added.scx", add)
    _refused(molit, tmp_path / "added.scx", "SHA-256")


def test_another_desks_signature_is_refused(signed, tmp_path, make_desk):
    molit, _, pkg = signed
    other = make_desk("other", "ME")
    ex.export_package(other, tmp_path / "other.scx")
    with zipfile.ZipFile(tmp_path / "other.scx") as zf:
        foreign_sig = zf.read("signature.json")

    def swap(members):
        sig = json.loads(members["signature.json"])
        sig["ed25519"] = json.loads(foreign_sig)["ed25519"]
        members["signature.json"] = json.dumps(sig).encode()

    _rezip(pkg, tmp_path / "swapped.scx", swap)
    _refused(molit, tmp_path / "swapped.scx", "swapped.scx")


def test_foreign_plan_and_not_a_package_are_refused(signed, tmp_path):
    molit, msit, pkg = signed
    foreign = tmp_path / "foreign.db"
    shutil.copyfile(msit.path, foreign)
    store = open_store(foreign, keep_backups=0)
    store.con.execute("UPDATE projects SET uid = 'another-plan'")
    ex.export_package(store, tmp_path / "foreign.scx")
    store.close()
    _refused(molit, tmp_path / "foreign.scx", "another-plan")
    (tmp_path / "junk.scx").write_text("not a zip")
    _refused(molit, tmp_path / "junk.scx", "junk.scx")


def test_changed_key_of_a_known_desk_is_refused(signed, tmp_path):
    molit, msit, pkg = signed
    ex.import_packages(molit, [pkg])  # MSIT's key trusted on first use
    msit.con.execute("DELETE FROM settings WHERE key = 'desk.private_key'")
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    pem = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()).decode()
    msit.con.execute("INSERT INTO settings (key, value) VALUES ('desk.private_key', ?)", (pem,))
    ex.export_package(msit, tmp_path / "rekeyed.scx")
    before = ex.digest(molit)
    with pytest.raises(PackageError, match="public key|공개키"):
        ex.import_packages(molit, [tmp_path / "rekeyed.scx"])
    assert ex.digest(molit) == before


def test_dry_run_changes_nothing(signed):
    molit, _, pkg = signed
    molit.close()
    before = _sha(molit.path)
    store = open_store(molit.path, keep_backups=0)
    summary = ex.import_packages(store, [pkg], dry_run=True)
    store.close()
    assert summary.applied == 1 and _sha(molit.path) == before


def test_an_old_database_migrates_with_the_same_uids(tmp_path, template_db):
    old = tmp_path / "old.db"
    con = connect(old)
    migrate(con, 0, target=2)  # a database from before the exchange (0004), holding the plan
    new = sqlite3.connect(template_db)
    tables = [r[0] for r in new.execute("SELECT name FROM sqlite_master WHERE type='table' "
                                        "AND name NOT LIKE 'sqlite_%'")]
    con.execute("PRAGMA foreign_keys = OFF")
    old_tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    for table in tables:
        if table not in old_tables:
            continue
        cols = [r[1] for r in con.execute(f"PRAGMA table_info([{table}])")]
        rows = new.execute(f"SELECT {', '.join(f'[{c}]' for c in cols)} FROM [{table}]").fetchall()
        con.executemany(f"INSERT INTO [{table}] VALUES ({', '.join('?' * len(cols))})", rows)
    con.close()
    store = open_store(old, keep_backups=0)
    try:
        assert store.schema_version >= 4
        fresh = open_store(template_db, keep_backups=0)
        assert ex.digest(store) == ex.digest(fresh)
        fresh.close()
        assert fill_missing(store.con) == 0
        set_task_fields(store, MSIT_TASK, {"percent": "12"})  # and it keeps working
        assert store.count_table("change_log") == 1
    finally:
        store.close()


def test_seed_uids_do_not_depend_on_seed_dates(template_db, tmp_path):
    """Another desk corrected a seeded date: the row keeps its identity."""
    store = open_store(template_db, keep_backups=0)
    try:
        task = task_by_wbs(store, MSIT_TASK)
        uid = xs.row_by_id(store, "tasks", task.id)["uid"]
        from smartcity_desktop.store.uids import natural_uid

        assert uid == natural_uid("tasks", (MSIT_TASK,))
        assert store.get(m.Task, task.id).wbs == MSIT_TASK
    finally:
        store.close()


def test_update_profile_refuses_unknown_values(make_desk):
    from smartcity_desktop.messages import Refusal

    store = make_desk("x", "ME")
    with pytest.raises(Refusal):
        update_profile(store, role="boss")
    with pytest.raises(Refusal):
        update_profile(store, ministry="NOPE")


def test_backup_never_holds_the_private_key(make_desk, tmp_path):
    from smartcity_desktop.interop.backup_json import backup_dict

    store = make_desk("x", "ME")
    set_task_fields(store, ME_TASK, {"note": "백업"})
    keys = {r["key"] for r in backup_dict(store)["tables"]["settings"]}
    assert "desk.private_key" not in keys and "desk.ministry" in keys
    assert "PRIVATE KEY" not in json.dumps(backup_dict(store), ensure_ascii=False)
    audit_text = " ".join(str(r) for r in store.con.execute("SELECT old, new FROM audit_log"))
    assert "PRIVATE KEY" not in audit_text


def test_ticks_on_two_desks_add_up_in_the_derived_percent(desks, tmp_path):
    """A percent that follows the checklist is recomputed on each desk, never exchanged:
    two desks ticking different items both end at two items' share, not one's."""
    from smartcity_desktop.store import changelog as cl

    molit, msit, _ = desks
    tick(msit, MSIT_CHECKLIST, 1, True)
    tick(molit, MSIT_CHECKLIST, 2, True)
    assert _pct(msit, MSIT_CHECKLIST) == _pct(molit, MSIT_CHECKLIST) == 33.3
    for src, dst in ((molit, msit), (msit, molit)):
        ex.export_package(src, tmp_path / "p.scx")
        assert ex.import_packages(dst, [tmp_path / "p.scx"]).conflicts == 0
    assert _pct(msit, MSIT_CHECKLIST) == _pct(molit, MSIT_CHECKLIST) == 66.7
    assert ex.digest(msit) == ex.digest(molit)
    assert not [r for r in cl.records(molit) if r.field == "percent_complete"]
