"""The exchange between desks: export a package, import packages and merge field by field.

One function per user action, each one transaction: :func:`export_package`,
:func:`import_packages` (``dry_run`` computes the same result and rolls it back) and
:func:`apply_records` (shared with the Excel return forms). Rules come from
``domain.merge``; SQL from ``store``. Decisions on held conflicts and proposals are in
``app.exchange_resolve``.

Undoing an import. The window runs an import as one edit (``Session.run``), so one
undo puts back every row it wrote and the plan model refreshes. What arrived stays
arrived: the exchange's logs are append-only (the change records and their clocks,
held conflicts and proposals, arrivals, known desks), so the undo cannot "unsee" a
package, and re-importing it would find everything already present. Instead the undo
is this desk's own edit: its row writes are recorded as changes like any edit's, based
on the clocks the import set, so the next package carries the reversal and the other
desks follow it (subject to the same ownership rules: a member's reversal of another
ministry's row is a proposal). Redo records the merged values again the same way.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..domain import merge
from ..domain.hlc import wall_range
from ..interop.exchange_package import Package, PackageError, read_package, write_package
from ..messages import Refusal, register
from ..store import Store
from ..store import changelog as cl
from ..store import exchange_store as xs
from ..store.desk_keys import fingerprint, private_key
from ..store.uids import LOCAL_COLUMNS, SHARED_TABLES, plan_id
from .checklists import is_signed_off
from .desk import DeskProfile, profile

register({
    "exchange.import.summary": ("반영 {applied}, 이미 있음 {already}, 충돌 {conflicts}, "
                                "제안 {proposals}",
                                "applied {applied}, already present {already}, "
                                "conflicts {conflicts}, proposals {proposals}"),
    "exchange.export.summary": ("{path}: 변경 {count}건을 담은 업데이트 패키지를 만들었습니다 "
                                "({kb} KB, 서명 {fingerprint})",
                                "{path}: wrote an update package of {count} changes "
                                "({kb} KB, signed {fingerprint})"),
    "exchange.package.foreign_plan": ("{name}: 다른 계획의 패키지입니다 (계획 {theirs}, 이 "
                                      "데이터베이스 {ours})",
                                      "{name}: the package is for another plan (plan {theirs}; "
                                      "this database holds {ours})"),
    "exchange.package.key_changed": ("{name}: 부서 {desk}({ministry})의 공개키가 바뀌었습니다 "
                                     "(알던 지문 {known}, 패키지 {got}); 가져오지 않았습니다",
                                     "{name}: the public key of desk {desk} ({ministry}) has "
                                     "changed (known {known}, package {got}); nothing imported"),
    "exchange.package.bad_change": ("{name}: 알 수 없는 변경 기록입니다 ({detail})",
                                    "{name}: unknown change record ({detail})"),
    "exchange.desk.new": ("새 부서 키를 등록했습니다 (최초 사용 신뢰): {ministry} {officer} 지문 "
                          "{fingerprint}",
                          "trusted a new desk key on first use: {ministry} {officer}, "
                          "fingerprint {fingerprint}"),
    "exchange.desk.new_dry": ("새 부서 키를 등록하게 됩니다 (최초 사용 신뢰, 시험 실행이므로 "
                              "등록하지 않음): {ministry} {officer} 지문 {fingerprint}",
                              "would trust a new desk key on first use (dry run: not "
                              "registered): {ministry} {officer}, fingerprint {fingerprint}"),
})


@dataclass
class MergeSummary:
    applied: int = 0
    already: int = 0
    conflicts: int = 0
    proposals: int = 0
    new_desks: list[dict[str, str]] = field(default_factory=list)
    touched_tasks: set[int] = field(default_factory=set)
    held: list[tuple[int, str]] = field(default_factory=list)  # (held id, kind) of this merge

    def add(self, other: MergeSummary) -> None:
        for name in ("applied", "already", "conflicts", "proposals"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.held += other.held
        self.new_desks += other.new_desks
        self.touched_tasks |= other.touched_tasks

    def line(self, lang: str | None = None) -> str:
        return Refusal("exchange.import.summary", applied=self.applied, already=self.already,
                       conflicts=self.conflicts, proposals=self.proposals).text(lang)


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    count: int
    size: int
    fingerprint: str

    def line(self, lang: str | None = None) -> str:
        return Refusal("exchange.export.summary", path=self.path, count=self.count,
                       kb=f"{self.size / 1024:.1f}", fingerprint=self.fingerprint).text(lang)


class _DryRun(Exception):
    """Raised at the end of a dry run so the transaction rolls back."""


# -- export -----------------------------------------------------------------------------------
def export_package(store: Store, out: Path | str, for_ministry: str | None = None) -> ExportSummary:
    """Write every change this desk holds (its own and relayed) that the recipient may lack."""
    me = profile(store)
    desks = {d["desk_id"]: d for d in xs.known_desks(store)}
    skip = tuple(d for d, info in desks.items() if for_ministry and info["ministry"] == for_ministry
                 and d != me.desk_id)
    records = cl.records(store, exclude_desks=skip)
    origins = {}
    for desk_id in {r.origin_desk for r in records}:
        if desk_id == me.desk_id:
            origins[desk_id] = me.manifest()
        else:
            known = xs.known_desk(store, desk_id) or {"desk_id": desk_id, "public_key": ""}
            origins[desk_id] = {k: known.get(k, "") for k in
                                ("desk_id", "ministry", "role", "officer", "position",
                                 "public_key")}
    low, high = wall_range([r.rank for r in records])
    manifest = {"plan_id": plan_id(store.con), "sender": me.manifest(),
                "recipient": for_ministry or "", "clock": [low, high],
                "created_at": xs.now(), "desks": sorted(origins.values(),
                                                        key=lambda d: d["desk_id"])}
    size = write_package(out, manifest, records, private_key(store))
    return ExportSummary(Path(out), len(records), size, me.fingerprint)


# -- import -----------------------------------------------------------------------------------
def read_packages(store: Store, paths: Iterable[Path | str]) -> list[tuple[Path, Package]]:
    """Read and verify every file first: one bad file refuses the whole import."""
    ours = plan_id(store.con)
    out = []
    for path in paths:
        path = Path(path)
        pkg = read_package(path)
        if pkg.plan_id != ours:
            raise PackageError("exchange.package.foreign_plan", name=path.name,
                               theirs=pkg.plan_id, ours=ours)
        for rec in pkg.records:
            if rec.table_name not in SHARED_TABLES or (rec.op == "update" and (
                    rec.field in LOCAL_COLUMNS or not rec.field.isidentifier())):
                raise PackageError("exchange.package.bad_change", name=path.name,
                                   detail=f"{rec.table_name}.{rec.field}")
        out.append((path, pkg))
    return out


def import_packages(store: Store, paths: Iterable[Path | str], dry_run: bool = False
                    ) -> MergeSummary:
    """Verify, then merge every package in one transaction (rolled back for a dry run)."""
    packages = read_packages(store, paths)
    total = MergeSummary()
    try:
        with store.transaction():
            known = cl.known_sequences(store)  # read once: packages overlap (cumulative)
            for path, pkg in packages:
                origins = _trust(store, path.name, pkg)
                summary = apply_records(store, pkg.records, origins,
                                        new_desks=origins.pop("__new__", []), known=known)
                ministry = pkg.sender.get("ministry", "")
                _arrived(store, ministry, pkg.sender["desk_id"], "package", path.name, summary)
                total.add(summary)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return total


def _arrived(store: Store, ministry: str, desk_id: str, kind: str, name: str,
             summary: MergeSummary) -> None:
    xs.add_arrival(store, ministry, desk_id, kind, name, summary.applied, summary.conflicts,
                   summary.proposals)
    if ministry:
        store.set_setting(f"exchange.received.{ministry}", date.today().isoformat())


def _trust(store: Store, name: str, pkg: Package) -> dict[str, Any]:
    """Known desks by id: trust a new key on first use, refuse a changed one."""
    me = profile(store)
    infos = {d.get("desk_id"): d for d in pkg.manifest.get("desks", []) if isinstance(d, dict)}
    infos[pkg.sender["desk_id"]] = pkg.sender
    origins: dict[str, Any] = {"__new__": []}
    for desk_id, info in infos.items():
        if desk_id == me.desk_id:
            if info.get("public_key") not in ("", me.public_key):
                raise PackageError("exchange.package.key_changed", name=name, desk=desk_id,
                                   ministry=me.ministry, known=me.fingerprint,
                                   got=fingerprint(info["public_key"]))
            origins[desk_id] = me.manifest()
            continue
        known = xs.known_desk(store, desk_id)
        key = info.get("public_key") or ""
        if known is not None and key and key != known["public_key"]:
            raise PackageError("exchange.package.key_changed", name=name, desk=desk_id,
                               ministry=known["ministry"], known=known["fingerprint"],
                               got=fingerprint(key))
        if known is None and key:
            origins["__new__"].append({"ministry": info.get("ministry", ""),
                                       "officer": info.get("officer", ""),
                                       "fingerprint": fingerprint(key)})
        if key:
            xs.remember_desk(store, {**info, "public_key": key}, fingerprint(key))
        origins[desk_id] = known if known is not None and desk_id != pkg.sender["desk_id"] \
            else info
    return origins


# -- merge ------------------------------------------------------------------------------------
def apply_records(store: Store, records: list[cl.Record], origins: dict[str, Any],
                  new_desks: list[dict[str, str]] | None = None,
                  known: set[tuple[str, int]] | None = None) -> MergeSummary:
    """Merge incoming change records (one transaction); store them as they came.

    ``known``: the ``(desk, sequence)`` pairs this desk holds, when the caller has read
    them (several packages in one transaction); the fresh ones are added to it.
    """
    summary = MergeSummary(new_desks=list(new_desks or []))
    me = profile(store)
    with store.transaction():
        if known is None:
            known = cl.known_sequences(store)
        fresh: dict[tuple[str, int], cl.Record] = {}
        for rec in records:
            key = (rec.origin_desk, rec.origin_seq)
            if key in known or key in fresh:
                summary.already += 1
            else:
                fresh[key] = rec
        ordered = sorted(fresh.values(), key=lambda r: (r.rank, r.origin_desk, r.origin_seq))
        with cl.applying(store):
            batch = MergeBatch(store, ordered)
            for rec in ordered:
                origin = origins.get(rec.origin_desk) or {}
                _merge_one(batch, rec, origin, me, summary)
            batch.flush()
        cl.store_incoming(store, ordered)
        known.update(fresh)
        # Count what is still held: a decision later in the same packages may have settled it.
        still = xs.open_ids(store, [i for i, _ in summary.held])
        summary.conflicts += sum(1 for i, k in summary.held if k != "proposal" and i in still)
        summary.proposals += sum(1 for i, k in summary.held if k == "proposal" and i in still)
        _recheck_gates(store, summary)
    return summary


class MergeBatch:
    """What one merge reads and writes, held in memory and written in bulk at the end.

    Rows, field ranks and tombstones of the rows the records name are read once; taken
    field changes collect per row and are written as one audited update per row. Inserts
    and deletes (rare) first write what is pending, then go through the store directly.
    """

    def __init__(self, store: Store, records: list[cl.Record]) -> None:
        self.store = store
        by_table: dict[str, set[str]] = {}
        for rec in records:
            by_table.setdefault(rec.table_name, set()).add(rec.row_uid)
        self.rows: dict[tuple[str, str], dict[str, Any]] = {}
        for table, uids in by_table.items():
            for row in xs.rows_by_uids(store, table, uids):
                self.rows[(table, row["uid"])] = row
        all_uids = {rec.row_uid for rec in records}
        self.ranks = cl.ranks_for(store, all_uids)
        self.tombs = cl.tombstones_for(store, all_uids)
        self.dirty: dict[tuple[str, str], dict[str, Any]] = {}  # key -> row as read
        self.dirty_fields: dict[tuple[str, str], set[str]] = {}  # key -> fields set
        self.new_ranks: dict[tuple[str, str], str] = {}
        self.held_open = xs.any_open_held(store)
        self._owners: dict[tuple[str, str], str | None] = {}
        self._org_codes: dict[int, str] | None = None

    def row(self, table: str, uid: str) -> dict[str, Any] | None:
        return self.rows.get((table, uid))

    def field_rank(self, uid: str, field: str) -> str | None:
        ranks = self.ranks.get(uid, {})
        return ranks.get(field, ranks.get("*"))

    def row_rank(self, uid: str) -> str | None:
        ranks = self.ranks.get(uid)
        return max(ranks.values()) if ranks else None

    def set_rank(self, uid: str, field: str, rank: str) -> None:
        self.ranks.setdefault(uid, {})[field] = rank
        self.new_ranks[(uid, field)] = rank

    def set_field(self, table: str, uid: str, field: str, value: Any) -> None:
        row = self.rows[(table, uid)]
        self.dirty.setdefault((table, uid), dict(row))
        self.dirty_fields.setdefault((table, uid), set()).add(field)
        row[field] = value

    def owner(self, table: str, uid: str, row: dict[str, Any] | None, content: Any) -> str | None:
        if row is None:
            return owner_of(self.store, table, None, content)
        key = (table, uid)
        if key not in self._owners:
            org_id = row.get("owner_org_id") if table == "tasks" else None
            if org_id is not None:  # the common case, without a query per row
                if self._org_codes is None:
                    self._org_codes = xs.org_codes(self.store)
                self._owners[key] = self._org_codes.get(org_id)
            else:
                self._owners[key] = owner_of(self.store, table, row, content)
        return self._owners[key]

    def flush(self) -> None:
        """Write the pending field changes (one audited update per row) and ranks."""
        by_table: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] = {}
        fields: dict[str, list[set[str]]] = {}
        for key, old in self.dirty.items():
            by_table.setdefault(key[0], []).append((old, self.rows[key]))
            fields.setdefault(key[0], []).append(self.dirty_fields[key])
        for table, pairs in by_table.items():
            xs.update_rows(self.store, table, pairs, fields[table])
            for _, row in pairs:
                row["version"] += 1
        self.dirty.clear()
        self.dirty_fields.clear()
        cl.set_ranks(self.store, self.new_ranks)
        self.new_ranks.clear()

    def reload(self, table: str, uid: str) -> None:
        row = xs.row_by_uid(self.store, table, uid)
        if row is None:
            self.rows.pop((table, uid), None)
        else:
            self.rows[(table, uid)] = row
        self._owners.pop((table, uid), None)


def _loads(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def _state(batch: MergeBatch, rec: cl.Record, row: dict[str, Any] | None) -> merge.FieldState:
    tomb = batch.tombs.get(rec.row_uid) if row is None else None
    update = rec.op == "update"
    return merge.FieldState(
        exists=row is not None,
        value=cl.shared_value(batch.store, rec.table_name, rec.field, row[rec.field])
        if row is not None and update else None,
        rank=(batch.field_rank(rec.row_uid, rec.field) if update
              else batch.row_rank(rec.row_uid)) if row is not None else None,
        deleted_rank=tomb[0] if tomb else None,
        deleted_seen=tomb[2] if tomb else None,
    )


def _merge_one(batch: MergeBatch, rec: cl.Record, origin: dict[str, Any], me: DeskProfile,
               summary: MergeSummary) -> None:
    store, table, uid = batch.store, rec.table_name, rec.row_uid
    row = batch.row(table, uid)
    value = _loads(rec.value)
    if rec.op == "update" and row is not None and (rec.field not in row or (
            table == "tasks" and rec.field == "percent_complete"
            and cl.is_derived(store, row["id"], row))):
        # a column this version does not have, or a percent that follows the checklist
        # (recomputed here when the transaction settles; older desks sent it as a change)
        summary.already += 1
        return
    here = _state(batch, rec, row)
    tomb = batch.tombs.get(uid)
    content = value if rec.op == "insert" else _loads(rec.base) if rec.op == "delete" \
        else _loads(tomb[1]) if tomb and row is None else None
    owner = batch.owner(table, uid, row, content)
    entitled = merge.may_change(origin.get("role", merge.MEMBER), origin.get("ministry", ""),
                                owner)
    outcome = merge.decide(merge.Change(rec.op, value, rec.base_rank, rec.rank), here, entitled)
    if outcome is merge.Outcome.TAKE:
        try:
            _take(batch, rec, row, value)
        except LookupError:  # it refers to a row deleted here: a delete-against-edit conflict
            summary.held.append((_hold(store, "delete", rec, origin, None, None), "delete"))
            return
        summary.applied += 1
        _touch(store, table, row, value, summary)
    elif outcome is merge.Outcome.SAME:
        summary.already += 1
        if rec.op == "update":
            if merge.newer(rec.rank, here.rank):
                batch.set_rank(uid, rec.field, rec.rank)  # equal values: ranks converge too
            if batch.held_open:
                xs.close_settled(store, uid, rec.field, rec.base_rank, rec.value)
    elif outcome is merge.Outcome.GONE:
        summary.already += 1
    elif outcome is merge.Outcome.CONFLICT:
        batch.held_open = True
        if rec.op == "update" and xs.fold_into_held(store, rec):
            return  # a later change on the side already held: the conflict shows the newest
        deleted_here = row is None
        kind = "delete" if rec.op == "delete" or deleted_here else "conflict"
        mine = None if deleted_here else cl.dumps(
            here.value if rec.op == "update" else cl.shared_row(store, table, row))
        mine_rank = here.rank if row is not None else here.deleted_rank
        summary.held.append((_hold(store, kind, rec, origin, mine, mine_rank), kind))
    elif me.role == merge.COORDINATOR or (owner and owner == me.ministry):
        batch.held_open = True  # a proposal for this desk to decide
        current = None if row is None else cl.dumps(
            here.value if rec.op == "update" else cl.shared_row(store, table, row))
        summary.held.append((_hold(store, "proposal", rec, origin, current, here.rank),
                             "proposal"))
    else:
        summary.proposals += 1  # another ministry's to decide: not held here


def _hold(store: Store, kind: str, rec: cl.Record, origin: dict[str, Any], mine: str | None,
          mine_rank: str | None) -> int:
    return xs.add_held(store, kind=kind, table_name=rec.table_name, row_uid=rec.row_uid,
                field=rec.field, base=rec.base, mine=mine, mine_rank=mine_rank,
                theirs=rec.value, theirs_rank=rec.rank, theirs_desk=rec.origin_desk,
                theirs_ministry=origin.get("ministry", ""), theirs_officer=rec.officer,
                theirs_at=rec.wall_time)


def _take(batch: MergeBatch, rec: cl.Record, row: dict[str, Any] | None, value: Any) -> None:
    store, table, uid = batch.store, rec.table_name, rec.row_uid
    if rec.op == "update":
        assert row is not None
        batch.set_field(table, uid, rec.field, cl.local_value(store, table, rec.field, value))
        batch.set_rank(uid, rec.field, rec.rank)
        if batch.held_open:
            xs.close_settled(store, uid, rec.field, rec.base_rank, rec.value)
        return
    batch.flush()  # inserts and deletes see every change taken before them
    if rec.op == "insert":
        local = cl.local_row(store, table, value or {})
        xs.insert_row(store, table, {**local, "uid": uid})
        batch.set_rank(uid, "*", rec.rank)
        batch.tombs.pop(uid, None)
    else:
        assert row is not None
        store.delete_row(table, row["id"])
        cl.add_tombstone(store, uid, table, rec.rank, rec.base, rec.origin_desk)
        batch.tombs[uid] = (rec.rank, rec.base, rec.base_rank)
    batch.reload(table, uid)


def owner_of(store: Store, table: str, row: dict[str, Any] | None,
             shared: dict[str, Any] | None) -> str | None:
    """The ministry that owns a row (from the local row, else its exchanged content)."""
    if row is not None:
        if table == "organisations":
            return row["code"]
        if table == "tasks":
            return xs.task_owner_code(store, row["id"])
        org = xs.org_code(store, row.get("org_id")) if "org_id" in row else None
        task_id = row.get("successor_id", row.get("task_id"))
        return org or (xs.task_owner_code(store, task_id) if task_id else None)
    if not isinstance(shared, dict):
        return None
    if table == "organisations":
        return shared.get("code")
    org = xs.org_code_by_uid(store, shared.get("owner_org_id") or shared.get("org_id"))
    if org is not None:
        return org
    task_uid = shared.get("successor_id") or shared.get("task_id") or shared.get("parent_id")
    return xs.task_owner_code(store, xs.task_id_by_uid(store, task_uid))


def _touch(store: Store, table: str, row: dict[str, Any] | None, value: Any,
           summary: MergeSummary) -> None:
    """Note the tasks whose sign-off gate a merged change may affect."""
    if table == "tasks" and row is not None:
        summary.touched_tasks.add(row["id"])
    elif table in ("checklist_items", "signoffs"):
        if row is not None:
            summary.touched_tasks.add(row["task_id"])
        elif isinstance(value, dict):
            task_id = xs.task_id_by_uid(store, value.get("task_id"))
            if task_id is not None:
                summary.touched_tasks.add(task_id)


def _recheck_gates(store: Store, summary: MergeSummary) -> None:
    """A milestone signed off on one desk while another reopened an item: a held conflict."""
    for task in xs.gated_tasks(store, summary.touched_tasks):
        task_id = task["id"]
        done = xs.item_states(store, task_id)
        if merge.gate_breaks(True, is_signed_off(store, task_id), done):
            if not xs.open_held_for(store, task["uid"], "signoff"):
                xs.add_held(store, kind="gate", table_name="tasks", row_uid=task["uid"],
                            field="signoff", mine=cl.dumps("signed_off"),
                            theirs=cl.dumps("item_reopened"), theirs_at=xs.now())
                summary.conflicts += 1


def digest(store: Store) -> str:
    """The shared plan state's digest: equal on desks that have exchanged everything."""
    return xs.state_digest(store)
