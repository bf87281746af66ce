"""The desk profile: this database's id, ministry, officer and role (Qt-free accessor).

Settings keys ``desk.*`` (see ``store.desk_keys``). The id and Ed25519 key pair are
created with the desk and never change; the rest can be set by the ``desk`` command
or the first-start dialog.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.merge import ROLES
from ..messages import Refusal, register
from ..store import Store
from ..store.desk_keys import create_desk, fingerprint, public_key_text

register({
    "desk.role.bad": ("역할은 coordinator(총괄) 또는 member(참여) 중 하나입니다: {role}",
                      "the role is coordinator or member, not {role}"),
    "desk.ministry.bad": ("알 수 없는 기관 코드입니다: {code} (사용 가능: {codes})",
                          "unknown organisation code {code} (use one of: {codes})"),
})


@dataclass(frozen=True)
class DeskProfile:
    desk_id: str
    ministry: str
    officer_name: str
    officer_position: str
    role: str
    public_key: str

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)

    def manifest(self) -> dict[str, str]:
        return {"desk_id": self.desk_id, "ministry": self.ministry, "role": self.role,
                "officer": self.officer_name, "position": self.officer_position,
                "public_key": self.public_key}


def profile(store: Store) -> DeskProfile:
    """This desk's profile, creating its id and key pair on first use."""
    desk_id = create_desk(store)
    return DeskProfile(desk_id, store.setting("desk.ministry"), store.setting("desk.officer_name"),
                       store.setting("desk.officer_position"),
                       store.setting("desk.role", "member") or "member", public_key_text(store))


def update_profile(store: Store, *, ministry: str | None = None, name: str | None = None,
                   position: str | None = None, role: str | None = None) -> DeskProfile:
    """Set any of the desk's fields in one transaction (audited settings writes)."""
    if role is not None and role not in ROLES:
        raise Refusal("desk.role.bad", role=role)
    with store.transaction():
        if ministry is not None:
            codes = [o.code for o in store.organisations()]
            match = next((c for c in codes if c.casefold() == ministry.strip().casefold()), None)
            if match is None:
                raise Refusal("desk.ministry.bad", code=ministry, codes=", ".join(codes))
            store.set_setting("desk.ministry", match)
        for key, value in (("officer_name", name), ("officer_position", position),
                           ("role", role)):
            if value is not None:
                store.set_setting(f"desk.{key}", value.strip())
        return profile(store)
