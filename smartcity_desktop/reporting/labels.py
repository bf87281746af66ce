"""Printed labels in both languages: provision stages, positions, budget areas, markings,
and the two small text rules the seed's bilingual fields need.

Some seed fields carry both languages in one string ("보도자료 담당 (Press contact)",
"세종 5-1 생활권 마스터플래너(MP) / Master planner, Sejong 5-1"); :func:`pick_language`
keeps the part in the briefing's language. Budget lines and positions have no English
column, so the English briefing uses :data:`BUDGET_EN` / :data:`POSITION_EN` and
keeps the Korean text (a proper name) only for a term that is not listed.
"""

from __future__ import annotations

import re

from ..domain import model as m

STAGE = {
    None: ("발의 전", "not yet proposed"),
    "bill_proposed": ("법안 발의", "bill proposed"),
    "in_committee": ("상임위 심사", "in committee"),
    "passed": ("국회 통과", "passed by the Assembly"),
    "in_force": ("시행", "in force"),
}
POSITION_EN = {
    "장관": "Minister", "제1차관": "First Vice Minister", "차관": "Vice Minister",
    "과장": "Director", "팀장": "Team Leader", "사무관": "Deputy Director",
    "주무관": "Officer", "교수": "Professor", "전문위원": "Senior Fellow",
    "연구원": "Researcher",
}
# Heads of the body itself, listed under the body, not under the desk's division.
HEADS = {"장관", "제1차관", "제2차관", "차관", "위원장", "부위원장"}
MARKING_EN = {"대외비": "RESTRICTED", "내부 검토용": "FOR INTERNAL REVIEW"}
BUDGET_EN = {
    "① 선도사업": "(1) Lead projects", "② 혁신기업 유치": "(2) Attracting innovative firms",
    "③ 신기술 접목": "(3) New technology adoption",
    "공공투자 (2019–2021)": "Public investment (2019-2021)",
    "민간투자 유도 (2019–2021)": "Private investment (2019-2021)",
    "디지털 트윈": "Digital twin", "데이터·AI 센터": "Data and AI centre",
    "IoT망 구축 (공공·환경·안전·에너지 데이터 연계)": "IoT network (public, environment, "
                                               "safety and energy data)",
    "규제 샌드박스 시범사업": "Regulatory sandbox pilots",
    "기타(미세분): 선도사업 195억 중 원문에 항목이 없는 잔액": "Other (not itemised)",
    "국내 중소·스타트업 창업지원": "Support for domestic SMEs and start-ups",
    "글로벌 혁신기업 유치": "Attracting global innovative firms", "교통": "Transport",
    "헬스케어·교육": "Healthcare and education", "에너지·환경": "Energy and environment",
    "안전·생활": "Safety and daily life",
}
_ASCII_PAREN = re.compile(r"\s*\(([^()]*)\)")
_HANGUL = re.compile(r"[\uac00-\ud7a3\u3130-\u318f]")
# Korean budget wording the source left unitemised is a note on the source, not a line name.
_SOURCE_NOTE = re.compile(r"\s*[(:：]?\s*[^()]*원문[^()]*[)]?$")


def stage_label(stage: m.ProvisionStage | None, lang: str) -> str:
    ko, en = STAGE[stage.value if stage else None]
    return en if lang == "en" else ko


def has_hangul(text: str) -> bool:
    return bool(_HANGUL.search(text or ""))


def pick_language(text: str, lang: str) -> str:
    """The part of a bilingual seed string in ``lang`` ("ko / en", "ko (en words)")."""
    if not text:
        return ""

    def inner_pick(mt: re.Match[str]) -> str:
        inner = mt.group(1)
        if " / " in inner:
            parts = [p.strip() for p in inner.split(" / ")]
            ko = [p for p in parts if has_hangul(p)]
            en = [p for p in parts if not has_hangul(p)]
            if ko and en:
                return f" ({' / '.join(en if lang == 'en' else ko)})"
        return mt.group(0)

    text = _ASCII_PAREN.sub(inner_pick, text)
    if " / " in text and text.count("(") == text.count(")"):
        parts = [p.strip() for p in text.split(" / ")]
        ko = [p for p in parts if has_hangul(p)]
        en = [p for p in parts if not has_hangul(p)]
        if ko and en:
            text = " / ".join(en if lang == "en" else ko)
    if lang == "en":
        inner = [g for g in _ASCII_PAREN.findall(text) if g and not has_hangul(g) and " " in g]
        if has_hangul(text) and inner:
            return "; ".join(inner)
        return text

    def keep(mt: re.Match[str]) -> str:
        inner = mt.group(1)
        # an English gloss ("(Press contact)") goes; an abbreviation ("(LH)", "(MP)") stays
        if not has_hangul(inner) and (" " in inner or any(c.islower() for c in inner)):
            return ""
        return mt.group(0)

    return _ASCII_PAREN.sub(keep, text).strip()


def source_part(text: str) -> tuple[str, str]:
    """``text`` without a trailing remark about the source document, and that remark."""
    groups = [g for g in _ASCII_PAREN.findall(text) if "원문" in g]
    if groups:
        note = groups[-1].split(" / ")[0].strip()
        return text.replace(f"({groups[-1]})", "").strip(), note
    return text, ""


def position_label(position: str, lang: str) -> str:
    return POSITION_EN.get(position, position) if lang == "en" else position


def budget_label(text: str, lang: str) -> str:
    if lang == "en":
        return BUDGET_EN.get(text, text)
    if "원문" in text and ":" in text:
        return text.split(":")[0].strip()  # "기타(미세분)"; the source remark is a footnote
    return text


def org_heading(org: m.Organisation, lang: str) -> str:
    """``국토교통부 도시경제과``; a department that already starts with the body's name
    (4차산업혁명위원회 지원단...) is not preceded by the name a second time."""
    name = org.name(lang)
    dept = org.department_en if lang == "en" else org.department_ko
    if not dept:
        return name
    if dept.startswith(name) or (lang == "en" and org.code and dept.startswith(org.code)):
        return dept
    return f"{name} {dept}"


def contact_department(contact: m.Contact, org: m.Organisation | None, lang: str) -> str:
    """The desk a contact sits in; a minister or vice minister heads the body itself."""
    if org is None or contact.position in HEADS:
        return ""
    return org.department_en if lang == "en" else org.department_ko


_SENTENCE = re.compile(r"(?<=[.。])\s+")
_ABOUT_SOURCE = re.compile(r"원문|\bthe source\b|\bin the source\b", re.I)


def split_source_remarks(body: str) -> tuple[str, list[str]]:
    """A note body without its sentences about the source document, and those sentences
    (they go to the footnote on sources, not into the text)."""
    kept, remarks = [], []
    for line in body.splitlines():
        parts = _SENTENCE.split(line.strip())
        keep = [p for p in parts if p and not _ABOUT_SOURCE.search(p)]
        remarks += [p for p in parts if p and _ABOUT_SOURCE.search(p)]
        if keep:
            kept.append(" ".join(keep))
    return "\n".join(kept), remarks
