"""Durations keep hours: a part day read from MSPDI, .gan or CSV keeps its exact minutes
through import, storage, export and re-import (and MPXJ reads the same duration), while
the schedule places it on the working days it touches."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest
from defusedxml.ElementTree import parse as safe_parse

from smartcity_desktop.app.task_edits import update_task
from smartcity_desktop.domain import model as m
from smartcity_desktop.domain.workdays import days_for_minutes, duration_label, exact_minutes
from smartcity_desktop.interop.apply import apply_to_new_database
from smartcity_desktop.interop.gan import parse_gan_bytes
from smartcity_desktop.interop.mspdi import NS, export_mspdi
from smartcity_desktop.interop.mspdi_import import parse_mspdi, parse_mspdi_bytes
from smartcity_desktop.store import open_store
from smartcity_desktop.store.planning import load_schedule

from .conftest import DATA

N = f"{{{NS}}}"
HAS_MPXJ = (importlib.util.find_spec("mpxj") is not None
            and importlib.util.find_spec("jpype") is not None and shutil.which("java"))

_PLAN = """<?xml version="1.0"?>
<Project xmlns="http://schemas.microsoft.com/project"><Name>시간 단위</Name>
 <StartDate>2019-04-01T09:00:00</StartDate><MinutesPerDay>480</MinutesPerDay>
 <Tasks>
  <Task><UID>1</UID><ID>1</ID><Name>점검 회의</Name><WBS>1</WBS><OutlineLevel>1</OutlineLevel>
   <Start>2019-04-01T09:00:00</Start><Finish>2019-04-01T10:00:00</Finish>
   <Duration>PT1H0M0S</Duration><Milestone>0</Milestone></Task>
  <Task><UID>2</UID><ID>2</ID><Name>현장 확인</Name><WBS>2</WBS><OutlineLevel>1</OutlineLevel>
   <Start>2019-04-02T09:00:00</Start><Finish>2019-04-03T14:00:00</Finish>
   <Duration>PT12H0M0S</Duration><Milestone>0</Milestone>
   <PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type></PredecessorLink></Task>
  <Task><UID>3</UID><ID>3</ID><Name>보고</Name><WBS>3</WBS><OutlineLevel>1</OutlineLevel>
   <Start>2019-04-04T09:00:00</Start><Finish>2019-04-05T18:00:00</Finish>
   <Duration>PT16H0M0S</Duration><Milestone>0</Milestone></Task>
 </Tasks>
