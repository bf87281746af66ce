"""GanttProject .gan import: hierarchy, every link type with lag, milestones, progress,
resources, the file's calendar, and the same refusals as the other importers."""

from __future__ import annotations

from datetime import date

import pytest

from smartcity_desktop.domain import model as m
from smartcity_desktop.interop.apply import apply_to_new_database
from smartcity_desktop.interop.errors import InteropError
from smartcity_desktop.interop.formats import parse_file
from smartcity_desktop.interop.gan import parse_gan_bytes
from smartcity_desktop.store import open_store
from smartcity_desktop.store.planning import load_schedule, project_calendar

from .conftest import DATA


def test_hand_written_ganttproject_file() -> None:
    preview = parse_file(DATA / "ganttproject.gan")
    assert preview.format == "gan" and preview.plan.name_ko == "세종 현장 공정"
    tasks = {p.key: p for p in preview.plan.tasks}
    assert [p.task.wbs for p in preview.plan.tasks] == ["1", "1.1", "1.2", "1.3", "2"]
    assert tasks["0"].task.kind is m.TaskKind.SUMMARY
    assert tasks["4"].task.kind is m.TaskKind.MILESTONE and tasks["4"].task.duration_days == 0
    survey = tasks["1"].task
    assert survey.start.code() == "2019-02-25" and survey.duration_days == 5
    assert survey.percent_complete == 100 and survey.notes == "측량 완료 & 보고"
    assert tasks["1"].owner.name == "한국토지주택공사"
    assert [r.name for r in tasks["1"].supporting] == ["세종시"]
    assert tasks["3"].task.constraint_type is m.ConstraintType.START_NO_EARLIER
    links = {(x.predecessor_key, x.successor_key): (x.type.value, x.lag_days)
             for x in preview.plan.links}
    assert links == {("1", "2"): ("FS", 1), ("1", "3"): ("SS", 2), ("2", "4"): ("FF", 0),
                     ("3", "4"): ("SF", -1)}
    cal = preview.plan.calendar
    assert cal.week == "1111110"  # Saturday works, Sunday does not
    days = {d: n for d, _, n in cal.exceptions}
    assert days[date(2019, 3, 1)] == "삼일절"
    assert days[date(2019, 5, 1)] == days[date(2020, 5, 1)] == "근로자의 날"  # every year


def test_lands_in_a_new_database_on_its_own_calendar(tmp_path) -> None:
    result = apply_to_new_database(parse_file(DATA / "ganttproject.gan"), tmp_path / "g.db")
    with open_store(result.path, keep_backups=0) as store:
        assert store.count(m.Task) == 5 and store.count(m.Dependency) == 4
        assert store.project().work_week == "1111110"
        cal = project_calendar(store)
        assert cal.is_workday(date(2019, 3, 2))  # a Saturday
        tasks, schedule, _ = load_schedule(store)
        by = {t.name_ko: schedule[t.id] for t in tasks}
        assert by["터파기"].start > by["측량"].finish


@pytest.mark.parametrize(("text", "needle"), [
    (b"<plan/>", "GanttProject"),  # Korean by default: "GanttProject 파일이 아닙니다"
    (b'<project><tasks><task name="x"/></tasks></project>', "no id"),
    (b'<project><tasks><task id="1" name="x" start="2019-13-01"/></tasks></project>',
     "not a date"),
    (b'<project><tasks><task id="1" name="x"><depend id="9" type="2"/></task></tasks>'
     b"</project>", "not in the file"),
    (b'<project><tasks><task id="1" name="a"><depend id="2"/></task>'
     b'<task id="2" name="b"><depend id="1"/></task></tasks></project>', "cycle"),
    (b'<!DOCTYPE project [<!ENTITY x "y">]><project/>', ""),
])
def test_bad_files_are_refused_with_one_line(text, needle) -> None:
    with pytest.raises(InteropError) as err:
        parse_gan_bytes(text, "bad.gan")
    message = str(err.value)
    assert needle in message and "\n" not in message


def test_cli_imports_a_gan_file_into_a_new_database(tmp_path, capsys) -> None:
    from smartcity_desktop.cli import main

    new = tmp_path / "from_gan.db"
    assert main(["import", str(DATA / "ganttproject.gan"), "--into", str(new)]) == 0
    assert "gan" in capsys.readouterr().out
    with open_store(new, keep_backups=0) as store:
        assert store.count(m.Task) == 5


