"""A parsed import waiting to land, held on disk: a private temporary SQLite database.

An importer reads files of up to 100,000 tasks. Held as Python objects a parsed
task takes about a kilobyte, fifty times its line in a dense CSV. Here each
parsed task is one row (its task columns, encoded as the ``tasks`` table holds
them, beside what the file said about it: its key, its parent's key, its line,
its organisations), each link one row, and the checks an import needs
(repeated keys, parents after their children, links to unknown tasks, the
outline order, the figures the schedule bound needs) are queries.

The database is SQLite's private temporary one (an empty file name): it lives
in the system's temp folder, spills to disk past a small page cache and is
deleted when closed. No file of the user's is touched. Rows are addressed by
``ord``, the task's place in outline order (parents first); ``pos`` is the order
the file gave.
"""

from __future__ import annotations

import marshal
import sqlite3
from array import array
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from ..domain import model as m
from ..messages import register
from .codec import field_names
from .errors import StoreError

register({"store.stage_failed": ("가져올 내용을 임시 파일에 담을 수 없습니다 ({detail})",
                                 "cannot hold the import in a temporary file ({detail})")})

META_COLUMNS = ("key", "parent_key", "line", "anchor", "limit_day", "owner", "supporting",
                "city_code", "baselines")
TASK_COLUMNS = tuple(c for c in field_names(m.Task) if c != "id")
LINK_COLUMNS = ("pred", "succ", "type", "lag", "line")
# The task columns travel as one marshal blob (the fastest stdlib encoding of a tuple of
# plain values; a private file of this process, read back by the same Python). The three
# the checks query are columns too; ``kind`` there wins (a parent may become a summary).
_KIND, _WBS, _DAYS = (TASK_COLUMNS.index(c) for c in ("kind", "wbs", "duration_days"))
NONE = -1  # in the position arrays: no such task
FETCH = 1000


class _Guarded:
    """The stage's connection: a failure of SQLite's (the temp folder full or unwritable)
    becomes the caller's refusal, never a traceback."""

    def __init__(self, fail: Callable[[str], Exception]) -> None:
        self.fail = fail
        with self.guard():
            # Used by the thread that parses, then by the one that lands, never both at once.
            self.raw = sqlite3.connect("", check_same_thread=False)

    @contextmanager
    def guard(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            raise self.fail(str(exc)) from None

    def execute(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        with self.guard():
            return self.raw.execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Any]) -> None:
        with self.guard():
            self.raw.executemany(sql, rows)

    def executescript(self, sql: str) -> None:
        with self.guard():
            self.raw.executescript(sql)

    def close(self) -> None:
        self.raw.close()


def _stage_failed(detail: str) -> Exception:
    return StoreError("store.stage_failed", detail=detail)


