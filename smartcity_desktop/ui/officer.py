"""The desk officer's profile: who ticks checklist items and who signs off, and on what day.

The profile is the desk settings in the database (``desk.officer_name``,
``desk.officer_position``, ``desk.ministry``; the exchange packages read the
same keys), edited in Preferences. A tick records the officer as "name
(position)" (the login name only while no name is set) and is dated by
:func:`~..domain.checklists.tick_day`: the status date when it is already past,
else today. Exact days in the checklist are shown one way, ``YYYY-MM-DD``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication

from ..domain import checklists as rules
from ..domain.dates import PlanDate
from ..store import Store

NAME_KEY, POSITION_KEY, MINISTRY_KEY = "desk.officer_name", "desk.officer_position", "desk.ministry"
translate = QCoreApplication.translate


@dataclass(frozen=True)
class Officer:
    name: str = ""
    position: str = ""
    ministry: str = ""  # organisation code, e.g. MOLIT

    def signature(self, fallback: str = "") -> str:
        """"name (position)" as recorded on a tick; ``fallback`` while no name is set."""
        if not self.name:
            return fallback
        return f"{self.name} ({self.position})" if self.position else self.name


def officer(store: Store) -> Officer:
    return Officer(store.setting(NAME_KEY).strip(), store.setting(POSITION_KEY).strip(),
                   store.setting(MINISTRY_KEY).strip())


def set_officer(store: Store, profile: Officer) -> None:
    """Store the profile (one transaction; unchanged keys are not rewritten)."""
    with store.transaction():
        for key, value in ((NAME_KEY, profile.name), (POSITION_KEY, profile.position),
                           (MINISTRY_KEY, profile.ministry)):
            if store.setting(key) != value.strip():
                store.set_setting(key, value.strip())


def tick_day(store: Store, today: date | None = None) -> date:
    return rules.tick_day(store.project().status_date, today or date.today())


def tick_note(store: Store, today: date | None = None) -> str:
    """One line saying who a tick is recorded as and on which day, and why that day."""
    today = today or date.today()
    day = tick_day(store, today)
    who = officer(store).signature() or translate(
        "Officer", "{0} (set your name in Preferences)").format(store.user)
    why = translate("Officer", "the status date") if day != today else \
        translate("Officer", "today")
    return translate("Officer", "Ticks are recorded as {0} on {1} ({2})").format(
        who, day.isoformat(), why)


def day_text(value: date | str | PlanDate | None, lang: str = "ko") -> str:
    """A checklist date in the one form: YYYY-MM-DD (an imprecise plan date as written)."""
    if value is None or value == "":
        return ""
    if isinstance(value, PlanDate):
        return value.earliest().isoformat() if value.is_exact else value.label(lang)
    if isinstance(value, date):
        return value.isoformat()
    try:
        return datetime.fromisoformat(value).date().isoformat()
    except ValueError:
        return value
