"""The WBS tree model against the store, and in-place edits that write the database."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QDoubleSpinBox

from smartcity_desktop.domain import model as m
from smartcity_desktop.domain.dates import parse_plan_date
from smartcity_desktop.ui.delegates import PlanDateEdit
from smartcity_desktop.ui.task_model import (
    COL_NAME,
    COL_OWNER,
    COL_PERCENT,
    COL_START,
    COL_STATUS,
    COL_WBS,
    TaskTreeModel,
)


def walk(model, parent=QModelIndex()):
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        yield index
        yield from walk(model, index)


def test_rows_mirror_the_store(qtbot, context):
    model = TaskTreeModel(context)
    store = context.store
    tasks = store.tasks()
    seen = {}
    for index in walk(model):
        task_id = model.task_id(index)
        parent_id = model.task_id(index.parent()) or None
        seen[task_id] = parent_id
        assert model.parent(index) == index.parent()
        assert model.index(index.row(), 0, index.parent()) == index
    assert seen == {t.id: t.parent_id for t in tasks}
    top = [t for t in tasks if t.parent_id is None]
    assert model.rowCount() == len(top)
    assert [model.data(model.index(r, COL_WBS)) for r in range(len(top))] == \
        [t.wbs for t in sorted(top, key=lambda t: (t.sort_order, t.id))]


def test_cells_show_names_owners_and_plan_dates(qtbot, context):
    model = TaskTreeModel(context)
    orgs = {o.id: o for o in context.store.organisations()}
    for task in context.store.tasks():
        index = model.index_of(task.id, COL_NAME)
        assert model.data(index) == task.name_ko
        owner = model.data(model.index_of(task.id, COL_OWNER))
        assert owner == (orgs[task.owner_org_id].name_ko if task.owner_org_id else "")
        start = model.data(model.index_of(task.id, COL_START))
        st = model.scheduled(task.id)
        if task.start is not None and not task.start.is_exact and task.start.contains(st.start):
            assert start == task.start.label("ko")  # imprecise dates shown as written
        else:
            assert start == st.start.isoformat()
    # every task carries a status from the status rules
    assert {model.data(model.index_of(t.id, COL_STATUS)) for t in context.store.tasks()} <= \
        {"완료", "정상", "주의", "지연", "미착수"}


def test_set_data_writes_the_database_and_is_undoable(qtbot, context):
    model = TaskTreeModel(context)
    task = next(t for t in context.store.tasks() if t.kind is m.TaskKind.TASK)
    assert model.setData(model.index_of(task.id, COL_NAME), "이름 변경 시험")
    assert context.store.get(m.Task, task.id).name_ko == "이름 변경 시험"
    assert model.data(model.index_of(task.id, COL_NAME)) == "이름 변경 시험"
    new_start = task.finish.latest().replace(day=1) if task.finish else task.start.earliest()
    assert model.setData(model.index_of(task.id, COL_START),
                         f"{new_start.year}년 {new_start.month}월 초")
    assert context.store.get(m.Task, task.id).start == parse_plan_date(
        f"{new_start.year}-{new_start.month:02d}-E")
    context.undo_stack.undo()
    context.undo_stack.undo()
    restored = context.store.get(m.Task, task.id)
    assert dataclasses.replace(restored, version=0) == dataclasses.replace(task, version=0)
    assert model.data(model.index_of(task.id, COL_NAME)) == task.name_ko


def test_refused_edits_change_nothing(qtbot, context, messages, snapshot):
    model = TaskTreeModel(context)
    task = next(t for t in context.store.tasks() if t.kind is m.TaskKind.TASK)
    before = snapshot(context.store)
    assert not model.setData(model.index_of(task.id, COL_START), "2019-13-45")
    assert not model.setData(model.index_of(task.id, COL_PERCENT), 150)
    other = next(t for t in context.store.tasks() if t.id != task.id)
    assert not model.setData(model.index_of(task.id, COL_WBS), other.wbs)
    assert snapshot(context.store) == before
    assert context.undo_stack.count() == 0
    assert len(messages) == 3 and all(kind == "warning" for kind, _, _ in messages)
    assert "2019-13-45" in messages[0][2]
    assert "percent" in messages[1][2]


def test_summary_dates_and_status_are_read_only(qtbot, context):
    model = TaskTreeModel(context)
    summary = next(t for t in context.store.tasks() if t.kind is m.TaskKind.SUMMARY)
    assert not model.flags(model.index_of(summary.id, COL_START)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index_of(summary.id, COL_STATUS)) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index_of(summary.id, COL_NAME)) & Qt.ItemFlag.ItemIsEditable


def _editor(window, cls):
    return next(w for w in window.tree.viewport().findChildren(cls) if w.isVisible())


def test_in_place_editors_in_the_window(qtbot, window, messages):
    store = window.context.store
    task = next(t for t in store.tasks() if t.kind is m.TaskKind.TASK and t.parent_id)
    window.select_task(task.id)
    proxy_index = lambda col: window.model.index_of(task.id, col)  # noqa: E731

    # date: bad text stays in the editor, is not written, and shows the problem in place
    window.tree.edit(proxy_index(COL_START))
    editor = _editor(window, PlanDateEdit)
    fin = task.finish.latest() if task.finish else None
    half = f"{fin.year}년 {'상' if fin.month <= 6 else '하'}반기" if fin else "2019년 상반기"
    code = f"{fin.year}-H{1 if fin.month <= 6 else 2}" if fin else "2019-H1"
    editor.line.clear()
    editor.line.insert(half)  # QTest.keyClicks types ASCII only
    QTest.keyClicks(editor.line, "x")
    assert editor.error() and "stylesheet" not in editor.error()
    assert editor.line.styleSheet()  # marked red
    QTest.keyClick(editor.line, Qt.Key.Key_Return)
    assert editor.isVisible()  # stays open on bad text
    assert store.get(m.Task, task.id).start == task.start
    editor.line.setText(half)
    expected = parse_plan_date(code)
    assert editor.error() == ""
    assert f"{expected.earliest()} ~ {expected.latest()}" in editor.interpretation()
    QTest.keyClick(editor.line, Qt.Key.Key_Return)
    assert store.get(m.Task, task.id).start == expected

    # percent spin box
    window.tree.edit(proxy_index(COL_PERCENT))
    spin = _editor(window, QDoubleSpinBox)
    spin.setValue(40)
    QTest.keyClick(spin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: store.get(m.Task, task.id).percent_complete == 40)  # queued commit
    assert store.get(m.Task, task.id).percent_complete == 40

    # ministry combo
    msit = store.org_by_code()["MSIT"]
    window.tree.edit(proxy_index(COL_OWNER))
    combo = _editor(window, QComboBox)
    combo.setCurrentIndex(combo.findData(msit.id))
    window.tree.commitData(combo)
    window.tree.closeEditor(combo, window.tree.itemDelegate().EndEditHint.NoHint)
    QApplication.processEvents()
    assert store.get(m.Task, task.id).owner_org_id == msit.id
    assert window.model.data(window.model.index_of(task.id, COL_OWNER)) == msit.name_ko
    assert window.context.undo_stack.count() == 3
    assert messages == []


def test_date_editor_shows_imprecise_dates_as_written(qtbot):
    from smartcity_desktop.domain.dates import parse_plan_date
    from smartcity_desktop.ui.delegates import PlanDateEdit

    edit = PlanDateEdit(lang="ko")
    qtbot.addWidget(edit)
    edit.set_value(parse_plan_date("2019-01-L"))
    assert edit.text() == "2019년 1월 말"
    assert edit.value() == parse_plan_date("2019-01-L") and edit.error() == ""
    edit.set_value(parse_plan_date("2019-02-13"))
    assert edit.text() == "2019-02-13"
    edit.setText("2019년 13월")
    assert edit.error()
