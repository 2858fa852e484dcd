"""The store's read side: queries that return ``model`` values and plain tuples."""

from __future__ import annotations

import array
import datetime as dt
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, func, select

from explorer.errors import StoreError
from explorer.model import DateSpan, Document, Event, Precision, Source, page_at
from explorer.store.db import translated
from explorer.store.location import Location
from explorer.store.schema import (
    ActorRow,
    DocumentRow,
    EventActorRow,
    EventRow,
    EventSourceRow,
    ExpressionRow,
    PassageRow,
)
from explorer.store.weights import NO_SOURCE, source_reports


@dataclass(frozen=True)
class DocumentInfo:
    id: int
    path: str
    title: str | None
    outlet: str | None
    author: str | None
    published: dt.date | None
    published_source: str | None
    sha256: str
    events: int
    url: str | None = None
    location: str | None = None  # where in a file of many articles it is ("row 12")
    pages: tuple[int, ...] = ()  # a paged file's page starts (see Document.pages)

    def page_of(self, offset: int) -> int | None:
        return page_at(self.pages, offset)


@dataclass(frozen=True)
class EventSummary:
    """An event without its sources: what the timeline draws."""

    id: int
    title: str
    span: DateSpan
    actors: tuple[str, ...]
    sources: int = 1  # the sentences that report it
    documents: int = 1  # the documents those sentences are in
    first_passage: int = NO_SOURCE  # the earliest passage of its sources (0: a headline)
    weight: float | None = None  # the stored salience, when read from the events' own row




@dataclass(frozen=True)
class SaveResult:
    document_id: int
    status: str  # "imported", "replaced", "unchanged"
    events_created: int = 0
    events_merged: int = 0


class StoreReads:
    """Queries; ``Store`` adds the writes."""

    location: Location
    engine: Engine

    def actor_kinds(self) -> dict[str, str]:
        """Every stored actor's kind (person, country, organisation, company, alliance, other)."""
        with translated(self.location), self.engine.connect() as conn:
            rows = conn.execute(select(ActorRow.name, ActorRow.kind)).all()
            return {str(name): str(kind) for name, kind in rows}

    def publication_dates(self) -> dict[int, dt.date | None]:
        """Each document's publication date, by id: all a ranking across the collection
        needs of them, without counting their events."""
        with translated(self.location), self.engine.connect() as conn:
            rows = conn.execute(select(DocumentRow.id, DocumentRow.published)).all()
        return {int(i): p for i, p in rows}

    def event_documents(self, ids: Collection[int]) -> dict[int, frozenset[int]]:
        """Event id -> the documents its sources are in, for these events: what a ranking
        across the collection reads of their sources, without the sentences themselves."""
        out: dict[int, set[int]] = defaultdict(set)
        wanted = sorted(ids)
        with translated(self.location), self.engine.connect() as conn:
            for n in range(0, len(wanted), 5000):
                q = (
                    select(EventSourceRow.event_id, ExpressionRow.document_id)
                    .join(ExpressionRow, ExpressionRow.id == EventSourceRow.expression_id)
                    .where(EventSourceRow.event_id.in_(wanted[n : n + 5000]))
                    .distinct()
                )
                for event_id, document_id in conn.execute(q):
                    out[int(event_id)].add(int(document_id))
        return {k: frozenset(v) for k, v in out.items()}

    def documents(self, ids: Collection[int] | None = None) -> list[DocumentInfo]:
        """Every document, or those with these ids, with how many event sources each has."""
        with translated(self.location), self.engine.connect() as conn:
            counted = (
                select(ExpressionRow.document_id, func.count(EventSourceRow.id))
                .join(EventSourceRow, EventSourceRow.expression_id == ExpressionRow.id)
                .group_by(ExpressionRow.document_id)
            )
            listed = select(
                DocumentRow.id,
                DocumentRow.path,
                DocumentRow.title,
                DocumentRow.outlet,
                DocumentRow.author,
                DocumentRow.published,
                DocumentRow.published_source,
                DocumentRow.sha256,
                DocumentRow.url,
                DocumentRow.location,
                DocumentRow.pages,
            ).order_by(DocumentRow.id)
            if ids is not None:
                counted = counted.where(ExpressionRow.document_id.in_(list(ids)))
                listed = listed.where(DocumentRow.id.in_(list(ids)))
            counts = {int(d): int(n) for d, n in conn.execute(counted).all()}
            rows = conn.execute(listed).all()
        return [
            DocumentInfo(
                *r[:8],
                events=counts.get(r.id, 0),
                url=r.url,
                location=r.location,
                pages=_pages(r.pages),
            )
            for r in rows
        ]

    def document(self, doc_id: int) -> Document:
        with translated(self.location), self.engine.connect() as conn:
            r = conn.execute(select(DocumentRow).where(DocumentRow.id == doc_id)).first()
        if r is None:
            raise StoreError(f"No document with id {doc_id}.")
        row = r[0] if not hasattr(r, "path") else r
        offsets = array.array("i")
        offsets.frombytes(row.offsets)
        return Document(
            path=row.path,
            sha256=row.sha256,
            original=row.original,
            text=row.text,
            offsets=offsets,
            format=row.format,
            title=row.title,
            outlet=row.outlet,
            author=row.author,
            published=row.published,
            published_source=row.published_source,
            url=row.url,
            location=row.location,
            pages=_pages(row.pages),
        )

    def summaries(self, ids: Collection[int] | None = None) -> list[EventSummary]:
        """Every event (or those with these ids) as plain tuples, fast enough for 100k rows (no
        sources, no ORM), with what its salience is made of: how many sentences and documents
        report it, and where in its article the first of them is."""
        with translated(self.location), self.engine.connect() as conn:
            q = _EVENT_ROWS
            if ids is None:
                actors = _actor_names(conn, ())
                rows = conn.execute(q).all()
                reports = source_reports(conn)
            else:
                wanted = sorted(ids)
                actors, rows, reports = defaultdict(list), [], {}
                for n in range(0, len(wanted), 5000):
                    chunk = tuple(wanted[n : n + 5000])
                    actors.update(_actor_names(conn, chunk))
                    rows += conn.execute(q.where(EventRow.id.in_(chunk))).all()
                    reports.update(source_reports(conn, list(chunk)))
        out = []
        for r in rows:
            sources, documents, first = reports.get(r[0], (1, 1, NO_SOURCE))
            out.append(
                EventSummary(
                    r[0],
                    r[1],
                    DateSpan(r[2], r[3], Precision(r[4])),
                    tuple(actors[r[0]]),
                    sources,
                    documents,
                    first,
                )
            )
        return out

    def reading_of(
        self, document_id: int, expression_start: int
    ) -> tuple[DateSpan | None, str | None]:
        """How the expression at this offset (in the document as written) was read at import,
        and what else it could mean (see TimeExpression.ambiguity)."""
        with translated(self.location), self.engine.connect() as conn:
            row = conn.execute(
                select(
                    ExpressionRow.start_date,
                    ExpressionRow.end_date,
                    ExpressionRow.precision,
                    ExpressionRow.ambiguity,
                ).where(
                    ExpressionRow.document_id == document_id,
                    ExpressionRow.orig_start == expression_start,
                )
            ).first()
        if row is None or row[0] is None or row[1] is None:
            return None, None
        return DateSpan(row[0], row[1], Precision(str(row[2]))), row[3]

    def search_event_ids(self, text: str) -> set[int]:
        """Events whose title or any source sentence contains ``text`` (case-insensitive)."""
        pattern = f"%{text.strip()}%"
        with translated(self.location), self.engine.connect() as conn:
            by_title = conn.execute(select(EventRow.id).where(EventRow.title.ilike(pattern)))
            by_passage = conn.execute(
                select(EventSourceRow.event_id)
                .join(ExpressionRow, ExpressionRow.id == EventSourceRow.expression_id)
                .join(PassageRow, PassageRow.id == ExpressionRow.passage_id)
                .where(PassageRow.text.ilike(pattern))
            )
            return set(by_title.scalars()) | set(by_passage.scalars())

    def event(self, event_id: int) -> Event:
        found = self.events(ids=(event_id,))
        if not found:
            raise StoreError(f"No event with id {event_id}.")
        return found[0]

    def events(self, ids: tuple[int, ...] = ()) -> list[Event]:
        """Extracted events (these, or all when empty) with their sources, by date."""
        with translated(self.location), self.engine.connect() as conn:
            q = _EVENT_ROWS
            if ids:
                q = q.where(EventRow.id.in_(ids))
            rows = conn.execute(
                q.order_by(EventRow.start_date, EventRow.end_date, EventRow.id)
            ).all()
            actors = _actor_names(conn, ids)
            sources = _sources(conn, ids)
        out: list[Event] = []
        for r in rows:
            span = DateSpan(r.start_date, r.end_date, Precision(r.precision))
            names = actors.get(r.id, [])
            out.append(Event(r.id, r.title, span, tuple(names), tuple(sources.get(r.id, []))))
        return out


