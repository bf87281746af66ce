"""CLI export/import (one-line errors, exit 2), apply targets and all-or-nothing, .mpp hint."""

from __future__ import annotations

import importlib.util

import pytest

from smartcity_desktop.cli import main
from smartcity_desktop.domain import model as m
from smartcity_desktop.interop import mpp
from smartcity_desktop.interop.apply import Target, apply_preview, apply_to_new_database
from smartcity_desktop.interop.errors import InteropError, MissingComponentError
from smartcity_desktop.interop.mspdi_import import parse_mspdi
from smartcity_desktop.store import StoreError, open_store

from .conftest import DATA, make_store, task_facts


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "plan.db"
    make_store(path).close()
    return path


@pytest.mark.parametrize("fmt", ["mspdi", "xlsx", "csv", "ics", "json"])
def test_export_every_format(db, tmp_path, capsys, fmt):
    out = tmp_path / f"out.{fmt}"
    assert main(["export", "--format", fmt, "--out", str(out), "--db", str(db)]) == 0
    assert out.stat().st_size > 0
    assert str(out) in capsys.readouterr().out


def test_export_for_a_ministry_and_format_from_extension(db, tmp_path):
    out = tmp_path / "kw.xml"
    assert main(["export", "--out", str(out), "--ministry", "MOLIT", "--db", str(db)]) == 0
    assert [p.task.wbs for p in parse_mspdi(out).plan.tasks] == ["1", "1.1", "2", "2.2"]


def test_import_into_new_database_and_back(db, tmp_path, capsys):
    xml = tmp_path / "plan.xml"
    main(["export", "--format", "mspdi", "--out", str(xml), "--db", str(db)])
    new = tmp_path / "new.db"
    assert main(["import", str(xml), "--into", str(new)]) == 0
    with open_store(db, keep_backups=0) as a, open_store(new, keep_backups=0) as b:
        assert task_facts(a) == task_facts(b)
    backup = tmp_path / "all.json"
    main(["export", "--out", str(backup), "--db", str(db)])
    assert main(["import", str(backup), "--into", str(tmp_path / "restored.db")]) == 0


def test_import_into_current_and_dry_run(db, capsys):
    assert main(["import", str(DATA / "projectlibre.xml"), "--db", str(db), "--dry-run"]) == 0
    with open_store(db, keep_backups=0) as s:
        assert s.count(m.Task) == 10
    assert main(["import", str(DATA / "projectlibre.xml"), "--db", str(db)]) == 0
    with open_store(db, keep_backups=0) as s:
        imported = [t for t in s.tasks() if t.wbs.startswith("4")]
        assert [t.wbs for t in imported] == ["4", "4.1", "4.1.1", "4.1.2"]
        assert imported[0].name_ko == "가져옴: K-water 부산 EDC"


@pytest.mark.parametrize("args, expected", [
    (["import", "missing.xml"], "no such file"),
    (["import", "{bad}"], "malformed XML"),
    (["import", "{bad}", "--format", "csv"], "no column holds the task name"),
    (["import", "{json}"], "add --into"),
    (["export", "--out", "x.pdf"], "--format is needed"),
    (["export", "--format", "json", "--out", "{tmp}/b.json", "--ministry", "MOLIT"],
     "--ministry does not apply"),
    (["export", "--format", "csv", "--out", "{tmp}/x.csv", "--ministry", "NOPE"],
     "unknown ministry"),
    (["import", "{links}", "--into", "{existing}"], "already exists"),
])
def test_bad_input_is_one_line_and_exit_2(db, tmp_path, capsys, args, expected):
    bad = tmp_path / "bad.xml"
    bad.write_text("<Project><Tasks>", encoding="utf-8")
    backup = tmp_path / "b0.json"
    main(["export", "--out", str(backup), "--db", str(db)])
    capsys.readouterr()
    subst = {"{bad}": str(bad), "{json}": str(backup), "{tmp}": str(tmp_path),
             "{links}": str(DATA / "links_and_lags.xml"), "{existing}": str(db)}
    argv = [a for a in args]
    for i, a in enumerate(argv):
        for k, v in subst.items():
            a = a.replace(k, v)
        argv[i] = a
    if argv[0] == "export" or "--into" not in argv:
        argv += ["--db", str(db)]
    assert main([*argv, "--lang", "en"]) == 2
    err = capsys.readouterr().err.strip()
    assert expected in err and "\n" not in err and "Traceback" not in err


def test_new_project_target(store):
    preview = parse_mspdi(DATA / "links_and_lags.xml")
    result = apply_preview(store, preview, Target.NEW_PROJECT)
    assert result.project_id != store.project().id
    assert store.count(m.Task, "project_id = ?", (result.project_id,)) == 8
    assert store.count(m.CalendarException, "project_id = ?", (result.project_id,)) == 5
    # the new project keeps the file's calendar, not the Korean one
    project = store.get(m.Project, result.project_id)
    assert not project.korean_holidays and project.work_week == "1111100"


def test_apply_is_all_or_nothing(store, monkeypatch):
    preview = parse_mspdi(DATA / "msproject2016.xml")
    before = (store.count(m.Task), store.count(m.Organisation),
              store.con.execute("SELECT max(id) FROM audit_log").fetchone()[0])
    real = type(store).insert_many
    calls = {"n": 0}

    def flaky(self, objs):  # the tasks land, then writing the links fails
        objs = list(objs)
        calls["n"] += len(objs)
        if objs and isinstance(objs[0], m.Dependency):
            raise StoreError("disk I/O error (simulated)")
        return real(self, objs)

    real_rows = type(store).insert_rows

    def counted(self, table, rows):  # the staged tasks land as rows
        rows = list(rows)
        calls["n"] += len(rows)
        return real_rows(self, table, rows)

    monkeypatch.setattr(type(store), "insert_many", flaky)
    monkeypatch.setattr(type(store), "insert_rows", counted)
    with pytest.raises(InteropError, match="not saved"):
        apply_preview(store, preview)
    monkeypatch.undo()
    assert calls["n"] > 3
    assert before == (store.count(m.Task), store.count(m.Organisation),
                      store.con.execute("SELECT max(id) FROM audit_log").fetchone()[0])


def test_failed_new_database_is_removed(tmp_path, monkeypatch):
    preview = parse_mspdi(DATA / "msproject2016.xml")
    from smartcity_desktop.interop import apply as apply_mod

    monkeypatch.setattr(apply_mod, "_land", lambda *a: (_ for _ in ()).throw(
        StoreError("simulated")))
    with pytest.raises(InteropError):
        apply_to_new_database(preview, tmp_path / "new.db")
    assert list(tmp_path.iterdir()) == []


def test_mpp_without_mpxj_explains_what_to_install(tmp_path, monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name in ("mpxj", "jpype") else real(name, *a))
    (tmp_path / "plan.mpp").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(MissingComponentError) as info:
        mpp.parse_mpp(tmp_path / "plan.mpp")
    assert "pip install mpxj JPype1" in str(info.value) and "JPype1, mpxj" in str(info.value)
    assert main(["import", str(tmp_path / "plan.mpp"), "--dry-run"]) == 2
