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


def _year(n: int, year: int) -> EventSummary:
    span = DateSpan(D(year, 1, 1), D(year, 12, 31), Precision.YEAR)
    return EventSummary(n, f"year {n}", span, ())


def test_a_day_many_articles_point_to_comes_first() -> None:
    published = {d: D(2020, 5, 1) + dt.timedelta(days=d % 10) for d in range(20)}
    tellings = [
        Telling(_event(1, D(2020, 5, 3)), frozenset(range(12))),
        Telling(_event(2, D(2020, 5, 4)), frozenset({3})),
        Telling(_event(3, D(2020, 5, 6)), frozenset({4, 5, 6})),
    ]
    chosen = key_events(tellings, published, 2)
    assert [k.event.id for k in chosen] == [1, 3]


def test_background_one_article_of_many_mentions_ranks_below_the_news() -> None:
    published = {d: D(2020, 5, 1) for d in range(40)}
    tellings = [
        Telling(_event(1, D(1952, 2, 18), sources=2), frozenset({0, 1})),  # background
        Telling(_event(2, D(2020, 4, 30)), frozenset({1, 2})),
    ]
    assert [k.event.id for k in key_events(tellings, published, 1)] == [2]


def test_background_a_handful_of_essays_recall_is_part_of_the_story() -> None:
    # Five essays published this year, four of which look back at the same old treaty.
    published = {d: D(2021, 12, 1) + dt.timedelta(days=d) for d in range(5)}
    tellings = [
        Telling(_year(1, 2001), frozenset({0, 1, 2, 3})),
        Telling(_event(2, D(2021, 11, 2)), frozenset({4})),
    ]
    assert [k.event.id for k in key_events(tellings, published, 1)] == [1]
    # A quarter of forty news articles recalling an old year (the spill of 1989 beside this
    # one) is background: news recalls its comparisons as often as its origins.
    many = {d: D(2021, 12, 1) + dt.timedelta(days=d % 20) for d in range(40)}
    old = [Telling(_year(1, 2001), frozenset(range(10)))]
    crowd = [Telling(_event(2, D(2021, 11, 20)), frozenset({11, 12}))]
    assert [k.event.id for k in key_events(old + crowd, many, 1)] == [2]


def test_a_year_told_from_far_off_is_not_vague_but_one_told_from_near_is() -> None:
    # The same evidence for a year: told twenty years on it is a milestone, told a month on
    # it is as vague as a guess.
    day = _event(2, D(2021, 1, 20))
    for year, chosen in ((2001, 1), (2020, 2)):
        published = {d: D(2021, 2, 1) for d in range(4)}
        tellings = [
            Telling(_year(1, year), frozenset({0, 1, 2})),
            Telling(day, frozenset({0, 1})),
        ]
        assert key_events(tellings, published, 1)[0].event.id == chosen, year


def test_a_vague_date_only_repeating_a_chosen_day_inside_it_waits() -> None:
    published = {d: D(2021, 12, 1) for d in range(6)}
    games = DateSpan(D(2022, 2, 4), D(2022, 2, 20), Precision.DAY)
    february = DateSpan(D(2022, 2, 1), D(2022, 2, 28), Precision.MONTH)
    tellings = [
        Telling(EventSummary(1, "games", games, ()), frozenset({0, 1, 2})),
        Telling(EventSummary(2, "in February", february, (), 3), frozenset({0, 1})),
        Telling(_event(3, D(2022, 3, 1)), frozenset({3})),
    ]
    assert [k.event.id for k in key_events(tellings, published, 2)] == [1, 3]
    # Told by an article the exact date is not in, the month is news of its own.
    tellings[1] = Telling(tellings[1].event, frozenset({0, 4, 5}))
    assert [k.event.id for k in key_events(tellings, published, 2)] == [1, 2]


def test_sentences_an_article_dwells_on_a_date_with_count() -> None:
    published = {d: D(2020, 6, 1) for d in range(4)}
    tellings = [
        Telling(_event(1, D(2020, 3, 2), sources=1), frozenset({0})),
        Telling(_event(2, D(2020, 3, 3), sources=4), frozenset({1})),
    ]
    assert key_events(tellings, published, 1)[0].event.id == 2


def test_later_articles_looking_back_count() -> None:
    published = {0: D(2020, 1, 1), 1: D(2020, 1, 1), 2: D(2020, 3, 1), 3: D(2020, 3, 2)}
    tellings = [
        Telling(_event(1, D(2020, 1, 1)), frozenset({0, 1})),  # told on the day only
        Telling(_event(2, D(2020, 1, 5)), frozenset({2, 3})),  # still told two months on
    ]
    assert key_events(tellings, published, 1)[0].event.id == 2


def test_follow_ups_within_the_week_are_the_news_not_a_look_back() -> None:
    # Two articles each: one day is followed up three days on, the other recalled a month on.
    published = {0: D(2020, 1, 1), 1: D(2020, 1, 4), 2: D(2020, 1, 1), 3: D(2020, 2, 1)}
    tellings = [
        Telling(_event(1, D(2020, 1, 1)), frozenset({0, 1})),
        Telling(_event(2, D(2019, 12, 31)), frozenset({2, 3})),
    ]
    assert key_events(tellings, published, 1)[0].event.id == 2


def test_a_date_articles_look_far_ahead_to_counts_as_one_they_look_back_at() -> None:
    # Essays of December point to the games in February; a day of November is told as often.
    published = {0: D(2021, 12, 15), 1: D(2021, 12, 16), 2: D(2021, 12, 20)}
    games = DateSpan(D(2022, 2, 4), D(2022, 2, 20), Precision.DAY)
    tellings = [
        Telling(EventSummary(1, "games", games, ()), frozenset({0, 1})),
        Telling(_event(2, D(2021, 11, 1)), frozenset({0, 2})),
        Telling(_event(3, D(2021, 12, 14)), frozenset({0, 1})),  # the news of the week
    ]
    assert {k.event.id for k in key_events(tellings, published, 2)} == {1, 2}
    # A week ahead is the coming days' news, not a schedule looked forward to.
    soon = DateSpan(D(2021, 12, 22), D(2021, 12, 22), Precision.DAY)
    tellings[0] = Telling(EventSummary(1, "vote", soon, ()), frozenset({0, 1}))
    assert [k.event.id for k in key_events(tellings, published, 1)] == [2]


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


def test_a_year_holding_the_articles_own_dates_is_the_present_not_an_event() -> None:
    published = {d: D(2021, 6, 1) for d in range(8)}
    tellings = [
        Telling(_year(9, 2021), frozenset(range(8))),  # "this year", in every article
        Telling(_year(8, 2019), frozenset(range(3))),  # a milestone two years back
        Telling(_event(1, D(2021, 5, 30)), frozenset({1, 2})),
    ]
    assert {k.event.id for k in key_events(tellings, published, 2)} == {1, 8}
