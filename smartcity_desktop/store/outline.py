"""Store reads the outline edits need (SQL stays in store/)."""

from __future__ import annotations

from .repository import Store


def write_state(store: Store) -> tuple[int, int]:
    """(rows changed on this connection, the file's data version for other connections):
    two equal values mean nothing was written in between, so a check can be reused."""
    version = store.con.execute("PRAGMA data_version").fetchone()[0]
    return store.con.total_changes, int(version)
