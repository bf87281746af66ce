"""Edit functions for checklists, sign-offs, meetings, status updates, budget, provisions, contacts.

These are application-layer writes (no SQL, no Qt). Each public edit function takes the
:class:`Store` first, does its reads and audited writes inside one transaction, and raises
:class:`ValidationError` (or the store's ``ConflictError``/``NotFoundError``) with nothing
written when it refuses. The UI wraps them as
``context.edits.run(text, lambda s: tick_item(s, item_id))`` so every one is undoable.
The rules themselves (gate, counts, meeting dates) live in :mod:`..domain.checklists`.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from typing import Any

from ..domain import checklists as rules
from ..domain import model as m
from ..domain.dates import PlanDate
from ..domain.model import ValidationError
from ..store import Store

REDACT_KEY = "report.redact_personal"
_KEEP = object()  # "leave this field as it is"
STAGE_ORDER = [m.ProvisionStage.BILL_PROPOSED, m.ProvisionStage.IN_COMMITTEE,
               m.ProvisionStage.PASSED, m.ProvisionStage.IN_FORCE]


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


def _text(value: str, field: str, limit: int = rules.MAX_TEXT, required: bool = True) -> str:
    value = (value or "").strip()
    if required and not value:
        raise ValidationError(f"{field}: cannot be empty")
    if len(value) > limit:
        raise ValidationError(f"{field}: longer than {limit} characters")
    return value


def signoffs_of(store: Store, task_id: int) -> list[m.Signoff]:
    return store.signoffs_of(task_id)


def is_signed_off(store: Store, task_id: int) -> bool:
    return rules.active_signoff(signoffs_of(store, task_id)) is not None


def _sync_percent(store: Store, task_id: int) -> None:
    """Keep a checklist-driven task's percent in step with its items.

    A gated task stays below 100 % until it is signed off, so ticking the last item never
    marks it done behind the gate's back.
    """
    task = store.get(m.Task, task_id)
    if not task.percent_from_checklist:
        return
    percent = rules.checklist_percent(store.checklist(task_id))
    if task.needs_signoff and percent >= 100 and not is_signed_off(store, task_id):
        percent = 99.0
    if task.percent_complete != percent:
        store.update(dataclasses.replace(task, percent_complete=percent))


def _refuse_if_signed(store: Store, task_id: int, what: str) -> None:
    if is_signed_off(store, task_id):
        task = store.get(m.Task, task_id)
        raise ValidationError("signoff.locked", what=what, wbs=task.wbs)


# -- checklist items ---------------------------------------------------------------------
def tick_item(store: Store, item_id: int, notes: str | None = None, by: str = "",
              on: date | None = None) -> m.ChecklistItem:
    """Mark an item done, recording who and when; ``notes`` e.g. minutes.

    ``by`` is the officer (default: the login, ``store.user``); ``on`` the day it is
    recorded on (default: now, with the time).
    """
    with store.transaction():
        item = store.get(m.ChecklistItem, item_id)
        changes: dict[str, Any] = {"done": True, "done_by": by.strip() or store.user,
                                   "done_at": on.isoformat() if on is not None else _now()}
        if item.done:
            changes = {}
        if notes is not None:
            changes["notes"] = _text(notes, "notes", required=False)
        if not changes:
            return item
        item = store.update(dataclasses.replace(item, **changes))
        _sync_percent(store, item.task_id)
        return item


def untick_item(store: Store, item_id: int) -> m.ChecklistItem:
    with store.transaction():
        item = store.get(m.ChecklistItem, item_id)
        if not item.done:
            return item
        _refuse_if_signed(store, item.task_id, "untick")
        item = store.update(dataclasses.replace(item, done=False, done_by="", done_at=""))
        _sync_percent(store, item.task_id)
        return item


def add_item(store: Store, task_id: int, text: str, due: date | None = None,
             org_id: int | None = None, notes: str = "",
             meeting_series_id: int | None = None) -> m.ChecklistItem:
    with store.transaction():
        task = store.get(m.Task, task_id)
        _refuse_if_signed(store, task_id, "add item")
        items = store.checklist(task_id)
        item = store.insert(m.ChecklistItem(
            task_id=task_id, text=_text(text, "text"), due=due,
            org_id=org_id if org_id is not None else task.owner_org_id,
            notes=_text(notes, "notes", required=False),
            sort_order=max((i.sort_order for i in items), default=-1) + 1,
            meeting_series_id=meeting_series_id,
        ))
        _sync_percent(store, task_id)
        return item


def edit_item(store: Store, item_id: int, *, text: Any = _KEEP, due: Any = _KEEP,
              org_id: Any = _KEEP, notes: Any = _KEEP) -> m.ChecklistItem:
    with store.transaction():
        item = store.get(m.ChecklistItem, item_id)
        changes: dict[str, Any] = {}
        if text is not _KEEP:
            changes["text"] = _text(text, "text")
        if due is not _KEEP:
            changes["due"] = due
        if org_id is not _KEEP:
            changes["org_id"] = org_id
        if notes is not _KEEP:
            changes["notes"] = _text(notes, "notes", required=False)
        new = dataclasses.replace(item, **changes)
        if new == item:
            return item
        return store.update(new)


def move_item(store: Store, item_id: int, offset: int) -> m.ChecklistItem:
    """Move an item ``offset`` places up (negative) or down within its task; renumbers 0..n-1."""
    with store.transaction():
        item = store.get(m.ChecklistItem, item_id)
        items = store.checklist(item.task_id)
        index = next(i for i, it in enumerate(items) if it.id == item_id)
        target = max(0, min(len(items) - 1, index + offset))
        items.insert(target, items.pop(index))
        moved = item
        for order, it in enumerate(items):
            if it.sort_order != order:
                it = store.update(dataclasses.replace(it, sort_order=order))
            if it.id == item_id:
                moved = it
        return moved


def delete_item(store: Store, item_id: int) -> None:
    with store.transaction():
        item = store.get(m.ChecklistItem, item_id)
        store.delete(item)
        _sync_percent(store, item.task_id)


# -- the sign-off gate --------------------------------------------------------------------
def set_needs_signoff(store: Store, task_id: int, needs: bool) -> m.Task:
    with store.transaction():
        task = store.get(m.Task, task_id)
        if task.needs_signoff == needs:
            return task
        if not needs:
            _refuse_if_signed(store, task_id, "gate")
        return store.update(dataclasses.replace(task, needs_signoff=needs))


def sign_off(store: Store, task_id: int, approver_name: str, approver_position: str,
             signed_on: date, note: str = "") -> m.Signoff:
    """Record a named approver's sign-off and mark the task done on ``signed_on``.

    Refused while any checklist item is open, or when the task is already signed off.
    """
    with store.transaction():
        task = store.get(m.Task, task_id)
        if is_signed_off(store, task_id):
            raise ValidationError("signoff.already", wbs=task.wbs)
        rules.check_items_done(task, store.checklist(task_id))
        rules.validate_signoff(approver_name, approver_position, signed_on, note,
                               earliest=task.actual_start)
        signoff = store.insert(m.Signoff(
            task_id=task_id, approver_name=approver_name.strip(),
            approver_position=approver_position.strip(), signed_on=signed_on,
            note=note.strip(),
        ))
        store.update(dataclasses.replace(task, needs_signoff=True, percent_complete=100.0,
                                         actual_finish=signed_on,
                                         actual_start=task.actual_start or signed_on))
        return signoff


def complete_task(store: Store, task_id: int, on: date) -> m.Task:
    """Mark a task done on ``on``, through the sign-off gate (for gated tasks use sign_off)."""
    with store.transaction():
        task = store.get(m.Task, task_id)
        rules.check_completion(task, store.checklist(task_id), signoffs_of(store, task_id))
        if task.actual_start and on < task.actual_start:
            raise ValidationError(f"actual finish: {on} is before the actual start")
        return store.update(dataclasses.replace(task, percent_complete=100.0, actual_finish=on,
                                                actual_start=task.actual_start or on))


def reopen_task(store: Store, task_id: int, reason: str) -> m.Task:
    """Reopen a done task; a signed-off one needs a reason, recorded on the revoked sign-off."""
    with store.transaction():
        task = store.get(m.Task, task_id)
        signoffs = signoffs_of(store, task_id)
        rules.check_reopen(task, signoffs, reason)
        active = rules.active_signoff(signoffs)
        if active is not None:
            store.update(dataclasses.replace(active, revoked=True, revoke_reason=reason.strip()))
        elif not task.is_done:
            raise ValidationError("signoff.reopen_not_done", wbs=task.wbs)
        percent = 0.0
        if task.percent_from_checklist:
            percent = min(rules.checklist_percent(store.checklist(task_id)), 99.0)
        return store.update(dataclasses.replace(task, actual_finish=None, percent_complete=percent))


# -- recurring meetings ----------------------------------------------------------------
def generate_meetings(store: Store, series_id: int, as_of: date,
                      periods: int = 3) -> list[m.ChecklistItem]:
    """Add dated checklist entries for the next ``periods`` meetings not yet listed."""
    if not 1 <= periods <= 36:
        raise ValidationError(f"periods: {periods} is outside 1-36")
    with store.transaction():
        series = store.get(m.MeetingSeries, series_id)
        if series.task_id is None:
            raise ValidationError(
                f"meeting: '{series.name_ko}' is not attached to a task to hold its entries"
            )
        existing = store.meeting_entries(series_id)
        have = {i.due for i in existing}
        created = []
        for day in rules.next_meetings(series.cadence, series.first, as_of, periods):
            if day in have:
                continue
            created.append(add_item(store, series.task_id, f"{series.name_ko} {day:%Y.%m.%d.}",
                                    due=day, org_id=series.org_id,
                                    meeting_series_id=series_id))
        return created


def generate_all_meetings(store: Store, as_of: date, periods: int = 3) -> list[m.ChecklistItem]:
    with store.transaction():
        created: list[m.ChecklistItem] = []
        for series in store.all(m.MeetingSeries):
            if series.task_id is not None:
                created += generate_meetings(store, series.id, as_of, periods)
        return created


# -- status updates ----------------------------------------------------------------------
def set_status_update(store: Store, task_id: int, report_date: date, rag: m.Rag,
                      narrative: str, org_id: int | None = None) -> m.StatusUpdate:
    """Enter (or replace) a task's RAG and narrative for one reporting date."""
    with store.transaction():
        task = store.get(m.Task, task_id)
        text = _text(narrative, "narrative", limit=1000, required=m.Rag(rag) is not m.Rag.GREEN)
        found = [su for su in store.status_updates_of(task_id) if su.report_date == report_date]
        org = org_id if org_id is not None else task.owner_org_id
        if found:
            new = dataclasses.replace(found[0], rag=m.Rag(rag), narrative=text, org_id=org,
                                      author=store.user)
            return new if new == found[0] else store.update(new)
        return store.insert(m.StatusUpdate(task_id=task_id, report_date=report_date,
                                           rag=m.Rag(rag), narrative=text, org_id=org,
                                           author=store.user))


