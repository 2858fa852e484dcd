"""Two sources behind one interface, both applying the analyst's edits: ``MemorySource`` holds
a small store's curated events in memory; ``IndexedSource`` asks a big store's indexes and lays
the edits over what they return. ``open_source`` picks one by the store's size; callers never
ask which they got."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Protocol

from explorer.curation import view as cview
from explorer.curation.overlay import Curated
from explorer.events.salience import summary_weight
from explorer.model import Event
from explorer.query.event_query import EventQuery, Hidden, keeps
from explorer.store.queries import EventSummary
from explorer.store.repo import Store
from explorer.store.viewport import LONG_DAYS, DayCounts, StoreFilter, Stretch

LARGE_STORE = 50_000  # more events than this and queries go to the store's indexes


class EventSource(Protocol):
    store: Store
    kinds: dict[str, str]  # actor -> kind
    stored: int  # extracted events in the store
    indexed: bool  # answers come from the store's indexes (a big store), not from memory

    def answer(self, query: EventQuery) -> list[EventSummary]:
        """Every event the query keeps, by start date then id."""
        ...

    def day_counts(self, query: EventQuery) -> DayCounts:
        """Events the query keeps per start day, long ones included."""
        ...

    def long_events(self, query: EventQuery) -> list[EventSummary]: ...

    def heaviest(self, query: EventQuery, stretches: Sequence[Stretch]) -> list[EventSummary]:
        """The events of each stretch the query keeps (all, or its ``limit`` heaviest)."""
        ...

    def actor_counts(self) -> Counter[str]:
        """How many shown events each actor takes part in."""
        ...

    def event(self, event_id: int) -> Event:
        """One shown or hidden event with the sources of everything merged into it."""
        ...

    def events(self, summaries: list[EventSummary]) -> list[Event]: ...

    def documents_of(self, summaries: list[EventSummary]) -> dict[int, frozenset[int]]:
        """Event id -> the documents telling it (its merged sources' documents)."""
        ...

    def is_hidden(self, event_id: int) -> bool: ...

    def keys_of(self, event_ids: tuple[int, ...]) -> list[str]: ...

    def doubts(self, event_ids: set[int] | None = None) -> dict[int, list[str]]: ...

    def missing(self) -> list[str]:
        """Labels of edits whose sentences are gone from the documents."""
        ...

    def edited(self) -> set[int]:
        """Shown events the analyst edited."""
        ...


def open_source(store: Store, large: int | None = None) -> EventSource:
    """The source for this store: in memory when it is small, its indexes when it is big
    (more than ``large`` events, LARGE_STORE by default)."""
    count = store.event_count()
    if count > (LARGE_STORE if large is None else large):
        from explorer.query.indexed import IndexedSource

        return IndexedSource(store, count)
    return MemorySource(store, count)


def matches_words(
    store: Store, query: EventQuery, view: Curated, shown: list[EventSummary]
) -> set[int]:
    """Of these shown events, those whose title or a member's source sentence holds the
    words (an edited title is searched as edited)."""
    words = query.words.casefold()
    members = sorted({m for s in shown for m in view.groups.get(s.id, [s.id]) if m > 0})
    found = set(store.matching(StoreFilter(text=query.words), members)) if members else set()
    return {
        s.id
        for s in shown
        if words in s.title.casefold() or any(m in found for m in view.groups.get(s.id, [s.id]))
    }


def _by_start(events: list[EventSummary]) -> list[EventSummary]:
    return sorted(events, key=lambda e: (e.span.start, e.id))


class _Overlay:
    """What both sources share: the curated view of (some of) the events, and its answers."""

    store: Store
    view: Curated
    kinds: dict[str, str]

    def _shown(self, query: EventQuery) -> list[EventSummary]:
        if query.hidden is Hidden.ONLY:
            return self.view.hidden
        if query.hidden is Hidden.INCLUDE:
            return _by_start(self.view.events + self.view.hidden)
        return self.view.events

    def _kept(self, query: EventQuery) -> list[EventSummary]:
        kept = [s for s in self._shown(query) if keeps(query, s, self.kinds)]
        if query.words:
            hits = matches_words(self.store, query, self.view, kept)
            kept = [s for s in kept if s.id in hits]
        return kept

    def event(self, event_id: int) -> Event:
        return cview.curated_event(self.store, event_id, self.view)

    def events(self, summaries: list[EventSummary]) -> list[Event]:
        return cview.with_sources(self.store, summaries, self.view)

    def documents_of(self, summaries: list[EventSummary]) -> dict[int, frozenset[int]]:
        return cview.documents_of(self.store, summaries, self.view)

    def is_hidden(self, event_id: int) -> bool:
        return any(e.id == event_id for e in self.view.hidden)

    def keys_of(self, event_ids: tuple[int, ...]) -> list[str]:
        return cview.keys_of(self.store, event_ids, self.view)

    def missing(self) -> list[str]:
        return [c.label for c in self.view.missing]

    def edited(self) -> set[int]:
        return set(self.view.edited)


class MemorySource(_Overlay):
    indexed = False

    def __init__(self, store: Store, stored: int | None = None) -> None:
        self.store = store
        self.stored = store.event_count() if stored is None else stored
        self.kinds = store.actor_kinds()
        self.view = cview.curated(store)

    def answer(self, query: EventQuery) -> list[EventSummary]:
        return self._kept(query)

    def day_counts(self, query: EventQuery) -> DayCounts:
        days = Counter(s.span.start.toordinal() for s in self._kept(query))
        ordered = sorted(days.items())
        return DayCounts([d for d, _ in ordered], [n for _, n in ordered])

    def long_events(self, query: EventQuery) -> list[EventSummary]:
        return [s for s in self._kept(query) if is_long(s)]

    def heaviest(self, query: EventQuery, stretches: Sequence[Stretch]) -> list[EventSummary]:
        kept = [s for s in self._kept(query) if not is_long(s)]
        out: dict[int, EventSummary] = {}
        for st in stretches:
            inside = [s for s in kept if st.first <= s.span.start.toordinal() < st.stop]
            if st.limit is not None:
                inside = sorted(inside, key=lambda s: (-summary_weight(s), s.id))[: st.limit]
            out.update({s.id: s for s in inside})
        return list(out.values())

    def actor_counts(self) -> Counter[str]:
        return Counter(a for e in self.view.events for a in e.actors)

    def doubts(self, event_ids: set[int] | None = None) -> dict[int, list[str]]:
        return cview.doubts(self.store, self.view, event_ids)


def is_long(s: EventSummary) -> bool:
    """As the store's index has it: longer events are read once, not per view."""
    return s.span.end.toordinal() - s.span.start.toordinal() > LONG_DAYS
