"""File > Import / Export dialogs (pytest-qt, offscreen)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QMessageBox, QWidget  # noqa: E402

from smartcity_desktop.domain import model as m  # noqa: E402
from smartcity_desktop.interop.mspdi import export_mspdi  # noqa: E402
from smartcity_desktop.interop.mspdi_import import parse_mspdi  # noqa: E402
from smartcity_desktop.ui import interop_actions as ia  # noqa: E402
from smartcity_desktop.ui.context import AppContext  # noqa: E402

from .conftest import DATA  # noqa: E402


@pytest.fixture
def boxes(monkeypatch):
    shown = []
    for name in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, name,
                            staticmethod(lambda *a, _n=name: shown.append((_n, a[2]))))
    return shown


@pytest.fixture
def context(store, qtbot):
    ctx = AppContext(store)
    yield ctx
    ctx.detach()


def test_preview_dialog_shows_counts_rows_and_problems(qtbot):
    preview = parse_mspdi(DATA / "links_and_lags.xml")
    dialog = ia.PreviewDialog(preview)
    qtbot.addWidget(dialog)
    rows = dialog.findChild(ia.QTableWidget, "previewRows")
    assert rows.rowCount() == 8 and rows.item(1, 1).text() == "A 설계"
    problems = dialog.findChild(ia.QListWidget, "previewProblems")
    assert any("elapsed" in problems.item(i).text() for i in range(problems.count()))
    assert dialog.choice() == "current"


def test_mapping_dialog_prefills_known_headers(qtbot):
    dialog = ia.MappingDialog(["Task Name", "시작일", "기타"])
    qtbot.addWidget(dialog)
    assert dialog.mapping() == {"name_ko": 0, "start": 1}
    dialog.combos["notes"].setCurrentIndex(3)
    assert dialog.mapping()["notes"] == 2


def test_land_into_current_project_refreshes_views(store, context, qtbot, boxes):
    preview = parse_mspdi(DATA / "msproject2016.xml")
    before = store.count(m.Task)
    parent = QWidget()
    qtbot.addWidget(parent)
    with qtbot.waitSignal(context.changed, timeout=20_000):
        ia.land(parent, context, preview, "current")
    qtbot.waitUntil(lambda: bool(boxes), timeout=5_000)
    assert store.count(m.Task) == before + 5  # four tasks and their summary
    assert boxes[0][0] == "information"


def test_export_in_background_and_gantt_image(store, context, qtbot, boxes, tmp_path):
    parent = QWidget()
    qtbot.addWidget(parent)
    out = tmp_path / "plan.xml"
    ia.run_export(parent, context, "mspdi", out)
    qtbot.waitUntil(lambda: bool(boxes), timeout=20_000)
    assert out.exists() and parse_mspdi(out).counts["tasks"] == 10

    saved = []

    class FakeGantt:
        def render_to_image(self, path: Path) -> Path:
            saved.append(path)
            return path

    parent.gantt_link = type("Link", (), {"gantt": FakeGantt()})()
    ia.run_export(parent, context, "svg", tmp_path / "chart.svg")
    assert saved == [tmp_path / "chart.svg"]


def test_bad_file_shows_one_warning(context, qtbot, boxes, tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text("<Project", encoding="utf-8")
    parent = QWidget()
    qtbot.addWidget(parent)
    ia.import_file(parent, context, str(bad))
    qtbot.waitUntil(lambda: bool(boxes), timeout=20_000)
    assert boxes[0][0] == "warning" and "malformed XML" in boxes[0][1]


def test_export_dialog_defaults(context, qtbot, store):
    export_mspdi(store, Path("/dev/null"))
    dialog = ia.ExportDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.fmt() == "mspdi"
    assert dialog.ministry.count() == 1 + 3  # all + three ministries in the test plan
    dialog.format.setCurrentIndex(4)
    assert not dialog.ministry.isEnabled()


def test_import_is_one_undoable_edit(store, context, qtbot, boxes):
    """Import, then Ctrl+Z: every table (but the audit log) is as before, byte for byte."""
    import json

    from smartcity_desktop.interop.backup_json import backup_dict

    def tables() -> str:
        doc = backup_dict(store)["tables"]
        # the logs are append-only: the audit log and the exchange's change log, ranks and
        # tombstones record the import and its undo (as the undo snapshots leave them out)
        for log in ("audit_log", "change_log", "field_ranks", "tombstones"):
            doc.pop(log, None)
        doc["settings"] = [r for r in doc["settings"] if not r["key"].startswith("desk.")]
        return json.dumps(doc, ensure_ascii=False, sort_keys=True)

    before, count = tables(), store.count(m.Task)
    ia.land(None, context, parse_mspdi(DATA / "msproject2016.xml"), "current")
    qtbot.waitUntil(lambda: context.undo_stack.count() == 1, timeout=20_000)
    assert store.count(m.Task) == count + 5
    assert context.plan.tasks.keys() == {t.id for t in store.tasks()}  # the plan followed
    assert context.undo_stack.count() == 1
    context.undo_stack.undo()
    assert tables() == before
    assert len(context.plan.tasks) == count
    context.undo_stack.redo()
    assert store.count(m.Task) == count + 5


def _sheet(rows: int):
    from smartcity_desktop.interop.csv_io import parse_csv_bytes

    text = "WBS,과업명,기간(일),시작일\n" + "".join(
        f"T{i},과업 {i},2,2019-03-04\n" for i in range(1, rows + 1))
    return parse_csv_bytes(text.encode(), "many.csv")


def test_landing_runs_off_the_gui_thread_and_the_window_follows(store, context, qtbot,
                                                                 boxes, monkeypatch):
    import threading

    from smartcity_desktop.interop import apply

    threads, polled = [], []
    land_tasks = apply._land_tasks

    def spy(*args: object, **kwargs: object) -> int:
        threads.append(threading.current_thread())
        context.refresh()  # the window's poll firing meanwhile must not read the store
        polled.append(context.edits.busy)
        return land_tasks(*args, **kwargs)

    monkeypatch.setattr(apply, "_land_tasks", spy)
    count = store.count(m.Task)
    ia.land(QWidget(), context, _sheet(2500), "current")
    qtbot.waitUntil(lambda: context.undo_stack.count() == 1, timeout=30_000)
    assert threads and threads[0] is not threading.main_thread()
    assert polled == [True] and not context.edits.busy
    assert store.count(m.Task) == count + 2501  # and the summary they go under
    assert len(context.plan.tasks) == count + 2501  # the plan heard the commit
    qtbot.waitUntil(lambda: bool(boxes), timeout=5_000)
    assert boxes[0][0] == "information"


def test_cancelling_a_landing_rolls_it_all_back(store, context, qtbot, boxes):
    count, listeners = store.count(m.Task), list(store.listeners)
    job = ia.land(QWidget(), context, _sheet(3000), "current")
    job.cancel()  # at the first thousand rows at the latest
    with qtbot.waitSignal(job.finished, timeout=30_000):
        pass
    assert store.count(m.Task) == count
    assert context.undo_stack.count() == 0 and not context.edits.busy
    assert store.listeners == listeners  # the session hears later commits again
    assert boxes == []  # Cancel is not an error


def test_undoing_a_large_import_replays_off_the_gui_thread(store, context, qtbot, boxes,
                                                           monkeypatch):
    import threading

    from smartcity_desktop.store.changes import ChangeSet

    count = store.count(m.Task)
    ia.land(QWidget(), context, _sheet(2500), "current")
    qtbot.waitUntil(lambda: context.undo_stack.count() == 1, timeout=30_000)
    threads, fractions = [], []
    replay = ChangeSet.undo

    def spy(self, store_, progress=None):
        threads.append(threading.current_thread())
        return replay(self, store_, lambda f: (fractions.append(f), progress(f)))

    monkeypatch.setattr(ChangeSet, "undo", spy)
    context.undo_stack.undo()  # returns once the replay is done
    assert threads and threads[0] is not threading.main_thread()
    assert fractions[:3] == [0.0, 1000 / 2501, 2000 / 2501]
    assert store.count(m.Task) == count and len(context.plan.tasks) == count
    assert not context.edits.busy
    context.undo_stack.redo()
    assert store.count(m.Task) == count + 2501 and len(context.plan.tasks) == count + 2501
    assert context.undo_stack.index() == 1 and boxes[0][0] == "information"


def test_a_refused_background_undo_changes_nothing_and_says_so(store, context, qtbot, boxes):
    import dataclasses

    ia.land(QWidget(), context, _sheet(2500), "current")
    qtbot.waitUntil(lambda: context.undo_stack.count() == 1, timeout=30_000)
    count = store.count(m.Task)
    changed = max(store.tasks(), key=lambda t: t.id)
    store.update(dataclasses.replace(changed, name_ko="다른 곳에서 바꿈"))  # someone else
    boxes.clear()
    context.undo_stack.undo()
    assert store.count(m.Task) == count  # rolled back whole
    assert store.get(m.Task, changed.id).name_ko == "다른 곳에서 바꿈"
    assert boxes and boxes[0][0] == "warning" and not context.edits.busy
