"""What the window reads of a store for one view, off the GUI thread (see store_ops.py): plain
values and the event source, handed to the window to draw."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from explorer.curation.overlay import Curated
from explorer.query.event_query import EventQuery
from explorer.query.sources import EventSource, MemorySource
from explorer.store.queries import DocumentInfo
from explorer.store.repo import Store
from explorer.timeline import data as tdata
from explorer.timeline.layout import TimelineData, View
from explorer.timeline.windowed import Provider, provider


@dataclass(frozen=True)
class Loaded:
    """What one view of the timeline needs, read off the GUI thread."""

    provider: Provider
    view: View
    data: TimelineData


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
) -> Loaded:
    prov = provider(source, query)
    if not keep_view and source.indexed:
        view = tdata.DEFAULT_VIEW  # a big store is not read whole to find its dense span
    elif not keep_view:
        view = tdata.initial_view(prov.data_for(view, width, lanes))
    return load_view(source, prov, view, width, lanes)


def load_view(
    source: EventSource, prov: Provider, view: View, width: float, lanes: int
) -> Loaded:
    return Loaded(prov, view, prov.data_for(view, width, lanes))


class Empty(MemorySource):
    """No events: what the window shows while a store cannot be read."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.stored = 0
        self.kinds = {}
        self.view = Curated()
