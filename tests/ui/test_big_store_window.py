"""The window on a store too big to read whole (60,000 events, over LARGE_STORE): it is the
same product. Hiding and merging work, the search box and the date fields filter, and the
review queue fills, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from benchmarks.scale_store import build
from explorer.curation.doubts import DISAGREE
from explorer.query import sources
from explorer.store.repo import Store
from explorer.timeline.layout import View
from tests.ui.conftest import settle

EVENTS = 60_000


@pytest.fixture
def big_window(qtbot, tmp_path: Path, db_target: Path | str):  # type: ignore[no-untyped-def]
    from explorer.ui.main_window import MainWindow

    build(EVENTS, str(db_target))
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Store(db_target), settings)
    qtbot.addWidget(window)
    window.resize(1400, 800)
    window.show()
    qtbot.waitExposed(window)
    window.poll.stop()
    settle(window, qtbot)
    yield window
    window.store.close()


def _total(window) -> int:  # type: ignore[no-untyped-def]
    return int(window.count_label.text().split(" of ")[0].replace(",", ""))


def test_hide_search_dates_and_review_on_a_big_store(big_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, tl = big_window, big_window.timeline
    assert EVENTS > sources.LARGE_STORE and window.source.indexed
    assert _total(window) == EVENTS
    tl.set_view(View.years(2012, 2013))
    settle(window, qtbot)
    target = max(tl.data.short, key=lambda e: e.weight)

    # Hide: gone from the view and from the count; undo brings it back.
    tl.select(target.id)
    window.curation.hide_action.trigger()
    settle(window, qtbot)
    assert target.id not in tl.data.by_id and _total(window) == EVENTS - 1
    window.curation.stack.undo()
    settle(window, qtbot)
    assert target.id in tl.data.by_id and _total(window) == EVENTS

    # The search box filters through the store.
    window.filters.text.setText("ratified")
    settle(window, qtbot)
    assert 0 < _total(window) < EVENTS / 5
    assert tl.data.ordered and all("ratified" in e.title for e in tl.data.ordered)

    # The date fields too.
    window.filters.clear_all()
    window.filters.date_from.setText("2010")
    window.filters.date_to.setText("2010-12")
    settle(window, qtbot)
    assert 0 < _total(window) < EVENTS / 10
    first, last = dt.date(2010, 1, 1).toordinal(), dt.date(2010, 12, 31).toordinal()
    assert all(e.end > first and e.start <= last for e in tl.data.ordered)

    # Merging two events of different days: their sources disagree, and the queue says so.
    window.filters.clear_all()
    settle(window, qtbot)
    tl.set_view(View.years(2012, 2013))
    settle(window, qtbot)
    inside = sorted(
        (e for e in tl.data.short if e.precision.value == "day" and tl.view.t0 < e.start < tl.view.t1),
        key=lambda e: -e.weight,
    )
    a = inside[0]
    b = next(e for e in inside if e.start != a.start)
    tl.marked = {a.id, b.id}
    window.curation.merge_action.trigger()
    settle(window, qtbot)
    assert _total(window) == EVENTS - 1
    head = min(a.id, b.id)
    rows = window.curation.review.model.rows
    assert [e.id for e, _ in rows] == [head]
    assert rows[0][1][0] == DISAGREE
