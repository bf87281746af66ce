"""User-visible messages below the UI: an id with values, translated at the edge.

Domain, store, app, interop and reporting code never build display text
themselves. They raise a :class:`Refusal` (or hold a :class:`Message`) naming a
message id and its values; the edge (CLI, window, PDF) renders it in the chosen
language with :meth:`Message.text`. The catalogue maps each id to a Korean and
an English ``str.format`` template. Modules add their own entries with
:func:`register` at import time, so each message sits next to the code that
uses it and an id can be searched for.

No Qt here: the window sets the language with :func:`set_language` as the CLI
does, and Qt's own ``tr()`` stays for widget text only.

A :class:`Refusal` built from text that is not a catalogue id keeps the text as
it is (the older error types were built that way); new code uses ids.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

LANGUAGES = ("ko", "en")
_language = "ko"
CATALOGUE: dict[str, tuple[str, str]] = {}


def set_language(lang: str) -> None:
    """Choose the language every message is rendered in from now on (``ko`` or ``en``)."""
    global _language
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    _language = lang


def current_language() -> str:
    return _language


def register(entries: Mapping[str, tuple[str, str]]) -> None:
    """Add ``{id: (korean, english)}`` templates; an id may be registered once only."""
    for key, pair in entries.items():
        if key in CATALOGUE and CATALOGUE[key] != tuple(pair):
            raise ValueError(f"message id {key!r} registered twice with different text")
        ko, en = pair
        CATALOGUE[key] = (ko, en)


class _Blank(dict):
    """Format values: a missing name shows as ``{name}`` rather than raising."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _localise(value: Any, lang: str) -> Any:
    if isinstance(value, Message):
        return value.text(lang)
    localised = getattr(value, "localised", None)  # a value that names itself per language
    if callable(localised):
        return localised(lang)
    return value


@dataclass(frozen=True)
class Message:
    """A message id and its values; ``text()`` renders it."""

    id: str
    values: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str | None = None) -> str:
        lang = lang or _language
        pair = CATALOGUE.get(self.id)
        if pair is None:
            return self.id  # plain text given where an id was expected
        template = pair[0] if lang == "ko" else pair[1]
        values = _Blank({k: _localise(v, lang) for k, v in self.values.items()})
        return template.format_map(values)

    def __str__(self) -> str:
        return self.text()


def msg(message_id: str, **values: Any) -> Message:
    return Message(message_id, dict(values))


class Refusal(Exception):
    """The one refusal type: nothing was changed, and the message says why.

    Subclasses (validation, store, interop errors) keep their names so callers
    can tell them apart, but every one renders through the catalogue.
    """

    def __init__(self, message: str | Message = "", /, **values: Any) -> None:
        self.message = message if isinstance(message, Message) else Message(message, values)
        super().__init__(self.message.id)

    @property
    def message_id(self) -> str:
        return self.message.id

    def text(self, lang: str | None = None) -> str:
        return " ".join(self.message.text(lang).split())  # always one line

    def __str__(self) -> str:
        return self.text()


register({
    "error.unexpected": ("예기치 않은 오류: {detail}", "unexpected error: {detail}"),
})
