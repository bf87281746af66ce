"""The tabs beside the Gantt: ministry checklists, dashboard, budget, provisions, contacts.

The main window calls :func:`create_views` and adds each returned widget as a tab. This
module also holds the small helpers the views share: running an edit through
``context.edits`` with refusals shown in a message box (:func:`run_edit`), and the status date
every view measures "overdue" against.

Interface text goes through Qt's translation system (English source strings, Korean in
``resources/translations/smartcity_ko.ts``). Each view exposes ``tab_title()`` (translated at
call time) so the main window can retitle its tab when ``context.languageChanged`` fires.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ..domain.dates import DateParseError
from ..domain.model import ValidationError
from ..store import Store
from ..store.errors import StoreError
from .context import AppContext

R = TypeVar("R")


def run_edit(parent: QWidget | None, context: AppContext, text: str,
             edit: Callable[[Store], R]) -> tuple[bool, R | None]:
    """Run ``edit`` as one undoable, audited step; a refusal is shown and nothing is written.

    Returns ``(True, result)`` on success and ``(False, None)`` when refused.
    """
    try:
        return True, context.edits.run(text, edit)
    except (ValidationError, DateParseError, StoreError) as exc:
        QMessageBox.warning(parent, QCoreApplication.translate("Views", "Edit refused"),
                            str(exc))
        return False, None


def status_date(store: Store) -> date:
    """The project's status date (the day "overdue" and "due in 30 days" are measured from)."""
    try:
        project = store.project()
    except StoreError:
        return date.today()
    return project.status_date or date.today()


def create_views(context: AppContext, main_window: QWidget | None = None
                 ) -> list[tuple[QWidget, str]]:
    """Every view tab, parented to ``main_window``, with its title in the current language.

    Each widget's ``tab_title()`` gives the title again after a language change.
    """
    from .budget_view import BudgetView
    from .checklist_view import ChecklistView
    from .contacts_view import ContactsView
    from .dashboard import DashboardView
    from .provisions_view import ProvisionsView

    widgets = [ChecklistView(context, main_window), DashboardView(context, main_window),
               BudgetView(context, main_window), ProvisionsView(context, main_window),
               ContactsView(context, main_window)]
    return [(widget, widget.tab_title()) for widget in widgets]
