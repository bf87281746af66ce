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
