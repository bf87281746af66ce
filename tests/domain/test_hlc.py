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