@pytest.mark.slow
def test_a_wide_gantt_project_file_is_numbered_in_linear_time(tmp_path):
    """Each task's number came from rescanning every task before it (quadratic)."""
    import time

    from smartcity_desktop.interop.gan import parse_gan

    tasks = "".join(f'<task id="{i}" name="t{i}" start="2019-01-02" duration="1">'
                    f'<task id="{i}00000" name="c" start="2019-01-02" duration="1"/></task>'
                    for i in range(1, 20_001))
    path = tmp_path / "wide.gan"
    path.write_text(f'<?xml version="1.0"?><project name="w"><tasks>{tasks}</tasks></project>',
                    encoding="utf-8")
    t0 = time.perf_counter()
    preview = parse_gan(path)
    assert time.perf_counter() - t0 < 30
    assert len(preview.plan.tasks) == 40_000
    assert [pt.task.wbs for pt in preview.plan.tasks[:4]] == ["1", "1.1", "2", "2.1"]


def test_nested_tasks_read_as_streamed_keep_outline_order_and_owners():
    """Tasks are read at their end tags (children first) and put back in outline order;
    the allocations after them still name their owners."""
    from smartcity_desktop.interop.gan import parse_gan_bytes

    text = """<?xml version="1.0"?>
<project name="n">
<tasks>
<task id="1" name="상위" start="2019-01-02" duration="5">
<notes>상위 메모</notes>
<task id="2" name="하위 가" start="2019-01-02" duration="2">
<task id="3" name="손자" start="2019-01-02" duration="1"/>
</task>
<task id="4" name="하위 나" start="2019-01-04" duration="2"/>
</task>
<task id="5" name="다음" start="2019-01-07" duration="1" meeting="true">
<depend id="4" type="2" difference="0"/>
</task>
</tasks>
<resources><resource id="0" name="국토교통부"/><resource id="1" name="과기정통부"/></resources>
<allocations><allocation task-id="4" resource-id="1" responsible="false"/>
<allocation task-id="4" resource-id="0" responsible="true"/></allocations>
<previous><task id="9" name="기준선 아님"/></previous>
</project>
"""
    preview = parse_gan_bytes(text.encode(), "n.gan")
    got = [(pt.key, pt.parent_key, pt.task.wbs, pt.task.kind.value, pt.line)
           for pt in preview.plan.tasks]
    assert got == [("1", None, "1", "summary", 4), ("2", "1", "1.1", "summary", 6),
                   ("3", "2", "1.1.1", "task", 7), ("4", "1", "1.2", "task", 9),
                   ("5", None, "2", "milestone", 11)]
    by_key = {pt.key: pt for pt in preview.plan.tasks}
    assert by_key["1"].task.notes == "상위 메모"
    assert by_key["4"].owner.name == "국토교통부"
    assert [s.name for s in by_key["4"].supporting] == ["과기정통부"]
    assert [(ln.predecessor_key, ln.successor_key, ln.line) for ln in preview.plan.links] == [
        ("5", "4", 12)]


@pytest.mark.slow
def test_reading_a_gantt_project_file_does_not_hold_its_tree(tmp_path):
    from .memory import parse_growth_mb

    tasks = "".join(
        f'<task id="{i}" name="과업 {i}" color="#8cb6ce" meeting="false" start="2019-01-02" '
        f'duration="3" complete="0" expand="true">\n'
        + (f'<depend id="{i + 1}" type="2" difference="0" hardness="Strong"/>\n' if i % 50
           else "") + "</task>\n" for i in range(1, 20_001))
    path = tmp_path / "many.gan"
    path.write_text(f'<?xml version="1.0"?>\n<project name="w">\n<tasks>\n{tasks}</tasks>\n'
                    "</project>\n", encoding="utf-8")
    tiny = tmp_path / "tiny.gan"
    tiny.write_text('<?xml version="1.0"?><project name="w"><tasks><task id="1" name="a" '
                    'start="2019-01-02" duration="1"/></tasks></project>', encoding="utf-8")
    parsed, grew_mb = parse_growth_mb("smartcity_desktop.interop.gan.parse_gan", path, tiny)
    size_mb = path.stat().st_size / 1e6
    assert parsed == 20_000
    # the whole tree and a list of parsed tasks took 18 times the file; streamed, 3 times
    assert grew_mb < 5 * size_mb, (grew_mb, size_mb)
