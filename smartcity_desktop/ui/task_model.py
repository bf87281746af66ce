"""The WBS tree model over the in-memory plan model.

:class:`TaskTreeModel` is a ``QAbstractItemModel`` whose rows are the project's
tasks (parent/child as in the WBS) and whose columns are WBS, name, owner
ministry, city, start, finish, duration, % complete, status and float. It holds
no copy of the plan: tasks, outline, schedule and statuses are read from
:class:`~smartcity_desktop.app.plan.PlanModel`. After a commit it emits
``dataChanged`` for the rows the plan says changed, and re-lays out only when
the outline changed (keeping expanded rows and the selection). In-place edits
become :mod:`~smartcity_desktop.app.task_edits` functions run through
``EditService``, so they are undoable and conflict-checked per field.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QMessageBox, QWidget

from ..app import task_edits
from ..app.plan import PlanDelta, PlanModel, Scheduled
from ..domain import model as m
from ..domain import task_fields as tf
from ..domain.dates import DateParseError, PlanDate, parse_plan_date
from ..domain.workdays import duration_label, exact_minutes
from .context import AppContext
from .edits import perform

log = logging.getLogger(__name__)

(COL_WBS, COL_NAME, COL_OWNER, COL_CITY, COL_START, COL_FINISH, COL_DURATION, COL_PERCENT,
 COL_STATUS, COL_FLOAT) = range(10)
_READ_ONLY_COLUMNS = frozenset((COL_STATUS, COL_FLOAT))
_SUMMARY_READ_ONLY = frozenset((COL_START, COL_FINISH, COL_DURATION, COL_PERCENT))
RIGHT_ALIGNED = frozenset((COL_DURATION, COL_PERCENT, COL_FLOAT))  # numbers
COLUMN_TITLES = [
    QT_TRANSLATE_NOOP("TaskTreeModel", "WBS"), QT_TRANSLATE_NOOP("TaskTreeModel", "Name"),
    QT_TRANSLATE_NOOP("TaskTreeModel", "Owner"), QT_TRANSLATE_NOOP("TaskTreeModel", "City"),
    QT_TRANSLATE_NOOP("TaskTreeModel", "Start"), QT_TRANSLATE_NOOP("TaskTreeModel", "Finish"),
    QT_TRANSLATE_NOOP("TaskTreeModel", "Duration"), QT_TRANSLATE_NOOP("TaskTreeModel", "% done"),
    QT_TRANSLATE_NOOP("TaskTreeModel", "Status"), QT_TRANSLATE_NOOP("TaskTreeModel", "Float")]
#: the declared fields (domain/task_fields) follow the built-in columns
DECLARED_COLUMNS = tf.table_fields()
FIRST_DECLARED = len(COLUMN_TITLES)
TaskIdRole = Qt.ItemDataRole.UserRole + 1
OwnerCodeRole = Qt.ItemDataRole.UserRole + 2
CityCodeRole = Qt.ItemDataRole.UserRole + 3
StatusRole = Qt.ItemDataRole.UserRole + 4
CriticalRole = Qt.ItemDataRole.UserRole + 5
KindRole = Qt.ItemDataRole.UserRole + 6
SearchTextRole = Qt.ItemDataRole.UserRole + 7
DAYS = QT_TRANSLATE_NOOP("TaskTreeModel", "{0} d")  # a duration in working days
STATUS_TITLES = {
    "done": QT_TRANSLATE_NOOP("TaskTreeModel", "Done"),
    "on_track": QT_TRANSLATE_NOOP("TaskTreeModel", "On track"),
    "at_risk": QT_TRANSLATE_NOOP("TaskTreeModel", "At risk"),
    "late": QT_TRANSLATE_NOOP("TaskTreeModel", "Late"),
    "not_started": QT_TRANSLATE_NOOP("TaskTreeModel", "Not started"),
}
STATUS_COLOURS = {"done": "#2e7d32", "on_track": "#1565c0", "at_risk": "#ef6c00",
                  "late": "#c62828", "not_started": "#616161"}
_RELOAD_TABLES = {"tasks", "dependencies", "calendar_exceptions", "projects", "organisations",
                  "cities", "checklist_items", "status_updates"}


translate = QCoreApplication.translate


_N_COLUMNS = len(COLUMN_TITLES) + len(DECLARED_COLUMNS)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_ROLES = frozenset(int(r.value) if hasattr(r, "value") else int(r) for r in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.SizeHintRole, TaskIdRole, OwnerCodeRole, CityCodeRole, StatusRole,
    CriticalRole, KindRole, SearchTextRole))
_BRUSHES: dict[str, QBrush] = {}
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE = _READ_ONLY | Qt.ItemFlag.ItemIsEditable
_FONTS: list[QFont] = []


def _brush(colour: str) -> QBrush:
    brush = _BRUSHES.get(colour)
    if brush is None:
        brush = _BRUSHES[colour] = QBrush(QColor(colour))
    return brush


def _bold_font() -> QFont:
    if not _FONTS:
        font = QFont()
        font.setBold(True)
        _FONTS.append(font)
    return _FONTS[0]


def tr(text: str) -> str:
    """Translate a string held in a variable (literals use ``translate`` for lupdate)."""
    return translate("TaskTreeModel", text)


class TaskTreeModel(QAbstractItemModel):
    """The WBS as a tree over the plan model; ``internalId`` of an index is the task id."""

    def __init__(self, context: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.message_parent: QWidget | None = None
        self.row_height: int | None = None  # pixels; the Gantt's row height when beside it
        self.plan: PlanModel = context.plan
        self._row: dict[int, int] = {}
        self._cache: dict[int, list[str]] = {}
        self._translated: dict[str, str] = {}
        self._index_rows()
        context.planChanged.connect(self._on_plan_changed)
        context.languageChanged.connect(self._on_language)

    # -- following the plan ----------------------------------------------------------------
    @property
    def _tasks(self) -> dict[int, m.Task]:
        return self.plan.tasks

    @property
    def _children(self) -> dict[int, list[int]]:
        return self.plan.children

    @property
    def _parent(self) -> dict[int, int]:
        return self.plan.parent_of

    @property
    def _orgs(self) -> dict[int, m.Organisation]:
        return self.plan.orgs

    @property
    def _cities(self) -> dict[int, m.City]:
        return self.plan.cities

    def _index_rows(self) -> None:
        self._row = {tid: row for ids in self.plan.children.values()
                     for row, tid in enumerate(ids)}
        self._cache = {}

    def reload(self) -> None:
        """Re-read the outline from the plan, keeping expanded rows and the selection."""
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        keys = [(self.task_id(ix), ix.column()) for ix in old]
        self._index_rows()
        new = [self.index_of(tid, col) if tid in self._tasks else QModelIndex()
               for tid, col in keys]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _on_plan_changed(self, delta: PlanDelta) -> None:
        if delta.structure or delta.full:
            self.reload()
            return
        last = _N_COLUMNS - 1
        for tid in delta.task_ids:
            self._cache.pop(tid, None)
            row = self._row.get(tid)
            if row is not None:
                self.dataChanged.emit(self.createIndex(row, 0, tid),
                                      self.createIndex(row, last, tid))

    def _on_language(self, _lang: str) -> None:
        self._cache = {}
        self._translated = {}
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMN_TITLES) - 1)
        self.layoutAboutToBeChanged.emit()
        self.layoutChanged.emit()

    # -- lookup ---------------------------------------------------------------------------
    def task(self, task_id: int) -> m.Task | None:
        return self._tasks.get(task_id)

    def task_ids(self) -> list[int]:
        """All task ids in WBS (depth-first) order."""
        out: list[int] = []
        stack = list(reversed(self._children.get(0, [])))
        while stack:
            tid = stack.pop()
            out.append(tid)
            stack.extend(reversed(self._children.get(tid, [])))
        return out

    def depth(self, task_id: int) -> int:
        d, pid = 0, self._parent.get(task_id, 0)
        while pid:
            d += 1
            pid = self._parent.get(pid, 0)
        return d

    def scheduled(self, task_id: int) -> Scheduled | None:
        return self.plan.scheduled.get(task_id)

    @staticmethod
    def task_id(index: QModelIndex | QPersistentModelIndex) -> int:
        return int(index.internalId()) if index.isValid() else 0

    def index_of(self, task_id: int, column: int = 0) -> QModelIndex:
        if task_id not in self._row:
            return QModelIndex()
        return self.createIndex(self._row[task_id], column, task_id)

    def org_label(self, org_id: int | None) -> str:
        """Korean: the ministry's name (국토교통부); English: its abbreviation (MOLIT), the
        form English documents use and one that fits the column."""
        org = self._orgs.get(org_id) if org_id else None
        if org is None:
            return ""
        return org.name_ko if self.context.lang == "ko" else org.code

    def organisations(self) -> list[m.Organisation]:
        return list(self._orgs.values())

    def cities(self) -> list[m.City]:
        return list(self._cities.values())

    # -- structure -------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:
        ids = self._children.get(parent.internalId() if parent.isValid() else 0)
        if ids is None or not 0 <= row < len(ids) or not 0 <= column < _N_COLUMNS:
            return QModelIndex()
        return self.createIndex(row, column, ids[row])

    def parent(self, index: QModelIndex | None = None):  # type: ignore[override]
        if index is None:
            return super().parent()
        if not index.isValid():
            return QModelIndex()
        pid = self._parent.get(index.internalId(), 0)
        if not pid:
            return QModelIndex()
        return self.createIndex(self._row[pid], 0, pid)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children.get(self.task_id(parent), ()))

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return _N_COLUMNS

    def hasChildren(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: N802
        return self.rowCount(parent) > 0

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(COLUMN_TITLES):
                return tr(COLUMN_TITLES[section])
            if FIRST_DECLARED <= section < _N_COLUMNS:
                return DECLARED_COLUMNS[section - FIRST_DECLARED].label(self.context.lang)
        return None

    # -- data -----------------------------------------------------------------------------
    def _date_text(self, planned: PlanDate | None, actual: date | None) -> str:
        lang = self.context.lang
        if planned is not None and not planned.is_exact:
            if actual is None or planned.contains(actual):
                return planned.label(lang)
        return actual.isoformat() if actual else ""

    def _duration_text(self, task: m.Task) -> str:
        """Working days; an imported part day keeps its hours ("1시간", "1.5일")."""
        mpd = self.plan.project.minutes_per_day
        exact = exact_minutes(task, mpd)
        if exact is not None:
            return duration_label(task.duration_days, self.context.lang, exact, mpd)
        return self._tr(DAYS).format(task.duration_days)

    def _tr(self, text: str) -> str:
        """``tr(text)`` remembered until the language changes (asked once per row)."""
        found = self._translated.get(text)
        if found is None:
            found = self._translated[text] = tr(text)
        return found

    def _texts(self, tid: int) -> list[str]:
        cached = self._cache.get(tid)
        if cached is not None:
            return cached
        task = self._tasks[tid]
        st = self.plan.scheduled.get(tid) or Scheduled(None, None)
        city = self._cities.get(task.city_id) if task.city_id else None
        float_text = ""
        if st.total_float is not None and not task.is_summary:
            float_text = f"{st.total_float:g}"
        texts = [
            task.wbs,
            task.name(self.context.lang),
            self.org_label(task.owner_org_id),
            (city.name_ko if self.context.lang == "ko" else city.name_en or city.name_ko)
            if city else "",
            self._date_text(task.start, st.start),
            self._date_text(task.finish, st.finish),
            "" if task.is_summary else self._duration_text(task),
            f"{(st.percent if st.percent is not None else task.percent_complete):.0f}%",
            self._tr(STATUS_TITLES.get(st.status, st.status)),
            float_text,
            *(f.display(getattr(task, f.attr), self.context.lang) for f in DECLARED_COLUMNS),
        ]
        self._cache[tid] = texts
        return texts

    def multiData(self, index: QModelIndex, span: Any) -> None:  # noqa: N802 (Qt name)
        """Every role a delegate asks for a cell in one call (Qt 6's item delegates ask
        through this, seven roles a cell on each paint: one Python call instead of seven)."""
        if not index.isValid():
            return
        tid, col = index.internalId(), index.column()
        for role_data in span:
            role = role_data.role()
            if role in _ROLES:
                value = self._value(tid, col, role)
                if value is not None:
                    role_data.setData(value)

    def row_look(self, task_id: int) -> tuple[bool, dict[int, QBrush]]:
        """(bold, text brush per column) of a row: what FontRole and ForegroundRole say."""
        task = self._tasks.get(task_id)
        st = self.plan.scheduled.get(task_id)
        brushes: dict[int, QBrush] = {}
        if st is not None:
            brushes[COL_STATUS] = _brush(STATUS_COLOURS.get(st.status, "#000000"))
            if st.critical:
                brushes[COL_FLOAT] = _brush("#c62828")
        return bool(task is not None and task.is_summary), brushes

    def row_texts(self, task_id: int) -> list[str]:
        """The texts the row of ``task_id`` shows, one per column (cached until it changes)."""
        return self._texts(task_id)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # called for every visible cell and role on each paint: reject and answer fast
        role = int(role)
        if role not in _ROLES or not index.isValid():
            return None
        return self._value(index.internalId(), index.column(), role)

    def _value(self, tid: int, col: int, role: int) -> Any:
        if role == _DISPLAY:
            texts = self._cache.get(tid)
            if texts is None:
                if tid not in self._tasks:
                    return None
                texts = self._texts(tid)
            return texts[col]
        task = self._tasks.get(tid)
        if task is None:
            return None
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(task, col)
        if role == TaskIdRole:
            return tid
        if role == Qt.ItemDataRole.SizeHintRole and self.row_height:
            return QSize(0, self.row_height)
        st = self.plan.scheduled.get(tid)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(task, st, col)
        if role == Qt.ItemDataRole.FontRole:
            return _bold_font() if task.is_summary else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == COL_STATUS and st is not None:
                return _brush(STATUS_COLOURS.get(st.status, "#000000"))
            if col == COL_FLOAT and st is not None and st.critical:
                return _brush("#c62828")
        if role == Qt.ItemDataRole.TextAlignmentRole and col in RIGHT_ALIGNED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == OwnerCodeRole:
            org = self._orgs.get(task.owner_org_id) if task.owner_org_id else None
            codes = {org.code} if org else set()
            codes |= {self._orgs[o].code for o in task.supporting_org_ids if o in self._orgs}
            return codes
        if role == CityCodeRole:
            city = self._cities.get(task.city_id) if task.city_id else None
            return city.code if city else ""
        if role == StatusRole:
            return st.status if st else ""
        if role == CriticalRole:
            return bool(st and st.critical)
        if role == KindRole:
            return task.kind.value
        if role == SearchTextRole:
            return f"{task.wbs} {task.name_ko} {task.name_en} {task.notes}".casefold()
        return None

    def _edit_value(self, task: m.Task, col: int) -> Any:
        if col == COL_WBS:
            return task.wbs
        if col == COL_NAME:
            return task.name_ko if self.context.lang == "ko" else task.name_en
        if col == COL_OWNER:
            return task.owner_org_id
        if col == COL_CITY:
            return task.city_id
        if col in (COL_START, COL_FINISH):
            planned = task.start if col == COL_START else task.finish
            if planned is not None:
                return planned.code()
            st = self.plan.scheduled.get(task.id)
            day = (st.start if col == COL_START else st.finish) if st else None
            return day.isoformat() if day else ""
        if col == COL_DURATION:
            return task.duration_days
        if col == COL_PERCENT:
            return task.percent_complete
        return self._texts(task.id)[col]  # declared fields are edited as the text shown

    def _tooltip(self, task: m.Task, st: Scheduled | None, col: int) -> str:
        lang = self.context.lang
        if col in (COL_START, COL_FINISH):
            planned = task.start if col == COL_START else task.finish
            day = (st.start if col == COL_START else st.finish) if st else None
            parts = []
            if planned is not None:
                parts.append(translate("TaskTreeModel", "Planned: {0}").format(planned.label(lang)))
            if day is not None:
                parts.append(translate("TaskTreeModel", "Scheduled: {0}").format(day.isoformat()))
            return "\n".join(parts)
        if col == COL_OWNER:  # the full names, whatever the column shows
            names = [o.name(lang) for o in (self._orgs.get(i) for i in (
                task.owner_org_id, *task.supporting_org_ids)) if o is not None]
            if len(names) > 1:
                names[1:] = [translate("TaskTreeModel", "Supporting: {0}").format(
                    ", ".join(names[1:]))]
            return "\n".join(names)
        return task.name(lang) if col == COL_NAME else ""

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        # called for every visible cell on each paint: precomputed flag values, no enum math
        if not index.isValid():
            return _NO_FLAGS
        task = self._tasks.get(index.internalId())
        col = index.column()
        if task is None or col in _READ_ONLY_COLUMNS:
            return _READ_ONLY
        if col >= FIRST_DECLARED:
            return _EDITABLE
        if task.is_summary and col in _SUMMARY_READ_ONLY:
            return _READ_ONLY
        if task.is_milestone and col == COL_DURATION:
            return _READ_ONLY
        return _EDITABLE

    # -- editing --------------------------------------------------------------------------
    def setData(self, index: QModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        task = self._tasks.get(self.task_id(index))
        if task is None:
            return False
        try:
            fields = self._fields_for(task, index.column(), value)
        except (DateParseError, m.ValidationError, ValueError, TypeError) as exc:
            QMessageBox.warning(self.message_parent,
                                translate("TaskTreeModel", "Edit refused"), str(exc))
            return False
        if not fields:
            return False
        title = translate("TaskTreeModel", "Edit {0} of {1}").format(
            self.headerData(index.column(), Qt.Orientation.Horizontal), task.wbs)
        seen = {k: getattr(task, k) for k in fields}
        result = perform(self.message_parent, self.context, title,
                         task_edits.set_task_fields(task.id, fields, seen),
                         overwrite=lambda: task_edits.update_task(task.id, **fields))
        return result is not None

    def _fields_for(self, task: m.Task, col: int, value: Any) -> dict[str, Any]:
        if col >= FIRST_DECLARED:
            field = DECLARED_COLUMNS[col - FIRST_DECLARED]
            parsed = field.parse(value)
            return {} if parsed == getattr(task, field.attr) else {field.attr: parsed}
        if col == COL_WBS:
            wbs = str(value).strip()
            if wbs == task.wbs:
                return {}
            if any(t.wbs == wbs for t in self._tasks.values() if t.id != task.id):
                raise m.ValidationError(translate(
                    "TaskTreeModel", "wbs: {0} is already used by another task").format(wbs))
            return {"wbs": wbs}
        if col == COL_NAME:
            key = "name_ko" if self.context.lang == "ko" else "name_en"
            text = str(value).strip()
            return {} if getattr(task, key) == text else {key: text}
        if col == COL_OWNER:
            org = int(value) if value not in (None, "") else None
            return {} if org == task.owner_org_id else {"owner_org_id": org}
        if col == COL_CITY:
            city = int(value) if value not in (None, "") else None
            return {} if city == task.city_id else {"city_id": city}
        if col in (COL_START, COL_FINISH):
            text = str(value or "").strip()
            planned = parse_plan_date(text) if text else None
            key = "start" if col == COL_START else "finish"
            if planned == getattr(task, key):
                return {}
            fields: dict[str, Any] = {key: planned}
            if key == "start" and task.constraint_type is m.ConstraintType.START_NO_EARLIER:
                if planned is None:
                    fields.update(constraint_type=m.ConstraintType.NONE, constraint_date=None)
                else:
                    fields["constraint_date"] = planned.earliest()
            return fields
        if col == COL_DURATION:
            days = int(value)
            return {} if days == task.duration_days else {"duration_days": days}
        if col == COL_PERCENT:
            pct = float(value)
            return {} if pct == task.percent_complete else {"percent_complete": pct}
        return {}
