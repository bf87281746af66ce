"""Merge rules for changes arriving from other desks, field by field (pure, no I/O).

Every field value carries a *rank* (the clock of the change that set it). A change
names the rank of the value it replaced (``base_rank``):

- it replaced exactly what this desk holds: one side changed, take it;
- it sets the value this desk already holds: nothing to decide;
- otherwise both sides changed the field since their common base: a conflict that
  keeps both values until a person (or, in tests, :func:`fixed_rule`) decides.

Ownership: a member desk may change rows its ministry owns; the coordinator may
change anything; anything else is held as a proposal. A delete is a tombstone
and merges the same way: a delete against a concurrent edit is a conflict.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

COORDINATOR = "coordinator"
MEMBER = "member"
ROLES = (COORDINATOR, MEMBER)


class Outcome(str, Enum):
    TAKE = "take"  # apply the change
    SAME = "same"  # this desk already holds the value
    CONFLICT = "conflict"  # both sides changed: hold both values
    PROPOSAL = "proposal"  # not the sender's to change: hold for the owner or coordinator
    GONE = "gone"  # the row was deleted here and the change is older than the delete


@dataclass(frozen=True)
class FieldState:
    """What this desk holds for one field (or, for a delete, the row's newest rank)."""

    exists: bool
    value: Any = None
    rank: str | None = None  # None: the seeded value, never changed
    deleted_rank: str | None = None  # set when the row is a tombstone here
    deleted_seen: str | None = None  # the newest rank the delete had seen of the row


@dataclass(frozen=True)
class Change:
    op: str  # insert | update | delete
    value: Any
    base_rank: str | None
    rank: str


def may_change(role: str, desk_ministry: str, owner_ministry: str | None) -> bool:
    """Whether a desk of ``role``/``desk_ministry`` may change a row owned by ``owner_ministry``."""
    if role == COORDINATOR:
        return True
    return bool(owner_ministry) and desk_ministry == owner_ministry


def newer(a: str | None, b: str | None) -> bool:
    """Whether rank ``a`` is above rank ``b`` (no rank = the seed, below everything)."""
    return (a or "") > (b or "")


def decide(change: Change, here: FieldState, entitled: bool) -> Outcome:
    """What to do with one incoming change, given what this desk holds."""
    if not entitled:
        return Outcome.PROPOSAL
    if change.op == "insert":
        if here.deleted_rank is not None:
            return Outcome.TAKE if newer(change.rank, here.deleted_rank) else Outcome.GONE
        return Outcome.SAME if here.exists else Outcome.TAKE
    if not here.exists:
        if change.op == "delete":
            return Outcome.SAME
        if here.deleted_rank is not None and newer(change.rank, here.deleted_seen):
            return Outcome.CONFLICT  # edited where the delete had not seen it
        return Outcome.GONE
    if change.base_rank == here.rank:
        return Outcome.TAKE
    if change.op == "update" and change.value == here.value:
        return Outcome.SAME
    return Outcome.CONFLICT


def fixed_rule(kind: str, mine_rank: str | None, theirs_rank: str | None,
               theirs_deletes: bool = False) -> str:
    """A decision every desk reaches alike (tests, bulk "take newest"): ``mine`` or ``theirs``.

    Field conflicts: the higher rank wins. Delete against edit: the delete wins, on
    both sides (``theirs`` where the delete arrived, ``mine`` where it was made).
    """
    if kind == "delete":
        return "theirs" if theirs_deletes else "mine"
    return "theirs" if newer(theirs_rank, mine_rank) else "mine"


def gate_breaks(needs_signoff: bool, signed_off: bool, items_done: list[bool]) -> bool:
    """After a merge: a signed-off gated milestone with an item reopened elsewhere is a conflict."""
    return needs_signoff and signed_off and not all(items_done)
