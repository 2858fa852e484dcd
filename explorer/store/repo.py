"""The store's repository: writes one document per transaction, reads back ``model`` values.

Bulk rows go through SQLAlchemy Core (executemany); ORM objects never leave this module.
"""

from __future__ import annotations

import array
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, delete, func, insert, select

from explorer.analysis import Analysis
from explorer.errors import StoreError
from explorer.model import DateSpan, Document, Event, Precision, Source
from explorer.store.db import make_engine, translated
from explorer.store.event_writer import write_events
from explorer.store.schema import (
    ActorRow,
    DocumentRow,
    EventActorRow,
    EventRow,
    EventSourceRow,
    ExpressionRow,
    MentionRow,
    PassageRow,
)


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


@dataclass(frozen=True)
class EventSummary:
    """An event without its sources: what the timeline draws."""

    id: int
    title: str
    span: DateSpan
    actors: tuple[str, ...]


@dataclass(frozen=True)
class SaveResult:
    document_id: int
    status: str  # "imported", "replaced", "unchanged"
    events_created: int = 0
    events_merged: int = 0


@dataclass(frozen=True)
class EventFilter:
    actors: tuple[str, ...] = ()
    start: dt.date | None = None
    end: dt.date | None = None
    match_all: bool = False  # all listed actors, not any


class Store:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.engine: Engine = make_engine(self.path)

    def close(self) -> None:
        self.engine.dispose()

    # ------------------------------------------------------------------ writing

    def known_sha(self, path: str) -> str | None:
        with translated(self.path), self.engine.connect() as conn:
            return conn.execute(
                select(DocumentRow.sha256).where(DocumentRow.path == path)
            ).scalar_one_or_none()

    def save(
        self, analysis: Analysis, *, force: bool = False, kinds: dict[str, str] | None = None
    ) -> SaveResult:
        """Store one analysed document in one transaction (all of it, or nothing)."""
        doc = analysis.document
        with translated(self.path), self.engine.begin() as conn:
            old = conn.execute(
                select(DocumentRow.id, DocumentRow.sha256).where(DocumentRow.path == doc.path)
            ).first()
            status = "imported"
            if old is not None:
                if old.sha256 == doc.sha256 and not force:
                    return SaveResult(old.id, "unchanged")
                _delete_document(conn, old.id)
                status = "replaced"
            doc_id = conn.execute(
                insert(DocumentRow).values(
                    path=doc.path,
                    sha256=doc.sha256,
                    format=doc.format,
                    title=doc.title,
                    outlet=doc.outlet,
                    author=doc.author,
                    published=doc.published,
                    published_source=doc.published_source,
                    original=doc.original,
                    text=doc.text,
                    offsets=array.array("i", doc.offsets).tobytes(),
                    imported_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
                )
            ).inserted_primary_key[0]  # type: ignore[index]
            tm = doc.text_map
            if analysis.passages:
                conn.execute(
                    insert(PassageRow),
                    [
                        dict(
                            document_id=doc_id,
                            idx=p.index,
                            start=p.start,
                            end=p.end,
                            orig_start=o_start,
                            orig_end=o_end,
                            text=p.text,
                        )
                        for p in analysis.passages
                        for o_start, o_end in [tm.to_original(p.start, p.end)]
                    ],
                )
            passage_ids = dict(
                conn.execute(
                    select(PassageRow.idx, PassageRow.id).where(PassageRow.document_id == doc_id)
                ).all()
            )
            passage_of = _passage_index(analysis)
            rows = []
            for e in analysis.expressions:
                p_idx = passage_of(e.start)
                if p_idx is None:
                    continue
                o_start, o_end = tm.to_original(e.start, e.end)
                rows.append(
                    dict(
                        document_id=doc_id,
                        passage_id=passage_ids[p_idx],
                        start=e.start,
                        end=e.end,
                        orig_start=o_start,
                        orig_end=o_end,
                        text=e.text,
                        kind=e.kind,
                        inferred=e.inferred,
                        start_date=e.span.start if e.span else None,
                        end_date=e.span.end if e.span else None,
                        precision=e.span.precision.value if e.span else None,
                        reference=e.reference.value if e.reference else None,
                    )
                )
            if rows:
                conn.execute(insert(ExpressionRow), rows)
            expression_ids = dict(
                conn.execute(
                    select(ExpressionRow.start, ExpressionRow.id).where(
                        ExpressionRow.document_id == doc_id
                    )
                ).all()
            )
            names = {m.actor for m in analysis.mentions}
            actor_ids = _ensure_actors(conn, names, kinds or {})
            if analysis.mentions:
                conn.execute(
                    insert(MentionRow),
                    [
                        dict(
                            document_id=doc_id,
                            actor_id=actor_ids[m.actor],
                            start=m.start,
                            end=m.end,
                        )
                        for m in analysis.mentions
                    ],
                )
            created, merged = write_events(conn, analysis.drafts, expression_ids, actor_ids)
            return SaveResult(doc_id, status, created, merged)

    def delete_document(self, doc_id: int) -> None:
        with translated(self.path), self.engine.begin() as conn:
            if conn.execute(select(DocumentRow.id).where(DocumentRow.id == doc_id)).first() is None:
                raise StoreError(f"No document with id {doc_id}.")
            _delete_document(conn, doc_id)

    # ------------------------------------------------------------------ reading

    def documents(self) -> list[DocumentInfo]:
        with translated(self.path), self.engine.connect() as conn:
            counts = dict(
                conn.execute(
                    select(ExpressionRow.document_id, func.count(EventSourceRow.id))
                    .join(EventSourceRow, EventSourceRow.expression_id == ExpressionRow.id)
                    .group_by(ExpressionRow.document_id)
                ).all()
            )
            rows = conn.execute(
                select(
                    DocumentRow.id,
                    DocumentRow.path,
                    DocumentRow.title,
                    DocumentRow.outlet,
                    DocumentRow.author,
                    DocumentRow.published,
                    DocumentRow.published_source,
                    DocumentRow.sha256,
                ).order_by(DocumentRow.id)
            ).all()
        return [DocumentInfo(*r, events=counts.get(r.id, 0)) for r in rows]

    def document(self, doc_id: int) -> Document:
        with translated(self.path), self.engine.connect() as conn:
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
            offsets=tuple(offsets),
            format=row.format,
            title=row.title,
            outlet=row.outlet,
            author=row.author,
            published=row.published,
            published_source=row.published_source,
        )

    def summaries(self) -> list[EventSummary]:
        """Every event as plain tuples, fast enough for 100k rows (no sources, no ORM)."""
        with translated(self.path), self.engine.connect() as conn:
            actors = _actor_names(conn, ())
            rows = conn.execute(
                select(
                    EventRow.id,
                    EventRow.title,
                    EventRow.start_date,
                    EventRow.end_date,
                    EventRow.precision,
                )
            ).all()
        return [
            EventSummary(r[0], r[1], DateSpan(r[2], r[3], Precision(r[4])), tuple(actors[r[0]]))
            for r in rows
        ]

    def search_event_ids(self, text: str) -> set[int]:
        """Events whose title or any source sentence contains ``text`` (case-insensitive)."""
        pattern = f"%{text.strip()}%"
        with translated(self.path), self.engine.connect() as conn:
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

    def events(self, flt: EventFilter | None = None, ids: tuple[int, ...] = ()) -> list[Event]:
        flt = flt or EventFilter()
        with translated(self.path), self.engine.connect() as conn:
            q = select(
                EventRow.id,
                EventRow.title,
                EventRow.start_date,
                EventRow.end_date,
                EventRow.precision,
            )
            if flt.start is not None:
                q = q.where(EventRow.end_date >= flt.start)
            if flt.end is not None:
                q = q.where(EventRow.start_date <= flt.end)
            if ids:
                q = q.where(EventRow.id.in_(ids))
            rows = conn.execute(
                q.order_by(EventRow.start_date, EventRow.end_date, EventRow.id)
            ).all()
            actors = _actor_names(conn, ids)
            sources = _sources(conn, ids)
        wanted = {a.casefold() for a in flt.actors}
        out: list[Event] = []
        for r in rows:
            names = actors.get(r.id, [])
            if wanted:
                have = {n.casefold() for n in names}
                if flt.match_all and not wanted <= have:
                    continue
                if not flt.match_all and not wanted & have:
                    continue
            span = DateSpan(r.start_date, r.end_date, Precision(r.precision))
            out.append(Event(r.id, r.title, span, tuple(names), tuple(sources.get(r.id, []))))
        return out


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
        )
        .join(ExpressionRow, ExpressionRow.id == EventSourceRow.expression_id)
        .join(PassageRow, PassageRow.id == ExpressionRow.passage_id)
        .order_by(EventSourceRow.event_id, ExpressionRow.document_id, ExpressionRow.start)
    )
    if ids:
        q = q.where(EventSourceRow.event_id.in_(ids))
    out: dict[int, list[Source]] = defaultdict(list)
    for row in conn.execute(q):
        out[row[0]].append(Source(*row[1:]))
    return out


