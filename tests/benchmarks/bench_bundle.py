"""Bundle benchmark: size of the full offline bundles (Python 3.11-3.13) for Linux and Windows.

Metrics: ``bundle_linux_mb`` and ``bundle_win_mb`` (megabytes, 10^6 bytes, of every
file in the bundle folder) and ``bundle_linux_build_s`` / ``bundle_win_build_s``.
Both need the package index (pip's HTTP cache makes repeated runs faster); when it
cannot be reached, the metric is left out and the reason goes to stderr.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from smartcity_desktop.bundle import BundleError, build_bundle, target

NAMES = {"manylinux": "linux", "win_amd64": "win"}


def run() -> list[dict]:
    metrics = []
    with tempfile.TemporaryDirectory(prefix="bench-bundle-") as tmp:
        for platform, short in NAMES.items():
            start = time.perf_counter()
            try:
                result = build_bundle(target(platform), Path(tmp) / platform)
            except BundleError as exc:
                print(f"bundle_{short}_mb: skipped ({exc.text('en')})", file=sys.stderr)
                continue
            metrics.append({"metric": f"bundle_{short}_mb",
                            "value": round(result.size_bytes / 1e6, 1), "unit": "MB"})
            metrics.append({"metric": f"bundle_{short}_build_s",
                            "value": round(time.perf_counter() - start, 1), "unit": "s"})
    return metrics
