"""A big store seen through the view: each view loads what it shows (every event of sparse
stretches, the heaviest of dense ones) from the store's indexes, and day counts say how many
events each cluster stands for. Loaded data covers three view-widths, so panning and small
zooms reuse it; a filter change asks the store again. A small store's events are all loaded
at once (``WholeSource``); ``provider`` picks, and the window draws either the same way.

Both carry the collection's key events (query/key.py, found by timeline/opening.py): every
view's data holds them, loaded or not, and names them first."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from explorer.query.event_query import EventQuery
from explorer.query.sources import EventSource
from explorer.store.queries import EventSummary
from explorer.store.viewport import DayCounts, Stretch
from explorer.timeline.data import DENSE_SHARE, around, dense_view, to_timeline_event
from explorer.timeline.layout import LONG_DAYS, Metrics, TimelineData, TimelineEvent, View

__all__ = ["Provider", "WholeSource", "WindowedSource", "provider"]

ZOOM_SLACK = 1.6  # a zoom within this factor of the loaded one reuses it
EVERYTHING = EventQuery()
METRICS = Metrics()


class Provider(Protocol):
    total: int  # events the query keeps
    key: frozenset[int]  # the key events' ids, named first in every view

    def data_for(
        self, view: View, width: float, lanes: int, m: Metrics = METRICS
    ) -> TimelineData: ...

    def actor_counts(self) -> Counter[str]: ...

    def dense_view(self) -> View | None:
        """Where the events are dense (None: no events), for a timeline without key events."""
        ...


class WholeSource:
    """Every event the query keeps, loaded once: a small store."""

    def __init__(
        self,
        source: EventSource,
        query: EventQuery = EVERYTHING,
        keys: Sequence[EventSummary] = (),
    ) -> None:
        self.key = frozenset(s.id for s in keys)
        events = [to_timeline_event(s) for s in source.answer(query)]
        self.data = TimelineData(events, key=self.key)
        self.total = len(self.data)

    def data_for(
        self, view: View, width: float, lanes: int, m: Metrics = METRICS
    ) -> TimelineData:
        return self.data

    def actor_counts(self) -> Counter[str]:
        return Counter(a for e in self.data.ordered for a in e.actors)

    def dense_view(self) -> View | None:
        return dense_view(self.data)


def provider(
    source: EventSource, query: EventQuery = EVERYTHING, keys: Sequence[EventSummary] = ()
) -> Provider:
    """What the window and exports draw from: everything at once for a small store, by view
    for a big one; ``keys``, the key events, in every view."""
    if source.indexed:
        return WindowedSource(source, query, keys)
    return WholeSource(source, query, keys)


@dataclass(frozen=True)
class _Loaded:
    view: View  # the stretch loaded (three view-widths)
    span: float  # the view span it was loaded for
    data: TimelineData


class WindowedSource:
    def __init__(
        self,
        source: EventSource,
        query: EventQuery = EVERYTHING,
        keys: Sequence[EventSummary] = (),
    ) -> None:
        self.source = source
        self.query = query
        self.key = frozenset(s.id for s in keys)
        self.keys = [to_timeline_event(s) for s in keys]  # in every view's data
        self.long: list[TimelineEvent] = [
            to_timeline_event(s) for s in source.long_events(query)
        ]
        counts = source.day_counts(query)
        self.density = _without(counts, [int(e.start) for e in self.long])
        self.total = self.density.total + len(self.long)
        self.store_total = source.stored
        self._loaded: _Loaded | None = None

    def data_for(
        self, view: View, width: float, lanes: int, m: Metrics = METRICS
    ) -> TimelineData:
        loaded = self._loaded
        if (
            loaded is not None
            and loaded.view.t0 <= view.t0
            and view.t1 <= loaded.view.t1
            and 1 / ZOOM_SLACK <= view.span / loaded.span <= ZOOM_SLACK
        ):
            return loaded.data
        wide = View(view.t0 - view.span, view.t1 + view.span)
        stretches = self.stretches(wide, view.span * m.bin_width / max(width, 1), lanes)
        found = self.source.heaviest(self.query, stretches)
        events = self.long + [to_timeline_event(s) for s in found if s.span is not None]
        have = {e.id for e in events}
        events += [e for e in self.keys if e.id not in have]
        data = TimelineData(events, density=self.density, total=self.total, key=self.key)
        self._loaded = _Loaded(wide, view.span, data)
        return data

    def stretches(self, wide: View, bin_days: float, lanes: int) -> list[Stretch]:
        """Bins of the layout's width over ``wide`` (and the LONG_DAYS before it, whose short
        events may reach into view): all of a sparse bin, the heaviest of a dense one."""
        bin_days = max(bin_days, 1.0)
        out: list[Stretch] = []
        first = int(wide.t0 - LONG_DAYS)
        edge = float(first)
        while edge < wide.t1:
            stop = int(min(edge + (LONG_DAYS if edge < wide.t0 else bin_days), wide.t1) + 1)
            lo = int(edge)
            n = self.density.count(lo, stop)
            if n:
                sparse = n <= 3 * lanes and edge >= wide.t0
                out.append(Stretch(lo, stop, None if sparse else max(lanes, 8), n))
            edge = float(stop)
        return _joined(out)

    def dense_view(self) -> View | None:
        """The middle nine tenths of the events by start day, from the day counts (a big
        store is not read whole to find it)."""
        c, days = self.density.cumulative, self.density.days
        if not days:
            return dense_view(TimelineData(self.long))
        cut = int(c[-1] * (1 - DENSE_SHARE) / 2)

        def day_of(rank: int) -> float:
            return float(days[bisect.bisect_right(c, rank) - 1])

        return around(day_of(cut), day_of(c[-1] - 1 - cut) + 1)

    def actor_counts(self) -> Counter[str]:
        """Actors of the loaded events (a big store's exact counts come from the store)."""
        data = self._loaded.data if self._loaded else TimelineData([])
        return Counter(a for e in data.ordered for a in e.actors)


def _without(counts: DayCounts, days: list[int]) -> DayCounts:
    if not days:
        return counts
    per_day = dict(zip(counts.days, _deltas(counts), strict=True))
    for d in days:
        if per_day.get(d, 0) > 0:
            per_day[d] -= 1
    kept = sorted((d, n) for d, n in per_day.items() if n > 0)
    return DayCounts([d for d, _ in kept], [n for _, n in kept])


def _deltas(counts: DayCounts) -> list[int]:
    c = counts.cumulative
    return [c[i + 1] - c[i] for i in range(len(c) - 1)]


def _joined(stretches: list[Stretch]) -> list[Stretch]:
    """Neighbouring read-everything stretches as one range (one condition, not many)."""
    out: list[Stretch] = []
    for s in stretches:
        last = out[-1] if out else None
        if last is not None and last.limit is None and s.limit is None and last.stop == s.first:
            out[-1] = Stretch(last.first, s.stop, None, last.count + s.count)
        else:
            out.append(s)
    return out
