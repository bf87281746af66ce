"""Sign-off refusals come out in the chosen language (Korean by default), on the CLI too."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from smartcity_desktop import messages
from smartcity_desktop.cli import main
from smartcity_desktop.domain import checklists as rules
from smartcity_desktop.domain import model as m
from smartcity_desktop.store import open_store


@pytest.fixture(autouse=True)
def _korean_after():
    yield
    messages.set_language("ko")


def _gated_with_open_items(store) -> m.Task:
    for task in store.tasks():
        if task.needs_signoff and any(not i.done for i in store.checklist(task.id)):
            return task
    raise AssertionError("the seed holds no gated milestone with open items")


def test_cli_signoff_refusal_is_korean_by_default_and_english_on_request(tmp_path, capsys):
    db = tmp_path / "plan.db"
    with open_store(db, keep_backups=0) as store:
        task = _gated_with_open_items(store)
        # a percent typed for a task that follows its checklist is refused before the gate
        store.update(dataclasses.replace(task, percent_from_checklist=False))
        wbs = task.wbs
    assert main(["task", "set", "--db", str(db), wbs, "percent=100"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and f"결재: {wbs}에 아직 완료되지 않은 점검항목이" in err
    assert "open checklist" not in err and "sign-off" not in err
    assert main(["task", "set", "--db", str(db), wbs, "percent=100", "--lang", "en"]) == 2
    err = capsys.readouterr().err.strip()
    assert f"sign-off: {wbs} still has" in err and "점검항목" not in err


def test_every_signoff_refusal_has_both_languages():
    task = m.Task(project_id=1, wbs="2.1.3", name_ko="결재 과업", kind=m.TaskKind.MILESTONE,
                  duration_days=0, needs_signoff=True)
    items = [m.ChecklistItem(task_id=1, text=f"항목 {i}") for i in range(5)]
    cases = [
        lambda: rules.check_completion(task, items, []),
        lambda: rules.check_completion(task, [], []),
        lambda: rules.validate_signoff("", "과장", date(2019, 1, 2)),
        lambda: rules.validate_signoff("김" * 81, "과장", date(2019, 1, 2)),
        lambda: rules.validate_signoff("김철수", "", date(2019, 1, 2)),
        lambda: rules.validate_signoff("김철수", "과장", None),
        lambda: rules.validate_signoff("김철수", "과장", date(2019, 1, 1), "",
                                       date(2019, 2, 1)),
        lambda: rules.validate_signoff("김철수", "과장", date(2019, 1, 2), "x" * 501),
        lambda: rules.check_reopen(task, [m.Signoff(task_id=1, approver_name="김철수",
                                                    approver_position="과장",
                                                    signed_on=date(2019, 1, 2))], ""),
        lambda: rules.check_reopen(task, [], "x" * 501),
    ]
    for case in cases:
        with pytest.raises(m.ValidationError) as caught:
            case()
        ko, en = messages.CATALOGUE[caught.value.message_id]  # an id, not English text
        assert not ko.isascii() and en.isascii(), (ko, en)
    with pytest.raises(m.ValidationError) as caught:
        rules.check_completion(task, items, [])
    assert caught.value.text("ko").endswith("외 2건")
    assert caught.value.text("en").endswith("and 2 more")
