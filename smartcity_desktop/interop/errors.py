"""The interop error type: every importer and exporter refuses bad input with it.

An :class:`InteropError` is a ``ValueError`` whose one-line message names where
the problem is (file, XML element, line, sheet row) so a desk officer can find
it; the importers never let another exception type escape for bad input. The
message is a catalogue id with values (older call sites pass plain English
text, which is kept as it is); the place is rendered in the reader's language.
"""

from __future__ import annotations

from typing import Any

from ..messages import CATALOGUE, Message, Refusal, register

register({
    "interop.line": ("{line}행", "line {line}"),
    "interop.where": ("{where}: {text}", "{where}: {text}"),
    "interop.not_saved": ("가져오기를 저장하지 않았습니다 ({reason})",
                          "the import was not saved ({reason})"),
})


class InteropError(Refusal, ValueError):
    """A refused file or export; ``str()`` is one line naming the place."""

    def __init__(self, message: str | Message, *, element: str | None = None,
                 line: int | None = None, source: str | None = None, **values: Any) -> None:
        super().__init__(message, **values)
        self.detail = self.message.text("en")
        self.element = element
        self.line = line
        self.source = source

    def text(self, lang: str | None = None) -> str:
        if self.message.id not in CATALOGUE:
            lang = "en"  # old plain-English text: keep its place in English too
        body = self.message.text(lang)
        where = []
        if self.source:
            where.append(self.source)
        if self.line is not None:
            where.append(Message("interop.line", {"line": self.line}).text(lang))
        if self.element:
            where.append(f"<{self.element}>")
        if where:
            body = Message("interop.where", {"where": ", ".join(where), "text": body}).text(lang)
        return " ".join(body.split())


class MessageIdError(InteropError):
    """A refusal built from a catalogue id and values (``name`` is the file shown)."""

    def __init__(self, message_id: str, **values: object) -> None:
        self.detail = message_id
        self.element = self.line = None
        self.source = values.get("name")  # type: ignore[assignment]
        Refusal.__init__(self, message_id, **values)


class MissingComponentError(InteropError):
    """An optional component (mpxj, JPype1, a Java runtime) is not installed."""


ImportError_ = InteropError  # the name the design notes use
