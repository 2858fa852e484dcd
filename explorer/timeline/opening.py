"""Where a timeline opens: on its collection's key events. The window, the image export and the
report all ask ``open_timeline``, so they open on the same span and name the same events first.

The key events (query/key.py) are the days a newsroom would put on its timeline of the story;
the view spans them, a little padded; a timeline of at most ALL_FIT events opens on all of
them. Without key events (no event dated to a day) it is the
span where the events are dense, and an empty timeline shows the last ten years. ``fit`` (the
Home key) still shows everything."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from explorer.query.event_query import EventQuery
from explorer.query.key import KeyEvent, find_key_events
from explorer.query.sources import EventSource
from explorer.timeline.data import around, dense_view, empty_view, to_timeline_event
from explorer.timeline.layout import TimelineData, TimelineEvent, View
from explorer.timeline.windowed import EVERYTHING, Provider, WholeSource, provider

KEY_EVENTS = 10  # key events named first, listed and opened on, unless asked otherwise
KEY_PAD = 0.05  # of the key events' span, on each side
KEY_PAD_DAYS = 10.0  # at least
# A timeline this small opens on all of it: its events can all be drawn and most named, and
# in a handful of articles the history they recall (a treaty twenty years back) is part of
# the story. Above it, the key events' span: the news, not every stray mention.
ALL_FIT = 100
_YEAR_DAYS = 366


@dataclass(frozen=True)
class Opening:
    provider: Provider  # what to draw, the key events named first
    keys: tuple[KeyEvent, ...]  # most important first
    view: View  # where to open

    @property
    def key_ids(self) -> frozenset[int]:
        return frozenset(k.summary.id for k in self.keys)


def open_timeline(
    source: EventSource, query: EventQuery = EVERYTHING, limit: int = KEY_EVENTS
) -> Opening:
    """The timeline of what ``query`` keeps, with its ``limit`` key events, and the view to
    open on."""
    keys = tuple(find_key_events(source.store, query, limit, source))
    prov = provider(source, query, [k.summary for k in keys])
    if isinstance(prov, WholeSource) and (whole := all_view(prov.data)) is not None:
        return Opening(prov, keys, whole)
    return Opening(prov, keys, opening_view((to_timeline_event(k.summary) for k in keys), prov))


def opening_view(keys: Iterable[TimelineEvent], prov: Provider | None = None) -> View:
    """The key events' span; else where the provider's events are dense; else (nothing to
    draw) the last ten years."""
    view = key_view(keys)
    if view is None and prov is not None:
        view = prov.dense_view()
    return view if view is not None else empty_view()


def key_view(keys: Iterable[TimelineEvent]) -> View | None:
    """The span of these events, a little padded; None for no events."""
    events = list(keys)
    if not events:
        return None
    lo, hi = min(e.start for e in events), max(e.end for e in events)
    return around(lo, hi, KEY_PAD, KEY_PAD_DAYS)


def data_view(data: TimelineData) -> View:
    """Where these events open: on their key events (``data.key``) as ``opening_view`` does,
    for a caller that holds the events themselves."""
    view = all_view(data)
    if view is None:
        view = key_view(data.by_id[i] for i in data.key if i in data.by_id)
    if view is None:
        view = dense_view(data)
    return view if view is not None else empty_view()


def all_view(data: TimelineData) -> View | None:
    """All of a timeline of at most ALL_FIT events, a little padded; None for a bigger one
    (or an empty one)."""
    if len(data) > ALL_FIT:
        return None
    # Decades and centuries ("the 2030s") would stretch it; they are drawn where they reach.
    dated = [e for e in data.ordered if e.end - e.start <= _YEAR_DAYS] or data.ordered
    if not dated:
        return None
    # From its first event to its last key event: the history its articles recall is part
    # of the story; a forecast beyond the news ("by 2036") is reached with Home.
    keys = [e for e in dated if e.id in data.key]
    lo = min(e.start for e in dated)
    hi = max(e.end for e in (keys or dated))
    return around(lo, hi, KEY_PAD, KEY_PAD_DAYS)
