"""What a report says, whatever it is written as (HTML, PDF, Markdown): its title and scope, the
timeline to draw (opened, as the window is, on the key events), and the chronology, oldest
first, each event with every source: every event the query keeps, or only its key events."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from explorer.curation.doubts import DISAGREE
from explorer.model import DateSpan, Precision, Source, file_of
from explorer.query.event_query import EventQuery
from explorer.query.key import find_key_events
from explorer.query.sources import EventSource, open_source
from explorer.store.queries import DocumentInfo, EventSummary
from explorer.store.repo import Store
from explorer.timeline.data import build, to_timeline_event
from explorer.timeline.layout import View
from explorer.timeline.opening import KEY_EVENTS, data_view

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


@dataclass(frozen=True)
class ReportSource:
    passage: str
    mark: tuple[int, int] | None  # the date expression within the passage
    document: DocumentInfo | None

    def citation(self) -> tuple[str, ...]:
        """Title, outlet, author (those known) and the publication date, in words."""
        d = self.document
        if d is None:
            return ()
        known = tuple(x for x in (d.title, d.outlet, d.author) if x)
        when = f"published {d.published:%d %B %Y}" if d.published else "no publication date"
        return (*known, when)

    def where(self) -> str:
        """The file, the article's place in it ("row 12") when it holds many, and its URL."""
        d = self.document
        if d is None:
            return ""
        place = file_of(d.path) + (f", {d.location}" if d.location else "")
        return place + (f" · {d.url}" if d.url else "")


@dataclass(frozen=True)
class ReportEntry:
    id: int
    date: str  # at the event's precision: "2001", "November 2021", "4–20 February 2022"
    iso: str
    title: str
    actors: tuple[str, ...]
    sources: tuple[ReportSource, ...]
    disagree: bool  # the sources give different dates
    edited: bool  # the analyst changed it
    key: bool = False  # one of the collection's key events


@dataclass(frozen=True)
class Report:
    title: str
    made: dt.datetime
    scope: tuple[str, ...]  # the filters, in words
    documents: int
    span: str
    entries: tuple[ReportEntry, ...]
    event_ids: frozenset[int]
    shown: tuple[EventSummary, ...] = ()  # the same events, as the report's timeline draws them
    key_ids: tuple[int, ...] = ()  # the key events, most important first: named first
    view: View | None = None  # where the report's timeline opens: the key events' span


def build_report(
    store: Store,
    query: EventQuery | None = None,
    *,
    title: str = "Timeline",
    ids: frozenset[int] | None = None,
    source: EventSource | None = None,
    key: int | None = None,
) -> Report:
    """The report of the events ``query`` keeps (and, if given, only those in ``ids``: the
    window's current view); with ``key``, of only its ``key`` key events. Its timeline opens
    on the span of the key events (KEY_EVENTS of them unless ``key`` says)."""
    query = query or EventQuery()
    if ids is not None:
        query = dataclasses.replace(query, ids=ids)
    source = source if source is not None else open_source(store)
    keys = find_key_events(store, query, KEY_EVENTS if key is None else key, source)
    key_ids = tuple(k.summary.id for k in keys)
    if key is None:
        summaries = source.answer(query)
    else:
        summaries = sorted((k.summary for k in keys), key=lambda s: (s.span.start, s.id))
    events = source.events(summaries)
    events.sort(key=lambda e: (e.span.start, e.span.end, e.id or 0))
    documents = {d.id: d for d in store.documents()}
    doubts = source.doubts({e.id for e in events if e.id is not None})
    edited = source.edited()
    entries = tuple(
        ReportEntry(
            id=e.id or 0,
            date=human_date(e.span),
            iso=e.span.label(),
            title=e.title,
            actors=e.actors,
            sources=tuple(_source(s, documents) for s in e.sources),
            disagree=DISAGREE in doubts.get(e.id or 0, ()),
            edited=(e.id or 0) in edited or (e.id or 0) < 0,
            key=(e.id or 0) in key_ids,
        )
        for e in events
    )
    used = {s.document_id for e in events for s in e.sources}
    span = (
        f"{human_date(events[0].span)} to {human_date(events[-1].span)}" if events else "—"
    )
    figure = build((to_timeline_event(s) for s in summaries), key_ids)
    return Report(
        title=title,
        made=dt.datetime.now().replace(microsecond=0),
        scope=scope_words(query, None if key is None else len(keys)),
        documents=len(used),
        span=span,
        entries=entries,
        event_ids=frozenset(e.id for e in events if e.id is not None),
        shown=tuple(summaries),
        key_ids=key_ids,
        view=data_view(figure),  # as the window opens: on the key events
    )


def scope_words(flt: EventQuery, key: int | None = None) -> tuple[str, ...]:
    out = []
    if key is not None:
        out.append(f"The {key} key events of the collection, by date.")
    if flt.actors:
        joined = " and ".join(flt.actors) if flt.match_all else " or ".join(flt.actors)
        out.append(f"Events with {joined}.")
    if flt.start or flt.end:
        out.append(f"From {flt.start or 'the first event'} to {flt.end or 'the last'}.")
    return tuple(out) or ("All events.",)


def _source(s: Source, documents: dict[int, DocumentInfo]) -> ReportSource:
    at = s.text.find(s.expression) if s.expression else -1
    mark = (at, at + len(s.expression)) if at >= 0 else None
    return ReportSource(s.text, mark, documents.get(s.document_id))


def human_date(span: DateSpan) -> str:
    """A date as a reader writes it, at its precision: never a day the text did not give."""
    a, b, p = span.start, span.end, span.precision
    if p is Precision.DAY:
        if a == b:
            return f"{a.day} {_MONTHS[a.month - 1]} {a.year}"
        if (a.year, a.month) == (b.year, b.month):
            return f"{a.day}–{b.day} {_MONTHS[a.month - 1]} {a.year}"
        if a.year == b.year:
            return f"{a.day} {_MONTHS[a.month - 1]} – {b.day} {_MONTHS[b.month - 1]} {a.year}"
        return f"{human_date(DateSpan.day(a))} – {human_date(DateSpan.day(b))}"
    if p is Precision.WEEK:
        return f"week of {a.day} {_MONTHS[a.month - 1]} {a.year}"
    if p is Precision.MONTH:
        first = f"{_MONTHS[a.month - 1]} {a.year}"
        if (a.year, a.month) == (b.year, b.month):
            return first
        return f"{first} – {_MONTHS[b.month - 1]} {b.year}"
    if p is Precision.QUARTER:
        return f"Q{(a.month - 1) // 3 + 1} {a.year}"
    if p is Precision.HALF:
        return f"{'first' if a.month <= 6 else 'second'} half of {a.year}"
    if p is Precision.SEASON:
        season = {3: "spring", 6: "summer", 9: "autumn", 12: "winter"}.get(a.month, "season")
        return f"{season} {a.year}"
    if p is Precision.YEAR:
        return str(a.year) if a.year == b.year else f"{a.year}–{b.year}"
    if p is Precision.DECADE:
        return f"the {a.year // 10 * 10}s" if b.year - a.year < 10 else f"{a.year}–{b.year}"
    return f"the {a.year // 100 + 1}th century"

