"""Fuzzing every importer: broken inputs end in a clean import or InteropError, never a
traceback, and a failed import leaves the database unchanged.

What is compared: during the hypothesis runs, after every failed import the
database's logical state (row count of every table plus the last audit-log id
and hash — every committed write is audited, so any commit would change them)
must equal the state before. ``test_failed_imports_leave_the_file_byte_identical``
additionally closes the store (checkpointing the WAL into the main file) and
compares the SHA-256 of the main database file before and after hundreds of
failed imports, including failures that happen half-way through writing.
"""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smartcity_desktop.interop import apply as apply_mod
from smartcity_desktop.interop.apply import apply_preview, apply_to_new_database
from smartcity_desktop.interop.backup_json import export_backup
from smartcity_desktop.interop.csv_io import export_csv
from smartcity_desktop.interop.errors import InteropError
from smartcity_desktop.interop.formats import parse_file
from smartcity_desktop.interop.ics import export_ics
from smartcity_desktop.interop.mspdi import export_mspdi
from smartcity_desktop.interop.xlsx import export_xlsx
from smartcity_desktop.store import open_store

from .conftest import DATA, make_store

pytestmark = pytest.mark.slow
EXAMPLES = 1000
TOKENS = [b"", b"-1", b"0", b"7", b"99", b"abc", b"2019-02-30T09:00:00", b"PT-8H", b"NA",
          b"<", b"&", b"\xff", b"\x00", b"\xea\xb0", b";", b",", b"\r\n", b"\n ", b"1FS+3",
          b"9999999999999", b"2019-13", b"END:VEVENT", b"\"", b"{", b"null", b"[]"]
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow,
                                           HealthCheck.function_scoped_fixture,
                                           HealthCheck.data_too_large])


def state(store) -> tuple:
    tables = [r[0] for r in store.con.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
    counts = tuple(store.con.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0]
                   for t in tables)
    last = store.con.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    return counts, last


@st.composite
def mutations(draw, valid: bytes) -> bytes:
    data = bytearray(valid)
    for _ in range(draw(st.integers(1, 4))):
        n = len(data)
        op = draw(st.sampled_from(["flip", "delete", "insert", "token", "dup", "truncate"]))
        i = draw(st.integers(0, max(n - 1, 0)))
        j = min(n, i + draw(st.integers(0, 64)))
        if op == "flip" and n:
            data[i] = draw(st.integers(0, 255))
        elif op == "delete":
            del data[i:j]
        elif op == "insert":
            data[i:i] = draw(st.binary(max_size=16))
        elif op == "token":
            data[i:j] = draw(st.sampled_from(TOKENS))
        elif op == "dup":
            data[i:i] = data[i:j]
        elif op == "truncate":
            del data[i:]
    return bytes(data)


def try_import(store, tmp: Path, data: bytes, suffix: str) -> bool:
    """True when the input was imported, False when refused (database then unchanged)."""
    path = tmp / f"in{suffix}"
    path.write_bytes(data)
    before = state(store)
    try:
        preview = parse_file(path)
        if preview.plan.backup is not None:
            target = tmp / "restored.db"
            apply_to_new_database(preview, target)
            target.unlink()
        else:
            apply_preview(store, preview)
        return True
    except InteropError as exc:
        assert "\n" not in str(exc)
        assert state(store) == before
        return False


def _valid(store, tmp: Path, fmt: str) -> bytes:
    path = tmp / f"valid.{fmt}"
    {"xml": export_mspdi, "csv": export_csv, "ics": export_ics, "json": export_backup,
     "xlsx": export_xlsx}[fmt](store, path)
    return path.read_bytes()


@pytest.mark.parametrize("fmt", ["xml", "csv", "ics", "json"])
def test_mutated_files(store, tmp_path, fmt):
    valid = _valid(store, tmp_path, fmt)
    outcomes = []

    @SETTINGS
    @given(data=mutations(valid))
    def run(data: bytes) -> None:
        outcomes.append(try_import(store, tmp_path, data, f".{fmt}"))

    run()
    assert len(outcomes) >= EXAMPLES * 0.9
    assert outcomes.count(False) > 0


