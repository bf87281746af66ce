"""Contact roles shown in the interface language; provenance notes in the tooltip, kept on edit."""

from __future__ import annotations

from smartcity_desktop.ui.contact_text import join_role, split_role

NOTE = "(내선번호는 원문 대표번호 앞자리로 보완 / extension completed with the listed prefix)"


def test_roles_and_notes_in_one_language():
    role = f"보도자료 담당 (Press contact) {NOTE}"
    assert split_role(role, "ko") == ("보도자료 담당", "내선번호는 원문 대표번호 앞자리로 보완")
    assert split_role(role, "en") == ("Press contact", "extension completed with the listed prefix")
    assert split_role("세종 5-1 생활권 마스터플래너(MP) / Master planner, Sejong 5-1", "ko") == (
        "세종 5-1 생활권 마스터플래너(MP)", "")
    assert split_role("세종 5-1 생활권 마스터플래너(MP) / Master planner, Sejong 5-1", "en") == (
        "Master planner, Sejong 5-1", "")
    assert split_role("사업 총괄", "en") == ("사업 총괄", "")  # no English given: as written


def test_an_edit_keeps_the_provenance_note():
    assert join_role("보도 담당", f"보도자료 담당 (Press contact) {NOTE}") == f"보도 담당 {NOTE}"
    assert join_role("담당", "담당") == "담당"


def test_contacts_tab_shows_notes_in_the_tooltip(window):
    from smartcity_desktop.domain import model as m
    from smartcity_desktop.ui.contacts_view import ContactsView

    view = ContactsView(window.context, window)
    contact = next(c for c in window.context.store.all(m.Contact) if "extension" in c.role)
    row = view._rows[("contact", contact.id)]
    assert "/" not in row.text(4) and "extension" not in row.text(4)
    assert "내선번호" in row.toolTip(4) and contact.source in row.toolTip(4)
    row.setText(4, "보도 담당")  # an edit in place
    assert "내선번호" in window.context.store.get(m.Contact, contact.id).role
    view.deleteLater()
