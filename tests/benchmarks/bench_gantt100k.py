"""The main-window Gantt benchmark on a 100,000-task, 150,000-link plan (``run.py gantt100k``).

Same measures as :mod:`.bench_gantt` (open to the first paint, every tab, scroll and
zoom repaints, peak memory), named ``gantt_open_100k_s``, ``gantt_peak_100k_mb`` ...
Targets: open < 12 s, peak < 1,000 MB. The plan is generated in a child process (its
peak is not the window's) with links inside each work stream: chained across 200
streams they push the schedule past 2200, which the scheduler refuses. Kept apart
from ``run.py gantt`` because it takes a minute or more.
"""

from __future__ import annotations

from tests.benchmarks.bench_gantt import measure

N_TASKS, N_LINKS = 100_000, 150_000


def run() -> list[dict]:
    return measure(N_TASKS, N_LINKS, "100k", repeats=20, cross_streams=False,
                   generate_apart=True)
