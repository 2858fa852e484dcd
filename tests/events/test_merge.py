"""Merging mentions into events: the pairwise relation (events/merge.py), and a file that
repeats one story many times with numbers changed is one event per date, in time linear in
its length (each wording is compared once)."""

from __future__ import annotations

from pathlib import Path

from explorer import pipeline
from explorer.events.merge import linked, wording
from explorer.query.answer import find_events
from explorer.query.event_query import EventQuery
from explorer.store.repo import Store


def test_numbers_aside_the_same_words_are_the_same_wording() -> None:
    assert wording("update 3: talks resumed on may 4.") == wording(
        "update 17: talks resumed on may 4."
    )
    assert wording("talks resumed in geneva.") != wording("talks collapsed in geneva.")


def test_actors_decide_only_between_the_two_bars() -> None:
    pool = ["ministers from lisbon and oslo agreed on a grain corridor after long talks"]
    near = "ministers of lisbon and oslo met about grain in a long session"  # 76: between
    assert linked(near, {1, 2}, pool, lambda k: [{1, 2, 3}]) == [0]
    assert linked(near, {1, 2}, pool, lambda k: [{1}, {2}]) == []  # no one passage shares two
    assert linked("a dam burst in the valley", {1, 2}, pool, lambda k: [{1, 2}]) == []


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
