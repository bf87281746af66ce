"""Outline edit benchmark on a generated 10,000-task, 15,000-link database (no Qt).

Metrics (medians, each edit recorded for undo the way the window runs it: the rules, then
the two stages of a renumbering edit):
* ``outline_move_phase_10k_ms``: move a 21-row phase above its sibling, codes renumbered;
* ``outline_indent_10k_ms``: indent a task under the one above it, codes renumbered;
* ``outline_undo_move_10k_ms``: undo of the phase move;
* ``outline_delete_scope_10k_ms``: counting what deleting a work stream takes with it.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from smartcity_desktop.app import outline
from smartcity_desktop.domain import model as m
from smartcity_desktop.store import open_store
from smartcity_desktop.store.changes import record_changes
from tests.benchmarks.generate import generate_database

REPEATS = 5


def _run(store, edit):
    """As ui.outline_actions.run_edit: check, park, finish; returns the undo."""
    edit.check(store)
    park, finish = edit.stages()
    _, first = record_changes(store, park)
    _, second = record_changes(store, finish)

    def undo() -> None:
        second.undo(store)
        first.undo(store)
    return undo


def _ms(t0: float) -> float:
    return (time.perf_counter() - t0) * 1000


def run() -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        path = generate_database(Path(tmp) / "plan10k.db")
        store = open_store(path, keep_backups=0)
        by_wbs = {t.wbs: t for t in store.tasks()}
        moves, undos, indents, scopes = [], [], [], []
        for i in range(REPEATS):
            t0 = time.perf_counter()
            undo = _run(store, outline.move([by_wbs[f"{i + 1}.2"].id], -1))
            moves.append(_ms(t0))
            t0 = time.perf_counter()
            undo()
            undos.append(_ms(t0))
        leaves = [t for t in store.tasks() if t.kind is m.TaskKind.TASK and t.wbs.endswith(".5")]
        for task in leaves:
            if len(indents) == REPEATS:
                break
            t0 = time.perf_counter()
            try:
                undo = _run(store, outline.indent([task.id]))
            except m.ValidationError:  # linked to the task above: refused, try the next
                continue
            indents.append(_ms(t0))
            undo()
        for i in range(REPEATS):
            t0 = time.perf_counter()
            outline.delete_scope(store, [by_wbs[str(i + 1)].id])
            scopes.append(_ms(t0))
        store.close()
    return [
        {"metric": "outline_move_phase_10k_ms", "value": round(statistics.median(moves), 1),
         "unit": "ms"},
        {"metric": "outline_indent_10k_ms", "value": round(statistics.median(indents), 1),
         "unit": "ms"},
        {"metric": "outline_undo_move_10k_ms", "value": round(statistics.median(undos), 1),
         "unit": "ms"},
        {"metric": "outline_delete_scope_10k_ms", "value": round(statistics.median(scopes), 1),
         "unit": "ms"},
    ]
