"""Each report kind generated from the seed data, checked with pypdf."""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from smartcity_desktop.domain import model as m
from smartcity_desktop.domain.dates import parse_plan_date
from smartcity_desktop.reporting import builder, sections
from smartcity_desktop.reporting.builder import ReportCancelled, ReportError, generate_report
from smartcity_desktop.store.planning import save_baseline

from .conftest import PHONE, embedded_fonts, outline_titles, pdf_text

AS_OF = date(2019, 3, 15)


def test_programme_briefing(store, tmp_path: Path) -> None:
    out = generate_report(store, "programme", as_of=AS_OF, out_path=tmp_path / "p.pdf")
    reader = PdfReader(str(out))
    assert 6 <= len(reader.pages) <= 12
    text = "\n".join(pdf_text(out))
    for needle in ("국토교통부", "에코델타시티", "265억원", "2조 4,000억원", "3조 6,900억원", "□",
                   "ㅇ", "주요 마일스톤 추진현황", "규제 특례", "융합 얼라이언스", "- 2 -",
                   "대외비"):
        assert needle in text, needle
    # every page carries the header title, the marking and a "- n -" footer
    for n, page_text in enumerate(pdf_text(out), 1):
        assert "스마트시티 국가 시범도시 추진현황 보고" in page_text
        assert f"- {n} -" in page_text
        assert "DB: work.db" in page_text
    fonts = embedded_fonts(reader)
    assert fonts and all("NanumGothic" in name for name in fonts), fonts
    assert all(fonts.values()), "every font must be embedded (FontFile2)"
    assert any(name.startswith("/") and "+" in name for name in fonts), "subset prefix"
    titles = outline_titles(reader)
    assert "표지" in titles and "Ⅰ. 요약: 결정·조치 필요 사항" in titles
    assert any("추진 일정" in t for t in titles) and any("국토교통부" in t for t in titles)
    meta = reader.metadata
    assert meta.title == "스마트시티 국가 시범도시 추진현황 보고"
    assert "smartcity-desktop" in meta.author
    assert "2019. 3. 15." in meta.subject
    assert meta.creation_date is not None


def _gantt_pages(path: Path) -> list[str]:
    return [t for t in pdf_text(path) if "간트" in t and re.search(r"가로 \d+/\d+", t)]


def test_gantt_tiles_repeat_timescale_and_labels(store, tmp_path: Path) -> None:
    out = generate_report(store, "programme", as_of=AS_OF, out_path=tmp_path / "g.pdf",
                          detail=True)
    pages = _gantt_pages(out)
    assert len(pages) >= 2
    first_rows = set()
    for text in pages:
        assert re.search(r"\d{4}년", text), "year tier of the timescale on every tile"
        assert re.search(r"\d{1,2}월", text), "month tier of the timescale on every tile"
        assert "WBS / 과제명" in text
        m_ = re.search(r"가로 (\d+)/(\d+) · 세로 (\d+)/(\d+)", text)
        assert m_
        if m_.group(1) == "1":
            first_rows.add(m_.group(3))
    # row labels repeat on every tile of a band: the band's first label is on each of its pages
    across = int(re.search(r"가로 \d+/(\d+)", pages[0]).group(1))
    assert across == 3  # the definition's detail_pages_wide
    band = [t for t in pages if "세로 1/" in t]
    label = "1.1 국가 시범도시 사업 착수"
    assert len(band) > 1 and all(label in t for t in band)
    reader = PdfReader(str(out))
    landscape = [p for p in reader.pages if p.mediabox.width > p.mediabox.height]
    assert len(landscape) == len(pages)


def test_fit_to_pages_wide(store, tmp_path: Path) -> None:
    one = generate_report(store, "programme", as_of=AS_OF, out_path=tmp_path / "1.pdf",
                          fit_pages_wide=1)
    five = generate_report(store, "programme", as_of=AS_OF, out_path=tmp_path / "5.pdf",
                           fit_pages_wide=5, detail=True)
    p1 = [t for t in pdf_text(one) if "세로 " in t and "간트" in t]
    p5 = _gantt_pages(five)
    # one page wide: split top to bottom only
    assert p1 and not any(re.search(r"가로 \d+/", t) for t in p1)
    assert "가로 5/5" in "\n".join(p5)
    assert len(p1) < len(p5)


