"""Hybrid logical clock: ranks that order changes made on different desks.

A rank is text ``WWWWWWWWWWWWW.CCCCC.DESK``: wall milliseconds, a counter and the
desk id, so plain string comparison orders them and two desks never tie. A new
local rank is always above every rank the desk has seen (its own or received),
which keeps a change after the changes it was based on, whatever the desks'
wall clocks say.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

MAX_COUNTER = 99_999  # five digits: a rank's text must keep its width to sort as text


@dataclass(frozen=True, order=True)
class Hlc:
    wall_ms: int
    counter: int
    desk: str

    def text(self) -> str:
        return f"{self.wall_ms:013d}.{self.counter:05d}.{self.desk}"

    @classmethod
    def parse(cls, text: str) -> Hlc:
        wall, counter, desk = text.split(".", 2)
        return cls(int(wall), int(counter), desk)


def tick(last: str | None, desk: str, now_ms: int | None = None) -> str:
    """The next local rank after ``last`` (the highest rank seen), at wall time ``now_ms``."""
    now_ms = int(time.time() * 1000) if now_ms is None else now_ms
    if last is None:
        return Hlc(now_ms, 0, desk).text()
    prev = Hlc.parse(last)
    if now_ms > prev.wall_ms:
        return Hlc(now_ms, 0, desk).text()
    if prev.counter >= MAX_COUNTER:  # the counter is full: borrow the next millisecond
        return Hlc(prev.wall_ms + 1, 0, desk).text()
    return Hlc(prev.wall_ms, prev.counter + 1, desk).text()


def ticks(last: str | None, desk: str, count: int, now_ms: int | None = None) -> list[str]:
    """``count`` successive local ranks after ``last``, the clock read once (a batch of
    records): exactly what ``count`` chained :func:`tick` calls at ``now_ms`` give."""
    if count <= 0:
        return []
    first = tick(last, desk, now_ms)
    wall, counter, _ = first.split(".", 2)
    start = int(counter)
    if start + count - 1 > MAX_COUNTER:  # the run fills the counter: rank by rank
        out = [first]
        for _ in range(1, count):
            out.append(tick(out[-1], desk, now_ms))
        return out
    return [first, *(f"{wall}.{start + i:05d}.{desk}" for i in range(1, count))]


def wall_range(ranks: list[str]) -> tuple[str, str]:
    """The lowest and highest rank of a set (a package's clock range); empty strings if none."""
    if not ranks:
        return "", ""
    return min(ranks), max(ranks)
