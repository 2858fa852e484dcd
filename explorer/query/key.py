"""The key events of what a query keeps: the collection-wide ranking of events/key_events.py
over the curated view, as the CLI, the window and the report ask for it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from explorer.events.key_events import Telling, key_events
from explorer.events.salience import summary_weight
from explorer.model import Event
from explorer.query.event_query import EventQuery
from explorer.query.sources import EventSource, open_source
from explorer.store.queries import EventSummary
from explorer.store.repo import Store
from explorer.store.viewport import Stretch

# A big store's candidates: its heaviest events. Key dates are told by many documents, so
# they are among these; reading the sources of a million events would take minutes.
MAX_CANDIDATES = 5_000
_FIRST_DAY = dt.date(1, 1, 1).toordinal()
_LAST_DAY = dt.date(9999, 12, 31).toordinal()


@dataclass(frozen=True)
class KeyEvent:
    event: Event  # with its sources
    importance: float  # of its day across the collection: only the order matters
    summary: EventSummary  # the same event as the timeline draws it


def find_key_events(
    store: Store, query: EventQuery, limit: int, source: EventSource | None = None
) -> list[KeyEvent]:
    """The ``limit`` key events among those the query keeps, most important first."""
    if limit <= 0:
        return []
    source = source if source is not None else open_source(store)
    kept = _candidates(source, query)  # which dates compete is the ranking's business
    if len(kept) > MAX_CANDIDATES:
        kept = sorted(kept, key=summary_weight, reverse=True)[:MAX_CANDIDATES]
    # The ranking needs which documents tell each event; only the chosen are read whole.
    documents = source.documents_of(kept)
    tellings = [Telling(s, documents.get(s.id, frozenset())) for s in kept]
    published = store.publication_dates()
    chosen = key_events(tellings, published, limit, query.start, query.end)
    events = {e.id: e for e in source.events([k.event for k in chosen])}
    return [KeyEvent(events[k.event.id], k.importance, k.event) for k in chosen]


def _candidates(source: EventSource, query: EventQuery) -> list[EventSummary]:
    """What the ranking reads: every kept event of a small store; a big store's heaviest
    short events, found down its weight index (answering the whole query would read every
    summary, seconds on the window's store thread)."""
    if not source.indexed:
        return source.answer(query)
    whole = Stretch(_FIRST_DAY, _LAST_DAY + 1, MAX_CANDIDATES, source.stored)
    found = source.heaviest(query, [whole])
    if query.ids is not None:  # the indexes know nothing of the ids a view asks about
        found = [s for s in found if s.id in query.ids]
    return found