@pytest.mark.parametrize("name", ["msproject2016.xml", "projectlibre.xml",
                                  "links_and_lags.xml", "other_week.xml", "ganttproject.gan"])
def test_mutated_hand_written_files(store, tmp_path, name):
    valid = (DATA / name).read_bytes()
    suffix = Path(name).suffix

    @settings(SETTINGS, max_examples=400)
    @given(data=mutations(valid))
    def run(data: bytes) -> None:
        try_import(store, tmp_path, data, suffix)

    run()


def test_mutated_xlsx(store, tmp_path):
    """Byte mutations of the zip and mutations of the sheet XML inside it."""
    import zipfile

    valid = _valid(store, tmp_path, "xlsx")
    with zipfile.ZipFile(tmp_path / "valid.xlsx") as z:
        parts = {n: z.read(n) for n in z.namelist()}
    sheet = "xl/worksheets/sheet1.xml"

    @settings(SETTINGS, max_examples=300)
    @given(data=mutations(valid), inner=mutations(parts[sheet]))
    def run(data: bytes, inner: bytes) -> None:
        try_import(store, tmp_path, data, ".xlsx")
        rebuilt = tmp_path / "rebuilt.xlsx"
        with zipfile.ZipFile(rebuilt, "w") as z:
            for n, b in parts.items():
                z.writestr(n, inner if n == sheet else b)
        try_import(store, tmp_path, rebuilt.read_bytes(), ".xlsx")

    run()


@given(st.binary(max_size=2000))
@settings(SETTINGS, max_examples=500)
def test_random_bytes_are_refused_cleanly(tmp_path_factory, data):
    tmp = tmp_path_factory.mktemp("rnd")
    for suffix in (".xml", ".csv", ".ics", ".json", ".xlsx", ".gan"):
        (tmp / f"x{suffix}").write_bytes(data)
        try:
            parse_file(tmp / f"x{suffix}")
        except InteropError:
            pass


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_failed_imports_leave_the_file_byte_identical(tmp_path, monkeypatch):
    db = tmp_path / "plan.db"
    make_store(db).close()  # closing checkpoints the WAL into the main file
    work = tmp_path / "work"
    work.mkdir()
    with open_store(db, keep_backups=0) as store:
        valid = {fmt: _valid(store, work, fmt) for fmt in ("xml", "csv", "ics")}
    before = _sha(db)
    rng = random.Random(7)
    failed = 0
    with open_store(db, keep_backups=0) as store:
        for i in range(300):
            fmt = ("xml", "csv", "ics")[i % 3]
            data = bytearray(valid[fmt])
            k = rng.randrange(len(data))
            data[k:k + rng.randint(1, 40)] = rng.choice(TOKENS[1:])
            path = work / f"m{i}.{fmt}"
            path.write_bytes(bytes(data))
            try:
                preview = parse_file(path)
            except InteropError:
                failed += 1
                continue
            # parsed: make the writes fail half-way, after real inserts/updates
            calls = {"n": 0}
            allowed = 0 if fmt == "ics" else 3  # an iCalendar import may make one write
            cls = type(store)
            for name in ("insert", "insert_many", "insert_rows", "update"):
                real = getattr(cls, name)

                def failing(self, *args, _real=real, _calls=calls, _allowed=allowed):
                    _calls["n"] += 1
                    if _calls["n"] > _allowed:
                        raise apply_mod.StoreError("disk full (simulated)")
                    return _real(self, *args)

                monkeypatch.setattr(cls, name, failing)
            try:
                result = apply_preview(store, preview)
            except InteropError as exc:
                assert "not saved" in str(exc)
            else:  # an iCalendar file that changes nothing writes nothing
                assert (result.tasks_added, result.updated) == (0, 0)
            monkeypatch.undo()
            failed += 1
    assert failed == 300
    assert _sha(db) == before
    assert not Path(f"{db}-wal").exists() or Path(f"{db}-wal").stat().st_size == 0
