"""The one function every view asks: the events a query keeps, from whichever source fits the
store (sources.py), with their sources when the caller lists or exports them."""

from __future__ import annotations

from explorer.model import Event
from explorer.query.event_query import EventQuery
from explorer.query.sources import EventSource, open_source
from explorer.store.repo import Store


def find_events(
    store: Store, query: EventQuery, source: EventSource | None = None
) -> list[Event]:
    """The kept events with all their (merged) sources: what the CLI, exports and the
    report list."""
    source = source if source is not None else open_source(store)
    return source.events(source.answer(query))
