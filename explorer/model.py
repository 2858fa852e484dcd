"""The values that travel along the spine: file → Document → Passage → TimeExpression → Event.

All frozen dataclasses; no ORM row or dict crosses a module boundary.
"""

from __future__ import annotations

import array
import bisect
import calendar
import datetime as dt
import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any


class Precision(enum.StrEnum):
    """How exact a date is; the order is from finest to coarsest."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"

    @property
    def label_unit(self) -> str:
        """The granularity used to write a date of this precision (day, month or year)."""
        if self in (Precision.DAY, Precision.WEEK):
            return "day"
        if self in (Precision.MONTH, Precision.SEASON, Precision.QUARTER, Precision.HALF):
            return "month"
        return "year"


class Reference(enum.StrEnum):
    """Vague times that have no calendar value ("now", "recently", "in the future")."""

    PRESENT = "present"
    PAST = "past"
    FUTURE = "future"


_PRECISION_ORDER = list(Precision)


def last_day_of_month(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True, order=True)
class DateSpan:
    """A stretch of calendar time: ``start`` is its first day, ``end`` its last.

    ``precision`` is the unit the text spoke in: "in 2001" is 2001-01-01..2001-12-31 at year
    precision, never a made-up day. A range ("4-20 February") is several units of that precision.
    """

    start: dt.date
    end: dt.date
    precision: Precision

    @classmethod
    def day(cls, d: dt.date) -> DateSpan:
        return cls(d, d, Precision.DAY)

    @classmethod
    def month(cls, year: int, month: int) -> DateSpan:
        return cls(dt.date(year, month, 1), last_day_of_month(year, month), Precision.MONTH)

    @classmethod
    def year(cls, year: int) -> DateSpan:
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), Precision.YEAR)

    @classmethod
    def months(cls, year: int, first: int, count: int, precision: Precision) -> DateSpan:
        """``count`` months from ``first`` of ``year`` (may run into the next year)."""
        last_index = year * 12 + first - 1 + count - 1
        last_year, last_month = divmod(last_index, 12)
        return cls(dt.date(year, first, 1), last_day_of_month(last_year, last_month + 1), precision)

    @classmethod
    def decade(cls, first_year: int) -> DateSpan:
        return cls(dt.date(first_year, 1, 1), dt.date(first_year + 9, 12, 31), Precision.DECADE)

    @classmethod
    def week_of(cls, d: dt.date) -> DateSpan:
        monday = d - dt.timedelta(days=d.weekday())
        return cls(monday, monday + dt.timedelta(days=6), Precision.WEEK)

    def to(self, other: DateSpan) -> DateSpan:
        """The range from this span to ``other`` at the coarser of the two precisions."""
        coarser = max(self.precision, other.precision, key=_PRECISION_ORDER.index)
        return DateSpan(min(self.start, other.start), max(self.end, other.end), coarser)

    @property
    def is_single_unit(self) -> bool:
        """True when start and end are the same day, month or year (no range to show)."""
        if self.precision is Precision.DAY:
            return self.start == self.end
        if self.precision is Precision.MONTH:
            return (self.start.year, self.start.month) == (self.end.year, self.end.month)
        if self.precision is Precision.YEAR:
            return self.start.year == self.end.year
        return False

    def iso_start(self) -> str:
        return _iso(self.start, self.precision.label_unit)

    def iso_end(self) -> str | None:
        """The written end, or None when the span is one day, month or year."""
        if self.is_single_unit:
            return None
        return _iso(self.end, self.precision.label_unit)

    def label(self) -> str:
        end = self.iso_end()
        return self.iso_start() if end is None else f"{self.iso_start()} – {end}"

    def overlaps(self, other: DateSpan) -> bool:
        return self.start <= other.end and other.start <= self.end


def _iso(d: dt.date, unit: str) -> str:
    if unit == "day":
        return d.isoformat()
    if unit == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return f"{d.year:04d}"


def parse_iso_span(start: str, end: str | None = None, precision: str | None = None) -> DateSpan:
    """Read ``YYYY[-MM[-DD]]`` (as the CLI and exports write them) back into a span."""
    first = _parse_iso(start, first=True)
    last = _parse_iso(end or start, first=False)
    if precision is None:
        precision = {1: "year", 2: "month", 3: "day"}[len(start.split("-"))]
    return DateSpan(first, last, Precision(precision))


def _parse_iso(text: str, *, first: bool) -> dt.date:
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 1, 1) if first else dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        return dt.date(parts[0], parts[1], 1) if first else last_day_of_month(*parts)
    return dt.date(parts[0], parts[1], parts[2])


@dataclass(frozen=True)
class TextMap:
    """Clean text plus, for each of its characters, the offset in the original text."""

    text: str
    # An int32 array, not a tuple: four bytes a character, where a tuple of ints takes 36 and
    # made a 20 MB file's map over 700 MB.
    offsets: Sequence[int]
    original_length: int

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        if start >= len(self.offsets):
            return self.original_length, self.original_length
        o_start = self.offsets[start]
        o_end = self.offsets[end - 1] + 1 if end > start else o_start
        return o_start, o_end

    @classmethod
    def identity(cls, text: str) -> TextMap:
        return cls(text, array.array("i", range(len(text))), len(text))


@dataclass(frozen=True)
class Document:
    path: str
    sha256: str
    original: str  # the decoded file (or, for HTML, the extracted article text)
    text: str  # what the tagger reads: markup removed
    offsets: Sequence[int]  # text index -> original index (an int32 array: see TextMap)
    format: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: dt.date | None = None
    published_source: str | None = None  # "user", "file", "byline", "metadata"
    url: str | None = None
    # Where in its file the article came from ("row 12", "message 3"), for files of many.
    location: str | None = None
    # For paged files (PDF): where each page begins in ``text`` (and ``original``).
    pages: tuple[int, ...] = ()

    def page_of(self, offset: int) -> int | None:
        return page_at(self.pages, offset)

    @property
    def text_map(self) -> TextMap:
        return TextMap(self.text, self.offsets, len(self.original))


def page_at(pages: Sequence[int], offset: int) -> int | None:
    """The 1-based page holding ``offset``, given where each page begins; None for a file
    without pages."""
    return (bisect.bisect_right(pages, offset) or 1) if pages else None


# The key of an article inside a file of many is written after the file's path:
# "<path>#row:12", "<path>#message:3f2a…/attachment:report.pdf".
_ITEM = re.compile(r"#(?:row|id|url|message|item|attachment):[^#]*$")


def identity(path: str, key: str) -> str:
    """The name an article of a file is known by (the file itself when ``key`` is "")."""
    return f"{path}#{key}" if key else path


def file_of(name: str) -> str:
    """The file part of a document's name."""
    m = _ITEM.search(name)
    return name[: m.start()] if m else name


