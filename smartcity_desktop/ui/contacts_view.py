"""The contacts tab: the bodies of the programme and their contact people.

Organisations (ministries, committee, implementers, local governments, agencies) are the
tree's top rows with their department; their contacts (name, position, phone, e-mail, role)
are edited in place, added and deleted as undoable, audited edits. The check box above the
tree is the ``report.redact_personal`` setting: when on, printed reports leave personal names
and phone numbers out (the report engine reads the setting). Interface text is translated
with ``tr()`` (context ``ContactsView``); names of bodies and people are data.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QInputDialog,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..app import checklists as ed
from ..domain import model as m
from .contact_text import join_role, split_role
from .context import AppContext
from .views import run_edit

COLUMNS = [
    QT_TRANSLATE_NOOP("ContactsView", "Body / name"),
    QT_TRANSLATE_NOOP("ContactsView", "Department / position"),
    QT_TRANSLATE_NOOP("ContactsView", "Phone"),
    QT_TRANSLATE_NOOP("ContactsView", "E-mail"),
    QT_TRANSLATE_NOOP("ContactsView", "Role"),
]
FIELDS = {0: "name", 1: "position", 2: "phone", 3: "email", 4: "role"}
RowRole = Qt.ItemDataRole.UserRole + 1  # ("org" | "contact", id)
KIND_LABELS = {
    m.OrgKind.MINISTRY: QT_TRANSLATE_NOOP("ContactsView", "Ministry"),
    m.OrgKind.COMMITTEE: QT_TRANSLATE_NOOP("ContactsView", "Committee"),
    m.OrgKind.IMPLEMENTER: QT_TRANSLATE_NOOP("ContactsView", "Implementer"),
    m.OrgKind.LOCAL_GOVERNMENT: QT_TRANSLATE_NOOP("ContactsView", "Local government"),
    m.OrgKind.AGENCY: QT_TRANSLATE_NOOP("ContactsView", "Agency"),
    m.OrgKind.PERSON: QT_TRANSLATE_NOOP("ContactsView", "Person"),
    m.OrgKind.ALLIANCE: QT_TRANSLATE_NOOP("ContactsView", "Alliance"),
}


class ContactsView(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.store = context.store
        self._pending = False
        self._rows: dict[tuple[str, int], QTreeWidgetItem] = {}
        self.redact = QCheckBox()
        self.redact.toggled.connect(self.set_redact)
        self.add_button = QPushButton()
        self.delete_button = QPushButton()
        self.add_button.clicked.connect(self._on_add)
        self.delete_button.clicked.connect(self._on_delete)
        top = QHBoxLayout()
        top.addWidget(self.redact, 1)
        top.addWidget(self.add_button)
        top.addWidget(self.delete_button)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.itemChanged.connect(self._on_item_changed)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        context.changed.connect(self._on_store_changed)
        context.languageChanged.connect(lambda _l: self.refresh())
        self.refresh()

    def tab_title(self) -> str:
        """The tab title in the interface language."""
        return self.tr("Contacts")

    def _on_store_changed(self, tables: set[str]) -> None:
        if tables & {"contacts", "organisations"} and not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self.refresh)

    def refresh(self) -> None:
        self._pending = False
        lang = self.context.lang
        self.tree.setHeaderLabels([self.tr(text) for text in COLUMNS])
        self.redact.setText(self.tr("Leave personal names and phone numbers out of printed "
                                    "reports"))
        self.redact.blockSignals(True)
        self.redact.setChecked(ed.redact_personal(self.store))
        self.redact.blockSignals(False)
        self.add_button.setText(self.tr("Add contact..."))
        self.delete_button.setText(self.tr("Delete contact"))
        selected = self.selected()
        self.tree.blockSignals(True)
        self.tree.clear()
        self._rows.clear()
        contacts: dict[int, list[m.Contact]] = {}
        for c in self.store.all(m.Contact):
            contacts.setdefault(c.org_id, []).append(c)
        bold = QFont()
        bold.setBold(True)
        for org in self.store.organisations():
            kind = self.tr(KIND_LABELS[org.kind]) if org.kind in KIND_LABELS else ""
            dept = org.department_en if lang == "en" and org.department_en else org.department_ko
            row = QTreeWidgetItem([org.name(lang), dept, "", "", kind])
            row.setFont(0, bold)
            row.setData(0, RowRole, ("org", org.id))
            self._rows[("org", org.id)] = row
            for c in contacts.get(org.id, []):
                role, note = split_role(c.role, lang)
                child = QTreeWidgetItem([c.name, c.position, c.phone, c.email, role])
                tip = [note] if note else []
                if c.source:
                    tip.append(self.tr("Source: {0}").format(c.source))
                for col in range(len(COLUMNS)):
                    child.setToolTip(col, "\n".join(tip))
                child.setFlags(child.flags() | Qt.ItemFlag.ItemIsEditable)
                child.setData(0, RowRole, ("contact", c.id))
                self._rows[("contact", c.id)] = child
                row.addChild(child)
            self.tree.addTopLevelItem(row)
            row.setExpanded(True)
        for col in range(len(COLUMNS)):
            self.tree.resizeColumnToContents(col)
        if selected in self._rows:
            self.tree.setCurrentItem(self._rows[selected])
        self.tree.blockSignals(False)

    def selected(self) -> tuple[str, int] | None:
        row = self.tree.currentItem()
        return tuple(row.data(0, RowRole)) if row is not None else None  # type: ignore[return-value]

    def _on_item_changed(self, row: QTreeWidgetItem, column: int) -> None:
        kind, row_id = row.data(0, RowRole)
        if kind == "contact" and column in FIELDS:
            value = row.text(column).strip()
            if FIELDS[column] == "role":  # the shown role; its provenance note is kept
                value = join_role(value, self.store.get(m.Contact, row_id).role)
            self.update_contact(row_id, **{FIELDS[column]: value})

    # -- edits ----------------------------------------------------------------------------
    def set_redact(self, redact: bool) -> None:
        ed.set_redact_personal(self.store, redact)

    def update_contact(self, contact_id: int, **changes: Any) -> bool:
        ok, _ = run_edit(self, self.context, self.tr("Edit contact"),
                         lambda s: ed.update_contact(s, contact_id, **changes))
        if not ok:
            self._on_store_changed({"contacts"})
        return ok

    def add_contact(self, org_id: int, name: str, position: str = "", phone: str = "",
                    email: str = "", role: str = "") -> bool:
        contact = m.Contact(org_id=org_id, name=name.strip(), position=position.strip(),
                            phone=phone.strip(), email=email.strip(), role=role.strip())
        ok, _ = run_edit(self, self.context, self.tr("Add contact"),
                         lambda s: ed.add_contact(s, contact))
        return ok

    def delete_contact(self, contact_id: int) -> bool:
        ok, _ = run_edit(self, self.context, self.tr("Remove contact"),
                         lambda s: ed.delete_contact(s, contact_id))
        return ok

    def _on_add(self) -> None:
        sel = self.selected()
        if sel is None:
            return
        org_id = sel[1] if sel[0] == "org" else self.store.get(m.Contact, sel[1]).org_id
        name, ok = QInputDialog.getText(self, self.tr("Add contact person"), self.tr("Name"))
        if ok:
            self.add_contact(org_id, name)

    def _on_delete(self) -> None:
        sel = self.selected()
        if sel is not None and sel[0] == "contact":
            self.delete_contact(sel[1])
