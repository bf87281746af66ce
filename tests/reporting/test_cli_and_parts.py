"""The report command line, report definitions as data, and the Korean figure formats."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from smartcity_desktop.cli import main
from smartcity_desktop.reporting import fonts
from smartcity_desktop.reporting.definitions import (
    DefinitionError,
    load_definitions,
    parse_definition,
)
from smartcity_desktop.reporting.gantt_pdf import GanttRow, plan_layout
from smartcity_desktop.reporting.styles import eok, jo, kdate, sdate


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_writes_default_file(seed_db: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = _run(capsys, "report", "--kind", "milestones", "--as-of", "2019-03-15",
                          "--db", str(seed_db))
    assert code == 0, err
    expected = tmp_path / "briefing-milestones-2019-03-15.pdf"
    assert out.strip() == str(expected)
    assert len(PdfReader(str(expected)).pages) == 1


def test_cli_english_docx_detail(seed_db: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    from docx import Document

    monkeypatch.chdir(tmp_path)
    code, out, err = _run(capsys, "report", "--as-of", "2019-03-01", "--format", "docx",
                          "--lang", "en", "--detail", "--db", str(seed_db))
    assert code == 0, err
    expected = tmp_path / "briefing-programme-2019-03-01-en.docx"
    assert out.strip() == str(expected)
    headings = [p.text for p in Document(str(expected)).paragraphs
                if p.style.name == "Heading 1"]
    assert headings[0] == "Ⅰ. Summary: what needs a decision"
    assert any("Responsible desks and contacts" in h for h in headings)  # detail only


def test_cli_refused_status_date_changes_nothing(seed_db: Path, tmp_path: Path, capsys) -> None:
    before = seed_db.read_bytes()
    code, out, err = _run(capsys, "report", "--as-of", "1850-01-01", "--db", str(seed_db),
                          "--out", str(tmp_path / "x.pdf"))
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert seed_db.read_bytes() == before
    assert list(tmp_path.iterdir()) == []


def test_cli_ministry_with_options(seed_db: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "molit.pdf"
    code, out, err = _run(capsys, "report", "--kind", "ministry", "--ministry", "국토교통부",
                          "--out", str(target), "--db", str(seed_db), "--pages-wide", "2",
                          "--redact")
    assert code == 0, err
    text = "\n".join(p.extract_text() for p in PdfReader(str(target)).pages)
    assert "국토교통부" in text and "가로 2/2" in text and "이정희" not in text


@pytest.mark.parametrize("args, message", [
    (["--kind", "ministry", "--ministry", "NOPE"], "unknown ministry 'NOPE'"),
    (["--kind", "ministry"], "needs a ministry"),
    (["--kind", "weekly"], "unknown report kind 'weekly'"),
    (["--baseline", "none-such"], "unknown baseline 'none-such'"),
    (["--as-of", "2019-02-30"], "--as-of"),
    (["--out", "/proc/definitely/not/here.pdf"], "device or system file"),
    (["--out", "/nonexistent-folder/here.pdf"], "no such folder"),
    (["--out", "briefing.docx"], "must end in .pdf"),
    (["--as-of", "1850-01-01"], "outside the programme's era"),  # the CLI's era, first
    (["--as-of", "2001-01-01"], "2018-01-02"),  # inside the era, before the plan's span
    (["--as-of", "2099-12-31"], "outside the plan"),
    (["--format", "docx", "--out", "b.pdf"], ".docx"),
])
def test_cli_bad_options_exit_2(seed_db: Path, tmp_path: Path, monkeypatch, capsys,
                                args: list[str], message: str) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = _run(capsys, "report", *args, "--db", str(seed_db), "--lang", "en")
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not list(tmp_path.glob("*.pdf*"))


def test_cli_refusals_are_korean_by_default(seed_db: Path, capsys) -> None:
    code, out, err = _run(capsys, "report", "--kind", "ministry", "--ministry", "NOPE",
                          "--db", str(seed_db))
    assert code == 2 and "알 수 없는 부처 'NOPE'" in err
    code, out, err = _run(capsys, "report", "--kind", "weekly", "--db", str(seed_db))
    assert code == 2 and "알 수 없는 보고서 종류 'weekly'" in err


def test_cli_bad_number_exit_2(seed_db: Path, capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["report", "--pages-wide", "zero", "--db", str(seed_db)])
    assert exc.value.code == 2


def test_definitions_are_data(tmp_path: Path) -> None:
    shipped = load_definitions()
    assert {"programme", "ministry", "milestones"} <= set(shipped)
    assert shipped["milestones"].max_pages == 1
    assert shipped["ministry"].needs_ministry
    (tmp_path / "weekly.toml").write_text(
        'kind = "weekly"\ntitle_ko = "주간 점검"\npaper = "A4"\norientation = "landscape"\n'
        'marking = "내부용"\nsections = ["kpis", { type = "overdue", n = 5 }]\n',
        encoding="utf-8")
    found = load_definitions(tmp_path)
    assert found["weekly"].orientation == "landscape"
    assert [s.type for s in found["weekly"].sections] == ["kpis", "overdue"]
    assert found["weekly"].sections[1].opt("n") == 5


@pytest.mark.parametrize("data, message", [
    ({"kind": "x", "sections": ["cover"]}, "title_ko"),
    ({"kind": "x", "title_ko": "t", "sections": []}, "non-empty"),
    ({"kind": "x", "title_ko": "t", "sections": ["pie"]}, "unknown type 'pie'"),
    ({"kind": "x", "title_ko": "t", "paper": "Letter", "sections": ["cover"]}, "paper"),
    ({"kind": "x", "title_ko": "t", "sections": [{"type": "overdue", "n": 0}]}, "'n'"),
])
def test_bad_definitions_are_refused(data: dict, message: str) -> None:
    with pytest.raises(DefinitionError, match=message):
        parse_definition(data)


def test_broken_definition_file_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text('{"kind": "b",', encoding="utf-8")
    with pytest.raises(DefinitionError, match="broken.json: line 1"):
        load_definitions(tmp_path)
    (tmp_path / "broken.json").write_text(json.dumps({"kind": "b"}), encoding="utf-8")
    with pytest.raises(DefinitionError, match="broken.json"):
        load_definitions(tmp_path)


def test_korean_money_and_dates() -> None:
    assert eok(265) == "265억원"
    assert eok(24000) == "2조\u00a04,000억원"  # glued: never broken across lines
    assert eok(14500, approx=True) == "약 1조\u00a04,500억원"
    assert eok(10000) == "1조원"
    assert eok(9500) == "9,500억원"
    assert eok(12.5) == "12.5억원"
    assert jo(37000) == "3.7조원"
    assert kdate(date(2019, 1, 5)).replace("\u00a0", " ") == "2019. 1. 5."
    assert sdate(date(2019, 1, 5)) == kdate(date(2019, 1, 5))  # one date form in tables too
    assert sdate(None) == "-"


def test_safe_text_replaces_missing_glyphs() -> None:
    assert fonts.safe_text("세종‧부산") == "세종·부산"
    assert fonts.safe_text("국토교통부 □ ㅇ ● ■ ▲") == "국토교통부 □ ㅇ ● ■ ▲"
    assert "?" not in fonts.safe_text("2019～2021 · 「스마트도시법」")


def test_configure_matplotlib_is_idempotent() -> None:
    import matplotlib

    name = fonts.configure_matplotlib()
    assert fonts.configure_matplotlib() == name
    assert matplotlib.rcParams["font.family"][0] == name
    from matplotlib import font_manager

    found = font_manager.findfont(font_manager.FontProperties(family=name))
    assert found.endswith("NanumGothic.ttf")


def test_gantt_layout_tiles() -> None:
    rows = [GanttRow(f"{i}", 0, "task", date(2019, 1, 1), date(2021, 12, 31))
            for i in range(100)]
    lay = plan_layout(rows, 760, 500)
    assert lay.tiles_across >= 3 and lay.tiles_down >= 2
    assert lay.window(0)[0] == date(2019, 1, 1)
    assert lay.window(1)[0] == lay.window(0)[1]  # tiles meet without a gap
    assert lay.last_day >= date(2022, 1, 1)
    fit = plan_layout(rows, 760, 500, fit_pages_wide=2)
    assert fit.tiles_across == 2 and fit.last_day >= date(2022, 1, 1)
    assert fit.rows_per_tile == lay.rows_per_tile
