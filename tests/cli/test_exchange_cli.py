"""CLI: desk, task set, checklist, exchange export/import/conflicts/resolve/digest/form."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from smartcity_desktop import messages
from smartcity_desktop.cli import main


@pytest.fixture(autouse=True)
def _korean_after():
    yield
    messages.set_language("ko")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("xcli") / "plan.db"
    assert main(["init-db", str(path)]) == 0
    return path


@pytest.fixture
def desks(template, tmp_path):
    paths = {}
    for name, code, role in (("molit", "MOLIT", "coordinator"), ("msit", "MSIT", "member"),
                             ("me", "ME", "member")):
        paths[name] = tmp_path / f"{name}.db"
        shutil.copyfile(template, paths[name])
        assert main(["desk", "--db", str(paths[name]), "--ministry", code, "--role", role,
                     "--name", f"{name} 담당"]) == 0
    return paths


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_desk_shows_and_sets(desks, capsys):
    code, out, _ = _run(capsys, "desk", "--db", str(desks["msit"]))
    assert code == 0 and "기관 MSIT" in out and "역할 member" in out and "키 지문" in out
    code, out, _ = _run(capsys, "desk", "--db", str(desks["msit"]), "--lang", "en")
    assert "ministry MSIT" in out and "role member" in out
    before = _sha(desks["msit"])
    code, _, err = _run(capsys, "desk", "--db", str(desks["msit"]), "--ministry", "NOPE")
    assert code == 2 and len(err.strip().splitlines()) == 1 and "NOPE" in err
    assert _sha(desks["msit"]) == before


def test_task_set_and_checklist(desks, capsys):
    db = str(desks["msit"])
    code, out, _ = _run(capsys, "task", "set", "--db", db, "6.1.5.1", "percent=40",
                        "finish=2019년 3월 말", "actual_start=2019-01-07", "note=점검 중")
    assert code == 0 and "40.0" in out and "2019년 3월 말" in out
    code, out, _ = _run(capsys, "checklist", "list", "--db", db, "--ministry", "MSIT")
    first = out.splitlines()[0]
    assert first.startswith("2.1.6  1  [ ]  ")
    code, out, _ = _run(capsys, "checklist", "tick", "--db", db, "2.1.6", "1", "--by", "이과기")
    assert code == 0 and "True" in out
    code, out, _ = _run(capsys, "checklist", "list", "--db", db, "--ministry", "MSIT")
    assert out.splitlines()[0].startswith("2.1.6  1  [x]  ")
    code, out, _ = _run(capsys, "checklist", "untick", "--db", db, "2.1.6", "1")
    assert code == 0
    before = _sha(desks["msit"])
    for bad in (["task", "set", "--db", db, "2.1.6", "percent=150"],
                ["task", "set", "--db", db, "2.1.6", "colour=red"],
                ["task", "set", "--db", db, "9.9.9", "percent=1"],
                ["task", "set", "--db", db, "2.1.6", "finish=언젠가"],
                ["task", "set", "--db", db, "2.1.6", "percent=50"],  # follows its checklist
                ["checklist", "tick", "--db", db, "2.1.6", "99"]):
        code, _, err = _run(capsys, *bad)
        assert code == 2 and len(err.strip().splitlines()) == 1, (bad, err)
        assert "Traceback" not in err
    assert _sha(desks["msit"]) == before


def test_monthly_round(desks, capsys, tmp_path):
    molit, msit, me = (str(desks[k]) for k in ("molit", "msit", "me"))
    assert main(["task", "set", "--db", msit, "6.1.5.1", "percent=40"]) == 0
    assert main(["task", "set", "--db", me, "5.1.4", "note=환경부 일정 조정"]) == 0
    assert main(["task", "set", "--db", molit, "6.1.5.1", "percent=55"]) == 0
    capsys.readouterr()
    for name in ("msit", "me"):
        code, out, _ = _run(capsys, "exchange", "export", "--db", str(desks[name]), "--out",
                            str(tmp_path / f"{name}.scx"), "--for", "MOLIT")
        assert code == 0 and ".scx" in out
    before = _sha(desks["molit"])
    code, out, _ = _run(capsys, "exchange", "import", str(tmp_path / "msit.scx"),
                        str(tmp_path / "me.scx"), "--db", molit, "--dry-run")
    assert out.strip() == "반영 1, 이미 있음 0, 충돌 1, 제안 0"
    assert _sha(desks["molit"]) == before
    code, out, err = _run(capsys, "exchange", "import", str(tmp_path / "msit.scx"),
                          str(tmp_path / "me.scx"), "--db", molit, "--lang", "en")
    assert out.strip() == "applied 1, already present 0, conflicts 1, proposals 0"
    assert "fingerprint" in err  # trusted on first use, fingerprint shown
    code, out, _ = _run(capsys, "exchange", "conflicts", "--db", molit)
    (line,) = out.strip().splitlines()
    assert "6.1.5.1 percent_complete" in line and "55.0" in line and "40.0" in line
    held_id = line.split()[0].lstrip("#")
    code, out, _ = _run(capsys, "exchange", "resolve", "--db", molit, held_id, "--take", "45")
    assert code == 0
    code, _, err = _run(capsys, "exchange", "resolve", "--db", molit, held_id, "--take", "mine")
    assert code == 2 and "이미 결정" in err
    assert main(["exchange", "export", "--db", molit, "--out", str(tmp_path / "m.scx")]) == 0
    for db in (msit, me):
        assert main(["exchange", "import", str(tmp_path / "m.scx"), "--db", db]) == 0
    capsys.readouterr()
    digests = set()
    for db in (molit, msit, me):
        _, out, _ = _run(capsys, "exchange", "digest", "--db", db)
        digests.add(out.strip())
    assert len(digests) == 1 and len(digests.pop()) == 64


def test_bad_package_exits_2_and_changes_nothing(desks, capsys, tmp_path):
    bad = tmp_path / "bad.scx"
    bad.write_bytes(b"PK\x03\x04 definitely not a package")
    before = _sha(desks["molit"])
    code, out, err = _run(capsys, "exchange", "import", str(bad), "--db", str(desks["molit"]))
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1
    assert _sha(desks["molit"]) == before


def test_form_round_trip(desks, capsys, tmp_path):
    from openpyxl import load_workbook

    molit = str(desks["molit"])
    form = tmp_path / "msit.xlsx"
    code, out, _ = _run(capsys, "exchange", "form", "--db", molit, "--ministry", "MSIT",
                        "--out", str(form))
    assert code == 0 and "MSIT" in out
    wb = load_workbook(form)
    ws = wb["과업"]
    row = next(r for r in range(3, ws.max_row + 1) if ws.cell(r, 1).value == "6.1.5.1")
    ws.cell(row, 4).value = 70
    wb.save(form)
    code, out, _ = _run(capsys, "exchange", "import", str(form), "--db", molit)
    assert code == 0 and out.strip() == "반영 1, 이미 있음 0, 충돌 0, 제안 0"


def test_a_bad_form_beside_a_good_package_refuses_both(desks, capsys, tmp_path):
    molit, msit = str(desks["molit"]), str(desks["msit"])
    assert main(["task", "set", "--db", msit, "6.1.5.1", "percent=40"]) == 0
    assert main(["exchange", "export", "--db", msit, "--out", str(tmp_path / "p.scx")]) == 0
    assert main(["exchange", "form", "--db", msit, "--ministry", "MSIT",
                 "--out", str(tmp_path / "f.xlsx")]) == 0  # made by another desk
    capsys.readouterr()
    before = _sha(desks["molit"])
    code, _, err = _run(capsys, "exchange", "import", str(tmp_path / "p.scx"),
                        str(tmp_path / "f.xlsx"), "--db", molit)
    assert code == 2 and "f.xlsx" in err and _sha(desks["molit"]) == before
