"""Merging mentions into events: the pairwise relation (events/merge.py), and a file that
repeats one story many times with numbers changed is one event per date, in time linear in
its length (each wording is compared once)."""

from __future__ import annotations

from pathlib import Path

from explorer import pipeline
from explorer.events.merge import keys, keys_needed, linked, wording
from explorer.query.answer import find_events
from explorer.query.event_query import EventQuery
from explorer.store.repo import Store
from tests.story import events_of


def test_numbers_aside_the_same_words_are_the_same_wording() -> None:
    assert wording("update 3: talks resumed on may 4.") == wording(
        "update 17: talks resumed on may 4."
    )
    assert wording("talks resumed in geneva.") != wording("talks collapsed in geneva.")


def test_actors_decide_only_between_the_two_bars() -> None:
    told = "ministers from lisbon and oslo agreed on a grain corridor after long talks"
    near = "ministers of lisbon and oslo met about grain in a long session"  # 76: between
    assert linked(near, {1, 2}, told, lambda: [{1, 2, 3}])
    assert not linked(near, {1, 2}, told, lambda: [{1}, {2}])  # no one passage shares two
    assert not linked("a dam burst in the valley", {1, 2}, told, lambda: [{1, 2}])


def test_actors_are_asked_for_only_when_the_words_do_not_decide() -> None:
    def no_actors() -> list[set[int]]:
        raise AssertionError("asked for actors")

    told = "the port of valmont signed the harbour deal with ferrand shipping"
    again = "the port of valmont signed a harbour deal with ferrand shipping"
    assert linked(again, set(), told, no_actors)
    assert not linked("snow closed the mountain pass", set(), told, no_actors)


def test_keys_are_content_words_not_the_words_of_any_day() -> None:
    assert keys("it was in 1998.") == frozenset()
    assert keys("at 4:03 pm on 24 jun 2009, x wrote: yes.") == frozenset()
    assert keys("the oil port of valmont signed the deal") == {
        "oil",
        "port",
        "valmont",
        "signed",
        "deal",
    }


def test_half_the_shorter_sentences_keys_are_needed() -> None:
    assert [keys_needed(n) for n in (1, 2, 3, 4, 9)] == [1, 1, 2, 2, 5]
    assert keys_needed(0) == 1  # no key: nothing to share, so never compared


def test_sentences_that_share_only_the_words_of_a_day_are_not_one_event(tmp_path: Path) -> None:
    """A short sentence whose words all appear in a long one of the same date ("It was in
    1998.") scores high on token sets; sharing no content word, it stays its own event."""
    text = (
        "Harbour history\n\nMay 2, 2005\n\n"
        "The ferry Ardent was sold to Valmont in 1998.\n\n"
        "It was in 1998.\n"
    )
    events = [e for e in events_of(tmp_path, text) if e.span.iso_start() == "1998"]
    assert len(events) == 2, [e.title for e in events]


def test_a_story_repeated_with_numbers_is_one_event_per_date(tmp_path: Path) -> None:
    story = (
        "Harbour deal, version {n}\n\nMarch 3, 2023\n\n"
        "The port authority of Valmont and the Ferrand Shipping Company signed harbour deal {n} "
        "on March 1, 2023. Work on quay {n} starts in June 2023.\n"
    )
    path = tmp_path / "feed.txt"
    path.write_text("".join(story.format(n=n) for n in range(300)), encoding="utf-8")
    store = Store(tmp_path / "t.sqlite")
    pipeline.ingest([path], store)
    events = find_events(store, EventQuery())
    by_date = {e.span.iso_start(): len(e.sources) for e in events}
    assert by_date["2023-03-01"] == 300 and by_date["2023-06"] == 300
    assert len([e for e in events if e.span.iso_start() == "2023-03-01"]) == 1
