"""Key events across a collection, on collections made here: a day many articles point to, or
that later articles look back at, outranks a day one article mentions; background dates far
before the collection rank last; at most one event per day."""

from __future__ import annotations

import datetime as dt

from explorer.events.key_events import Telling, key_events
from explorer.model import DateSpan, Precision
from explorer.store.queries import EventSummary

D = dt.date


def _event(n: int, day: dt.date, sources: int = 1, lead: bool = False) -> EventSummary:
    span = DateSpan(day, day, Precision.DAY)
    return EventSummary(n, f"event {n}", span, (), sources, 1, 0 if lead else 20)


def test_a_day_many_articles_point_to_comes_first() -> None:
    published = {d: D(2020, 5, 1) + dt.timedelta(days=d % 10) for d in range(20)}
    tellings = [
        Telling(_event(1, D(2020, 5, 3)), frozenset(range(12))),
        Telling(_event(2, D(2020, 5, 4)), frozenset({3})),
        Telling(_event(3, D(2020, 5, 6)), frozenset({4, 5, 6})),
    ]
    chosen = key_events(tellings, published, 2)
    assert [k.event.id for k in chosen] == [1, 3]


def test_background_years_before_the_collection_rank_last() -> None:
    published = {d: D(2020, 5, 1) for d in range(10)}
    tellings = [
        Telling(_event(1, D(1952, 2, 18)), frozenset(range(8))),  # background, often repeated
        Telling(_event(2, D(2020, 4, 30)), frozenset({1, 2})),
    ]
    assert [k.event.id for k in key_events(tellings, published, 1)] == [2]


def test_later_articles_looking_back_count() -> None:
    published = {0: D(2020, 1, 1), 1: D(2020, 1, 1), 2: D(2020, 3, 1), 3: D(2020, 3, 2)}
    tellings = [
        Telling(_event(1, D(2020, 1, 1)), frozenset({0, 1})),  # told on the day only
        Telling(_event(2, D(2020, 1, 5)), frozenset({2, 3})),  # still told two months on
    ]
    assert key_events(tellings, published, 1)[0].event.id == 2


def test_one_event_per_date() -> None:
    published = {d: D(2021, 6, 1) for d in range(6)}
    tellings = [
        Telling(_event(1, D(2021, 6, 1), sources=4), frozenset(range(4))),
        Telling(_event(2, D(2021, 6, 1)), frozenset({4})),
        Telling(_event(3, D(2021, 5, 20)), frozenset({5})),
    ]
    assert [k.event.id for k in key_events(tellings, published, 2)] == [1, 3]
    # Asked for more than there are dates, the second event of a date follows.
    assert [k.event.id for k in key_events(tellings, published, 3)] == [1, 3, 2]
    assert key_events(tellings, published, 0) == []


def _year(n: int, year: int) -> EventSummary:
    span = DateSpan(D(year, 1, 1), D(year, 12, 31), Precision.YEAR)
    return EventSummary(n, f"year {n}", span, ())


def test_a_year_holding_the_articles_own_dates_is_the_present_not_an_event() -> None:
    published = {d: D(2021, 6, 1) for d in range(8)}
    tellings = [
        Telling(_year(9, 2021), frozenset(range(8))),  # "this year", in every article
        Telling(_year(8, 2019), frozenset(range(3))),  # a milestone two years back
        Telling(_event(1, D(2021, 5, 30)), frozenset({1, 2})),
    ]
    assert [k.event.id for k in key_events(tellings, published, 2)] == [1, 8]
