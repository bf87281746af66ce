"""Text made safe for the formats we write: spreadsheets, XML and iCalendar.

* CSV, following OWASP's CSV-injection guidance: a cell starting with
  ``= + - @``, a tab or a carriage return gets a leading ``'`` so a
  spreadsheet shows it as text instead of running it as a formula.
  :func:`unguard_cell` removes that mark again when such a file is imported.
* XML 1.0 (MSPDI, and the XML inside .xlsx) cannot hold most control
  characters at all: :func:`xml_text` drops them (tab and line breaks stay).
* iCalendar content lines must not carry control characters either
  (RFC 5545 3.3.11): :func:`plain_text` drops them before escaping.
"""

from __future__ import annotations

import re

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def guard_cell(text: str) -> str:
    """``text`` as a spreadsheet will show it, never as a formula."""
    return "'" + text if text.startswith(FORMULA_START) else text


def unguard_cell(text: str) -> str:
    """Undo :func:`guard_cell` on import (a ``'`` before a formula character)."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_START) else text


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids."""
    return _XML_ILLEGAL.sub("", text)


def plain_text(text: str) -> str:
    """``text`` without control characters other than line breaks and tabs."""
    return _XML_ILLEGAL.sub("", text)
