"""Imports held on disk: staged tasks read back exactly, the outline order, streamed CSV."""

from __future__ import annotations

from array import array
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smartcity_desktop.domain import model as m
from smartcity_desktop.domain.dates import parse_plan_date
from smartcity_desktop.interop.apply import apply_to_new_database
from smartcity_desktop.interop.csv_io import detect_encoding, parse_csv, parse_csv_bytes
from smartcity_desktop.interop.errors import InteropError
from smartcity_desktop.interop.preview import OrgRef, ParsedLink, ParsedPlan, ParsedTask
from smartcity_desktop.interop.staged import StagedLinks, StagedTasks, staged
from smartcity_desktop.interop.tabular import outline_positions
from smartcity_desktop.store import open_store
from smartcity_desktop.store.staging import NONE

from .memory import parse_growth_mb


def _parsed(key: str, **task: object) -> ParsedTask:
    t = m.Task(project_id=0, wbs=key, name_ko=f"과업 {key}", **task)  # type: ignore[arg-type]
    return ParsedTask(key=key, task=t, line=7)


def test_a_staged_task_reads_back_equal() -> None:
    pt = _parsed("1.2", start=parse_plan_date("2019년 1월 말"), duration_days=4,
                 percent_complete=12.5, notes="비고\n둘째 줄", needs_signoff=True,
                 constraint_type=m.ConstraintType.START_NO_EARLIER,
                 constraint_date=date(2019, 2, 1), responsible="김국토")
    pt.parent_key, pt.city_code = "1", "세종"
    pt.owner = OrgRef("MOLIT", "국토교통부", "MOLIT")
    pt.supporting = [OrgRef("", "과학기술정보통신부")]
    pt.baselines = {0: (date(2019, 1, 2), None, 3), 2: (None, date(2019, 5, 1), 0)}
    tasks = StagedTasks()
    tasks.append(pt)
    assert len(tasks) == 1  # counted while still buffered
    assert tasks[0] == pt and tasks[-1] == pt and list(tasks) == [pt] and tasks[:5] == [pt]
    with pytest.raises(IndexError):
        tasks[1]


def test_lists_are_moved_into_one_stage() -> None:
    plan = ParsedPlan(tasks=[_parsed("a"), _parsed("b")],
                      links=[ParsedLink("a", "b", m.DependencyType.FS, 2, line=lambda: 9)])
    stage = staged(plan)
    assert isinstance(plan.tasks, StagedTasks) and isinstance(plan.links, StagedLinks)
    assert plan.links.stage is stage and staged(plan) is stage
    assert [pt.key for pt in plan.tasks] == ["a", "b"]
    assert plan.links[0] == ParsedLink("a", "b", m.DependencyType.FS, 2, None)


def test_many_tasks_batch_and_slice() -> None:
    tasks = StagedTasks()
    tasks.extend(_parsed(f"T{i}") for i in range(2_345))
    assert len(tasks) == 2_345
    assert [pt.key for pt in tasks[1_998:2_002]] == ["T1998", "T1999", "T2000", "T2001"]
    assert [pt.key for pt in tasks[:6:2]] == ["T0", "T2", "T4"]
    assert sum(1 for _ in tasks) == 2_345


def _preorder_ok(parent: list[int], order: list[int]) -> bool:
    place = {pos: k for k, pos in enumerate(order)}
    if sorted(order) != list(range(len(parent))):
        return False
    for i, p in enumerate(parent):
        if p != NONE and place[p] > place[i]:
            return False
    # a subtree is contiguous: every row between a row and its next sibling descends from it
    for k, pos in enumerate(order[1:], start=1):
        above = order[k - 1]
        p = parent[pos]
        if p != NONE and p != above:
            chain = above
            while chain != NONE and chain != p:
                chain = parent[chain]
            if chain != p:
                return False
    return True


@st.composite
def forests(draw: st.DrawFn) -> list[int]:
    n = draw(st.integers(1, 40))
    parent = [NONE]
    for i in range(1, n):
        parent.append(draw(st.sampled_from([NONE, *range(i)])))
    shuffle = draw(st.permutations(list(range(n))))
    where = {old: new for new, old in enumerate(shuffle)}  # the sheet may list rows any way
    out = [NONE] * n
    for old, p in enumerate(parent):
        out[where[old]] = where[p] if p != NONE else NONE
    return out


@given(forests())
def test_outline_order_puts_parents_first_and_keeps_sheet_order(parent: list[int]) -> None:
    order = outline_positions(array("q", parent))
    order = list(range(len(parent))) if order is None else list(order)
    assert _preorder_ok(parent, order)
    for p in {*parent}:  # siblings keep their sheet order
        kids = [pos for pos in order if parent[pos] == p]
        assert kids == sorted(kids)


def test_a_sheet_in_outline_order_is_left_as_it_is() -> None:
    assert outline_positions(array("q", [NONE, 0, 1, 0, NONE, 4])) is None
    assert list(outline_positions(array("q", [NONE, NONE, 0]))) == [0, 2, 1]


