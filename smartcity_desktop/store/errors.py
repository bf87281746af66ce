"""The store's error types: each carries a message fit to show a desk officer."""

from __future__ import annotations

from pathlib import Path

from ..messages import Refusal


class StoreError(Refusal):
    """Base of every refusal the store makes; ``str()`` is a one-line message."""


class NotADatabaseError(StoreError):
    pass


class NewerSchemaError(StoreError):
    pass


class CorruptDatabaseError(StoreError):
    def __init__(self, message: str, newest_good_backup: Path | None = None) -> None:
        super().__init__(message)
        self.newest_good_backup = newest_good_backup


class ConflictError(StoreError):
    """An update or delete based on a row version someone else has changed since."""


class NotFoundError(StoreError):
    pass


class IntegrityViolation(StoreError):
    """A write the schema refuses (duplicate WBS, dangling reference); nothing was written."""
