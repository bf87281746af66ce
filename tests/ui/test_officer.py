"""The officer profile is who ticks and who signs off; ticks are dated by the stated rule;
the sign-off dialog keeps what was typed when it is refused; Preferences edits the profile."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from known_data import known  # noqa: E402  (tests/ui is on sys.path)
from PySide6.QtWidgets import QDialog, QLabel

from smartcity_desktop.domain import checklists as rules
from smartcity_desktop.domain import model as m
from smartcity_desktop.ui import officer as off
from smartcity_desktop.ui.view_dialogs import SignoffDialog


@pytest.fixture
def env(checklist_env):
    return checklist_env(off.Officer("홍길동", "사무관", "MOLIT"))


def test_tick_day_rule():
    status = date(2018, 12, 26)
    assert rules.tick_day(status, date(2026, 12, 1)) == status  # a past status date
    assert rules.tick_day(date(2030, 1, 1), date(2026, 12, 1)) == date(2026, 12, 1)
    assert rules.tick_day(None, date(2026, 12, 1)) == date(2026, 12, 1)


def test_tick_records_the_officer_on_the_status_date_and_says_so(env, qtbot):
    view, store, ids, _, _ = env
    item = next(i for i in store.checklist(ids["1.2"]) if not i.done)
    assert known.STATUS_DATE < date.today()
    assert view.tick(item.id, True)
    row = store.row(m.ChecklistItem, item.id)
    assert row["done_by"] == "홍길동 (사무관)" and row["done_at"] == known.STATUS_DATE.isoformat()
    qtbot.waitUntil(lambda: view._rows[("item", item.id)].text(3) != "")
    shown = view._rows[("item", item.id)]
    assert shown.text(3) == "홍길동 (사무관)" and shown.text(4) == known.STATUS_DATE.isoformat()
    note = view.tick_label.text()
    assert "홍길동 (사무관)" in note and known.STATUS_DATE.isoformat() in note and "기준일" in note


def test_checklist_dates_have_one_form(env):
    view, store, ids, _, _ = env
    texts = [row.text(c) for row in view._rows.values() for c in (1, 4) if row.text(c)]
    assert texts
    for text in texts:
        if text[:4].isdigit() and "년" not in text:
            date.fromisoformat(text)  # YYYY-MM-DD, never "2018. 12. 11." or with a time


def test_signoff_dialog_starts_with_the_profile_and_keeps_input_on_refusal(env, monkeypatch):
    view, store, ids, _, warnings = env
    ms = ids["1.2"]
    seen = []

    def exec_(dialog):
        seen.append((dialog.name.text(), dialog.position.text(), dialog.note.text()))
        if len(seen) == 1:
            dialog.note.setText("회의록 첨부")  # typed, then refused: items still open
            return QDialog.DialogCode.Accepted
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(SignoffDialog, "exec", exec_)
    view.tree.setCurrentItem(view._rows[("task", ms)])
    view._on_signoff()
    assert seen[0][:2] == ("홍길동", "사무관")
    assert warnings and seen[1] == ("홍길동", "사무관", "회의록 첨부")  # reopened as typed
    assert store.count(m.Signoff) == 0


def test_signoff_dialog_shows_the_whole_milestone_name(env, qtbot):
    view, store, ids, context, _ = env
    task = store.get(m.Task, ids["1.2"])
    dialog = SignoffDialog(context, task, known.STATUS_DATE, None, off.officer(store))
    qtbot.addWidget(dialog)
    label = dialog.findChild(QLabel, "signoffTarget")
    assert label.text() == f"{task.wbs} {task.name('ko')}" and label.wordWrap()
    assert label.minimumWidth() >= 400


def test_preferences_edit_the_profile(window, monkeypatch):
    from smartcity_desktop.ui.preferences import PreferencesDialog

    store = window.context.store
    dialog = PreferencesDialog(window.context, window)
    dialog.officer_name.setText("  이영희 ")
    dialog.officer_position.setText("주무관")
    dialog.ministry.setCurrentIndex(dialog.ministry.findData("MOEF"))
    dialog.accept()
    assert off.officer(store) == off.Officer("이영희", "주무관", "MOEF")
    assert store.setting("desk.officer_name") == "이영희"
    dialog.deleteLater()


def test_tick_today_when_the_status_date_is_ahead(env):
    view, store, ids, context, _ = env
    store.update(m.Project(**{**store.project().__dict__,
                              "status_date": date.today() + timedelta(days=30)}))
    item = next(i for i in store.checklist(ids["1.2"]) if not i.done)
    assert view.tick(item.id, True)
    assert store.row(m.ChecklistItem, item.id)["done_at"] == date.today().isoformat()
