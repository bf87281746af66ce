"""Safe XML parsing with line numbers, through defusedxml only; big lists streamed.

:func:`parse_xml` refuses DTDs, entity declarations and external references
(defusedxml), oversized input and malformed XML with an :class:`InteropError`
naming the line and column.

Two passes, safety first: defusedxml's parser first reads every byte with its
protections installed but no per-element Python callbacks (expat at C speed: a
DTD, an entity declaration or an external reference stops it), counting
elements and nesting depth up to :data:`MAX_ELEMENTS` and :data:`MAX_DEPTH`.
Only bytes it accepted are then built into a tree by a plain expat parser,
which notes each element's start line as it goes (a refusal names the line
without a third pass).

Bounded memory: before anything is built, the document's tag density is checked
at C speed (a tree costs 100-200 bytes per element, so a file of tiny tags would
take tens of times its size; a real MS Project file has one tag per 15-20
bytes). An importer can also *stream* the long lists of a document: each
element named in ``stream`` (by its parent's and its own local name, two levels
below the root, e.g. ``("Tasks", "Task")``) is handed to its handler as soon
as it is complete and then dropped from the tree, so a 10,000-task file never
holds more than one task's elements at a time. Where the elements to stream nest
inside each other (GanttProject's tasks), a :class:`Watcher` sees every element
start and end with its open ancestors, and drops what it has read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol
from xml.etree.ElementTree import Element, ParseError, TreeBuilder
from xml.parsers import expat

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


Streamed = dict[tuple[str, str], Callable[[Element], None]]


class Watcher(Protocol):
    """Told of every element as it starts and ends; ``ended`` returns whether to drop it."""

    def started(self, el: Element, ancestors: list[Element]) -> None: ...

    def ended(self, el: Element, ancestors: list[Element]) -> bool: ...


@dataclass
class XmlDoc:
    """A parsed document: its root and the start line of every element still in it."""

    root: Element
    lines: dict[int, int] = field(default_factory=dict, repr=False)

    def line(self, el: Element | None) -> int | None:
        """The line of ``el``'s start tag."""
        return None if el is None else self.lines.get(id(el))


def local_name(tag: str) -> str:
    """``{namespace}Task`` -> ``Task``."""
    return tag.rpartition("}")[2]


class _Vet:
    """A target that builds nothing; the handlers count elements and depth (and show each
    start tag to ``scan``, when given)."""

    def __init__(self, scan: Callable[[str, dict[str, str]], None] | None = None) -> None:
        self.expat = None
        self.depth = 0
        self.count = 0
        self.scan = scan

    def start(self, tag: str, attrs: list[str]) -> None:
        self.depth += 1
        self.count += 1
        if self.depth > MAX_DEPTH:
            raise InteropError("xml.too_deep", line=self.expat.CurrentLineNumber,
                               limit=MAX_DEPTH)
        if self.count > MAX_ELEMENTS:
            raise InteropError("xml.too_many_elements", line=self.expat.CurrentLineNumber,
                               limit=f"{MAX_ELEMENTS:,}")
        if self.scan is not None:  # expat gives [name, value, ...] (ordered_attributes)
            self.scan(tag, dict(zip(attrs[::2], attrs[1::2])) if attrs else {})

    def end(self, _tag: str) -> None:
        self.depth -= 1

    def close(self) -> None:
        return None


def _check_density(data: bytes, source: str) -> None:
    tags = data.count(b"<")
    if tags > 1000 and tags * MIN_BYTES_PER_TAG > len(data):
        raise InteropError("xml.too_dense", source=source, tags=f"{tags:,}",
                           size=f"{len(data) / 1e6:.1f}")


