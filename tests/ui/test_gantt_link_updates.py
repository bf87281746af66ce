"""The chart's links follow every link edit (new links appended, others re-sent)."""

from __future__ import annotations

from smartcity_desktop.app import task_edits
from smartcity_desktop.domain import model as m
from smartcity_desktop.ui.edits import perform
from smartcity_desktop.ui.gantt.rows import DEP_TYPES


def _chart_links(window) -> set[tuple[int, int, str]]:
    arrays = window.gantt.layout_state._raw_deps
    ids = arrays.ids.reshape(-1, 2)
    return {(int(p), int(s), DEP_TYPES[int(t)]) for (p, s), t in zip(ids, arrays.types,
                                                                   strict=True)}


def _plan_links(window) -> set[tuple[int, int, str]]:
    return {(d.predecessor_id, d.successor_id, d.type.value)
            for d in window.context.plan.dependencies.values()}


def test_add_change_and_delete_reach_the_chart(qtbot, window):
    assert _chart_links(window) == _plan_links(window)
    leaves = [t for t in window.context.plan.ordered_tasks() if t.kind is m.TaskKind.TASK]
    pred, succ = leaves[-2], leaves[-1]
    window.gantt_link.link_tasks(pred.id, succ.id)
    added = next(d for d in window.context.plan.dependencies.values()
                 if (d.predecessor_id, d.successor_id) == (pred.id, succ.id))
    assert (pred.id, succ.id, "FS") in _chart_links(window)
    assert _chart_links(window) == _plan_links(window)
    perform(window, window.context, "type",
            task_edits.change_dependency(added.id, m.DependencyType.SS))
    assert (pred.id, succ.id, "SS") in _chart_links(window)
    assert (pred.id, succ.id, "FS") not in _chart_links(window)
    perform(window, window.context, "delete", task_edits.remove_dependency(added.id))
    assert _chart_links(window) == _plan_links(window)
    assert all((p, s) != (pred.id, succ.id) for p, s, _ in _chart_links(window))
    window.context.undo_stack.undo()  # the link is back, through the same path
    assert _chart_links(window) == _plan_links(window)
