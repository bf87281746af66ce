"""Decisions on what an exchange held: conflicts (both values kept) and proposals.

:func:`resolve` is the one write function for a decision (CLI ``exchange resolve``, the
merge review window): one transaction, audited, and undoable as any recorded edit.
A decision is a change of this desk based on the side it overrules, which the next
package carries to the others: desks still holding that side take the decision, and
their own copy of the conflict closes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ..domain import merge
from ..messages import Refusal, register
from ..store import Store
from ..store import changelog as cl
from ..store import exchange_store as xs

register({
    "exchange.resolve.unknown": ("보류 항목 #{id}이(가) 없습니다", "no held item #{id}"),
    "exchange.resolve.decided": ("보류 항목 #{id}은(는) 이미 결정되었습니다 ({status})",
                                 "held item #{id} is already decided ({status})"),
    "exchange.resolve.bad_take": ("{take}: mine, theirs 또는 값을 지정하십시오",
                                  "{take}: give mine, theirs or a value"),
    "exchange.resolve.gone": ("보류 항목 #{id}: 대상 행이 이 데이터베이스에 없습니다",
                              "held item #{id}: its row is not in this database"),
    "exchange.resolve.done": ("보류 항목 #{id}: {status}", "held item #{id}: {status}"),
})
TAKES = ("mine", "theirs")


@dataclass(frozen=True)
class Decision:
    held_id: int
    status: str

    def line(self, lang: str | None = None) -> str:
        return Refusal("exchange.resolve.done", id=self.held_id, status=self.status).text(lang)


def resolve(store: Store, held_id: int, take: str, value: Any = None,
            by: str = "") -> Decision:
    """Decide one held item: ``mine``, ``theirs``, or ``value`` (an edited value, JSON-able)."""
    with store.transaction():
        item = xs.held_one(store, held_id)
        if item is None:
            raise Refusal("exchange.resolve.unknown", id=held_id)
        if item["status"] != "open":
            raise Refusal("exchange.resolve.decided", id=held_id, status=item["status"])
        if take not in (*TAKES, "value"):
            raise Refusal("exchange.resolve.bad_take", take=take)
        kind = item["kind"]
        if kind == "proposal":
            status = _proposal(store, item, take, value)
        elif kind == "gate":
            status = _gate(store, item, take)
        elif kind == "delete":
            status = _delete(store, item, take)
        else:
            status = _field(store, item, take, value)
        decided = cl.dumps(value) if take == "value" else (
            item["theirs"] if take == "theirs" else _kept(store, item))
        item = xs.held_one(store, held_id) or item  # a gate decision may have touched it
        xs.update_fields(store, "exchange_held", item, {
            "status": status, "decided_value": decided, "decided_at": xs.now(),
            "decided_by": by or store.setting("desk.officer_name") or store.user})
        return Decision(held_id, status)


def _row(store: Store, item: dict[str, Any]) -> dict[str, Any]:
    row = xs.row_by_uid(store, item["table_name"], item["row_uid"])
    if row is None:
        raise Refusal("exchange.resolve.gone", id=item["id"])
    return row


def _write_field(store: Store, item: dict[str, Any], shared: Any, adopt: str | None) -> None:
    row = _row(store, item)
    table, fld = item["table_name"], item["field"]
    local = cl.local_value(store, table, fld, shared)
    if row[fld] == local:
        return
    if adopt:
        with cl.adopting(store, adopt):
            xs.update_fields(store, table, row, {fld: local})
    else:
        xs.update_fields(store, table, row, {fld: local})


def _field(store: Store, item: dict[str, Any], take: str, value: Any) -> str:
    """A field conflict. Every decision is a change of this desk based on the losing side's
    rank, so the desks still holding that side take it without a second conflict."""
    if take == "value":  # overrules both sides: a change based on each
        _write_field(store, item, value, None)
        cl.append_assertion(store, item["row_uid"], item["table_name"], item["field"],
                            item["theirs"], item["theirs_rank"], cl.dumps(value))
        return "edited"
    if take == "theirs":
        _write_field(store, item, json.loads(item["theirs"]), None)
        return "theirs"
    cl.append_assertion(store, item["row_uid"], item["table_name"], item["field"],
                        item["theirs"], item["theirs_rank"], _current(store, item))
    return "mine"


def _current(store: Store, item: dict[str, Any]) -> str:
    """This desk's value of the held field now, as exchanged JSON.

    "Mine" is what the desk holds when it decides, not what it held when the item was
    held: a later merge or decision may have changed the field since. Asserting the
    value from then would send the other desks a value this desk no longer holds (its
    own row keeps the newer one), and the desks would never agree.
    """
    row = _row(store, item)
    fld = item["field"]
    return cl.dumps(cl.shared_value(store, item["table_name"], fld, row[fld]))


def _overtaken(store: Store, uid: str, row: dict[str, Any] | None, item: dict[str, Any]) -> bool:
    """Whether the row was re-created or deleted after both sides of a held delete conflict.

    A later whole-row change (a rejected delete proposal bringing the row back, or a
    newer delete) has already decided it on every desk that takes it; deciding the old
    conflict now would undo that here alone, unrecorded.
    """
    if row is not None:
        newest = cl.field_rank_exact(store, uid, "*")
    else:
        tomb = cl.tombstone(store, uid)
        newest = tomb[0] if tomb else None
    return all(merge.newer(newest, side) for side in (item["mine_rank"], item["theirs_rank"]))


def _kept(store: Store, item: dict[str, Any]) -> str | None:
    """The value "mine" kept: the field as it is now (a whole row or a gate: as held)."""
    if item["field"] in ("*", "signoff") or item["kind"] == "delete" \
            or xs.row_by_uid(store, item["table_name"], item["row_uid"]) is None:
        return item["mine"]
    return _current(store, item)


def _delete(store: Store, item: dict[str, Any], take: str) -> str:
    """Delete against edit. ``theirs``/``mine`` name the side kept, as for a field."""
    table, uid = item["table_name"], item["row_uid"]
    row = xs.row_by_uid(store, table, uid)
    theirs_deletes = item["theirs"] is None
    if take == "value":
        raise Refusal("exchange.resolve.bad_take", take=take)
    keep_deleted = (take == "theirs") == theirs_deletes
    if _overtaken(store, uid, row, item):
        return "closed"
    if keep_deleted:
        if row is not None:  # the delete from the other desk, adopted with its rank
            with cl.adopting(store, item["theirs_rank"]):
                store.delete_row(table, row["id"])
        return take
    if row is None:  # bring the row back (from its tombstone) with the other desk's edit
        tomb = cl.tombstone(store, uid)
        content = json.loads(tomb[1]) if tomb and tomb[1] else None
        if content is None:
            raise Refusal("exchange.resolve.gone", id=item["id"])
        if item["field"] != "*" and item["theirs"] is not None:
            content[item["field"]] = json.loads(item["theirs"])
        try:
            xs.insert_row(store, table, {**cl.local_row(store, table, content), "uid": uid})
        except LookupError:
            raise Refusal("exchange.resolve.gone", id=item["id"]) from None
    else:  # keep the row: re-assert it so desks that deleted it bring it back
        cl.append_whole_row(store, uid, table, cl.dumps(cl.shared_row(store, table, row)))
    return take


def _proposal(store: Store, item: dict[str, Any], take: str, value: Any) -> str:
    table, uid, fld = item["table_name"], item["row_uid"], item["field"]
    if take == "mine":  # rejected: tell the proposing desk to go back to our value
        row = xs.row_by_uid(store, table, uid)
        if fld != "*" and row is not None:
            cl.append_assertion(store, uid, table, fld, item["theirs"], item["theirs_rank"],
                                _current(store, item))
        elif item["theirs"] is not None and row is None:  # a proposed new row: delete it there
            cl.append_delete(store, uid, table, item["theirs"], item["theirs_rank"])
        elif item["theirs"] is None and row is not None:  # a proposed delete: keep the row
            cl.append_whole_row(store, uid, table, cl.dumps(cl.shared_row(store, table, row)))
        return "rejected"
    shared = value if take == "value" else (None if item["theirs"] is None
                                            else json.loads(item["theirs"]))
    row = xs.row_by_uid(store, table, uid)
    if fld != "*":
        _write_field(store, item, shared, None)
    elif shared is None and row is not None:  # a proposed delete
        store.delete_row(table, row["id"])
    elif shared is not None and row is None:  # a proposed new row
        try:
            xs.insert_row(store, table, {**cl.local_row(store, table, shared), "uid": uid})
        except LookupError:
            raise Refusal("exchange.resolve.gone", id=item["id"]) from None
    return "accepted"


def _gate(store: Store, item: dict[str, Any], take: str) -> str:
    """Signed off here, an item reopened there: keep the sign-off (tick) or reopen (revoke)."""
    task = _row(store, item)
    if take == "mine":
        for row in xs.open_items(store, task["id"]):
            xs.update_fields(store, "checklist_items", row, {
                "done": 1, "done_by": row["done_by"] or store.user, "done_at": xs.now()})
        return "mine"
    for row in xs.active_signoffs(store, task["id"]):
        xs.update_fields(store, "signoffs", row, {
            "revoked": 1, "revoke_reason": "item reopened on another desk (exchange)"})
    return "theirs"


def bulk_resolve(store: Store, held_ids: list[int], take: str) -> list[Decision]:
    """Decide many at once, in one transaction (one undoable edit)."""
    with store.transaction():
        return [resolve(store, i, take) for i in held_ids]


def resolve_by_rule(store: Store) -> list[Decision]:
    """Decide every open conflict by :func:`domain.merge.fixed_rule` (same on every desk)."""
    decisions = []
    with store.transaction():
        for item in xs.held(store, "open"):
            if item["kind"] in ("conflict", "delete"):
                take = merge.fixed_rule(item["kind"], item["mine_rank"], item["theirs_rank"],
                                        theirs_deletes=item["theirs"] is None)
                decisions.append(resolve(store, item["id"], take))
    return decisions