def latest_status_updates(store: Store, as_of: date | None = None) -> dict[int, m.StatusUpdate]:
    """Each task's newest status update (on or before ``as_of`` when given)."""
    latest: dict[int, m.StatusUpdate] = {}
    for su in store.all(m.StatusUpdate, order_by="report_date, id"):
        if as_of is None or su.report_date <= as_of:
            latest[su.task_id] = su
    return latest


# -- budget ----------------------------------------------------------------------------------
def _check_budget(line: m.BudgetLine) -> None:
    if not 2000 <= line.year <= 2100:
        raise ValidationError(f"year: {line.year} is out of range")
    _text(line.area, "area", 100)
    _text(line.item, "item", 200)
    for name in ("planned", "executed"):
        value = getattr(line, name)
        if value != value or value < 0:  # NaN or negative
            raise ValidationError(f"{name}: {value} 억원 must be zero or more")
        if value > 1_000_000:
            raise ValidationError(f"{name}: {value:g} 억원 is implausibly large")
    if line.executed > line.planned:
        raise ValidationError(
            f"executed: {line.executed:g} 억원 is more than the planned {line.planned:g} 억원"
        )


def add_budget_line(store: Store, line: m.BudgetLine) -> m.BudgetLine:
    _check_budget(line)
    with store.transaction():
        lines = store.all(m.BudgetLine)
        line = dataclasses.replace(line, id=None, version=1,
                                   sort_order=max((b.sort_order for b in lines), default=-1) + 1)
        return store.insert(line)


