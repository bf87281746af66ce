"""The pure merge rules and the hybrid logical clock."""

from __future__ import annotations

from smartcity_desktop.domain import merge
from smartcity_desktop.domain.hlc import Hlc, tick
from smartcity_desktop.domain.merge import Change, FieldState, Outcome, decide


def test_tick_is_above_everything_seen_even_with_a_slow_wall_clock():
    a = tick(None, "deskA", now_ms=1_000)
    b = tick(a, "deskB", now_ms=500)  # B's clock is behind A's
    assert b > a and Hlc.parse(b).wall_ms == 1_000 and Hlc.parse(b).counter == 1
    assert tick(b, "deskA", now_ms=2_000) > b


def test_one_side_changed_is_taken_and_equal_values_need_nothing():
    here = FieldState(exists=True, value=10, rank="r1")
    assert decide(Change("update", 20, "r1", "r2"), here, True) is Outcome.TAKE
    assert decide(Change("update", 10, "r0", "r2"), here, True) is Outcome.SAME


def test_both_sides_changed_is_a_conflict_and_ownership_makes_proposals():
    here = FieldState(exists=True, value=10, rank="r1")
    assert decide(Change("update", 20, "r0", "r2"), here, True) is Outcome.CONFLICT
    assert decide(Change("update", 20, "r1", "r2"), here, False) is Outcome.PROPOSAL
    assert merge.may_change("coordinator", "MOLIT", "ME")
    assert merge.may_change("member", "ME", "ME")
    assert not merge.may_change("member", "MSIT", "ME")
    assert not merge.may_change("member", "MSIT", None)


def test_deletes_merge_as_tombstones():
    live = FieldState(exists=True, value=None, rank="r5")
    assert decide(Change("delete", None, "r5", "r6"), live, True) is Outcome.TAKE
    assert decide(Change("delete", None, "r4", "r6"), live, True) is Outcome.CONFLICT
    gone = FieldState(exists=False, deleted_rank="r6", deleted_seen="r5")
    assert decide(Change("update", 1, "r3", "r4"), gone, True) is Outcome.GONE  # seen by it
    assert decide(Change("update", 1, "r5", "r7"), gone, True) is Outcome.CONFLICT
    assert decide(Change("insert", {}, None, "r9"), gone, True) is Outcome.TAKE  # kept back
    assert merge.fixed_rule("delete", "r7", "r6", theirs_deletes=True) == "theirs"
    assert merge.fixed_rule("conflict", "r7", "r6") == "mine"


def test_gate_breaks_when_signed_off_with_an_open_item():
    assert merge.gate_breaks(True, True, [True, False])
    assert not merge.gate_breaks(True, False, [False])
    assert not merge.gate_breaks(True, True, [True, True])
