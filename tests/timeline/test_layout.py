"""The timeline's layout: the weightiest events named first, no cluster of one, the view."""

from __future__ import annotations

import datetime as dt

from explorer.model import Precision
from explorer.timeline import data as tdata
from explorer.timeline.layout import TimelineData, TimelineEvent, View, layout
from explorer.timeline.opening import data_view, key_view


def _event(n: int, day: dt.date, title: str = "", weight: float = 1.0) -> TimelineEvent:
    t = float(day.toordinal())
    return TimelineEvent(n, title or f"Event number {n} happened", t, t + 1, Precision.DAY,
                         weight=weight)  # fmt: skip


def test_the_weightiest_events_of_a_crowd_are_named() -> None:
    day = dt.date(2020, 5, 1)
    events = [_event(n, day + dt.timedelta(days=n % 3), weight=1.0) for n in range(40)]
    events.append(_event(99, day + dt.timedelta(days=1), "The big one", weight=9.0))
    frame = layout(TimelineData(events), View.years(2020, 2020), 1200, 6)
    named = {p.event.id for p in frame.placed if p.event is not None and p.label_room > 0}
    assert 99 in named
    clusters = [p for p in frame.placed if p.event is None]
    assert clusters and all(p.count > 1 for p in clusters)
    shown = len(named) + sum(p.count for p in clusters)
    assert shown + sum(1 for p in frame.placed if p.event and not p.label_room) == 41


def test_a_lone_overflow_is_a_marker_not_a_cluster_of_one() -> None:
    day = dt.date(2020, 5, 1)
    events = [_event(n, day, weight=5.0 - n) for n in range(3)]  # three lanes' worth at one x
    frame = layout(TimelineData(events), View.years(2020, 2020), 1200, 3)  # two usable lanes
    assert not [p for p in frame.placed if p.event is None]  # no cluster at all
    assert {p.event.id for p in frame.placed if p.event is not None} == {0, 1, 2}


def test_a_title_gets_the_room_it_needs_not_a_fixed_cut() -> None:
    long_title = "The two governments signed a long agreement on fisheries and ports"
    short = _event(1, dt.date(2020, 3, 1), "Port opened")
    long = _event(2, dt.date(2020, 9, 1), long_title)
    frame = layout(TimelineData([short, long]), View.years(2020, 2020), 1400, 4)
    room = {p.event.id: p.label_room for p in frame.placed if p.event is not None}
    assert room[2] > room[1]
    assert room[2] >= len(long_title) * 6  # the whole title fits


def test_without_key_events_the_view_is_where_events_are_dense() -> None:
    # More events than a timeline opens on whole (ALL_FIT); a small one opens on all of it.
    news = [_event(n, dt.date(1998, 1, 1) + dt.timedelta(days=5 * n)) for n in range(160)]
    history = [_event(100 + n, dt.date(1900 + 10 * n, 6, 1)) for n in range(3)]
    data = TimelineData(news + history)
    view = data_view(data)
    assert dt.date(1997, 1, 1).toordinal() <= view.t0 and view.t1 <= dt.date(2001, 1, 1).toordinal()
    everything = tdata.fit(data)
    assert everything.t0 <= dt.date(1900, 6, 1).toordinal()
    small = TimelineData(news[:40] + history)
    assert data_view(small).t0 <= dt.date(1900, 6, 1).toordinal()  # all of it


def test_a_timeline_opens_on_its_key_events_and_home_shows_everything() -> None:
    news = [_event(n, dt.date(1990, 1, 1) + dt.timedelta(days=40 * n)) for n in range(300)]
    key = {n for n in range(200, 210)}  # 1990 + 200*40 days: late 2011 to mid 2012
    data = TimelineData(news, key=frozenset(key))
    view = data_view(data)
    first, last = news[200].start, news[209].end
    assert view.t0 < first and last < view.t1
    assert view.span < (last - first) * 1.2 + 1  # a little padded, not the dense span
    assert key_view(e for e in news if e.id in key) == view
    lo, hi = data.extent()
    assert tdata.fit(data).t0 <= lo and tdata.fit(data).t1 >= hi
    # There is no hard-coded default: an empty timeline shows the last ten years.
    empty = data_view(TimelineData([]))
    assert empty == tdata.empty_view() == View.years(dt.date.today().year - 9, dt.date.today().year)
    assert tdata.empty_view(dt.date(1999, 5, 1)) == View.years(1990, 1999)


def _crowd(key: frozenset[int] = frozenset()) -> TimelineData:
    """Sixty events a day apart, the heavier the later; the light first ones are key."""
    day = dt.date(2020, 5, 1)
    events = [_event(n, day + dt.timedelta(days=n), weight=1.0 + n / 10) for n in range(60)]
    return TimelineData(events, key=key)


def test_key_events_are_named_before_heavier_events() -> None:
    view = View.years(2020, 2020)
    key = frozenset({0, 3, 6})  # the lightest of the crowd
    plain = layout(_crowd(), view, 900, 4)
    named = {p.event.id for p in plain.placed if p.event is not None and p.label_room > 0}
    assert not key & named  # without the key, heavier events take the lanes
    frame = layout(_crowd(key), view, 900, 4)
    named = {p.event.id for p in frame.placed if p.event is not None and p.label_room > 0}
    assert key <= named
    # Nothing is lost: named, bare or counted in a cluster.
    bare = sum(1 for p in frame.placed if p.event is not None and not p.label_room)
    assert len(named) + bare + sum(p.count for p in frame.placed if p.event is None) == 60


def test_a_key_event_in_a_dense_stretch_is_named_at_every_zoom() -> None:
    day = dt.date(2020, 5, 1)
    crowd = [_event(n, day, weight=5.0) for n in range(200)]  # one day, far more than lanes
    crowd.append(_event(999, day, "The key one", weight=0.5))
    data = TimelineData(crowd, key=frozenset({999}))
    for view in (View.years(2000, 2030), View.years(2020, 2020), View(day.toordinal() - 3, day.toordinal() + 4)):
        frame = layout(data, view, 1000, 5)
        named = {p.event.id for p in frame.placed if p.event is not None and p.label_room > 0}
        assert 999 in named
        clusters = [p for p in frame.placed if p.event is None]
        assert sum(p.count for p in clusters) == 201 - len(named)
