"""From stored events to what the timeline draws, and the filters the user sets."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from explorer.events.salience import summary_weight
from explorer.store.repo import EventSummary
from explorer.timeline.layout import TimelineData, TimelineEvent, View


def to_timeline_event(s: EventSummary) -> TimelineEvent:
    return TimelineEvent(
        s.id,
        s.title,
        float(s.span.start.toordinal()),
        float(s.span.end.toordinal() + 1),
        s.span.precision,
        s.actors,
        s.span.label(),
        summary_weight(s),
    )


def build(events: Iterable[TimelineEvent]) -> TimelineData:
    """What the timeline draws of these events (filtering is the event query's: query/)."""
    return TimelineData(list(events))


def actor_counts(events: Iterable[TimelineEvent]) -> Counter[str]:
    return Counter(a for e in events for a in e.actors)


DEFAULT_VIEW = View.years(2001, 2024)


def initial_view(data: TimelineData) -> View:
    """2001–2024, or, when the data lies elsewhere, the span where its events are dense: a few
    historical mentions ("the 1900s", "in 1066") do not stretch the view over a century.
    ``fit`` (the Home key) still shows everything."""
    if not data.ordered:
        return DEFAULT_VIEW
    inside = sum(1 for e in data.ordered if e.end > DEFAULT_VIEW.t0 and e.start < DEFAULT_VIEW.t1)
    # A few outliers ("the mid-2030s") do not move the default; data that lies elsewhere does.
    return DEFAULT_VIEW if inside >= 0.8 * len(data) else dense_view(data)


DENSE_SHARE = 0.9  # the middle nine tenths of the events, by date


def dense_view(data: TimelineData) -> View:
    middles = sorted((e.start + e.end) / 2 for e in data.ordered)
    cut = int(len(middles) * (1 - DENSE_SHARE) / 2)
    lo, hi = middles[cut], middles[len(middles) - 1 - cut]
    pad = max((hi - lo) * 0.06, 20.0)
    return View(lo - pad, hi + pad).clamped()


def fit(data: TimelineData) -> View:
    extent = data.extent()
    if extent is None:
        return DEFAULT_VIEW
    lo, hi = extent
    pad = max((hi - lo) * 0.04, 15.0)
    return View(lo - pad, hi + pad).clamped()