class ImportStage:
    """One import's parsed tasks and links, appended in file order, then checked and read.

    ``fail`` makes the refusal raised when SQLite fails (by default a
    :class:`StoreError`; importers pass one of their own)."""

    def __init__(self, fail: Callable[[str], Exception] = _stage_failed) -> None:
        self.con = _Guarded(fail)
        # scratch: nothing to keep if the process dies, so no journal and no syncing
        self.con.executescript(
            "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
            "CREATE TABLE tasks (pos INTEGER PRIMARY KEY, ord INTEGER NOT NULL, "
            + ", ".join(META_COLUMNS) + ", kind, wbs, days, data);"
            "CREATE TABLE links (pos INTEGER PRIMARY KEY, "
            + ", ".join(LINK_COLUMNS) + ");")
        self.tasks = 0
        self.links = 0
        self._indexed = False

    def close(self) -> None:
        self.con.close()

    # -- filling ---------------------------------------------------------------------------
    def add_tasks(self, rows: list[tuple[Any, ...]]) -> None:
        """Rows of :data:`META_COLUMNS` then :data:`TASK_COLUMNS` values, in file order."""
        first = self.tasks
        cols = ("pos", "ord", *META_COLUMNS, "kind", "wbs", "days", "data")
        meta = len(META_COLUMNS)
        self.con.executemany(
            f"INSERT INTO tasks ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
            ((first + i, first + i, *row[:meta], row[meta + _KIND], row[meta + _WBS],
              row[meta + _DAYS], marshal.dumps(row[meta:])) for i, row in enumerate(rows)))
        self.tasks += len(rows)
        self._indexed = False

    def add_links(self, rows: list[tuple[Any, ...]]) -> None:
        """Rows of :data:`LINK_COLUMNS` values, in file order."""
        first = self.links
        cols = ("pos", *LINK_COLUMNS)
        self.con.executemany(
            f"INSERT INTO links ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
            ((first + i, *row) for i, row in enumerate(rows)))
        self.links += len(rows)
        self._indexed = False

    def _index(self) -> None:
        """Indexes made once the rows are in (cheaper than keeping them while filling)."""
        if not self._indexed:
            self.con.executescript(
                "CREATE INDEX IF NOT EXISTS tasks_key ON tasks(key);"
                "CREATE INDEX IF NOT EXISTS tasks_wbs ON tasks(wbs);"
                "CREATE UNIQUE INDEX IF NOT EXISTS tasks_ord ON tasks(ord);"
                "CREATE INDEX IF NOT EXISTS links_pair ON links(pred, succ);")
            self._indexed = True

    def _query(self, sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
        self._index()
        with self.con.guard():
            return self.con.execute(sql, params).fetchall()

    # -- reading ---------------------------------------------------------------------------
    def task_rows(self, start: int = 0, stop: int | None = None) -> Iterator[tuple[Any, ...]]:
        """(ord, parent's ord or None, meta..., task columns...) in outline order."""
        self._index()
        stop = self.tasks if stop is None else stop
        sql = ("SELECT t.ord, p.ord, " + ", ".join(f"t.{c}" for c in META_COLUMNS)
               + ", t.kind, t.data FROM tasks t LEFT JOIN tasks p ON p.key = t.parent_key"
               " WHERE t.ord >= ? AND t.ord < ? ORDER BY t.ord")
        loads, at = marshal.loads, 2 + len(META_COLUMNS)
        for row in self._batches(sql, (start, stop)):
            values = loads(row[at + 1])
            yield (*row[:at], *values[:_KIND], row[at], *values[_KIND + 1:])

    def link_rows(self, start: int = 0, stop: int | None = None) -> Iterator[tuple[Any, ...]]:
        """(pos, pred, succ, type, lag, line) in file order."""
        stop = self.links if stop is None else stop
        yield from self._batches(
            "SELECT pos, " + ", ".join(LINK_COLUMNS) + " FROM links WHERE pos >= ? AND pos < ? "
            "ORDER BY pos", (start, stop))

    def _batches(self, sql: str, params: Any) -> Iterator[tuple[Any, ...]]:
        # its own cursor, read a batch at a time: the rows are never all in memory
        self._index()
        cursor = self.con.execute(sql, params)
        while True:
            with self.con.guard():
                batch = cursor.fetchmany(FETCH)
            if not batch:
                return
            yield from batch

    def kind_counts(self) -> dict[str, int]:
        return dict(self._query("SELECT kind, count(*) FROM tasks GROUP BY kind"))

    def org_count(self) -> int:
        """Distinct (code, name) organisation references, owners and supporting ones."""
        return int(self._query(
            "SELECT count(*) FROM (SELECT json_extract(owner, '$[0]'), "
            "json_extract(owner, '$[1]') FROM tasks WHERE owner IS NOT NULL UNION "
            "SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') "
            "FROM tasks, json_each(tasks.supporting) WHERE tasks.supporting IS NOT NULL)")[0][0])

    def city_codes(self) -> list[str]:
        return [r[0] for r in self._query(
            "SELECT DISTINCT city_code FROM tasks WHERE city_code <> '' ORDER BY city_code")]

    def min_anchor(self) -> int | None:
        return self._query("SELECT min(anchor) FROM tasks")[0][0]

    def orgs_and_baselines(self) -> Iterator[tuple[int, str | None, str | None, str | None]]:
        """(ord, owner, supporting, baselines) of the tasks naming any, in outline order."""
        self._index()
        yield from self._batches(
            "SELECT ord, owner, supporting, baselines FROM tasks WHERE owner IS NOT NULL "
            "OR supporting IS NOT NULL OR baselines IS NOT NULL ORDER BY ord", ())

    # -- checks ----------------------------------------------------------------------------
    def first_repeat(self, column: str) -> tuple[int, int] | None:
        """(ord of the first row repeating ``key`` or ``wbs``, ord of the row it repeats)."""
        col = {"key": "key", "wbs": "wbs"}[column]  # (only these two: it goes into the SQL)
        # the index finds whether any value repeats; only the rows of those are then ranked
        if not self._query(f"SELECT 1 FROM tasks GROUP BY {col} HAVING count(*) > 1 LIMIT 1"):
            return None
        found = self._query(
            f"SELECT ord, first FROM (SELECT ord, row_number() OVER w AS n, "
            f"first_value(ord) OVER w AS first FROM tasks WHERE {col} IN (SELECT {col} "
            f"FROM tasks GROUP BY {col} HAVING count(*) > 1) WINDOW w AS "
            f"(PARTITION BY {col} ORDER BY ord)) WHERE n = 2 ORDER BY ord LIMIT 1")
        return (found[0][0], found[0][1]) if found else None

    def first_late_parent(self) -> int | None:
        """Ord of the first task whose parent is not a task before it."""
        found = self._query(
            "SELECT t.ord FROM tasks t LEFT JOIN tasks p ON p.key = t.parent_key "
            "WHERE t.parent_key IS NOT NULL AND (p.ord IS NULL OR p.ord >= t.ord) "
            "ORDER BY t.ord LIMIT 1")
        return found[0][0] if found else None

    def first_unknown_end(self) -> tuple[int, str] | None:
        """(link pos, key) of the first link naming a key no task has."""
        found = self._query(
            "SELECT l.pos, CASE WHEN p.key IS NULL THEN l.pred ELSE l.succ END FROM links l "
            "LEFT JOIN tasks p ON p.key = l.pred LEFT JOIN tasks s ON s.key = l.succ "
            "WHERE p.key IS NULL OR s.key IS NULL ORDER BY l.pos LIMIT 1")
        return (found[0][0], found[0][1]) if found else None

    def first_self_link(self) -> int | None:
        found = self._query("SELECT pos FROM links WHERE pred = succ ORDER BY pos LIMIT 1")
        return found[0][0] if found else None

    def first_repeated_link(self) -> int | None:
        found = self._query(
            "SELECT pos FROM (SELECT pos, row_number() OVER (PARTITION BY pred, succ "
            "ORDER BY pos) AS n FROM links) WHERE n = 2 ORDER BY pos LIMIT 1")
        return found[0][0] if found else None

    def link_values(self) -> Iterator[tuple[int, str, int]]:
        """(pos, type, lag) of every link."""
        yield from self._batches("SELECT pos, type, lag FROM links ORDER BY pos", ())

    # -- outline and graph -----------------------------------------------------------------
    def clear_missing_parents(self) -> None:
        """Forget a parent key no task has (a sheet's "1.2" without a row "1")."""
        self._index()
        self.con.execute("UPDATE tasks SET parent_key = NULL WHERE parent_key IS NOT NULL "
                         "AND parent_key NOT IN (SELECT key FROM tasks)")

    def make_parents_summaries(self) -> None:
        """A plain task that has children becomes a summary."""
        self._index()
        self.con.execute("UPDATE tasks SET kind = 'summary' WHERE kind = 'task' AND key "
                         "IN (SELECT parent_key FROM tasks WHERE parent_key IS NOT NULL)")

    def parent_positions(self) -> array:
        """Per task in file order, its parent's file position (:data:`NONE`: top level)."""
        out = array("q", [NONE]) * self.tasks
        for pos, parent in self._query(
                "SELECT t.pos, p.pos FROM tasks t JOIN tasks p ON p.key = t.parent_key"):
            out[pos] = parent
        return out

    def set_order(self, order: Iterable[int]) -> None:
        """``order[k]``: the file position of the task that comes k-th in outline order."""
        self.con.execute("DROP INDEX IF EXISTS tasks_ord")
        self.con.executemany("UPDATE tasks SET ord = ? WHERE pos = ?",
                                 ((k, pos) for k, pos in enumerate(order)))
        self._indexed = False

    def bounds(self, default_start: int) -> tuple[array, array]:
        """Per task in outline order: the day it may start at the earliest (its start, else
        ``default_start``, and not before its constraint's day) and its working days."""
        begin, days = array("i"), array("i")
        for b, d in self._batches(
                "SELECT max(coalesce(anchor, ?), coalesce(limit_day, 0)), days "
                "FROM tasks ORDER BY ord", (default_start,)):
            begin.append(b)
            days.append(d)
        return begin, days

    def graph(self) -> tuple[array, array, array]:
        """(predecessor's ord, successor's ord, lag) per link whose two tasks exist, sorted
        by predecessor."""
        pred, succ, lag = array("i"), array("i"), array("i")
        for p, s, g in self._batches(
                "SELECT p.ord, s.ord, l.lag FROM links l JOIN tasks p ON p.key = l.pred "
                "JOIN tasks s ON s.key = l.succ ORDER BY p.ord, l.pos", ()):
            pred.append(p)
            succ.append(s)
            lag.append(g)
        return pred, succ, lag

    def link_ends(self) -> Iterator[tuple[int, int, str, int]]:
        """(predecessor's ord, successor's ord, type, lag) per link, in file order."""
        yield from self._batches(
            "SELECT p.ord, s.ord, l.type, l.lag FROM links l JOIN tasks p ON p.key = l.pred "
            "JOIN tasks s ON s.key = l.succ ORDER BY l.pos", ())
