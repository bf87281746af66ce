"""Reading one MSPDI element's fields: text, whole numbers, flags, dates and durations.

:class:`FieldReader` is the base of the MS Project reader (:mod:`.mspdi_import`)
and is what :mod:`.mspdi_calendar` calls back into. Each bad value is refused
with an :class:`InteropError` naming the element and its line.
"""

from __future__ import annotations

import math
import re
from datetime import date
from xml.etree.ElementTree import Element

from ..domain.workdays import days_for_minutes
from . import mspdi_messages  # noqa: F401 - registers the reader's messages
from .errors import InteropError
from .mspdi import parse_day_time
from .xmlparse import XmlDoc

_DURATION = re.compile(
    r"^(-)?P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?"
    r"(?:(\d+(?:\.\d+)?)S)?)?$"
)
MAX_DURATION_DAYS = 100_000


def round_half_away(x: float) -> int:
    """Round to the nearest whole number, halves away from zero (as MS Project shows)."""
    return int(math.copysign(math.floor(abs(x) + 0.5), x))


class FieldReader:
    """Field access over one document (``p`` is its namespace prefix)."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.doc = XmlDoc(Element("?"))
        self.p = ""
        self.mpd = 480  # minutes per day
        self.problems: list[str] = []
        self._kids: dict[int, dict[str, Element]] = {}  # id(element) -> first child by tag

    def err(self, message_id: str, el: Element | None, name: str,
            **values: object) -> InteropError:
        return InteropError(message_id, element=name, line=self.doc.line(el),
                            source=self.source, **values)

    def forget(self) -> None:
        """Drop cached children (call when elements leave the tree: ids are reused)."""
        self._kids.clear()

    def child(self, el: Element, name: str) -> Element | None:
        kids = self._kids.get(id(el))
        if kids is None:
            kids = {}
            for c in el:
                kids.setdefault(c.tag, c)
            self._kids[id(el)] = kids
        return kids.get(self.p + name)

    def children(self, el: Element, path: str) -> list[Element]:
        return el.findall("/".join(self.p + part for part in path.split("/")))

    def text(self, el: Element, name: str) -> str | None:
        c = self.child(el, name)
        s = c.text if c is not None else None
        return (s.strip() or None) if s else None

    def int_(self, el: Element, name: str, default: int | None = None, lo: int = -2**31,
             hi: int = 2**31) -> int | None:
        s = self.text(el, name)
        if s is None:
            return default
        try:
            v = int(s)
        except ValueError:
            raise self.err("mspdi.not_whole", self.child(el, name), name,
                           text=s[:40]) from None
        if not lo <= v <= hi:
            raise self.err("mspdi.out_of_range", self.child(el, name), name, value=v, lo=lo,
                           hi=hi)
        return v

    def bool_(self, el: Element, name: str) -> bool:
        s = self.text(el, name)
        if s is None:
            return False
        if s.lower() in ("1", "true"):
            return True
        if s.lower() in ("0", "false"):
            return False
        raise self.err("mspdi.not_bool", self.child(el, name), name, text=s[:40])

    def datetime_(self, el: Element, name: str) -> tuple[date, str] | None:
        s = self.text(el, name)
        if s is None or s.upper() == "NA":
            return None
        try:
            d, t = parse_day_time(s)
        except (ValueError, IndexError):
            raise self.err("mspdi.not_datetime", self.child(el, name), name,
                           text=s[:40]) from None
        if not 1900 <= d.year <= 2999:
            raise self.err("mspdi.year_range", self.child(el, name), name, year=d.year)
        return d, t

    def days(self, el: Element, name: str) -> int | None:
        found = self.duration(el, name)
        return None if found is None else found[0]

    def duration(self, el: Element, name: str) -> tuple[int, int | None] | None:
        """(working days it is scheduled on, exact minutes when not whole days) or None."""
        s = self.text(el, name)
        if s is None:
            return None
        match = _DURATION.match(s)
        if not match:
            raise self.err("mspdi.not_duration", self.child(el, name), name, text=s[:40])
        neg, d, h, mi, sec = match.groups()
        minutes = float(d or 0) * self.mpd + float(h or 0) * 60 + float(mi or 0) + float(
            sec or 0) / 60
        if neg and minutes:
            raise self.err("mspdi.negative_duration", self.child(el, name), name,
                           text=s[:40])
        days = minutes / self.mpd
        if days > MAX_DURATION_DAYS:
            raise self.err("mspdi.long_duration", self.child(el, name), name, text=s[:40])
        whole = round_half_away(days)
        exact = round(minutes)
        if exact <= 0 or exact % self.mpd == 0:
            return whole, None
        # a part day keeps its minutes and is scheduled on the working days it touches
        return days_for_minutes(exact, self.mpd), exact
