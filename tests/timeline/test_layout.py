"""The timeline's layout: the weightiest events named first, no cluster of one, the view."""

from __future__ import annotations

import datetime as dt

from explorer.model import Precision
from explorer.timeline import data as tdata
from explorer.timeline.layout import TimelineData, TimelineEvent, View, layout


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


def test_the_default_view_is_where_events_are_dense() -> None:
    news = [_event(n, dt.date(1998, 1, 1) + dt.timedelta(days=10 * n)) for n in range(80)]
    history = [_event(100 + n, dt.date(1900 + 10 * n, 6, 1)) for n in range(3)]
    data = TimelineData(news + history)
    view = tdata.initial_view(data)
    assert dt.date(1997, 1, 1).toordinal() <= view.t0 and view.t1 <= dt.date(2001, 1, 1).toordinal()
    everything = tdata.fit(data)
    assert everything.t0 <= dt.date(1900, 6, 1).toordinal()


def test_news_of_this_century_opens_on_2001_to_2024() -> None:
    data = TimelineData([_event(n, dt.date(2001 + n % 23, 3, 1)) for n in range(50)])
    assert tdata.initial_view(data) == tdata.DEFAULT_VIEW
