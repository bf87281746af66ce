"""``desk``: show or set this desk (ministry, officer, role) and its key fingerprint."""

from __future__ import annotations

import argparse

from ..app.desk import profile, update_profile
from ..messages import Refusal, set_language
from ..messages import register as register_messages
from .common import CliError, add_db_arg, add_lang_arg, lang_of, open_db

register_messages({
    "cli.desk.show": ("부서 {desk_id}: 기관 {ministry}, 담당 {name} {position}, 역할 {role}, "
                      "키 지문 {fingerprint}",
                      "desk {desk_id}: ministry {ministry}, officer {name} {position}, "
                      "role {role}, key fingerprint {fingerprint}"),
})


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("desk", help="show or set this desk (ministry, officer, role)",
                       description="Show this desk, or set its ministry, officer and role "
                       "(coordinator = the programme office, member = a ministry desk).")
    add_db_arg(p)
    add_lang_arg(p)
    p.add_argument("--ministry", metavar="CODE", help="organisation code (MOLIT, MSIT, ME, ...)")
    p.add_argument("--name", help="the desk officer's name")
    p.add_argument("--position", help="the desk officer's position")
    p.add_argument("--role", choices=["coordinator", "member"])
    p.set_defaults(func=desk_cmd)




def desk_cmd(args: argparse.Namespace) -> int:
    set_language(lang_of(args))
    store = open_db(args, must_exist=True)
    with store:
        try:
            changes = {k: getattr(args, k) for k in ("ministry", "name", "position", "role")}
            if any(v is not None for v in changes.values()):
                desk = update_profile(store, **changes)
            else:
                desk = profile(store)
        except Refusal as exc:
            raise CliError(str(exc)) from None
    print(Refusal("cli.desk.show", desk_id=desk.desk_id, ministry=desk.ministry or "-",
                  name=desk.officer_name or "-", position=desk.officer_position,
                  role=desk.role, fingerprint=desk.fingerprint).text())
    return 0
