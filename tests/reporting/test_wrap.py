"""Korean line breaking: never inside a number, a Latin word, a unit or a bracketed abbreviation."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfbase.pdfmetrics import stringWidth

from smartcity_desktop.reporting.fonts import FONT, register_reportlab_fonts
from smartcity_desktop.reporting.wrap import break_lines, tokens

# The broken examples, in context, and the runs that must never be cut.
EXAMPLES = [
    ("개인정보 특례 국회 통과 (2018년 7월) 후 시행령 개정", ["2018년", "(2018년 7월)"]),
    ("국토교통위원회 소위 회부 (2018년 4분기) 상태", ["2018년", "4분기", "(2018년 4분기)"]),
    ("추가 개정안은 상반기 통과를 목표로 함", ["상반기"]),
    ("세종 5-1 생활권 마스터플래너 정재승 한국과학기술원(KAIST) 교수", ["KAIST", "(KAIST)"]),
    ("2019년 시범도시 예산 265억원 반영, 공공투자 2조\u00a04,000억원",
     ["265억원", "2조 4,000억원"]),
]


@pytest.fixture(scope="module", autouse=True)
def _fonts() -> None:
    register_reportlab_fonts()


@pytest.mark.parametrize("text, keep", EXAMPLES)
def test_examples_never_split(text: str, keep: list[str]) -> None:
    longest = max(stringWidth(k, FONT, 9) for k in keep)
    for width in range(int(longest) + 2, 400, 3):
        lines = break_lines(text, FONT, 9, [width, width])
        assert "".join(lines).replace(" ", "") == text.replace("\u00a0", "").replace(" ", "")
        for k in keep:
            assert any(k in line for line in lines), (width, k, lines)
        assert all(stringWidth(x, FONT, 9) <= width + 0.01 for x in lines), (width, lines)


def test_tokens_keep_numbers_units_and_latin_words() -> None:
    assert "265억원" in tokens("국비 265억원 반영")
    assert "2018년" in tokens("(2018년 7월)")
    assert "KAIST" in tokens("원(KAIST)교수") or "(KAIST)" in tokens("원(KAIST)교수")
    assert "12.5%" in tokens("진척률 12.5%")


@settings(max_examples=60, deadline=None)
@given(words=st.lists(st.sampled_from(["시행계획", "2019년", "KAIST", "265억원", "(LH)",
                                       "상반기", "국회", "4분기", "·", "데이터"]),
                      min_size=1, max_size=12),
       width=st.integers(min_value=60, max_value=300))
def test_any_text_keeps_its_glued_runs(words: list[str], width: int) -> None:
    text = " ".join(words)
    lines = break_lines(text, FONT, 9, [width, width])
    assert " ".join(lines).split() == text.split()  # breaks only between words here


def test_provisions_table_keeps_the_date_whole(store, tmp_path: Path) -> None:
    from datetime import date

    from smartcity_desktop.reporting.builder import generate_report

    from .conftest import pdf_text

    out = generate_report(store, "programme", as_of=date(2019, 3, 1), out_path=tmp_path / "w.pdf")
    text = "\n".join(pdf_text(out))
    # the six passed in July 2018 are in force from 2019-02-15 (#12): the whole day, one line
    assert "(2019. 2. 15.)" in text and "(2019.\n" not in text
    assert "(2018년 4분기)" in text
    for bad in ("2018\n년", "상반\n기", "KAI\nST", "억\n원"):
        assert bad not in text, bad