# An event's own columns, as every summary and event is read.
_EVENT_ROWS = select(
    EventRow.id, EventRow.title, EventRow.start_date, EventRow.end_date, EventRow.precision
)


def _actor_names(conn: Connection, ids: tuple[int, ...]) -> dict[int, list[str]]:
    """Event id -> its actors' names (for ``ids``, or every event when empty)."""
    q = (
        select(EventActorRow.event_id, ActorRow.name)
        .join(ActorRow, ActorRow.id == EventActorRow.actor_id)
        .order_by(EventActorRow.event_id, ActorRow.name)
    )
    if ids:
        q = q.where(EventActorRow.event_id.in_(ids))
    out: dict[int, list[str]] = defaultdict(list)
    for event_id, name in conn.execute(q):
        out[event_id].append(name)
    return out


def _sources(conn: Connection, ids: tuple[int, ...]) -> dict[int, list[Source]]:
    q = (
        select(
            EventSourceRow.event_id,
            ExpressionRow.document_id,
            PassageRow.orig_start,
            PassageRow.orig_end,
            PassageRow.text,
            ExpressionRow.text,
            ExpressionRow.orig_start,
            ExpressionRow.orig_end,
            ExpressionRow.start_date,
            ExpressionRow.end_date,
            ExpressionRow.precision,
        )
        .join(ExpressionRow, ExpressionRow.id == EventSourceRow.expression_id)
        .join(PassageRow, PassageRow.id == ExpressionRow.passage_id)
        .order_by(EventSourceRow.event_id, ExpressionRow.document_id, ExpressionRow.start)
    )
    if ids:
        q = q.where(EventSourceRow.event_id.in_(ids))
    out: dict[int, list[Source]] = defaultdict(list)
    for row in conn.execute(q):
        label = DateSpan(row[8], row[9], Precision(row[10])).label() if row[8] and row[9] else ""
        out[row[0]].append(Source(*row[1:8], resolved=label))
    return out


def _pages(stored: str | None) -> tuple[int, ...]:
    """A paged document's page starts, as the documents table keeps them ("0,1845,3920")."""
    return tuple(int(p) for p in stored.split(",")) if stored else ()
