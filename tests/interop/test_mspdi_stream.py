"""MS Project files read as a stream: lists dropped as read, same results, lines named."""

from __future__ import annotations

from pathlib import Path

import pytest

from smartcity_desktop.interop.errors import InteropError
from smartcity_desktop.interop.mspdi_import import parse_mspdi_bytes

from .memory import parse_growth_mb

NS = "http://schemas.microsoft.com/project"
HEADER = ("<MinutesPerDay>240</MinutesPerDay>\n<ExtendedAttributes>\n</ExtendedAttributes>\n")


def _task(uid: int, *, pred: int | None = None, extra: str = "") -> str:
    link = (f"<PredecessorLink>\n<PredecessorUID>{pred}</PredecessorUID>\n<Type>1</Type>\n"
            f"<LinkLag>0</LinkLag>\n<LagFormat>7</LagFormat>\n</PredecessorLink>\n"
            if pred else "")
    return (f"<Task>\n<UID>{uid}</UID>\n<ID>{uid}</ID>\n<Name>과업 {uid}</Name>\n"
            f"<OutlineLevel>1</OutlineLevel>\n<WBS>{uid}</WBS>\n"
            f"<Start>2019-03-04T08:00:00</Start>\n<Duration>PT8H0M0S</Duration>\n"
            f"{extra}{link}</Task>\n")


def _project(tasks: str, *, header_first: bool = True, lists: str = "") -> str:
    body = (HEADER + f"<Tasks>\n{tasks}</Tasks>\n" if header_first
            else f"<Tasks>\n{tasks}</Tasks>\n" + HEADER)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<Project xmlns="{NS}">\n'
            f"<Name>stream</Name>\n{body}{lists}</Project>\n")


def _lists(tasks: int) -> str:
    resources = "".join(f"<Resource>\n<UID>{i}</UID>\n<Name>기관 {i}</Name>\n</Resource>\n"
                        for i in (1, 2))
    assigned = "".join(
        f"<Assignment>\n<UID>{i * 2 + r}</UID>\n<TaskUID>{i}</TaskUID>\n"
        f"<ResourceUID>{r}</ResourceUID>\n</Assignment>\n"
        for i in range(1, tasks + 1) for r in (1, 2))
    return f"<Resources>\n{resources}</Resources>\n<Assignments>\n{assigned}</Assignments>\n"


def _summary(preview) -> list[tuple]:
    return [(pt.key, pt.task.duration_days, pt.owner.name if pt.owner else None,
             [s.name for s in pt.supporting]) for pt in preview.plan.tasks]


def test_a_header_after_the_tasks_reads_as_in_schema_order() -> None:
    tasks = _task(1) + _task(2, pred=1)
    first = parse_mspdi_bytes(_project(tasks, lists=_lists(2)).encode(), "a.xml")
    late = parse_mspdi_bytes(_project(tasks, header_first=False, lists=_lists(2)).encode(),
                             "b.xml")
    # 8 hours of a 240-minute day is two days, whichever order the file chose
    assert _summary(first) == _summary(late) == [
        ("1", 2, "기관 1", ["기관 2"]), ("2", 2, "기관 1", ["기관 2"])]
    assert [(ln.predecessor_key, ln.successor_key) for ln in late.plan.links] == [("1", "2")]


def test_owners_come_from_assignments_after_the_tasks() -> None:
    preview = parse_mspdi_bytes(_project(_task(1) + _task(2), lists=_lists(1)).encode())
    assert _summary(preview) == [("1", 2, "기관 1", ["기관 2"]), ("2", 2, None, [])]


def test_a_bad_value_in_a_streamed_task_names_its_line() -> None:
    tasks = "".join(_task(i) for i in range(1, 40)) + _task(
        40, extra="<PercentComplete>many</PercentComplete>\n")
    text = _project(tasks)
    with pytest.raises(InteropError) as caught:
        parse_mspdi_bytes(text.encode(), "bad.xml")
    line = text.splitlines().index("<PercentComplete>many</PercentComplete>") + 1
    assert caught.value.line == line
    assert caught.value.element == "PercentComplete"


def test_a_bad_link_names_its_line_after_every_task_is_read() -> None:
    bad = _task(2, pred=1).replace("<Type>1</Type>", "<Type>9</Type>")
    text = _project(_task(1) + bad + _task(3))
    with pytest.raises(InteropError) as caught:
        parse_mspdi_bytes(text.encode(), "bad.xml")
    assert caught.value.line == text.splitlines().index("<Type>9</Type>") + 1


def test_a_resource_flood_is_refused_at_the_first_resource_too_many() -> None:
    resources = "".join(f"<Resource>\n<UID>{i}</UID>\n<Name>기관 {i}</Name>\n</Resource>\n"
                        for i in range(1, 1002))
    text = _project(_task(1), lists=f"<Resources>\n{resources}</Resources>\n")
    with pytest.raises(InteropError) as caught:
        parse_mspdi_bytes(text.encode(), "flood.xml")
    assert caught.value.line == text.splitlines().index("<UID>1001</UID>")  # its <Resource>
    assert "1000" in caught.value.text("en")


def test_tasks_of_another_namespace_or_root_are_not_read_as_ours() -> None:
    text = _project(_task(1) + '<Task xmlns="urn:other"><UID>x</UID></Task>\n')
    assert [pt.key for pt in parse_mspdi_bytes(text.encode()).plan.tasks] == ["1"]
    with pytest.raises(InteropError) as caught:
        parse_mspdi_bytes(b"<Plan><Tasks><Task><UID>1</UID></Task></Tasks></Plan>")
    assert caught.value.message.id == "mspdi.not_mspdi"


@pytest.mark.slow
def test_reading_holds_one_task_of_the_tree_at_a_time(tmp_path: Path) -> None:
    count = 6_000
    names = "".join(f"<ExtendedAttribute>\n<FieldID>{188743731 + k}</FieldID>\n"
                    f"<Value>값 {k}</Value>\n</ExtendedAttribute>\n" for k in range(4))
    tasks = "".join(_task(i, pred=i - 1 if i % 50 != 1 else None, extra=names)
                    for i in range(1, count + 1))
    path = tmp_path / "many.xml"
    path.write_text(_project(tasks, lists=_lists(count)), encoding="utf-8")
    tiny = tmp_path / "tiny.xml"
    tiny.write_text(_project(_task(1)), encoding="utf-8")
    parsed, grew_mb = parse_growth_mb("smartcity_desktop.interop.mspdi_import.parse_mspdi",
                                      path, tiny)
    size_mb = path.stat().st_size / 1e6
    assert parsed == count
    # as a whole tree this file took 11.6 times its size; streamed, 3.6 times (the bytes
    # themselves, the parsed tasks and their stage)
    assert grew_mb < 5 * size_mb, (grew_mb, size_mb)
