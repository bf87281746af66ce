"""The generated row decoders give the same objects as the field-by-field ``from_row``."""

from __future__ import annotations

from pathlib import Path

import pytest

from smartcity_desktop.store import codec, open_store


@pytest.fixture()
def store(tmp_path: Path):
    s = open_store(tmp_path / "seed.db", keep_backups=0)
    yield s
    s.close()


@pytest.mark.parametrize("cls", list(codec.TABLES))
def test_every_table_decodes_as_from_row(store, cls) -> None:
    cur = store.con.execute(f"SELECT * FROM [{codec.table_of(cls)}]")
    columns = [d[0] for d in cur.description]
    rows = cur.fetchall()
    decode = codec.row_decoder(cls, columns)
    assert codec.row_decoder(cls, columns) is decode  # made once per class and columns
    got = [decode(r) for r in rows]
    assert got == [codec.from_row(cls, dict(zip(columns, r))) for r in rows]
    assert all(type(o) is cls for o in got)


def test_part_of_the_columns_and_nulls(store) -> None:
    from smartcity_desktop.domain import model as m

    cur = store.con.execute("SELECT id, project_id, wbs, name_ko, start, parent_id, kind "
                            "FROM tasks ORDER BY id")
    columns = [d[0] for d in cur.description]
    decode = codec.row_decoder(m.Task, columns)
    for row in cur.fetchall():
        task = decode(row)
        assert task == codec.from_row(m.Task, dict(zip(columns, row)))
        assert task.parent_id is None or isinstance(task.parent_id, int)
    task = decode((1, 1, "9", "가", None, None, "task"))
    assert task.start is None and task.kind is m.TaskKind.TASK
    assert decode((1, 1, "9", "가", None, None, "milestone")).kind is m.TaskKind.MILESTONE
    with pytest.raises(ValueError):
        decode((1, 1, "9", "가", None, None, "no such kind"))


def _odd_values(cls: type) -> dict:
    """Values of other types than declared, each taking ``encode_value``'s general path."""
    from datetime import date

    from smartcity_desktop.domain.dates import parse_plan_date

    odd = {}
    for name, tp in codec.field_types(cls).items():
        if tp is float:
            odd[name] = 3  # an int in a float field stays an int
        elif tp is int:
            odd[name] = True  # a bool in an int field is stored as 1
        elif tp is str:
            odd[name] = parse_plan_date("2019-Q2")  # a plan date in a text field: its code
        elif tp is bool:
            odd[name] = 1
        else:
            odd[name] = date(2020, 2, 29) if tp is not date else parse_plan_date("2020-03")
    return odd


@pytest.mark.parametrize("cls", list(codec.TABLES))
def test_every_table_encodes_as_the_generic_to_row(store, cls) -> None:
    import dataclasses

    objs = store.all(cls)
    objs += [dataclasses.replace(o, id=None) for o in objs[:3]]
    blank = object.__new__(cls)  # every field None (the generated code checks each one)
    blank.__dict__.update(dict.fromkeys(codec.field_names(cls)))
    odd = object.__new__(cls)
    odd.__dict__.update(_odd_values(cls))
    for obj in [*objs, blank, odd]:
        row = codec.to_row(obj)
        generic = codec.to_row_generic(obj)
        assert row == generic and list(row) == list(generic)  # same values, same order
        assert [type(v) for v in row.values()] == [type(v) for v in generic.values()]
    assert codec.row_encoder(cls) is codec.row_encoder(cls)
    assert "id" not in codec.to_row(blank) and codec.to_row(odd)["id"] == 1


def test_encoded_task_values() -> None:
    from datetime import date

    from smartcity_desktop.domain import model as m
    from smartcity_desktop.domain.dates import parse_plan_date

    task = m.Task(project_id=1, wbs="1", name_ko="가", supporting_org_ids=[3, 4],
                  start=parse_plan_date("2019-03"), actual_start=date(2020, 1, 2),
                  needs_signoff=True, kind=m.TaskKind.MILESTONE)
    row = codec.to_row(task)
    assert (row["supporting_org_ids"], row["start"], row["actual_start"], row["needs_signoff"],
            row["kind"], row["percent_from_checklist"]) == ("[3, 4]", "2019-03", "2020-01-02",
                                                            1, "milestone", 0)
    assert codec.to_row(m.Task(project_id=1, wbs="1", name_ko="가"))["supporting_org_ids"] == "[]"
    assert "id" not in row
