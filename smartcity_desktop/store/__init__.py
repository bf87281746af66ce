"""SQLite storage through sqlite-utils: migrations, repository, audit log, backups. No Qt here."""

from .errors import (
    ConflictError,
    CorruptDatabaseError,
    IntegrityViolation,
    NewerSchemaError,
    NotADatabaseError,
    NotFoundError,
    StoreError,
)
from .repository import Store, open_store

__all__ = [
    "ConflictError",
    "CorruptDatabaseError",
    "IntegrityViolation",
    "NewerSchemaError",
    "NotADatabaseError",
    "NotFoundError",
    "Store",
    "StoreError",
    "open_store",
]
