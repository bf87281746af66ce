"""The interactive Gantt chart: :class:`GanttView` widget fed with :class:`GanttRow` rows."""

from .rows import ROW_HEIGHT, GanttRow
from .timescale import MODES
from .view import GanttView

__all__ = ["MODES", "ROW_HEIGHT", "GanttRow", "GanttView"]
