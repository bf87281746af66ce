"""The interop error type: every importer and exporter refuses bad input with it.

An :class:`InteropError` is a ``ValueError`` whose one-line message names where
the problem is (file, XML element, line, sheet row) so a desk officer can find
it; the importers never let another exception type escape for bad input.
"""

from __future__ import annotations

from ..messages import Refusal


class InteropError(Refusal, ValueError):
    """A refused file or export; ``str()`` is one line naming the place."""

    def __init__(self, message: str, *, element: str | None = None, line: int | None = None,
                 source: str | None = None) -> None:
        self.detail = message
        self.element = element
        self.line = line
        self.source = source
        where = []
        if source:
            where.append(source)
        if line is not None:
            where.append(f"line {line}")
        if element:
            where.append(f"<{element}>")
        text = f"{', '.join(where)}: {message}" if where else message
        super().__init__(" ".join(text.split()))


class MissingComponentError(InteropError):
    """An optional component (mpxj, JPype1, a Java runtime) is not installed."""


ImportError_ = InteropError  # the name the design notes use
