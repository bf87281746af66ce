"""Property: any sequence of outline gestures keeps a well-formed tree with unique codes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from smartcity_desktop.domain import model as m
from smartcity_desktop.domain.outline import AFTER, BEFORE, CHILD, Outline


def _tasks(parents: list[int | None]) -> list[m.Task]:
    """Task i+1 under ``parents[i]`` (an earlier task or None)."""
    return [m.Task(project_id=1, wbs=f"T{i + 1}", name_ko="t", id=i + 1, parent_id=p,
                   sort_order=i) for i, p in enumerate(parents)]


@st.composite
def outlines(draw):
    n = draw(st.integers(1, 12))
    parents = [draw(st.one_of(st.none(), st.integers(1, i))) if i else None for i in range(n)]
    return _tasks(parents)


gesture = st.tuples(st.sampled_from(["indent", "outdent", "up", "down", "place"]),
                    st.integers(1, 12), st.integers(1, 12),
                    st.sampled_from([BEFORE, AFTER, CHILD]))


@settings(max_examples=150, deadline=None)
@given(outlines(), st.lists(gesture, max_size=12))
def test_gestures_keep_a_tree(tasks, gestures):
    outline = Outline.from_tasks(tasks)
    ids = {t.id for t in tasks}
    for name, a, b, where in gestures:
        if a not in ids or b not in ids:
            continue
        before = (dict(outline.parent), {k: list(v) for k, v in outline.children.items()})
        try:
            if name == "indent":
                outline.indent(a)
            elif name == "outdent":
                outline.outdent(a)
            elif name in ("up", "down"):
                outline.move(a, -1 if name == "up" else 1)
            else:
                outline.place([a], b, where)
        except m.ValidationError:
            # a refused gesture leaves the outline as it was
            assert (outline.parent, outline.children) == before
    order = outline.order()
    assert sorted(order) == sorted(ids)  # every task once, none lost, no loop
    for tid in ids:
        parent = outline.parent[tid]
        assert tid in outline.children[parent]
    codes = outline.wbs_codes()
    assert len(set(codes.values())) == len(ids)
    for tid, code in codes.items():
        parent = outline.parent[tid]
        assert code.rsplit(".", 1)[0] == codes[parent] if parent else "." not in code
