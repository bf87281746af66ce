"""Task table columns: default widths fit headers and contents, mostly empty columns start
hidden, the header's chooser shows/hides columns and saves named layouts."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog

from smartcity_desktop.ui import columns as cols
from smartcity_desktop.ui.task_model import (
    COL_CITY,
    COL_DURATION,
    COL_FINISH,
    COL_NAME,
    COL_OWNER,
    COL_PERCENT,
    COL_START,
    COL_STATUS,
    COL_WBS,
)


def test_no_default_column_is_narrower_than_its_header(window):
    tree = window.tree
    for column in range(window.model.columnCount()):
        if tree.isColumnHidden(column):  # shown later at its default width
            assert cols.default_width(tree, window.model, column) >= cols.header_width(
                tree, column)
            continue
        assert tree.columnWidth(column) >= cols.header_width(tree, column), column


def test_the_main_columns_are_visible_at_1600_px(window):
    window.resize(1600, 1000)
    tree = window.tree
    visible_right = tree.viewport().width()
    for column in (COL_WBS, COL_NAME, COL_OWNER, COL_START, COL_FINISH, COL_DURATION,
                   COL_PERCENT, COL_STATUS):
        assert not tree.isColumnHidden(column)
        left = tree.header().sectionViewportPosition(column)
        assert left + tree.columnWidth(column) <= visible_right, column
    assert tree.isColumnHidden(COL_CITY)  # empty for most rows of the seeded plan
    assert window.gantt.width() >= 500


def test_dates_and_owner_fit_their_columns(window):
    tree, model = window.tree, window.model
    fm = tree.fontMetrics()
    for tid in model.task_ids():
        for column in (COL_START, COL_FINISH):
            text = model.data(model.index_of(tid, column)) or ""
            assert fm.horizontalAdvance(text) <= tree.columnWidth(column), text


def test_chooser_hides_and_shows_columns_and_saves_layouts(window, monkeypatch):
    tree = window.tree
    chooser = window.column_chooser
    menu = chooser.menu()
    city = next(a for a in menu.actions() if a.objectName() == f"column_{COL_CITY}")
    assert not city.isChecked()
    city.trigger()
    assert not tree.isColumnHidden(COL_CITY)
    assert tree.columnWidth(COL_CITY) >= cols.header_width(tree, COL_CITY)
    name = next(a for a in menu.actions() if a.objectName() == f"column_{COL_NAME}")
    assert not name.isEnabled()  # the name column always shows
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("도시 포함", True)))
    chooser.ask_save()
    assert cols.layout_names() == ["도시 포함"]
    chooser.reset()
    assert tree.isColumnHidden(COL_CITY)
    assert cols.restore_named_layout("도시 포함", tree)
    assert not tree.isColumnHidden(COL_CITY)
    menu.deleteLater()
    again = chooser.menu()
    assert any(a.menu() and a.menu().objectName() == "columnsSaved" for a in again.actions())
    again.deleteLater()


def test_owner_shows_short_name_when_narrow_and_full_in_tooltip(window):
    from PySide6.QtWidgets import QStyleOptionViewItem

    tree, model = window.tree, window.model
    task = next(t for t in window.context.store.tasks() if t.owner_org_id == 3)  # 과기정통부
    index = model.index_of(task.id, COL_OWNER)
    delegate = tree.itemDelegateForColumn(COL_OWNER)
    option = QStyleOptionViewItem()
    option.initFrom(tree)
    option.rect.setWidth(60)
    delegate.initStyleOption(option, index)
    assert option.text == "과기정통부"
    option = QStyleOptionViewItem()
    option.initFrom(tree)
    option.rect.setWidth(400)
    delegate.initStyleOption(option, index)
    assert option.text == "과학기술정보통신부"
    assert "과학기술정보통신부" in model.data(index, 3)  # ToolTipRole


def test_widest_text_equals_measuring_every_text(qapp):
    import random

    from PySide6.QtGui import QFont, QFontMetrics

    rng = random.Random(3)
    words = ["세부 과제", "검토 완료", "스마트시티", "MOLIT", "1.2.3", "Work stream", "(11개 부처)",
             "iiii", "WWWW", "기본구상 발표"]
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 4)))
             + f" {rng.randint(1, 999)}.{rng.randint(1, 30)}" for _ in range(3000)]
    codes = [f"{a}.{b}.{c}" for a in range(1, 40) for b in range(1, 26) for c in range(1, 5)]
    for family_bold in (False, True):
        font = QFont(qapp.font())
        font.setBold(family_bold)
        fm = QFontMetrics(font)
        for sample in (texts, codes, texts[:10]):
            assert cols.widest_text(fm, sample) == max(fm.horizontalAdvance(t) for t in sample)


def test_outline_depth_in_one_pass_equals_each_rows_depth(window):
    model = window.model
    assert cols.max_depth(model) == max(model.depth(t) for t in model.task_ids()) >= 2