def _ensure_actors(conn: Connection, names: set[str], kinds: dict[str, str]) -> dict[str, int]:
    if not names:
        return {}
    found = dict(
        conn.execute(select(ActorRow.name, ActorRow.id).where(ActorRow.name.in_(names))).all()
    )
    new = [n for n in names if n not in found]
    if new:
        conn.execute(insert(ActorRow), [dict(name=n, kind=kinds.get(n, "other")) for n in new])
        found.update(
            conn.execute(select(ActorRow.name, ActorRow.id).where(ActorRow.name.in_(new))).all()
        )
    return found


def _delete_document(conn: Connection, doc_id: int) -> None:
    touched = (
        select(EventSourceRow.event_id)
        .join(ExpressionRow, ExpressionRow.id == EventSourceRow.expression_id)
        .where(ExpressionRow.document_id == doc_id)
    )
    event_ids = set(conn.execute(touched).scalars())
    conn.execute(delete(DocumentRow).where(DocumentRow.id == doc_id))
    if event_ids:
        # Events that lost their last source go; the others keep their remaining sources.
        still = set(
            conn.execute(
                select(EventSourceRow.event_id).where(EventSourceRow.event_id.in_(event_ids))
            ).scalars()
        )
        gone = event_ids - still
        if gone:
            conn.execute(delete(EventRow).where(EventRow.id.in_(gone)))


def _passage_index(analysis: Analysis):  # type: ignore[no-untyped-def]
    import bisect

    starts = [p.start for p in analysis.passages]

    def find(pos: int) -> int | None:
        i = bisect.bisect_right(starts, pos) - 1
        if i >= 0 and analysis.passages[i].start <= pos < analysis.passages[i].end:
            return analysis.passages[i].index
        return None

    return find
