"""Every export tells the computed schedule: MSPDI (also after MS Project's own rules,
via MPXJ's MicrosoftScheduler when installed), XLSX/CSV and ICS, on the bundled plan."""

from __future__ import annotations

import importlib.util
import shutil
from datetime import date
from pathlib import Path

import pytest
from defusedxml.ElementTree import parse as safe_parse

from smartcity_desktop.domain.schedule_table import schedule_rows
from smartcity_desktop.interop.common import outline_order
from smartcity_desktop.interop.mspdi import NS, export_mspdi
from smartcity_desktop.store.planning import load_schedule

N = f"{{{NS}}}"
HAS_MPXJ = (importlib.util.find_spec("mpxj") is not None
            and importlib.util.find_spec("jpype") is not None and shutil.which("java"))


def expected(store) -> dict[str, tuple[str, str, int]]:
    tasks, schedule, _ = load_schedule(store)
    rows = schedule_rows([t for t, _ in outline_order(tasks)], schedule,
                         store.project().status_date)
    return {r.task.wbs: (r.start.isoformat(), r.finish.isoformat(), r.duration_days)
            for r in rows}


def written(xml: Path) -> dict[str, tuple]:
    out = {}
    for t in safe_parse(str(xml)).getroot().iter(f"{N}Task"):
        hours = int(t.find(f"{N}Duration").text.removeprefix("PT").split("H")[0])
        out[t.find(f"{N}WBS").text] = (t.find(f"{N}Start").text[:10],
                                       t.find(f"{N}Finish").text[:10], hours // 8, t)
    return out


def test_mspdi_states_the_schedule_for_all_147_tasks(real_store, tmp_path):
    xml = tmp_path / "plan.xml"
    export_mspdi(real_store, xml)
    want, got = expected(real_store), written(xml)
    assert len(want) == len(got) == 147
    assert {w: g[:3] for w, g in got.items()} == want
    cal = load_schedule(real_store)[2]
    for w, (start, finish, _dur, el) in got.items():
        if el.find(f"{N}Summary").text == "1":
            kids = [g for k, g in got.items() if k.startswith(w + ".")]
            assert start == min(k[0] for k in kids) and finish == max(k[1] for k in kids)
        if el.find(f"{N}Milestone").text == "1":
            assert cal.is_workday(date.fromisoformat(finish)), w
    mfo = got["2.1.3"][3]
    assert mfo.find(f"{N}ConstraintType").text == "3"
    assert mfo.find(f"{N}ConstraintDate").text == "2019-02-15T18:00:00"
    assert got["2.1.3"][1] == "2019-02-15"
    # a linked task keeps its planned start as a start-no-earlier constraint
    linked = got["5.5"][3]
    assert linked.find(f"{N}PredecessorLink") is not None
    assert linked.find(f"{N}ConstraintType").text == "4"
    assert got["3.6"][3].find(f"{N}Deadline").text == "2019-01-31T18:00:00"


@pytest.mark.slow
@pytest.mark.skipif(not HAS_MPXJ, reason="MPXJ (pip install mpxj JPype1) and Java not present")
def test_ms_project_rules_recalculate_to_the_same_dates(real_store, tmp_path, capfd):
    from smartcity_desktop.interop.mpp import start_jvm

    xml = tmp_path / "plan.xml"
    export_mspdi(real_store, xml)
    start_jvm()
    import jpype

    reader = jpype.JClass("org.mpxj.reader.UniversalProjectReader")
    scheduler = jpype.JClass("org.mpxj.cpm.MicrosoftScheduler")
    project = reader().read(str(xml))
    want = expected(real_store)

    def agree() -> int:
        n = 0
        for t in project.getTasks():
            w = t.getWBS()
            if w is not None and str(w) in want:
                got = (str(t.getStart().toLocalDate()), str(t.getFinish().toLocalDate()))
                n += got == want[str(w)][:2]
        return n

    assert agree() == 147  # as read
    # the .mpp path (POI) initialises Log4j: it must stay silent
    poi = jpype.JClass("org.apache.poi.poifs.filesystem.POIFSFileSystem")
    with pytest.raises(jpype.JException):
        poi(jpype.JClass("java.io.File")(str(xml)))
    assert "Log4j" not in capfd.readouterr().err
    scheduler().schedule(project, project.getProjectProperties().getStartDate())
    assert agree() == 147  # after MS Project's scheduling rules


def test_xlsx_and_csv_rows_state_the_schedule_and_plan_dates_as_written(real_store, tmp_path):
    import csv

    from openpyxl import load_workbook

    from smartcity_desktop.interop.csv_io import export_csv
    from smartcity_desktop.interop.xlsx import export_xlsx

    want = expected(real_store)
    export_xlsx(real_store, tmp_path / "plan.xlsx")
    sheet = load_workbook(tmp_path / "plan.xlsx")["과업"]
    head = [c.value for c in sheet[1]]
    col = {h: i for i, h in enumerate(head)}
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 147
    got = {r[col["WBS"]]: (r[col["시작일"]].date().isoformat(),
                           r[col["종료일"]].date().isoformat()) for r in rows}
    assert got == {w: v[:2] for w, v in want.items()}
    durations = {r[col["WBS"]]: r[col["기간(일)"]] for r in rows}
    assert durations == {w: v[2] for w, v in want.items()}  # working days, summaries too
    written_as = {r[col["WBS"]]: r[col["시작(계획표기)"]] for r in rows}
    assert written_as["3.6"] == "2019년 1월 말" and written_as["2.2.4"] == "2019년 상반기"
    assert not any("-L" in str(v) or "-H" in str(v) for v in written_as.values())

    export_csv(real_store, tmp_path / "plan.csv")
    with (tmp_path / "plan.csv").open(encoding="utf-8-sig", newline="") as fh:
        csv_rows = list(csv.DictReader(fh))
    assert {r["WBS"]: (r["시작일"], r["종료일"]) for r in csv_rows} == got


def test_ics_milestones_fall_on_their_computed_working_days(real_store):
    from smartcity_desktop.interop.ics import build_ics

    tasks, schedule, cal = load_schedule(real_store)
    want = {t.id: schedule[t.id].finish for t in tasks if t.is_milestone}
    events = {}
    for block in build_ics(real_store).replace("\r\n ", "").split("BEGIN:VEVENT")[1:]:
        props = dict(line.split(":", 1) for line in block.split("\r\n") if ":" in line)
        if props["UID"].startswith("task-"):
            events[int(props["UID"].split("-")[1])] = date.fromisoformat(
                f"{props['DTSTART;VALUE=DATE'][:4]}-{props['DTSTART;VALUE=DATE'][4:6]}-"
                f"{props['DTSTART;VALUE=DATE'][6:]}")
    assert len(want) == 23 and events == want
    assert all(cal.is_workday(d) for d in events.values())