</Project>
"""


def _by_name(preview) -> dict[str, m.Task]:
    return {pt.task.name_ko: pt.task for pt in preview.plan.tasks}


def _tasks(path: Path) -> dict[str, m.Task]:
    with open_store(path, keep_backups=0) as store:
        return {t.name_ko: t for t in store.tasks()}


def _round_trip(tmp_path: Path) -> tuple[Path, Path]:
    db = apply_to_new_database(parse_mspdi_bytes(_PLAN.encode(), "hours.xml"),
                               tmp_path / "a.db").path
    xml = tmp_path / "again.xml"
    with open_store(db, keep_backups=0) as store:
        export_mspdi(store, xml)
    return db, xml


def test_a_part_day_keeps_its_minutes_and_takes_whole_days_in_the_schedule() -> None:
    got = _by_name(parse_mspdi_bytes(_PLAN.encode(), "hours.xml"))
    assert (got["점검 회의"].duration_days, got["점검 회의"].duration_minutes) == (1, 60)
    assert (got["현장 확인"].duration_days, got["현장 확인"].duration_minutes) == (2, 720)
    assert (got["보고"].duration_days, got["보고"].duration_minutes) == (2, None)  # whole days
    assert days_for_minutes(1, 480) == 1 and days_for_minutes(481, 480) == 2
    assert days_for_minutes(0, 480) == 0


def test_one_hour_survives_import_export_and_reimport(tmp_path) -> None:
    db, xml = _round_trip(tmp_path)
    stored = _tasks(db)
    assert stored["점검 회의"].duration_minutes == 60
    with open_store(db, keep_backups=0) as store:
        tasks, schedule, _ = load_schedule(store)
        one = next(t for t in tasks if t.name_ko == "점검 회의")
        st = schedule[one.id]
        assert st.start == st.finish  # within its day
    written = {t.find(f"{N}Name").text: t for t in safe_parse(str(xml)).getroot()
               .iter(f"{N}Task")}
    hour = written["점검 회의"]
    assert hour.find(f"{N}Duration").text == "PT1H0M0S"
    assert hour.find(f"{N}DurationFormat").text == "5"  # shown in hours by MS Project
    assert hour.find(f"{N}Start").text.endswith("T09:00:00")
    assert hour.find(f"{N}Finish").text.endswith("T10:00:00")
    assert written["현장 확인"].find(f"{N}Duration").text == "PT12H0M0S"
    assert written["현장 확인"].find(f"{N}Finish").text.endswith("T14:00:00")  # 4 h after lunch
    assert written["보고"].find(f"{N}Duration").text == "PT16H0M0S"
    again = _by_name(parse_mspdi(xml))
    assert again["점검 회의"].duration_minutes == 60
    assert again["현장 확인"].duration_minutes == 720
    db2 = apply_to_new_database(parse_mspdi(xml), tmp_path / "b.db").path
    assert {n: (t.duration_days, t.duration_minutes) for n, t in _tasks(db2).items()} == {
        n: (t.duration_days, t.duration_minutes) for n, t in stored.items()}


def test_the_table_says_hours_and_part_days() -> None:
    assert duration_label(1, "ko", 60, 480) == "1시간"
    assert duration_label(1, "en", 90, 480) == "1 h 30 min"
    assert duration_label(2, "ko", 720, 480) == "1.5일"
    assert duration_label(1, "ko", 240, 480) == "4시간"
    assert duration_label(3, "ko") == "3일"
    assert duration_label(2, "en", 720, 480) == "1.5 working days"


def test_changing_the_days_drops_the_imported_minutes(tmp_path) -> None:
    db, _ = _round_trip(tmp_path)
    with open_store(db, keep_backups=0) as store:
        one = next(t for t in store.tasks() if t.name_ko == "점검 회의")
        assert exact_minutes(one, 480) == 60
        update_task(one.id, duration_days=3)(store)
        after = store.get(m.Task, one.id)
        assert (after.duration_days, after.duration_minutes) == (3, None)


def test_a_gan_part_day_keeps_its_hours() -> None:
    gan = (b'<?xml version="1.0"?><project name="p"><tasks>'
           b'<task id="1" name="half" start="2019-04-01" duration="0.5"/>'
           b'<task id="2" name="day and a half" start="2019-04-02" duration="1.5"/>'
           b'<task id="3" name="two" start="2019-04-04" duration="2"/></tasks></project>')
    got = _by_name(parse_gan_bytes(gan, "p.gan"))
    assert (got["half"].duration_days, got["half"].duration_minutes) == (1, 240)
    assert (got["day and a half"].duration_days, got["day and a half"].duration_minutes) == (
        2, 720)
    assert (got["two"].duration_days, got["two"].duration_minutes) == (2, None)


def test_the_other_week_sample_keeps_its_hour() -> None:
    one = _by_name(parse_mspdi(DATA / "other_week.xml"))["안전 교육"]
    assert (one.duration_days, one.duration_minutes) == (1, 60)


@pytest.mark.slow
@pytest.mark.skipif(not HAS_MPXJ, reason="MPXJ (pip install mpxj JPype1) and Java not present")
def test_mpxj_reads_the_exported_hour_as_one_hour(tmp_path) -> None:
    from smartcity_desktop.interop.mpp import start_jvm

    _db, xml = _round_trip(tmp_path)
    start_jvm()
    import jpype

    reader = jpype.JClass("org.mpxj.reader.UniversalProjectReader")
    units = jpype.JClass("org.mpxj.TimeUnit")
    project = reader().read(str(xml))
    props = project.getProjectProperties()
    hours = {}
    for t in project.getTasks():
        if t.getName() is not None and t.getDuration() is not None:
            hours[str(t.getName())] = float(
                t.getDuration().convertUnits(units.HOURS, props).getDuration())
    assert hours["점검 회의"] == pytest.approx(1.0)
    assert hours["현장 확인"] == pytest.approx(12.0)
    assert hours["보고"] == pytest.approx(16.0)


def test_csv_and_xlsx_carry_the_hours_both_ways(tmp_path) -> None:
    from smartcity_desktop.interop.csv_io import export_csv, parse_csv
    from smartcity_desktop.interop.xlsx import export_xlsx, parse_xlsx

    db, _ = _round_trip(tmp_path)
    with open_store(db, keep_backups=0) as store:
        export_csv(store, tmp_path / "plan.csv")
        export_xlsx(store, tmp_path / "plan.xlsx")
    for preview in (parse_csv(tmp_path / "plan.csv"), parse_xlsx(tmp_path / "plan.xlsx")):
        got = _by_name(preview)
        assert (got["점검 회의"].duration_days, got["점검 회의"].duration_minutes) == (1, 60)
        assert (got["현장 확인"].duration_days, got["현장 확인"].duration_minutes) == (2, 720)
        assert (got["보고"].duration_days, got["보고"].duration_minutes) == (2, None)


def test_a_file_written_by_mpxj_keeps_its_hours_names_and_links() -> None:
    """data/mpxj_hours.xml was written by MPXJ's MSPDIWriter (a chain of 1 h, 12 h, 4 h and
    16 h tasks). The hours are kept; the schedule gives each part day whole working days,
    so a chain of part days runs later than in MS Project (the app schedules in days)."""
    preview = parse_mspdi(DATA / "mpxj_hours.xml")
    got = {n: (t.duration_days, t.duration_minutes) for n, t in _by_name(preview).items()}
    assert got == {"Kick-off call": (1, 60), "Site survey": (2, 720),
                   "Half-day review": (1, 240), "Report": (2, None)}
    assert len(preview.plan.links) == 3


def test_the_task_table_shows_the_hours(tmp_path, qtbot) -> None:
    from smartcity_desktop.ui.context import AppContext
    from smartcity_desktop.ui.task_model import COL_DURATION, TaskTreeModel

    db, _ = _round_trip(tmp_path)
    with open_store(db, keep_backups=0) as store:
        context = AppContext(store)
        try:
            model = TaskTreeModel(context)
            shown = {t.name_ko: model.data(model.index_of(t.id, COL_DURATION))
                     for t in store.tasks()}
        finally:
            context.detach()
    assert shown["점검 회의"] in ("1 h", "1시간")  # the language the context was opened in
    assert shown["현장 확인"] in ("1.5 working days", "1.5일")
    assert shown["보고"] != shown["현장 확인"] and "1.5" not in shown["보고"]
