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
    "interop.cannot_write": ("파일을 쓸 수 없습니다 ({detail})",
                             "cannot write the file ({detail})"),
    "interop.larger_than": ("파일이 {limit} MB보다 큽니다", "the file is larger than {limit} MB"),
    "interop.too_many_tasks": ("작업 {count}개: 최대 {limit}개까지 가져올 수 있습니다",
                               "{count} tasks; at most {limit} can be imported"),
    "interop.more_tasks": ("작업이 {limit}개를 넘습니다", "more than {limit} tasks"),
    "interop.more_rows": ("행이 {limit}개를 넘습니다", "more than {limit} rows"),
    "interop.cannot_create": ("{path}을(를) 만들 수 없습니다 ({detail})",
                              "cannot create {path} ({detail})"),
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


def refusal_message(exc: Exception) -> Message | str:
    """What a caught error says, kept as its id when it has one (rendered later)."""
    return exc.message if isinstance(exc, Refusal) else str(exc)


class Note(str):
    """An import problem or note from a catalogue id: a ``str`` in the language chosen when
    it was made (a preview's ``problems`` stay a list of lines), keeping its id and values
    so :meth:`text` renders it in another language."""

    message: Message

    def __new__(cls, message_id: str, **values: Any) -> Note:
        message = Message(message_id, dict(values))
        note = super().__new__(cls, " ".join(message.text().split()))
        note.message = message
        return note

    def text(self, lang: str | None = None) -> str:
        return " ".join(self.message.text(lang).split())


class MessageIdError(InteropError):
    """A refusal built from a catalogue id and values (``name`` is the file shown)."""

    def __init__(self, message_id: str, **values: object) -> None:
        self.detail = message_id
        self.element = self.line = None
        self.source = values.get("name")  # type: ignore[assignment]
        Refusal.__init__(self, message_id, **values)

    def text(self, lang: str | None = None) -> str:
        # the catalogue text names the file itself ("{name}: …"): no second "name: " prefix
        return Refusal.text(self, lang)


class MissingComponentError(InteropError):
    """An optional component (mpxj, JPype1, a Java runtime) is not installed."""


ImportError_ = InteropError  # the name the design notes use
