"""From stored events to what the timeline draws, and the filters the user sets."""

from __future__ import annotations

import datetime as dt
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


def build(events: Iterable[TimelineEvent], key: Iterable[int] = ()) -> TimelineData:
    """What the timeline draws of these events (filtering is the event query's: query/), the
    ``key`` events named first."""
    return TimelineData(list(events), key=frozenset(key))


def actor_counts(events: Iterable[TimelineEvent]) -> Counter[str]:
    return Counter(a for e in events for a in e.actors)


EMPTY_YEARS = 10  # an empty timeline shows the last ten years


def empty_view(today: dt.date | None = None) -> View:
    """Where a timeline with nothing on it opens: the last ten years, this one included.
    Timelines with events open where their key events are (timeline/opening.py)."""
    year = (today or dt.date.today()).year
    return View.years(year - EMPTY_YEARS + 1, year)


DENSE_SHARE = 0.9  # the middle nine tenths of the events, by date


def dense_view(data: TimelineData) -> View | None:
    """The span where the events are dense: a few historical mentions ("the 1900s", "in
    1066") do not stretch it over a century. None when there are no events."""
    if not data.ordered:
        return None
    middles = sorted((e.start + e.end) / 2 for e in data.ordered)
    cut = int(len(middles) * (1 - DENSE_SHARE) / 2)
    return around(middles[cut], middles[len(middles) - 1 - cut])


def around(lo: float, hi: float, share: float = 0.06, least: float = 20.0) -> View:
    """[lo, hi] with a margin of ``share`` of it (at least ``least`` days) on each side."""
    pad = max((hi - lo) * share, least)
    return View(lo - pad, hi + pad).clamped()


def fit(data: TimelineData) -> View:
    """Everything (the Home key)."""
    extent = data.extent()
    if extent is None:
        return empty_view()
    lo, hi = extent
    return around(lo, hi, 0.04, 15.0)