def test_detailed_gantt_never_prints_an_empty_tile(store, tmp_path: Path) -> None:
    """Every tile draws something in its window, and months stay readable when squeezed."""
    from smartcity_desktop.reporting.data import gather
    from smartcity_desktop.reporting.definitions import get_definition
    from smartcity_desktop.reporting.gantt_pdf import MIN_MM_PER_MONTH, _drawn_in, gantt_tiles

    b = gather(store, get_definition("programme"), as_of=AS_OF)
    tiles = gantt_tiles(b.gantt_rows, 267 * 2.835, 172 * 2.835, title="t", status_date=AS_OF,
                        fit_pages_wide=40)
    lay = tiles[0].layout
    assert 30.44 * lay.points_per_day >= MIN_MM_PER_MONTH * 2.835 * 0.98  # never squeezed
    for tile in tiles:
        band = b.gantt_rows[tile.row_block * lay.rows_per_tile:
                            (tile.row_block + 1) * lay.rows_per_tile]
        assert any(_drawn_in(r, *lay.window(tile.col)) for r in band)
    assert len(tiles) < lay.tiles_across * lay.tiles_down  # some empty tiles were left out


def test_ministry_briefing_is_filtered(store, tmp_path: Path) -> None:
    out = generate_report(store, "ministry", ministry_code="MSIT", as_of=AS_OF,
                          out_path=tmp_path / "m.pdf")
    text = "\n".join(pdf_text(out))
    assert "과학기술정보통신부" in text and "정보화기획과" in text
    assert "(과학기술정보통신부)" in text  # in the title
    assert "02-2110-2850" in text  # MSIT's own contact
    assert "044-203-5390" not in text  # MOTIE's contact is not in MSIT's briefing
    titles = outline_titles(PdfReader(str(out)))
    assert not any("산업통상자원부" in t for t in titles)


def test_milestone_one_pager(store, tmp_path: Path) -> None:
    out = generate_report(store, "milestones", as_of=AS_OF, out_path=tmp_path / "o.pdf")
    assert len(PdfReader(str(out)).pages) == 1
    text = pdf_text(out)[0]
    assert "향후 도래 마일스톤" in text and "지연 마일스톤" in text
    # the overdue list follows the status rule: 'Smart City Act in force' (2019-02) is late
    assert "개정 스마트도시법 시행" in text


def _with_people(store) -> None:
    task = next(t for t in store.tasks() if t.wbs == "1.6")
    store.insert(m.Signoff(task_id=task.id, approver_name="홍길동", approver_position="국장",
                           signed_on=date(2018, 12, 26), note="위원회 의결 확인"))


def test_redaction_option_and_setting(store, tmp_path: Path) -> None:
    _with_people(store)
    plain = "\n".join(pdf_text(generate_report(store, "programme", as_of=AS_OF, detail=True,
                                               out_path=tmp_path / "a.pdf", redact=False)))
    assert "이정희" in plain and "044-201-4845" in plain and "홍길동" in plain
    assert "정재승" in plain
    red = "\n".join(pdf_text(generate_report(store, "programme", as_of=AS_OF, detail=True,
                                             out_path=tmp_path / "b.pdf", redact=True)))
    for personal in ("이정희", "박정호", "홍길동", "정재승", "남유성", "044-201-4845"):
        assert personal not in red, personal
    assert not PHONE.search(red)
    assert "국장" in red and "개인정보 보호를 위해" in red  # positions stay, the note says why
    store.set_setting("report.redact_personal", "1")
    by_setting = "\n".join(pdf_text(generate_report(store, "milestones", as_of=AS_OF,
                                                    out_path=tmp_path / "c.pdf")))
    assert "이정희" not in by_setting
    overridden = "\n".join(pdf_text(generate_report(store, "ministry", ministry_code="MOLIT",
                                                    as_of=AS_OF, out_path=tmp_path / "d.pdf",
                                                    redact=False)))
    assert "이정희" in overridden


def test_slipped_milestones_against_baseline(store, tmp_path: Path, english) -> None:
    save_baseline(store, "기준선-1")
    task = next(t for t in store.tasks() if t.wbs == "5.6")  # Sejong residents move in
    store.update(dataclasses.replace(task, start=parse_plan_date("2022-03"),
                                     finish=parse_plan_date("2022")))
    out = generate_report(store, "programme", as_of=AS_OF, baseline="기준선-1",
                          out_path=tmp_path / "s.pdf", detail=True)
    text = "\n".join(pdf_text(out))
    assert "기준선: 기준선-1" in text
    # the decision page names the slip too, with its owner and both dates
    page2 = pdf_text(out)[1]
    # late work is forecast from the status date (#12), so more than the moved one slip
    assert re.search(r"기준선 '기준선-1' 대비 \d+건 지연", page2)
    assert "세종 5-1 생활권 주민 입주: 국토교통부" in page2
    section = text[text.index("기준선 대비 지연 마일스톤"):]
    assert "세종 5-1 생활권 주민 입주" in section
    with pytest.raises(ReportError, match="unknown baseline 'nope'"):
        generate_report(store, "programme", baseline="nope", out_path=tmp_path / "x.pdf")


