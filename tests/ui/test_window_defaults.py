"""Small defaults a desk officer meets: the baseline name, the checked baseline in the menu."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog

from smartcity_desktop.domain import model as m
from smartcity_desktop.ui.project_dialogs import baseline_name


def test_baseline_name_defaults_to_the_status_date(window, monkeypatch):
    store = window.context.store
    status = store.project().status_date
    assert baseline_name(store) == f"{status.isoformat()} 기준선"
    offered = []
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(
        lambda parent, title, label, text="": offered.append(text) or (text, True)))
    window.save_baseline()
    assert offered == [f"{status.isoformat()} 기준선"]
    assert [b.name for b in store.all(m.Baseline)] == [offered[0]]
    assert baseline_name(store) == f"{status.isoformat()} 기준선 (2)"  # taken: numbered


def test_baseline_menu_checks_the_shown_baseline(window, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(
        lambda parent, title, label, text="": (text, True)))
    window.save_baseline()
    baseline = window.context.store.all(m.Baseline)[0]
    window.baseline_menu.aboutToShow.emit()
    checked = [a.text() for a in window.baseline_menu.actions() if a.isChecked()]
    assert checked == ["(없음)"] or len(checked) == 1
    window.gantt_link.set_baseline(baseline.id)
    window.baseline_menu.aboutToShow.emit()
    assert [a.text() for a in window.baseline_menu.actions() if a.isChecked()] == [baseline.name]
