"""Every declared task field (domain/task_fields) travels through every format it names."""

from __future__ import annotations

import dataclasses
from datetime import date
from xml.etree import ElementTree

import pytest
from openpyxl import load_workbook

from smartcity_desktop.app import cli_edits
from smartcity_desktop.domain import model as m
from smartcity_desktop.domain import task_fields as tf
from smartcity_desktop.interop.apply import apply_to_new_database
from smartcity_desktop.interop.csv_io import export_csv, parse_csv, parse_csv_bytes
from smartcity_desktop.interop.errors import InteropError
from smartcity_desktop.interop.formats import export_to, parse_file
from smartcity_desktop.interop.xlsx import export_xlsx
from smartcity_desktop.store import open_store

SAMPLES = {tf.FieldKind.TEXT: "김담당 주무관 (044-201-3456)", tf.FieldKind.INTEGER: 7,
           tf.FieldKind.NUMBER: 2.5, tf.FieldKind.FLAG: True,
           tf.FieldKind.DAY: date(2019, 3, 4)}
FIELDS = pytest.mark.parametrize("field", tf.EXTRA_FIELDS, ids=lambda f: f.attr)


def _set(store, field) -> m.Task:
    task = next(t for t in store.tasks() if not t.is_summary)
    return store.update(dataclasses.replace(task, **{field.attr: SAMPLES[field.kind]}))


def _value_back(path, wbs: str, field):
    with open_store(path, keep_backups=0) as back:
        return getattr(next(t for t in back.tasks() if t.wbs == wbs), field.attr)


@FIELDS
@pytest.mark.parametrize("fmt", ["csv", "xlsx", "mspdi", "json"])
def test_round_trip(store, tmp_path, field, fmt):
    if fmt == "mspdi" and field.mspdi_text is None or fmt in ("csv", "xlsx") and not field.sheet:
        pytest.skip("the field is not declared for this format")
    task = _set(store, field)
    suffix = {"mspdi": "xml", "json": "json"}.get(fmt, fmt)
    out = tmp_path / f"plan.{suffix}"
    export_to(store, fmt, out)
    result = apply_to_new_database(parse_file(out, fmt), tmp_path / "back.db")
    assert _value_back(result.path, task.wbs, field) == SAMPLES[field.kind]


@FIELDS
def test_sheet_header_and_mspdi_alias_name_the_field(store, tmp_path, field):
    _set(store, field)
    export_xlsx(store, tmp_path / "p.xlsx")
    headers = [c.value for c in load_workbook(tmp_path / "p.xlsx")["과업"][1]]
    assert (field.ko in headers) == field.sheet
    export_to(store, "mspdi", tmp_path / "p.xml")
    root = ElementTree.parse(tmp_path / "p.xml").getroot()
    aliases = {el.text for el in root.iter() if el.tag.endswith("Alias")}
    assert any(field.ko in (a or "") for a in aliases) == (field.mspdi_text is not None)


@FIELDS
def test_a_bad_cell_is_refused_with_its_line(field):
    bad = {tf.FieldKind.TEXT: "가" * (field.limit + 1), tf.FieldKind.INTEGER: "x",
           tf.FieldKind.NUMBER: "x", tf.FieldKind.FLAG: "아마도",
           tf.FieldKind.DAY: "2019-02-30"}[field.kind]
    text = f"과업명,{field.ko}\n첫 과업,\n둘째 과업,{bad}\n"
    with pytest.raises(InteropError) as caught:
        parse_csv_bytes(text.encode(), "bad.csv")
    assert "3" in caught.value.text("ko") and field.ko in caught.value.text("ko")


@FIELDS
def test_cli_sets_the_field(store, field):
    task = next(t for t in store.tasks() if not t.is_summary)
    shown = field.display(SAMPLES[field.kind])
    changed = cli_edits.set_task_fields(store, task.wbs, {field.cli_name: shown})
    assert changed.fields[field.attr][1] == SAMPLES[field.kind]
    assert getattr(store.get(m.Task, task.id), field.attr) == SAMPLES[field.kind]


def test_csv_without_the_columns_keeps_defaults(store, tmp_path):
    export_csv(store, tmp_path / "p.csv")
    preview = parse_csv(tmp_path / "p.csv")
    for pt in preview.plan.tasks:
        for field in tf.EXTRA_FIELDS:
            assert getattr(pt.task, field.attr) == field.default
