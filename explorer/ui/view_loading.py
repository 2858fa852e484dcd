"""What the window reads of a store for one view, off the GUI thread (see store_ops.py): plain
values and the event source, handed to the window to draw."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from explorer.curation.overlay import Curated
from explorer.query.event_query import EventQuery
from explorer.query.key import KeyEvent
from explorer.query.sources import EventSource, MemorySource
from explorer.store.queries import DocumentInfo
from explorer.store.repo import Store
from explorer.timeline.layout import TimelineData, View
from explorer.timeline.opening import KEY_EVENTS, open_timeline
from explorer.timeline.windowed import Provider


@dataclass(frozen=True)
class Loaded:
    """What one view of the timeline needs, read off the GUI thread: what to draw and, when
    the query was answered anew, its key events (most important first) and the view that
    spans them (None: the same as before, another view of the same timeline)."""

    provider: Provider
    view: View
    data: TimelineData
    keys: tuple[KeyEvent, ...] | None = None
    key_view: View | None = None


@dataclass(frozen=True)
class Snapshot:
    changes: int
    source: EventSource
    documents: dict[int, DocumentInfo]
    counts: Counter[str]
    kinds: dict[str, str]
    loaded: Loaded


def load(
    source: EventSource,
    query: EventQuery,
    view: View,
    width: float,
    lanes: int,
    keep_view: bool,
    key_limit: int = KEY_EVENTS,
) -> Loaded:
    """The query's timeline and key events; the view opens on them unless ``keep_view``."""
    opening = open_timeline(source, query, key_limit)
    view = view if keep_view else opening.view
    prov = opening.provider
    return Loaded(prov, view, prov.data_for(view, width, lanes), opening.keys, opening.view)


def load_view(
    source: EventSource, prov: Provider, view: View, width: float, lanes: int
) -> Loaded:
    """Another view of the same timeline (a big store loads what it shows)."""
    return Loaded(prov, view, prov.data_for(view, width, lanes))


class Empty(MemorySource):
    """No events: what the window shows while a store cannot be read."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.stored = 0
        self.kinds = {}
        self.view = Curated()
