"""The desk profile: this database's id, organisation, officer and role (Qt-free, one module).

Stored in the database ``settings`` table (so it travels with the file and is audited
like any edit) under keys shared with the exchange (``store.desk_keys``):

* ``desk.id`` and the Ed25519 key pair - created with the desk, never changed;
* ``desk.ministry`` - organisation code, e.g. ``MOLIT``;
* ``desk.officer_name`` and ``desk.officer_position`` - the officer keeping the file;
* ``desk.role`` - ``coordinator`` (the programme office, collects the returns) or ``member``.

:func:`read_profile` reads the editable part (the first-start and desk-settings
dialogs); :func:`profile` the whole desk, creating its id and keys on first use (the
exchange). :func:`write_profile` stores a whole profile (the dialogs), and
:func:`update_profile` any of its fields (the ``desk`` command); both apply the same
rules and raise :class:`~smartcity_desktop.domain.model.ValidationError` with nothing
written when they refuse.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain import model as m
from ..domain.merge import MEMBER, ROLES
from ..messages import msg, register
from ..store import Store
from ..store.desk_keys import create_desk, fingerprint, public_key_text

KEY_MINISTRY = "desk.ministry"
KEY_OFFICER_NAME = "desk.officer_name"
KEY_OFFICER_POSITION = "desk.officer_position"
KEY_ROLE = "desk.role"
DEFAULT_ROLE = MEMBER
MAX_TEXT = 80
# Organisations that keep a desk (not people or the alliance as a whole).
DESK_KINDS = (m.OrgKind.MINISTRY, m.OrgKind.COMMITTEE, m.OrgKind.IMPLEMENTER,
              m.OrgKind.LOCAL_GOVERNMENT, m.OrgKind.AGENCY)

register({
    "desk.unknown_org": ("알 수 없는 기관 코드 '{code}': {codes} 중 하나를 쓰십시오",
                         "unknown organisation code '{code}'; use one of: {codes}"),
    "desk.bad_role": ("역할은 coordinator(취합) 또는 member(참여)여야 합니다: '{role}'",
                      "role must be coordinator or member, not '{role}'"),
    "desk.empty": ("{field}을(를) 입력하십시오", "{field} is required"),
    "desk.too_long": ("{field}은(는) {limit}자 이하여야 합니다",
                      "{field} must be at most {limit} characters"),
    "desk.one_line": ("{field}에는 줄바꿈을 쓸 수 없습니다", "{field} must be one line"),
    "desk.field.name": ("담당자 이름", "officer name"),
    "desk.field.position": ("직위", "position"),
})


@dataclass(frozen=True)
class DeskProfile:
    """The desk as stored; ``desk_id``/``public_key`` are empty when read for editing."""

    ministry: str = ""
    officer_name: str = ""
    officer_position: str = ""
    role: str = DEFAULT_ROLE
    desk_id: str = ""
    public_key: str = ""

    @property
    def is_complete(self) -> bool:
        """Organisation and officer name chosen (the position may stay empty)."""
        return bool(self.ministry and self.officer_name)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)

    def manifest(self) -> dict[str, str]:
        return {"desk_id": self.desk_id, "ministry": self.ministry, "role": self.role,
                "officer": self.officer_name, "position": self.officer_position,
                "public_key": self.public_key}


def read_profile(store: Store) -> DeskProfile:
    """The stored profile; keys never written read as empty (role: ``member``)."""
    role = store.setting(KEY_ROLE, DEFAULT_ROLE)
    return DeskProfile(
        ministry=store.setting(KEY_MINISTRY, "") or "",
        officer_name=store.setting(KEY_OFFICER_NAME, "") or "",
        officer_position=store.setting(KEY_OFFICER_POSITION, "") or "",
        role=role if role in ROLES else DEFAULT_ROLE,
    )


def profile(store: Store) -> DeskProfile:
    """This desk's whole profile, creating its id and key pair on first use."""
    desk_id = create_desk(store)
    editable = read_profile(store)
    return DeskProfile(editable.ministry, editable.officer_name, editable.officer_position,
                       editable.role, desk_id, public_key_text(store))


def desk_organisations(store: Store) -> list[m.Organisation]:
    """Organisations a desk can belong to, in the seed's order."""
    return [o for o in store.organisations() if o.kind in DESK_KINDS]


def _clean_text(value: str, field_id: str, *, required: bool) -> str:
    text = (value or "").strip()
    field = msg(field_id)
    if "\n" in text or "\r" in text:
        raise m.ValidationError("desk.one_line", field=field)
    if required and not text:
        raise m.ValidationError("desk.empty", field=field)
    if len(text) > MAX_TEXT:
        raise m.ValidationError("desk.too_long", field=field, limit=MAX_TEXT)
    return text


def _clean_ministry(store: Store, code: str) -> str:
    allowed = [o.code for o in desk_organisations(store)]
    match = next((c for c in allowed if c.casefold() == (code or "").strip().casefold()), None)
    if match is None:
        raise m.ValidationError("desk.unknown_org", code=code, codes=", ".join(allowed))
    return match


def _clean_role(role: str) -> str:
    clean = (role or DEFAULT_ROLE).strip().lower()
    if clean not in ROLES:
        raise m.ValidationError("desk.bad_role", role=role)
    return clean


def validate_profile(store: Store, profile: DeskProfile) -> DeskProfile:
    """The profile cleaned (codes as the seed spells them, text stripped), or a refusal."""
    return DeskProfile(
        ministry=_clean_ministry(store, profile.ministry),
        officer_name=_clean_text(profile.officer_name, "desk.field.name", required=True),
        officer_position=_clean_text(profile.officer_position, "desk.field.position",
                                     required=False),
        role=_clean_role(profile.role),
    )


def write_profile(store: Store, profile: DeskProfile) -> DeskProfile:
    """Validate, then store all four keys in one transaction; returns what was stored."""
    clean = validate_profile(store, profile)
    with store.transaction():
        store.set_setting(KEY_MINISTRY, clean.ministry)
        store.set_setting(KEY_OFFICER_NAME, clean.officer_name)
        store.set_setting(KEY_OFFICER_POSITION, clean.officer_position)
        store.set_setting(KEY_ROLE, clean.role)
    return clean


def update_profile(store: Store, *, ministry: str | None = None, name: str | None = None,
                   position: str | None = None, role: str | None = None) -> DeskProfile:
    """Set any of the desk's fields (the same rules as :func:`write_profile`), one
    transaction; returns the whole profile."""
    changes: dict[str, str] = {}
    if ministry is not None:
        changes[KEY_MINISTRY] = _clean_ministry(store, ministry)
    if name is not None:
        changes[KEY_OFFICER_NAME] = _clean_text(name, "desk.field.name", required=True)
    if position is not None:
        changes[KEY_OFFICER_POSITION] = _clean_text(position, "desk.field.position",
                                                    required=False)
    if role is not None:
        changes[KEY_ROLE] = _clean_role(role)
    with store.transaction():
        for key, value in changes.items():
            store.set_setting(key, value)
        return profile(store)
