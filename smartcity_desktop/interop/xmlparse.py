"""Safe XML parsing with line numbers, through defusedxml only.

:func:`parse_xml` refuses DTDs, entity declarations and external references
(defusedxml), oversized input and malformed XML with an :class:`InteropError`
naming the line and column.

Speed without giving up safety: defusedxml's parser first reads every byte
with its protections installed but no per-element Python callbacks (expat at C
speed: a DTD, an entity declaration or an external reference stops it); only
bytes it accepted are then built into a tree by the C ElementTree parser.
Element line numbers cost a third, slower defusedxml pass, so
:meth:`XmlDoc.line` computes them only when an importer needs one for an error
message (elements are matched by document order).

Bounded memory and time: before any tree is built, the document's tag
density is checked at C speed (a tree costs about 100-200 bytes per element,
so a file of tiny tags would take tens of times its size; a real MS Project
file has one tag per 15-20 bytes), and the vetting pass counts elements and
nesting depth, stopping at :data:`MAX_ELEMENTS` or :data:`MAX_DEPTH` with the
line. The tree itself is then at most a few times the file's size.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.etree.ElementTree import Element, ParseError, TreeBuilder, XMLParser

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from ..messages import register
from .errors import InteropError
from .preview import MAX_FILE_BYTES

register({
    "xml.too_deep": ("요소가 {limit}단계보다 깊게 중첩되어 있습니다",
                     "elements are nested more than {limit} deep"),
    "xml.too_many_elements": ("요소가 {limit}개를 넘습니다", "more than {limit} elements"),
    "xml.too_dense": ("{size} MB에 태그 {tags}개: MS Project 파일보다 훨씬 조밀합니다 (메모리를 "
                      "소진하지 않도록 거부함)",
                      "{tags} tags in {size} MB: far denser than an MS Project file (refused so "
                      "the import cannot exhaust memory)"),
    "xml.empty": ("파일이 비어 있습니다", "the file is empty"),
    "xml.malformed": ("XML 형식이 잘못되었습니다 ({detail}, {column}열)",
                      "malformed XML ({detail}, column {column})"),
    "xml.unsafe": ("안전을 위해 거부함: {kind} (DTD와 엔터티는 허용되지 않습니다)",
                   "refused for safety: {kind} (DTDs and entities are not allowed)"),
    "xml.cannot_decode": ("파일을 해독할 수 없습니다 ({detail})",
                          "cannot decode the file ({detail})"),
})

MAX_DEPTH = 64
MAX_ELEMENTS = 6_000_000  # 100,000 tasks of about 60 elements
MIN_BYTES_PER_TAG = 10  # "<" every 10 bytes or more (MS Project writes one per 15-20)


@dataclass
class XmlDoc:
    root: Element
    data: bytes = b""
    _lines: dict[int, int] | None = field(default=None, repr=False)

    def line(self, el: Element | None) -> int | None:
        """The line of ``el``'s start tag (computed on first use)."""
        if el is None:
            return None
        if self._lines is None:
            target = _LineTarget()
            parser = DefusedXMLParser(target=target, forbid_dtd=True)
            target.expat = parser.parser
            try:
                parser.feed(self.data)
                other = parser.close()
            except Exception:  # noqa: BLE001 - the document parsed once already
                self._lines = {}
                return None
            lines = [target.lines.get(id(e)) for e in other.iter()]
            self._lines = {id(e): n for e, n in zip(self.root.iter(), lines) if n}
        return self._lines.get(id(el))


class _Vet:
    """A target that builds nothing; the handlers count elements and depth."""

    def __init__(self) -> None:
        self.expat = None
        self.depth = 0
        self.count = 0

    def start(self, _tag: str, _attrs: object) -> None:
        self.depth += 1
        self.count += 1
        if self.depth > MAX_DEPTH:
            raise InteropError("xml.too_deep", line=self.expat.CurrentLineNumber,
                               limit=MAX_DEPTH)
        if self.count > MAX_ELEMENTS:
            raise InteropError("xml.too_many_elements", line=self.expat.CurrentLineNumber,
                               limit=f"{MAX_ELEMENTS:,}")

    def end(self, _tag: str) -> None:
        self.depth -= 1

    def close(self) -> None:
        return None


def _check_density(data: bytes, source: str) -> None:
    tags = data.count(b"<")
    if tags > 1000 and tags * MIN_BYTES_PER_TAG > len(data):
        raise InteropError("xml.too_dense", source=source, tags=f"{tags:,}",
                           size=f"{len(data) / 1e6:.1f}")


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
            raise InteropError("xml.too_deep", limit=MAX_DEPTH,
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
        raise InteropError("interop.larger_than", source=source, limit=f"{limit / 1e6:.0f}")
    if not data.strip():
        raise InteropError("xml.empty", source=source)
    _check_density(data, source)
    try:
        counter = _Vet()
        vet = DefusedXMLParser(target=counter, forbid_dtd=True)
        counter.expat = vet.parser
        vet.parser.DefaultHandlerExpand = None  # no callback per text token; protections stay
        vet.parser.StartElementHandler = counter.start  # plain callbacks: no tree is built
        vet.parser.EndElementHandler = counter.end
        vet.feed(data)
        vet.close()
        builder = XMLParser()
        builder.feed(data)
        root = builder.close()
    except ParseError as exc:
        line, col = getattr(exc, "position", (None, None))
        msg = str(exc).split(":")[0]
        raise InteropError("xml.malformed", line=line, source=source, detail=msg,
                           column=col) from None
    except DefusedXmlException as exc:
        raise InteropError("xml.unsafe", source=source, kind=type(exc).__name__) from None
    except InteropError as exc:
        exc.source = source
        raise
    except (ValueError, LookupError, UnicodeError) as exc:  # e.g. an unknown encoding name
        raise InteropError("xml.cannot_decode", source=source, detail=str(exc)) from None
    return XmlDoc(root, data)
