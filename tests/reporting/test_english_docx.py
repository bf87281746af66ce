"""The English briefing, the editable DOCX and the ministry briefing's fixes."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from smartcity_desktop.domain import model as m
from smartcity_desktop.reporting.builder import ReportError, generate_report

from .conftest import pdf_text

AS_OF = date(2019, 3, 1)
HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]+")


def _allowed_hangul(store) -> set[str]:
    """Proper names (people) and the 억/조 figures kept beside KRW amounts."""
    names = {c.name for c in store.all(m.Contact)}
    return names | {"억원", "조", "억"}


@pytest.mark.parametrize("detail", [False, True])
def test_english_briefing_has_no_hangul_but_names_and_eok(store, tmp_path: Path,
                                                          detail: bool) -> None:
    out = generate_report(store, "programme", as_of=AS_OF, out_path=tmp_path / "en.pdf",
                          lang="en", detail=detail)
    text = "\n".join(pdf_text(out))
    allowed = _allowed_hangul(store)
    stray = {w for w in HANGUL.findall(text) if w not in allowed}
    assert not stray, sorted(stray)[:20]
    for needle in ("Summary: what needs a decision", "Ministry of Land, Infrastructure and "
                   "Transport", "KRW 26.5 billion (265억원)", "1 Mar 2019", "RESTRICTED",
                   "Milestones done / due", "Percent complete by duration"):
        assert needle in re.sub(r"\s+", " ", text), needle
    assert "Alliance launch ceremony" in text  # task names from the English column


def test_english_ministry_and_one_pager(store, tmp_path: Path) -> None:
    for kind, extra in (("ministry", {"ministry_code": "MSIT"}), ("milestones", {})):
        out = generate_report(store, kind, as_of=AS_OF, out_path=tmp_path / f"{kind}.pdf",
                              lang="en", **extra)
        stray = {w for w in HANGUL.findall("\n".join(pdf_text(out)))
                 if w not in _allowed_hangul(store)}
        assert not stray, (kind, sorted(stray)[:10])


def test_docx_has_headings_tables_korean_text_and_the_gantt(store, tmp_path: Path) -> None:
    from docx import Document
    from docx.oxml.ns import qn

    out = generate_report(store, "programme", as_of=AS_OF, out_path=tmp_path / "b.docx",
                          fmt="docx")
    doc = Document(str(out))
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == "Ⅰ. 요약: 결정·조치 필요 사항"
    assert any("부처별 추진현황" in h for h in headings)
    assert any("추진 일정" in h for h in headings)
    assert any(p.style.name == "Heading 2" and "국토교통부" in p.text for p in doc.paragraphs)
    body = "\n".join(p.text for p in doc.paragraphs).replace("\u00a0", " ")
    assert "결정·지원 필요 사항" in body and "기한 경과 마일스톤" in body
    assert len(doc.tables) >= 5
    milestones = next(t for t in doc.tables if t.rows[0].cells[1].text == "마일스톤")
    assert [c.text for c in milestones.rows[0].cells][:3] == ["WBS", "마일스톤", "담당"]
    assert milestones.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # header repeats
    fonts = doc.styles["Normal"].element.rPr.rFonts
    assert fonts.get(qn("w:eastAsia")) == "맑은 고딕"
    assert doc.styles["Heading 1"].element.rPr.rFonts.get(qn("w:eastAsia")) == "맑은 고딕"
    wrap = doc.styles["Normal"].element.pPr.find(qn("w:wordWrap"))
    assert wrap is not None and wrap.get(qn("w:val")) == "0"  # break between words
    raw = "\n".join(p.text for p in doc.paragraphs)
    assert "2019.\u00a03.\u00a01." in raw  # dates glued: Word never breaks them either
    assert len(doc.inline_shapes) >= 1  # the Gantt pictures
    image = doc.inline_shapes[0]._inline.graphic.graphicData.pic.blipFill.blip.embed
    blob = doc.part.related_parts[image].blob
    assert blob.startswith(b"\x89PNG") and b"pHYs" in blob[:100]  # 300 dpi recorded
    assert any(s.orientation == 1 for s in doc.sections)  # the Gantt on landscape pages


def test_docx_english_and_refusals_write_nothing(store, tmp_path: Path) -> None:
    from docx import Document

    out = generate_report(store, "milestones", as_of=AS_OF, out_path=tmp_path / "m.docx",
                          fmt="docx", lang="en")
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "Next milestones" in "\n".join(p.text for p in Document(str(out)).paragraphs) \
        or "Key figures" in text
    with pytest.raises(ReportError):
        generate_report(store, "programme", out_path=tmp_path / "x.pdf", fmt="docx")
    with pytest.raises(ReportError, match="5"):
        generate_report(store, "programme", as_of=date(2999, 1, 1),
                        out_path=tmp_path / "y.docx", fmt="docx")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.docx"]


def test_ministry_briefing_fixes(store, tmp_path: Path) -> None:
    # a body with little due gets a short briefing: no page saying "no milestones"
    me = generate_report(store, "ministry", ministry_code="ME", as_of=AS_OF,
                         out_path=tmp_path / "me.pdf")
    pages = pdf_text(me)
    assert len(pages) <= 3  # cover, one page of content, the Gantt
    assert not any("해당 마일스톤이 없습니다" in p for p in pages)
    # PCFIR's department already carries its name: never "4차산업혁명위원회 4차산업혁명위원회"
    pcfir = generate_report(store, "ministry", ministry_code="PCFIR", as_of=AS_OF,
                            out_path=tmp_path / "pc.pdf")
    assert "4차산업혁명위원회 4차산업혁명위원회" not in "\n".join(pdf_text(pcfir))
    # the minister and vice minister head the ministry, not the 도시경제과 desk
    molit = generate_report(store, "ministry", ministry_code="MOLIT", as_of=AS_OF,
                            out_path=tmp_path / "mo.pdf")
    contacts = [p for p in pdf_text(molit) if "담당 부서 및 연락처" in p][-1]
    rows = [line for line in contacts.splitlines() if "김현미" in line or "박선호" in line]
    assert rows and not any("도시경제과" in line for line in rows)
    assert "(기관장)" in contacts
    assert "Press contact" not in contacts  # English glosses stay out of Korean pages


def test_milestone_one_pager_has_days_late_and_next_step(store, tmp_path: Path) -> None:
    from smartcity_desktop.reporting.data import gather
    from smartcity_desktop.reporting.definitions import get_definition

    out = generate_report(store, "milestones", as_of=AS_OF, out_path=tmp_path / "o.pdf")
    text = pdf_text(out)[0]
    assert "다음 조치" in text and "지연" in text and "기관별 진척과 자료 기준" in text
    b = gather(store, get_definition("milestones"), as_of=AS_OF)
    # a gated milestone not yet signed off (as the launch ceremony in today's seed) shows
    # the sign-off as its next step; an overdue one shows its days late
    gated = [r for r in b.overdue + b.next_milestones[:10] if r.needs_signoff and not r.signed]
    assert ("승인(서명) 받기" in text) == bool(gated)
    for r in b.overdue:
        assert f"{r.days_late}일" in text


def test_printed_text_speaks_to_the_reader(store, tmp_path: Path) -> None:
    out = generate_report(store, "programme", as_of=AS_OF, out_path=tmp_path / "d.pdf",
                          detail=True)
    text = "\n".join(pdf_text(out))
    assert "하십시오" not in text  # no instructions to the app's user
    assert "Press contact" not in text and "(Prof. Jeong" not in text  # no English glosses
    # remarks about the source document sit in the footnote on sources only
    for remark in ("단계별 시기는 원문에 없음", "내선번호는 원문 대표번호 앞자리로 보완"):
        i = text.index(remark)
        assert text.count(remark) == 1
        assert "주) 출처" in text[max(0, i - 300):i]
