"""``schedule``: every task's computed schedule as JSON or CSV, the same the window shows."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from datetime import date
from pathlib import Path

import pytest

from smartcity_desktop.cli import main
from smartcity_desktop.store import open_store
from smartcity_desktop.store.planning import load_schedule

KEYS = {"wbs", "name", "start", "finish", "duration_days", "total_float_days", "critical",
        "summary", "milestone", "plan_start", "plan_finish"}


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("schedule") / "plan.db"
    assert main(["init-db", str(path)]) == 0
    return path


def run_json(seeded: Path, capsys, *extra: str) -> list[dict]:
    assert main(["--db", str(seeded), "schedule", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_has_every_task_with_the_keys_and_the_schedule(seeded: Path, capsys) -> None:
    rows = run_json(seeded, capsys)
    assert len(rows) == 147
    assert all(KEYS <= set(r) for r in rows)
    with open_store(seeded) as store:
        tasks, schedule, cal = load_schedule(store)
    by_wbs = {t.wbs: schedule[t.id] for t in tasks}
    for r in rows:
        st = by_wbs[r["wbs"]]
        assert (r["start"], r["finish"]) == (st.start.isoformat(), st.finish.isoformat())
        assert r["total_float_days"] == st.total_float and r["critical"] == st.critical
        if not r["milestone"] and not r["summary"]:
            # working days, inclusive of both ends
            days = cal.workdays_between(date.fromisoformat(r["start"]),
                                        date.fromisoformat(r["finish"]))
            assert r["duration_days"] in (days, days + 1)
    launch = next(r for r in rows if r["wbs"] == "3.6")
    assert launch["plan_finish"] == "2019년 1월 말" and launch["milestone"]
    assert next(r for r in rows if r["wbs"] == "1")["summary"]


def test_as_of_moves_unfinished_work_and_english_labels(seeded: Path, capsys) -> None:
    rows = run_json(seeded, capsys, "--as-of", "2021-12-31", "--lang", "en")
    launch = next(r for r in rows if r["wbs"] == "3.6")
    assert launch["finish"] >= "2021-12-31" and launch["total_float_days"] < 0
    assert launch["plan_finish"] == "late Jan 2019" and launch["forecast"]
    done = next(r for r in rows if r["wbs"] == "1.6")
    assert done["finish"] == "2018-12-26" and not done["forecast"] and not done["critical"]
    assert next(r for r in rows if r["wbs"] == "6.4")["assumption"]


def test_csv_has_the_same_rows(seeded: Path, capsys) -> None:
    as_json = run_json(seeded, capsys)
    assert main(["--db", str(seeded), "schedule", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["wbs"] for r in rows] == [r["wbs"] for r in as_json]
    assert [(r["start"], r["finish"]) for r in rows] == [(r["start"], r["finish"])
                                                          for r in as_json]
    assert {r["critical"] for r in rows} <= {"0", "1"}


@pytest.mark.parametrize("args", [["--as-of", "2019-13-01"], ["--as-of", "9999-12-31"]])
def test_bad_input_is_one_line_exit_2_and_changes_nothing(seeded: Path, capsys, args) -> None:
    before = hashlib.sha256(seeded.read_bytes()).hexdigest()
    assert main(["--db", str(seeded), "schedule", *args]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert hashlib.sha256(seeded.read_bytes()).hexdigest() == before
