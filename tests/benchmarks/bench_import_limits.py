"""Import limits benchmark: a 100,000-row CSV, and peak memory per megabyte of input.

``import_100k_csv_s`` times parsing a 100,000-task CSV (with every check) and
landing it in a new database in one transaction (target < 20 s).
``import_100k_csv_cpu_s`` is the same import's CPU time (the machine is shared:
wall time moves with the load, CPU time much less).
``import_peak_mb_per_file_mb`` is the largest ratio, over the CSV and a
10,000-task MS Project XML file, of the process's peak memory growth during the
import to the file's size (each format measured in its own fresh process).
Each process first imports a tiny file of the same format into a throwaway
database, so the code an import loads once per process (the signing library for
a new database's desk key, the encoding detector: ~10 MB, already loaded in the
window) is not counted as memory the file needs; ``import_code_mb_*`` reports it.
``xml_refused_95mb_s`` times refusing the 95 MB tiny-tag XML that took 2.3 GB.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.interop.memory import PROBE

ROOT = Path(__file__).resolve().parents[2]

# the child's own peak RSS (ru_maxrss would start at the parent's size, carried over the fork)
_MEASURE = PROBE + r"""
import json, sys, time
from pathlib import Path
from smartcity_desktop.interop.apply import apply_to_new_database
from smartcity_desktop.interop.formats import parse_file
from smartcity_desktop.interop.errors import InteropError

path, into, warm = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
start = peak_mb()
apply_to_new_database(parse_file(warm), into.with_name(into.stem + "-warm.db"))
code = peak_mb() - start
reset_peak()
before = peak_mb()
t0, cpu0 = time.perf_counter(), time.process_time()
try:
    result = apply_to_new_database(parse_file(path), into)
    added = result.tasks_added
except InteropError:
    added = -1
seconds, cpu = time.perf_counter() - t0, time.process_time() - cpu0
print(json.dumps({"s": seconds, "cpu_s": cpu, "grew_mb": peak_mb() - before, "added": added,
                  "file_mb": path.stat().st_size / 1e6, "code_mb": code}))
"""


def _measure(path: Path, into: Path, warm: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", _MEASURE, str(path), str(into), str(warm)],
                          cwd=ROOT,
                          capture_output=True, text=True, check=True,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    return json.loads(done.stdout.strip().splitlines()[-1])


def _mspdi_10k(folder: Path) -> Path:
    from smartcity_desktop.interop.mspdi import export_mspdi
    from smartcity_desktop.store import open_store
    from tests.benchmarks.bench_interop import build_plan

    store = open_store(folder / "gen.db", seed=False, keep_backups=0)
    build_plan(store)
    xml = folder / "gen.xml"
    export_mspdi(store, xml)
    store.close()
    return xml


def run() -> list[dict]:
    sys.path.insert(0, str(ROOT))
    from tests.interop import attacks

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        csv = attacks.csv_rows(folder, 100_000, duplicate_last=False)
        tiny_csv = folder / "tiny.csv"
        tiny_csv.write_text("WBS,과업명,기간(일),시작일\n1,가,2,2019-03-04\n", encoding="utf-8")
        csv_run = _measure(csv, folder / "csv.db", tiny_csv)
        assert csv_run["added"] == 100_000, csv_run
        tiny_xml = ROOT / "tests" / "interop" / "data" / "links_and_lags.xml"
        xml_run = _measure(_mspdi_10k(folder), folder / "xml.db", tiny_xml)
        assert xml_run["added"] > 9_000, xml_run
        wide = attacks.xml_wide(folder, 95)
        t0 = time.perf_counter()
        refused = _measure(wide, folder / "wide.db", tiny_xml)
        refused_s = time.perf_counter() - t0
        assert refused["added"] == -1
    ratio = max(r["grew_mb"] / r["file_mb"] for r in (csv_run, xml_run))
    return [
        {"metric": "import_100k_csv_s", "value": round(csv_run["s"], 2), "unit": "s"},
        # CPU seconds of the importing process: what the wall time is on an idle machine
        {"metric": "import_100k_csv_cpu_s", "value": round(csv_run["cpu_s"], 2), "unit": "s"},
        {"metric": "import_peak_mb_per_file_mb", "value": round(ratio, 2), "unit": "MB/MB"},
        {"metric": "import_peak_mb_csv_100k", "value": round(csv_run["grew_mb"], 1),
         "unit": "MB"},
        {"metric": "import_peak_mb_mspdi_10k", "value": round(xml_run["grew_mb"], 1),
         "unit": "MB"},
        {"metric": "import_code_mb_csv", "value": round(csv_run["code_mb"], 1), "unit": "MB"},
        {"metric": "import_code_mb_mspdi", "value": round(xml_run["code_mb"], 1), "unit": "MB"},
        {"metric": "xml_refused_95mb_s", "value": round(refused_s, 2), "unit": "s"},
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
