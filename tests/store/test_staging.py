"""The import stage: a private temporary database answering an import's checks by query."""

from __future__ import annotations

from array import array

import pytest

from smartcity_desktop.store.staging import META_COLUMNS, NONE, TASK_COLUMNS, ImportStage


def _task(key: str, parent: str | None = None, wbs: str | None = None, kind: str = "task",
          days: int = 1, anchor: int | None = None) -> tuple:
    meta = {"key": key, "parent_key": parent, "line": 1, "anchor": anchor, "limit_day": None,
            "owner": None, "supporting": None, "city_code": "", "baselines": None}
    values = {c: None for c in TASK_COLUMNS}
    values.update(wbs=wbs or key, name_ko=f"과업 {key}", kind=kind, duration_days=days,
                  project_id=0, version=1)
    return (*(meta[c] for c in META_COLUMNS), *(values[c] for c in TASK_COLUMNS))


@pytest.fixture
def stage() -> ImportStage:
    s = ImportStage()
    yield s
    s.close()


def test_rows_come_back_as_written_in_outline_order(stage: ImportStage) -> None:
    stage.add_tasks([_task("1"), _task("2"), _task("1.1", parent="1")])
    assert [r[2] for r in stage.task_rows()] == ["1", "2", "1.1"]
    stage.set_order([0, 2, 1])  # file positions in outline order
    rows = list(stage.task_rows())
    assert [r[2] for r in rows] == ["1", "1.1", "2"]
    assert [r[1] for r in rows] == [None, 0, None]  # the parent's ord
    at = 2 + len(META_COLUMNS)
    assert rows[1][at + TASK_COLUMNS.index("name_ko")] == "과업 1.1"
    assert [r[2] for r in stage.task_rows(1, 2)] == ["1.1"]


def test_repeats_name_the_later_row_and_the_first(stage: ImportStage) -> None:
    stage.add_tasks([_task("a"), _task("b", wbs="x"), _task("c", wbs="x"), _task("a")])
    assert stage.first_repeat("key") == (3, 0)
    assert stage.first_repeat("wbs") == (2, 1)


def test_no_repeat(stage: ImportStage) -> None:
    stage.add_tasks([_task(str(i)) for i in range(50)])
    assert stage.first_repeat("key") is None and stage.first_repeat("wbs") is None


def test_parents_checks_and_summaries(stage: ImportStage) -> None:
    stage.add_tasks([_task("1"), _task("1.1", parent="1"), _task("9.1", parent="9")])
    assert stage.first_late_parent() == 2  # its parent is not in the file
    stage.clear_missing_parents()
    assert stage.first_late_parent() is None
    stage.make_parents_summaries()
    assert stage.kind_counts() == {"summary": 1, "task": 2}
    assert list(stage.parent_positions()) == [NONE, 0, NONE]
    at = 2 + len(META_COLUMNS)
    kinds = [r[at + TASK_COLUMNS.index("kind")] for r in stage.task_rows()]
    assert kinds == ["summary", "task", "task"]  # the row read back carries the new kind


def test_a_child_before_its_parent_is_found(stage: ImportStage) -> None:
    stage.add_tasks([_task("1.1", parent="1"), _task("1")])
    assert stage.first_late_parent() == 0


def test_link_checks(stage: ImportStage) -> None:
    stage.add_tasks([_task("a"), _task("b")])
    stage.add_links([("a", "b", "FS", 0, 5), ("b", "b", "FS", 0, 6), ("a", "b", "SS", 1, 7),
                     ("a", "zz", "FS", 0, 8)])
    assert stage.first_self_link() == 1
    assert stage.first_repeated_link() == 2
    assert stage.first_unknown_end() == (3, "zz")
    pred, succ, lag = stage.graph()  # links to unknown tasks left out
    assert (list(pred), list(succ), list(lag)) == ([0, 0, 1], [1, 1, 1], [0, 1, 0])
    assert list(stage.link_ends())[0] == (0, 1, "FS", 0)


def test_bounds_use_the_default_start_and_the_constraint(stage: ImportStage) -> None:
    late = list(_task("b", anchor=100, days=3))
    late[META_COLUMNS.index("limit_day")] = 200
    stage.add_tasks([_task("a", days=2), tuple(late)])
    begin, days = stage.bounds(50)
    assert (list(begin), list(days)) == ([50, 200], [2, 3])


def test_organisations_counted_once(stage: ImportStage) -> None:
    row = list(_task("a"))
    row[META_COLUMNS.index("owner")] = '["MOLIT", "국토교통부", ""]'
    row[META_COLUMNS.index("supporting")] = ('[["MSIT", "과기정통부", ""], '
                                             '["MOLIT", "국토교통부", ""]]')
    stage.add_tasks([tuple(row)])
    assert stage.org_count() == 2


def test_many_rows_are_read_back_in_batches(stage: ImportStage) -> None:
    stage.add_tasks([_task(f"T{i}") for i in range(2_500)])
    assert sum(1 for _ in stage.task_rows()) == 2_500
    assert isinstance(stage.parent_positions(), array)
