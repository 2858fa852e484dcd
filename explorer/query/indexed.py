"""A big store's answers from its indexes, with the analyst's edits laid over them.

Edits are few and name their events by source: the events they touch (and those of renamed
actors and removed documents) are read once and curated in memory; every answer is the
indexes' answer without those events, plus their curated form where the query keeps it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from explorer.curation.overlay import Curated, apply
from explorer.model import Event
from explorer.query.event_query import EventQuery, Hidden, keeps
from explorer.query.sources import _Overlay, is_long
from explorer.store.queries import EventSummary
from explorer.store.repo import Store
from explorer.store.viewport import DayCounts, StoreFilter, Stretch


class IndexedSource(_Overlay):
    indexed = True

    def __init__(self, store: Store, stored: int | None = None) -> None:
        self.store = store
        self.stored = store.event_count() if stored is None else stored
        self.kinds = store.actor_kinds()
        curations = [c for c in store.curations() if c.active and c.kind != "alias"]
        affected: set[int] = set()
        if curations:
            keys = {k for c in curations for k in c.payload.get("keys", ())}
            affected |= store.events_with_keys(keys)
            removed = {c.payload["path"] for c in curations if c.kind == "remove_document"}
            affected |= store.events_of_paths(removed)
            renamed = [c.payload["old"] for c in curations if c.kind == "rename_actor"]
            affected |= store.events_of_actors(renamed)
        self.affected = affected
        self._long: list[EventSummary] | None = None
        self.original = {s.id: s for s in store.summaries(affected)} if affected else {}
        self.view = Curated()
        if curations:
            keys_of = store.event_keys(tuple(sorted(affected))) if affected else {}
            self.view = apply(self.original.values(), keys_of, curations)

    # ------------------------------------------------------------------ the store's part

    def _filter(self, query: EventQuery) -> StoreFilter | None:
        """The store's share of the query; None when no stored event can be kept."""
        if query.hidden is Hidden.ONLY:
            return None  # nothing the indexes hold is hidden: hidden events are all curated
        any_of: tuple[str, ...] = ()
        if query.kinds:
            any_of = tuple(sorted(a for a, k in self.kinds.items() if k in query.kinds))
            if not any_of:
                return None
        return StoreFilter(
            actors=query.actors,
            match_all=query.match_all,
            first_day=query.start.toordinal() if query.start else None,
            last_day=query.end.toordinal() if query.end else None,
            text=query.words,
            any_of=any_of,
        )

    def _stored_matching(self, flt: StoreFilter) -> list[EventSummary]:
        """The original (uncurated) form of the touched events the store's filter keeps."""
        if not self.affected:
            return []
        kept = set(self.store.matching(flt, sorted(self.affected)))
        return [s for i, s in self.original.items() if i in kept]

    # ------------------------------------------------------------------ answers

    def answer(self, query: EventQuery) -> list[EventSummary]:
        flt = self._filter(query)
        ids: list[int] = []
        if flt is not None:
            ids = [i for i in self.store.matching(flt) if i not in self.affected]
        if query.ids is not None:
            ids = [i for i in ids if i in query.ids]
        found = self.store.summaries(ids) if ids else []
        return sorted(found + self._kept(query), key=lambda e: (e.span.start, e.id))

    def day_counts(self, query: EventQuery) -> DayCounts:
        flt = self._filter(query)
        per_day: Counter[int] = Counter()
        if flt is not None:
            counts = self.store.day_counts(flt)
            c = counts.cumulative
            per_day.update({d: c[n + 1] - c[n] for n, d in enumerate(counts.days)})
            per_day.subtract(s.span.start.toordinal() for s in self._stored_matching(flt))
        per_day.update(s.span.start.toordinal() for s in self._kept(query))
        kept = sorted((d, n) for d, n in per_day.items() if n > 0)
        return DayCounts([d for d, _ in kept], [n for _, n in kept])

    def long_events(self, query: EventQuery) -> list[EventSummary]:
        flt = self._filter(query)
        found: list[EventSummary] = []
        if flt is not None:
            if self._long is None:  # few, and the same for every query: read once
                self._long = self.store.long_events(StoreFilter())
            found = self._long
            if flt.text:  # words need the sources: ask the store about these few
                kept = set(self.store.matching(flt, [s.id for s in found]))
                found = [s for s in found if s.id in kept]
            elif flt != StoreFilter():  # actors, kinds and dates are on the summaries
                found = [s for s in found if keeps(query, s, self.kinds)]
        return _without(found, self.affected) + [s for s in self._kept(query) if is_long(s)]

    def heaviest(self, query: EventQuery, stretches: Sequence[Stretch]) -> list[EventSummary]:
        flt = self._filter(query)
        found = [] if flt is None else self.store.heaviest(stretches, flt, total=self.stored)
        mine = [
            s
            for s in self._kept(query)
            if not is_long(s)
            and any(st.first <= s.span.start.toordinal() < st.stop for st in stretches)
        ]
        return [s for s in _without(found, self.affected) if not is_long(s)] + mine

    def actor_counts(self) -> Counter[str]:
        counts = Counter(self.store.actor_event_counts())
        counts.subtract(a for s in self.original.values() for a in s.actors)
        counts.update(a for s in self.view.events for a in s.actors)
        return Counter({a: n for a, n in counts.items() if n > 0})

    def event(self, event_id: int) -> Event:
        if event_id < 0 or event_id in self.affected:
            return super().event(event_id)
        return self.store.event(event_id)

    def doubts(self, event_ids: set[int] | None = None) -> dict[int, list[str]]:
        from explorer.curation.view import doubts

        if event_ids is None:
            shown = self.answer(EventQuery())
            event_ids = {s.id for s in shown}
        return doubts(self.store, self._full_view(event_ids), event_ids)

    def _full_view(self, shown: set[int]) -> Curated:
        """The overlay's view, with the untouched shown events as their own groups."""
        groups = dict(self.view.groups)
        groups.update({i: [i] for i in shown if i not in groups})
        return Curated(self.view.events, self.view.hidden, groups, keys=self.view.keys)


def _without(found: Iterable[EventSummary], ids: set[int]) -> list[EventSummary]:
    return [s for s in found if s.id not in ids]
