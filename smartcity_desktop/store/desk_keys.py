"""The desk's identity in the ``settings`` table: id, ministry, officer, role, Ed25519 key.

A desk is one database. Its id and key pair are created together on first need
(first change, ``desk`` command, first export) and never change afterwards; the
private key (PEM) never leaves the database. Keys: ``desk.id``, ``desk.ministry``,
``desk.officer_name``, ``desk.officer_position``, ``desk.role``, ``desk.private_key``.
"""

from __future__ import annotations

import base64
import hashlib
import uuid
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from .repository import Store

KEYS = ("id", "ministry", "officer_name", "officer_position", "role", "private_key")


def create_desk(store: Store, role: str = "member") -> str:
    """Make the desk's id and key pair if it has none; return the id.

    Written without audit entries: the private key must not be copied into the audit
    log (which is exported and printed), and a desk's identity is not plan data.
    """
    with store.transaction():
        desk_id = store.setting("desk.id")
        if desk_id:
            return desk_id
        # Imported here: every store user imports this module, few of them sign anything.
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        desk_id = uuid.uuid4().hex[:16]
        pem = Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption()).decode("ascii")
        store.con.executemany(
            "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
            [("desk.private_key", pem), ("desk.id", desk_id)])
        store.con.execute("INSERT OR IGNORE INTO settings (key, value) VALUES ('desk.role', ?)",
                          (role,))
        return desk_id


def private_key(store: Store) -> Ed25519PrivateKey:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    create_desk(store)
    pem = store.setting("desk.private_key").encode("ascii")
    key = serialization.load_pem_private_key(pem, password=None)
    assert isinstance(key, Ed25519PrivateKey)
    return key


def public_key_text(store: Store) -> str:
    """The desk's public key as base64 of its 32 raw bytes."""
    from cryptography.hazmat.primitives import serialization

    raw = private_key(store).public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def fingerprint(public_key_b64: str) -> str:
    """A short, readable fingerprint of a public key (shown on first use)."""
    digest = hashlib.sha256(base64.b64decode(public_key_b64)).hexdigest()[:20]
    return ":".join(digest[i:i + 4] for i in range(0, 20, 4))
