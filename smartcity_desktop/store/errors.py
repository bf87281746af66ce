"""The store's error types: each carries a message fit to show a desk officer."""

from __future__ import annotations

from pathlib import Path

from ..messages import Refusal, register


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


class FieldConflictError(ConflictError):
    """Fields someone else changed since the user saw them; both sides are kept here."""

    def __init__(self, table: str, row_id: object, theirs: dict, mine: dict, by: str,
                 at: str) -> None:
        self.table, self.row_id = table, row_id
        self.theirs, self.mine, self.by, self.at = theirs, mine, by, at
        fields = ", ".join(f"{k}: {theirs[k]!s} / {mine[k]!s}" for k in theirs)
        super().__init__("store.field_conflict", by=by or "?", at=at or "?", fields=fields)


register({
    "store.not_found": ("{table} #{id} 항목이 없습니다 (다른 곳에서 삭제되었을 수 있습니다)",
                        "{table} #{id} does not exist (deleted elsewhere?)"),
    "store.locked": ("다른 프로그램이 이 데이터베이스에 쓰는 중입니다. 잠시 후 다시 시도하십시오",
                     "another program is writing to this database; try again in a moment"),
    "store.io_error": ("데이터베이스를 읽거나 쓸 수 없습니다: {detail}",
                       "the database cannot be read or written: {detail}"),
    "store.field_conflict": (
        "그사이 {by}님이 {at}에 변경했습니다 (저장된 값 / 입력한 값 — {fields})",
        "changed meanwhile by {by} at {at} (stored / yours — {fields})"),
    "store.stale_row": (
        "{table} #{id}: 그사이 다른 곳에서 변경되어 되돌리거나 다시 실행할 수 없습니다",
        "{table} #{id} was changed elsewhere since this edit; it cannot be undone or redone"),
    "store.undo_children": (
        "{table} #{id}: 그사이 다른 곳에서 이 항목 아래에 {count}건이 추가되어 추가를 되돌릴 수 "
        "없습니다", "{table} #{id}: {count} row(s) were added under it elsewhere since; "
        "undoing its insertion would delete them"),
})