def test_children_listed_before_their_parent_land_under_it(tmp_path: Path) -> None:
    sheet = "WBS,과업명,기간(일),선행과업\n1.1,하위,2,2\n2,둘째,1,\n1,상위,1,\n1.2,하위 둘,1,1.1\n"
    preview = parse_csv_bytes(sheet.encode(), "order.csv")
    # parents first; each level keeps the sheet's order (row 2 is above row 1 there)
    assert [pt.key for pt in preview.plan.tasks] == ["2", "1", "1.1", "1.2"]
    assert preview.plan.tasks[1].task.kind is m.TaskKind.SUMMARY
    assert preview.counts["links"] == 2 and preview.counts["summaries"] == 1
    apply_to_new_database(preview, tmp_path / "o.db")
    store = open_store(tmp_path / "o.db", seed=False, keep_backups=0)
    try:
        tasks = {t.wbs: t for t in store.tasks()}
        assert tasks["1.1"].parent_id == tasks["1"].id and tasks["2"].parent_id is None
        pairs = {(d.predecessor_id, d.successor_id) for d in store.dependencies()}
        assert pairs == {(tasks["2"].id, tasks["1.1"].id), (tasks["1.1"].id, tasks["1.2"].id)}
    finally:
        store.close()


def test_refusals_name_rows_of_the_staged_sheet() -> None:
    with pytest.raises(InteropError) as caught:
        parse_csv_bytes("WBS,과업명\n1,가\n2,나\n1,다\n".encode(), "dup.csv")
    assert caught.value.line == 4 and caught.value.message.values["first"] == 2
    with pytest.raises(InteropError) as caught:
        parse_csv_bytes("WBS,과업명,선행\n1,가,\n2,나,7\n".encode(), "pred.csv")
    assert caught.value.line == 3 and caught.value.element == "선행"


def test_encoding_is_checked_over_the_whole_file(tmp_path: Path) -> None:
    body = "WBS,과업명\n" + "".join(f"{i},과업 {i}\n" for i in range(1, 60_000))
    korean = tmp_path / "cp949.csv"
    korean.write_bytes(body.encode("cp949"))
    assert detect_encoding(lambda: korean.open("rb"), "cp949.csv") == "cp949"
    assert parse_csv(korean).plan.tasks[-1].task.name_ko == "과업 59999"
    broken = tmp_path / "late.csv"  # valid UTF-8 for 1 MB, then a stray byte
    broken.write_bytes(body.encode("utf-8") + b"9,\xff\n")
    with pytest.raises(InteropError):
        parse_csv(broken)
    bom = tmp_path / "bom.csv"
    data = b"\xef\xbb\xbf" + body.encode("utf-8")
    bom.write_bytes(data + b"\xff")
    with pytest.raises(InteropError) as caught:
        parse_csv(bom)
    assert caught.value.message.values["offset"] == len(data)


@pytest.mark.slow
def test_parsing_does_not_hold_the_tasks_in_memory(tmp_path: Path) -> None:
    rows = 40_000  # in chains of 50 (a 40,000-task chain would run past 2200)
    path = tmp_path / "many.csv"
    path.write_text("WBS,과업명,기간(일),시작일,선행과업\n" + "".join(
        f"T{i},과업 {i},3,2019-03-04,{'T' + str(i - 1) if i % 50 != 1 else ''}\n"
        for i in range(1, rows + 1)), encoding="utf-8")
    tiny = tmp_path / "tiny.csv"
    tiny.write_text("WBS,과업명,기간(일),시작일\n1,가,2,2019-03-04\n", encoding="utf-8")
    tasks, grew_mb = parse_growth_mb("smartcity_desktop.interop.csv_io.parse_csv", path, tiny)
    assert tasks == rows
    # held as objects these tasks took ~70 MB; staged, the parse grows by a few MB
    assert grew_mb < 15, grew_mb


def test_a_constraint_on_a_day_the_calendar_lacks_is_refused_in_korean() -> None:
    from smartcity_desktop.messages import set_language

    set_language("ko")
    try:
        with pytest.raises(InteropError) as caught:
            parse_csv_bytes("과업명,제약\n가,SNET 2019-02-30\n".encode(), "c.csv")
        assert "2019-02-30은(는) 달력에 없는 날짜입니다" in caught.value.text("ko")
        assert caught.value.line == 2 and caught.value.element == "제약"
    finally:
        set_language("en")


def test_a_full_temp_folder_is_one_clear_refusal(monkeypatch) -> None:
    """SQLite failing under the stage (the temp folder full) is the importer's refusal."""
    import sqlite3

    from smartcity_desktop.store import staging

    class Full:
        def __init__(self, raw: sqlite3.Connection) -> None:
            self.raw = raw

        def executemany(self, *_args: object) -> None:
            raise sqlite3.OperationalError("database or disk is full")

        def __getattr__(self, name: str) -> object:
            return getattr(self.raw, name)

    real = staging._Guarded.__init__

    def full(self, fail) -> None:  # type: ignore[no-untyped-def]
        real(self, fail)
        self.raw = Full(self.raw)

    monkeypatch.setattr(staging._Guarded, "__init__", full)
    rows = "".join(f"{i},과업 {i}\n" for i in range(1, 1_500))
    with pytest.raises(InteropError, match="temporary file .database or disk is full"):
        parse_csv_bytes(f"WBS,과업명\n{rows}".encode(), "big.csv")
    with pytest.raises(staging.StoreError):  # the store's own refusal outside an importer
        staging.ImportStage().add_tasks([])
