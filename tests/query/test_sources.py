"""The two event sources give the same answers: the same queries on a 4,000-event store with
edits of every kind, in memory and through the store's indexes, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from benchmarks.scale_store import build
from explorer.curation import actions
from explorer.query.event_query import EventQuery, Hidden, actors_match
from explorer.query.indexed import IndexedSource
from explorer.query.sources import MemorySource, open_source
from explorer.store.repo import Store
from explorer.store.viewport import Stretch

EVENTS = 4000


@pytest.fixture
def curated_store(db_target: Path | str):  # type: ignore[no-untyped-def]
    build(EVENTS, str(db_target))
    store = Store(db_target)
    base = MemorySource(store).answer(EventQuery())
    by_day: dict[dt.date, list[int]] = {}
    for s in base:
        by_day.setdefault(s.span.start, []).append(s.id)
    pair = next(ids for ids in by_day.values() if len(ids) >= 2)
    actions.hide(store, base[10].id)
    actions.merge(store, pair[:2])
    actions.edit(store, base[20].id, title="Edited by hand", start="1995-06", precision="month")
    actions.edit(store, base[30].id, actors=["Kenya", "Someone New"])
    actor = base[40].actors[0]
    actions.rename_actor(store, actor, "Renamed Actor")
    actions.add_event(store, "Made by hand", "2003-03-20", actors=["Peru"])
    actions.remove_document(store, 3)  # the third synthetic article (events 41-60)
    actions.split(store, min(pair[:2]), 1)  # and take the merge apart again, one source
    actions.hide(store, base[150].id)
    actions.unhide(store, base[150].id)
    yield store, actor
    store.close()


def _queries(actor: str) -> list[EventQuery]:
    return [
        EventQuery(),
        EventQuery(actors=("Kenya",)),
        EventQuery(actors=("Kenya", "Peru")),
        EventQuery(actors=("Kenya", "Peru"), match_all=True),
        EventQuery(actors=("Renamed Actor",)),
        EventQuery(actors=(actor,)),  # renamed away: nothing left under the old name
        EventQuery(actors=("Someone New",)),
        EventQuery(start=dt.date(1995, 1, 1), end=dt.date(1999, 12, 31)),
        EventQuery(text="ratified"),
        EventQuery(text="edited by HAND"),
        EventQuery(text="ratified", actors=("Japan",), start=dt.date(2010, 1, 1)),
        EventQuery(hidden=Hidden.INCLUDE),
        EventQuery(hidden=Hidden.ONLY),
        EventQuery(kinds=("person",)),
        EventQuery(kinds=("country",), end=dt.date(2000, 1, 1)),
    ]


def test_memory_and_indexes_answer_every_query_alike(curated_store) -> None:  # type: ignore[no-untyped-def]
    store, actor = curated_store
    memory, indexed = MemorySource(store), IndexedSource(store)
    everything = memory.answer(EventQuery())
    assert 3900 < len(everything) < EVENTS  # the edits took some away
    for q in _queries(actor):
        mine, theirs = memory.answer(q), indexed.answer(q)
        assert mine == theirs, q
        days = (memory.day_counts(q), indexed.day_counts(q))
        assert (days[0].days, days[0].cumulative) == (days[1].days, days[1].cumulative), q
        assert {s.id for s in memory.long_events(q)} == {s.id for s in indexed.long_events(q)}
        every = [Stretch(0, 10**7, None)]
        assert {s.id for s in memory.heaviest(q, every)} == {
            s.id for s in indexed.heaviest(q, every)
        }, q
    assert memory.actor_counts() == indexed.actor_counts()
    hidden = memory.answer(EventQuery(hidden=Hidden.ONLY))
    assert len(hidden) == 1 and indexed.is_hidden(hidden[0].id)
    assert memory.answer(EventQuery(actors=(actor,))) == []
    assert [s.title for s in memory.answer(EventQuery(text="edited by hand"))] == [
        "Edited by hand"
    ]
    some = everything[123].id
    assert memory.event(some) == indexed.event(some)
    assert memory.keys_of((some,)) == indexed.keys_of((some,))


def test_the_store_size_picks_the_source(curated_store) -> None:  # type: ignore[no-untyped-def]
    store, _ = curated_store
    assert not open_source(store).indexed
    assert open_source(store, large=1000).indexed


def test_any_or_all_actors_is_one_test() -> None:
    assert actors_match(("kenya",), ("Kenya", "Peru"), match_all=False)
    assert not actors_match(("Kenya", "Chile"), ("Kenya", "Peru"), match_all=True)
    assert actors_match(("Kenya", "Chile"), ("Kenya", "Peru"), match_all=False)
    assert actors_match((), (), match_all=True)


def test_documents_of_events_agree_with_their_sources(curated_store) -> None:  # type: ignore[no-untyped-def]
    # What the key-event ranking reads instead of every event's sentences: the same
    # documents, merged, split and hand-made events included.
    store, _ = curated_store
    for source in (MemorySource(store), IndexedSource(store)):
        shown = source.answer(EventQuery())
        whole = {e.id: frozenset(s.document_id for s in e.sources) for e in source.events(shown)}
        documents = source.documents_of(shown)
        assert {i: d for i, d in documents.items() if d} == {i: d for i, d in whole.items() if d}
        assert set(documents) == {s.id for s in shown}
        assert sum(1 for d in documents.values() if d) > len(shown) // 2
