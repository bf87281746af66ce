"""The task table's filter: ministry, city, status, kind, critical only, free text.

A ministry matches the tasks it owns, as the owner column shows; with
``supporting`` it also matches the tasks it only supports.

Recursive: a parent that fails the filter still shows when one of its children
matches, so a match is never shown without its place in the WBS.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel

from .task_model import (
    CityCodeRole,
    CriticalRole,
    KindRole,
    OwnerCodeRole,
    SearchTextRole,
    StatusRole,
)


class TaskFilterProxy(QSortFilterProxyModel):
    """Recursive filter: ministry, city, status, kind, critical only, free text."""

    KEYS = ("ministry", "supporting", "city", "status", "kind", "critical", "text")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.criteria: dict[str, Any] = {}

    def set_filter(self, criteria: dict[str, Any]) -> None:
        """Replace the filter; empty values and unknown keys are ignored."""
        clean = {k: v for k, v in criteria.items() if k in self.KEYS and v not in (None, "", False)}
        if "text" in clean:
            clean["text"] = str(clean["text"]).casefold().strip()
            if not clean["text"]:
                del clean["text"]
        if "ministry" not in clean:  # "including supporting" qualifies a ministry only
            clean.pop("supporting", None)
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9
            self.beginFilterChange()
            self.criteria = clean
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.criteria = clean
            self.invalidateRowsFilter()

    def update_filter(self, **changes: Any) -> None:
        merged = dict(self.criteria)
        merged.update(changes)
        self.set_filter(merged)

    def is_active(self) -> bool:
        return bool(self.criteria)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # noqa: N802
        if not self.criteria:
            return True
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        c = self.criteria
        if "ministry" in c and not self._ministry_matches(model, index, c["ministry"],
                                                          bool(c.get("supporting"))):
            return False
        if "city" in c and model.data(index, CityCodeRole) != c["city"]:
            return False
        if "status" in c and model.data(index, StatusRole) != c["status"]:
            return False
        if "kind" in c and model.data(index, KindRole) != c["kind"]:
            return False
        if c.get("critical") and not model.data(index, CriticalRole):
            return False
        if "text" in c and c["text"] not in model.data(index, SearchTextRole):
            return False
        return True

    @staticmethod
    def _ministry_matches(model: Any, index: QModelIndex, code: str, supporting: bool) -> bool:
        if supporting:
            return code in model.data(index, OwnerCodeRole)
        task = model.task(model.task_id(index))
        owner = next((o for o in model.organisations()
                      if task is not None and o.id == task.owner_org_id), None)
        return owner is not None and owner.code == code
