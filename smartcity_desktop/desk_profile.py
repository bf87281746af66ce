"""The desk's own profile: which organisation this database belongs to and who keeps it.

Stored in the database ``settings`` table (so it travels with the file and is
audited like any edit) under four keys shared with the exchange:

* ``desk.ministry`` - organisation code, e.g. ``MOLIT``;
* ``desk.officer_name`` and ``desk.officer_position`` - the officer keeping the file;
* ``desk.role`` - ``coordinator`` (collects the others' returns) or ``member``.

:func:`read_profile` and :func:`write_profile` are the one way in; the first-start
dialog, the desk-settings dialog and the exchange's ``desk`` command all use them.
A refused profile raises :class:`~smartcity_desktop.domain.model.ValidationError`
and writes nothing. No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass

from .domain import model as m
from .messages import msg, register
from .store import Store

KEY_MINISTRY = "desk.ministry"
KEY_OFFICER_NAME = "desk.officer_name"
KEY_OFFICER_POSITION = "desk.officer_position"
KEY_ROLE = "desk.role"
ROLES = ("coordinator", "member")
DEFAULT_ROLE = "member"
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
    ministry: str = ""
    officer_name: str = ""
    officer_position: str = ""
    role: str = DEFAULT_ROLE

    @property
    def is_complete(self) -> bool:
        """Organisation and officer name chosen (the position may stay empty)."""
        return bool(self.ministry and self.officer_name)


def read_profile(store: Store) -> DeskProfile:
    """The stored profile; keys never written read as empty (role: ``member``)."""
    role = store.setting(KEY_ROLE, DEFAULT_ROLE)
    return DeskProfile(
        ministry=store.setting(KEY_MINISTRY, ""),
        officer_name=store.setting(KEY_OFFICER_NAME, ""),
        officer_position=store.setting(KEY_OFFICER_POSITION, ""),
        role=role if role in ROLES else DEFAULT_ROLE,
    )


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


def validate_profile(store: Store, profile: DeskProfile) -> DeskProfile:
    """The profile cleaned (codes upper-cased, text stripped), or a ValidationError."""
    code = (profile.ministry or "").strip().upper()
    allowed = [o.code for o in desk_organisations(store)]
    if code not in allowed:
        raise m.ValidationError("desk.unknown_org", code=profile.ministry, codes=", ".join(allowed))
    role = (profile.role or DEFAULT_ROLE).strip().lower()
    if role not in ROLES:
        raise m.ValidationError("desk.bad_role", role=profile.role)
    return DeskProfile(
        ministry=code,
        officer_name=_clean_text(profile.officer_name, "desk.field.name", required=True),
        officer_position=_clean_text(profile.officer_position, "desk.field.position",
                                     required=False),
        role=role,
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
