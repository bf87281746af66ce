"""The task-field declarations and their codecs (domain/task_fields)."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smartcity_desktop.domain import model as m
from smartcity_desktop.domain import task_fields as tf
from smartcity_desktop.messages import set_language

# one field of each kind, on Task attributes that exist (the codecs do not care which)
KINDS = {
    tf.FieldKind.TEXT: tf.TaskField("notes", "메모", "Memo", limit=20),
    tf.FieldKind.INTEGER: tf.TaskField("duration_days", "일수", "Days",
                                       kind=tf.FieldKind.INTEGER, lo=0, hi=100),
    tf.FieldKind.NUMBER: tf.TaskField("percent_complete", "비율", "Share",
                                      kind=tf.FieldKind.NUMBER, lo=0, hi=100),
    tf.FieldKind.FLAG: tf.TaskField("needs_signoff", "결재", "Sign-off", kind=tf.FieldKind.FLAG),
    tf.FieldKind.DAY: tf.TaskField("actual_start", "착수일", "Began", kind=tf.FieldKind.DAY),
}


def test_every_declared_field_is_a_task_attribute_with_its_own_text_field():
    attrs = {f.name for f in dataclasses.fields(m.Task)}
    assert tf.EXTRA_FIELDS, "the declarations drive the consumers; keep at least one"
    for field in tf.EXTRA_FIELDS:
        assert field.attr in attrs
        assert field.ko and field.en and field.ko != field.en
    slots = [f.mspdi_text for f in tf.mspdi_fields()]
    assert len(slots) == len(set(slots)) and all(s > 7 for s in slots)  # Text1-7 are taken
    assert len({f.cli_name for f in tf.EXTRA_FIELDS}) == len(tf.EXTRA_FIELDS)


@pytest.mark.parametrize(("kind", "typed", "stored"), [
    (tf.FieldKind.TEXT, "  김 담당\t(044)  ", "김 담당 (044)"),
    (tf.FieldKind.INTEGER, "12", 12),
    (tf.FieldKind.INTEGER, 12.0, 12),
    (tf.FieldKind.NUMBER, "2.5", 2.5),
    (tf.FieldKind.FLAG, "예", True),
    (tf.FieldKind.FLAG, "no", False),
    (tf.FieldKind.FLAG, True, True),
    (tf.FieldKind.DAY, "2019-03-04", date(2019, 3, 4)),
    (tf.FieldKind.DAY, date(2019, 3, 4), date(2019, 3, 4)),
    (tf.FieldKind.DAY, "", None),
])
def test_parse_accepts(kind, typed, stored):
    assert KINDS[kind].parse(typed) == stored


@pytest.mark.parametrize(("kind", "typed", "message_id"), [
    (tf.FieldKind.TEXT, "가" * 21, "field.text_long"),
    (tf.FieldKind.INTEGER, "1.5", "field.whole"),
    (tf.FieldKind.INTEGER, "101", "field.range"),
    (tf.FieldKind.NUMBER, "nan", "field.range"),
    (tf.FieldKind.NUMBER, "열", "field.number"),
    (tf.FieldKind.FLAG, "아마도", "field.flag"),
    (tf.FieldKind.DAY, "2019년 3월", "field.day"),
    (tf.FieldKind.DAY, "2019-02-30", "field.day"),
])
def test_parse_refuses_with_a_translated_message(kind, typed, message_id):
    field = KINDS[kind]
    with pytest.raises(m.ValidationError) as caught:
        field.parse(typed)
    assert caught.value.message_id == message_id
    assert field.ko in caught.value.text("ko") and "{" not in caught.value.text("en")


@pytest.mark.parametrize("kind", list(tf.FieldKind))
def test_display_file_text_and_cell_read_back(kind):
    field = KINDS[kind]
    value = {tf.FieldKind.TEXT: "김담당", tf.FieldKind.INTEGER: 7, tf.FieldKind.NUMBER: 2.5,
             tf.FieldKind.FLAG: True, tf.FieldKind.DAY: date(2019, 3, 4)}[kind]
    for lang in ("ko", "en"):
        set_language(lang)
        assert field.parse(field.display(value, lang)) == value
    set_language("ko")
    assert field.parse(field.file_text(value)) == value
    assert field.parse(field.cell(value)) == value


@given(st.text(max_size=30))
def test_text_round_trips_through_display(text):
    field = KINDS[tf.FieldKind.TEXT]
    try:
        stored = field.parse(text)
    except m.ValidationError:
        assert len(m.clean_name(text)) > field.limit
        return
    assert field.parse(field.display(stored)) == stored
    assert "\n" not in stored and "\x01" not in stored


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_numbers_inside_the_range_only(x):
    field = KINDS[tf.FieldKind.NUMBER]
    try:
        value = field.parse(str(x))
    except m.ValidationError:
        assert not 0 <= x <= 100
        return
    assert 0 <= value <= 100 and field.parse(field.file_text(value)) == value


def test_a_refusal_names_the_field_in_the_language_shown():
    field = KINDS[tf.FieldKind.TEXT]
    with pytest.raises(m.ValidationError) as caught:
        field.parse("가" * 21)
    assert caught.value.text("en").startswith("Memo: ") and "메모" not in caught.value.text("en")
    assert caught.value.text("ko").startswith("메모: ")
