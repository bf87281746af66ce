"""Excel and CSV: formatted export, task round trip, column mapping, encodings, refusals."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from openpyxl import Workbook, load_workbook

from smartcity_desktop.domain import model as m
from smartcity_desktop.interop.apply import apply_to_new_database
from smartcity_desktop.interop.csv_io import export_csv, parse_csv, parse_csv_bytes
from smartcity_desktop.interop.errors import InteropError
from smartcity_desktop.interop.tabular import detect_mapping
from smartcity_desktop.interop.xlsx import AMOUNT_FORMAT, export_xlsx, parse_xlsx
from smartcity_desktop.store import open_store

from .conftest import link_facts, task_facts


def test_xlsx_export_is_formatted(store, tmp_path):
    path = tmp_path / "plan.xlsx"
    assert export_xlsx(store, path) == 10
    wb = load_workbook(path)
    assert wb.sheetnames == ["과업", "점검항목", "예산", "제도"]
    tasks = wb["과업"]
    assert [c.value for c in tasks[1]][:5] == ["WBS", "과업명", "영문명", "구분", "담당기관"]
    assert tasks.freeze_panes == "A2"
    assert tasks.auto_filter.ref.startswith("A1:")
    row = {tasks.cell(1, c).value: tasks.cell(3, c) for c in range(1, tasks.max_column + 1)}
    assert row["과업명"].value == "시행계획 수립"
    assert isinstance(row["시작일"].value, datetime) and row["시작일"].number_format == "yyyy-mm-dd"
    assert row["시작(계획표기)"].value == "2019년 1월 초"  # as written, not a storage code
    budget = wb["예산"]
    assert budget["G2"].value == 1234 and budget["G2"].number_format == AMOUNT_FORMAT
    assert budget["G3"].value == 0.5 and "억원" in budget["G3"].number_format
    assert budget.freeze_panes == "A2" and budget.auto_filter.ref
    checklist = wb["점검항목"]
    assert checklist["C2"].value == "관계기관 협의" and isinstance(checklist["E2"].value, datetime)
    assert wb["제도"]["B2"].value == "규제 샌드박스"


def test_xlsx_task_round_trip(store, tmp_path):
    export_xlsx(store, tmp_path / "plan.xlsx")
    preview = parse_xlsx(tmp_path / "plan.xlsx")
    assert preview.problems == []
    result = apply_to_new_database(preview, tmp_path / "back.db")
    with open_store(result.path, keep_backups=0) as back:
        # the sheet names organisations and cities as people read them (Korean names)
        assert task_facts(back, key="name_ko") == task_facts(store, key="name_ko")
        assert link_facts(back) == link_facts(store)


def test_csv_round_trip_with_bom(store, tmp_path):
    path = tmp_path / "plan.csv"
    export_csv(store, path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    preview = parse_csv(path)
    assert "utf-8-sig" in preview.info[0]
    result = apply_to_new_database(preview, tmp_path / "back.db")
    with open_store(result.path, keep_backups=0) as back:
        assert task_facts(back, key="name_ko") == task_facts(store, key="name_ko")
        assert link_facts(back) == link_facts(store)


def test_csv_cp949_and_semicolons():
    text = "작업 이름;시작;완료;기간;선행 작업\n기초 공사;2019-03-04;2019-03-08;5;\n" \
           "골조;2019. 3. 11.;2019년 3월 말;15;1FS+2\n"
    preview = parse_csv_bytes(text.encode("cp949"), "old.csv")
    assert "cp949" in preview.info[0] and "';'" in preview.info[0]
    tasks = [p.task for p in preview.plan.tasks]
    assert [t.name_ko for t in tasks] == ["기초 공사", "골조"]
    assert tasks[1].start.code() == "2019-03-11" and tasks[1].finish.code() == "2019-03-L"
    assert (preview.plan.links[0].lag_days, preview.plan.links[0].type) == (2, m.DependencyType.FS)


def test_mapping_step_and_ms_project_headers(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["Task Name", "Start", "Finish", "% Complete", "메모칸"])
    ws.append(["Design", datetime(2019, 3, 4), datetime(2019, 3, 8), 0.5, "a note"])
    ws.append(["Build", "2019-03-11", "2019-04-30", "40%", ""])
    wb.save(tmp_path / "ms.xlsx")
    auto = parse_xlsx(tmp_path / "ms.xlsx")
    assert set(auto.mapping) == {"name_ko", "start", "finish", "percent"}
    assert auto.columns[4] == "메모칸"
    chosen = parse_xlsx(tmp_path / "ms.xlsx", mapping={**auto.mapping, "notes": 4})
    assert chosen.plan.tasks[0].task.notes == "a note"
    assert chosen.plan.tasks[1].task.percent_complete == 40
    assert chosen.plan.tasks[0].task.start.earliest() == date(2019, 3, 4)
    assert detect_mapping(["WBS", "과업명"]) == {"wbs": 0, "name_ko": 1}


@pytest.mark.parametrize("text, expected", [
    ("과업명,시작일\n,2019-01-01\n", "no name"),
    ("과업명,시작일\nA,2019-02-30\n", "시작일"),
    ("과업명,진척률(%)\nA,120\n", "outside 0-100"),
    ("과업명,구분\nA,회의\n", "is not 요약/과업/마일스톤"),
    ("WBS,과업명,선행과업\n1,A,9\n", "predecessor 9 is not a WBS code"),
    ("WBS,과업명,선행과업\n1,A,2\n2,B,1\n", "cycle"),
    ("WBS,과업명\n1,A\n1,B\n", "WBS 1 is used by two rows"),
    ("이름없음,x\n1,2\n", "no column holds the task name"),
    ("과업명\n", "no task rows"),
])
def test_csv_refusals(text, expected):
    with pytest.raises(InteropError, match=expected):
        parse_csv_bytes(text.encode(), "bad.csv")


def test_row_and_column_named():
    with pytest.raises(InteropError) as info:
        parse_csv_bytes("과업명,시작일\nA,2019-01-01\nB,어제\n".encode(), "bad.csv")
    assert info.value.line == 3 and info.value.element == "시작일"


def test_not_an_xlsx(tmp_path):
    (tmp_path / "x.xlsx").write_bytes(b"PK\x03\x04 broken")
    with pytest.raises(InteropError, match="not an Excel"):
        parse_xlsx(tmp_path / "x.xlsx")


@pytest.mark.parametrize("sheet,korean", [
    ("WBS,과업명,기간(일)\n1,가,열흘\n", "'열흘'은(는) 숫자가 아닙니다"),
    ("WBS,과업명,기간(일)\n1,가,-3\n", "-3은(는) 0-100000 범위 밖입니다"),
    ("WBS,비고\n1,가\n", "과업명을 담은 열이 없습니다"),
    ("WBS,과업명\n", "시트에 과업 행이 없습니다"),
    ("WBS,과업명,선행과업\n1,가,9\n", "선행과업 9은(는) 시트의 WBS 코드가 아닙니다"),
    ("WBS,과업명,구분\n1,가,행사\n", "요약/과업/마일스톤이 아닙니다"),
    ("WBS,과업명\n1,가\n1,나\n", "WBS 1이(가) 두 행에 쓰였습니다"),
])
def test_import_refusals_are_korean_in_korean_mode(sheet, korean):
    from smartcity_desktop.messages import set_language

    set_language("ko")
    with pytest.raises(InteropError) as caught:
        parse_csv_bytes(sheet.encode(), "k.csv")
    text = str(caught.value)
    assert korean in text and text.startswith("k.csv"), text
    assert not any(w in text for w in ("line", "is not", "more than", "outside")), text


def test_preview_info_and_result_are_korean_in_korean_mode(tmp_path):
    from smartcity_desktop.messages import set_language

    set_language("ko")
    preview = parse_csv_bytes("WBS;과업명\n1;가\n".encode(), "k.csv")
    assert preview.info == ["인코딩 utf-8, 구분자 ';'"]
    assert preview.summary_lines()[0].startswith("k.csv (csv): 과업 1")
    result = apply_to_new_database(preview, tmp_path / "k.db")
    assert result.summary() == "과업 1건, 연결 0건, 기관 0곳 추가"
    with pytest.raises(InteropError, match="이미 있습니다"):
        apply_to_new_database(preview, tmp_path / "k.db")


def test_preview_rows_and_counts_in_both_languages():
    from smartcity_desktop.messages import set_language

    preview = parse_csv_bytes("WBS,과업명,기간(일)\n1,가,0\n".encode(), "k.csv")
    set_language("ko")
    assert preview.first_rows()[0][2] == "마일스톤" and preview.counts_text().startswith("과업 1")
    set_language("en")
    assert preview.first_rows()[0][2] == "milestone" and preview.counts_text().startswith("tasks 1")
