"""Full JSON backup: lossless restore into a new file (every table, row by row), refusals."""

from __future__ import annotations

import json

import pytest

from smartcity_desktop.interop.backup_json import (
    backup_dict,
    export_backup,
    parse_backup,
    parse_backup_bytes,
    restore_backup,
)
from smartcity_desktop.interop.errors import InteropError
from smartcity_desktop.store import audit, open_store


def _tables(store):
    return backup_dict(store)["tables"]


def test_restore_is_lossless_table_by_table(store, tmp_path):
    store.set_setting("ui.lang", "ko")
    path = tmp_path / "b.json"
    rows = export_backup(store, path)
    preview = parse_backup(path)
    assert preview.counts["tasks"] == 10 and sum(preview.counts.values()) == rows
    restore_backup(preview.plan.backup, tmp_path / "restored.db")
    with open_store(tmp_path / "restored.db", keep_backups=0) as back:
        a, b = _tables(store), _tables(back)
        assert a.keys() == b.keys()
        for table in a:
            assert a[table] == b[table], table
        assert a["audit_log"] and audit.verify(back).ok
        assert back.schema_version == store.schema_version


def test_real_seed_backup_is_lossless(real_store, tmp_path):
    export_backup(real_store, tmp_path / "b.json")
    restore_backup(parse_backup(tmp_path / "b.json").plan.backup, tmp_path / "r.db")
    with open_store(tmp_path / "r.db", keep_backups=0) as back:
        assert _tables(back) == _tables(real_store)


def _doc(store) -> dict:
    return json.loads(json.dumps(backup_dict(store)))


@pytest.mark.parametrize("change, expected", [
    (lambda d: d.update(format="other"), "not a smartcity-desktop backup"),
    (lambda d: d.update(version=2), "format version 2"),
    (lambda d: d.update(schema_version=99), "newer version"),
    (lambda d: d["tables"].update(spam=[]), "unknown table 'spam'"),
    (lambda d: d["tables"]["tasks"][0].update(colour="red"), "unknown column 'colour'"),
    (lambda d: d["tables"]["dependencies"][0].update(predecessor_id=999),
     "does not fit the database"),
    (lambda d: d["tables"]["tasks"].append(dict(d["tables"]["tasks"][0])),
     "does not fit the database"),
    (lambda d: d["tables"]["tasks"][0].update(name_ko=["x"]), "values must be text"),
    (lambda d: d.update(tables=[]), "\"tables\" must be an object"),
])
def test_bad_backups_are_refused_and_leave_no_file(store, tmp_path, change, expected):
    doc = _doc(store)
    change(doc)
    target = tmp_path / "new.db"
    with pytest.raises(InteropError, match=expected):
        restore_backup(doc, target)
    assert not target.exists()
    assert not (tmp_path / "new.db-wal").exists()


def test_refuses_existing_target_and_non_json(store, tmp_path):
    (tmp_path / "x.db").write_bytes(b"keep")
    with pytest.raises(InteropError, match="already exists"):
        restore_backup(_doc(store), tmp_path / "x.db")
    assert (tmp_path / "x.db").read_bytes() == b"keep"
    with pytest.raises(InteropError, match="not valid JSON"):
        parse_backup_bytes(b'{"format": ', "b.json")
    with pytest.raises(InteropError, match="not UTF-8"):
        parse_backup_bytes(b"\xff\xfe\x00", "b.json")
