"""Named reads the layers above need, so that no SQL text lives outside ``store/``.

:class:`QueryMixin` is mixed into :class:`~.repository.Store`; each method is
one question the application, the views or the importers ask ("the WBS codes
under this parent", "the budget years of this kind"). Adding a question means
adding a method here, not writing a ``where`` string elsewhere.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from ..domain import model as m

if TYPE_CHECKING:
    import sqlite3


class QueryMixin:
    con: sqlite3.Connection

    if TYPE_CHECKING:
        def all(self, cls: Any, where: str | None = None, params: Any = (),
                order_by: str = "id") -> list[Any]: ...

        def count(self, cls: type, where: str | None = None, params: Any = ()) -> int: ...

    # -- outline ----------------------------------------------------------------------------
    def org_ids(self) -> set[int]:
        return {row[0] for row in self.con.execute("SELECT id FROM organisations")}

    def child_wbs_codes(self, project_id: int, parent_id: int | None) -> list[str]:
        """The WBS codes directly under ``parent_id`` (top level when None)."""
        if parent_id is None:
            rows = self.con.execute(
                "SELECT wbs FROM tasks WHERE project_id = ? AND parent_id IS NULL", (project_id,))
        else:
            rows = self.con.execute("SELECT wbs FROM tasks WHERE parent_id = ?", (parent_id,))
        return [r[0] for r in rows]

    def wbs_codes(self, project_id: int) -> set[str]:
        return {r[0] for r in self.con.execute(
            "SELECT wbs FROM tasks WHERE project_id = ?", (project_id,))}

    def subtree_end(self, task_id: int) -> int | None:
        """The largest sort_order in a task's subtree (None if the task is gone)."""
        row = self.con.execute(
            """WITH RECURSIVE sub(id, sort_order) AS (
                   SELECT id, sort_order FROM tasks WHERE id = ?
                   UNION ALL
                   SELECT t.id, t.sort_order FROM tasks t JOIN sub ON t.parent_id = sub.id)
               SELECT max(sort_order) FROM sub""", (task_id,)).fetchone()
        return None if row[0] is None else int(row[0])

    def next_sort_order(self) -> int:
        row = self.con.execute("SELECT coalesce(max(sort_order), -1) + 1 FROM tasks").fetchone()
        return int(row[0])

    def tasks_from_position(self, position: int) -> list[m.Task]:
        """Tasks at or after ``position`` in outline order, last first (for shifting down)."""
        return self.all(m.Task, "sort_order >= ?", (position,), order_by="sort_order DESC")

    def children_of(self, task_id: int) -> list[m.Task]:
        return self.all(m.Task, "parent_id = ?", (task_id,), order_by="sort_order, id")

    # -- links ---------------------------------------------------------------------------------
    def link_exists(self, predecessor_id: int, successor_id: int) -> bool:
        return bool(self.count(m.Dependency, "predecessor_id = ? AND successor_id = ?",
                               (predecessor_id, successor_id)))

    def predecessors_of(self, task_id: int) -> list[m.Dependency]:
        return self.all(m.Dependency, "successor_id = ?", (task_id,))

    # -- project ------------------------------------------------------------------------------
    def calendar_exceptions_on(self, project_id: int, day: date) -> list[m.CalendarException]:
        return self.all(m.CalendarException, "project_id = ? AND day = ?",
                        (project_id, day.isoformat()))

    def calendar_days(self, project_id: int) -> set[str]:
        return {r[0] for r in self.con.execute(
            "SELECT day FROM calendar_exceptions WHERE project_id = ?", (project_id,))}

    def baseline_exists(self, project_id: int, name: str) -> bool:
        return bool(self.count(m.Baseline, "project_id = ? AND name = ?", (project_id, name)))

    def baseline_names(self, project_id: int) -> set[str]:
        return {r[0] for r in self.con.execute(
            "SELECT name FROM baselines WHERE project_id = ?", (project_id,))}

    def newest_baseline(self) -> m.Baseline | None:
        found = self.all(m.Baseline, order_by="created_at DESC, id DESC")
        return found[0] if found else None

    def baselines_of(self, project_id: int) -> list[m.Baseline]:
        return self.all(m.Baseline, "project_id = ?", (project_id,), order_by="created_at, id")

    def baseline_rows(self, baseline_id: int) -> list[m.BaselineTask]:
        return self.all(m.BaselineTask, "baseline_id = ?", (baseline_id,))

    # -- per-task children ---------------------------------------------------------------------
    def status_updates_of(self, task_id: int) -> list[m.StatusUpdate]:
        return self.all(m.StatusUpdate, "task_id = ?", (task_id,), order_by="report_date, id")

    def signoffs_of(self, task_id: int) -> list[m.Signoff]:
        return self.all(m.Signoff, "task_id = ?", (task_id,))

    def meeting_entries(self, series_id: int) -> list[m.ChecklistItem]:
        return self.all(m.ChecklistItem, "meeting_series_id = ?", (series_id,))

    def stage_changes_of(self, provision_id: int) -> list[m.ProvisionStageChange]:
        return self.all(m.ProvisionStageChange, "provision_id = ?", (provision_id,))

    def count_children(self, task_id: int) -> int:
        return self.count(m.Task, "parent_id = ?", (task_id,))

    def row_exists(self, table: str, row_id: int) -> bool:
        return self.con.execute(f"SELECT 1 FROM [{table}] WHERE id = ?",
                                (row_id,)).fetchone() is not None

    def calendar_exceptions_of(self, project_id: int) -> list[m.CalendarException]:
        return self.all(m.CalendarException, "project_id = ?", (project_id,), order_by="day")

    def project_ids(self) -> list[int]:
        return [r[0] for r in self.con.execute("SELECT id FROM projects ORDER BY id")]

    # -- whole tables (backups, restores) -------------------------------------------------
    def table_names(self) -> list[str]:
        """User tables in creation order (parents before children)."""
        cur = self.con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY rowid")
        return [r[0] for r in cur]

    def table_rows(self, table: str) -> list[dict[str, Any]]:
        """Every row of a table as a dict, in id (else rowid) order."""
        cur = self.con.execute(f"SELECT * FROM [{table}] LIMIT 0")
        order = "id" if any(d[0] == "id" for d in cur.description) else "rowid"
        cur = self.con.execute(f"SELECT * FROM [{table}] ORDER BY {order}")
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r)) for r in cur.fetchall()]

    def insert_raw_rows(self, table: str, rows: list[dict[str, Any]]) -> None:
        """Copy rows in as they are (a restore into a new file: not an edit, not audited).

        Foreign keys are checked at COMMIT, so parents and children may come in any order.
        """
        self.con.execute("PRAGMA defer_foreign_keys = ON")
        for row in rows:
            cols = ", ".join(f"[{c}]" for c in row)
            marks = ", ".join("?" for _ in row)
            self.con.execute(f"INSERT INTO [{table}] ({cols}) VALUES ({marks})",
                             tuple(row.values()))

    # -- money ----------------------------------------------------------------------------------
    def budget_kinds(self) -> list[str]:
        return [r[0] for r in self.con.execute(
            "SELECT DISTINCT kind FROM budget_lines ORDER BY kind")]

    def budget_years(self, kind: str) -> list[int]:
        return [r[0] for r in self.con.execute(
            "SELECT DISTINCT year FROM budget_lines WHERE kind = ? ORDER BY year", (kind,))]

    def budget_lines(self, kind: str | None = None, year: int | None = None
                     ) -> list[m.BudgetLine]:
        where, params = [], []
        if kind is not None:
            where.append("kind = ?")
            params.append(kind)
        if year is not None:
            where.append("year = ?")
            params.append(year)
        return self.all(m.BudgetLine, " AND ".join(where) or None, params,
                        order_by="year, sort_order, id")
