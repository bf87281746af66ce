"""Hybrid logical clock ranks: a run of ticks is the chain of single ticks."""

from __future__ import annotations

import pytest

from smartcity_desktop.domain.hlc import Hlc, tick, ticks

DESK = "f7467c846680426c"


def _chained(last: str | None, desk: str, count: int, now_ms: int) -> list[str]:
    out = []
    for _ in range(count):
        last = tick(last, desk, now_ms)
        out.append(last)
    return out


@pytest.mark.parametrize("last", [None, f"{1_000:013d}.00007.{DESK}",  # long ago
                                  f"{5_000:013d}.00003.other.desk",  # now, another desk
                                  f"{9_999:013d}.00041.{DESK}"])  # ahead of our clock
def test_a_run_of_ticks_is_the_chain_of_single_ticks(last) -> None:
    for count in (0, 1, 2, 2000):
        got = ticks(last, DESK, count, now_ms=5_000)
        assert got == _chained(last, DESK, count, 5_000)
        assert got == sorted(got) and len(set(got)) == count
        assert all(last is None or r > last for r in got)
    assert Hlc.parse(ticks(last, "d.o.t", 3, now_ms=5_000)[-1]).desk == "d.o.t"


def test_ticks_read_the_clock_when_not_given() -> None:
    first, second = ticks(None, DESK, 2)
    assert second > first and Hlc.parse(second).counter == Hlc.parse(first).counter + 1


def test_a_full_counter_borrows_the_next_millisecond() -> None:
    """A desk whose clock is behind a received rank counts on it; 100,000 ranks in one
    millisecond made the counter six digits, and the text stopped sorting."""
    from smartcity_desktop.domain.hlc import MAX_COUNTER, tick, ticks

    last = f"5000000000000.{MAX_COUNTER - 2:05d}.B"
    run = ticks(last, "A", 5, now_ms=1000)
    assert run == sorted(run) and run[0] > last and len({len(r) for r in run}) == 1
    assert run[2] == "5000000000001.00000.A"
    assert tick(f"5000000000000.{MAX_COUNTER:05d}.B", "A", 1000) == "5000000000001.00000.A"
    chained = [last]
    for _ in range(5):
        chained.append(tick(chained[-1], "A", 1000))
    assert chained[1:] == run
