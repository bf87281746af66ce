"""Excel return forms: a round trip through openpyxl edits and LibreOffice; tampering refused."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from smartcity_desktop.app import exchange as ex
from smartcity_desktop.app.checklists import latest_status_updates
from smartcity_desktop.app.cli_edits import set_task_fields, task_by_wbs
from smartcity_desktop.app.return_forms import import_forms, make_form
from smartcity_desktop.interop.exchange_package import PackageError
from smartcity_desktop.interop.return_form import IDS_SHEET, ITEMS_SHEET, TASKS_SHEET, FormError
from smartcity_desktop.store import exchange_store as xs

TASK = "6.1.5.1"  # MSIT's, percent typed by the officer
CHECKLIST = "2.1.6"  # MSIT's, percent from its three checklist items


@pytest.fixture
def molit(make_desk):
    return make_desk("molit", "MOLIT", "coordinator")


def _row_of(ws, wbs, column=1):
    return next(r for r in range(3, ws.max_row + 1) if str(ws.cell(r, column).value) == wbs)


def _fill(path: Path) -> None:
    """What the ministry does in Excel: percent, actual start, RAG, narrative, a tick."""
    wb = load_workbook(path)
    ws = wb[TASKS_SHEET]
    r = _row_of(ws, TASK)
    ws.cell(r, 4).value = 60
    ws.cell(r, 5).value = date(2019, 1, 14)
    ws.cell(r, 7).value = "황색"
    ws.cell(r, 8).value = "자가망 연계 목록 검토 중"
    wi = wb[ITEMS_SHEET]
    wi.cell(_row_of(wi, CHECKLIST), 5).value = "O"
    wb.save(path)


def test_form_is_protected_except_fillable_cells_and_ids_are_very_hidden(molit, tmp_path):
    out = tmp_path / "msit.xlsx"
    tasks, items = make_form(molit, "MSIT", out)
    assert tasks >= 4 and items >= 3
    wb = load_workbook(out)
    ws = wb[TASKS_SHEET]
    assert ws.protection.sheet and wb[IDS_SHEET].sheet_state == "veryHidden"
    r = _row_of(ws, TASK)
    assert ws.cell(r, 1).protection.locked and not ws.cell(r, 4).protection.locked


def test_round_trip_through_openpyxl_edits(molit, tmp_path):
    out = tmp_path / "msit.xlsx"
    make_form(molit, "MSIT", out)
    _fill(out)
    summary = import_forms(molit, [out])
    assert summary.applied >= 4 and summary.conflicts == 0
    task = task_by_wbs(molit, TASK)
    assert task.actual_start == date(2019, 1, 14) and task.percent_complete == 60
    ticked = task_by_wbs(molit, CHECKLIST)
    assert molit.checklist(ticked.id)[0].done and ticked.percent_complete == 33.3  # derived
    status = latest_status_updates(molit)[task.id]
    assert status.rag.value == "amber" and status.narrative == "자가망 연계 목록 검토 중"
    assert molit.setting("exchange.received.MSIT") == date.today().isoformat()
    assert xs.arrivals(molit)[0]["kind"] == "form"
    again = import_forms(molit, [out])  # the same form twice changes nothing
    assert again.applied == 0


def test_form_change_against_a_change_here_is_a_conflict(molit, tmp_path):
    out = tmp_path / "msit.xlsx"
    make_form(molit, "MSIT", out)
    set_task_fields(molit, TASK, {"percent": "45"})  # changed here after the form went out
    _fill(out)
    summary = import_forms(molit, [out])
    assert summary.conflicts == 1
    (held,) = xs.held(molit)
    assert held["field"] == "percent_complete" and held["theirs_ministry"] == "MSIT"


def test_form_changes_travel_on_in_packages(molit, make_desk, tmp_path):
    msit = make_desk("msit", "MSIT")
    out = tmp_path / "msit.xlsx"
    make_form(molit, "MSIT", out)
    _fill(out)
    import_forms(molit, [out])
    ex.export_package(molit, tmp_path / "molit.scx")
    summary = ex.import_packages(msit, [tmp_path / "molit.scx"])
    assert summary.proposals == 0 and ex.digest(msit) == ex.digest(molit)


def test_a_percent_typed_for_a_task_following_its_checklist_is_refused(molit, tmp_path):
    out = tmp_path / "msit.xlsx"
    make_form(molit, "MSIT", out)
    wb = load_workbook(out)
    ws = wb[TASKS_SHEET]
    r = _row_of(ws, CHECKLIST)
    ws.cell(r, 4).value = 80
    wb.save(out)
    before = ex.digest(molit)
    with pytest.raises(FormError) as info:
        import_forms(molit, [out])
    assert f"{r}" in str(info.value) and CHECKLIST in str(info.value)
    assert ex.digest(molit) == before


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_tampered_id_column_foreign_plan_and_other_desk_are_refused(molit, make_desk, tmp_path):
    out = tmp_path / "msit.xlsx"
    make_form(molit, "MSIT", out)
    wb = load_workbook(out)
    ws = wb[TASKS_SHEET]
    ws.cell(_row_of(ws, TASK), 1).value = "1.1"  # point a row at another task
    wb.save(tmp_path / "tampered.xlsx")
    wb = load_workbook(out)
    wb[IDS_SHEET].cell(5, 4).value = "another-uid"  # or edit the hidden ids
    wb.save(tmp_path / "hidden.xlsx")
    other = make_desk("other", "MOLIT", "coordinator")  # a form this desk did not make
    make_form(other, "MSIT", tmp_path / "other.xlsx")
    before = ex.digest(molit)
    for name, fragment in (("tampered.xlsx", "1.1"), ("hidden.xlsx", "hidden"),
                           ("other.xlsx", "hidden")):
        with pytest.raises(FormError) as info:
            import_forms(molit, [tmp_path / name])
        assert name in str(info.value) and (fragment in str(info.value) or "숨은" in
                                            str(info.value))
    other.con.execute("UPDATE projects SET uid = 'another-plan'")
    make_form(other, "MSIT", tmp_path / "foreign.xlsx")
    shutil.copyfile(tmp_path / "foreign.xlsx", tmp_path / "foreign2.xlsx")
    with pytest.raises((FormError, PackageError)):
        import_forms(molit, [tmp_path / "foreign2.xlsx"])
    assert ex.digest(molit) == before and xs.arrivals(molit) == []


def test_bad_cell_value_is_one_line_naming_the_row(molit, tmp_path):
    out = tmp_path / "msit.xlsx"
    make_form(molit, "MSIT", out)
    wb = load_workbook(out)
    ws = wb[TASKS_SHEET]
    r = _row_of(ws, TASK)
    ws.cell(r, 4).value = "많이"
    wb.save(out)
    with pytest.raises(FormError) as info:
        import_forms(molit, [out])
    assert f"{r}" in str(info.value) and "\n" not in str(info.value)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_round_trip_through_libreoffice(molit, tmp_path):
    out = tmp_path / "msit.xlsx"
    make_form(molit, "MSIT", out)
    _fill(out)
    converted = tmp_path / "lo"
    converted.mkdir()
    profile = tmp_path / "lo-profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "xlsx", "--outdir", str(converted), str(out)],
                   check=True, capture_output=True, timeout=180)
    saved = converted / "msit.xlsx"
    assert saved.exists() and _sha(saved) != _sha(out)  # really rewritten by LibreOffice
    summary = import_forms(molit, [saved])
    assert summary.applied >= 4
    assert task_by_wbs(molit, TASK).actual_start == date(2019, 1, 14)
