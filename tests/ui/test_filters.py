"""Filters and search on the task table: a parent shows when one of its children matches."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from smartcity_desktop.domain import model as m
from smartcity_desktop.ui.task_filter import TaskFilterProxy
from smartcity_desktop.ui.task_model import TaskTreeModel


def shown_ids(proxy) -> set[int]:
    out, stack = set(), [QModelIndex()]
    while stack:
        parent = stack.pop()
        for row in range(proxy.rowCount(parent)):
            index = proxy.index(row, 0, parent)
            out.add(int(proxy.mapToSource(index).internalId()))
            stack.append(index)
    return out


def ancestors(tasks: dict[int, m.Task], task_id: int) -> set[int]:
    out, pid = set(), tasks[task_id].parent_id
    while pid:
        out.add(pid)
        pid = tasks[pid].parent_id
    return out


def expected(tasks, matches) -> set[int]:
    ids = set(matches)
    for tid in matches:
        ids |= ancestors(tasks, tid)
    return ids


def make(context):
    model = TaskTreeModel(context)
    proxy = TaskFilterProxy()
    proxy.setSourceModel(model)
    return model, proxy, {t.id: t for t in context.store.tasks()}


def test_ministry_filter_keeps_parents_of_matching_children(context):
    model, proxy, tasks = make(context)
    orgs = context.store.org_by_code()
    msit = orgs["MSIT"].id
    proxy.set_filter({"ministry": "MSIT", "supporting": True})
    matches = {t.id for t in tasks.values()
               if t.owner_org_id == msit or msit in t.supporting_org_ids}
    assert matches
    assert shown_ids(proxy) == expected(tasks, matches)
    # some shown parent is owned by another ministry: it is there only for its child
    assert any(tasks[t].owner_org_id != msit for t in shown_ids(proxy) - matches)


def test_ministry_filter_matches_owners_unless_supporting_is_asked(context):
    model, proxy, tasks = make(context)
    moef = context.store.org_by_code()["MOEF"].id
    proxy.set_filter({"ministry": "MOEF"})
    owned = {t.id for t in tasks.values() if t.owner_org_id == moef}
    supported = {t.id for t in tasks.values() if moef in t.supporting_org_ids} - owned
    assert owned and supported
    assert shown_ids(proxy) == expected(tasks, owned)
    proxy.set_filter({"ministry": "MOEF", "supporting": True})
    assert shown_ids(proxy) == expected(tasks, owned | supported)
    proxy.set_filter({"supporting": True})  # alone it filters nothing
    assert not proxy.is_active()


def test_ministries_in_protocol_order_everywhere(window):
    store = window.context.store
    bar = window.filter_bar
    codes = [bar.ministry.itemData(i) for i in range(1, bar.ministry.count())]
    orgs = store.org_by_code()
    assert codes[0] == "MOLIT"
    assert codes == [o.code for o in m.protocol_order(orgs[c] for c in codes)]
    from smartcity_desktop.ui.delegates import org_items

    listed = [org_id for _label, org_id in org_items(store.organisations(), "ko", "-")[1:]]
    assert listed == [o.id for o in m.protocol_order(store.organisations())]


def test_empty_result_says_so_and_offers_to_clear(window, qtbot):
    state = window.empty_state
    assert not state.isVisible()
    window.apply_filter({"text": "이런 작업은 없다"})
    assert state.isVisible() and "필터" in state.message.text()
    assert state.button.text() == "필터 해제"
    qtbot.mouseClick(state.button, Qt.MouseButton.LeftButton)
    assert window.proxy.criteria == {} and not state.isVisible()
    assert window.filter_bar.search.text() == ""


def test_city_status_kind_critical_and_text(context):
    model, proxy, tasks = make(context)
    cities = {c.code: c.id for c in context.store.all(m.City)}
    proxy.set_filter({"city": "BUSAN"})
    matches = {t.id for t in tasks.values() if t.city_id == cities["BUSAN"]}
    assert matches and shown_ids(proxy) == expected(tasks, matches)

    proxy.set_filter({"critical": True})
    critical = model.plan.critical_ids
    assert critical and shown_ids(proxy) == expected(tasks, critical)

    proxy.set_filter({"status": "done"})
    done = {t for t in tasks if model.scheduled(t).status == "done"}
    assert shown_ids(proxy) == expected(tasks, done)

    proxy.set_filter({"kind": "milestone", "city": "SEJONG"})
    both = {t.id for t in tasks.values()
            if t.kind is m.TaskKind.MILESTONE and t.city_id == cities["SEJONG"]}
    assert shown_ids(proxy) == expected(tasks, both)

    proxy.set_filter({"text": "에코델타"})
    hits = {t.id for t in tasks.values()
            if "에코델타" in f"{t.wbs} {t.name_ko} {t.name_en} {t.notes}"}
    assert hits and shown_ids(proxy) == expected(tasks, hits)

    proxy.set_filter({"text": "ECO DELTA"})  # case-insensitive, English names too
    assert shown_ids(proxy) == expected(tasks, {
        t.id for t in tasks.values() if "eco delta" in f"{t.name_en} {t.notes}".casefold()})

    proxy.set_filter({})
    assert shown_ids(proxy) == set(tasks)


def test_filter_bar_and_clear(window, qtbot):
    bar = window.filter_bar
    bar.ministry.setCurrentIndex(bar.ministry.findData("MOEF"))
    assert window.proxy.criteria == {"ministry": "MOEF"}
    shown = len(window.gantt.rows())
    assert 0 < shown < len(window.context.store.tasks())
    bar.search.setText("예산")
    qtbot.waitUntil(lambda: window.proxy.criteria.get("text") == "예산")
    assert len(window.gantt.rows()) <= shown
    window.actions_by_name["clear_filters"].trigger()
    assert window.proxy.criteria == {} and bar.ministry.currentIndex() == 0
    assert bar.search.text() == ""


def test_filter_survives_edits(window):
    window.apply_filter({"ministry": "MOLIT"})
    before = shown_ids(window.proxy)
    task = window.model.task(next(iter(before)))
    window.model.setData(window.model.index_of(task.id, 1), task.name_ko + " (수정)")
    assert shown_ids(window.proxy) == before


def test_tree_and_chart_show_exactly_the_filtered_rows(window, qtbot):
    """The tree paints the model directly and hides what the filter leaves out."""
    window.apply_filter({"city": "BUSAN"})
    wanted = shown_ids(window.proxy)
    window.gantt_link.refresh_now()
    in_tree = {tid for tid, _depth in window.gantt_link.visible_task_ids()}
    assert in_tree == wanted
    assert {row.task_id for row in window.gantt.rows()} == wanted
    hidden = next(t for t in window.context.store.tasks() if t.id not in wanted)
    index = window.model.index_of(hidden.id)
    assert not window.is_shown(index)
    window.select_task(hidden.id)  # a filtered-out task is not selected behind the filter
    assert window.current_task_id() != hidden.id
    # an edit reloads the model; the rows stay filtered
    task = window.model.task(next(iter(wanted)))
    window.model.setData(window.model.index_of(task.id, 1), task.name_ko + " (수정)")
    window.gantt_link.refresh_now()
    assert {tid for tid, _d in window.gantt_link.visible_task_ids()} == shown_ids(window.proxy)
    window.apply_filter({})
    window.gantt_link.refresh_now()
    assert all(window.is_shown(window.model.index_of(t.id))
               for t in window.context.store.tasks())