def update_budget_line(store: Store, line_id: int, **changes: Any) -> m.BudgetLine:
    with store.transaction():
        line = store.get(m.BudgetLine, line_id)
        new = dataclasses.replace(line, **changes)
        _check_budget(new)
        return line if new == line else store.update(new)


def delete_budget_line(store: Store, line_id: int) -> None:
    with store.transaction():
        store.delete(store.get(m.BudgetLine, line_id))


# -- provisions --------------------------------------------------------------------------
def change_provision_stage(store: Store, provision_id: int, stage: m.ProvisionStage,
                           on: PlanDate, note: str = "") -> m.ProvisionStageChange:
    """Move a provision to ``stage`` on ``on``, recording the change in its history.

    Moving back a stage (e.g. a bill sent back to committee) needs a note saying why; a
    change cannot be dated before the previous one.
    """
    stage = m.ProvisionStage(stage)
    note = _text(note, "note", required=False)
    with store.transaction():
        prov = store.get(m.Provision, provision_id)
        if stage is prov.stage:
            raise ValidationError(f"stage: '{prov.name_ko}' is already at this stage")
        if STAGE_ORDER.index(stage) < STAGE_ORDER.index(prov.stage) and not note:
            raise ValidationError("note: moving a provision back a stage needs a note saying why")
        history = store.stage_changes_of(provision_id)
        last = max((h.on.earliest() for h in history), default=None)
        if prov.stage_date is not None:
            last = max(filter(None, [last, prov.stage_date.earliest()]))
        if last is not None and on.latest() < last:
            raise ValidationError(f"date: {on.label()} is before the previous stage change")
        change = store.insert(m.ProvisionStageChange(provision_id=provision_id, stage=stage,
                                                     on=on, note=note))
        store.update(dataclasses.replace(prov, stage=stage, stage_date=on))
        return change


