"""An import is one undoable edit; the undo is recorded as this desk's changes.

The exchange's logs are append-only, so undoing an import puts the rows back and
records that as ordinary changes: the other desks follow on the next package.
"""

from __future__ import annotations

import pytest

from smartcity_desktop.app import checklists as ed
from smartcity_desktop.app import exchange as ex
from smartcity_desktop.app.cli_edits import set_task_fields, task_by_wbs, tick
from smartcity_desktop.app.session import Session

PLAIN = "6.1.5.1"  # owned by MSIT, no checklist
CHECKLIST = "2.1.6"  # owned by MSIT, three checklist items


@pytest.fixture
def desks(make_desk):
    return make_desk("molit", "MOLIT", "coordinator"), make_desk("msit", "MSIT")


def test_import_then_undo_restores_the_shared_state_and_the_others_follow(desks, tmp_path):
    molit, msit = desks
    set_task_fields(msit, PLAIN, {"percent": "40", "note": "과기부 실적"})
    tick(msit, CHECKLIST, 1, True)
    task_id = task_by_wbs(msit, CHECKLIST).id
    ed.add_item(msit, task_id, "추가 점검")
    ed.delete_item(msit, msit.checklist(task_id)[1].id)
    pkg = tmp_path / "msit.scx"
    ex.export_package(msit, pkg)
    before, theirs = ex.digest(molit), ex.digest(msit)

    session = Session(molit)
    try:
        record = session.run(lambda s: ex.import_packages(s, [pkg]))
        assert record.result.applied > 0 and ex.digest(molit) == theirs
        assert task_by_wbs(session.plan.store, PLAIN).percent_complete == 40
        session.undo(record)
        assert ex.digest(molit) == before  # every row the import wrote is back
        assert ex.import_packages(molit, [pkg]).applied == 0  # what arrived stays arrived
        assert ex.digest(molit) == before

        back = tmp_path / "molit.scx"
        ex.export_package(molit, back)
        ex.import_packages(msit, [back])
        assert ex.digest(msit) == before  # the undo travelled as the coordinator's changes

        session.redo(record)
        assert ex.digest(molit) == theirs
        ex.export_package(molit, back)
        ex.import_packages(msit, [back])
        assert ex.digest(msit) == ex.digest(molit) == theirs
    finally:
        session.close()
