"""Rows the application cannot show: named, so a damaged value is found, not a traceback.

A database edited with another tool (or written by an older version without
today's bounds) can hold a task whose date text does not parse, whose duration
is absurd, or whose name carries control characters. :func:`bad_task_rows`
reads every task row as the views would and lists those that fail, with the
reason, so the command line (and a future repair view) can name them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..domain import model as m
from ..messages import Message, msg, register
from .codec import from_row

if TYPE_CHECKING:
    from .repository import Store

register({
    "health.row": ("tasks #{id} (WBS {wbs}): {reason}", "tasks #{id} (WBS {wbs}): {reason}"),
    "health.summary": ("데이터베이스에 표시할 수 없는 값이 있습니다: {rows}",
                       "the database holds values that cannot be shown: {rows}"),
    "health.more": ("외 {count}건", "and {count} more"),
})


@dataclass(frozen=True)
class BadRow:
    row_id: int
    wbs: str
    reason: str | Message


def bad_task_rows(store: Store, limit: int = 50) -> list[BadRow]:
    """Task rows that cannot be decoded or break the bounds (at most ``limit``)."""
    found: list[BadRow] = []
    cur = store.con.execute("SELECT * FROM tasks ORDER BY id")
    cols = [d[0] for d in cur.description]
    for values in cur:
        row = dict(zip(cols, values))
        try:
            m.validate_task(from_row(m.Task, row))
        except m.ValidationError as exc:
            found.append(BadRow(row["id"], str(row.get("wbs")), exc.message))
        except (ValueError, TypeError, OverflowError) as exc:
            found.append(BadRow(row["id"], str(row.get("wbs")), str(exc)))
        if len(found) >= limit:
            break
    return found


def describe_bad_rows(rows: list[BadRow], shown: int = 3) -> Message:
    parts = [msg("health.row", id=r.row_id, wbs=r.wbs[:20], reason=r.reason)
             for r in rows[:shown]]
    text = "; ".join(p.text() for p in parts)
    if len(rows) > shown:
        text += " " + msg("health.more", count=len(rows) - shown).text()
    return msg("health.summary", rows=text)
