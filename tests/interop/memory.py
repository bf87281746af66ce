"""How much a parse grows a fresh process's peak memory (a helper for the memory tests).

The child reads its own ``VmHWM`` after resetting it (``/proc/self/clear_refs``):
``ru_maxrss`` would start at the test runner's size, carried over the fork, and
hide any growth below it. A tiny file of the same format is parsed first, so the
code a parser loads once is not counted.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: Source for a child process: ``peak_mb()`` (its own peak RSS) and ``reset_peak()``
#: (the peak becomes the current RSS, Linux 4.0+). The import benchmark uses it too.
PROBE = r"""
def peak_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM")

def reset_peak():
    with open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")
"""

_MEASURE = PROBE + r"""
import importlib, sys
from pathlib import Path

module, name = sys.argv[1].rsplit(".", 1)
parse = getattr(importlib.import_module(module), name)
parse(Path(sys.argv[3]))
reset_peak()
before = peak_mb()
preview = parse(Path(sys.argv[2]))
print(len(preview.plan.tasks), peak_mb() - before)
"""


def parse_growth_mb(parser: str, path: Path, warm_up: Path) -> tuple[int, float]:
    """(tasks parsed, peak growth in MB) of ``parser`` (dotted name) reading ``path``."""
    done = subprocess.run([sys.executable, "-c", _MEASURE, parser, str(path), str(warm_up)],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    tasks, grew = done.stdout.strip().splitlines()[-1].split()
    return int(tasks), float(grew)
