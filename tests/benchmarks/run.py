"""Benchmark runner: ``python tests/benchmarks/run.py [NAME]``.

Runs every ``bench_<name>.py`` module beside this file (or those whose name is
NAME or starts with ``NAME_``), each in a fresh process so peak-memory figures
do not leak between benchmarks, and prints one JSON object per metric line:
``{"metric": ..., "value": ..., "unit": ...}``.
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def modules(name: str | None) -> list[str]:
    found = sorted(p.stem[len("bench_"):] for p in HERE.glob("bench_*.py"))
    if name is None:
        return found
    return [n for n in found if n == name or n.startswith(f"{name}_")]


def run_one(name: str) -> int:
    """Run one benchmark module in this process and print its metrics."""
    sys.path.insert(0, str(ROOT))
    module = importlib.import_module(f"tests.benchmarks.bench_{name}")
    for metric in module.run():
        print(json.dumps(metric, ensure_ascii=False), flush=True)
    return 0


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[1] == "--inline":
        return run_one(argv[2])
    name = argv[1] if len(argv) > 1 else None
    names = modules(name)
    if not names:
        print(f"run.py: no benchmark named '{name}'; have: {', '.join(modules(None))}",
              file=sys.stderr)
        return 2
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    status = 0
    for n in names:
        proc = subprocess.run([sys.executable, __file__, "--inline", n], cwd=ROOT, env=env)
        status = status or proc.returncode
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