class _Lists:
    """The :class:`Watcher` for ``parse_xml(stream=...)``: lists two levels below the root."""

    def __init__(self, stream: Streamed) -> None:
        self.stream = stream

    def started(self, el: Element, ancestors: list[Element]) -> None:
        pass

    def ended(self, el: Element, ancestors: list[Element]) -> bool:
        if len(ancestors) != 2:
            return False
        handler = self.stream.get((local_name(ancestors[1].tag), local_name(el.tag)))
        if handler is None:
            return False
        handler(el)
        return True


class _Builder:
    """Expat handlers that build the tree, note lines and tell the watcher of each element
    (dropping what it has read)."""

    def __init__(self, parser: expat.XMLParserType, doc: XmlDoc,
                 watcher: Watcher | None) -> None:
        self.parser = parser
        self.builder = TreeBuilder()
        self.watcher = watcher
        self.doc = doc
        self.stack: list[Element] = []

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        if "}" in tag:  # expat says "namespace}name"; ElementTree's form is "{namespace}name"
            tag = "{" + tag
        if attrib and any("}" in k for k in attrib):
            attrib = {("{" + k if "}" in k else k): v for k, v in attrib.items()}
        el = self.builder.start(tag, attrib)
        self.doc.lines[id(el)] = self.parser.CurrentLineNumber
        if not self.stack:
            self.doc.root = el  # handlers may look at the root's children read so far
        if self.watcher is not None:
            self.watcher.started(el, self.stack)
        self.stack.append(el)

    def end(self, _tag: str) -> None:
        el = self.stack.pop()
        self.builder.end(el.tag)
        if self.watcher is not None and self.watcher.ended(el, self.stack) and self.stack:
            self.stack[-1].remove(el)  # its parent's last child: found at once
            lines = self.doc.lines
            for e in el.iter():
                del lines[id(e)]  # its id may be reused by a later element

    def close(self) -> XmlDoc:
        self.doc.root = self.builder.close()
        return self.doc


def _build(data: bytes, doc: XmlDoc, watcher: Watcher | None) -> XmlDoc:
    parser = expat.ParserCreate(None, "}")
    builder = _Builder(parser, doc, watcher)
    parser.buffer_text = True
    parser.StartElementHandler = builder.start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.builder.data
    parser.Parse(data, True)
    return builder.close()


def parse_xml(data: bytes, source: str, limit: int = MAX_FILE_BYTES,
              stream: Streamed | None = None, doc: XmlDoc | None = None,
              watcher: Watcher | None = None,
              scan: Callable[[str, dict[str, str]], None] | None = None) -> XmlDoc:
    """Parse ``data`` safely; every failure is an :class:`InteropError`.

    Elements named in ``stream`` go to their handler when complete and are then
    dropped (see the module docstring); a handler's own refusal passes through.
    ``doc``, when given, is the document filled in (a handler can read its root
    and lines while the parse goes on). ``scan`` sees every start tag and its
    attributes in the first, vetting pass: what a reader needs before the
    elements it streams (GanttProject's allocations come after its tasks).
    """
    if len(data) > limit:
        raise InteropError("interop.larger_than", source=source, limit=f"{limit / 1e6:.0f}")
    if not data.strip():
        raise InteropError("xml.empty", source=source)
    _check_density(data, source)
    try:
        counter = _Vet(scan)
        vet = DefusedXMLParser(target=counter, forbid_dtd=True)
        counter.expat = vet.parser
        vet.parser.DefaultHandlerExpand = None  # no callback per text token; protections stay
        vet.parser.StartElementHandler = counter.start  # plain callbacks: no tree is built
        vet.parser.EndElementHandler = counter.end
        vet.feed(data)
        vet.close()
        if stream:
            watcher = _Lists(stream)
        doc = _build(data, XmlDoc(Element("?")) if doc is None else doc, watcher)
    except expat.ExpatError as exc:
        msg = expat.errors.messages.get(exc.code, str(exc).split(":")[0])
        raise InteropError("xml.malformed", line=exc.lineno, source=source, detail=msg,
                           column=exc.offset) from None
    except ParseError as exc:  # what defusedxml's ElementTree parser raises
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
    return doc