@dataclass(frozen=True)
class Passage:
    """A sentence of a document; offsets are into ``Document.text``."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class TimeExpression:
    """A date expression found in text. ``span`` is None when it cannot be resolved yet."""

    start: int
    end: int
    text: str
    span: DateSpan | None = None
    reference: Reference | None = None
    kind: str = "absolute"  # absolute, relative, anaphoric, reference
    inferred: bool = False  # year or direction guessed (no year written, tense used)
    # What else it could have meant, as the tagger saw it: "week" (a weekday with no date: a
    # week either way), "year" (a date with no year: a year either way), or None.
    ambiguity: str | None = None

    @property
    def resolved(self) -> bool:
        return self.span is not None


@dataclass(frozen=True)
class Actor:
    name: str
    kind: str = "other"  # country, person, organisation, alliance, company, other
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActorMention:
    actor: str  # canonical name
    start: int
    end: int


@dataclass(frozen=True)
class Source:
    """Where an event was read: a sentence and the date expression in it."""

    document_id: int
    passage_start: int
    passage_end: int
    text: str
    expression: str
    expression_start: int
    expression_end: int
    resolved: str = ""  # how this source's expression was read, e.g. "2021-11-23"


@dataclass(frozen=True)
class Event:
    id: int | None
    title: str
    span: DateSpan
    actors: tuple[str, ...] = ()
    sources: tuple[Source, ...] = field(default=())


@dataclass(frozen=True)
class EventDraft:
    """An event as one document sees it, before it is merged with what the store holds."""

    title: str
    span: DateSpan
    actors: tuple[str, ...]
    passage: Passage
    expression: TimeExpression


@dataclass(frozen=True)
class Analysis:
    """Everything the pipeline derives from one document, and the version of the analysis
    that derived it (a store re-analyses documents made by an older one)."""

    document: Document
    passages: list[Passage]
    expressions: list[TimeExpression]
    mentions: list[ActorMention]
    drafts: list[EventDraft]
    version: int = 0


@dataclass(frozen=True)
class Curation:
    """One of the analyst's edits, as recorded (see curation/overlay.py for the kinds)."""

    id: int
    kind: str  # merge, hide, edit, ...
    payload: dict[str, Any]
    label: str
    active: bool = True
    author: str = ""  # who made it ("" for edits made before authors were recorded)
    created_at: dt.datetime | None = None
