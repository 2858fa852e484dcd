"""The key events of what a query keeps: the collection-wide ranking of events/key_events.py
over the curated view, as the CLI, the window and the report ask for it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from explorer.events.key_events import Telling, key_events
from explorer.events.salience import summary_weight
from explorer.model import Event, Precision
from explorer.query.event_query import EventQuery
from explorer.query.sources import EventSource, open_source
from explorer.store.repo import Store

# A big store's candidates: its heaviest day events. Key days are told by many documents, so
# they are among these; reading the sources of a million events would take minutes.
MAX_CANDIDATES = 20_000


@dataclass(frozen=True)
class KeyEvent:
    event: Event  # with its sources
    importance: float  # of its day across the collection: only the order matters


def find_key_events(
    store: Store, query: EventQuery, limit: int, source: EventSource | None = None
) -> list[KeyEvent]:
    """The ``limit`` key events among those the query keeps, most important first."""
    source = source if source is not None else open_source(store)
    kept = [s for s in source.answer(query) if s.span.precision is Precision.DAY]
    if len(kept) > MAX_CANDIDATES:
        kept = sorted(kept, key=summary_weight, reverse=True)[:MAX_CANDIDATES]
    events = {e.id: e for e in source.events(kept)}
    tellings = [
        Telling(s, frozenset(src.document_id for src in events[s.id].sources))
        for s in kept
        if s.id in events
    ]
    published: dict[int, dt.date | None] = {d.id: d.published for d in store.documents()}
    chosen = key_events(tellings, published, limit, query.start, query.end)
    return [KeyEvent(events[k.event.id], k.importance) for k in chosen]
