"""The five anchor events of the shared Russia–China corpus, end to end through the store."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from explorer import pipeline
from explorer.model import Event


def _ingest_corpus(store, corpus: Path, dates: dict[str, dt.date]) -> dict[str, int]:  # type: ignore[no-untyped-def]
    for name, published in dates.items():
        # 000 and 004 carry their date in the byline: import them without one.
        given = None if name.startswith(("000", "004")) else published
        report = pipeline.ingest([corpus / name], store, published=given)
        assert report.ok, report.failed
    return {Path(d.path).name[:3]: d.id for d in store.documents()}


def _find(events: list[Event], start: str, end: str | None, word: str) -> Event:
    hits = [
        e
        for e in events
        if e.span.iso_start() == start
        and e.span.iso_end() == end
        and any(word.lower() in s.text.lower() for s in e.sources)
    ]
    assert len(hits) == 1, [
        (e.span.label(), e.title) for e in events if e.span.iso_start() == start
    ]
    return hits[0]


def test_anchor_events(store, corpus: Path, manifest_dates: dict[str, dt.date]) -> None:  # type: ignore[no-untyped-def]
    ids = _ingest_corpus(store, corpus, manifest_dates)
    docs = {Path(d.path).name[:3]: d for d in store.documents()}
    assert docs["000"].published == dt.date(2021, 12, 15)
    assert docs["004"].published == dt.date(2020, 12, 2)
    events = store.events()

    treaty = _find(events, "2001", None, "Treaty of Good-Neighbo")
    assert treaty.span.precision.value == "year"
    assert {s.document_id for s in treaty.sources} == {ids["000"], ids["001"]}

    pivot = _find(events, "2014", None, "pivot to the East")
    assert pivot.span.precision.value == "year"

    roadmap = _find(events, "2021-11-23", None, "signed on November 23")
    assert {s.document_id for s in roadmap.sources} == {ids["000"], ids["001"]}

    olympics = _find(events, "2022-02-04", "2022-02-20", "Winter Olympics")
    assert {s.document_id for s in olympics.sources} == {ids["000"], ids["001"]}

    kharkov = _find(events, "2024-05-10", None, "Kharkov")
    assert kharkov.sources[0].document_id == ids["003"]
    assert "Russia" in kharkov.actors

    # The Xi-Putin video call: "today" in 000 (published that day) and "on Wednesday" in 001
    # (published the next day) are one event with both sources.
    call = _find(events, "2021-12-15", None, "video call")
    assert {s.document_id for s in call.sources} == {ids["000"], ids["001"]}
    assert {s.expression for s in call.sources} == {"today", "Wednesday"}


def test_sources_point_at_the_original_text(
    store, corpus: Path, manifest_dates: dict[str, dt.date]
) -> None:  # type: ignore[no-untyped-def]
    _ingest_corpus(store, corpus, manifest_dates)
    for e in store.events():
        for s in e.sources:
            original = store.document(s.document_id).original
            assert original[s.expression_start : s.expression_end] == s.expression or (
                # markup inside the expression ("<u>signed on November 23</u>") stays in the file
                s.expression in _strip(original[s.expression_start : s.expression_end])
            )
            assert s.passage_start <= s.expression_start < s.expression_end <= s.passage_end


def _strip(text: str) -> str:
    import re

    return re.sub(r"<[^>]+>|\*\*|\\", "", text)


def test_no_trap_becomes_an_event(store, corpus: Path, manifest_dates: dict[str, dt.date]) -> None:  # type: ignore[no-untyped-def]
    _ingest_corpus(store, corpus, manifest_dates)
    expressions = {s.expression.lower() for e in store.events() for s in e.sources}
    for trap in ("may", "be that as it may", "4,209.3", "7000", "3-4", "10-year", "45"):
        assert trap not in expressions
    assert not any("copyright" in s.text.lower() for e in store.events() for s in e.sources)
    assert not any("http" in s.text for e in store.events() for s in e.sources)


def test_the_corpus_opens_on_all_five_anchors(store, corpus: Path, manifest_dates: dict[str, dt.date]) -> None:  # type: ignore[no-untyped-def]
    from explorer.query.sources import open_source
    from explorer.timeline import data as tdata
    from explorer.timeline.layout import layout
    from explorer.timeline.opening import open_timeline

    _ingest_corpus(store, corpus, manifest_dates)
    opening = open_timeline(open_source(store))
    data, view = opening.provider.data_for(opening.view, 900, 24), opening.view
    events = store.events()
    roadmap = _find(events, "2021-11-23", None, "signed on November 23")
    olympics = _find(events, "2022-02-04", "2022-02-20", "Winter Olympics")
    kharkov = _find(events, "2024-05-10", None, "Kharkov")
    treaty = _find(events, "2001", None, "Treaty of Good-Neighbo")
    pivot = _find(events, "2014", None, "pivot to the East")
    # The dated anchors lie among the key events.
    anchors = {roadmap.id, olympics.id, kharkov.id}
    assert anchors & opening.key_ids
    # A timeline this small opens on all of it, so the history its articles recall (the
    # treaty of 2001, the pivot of 2014) is on screen with the news, and all five are drawn.
    five = (treaty, pivot, roadmap, olympics, kharkov)
    for e in five:
        assert view.t0 < data.by_id[e.id].start < view.t1
    frame = layout(data, view, 1600, 24)
    assert {e.id for e in five} <= {p.event.id for p in frame.placed if p.event is not None}
    home = tdata.fit(data)
    assert home.t0 <= data.by_id[treaty.id].start and data.by_id[kharkov.id].end <= home.t1


def test_the_ten_key_events_hold_all_five_anchors(store, corpus: Path, manifest_dates: dict[str, dt.date]) -> None:  # type: ignore[no-untyped-def]
    # What `explorer key-events --limit 10` lists: the history the essays recall (the treaty,
    # the pivot), the roadmap they report, the games they look ahead to, the offensive.
    from explorer.query.event_query import EventQuery
    from explorer.query.key import find_key_events
    from explorer.query.sources import open_source

    _ingest_corpus(store, corpus, manifest_dates)
    events = store.events()
    five = {
        _find(events, "2001", None, "Treaty of Good-Neighbo").id,
        _find(events, "2014", None, "pivot to the East").id,
        _find(events, "2021-11-23", None, "signed on November 23").id,
        _find(events, "2022-02-04", "2022-02-20", "Winter Olympics").id,
        _find(events, "2024-05-10", None, "Kharkov").id,
    }
    source = open_source(store)
    chosen = find_key_events(store, EventQuery(), 10, source)
    assert len(chosen) == 10
    assert five <= {k.event.id for k in chosen}
