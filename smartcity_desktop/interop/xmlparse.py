"""Safe XML parsing with line numbers, through defusedxml only.

:func:`parse_xml` refuses DTDs, entity declarations and external references
(defusedxml), oversized input and malformed XML with an :class:`InteropError`
naming the line and column; each element's start line is kept in
:attr:`XmlDoc.lines` so importers can name the line of a bad value.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.etree.ElementTree import Element, ParseError, TreeBuilder

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from .errors import InteropError
from .preview import MAX_FILE_BYTES

MAX_DEPTH = 64


@dataclass
class XmlDoc:
    root: Element
    lines: dict[int, int]  # id(element) -> line of its start tag

    def line(self, el: Element | None) -> int | None:
        return None if el is None else self.lines.get(id(el))


class _LineTarget:
    """A TreeBuilder that notes each element's line and refuses deep nesting."""

    def __init__(self) -> None:
        self.builder = TreeBuilder()
        self.lines: dict[int, int] = {}
        self.expat = None
        self.depth = 0
        self.keep: list[Element] = []

    def start(self, tag: str, attrib: dict[str, str]) -> Element:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise InteropError(f"elements are nested more than {MAX_DEPTH} deep",
                               line=self.expat.CurrentLineNumber if self.expat else None)
        el = self.builder.start(tag, attrib)
        if self.expat is not None:
            self.lines[id(el)] = self.expat.CurrentLineNumber
        return el

    def end(self, tag: str) -> Element:
        self.depth -= 1
        return self.builder.end(tag)

    def data(self, text: str) -> None:
        self.builder.data(text)

    def close(self) -> Element:
        return self.builder.close()


def parse_xml(data: bytes, source: str, limit: int = MAX_FILE_BYTES) -> XmlDoc:
    """Parse ``data`` safely; every failure is an :class:`InteropError`."""
    if len(data) > limit:
        raise InteropError(f"the file is larger than {limit / 1e6:.0f} MB", source=source)
    if not data.strip():
        raise InteropError("the file is empty", source=source)
    target = _LineTarget()
    parser = DefusedXMLParser(target=target, forbid_dtd=True)
    target.expat = parser.parser
    try:
        parser.feed(data)
        root = parser.close()
    except InteropError as exc:
        raise InteropError(exc.detail, line=exc.line, source=source) from None
    except ParseError as exc:
        line, col = getattr(exc, "position", (None, None))
        msg = str(exc).split(":")[0]
        raise InteropError(f"malformed XML ({msg}, column {col})", line=line,
                           source=source) from None
    except DefusedXmlException as exc:
        raise InteropError(f"refused for safety: {type(exc).__name__} "
                           "(DTDs and entities are not allowed)", source=source) from None
    except (ValueError, LookupError, UnicodeError) as exc:  # e.g. an unknown encoding name
        raise InteropError(f"cannot decode the file ({exc})", source=source) from None
    # ids stay valid: every element is reachable from root while the XmlDoc lives
    return XmlDoc(root, target.lines)
