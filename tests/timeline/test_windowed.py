"""A big store drawn by view: day counts, filters and the layout agree with the events the
store holds, on SQLite and PostgreSQL, without reading them all."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from benchmarks.scale_store import build
from explorer.query.event_query import EventQuery
from explorer.query.indexed import IndexedSource
from explorer.store.repo import Store
from explorer.store.viewport import Stretch
from explorer.timeline.data import to_timeline_event
from explorer.timeline.layout import LONG_DAYS, TimelineData, View, layout
from explorer.timeline.windowed import WindowedSource
from tests.ui.conftest import settle

EVENTS = 4000


@pytest.fixture
def big(db_target: Path | str):  # type: ignore[no-untyped-def]
    build(EVENTS, str(db_target))
    store = Store(db_target)
    yield store
    store.close()


def test_day_counts_and_actor_filters_match_the_events(big: Store) -> None:
    events = big.events()
    source = WindowedSource(IndexedSource(big))
    assert source.total == EVENTS == big.event_count()
    view = View.years(2015, 2018)
    short_in_view = [
        e for e in events
        if e.span.end.toordinal() - e.span.start.toordinal() + 1 <= LONG_DAYS
        and view.t0 <= e.span.start.toordinal() < view.t1
    ]
    assert source.density.count(view.t0, view.t1) == len(short_in_view)
    actor, count = Counter(a for e in events for a in e.actors).most_common(3)[-1]
    assert WindowedSource(IndexedSource(big), EventQuery((actor,))).total == count
    pair = tuple(sorted(events[0].actors))[:2]
    both = sum(1 for e in events if set(pair) <= set(e.actors))
    assert WindowedSource(IndexedSource(big), EventQuery(pair, match_all=True)).total == both


def test_view_loads_few_events_and_names_the_heaviest(big: Store) -> None:
    view = View.years(2010, 2024)
    data = WindowedSource(IndexedSource(big)).data_for(view, 1400, 20)
    assert len(data) < EVENTS / 2  # a view, not the store
    full = TimelineData([to_timeline_event(s) for s in big.heaviest([Stretch(0, 10**7, None)])])
    heaviest = max(
        (e for e in full.short if view.t0 <= e.start < view.t1), key=lambda e: (e.weight, -e.id)
    )
    assert heaviest.id in data.by_id
    named = {p.event.id for p in layout(data, view, 1400, 20).placed if p.event is not None}
    assert heaviest.id in named
    # Every event of the view is drawn or counted in a cluster, loaded or not.
    frame = layout(data, view, 1400, 20)
    inside = sum(
        p.count for p in frame.placed
        if p.event is None or (view.t0 <= p.event.start < view.t1 and p.event.end - p.event.start <= LONG_DAYS)
    )
    assert inside >= WindowedSource(IndexedSource(big)).density.count(view.t0, view.t1)


def test_window_on_a_big_store_filters_through_the_store(
    qtbot, tmp_path: Path, big: Store, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    from explorer.query import sources
    from explorer.ui.main_window import MainWindow

    monkeypatch.setattr(sources, "LARGE_STORE", 1000)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Store(big.location), settings)
    qtbot.addWidget(window)
    window.resize(1400, 800)
    window.show()
    qtbot.waitExposed(window)
    settle(window, qtbot)
    assert window.source.indexed
    assert window.count_label.text() == f"{EVENTS:,} of {EVENTS:,} events"
    counts = window.filters.model._counts
    actor, n = counts.most_common(1)[0]
    window.filters.model.set_checked(actor, True)
    window.apply_filters()
    settle(window, qtbot)
    assert window.count_label.text() == f"{n:,} of {EVENTS:,} events"
    assert all(actor in e.actors for e in window.timeline.data.ordered)
    window.timeline.set_view(View.years(2020, 2021))  # loads that stretch
    settle(window, qtbot)
    assert window.timeline.data.ordered
    some = next(iter(window.timeline.data.by_id))
    window.timeline.select(some)
    settle(window, qtbot)
    assert window.panel.isVisible()
    window.store.close()
    assert sources.LARGE_STORE == 1000  # the window asked the patched threshold


def test_key_events_are_loaded_and_named_in_every_view_of_a_big_store(big: Store) -> None:
    from explorer.events.salience import summary_weight
    from explorer.timeline.opening import open_timeline

    source = IndexedSource(big)
    opening = open_timeline(source, EventQuery(), 6)
    assert len(opening.keys) == 6 and isinstance(opening.provider, WindowedSource)
    data = opening.provider.data_for(opening.view, 1400, 12)
    named = {p.event.id for p in layout(data, opening.view, 1400, 12).placed
             if p.event is not None and p.label_room > 0}  # fmt: skip
    assert opening.key_ids <= named
    # The lightest events of a dense stretch are not loaded for a view, unless they are key.
    view = View.years(2015, 2024)
    lightest = sorted((s for s in source.answer(EventQuery())
                       if s.span.start == s.span.end and s.span.precision.value == "day"
                       and view.t0 <= s.span.start.toordinal() < view.t1),
                      key=lambda s: (summary_weight(s), s.id))[:3]  # fmt: skip
    ids = {s.id for s in lightest}
    assert not ids & set(WindowedSource(source).data_for(view, 1400, 12).by_id)
    keyed = WindowedSource(source, keys=lightest).data_for(view, 1400, 12)
    assert ids <= set(keyed.by_id) and keyed.key == ids
    frame = layout(keyed, view, 1400, 12)
    assert ids <= {p.event.id for p in frame.placed if p.event is not None and p.label_room > 0}
    # Every event of the view is still drawn or counted in a cluster, the key ones once.
    inside = sum(
        p.count for p in frame.placed
        if p.event is None or (view.t0 <= p.event.start < view.t1 and p.event.end - p.event.start <= LONG_DAYS)
    )
    assert inside >= WindowedSource(source).density.count(view.t0, view.t1)