def test_bad_options(store, tmp_path: Path, english) -> None:
    with pytest.raises(ReportError, match="unknown ministry 'XYZ'"):
        generate_report(store, "ministry", ministry_code="XYZ", out_path=tmp_path / "a.pdf")
    with pytest.raises(ReportError, match="needs a ministry"):
        generate_report(store, "ministry", out_path=tmp_path / "a.pdf")
    with pytest.raises(ReportError, match="unknown report kind"):
        generate_report(store, "nonsense", out_path=tmp_path / "a.pdf")
    with pytest.raises(ReportError, match=r"must end in \.pdf"):
        generate_report(store, "programme", out_path=tmp_path / "a.txt")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ReportError, match="no such folder"):
        generate_report(store, "programme", out_path=blocker / "a.pdf")
    with pytest.raises(ReportError, match="out of range"):
        generate_report(store, "programme", out_path=tmp_path / "a.pdf", fit_pages_wide=0)
    assert list(tmp_path.iterdir()) == [blocker]


def test_failure_leaves_no_half_written_file(store, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"%PDF-old")

    def broken(ctx, section):
        raise RuntimeError("disk on fire")

    monkeypatch.setitem(sections.RENDERERS, "provisions", broken)
    with pytest.raises(RuntimeError, match="disk on fire"):
        generate_report(store, "programme", as_of=AS_OF, out_path=target)
    assert target.read_bytes() == b"%PDF-old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.pdf"]


def test_failure_during_page_layout_cleans_up(store, tmp_path: Path, monkeypatch) -> None:
    calls = {"n": 0}
    real = builder._decorate

    def flaky(canvas, doc):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("write failed")
        real(canvas, doc)

    monkeypatch.setattr(builder, "_decorate", flaky)
    monkeypatch.setattr(builder, "_templates", _templates_with(flaky))
    with pytest.raises(OSError):
        generate_report(store, "programme", as_of=AS_OF, out_path=tmp_path / "b.pdf")
    assert list(tmp_path.iterdir()) == []


def _templates_with(on_page):
    real = builder._templates

    def templates(definition):
        frames, tpls = real(definition)
        for t in tpls:
            t.onPage = on_page
        return frames, tpls

    return templates


class _Progress:
    def __init__(self, cancel_at: float) -> None:
        self.cancel_at = cancel_at
        self.seen: list[tuple[float, str]] = []
        self.cancelled = False

    def report(self, fraction: float, text: str) -> None:
        self.seen.append((fraction, text))
        if fraction >= self.cancel_at:
            self.cancelled = True


def test_cancel_mid_build_writes_nothing(store, tmp_path: Path) -> None:
    progress = _Progress(cancel_at=0.5)
    with pytest.raises(ReportCancelled):
        generate_report(store, "programme", as_of=AS_OF, out_path=tmp_path / "c.pdf",
                        progress=progress)
    assert list(tmp_path.iterdir()) == []
    fractions = [f for f, _ in progress.seen]
    assert fractions == sorted(fractions) and fractions[-1] >= 0.5


def test_progress_reaches_one(store, tmp_path: Path) -> None:
    progress = _Progress(cancel_at=2.0)
    generate_report(store, "milestones", as_of=AS_OF, out_path=tmp_path / "d.pdf",
                    progress=progress)
    assert progress.seen[-1][0] == 1.0
    assert [f for f, _ in progress.seen] == sorted(f for f, _ in progress.seen)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_pages_render_with_ink(store, tmp_path: Path) -> None:
    """Render pages to PNG (kept in $REPORT_ARTEFACTS when set) and check they carry print."""
    from PIL import Image

    out = generate_report(store, "programme", as_of=AS_OF, out_path=tmp_path / "r.pdf")
    folder = Path(os.environ.get("REPORT_ARTEFACTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    gantt_page = next(i for i, t in enumerate(pdf_text(out), 1) if "세로 1/" in t)
    for page in (1, 2, 3, gantt_page):
        prefix = folder / f"briefing-p{page}"
        subprocess.run(["pdftoppm", "-png", "-gray", "-r", "50", "-f", str(page), "-l",
                        str(page), "-singlefile", str(out), str(prefix)], check=True)
        image = Image.open(f"{prefix}.png")
        dark = sum(image.histogram()[:128]) / (image.width * image.height)
        assert 0.005 < dark < 0.5, f"page {page}: {dark:.3%} dark pixels"