# -- contacts ----------------------------------------------------------------------------
def _check_contact(c: m.Contact) -> None:
    _text(c.name, "name", rules.MAX_NAME)
    _text(c.position, "position", rules.MAX_NAME, required=False)
    phone = c.phone.strip()
    if phone and not all(ch.isdigit() or ch in "-+() ~/" for ch in phone):
        raise ValidationError(f"phone: '{phone}' may hold only digits, spaces and - + ( ) / ~")
    if c.email.strip() and "@" not in c.email:
        raise ValidationError(f"email: '{c.email}' is not an e-mail address")


def add_contact(store: Store, contact: m.Contact) -> m.Contact:
    _check_contact(contact)
    with store.transaction():
        store.get(m.Organisation, contact.org_id)
        return store.insert(dataclasses.replace(contact, id=None, version=1))


def update_contact(store: Store, contact_id: int, **changes: Any) -> m.Contact:
    with store.transaction():
        contact = store.get(m.Contact, contact_id)
        new = dataclasses.replace(contact, **changes)
        _check_contact(new)
        return contact if new == contact else store.update(new)


def delete_contact(store: Store, contact_id: int) -> None:
    with store.transaction():
        store.delete(store.get(m.Contact, contact_id))


def redact_personal(store: Store) -> bool:
    """Whether printed reports leave out personal names and phone numbers."""
    return store.setting(REDACT_KEY, "0") == "1"


def set_redact_personal(store: Store, redact: bool) -> None:
    store.set_setting(REDACT_KEY, "1" if redact else "0")
