"""Key events on by default: the window opens on them, names them first, draws the rest
quietly, and lists them beside the timeline; the image export opens where the window does."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from explorer import pipeline
from explorer.query.event_query import EventQuery
from explorer.store.repo import Store
from explorer.timeline.layout import View
from explorer.timeline.opening import ALL_FIT
from explorer.timeline.paint import Style
from tests.story import KEY_DAYS, write_story
from tests.ui.conftest import settle

D = dt.date


@pytest.fixture
def story_db(tmp_path: Path) -> Path:
    db = tmp_path / "story.sqlite"
    store = Store(db)
    # 72 articles: more events than a timeline opens on whole (ALL_FIT), as agency copy has.
    assert pipeline.ingest(write_story(tmp_path / "story", articles=72), store).ok
    assert store.event_count() > ALL_FIT
    store.close()
    return db


def _open(qtbot, db: Path, settings: QSettings):  # type: ignore[no-untyped-def]
    from explorer.ui.main_window import MainWindow

    w = MainWindow(Store(db), settings)
    qtbot.addWidget(w)
    w.resize(1500, 800)
    w.show()
    qtbot.waitExposed(w)
    w.poll.stop()
    settle(w, qtbot)
    return w


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def story(qtbot, story_db: Path, settings: QSettings):  # type: ignore[no-untyped-def]
    w = _open(qtbot, story_db, settings)
    yield w
    w.store.close()


def _day(d: dt.date) -> float:
    return float(d.toordinal())


def _named(window) -> set[int]:  # type: ignore[no-untyped-def]
    return {p.event.id for p in window.timeline.frame().placed
            if p.event is not None and p.label_room > 0}  # fmt: skip


def _key_ids(window) -> list[int]:  # type: ignore[no-untyped-def]
    return [k.summary.id for k in window.keys_panel.model.rows]


def test_opens_on_the_story_not_on_its_background_years(story) -> None:  # type: ignore[no-untyped-def]
    view, data = story.timeline.view, story.timeline.data
    # The story's days, a little padded: not 1953-2002, where its events are "dense" once
    # the background years (1952, 1979, ...) count.
    assert _day(D(1998, 1, 1)) <= view.t0 < _day(KEY_DAYS[0][0])
    assert _day(KEY_DAYS[4][0]) < view.t1 <= _day(D(2000, 6, 1))
    assert view.span < 3 * 366
    background = [e for e in data.ordered if e.label in ("1952", "1979")]
    assert len(background) >= 2  # still there: Home shows them
    story.timeline.fit_all()
    assert story.timeline.view.t0 <= background[0].start
    # Every key day of the story is listed and named; the background is not key.
    keys = _key_ids(story)
    assert len(keys) == 10
    told = {data.by_id[i].label for i in keys}
    assert {d.isoformat() for d, _ in KEY_DAYS[:5]} <= told
    assert not {e.id for e in background} & set(keys)


def test_key_events_are_named_and_the_rest_drawn_quietly(story, qtbot) -> None:  # type: ignore[no-untyped-def]
    tl = story.timeline
    keys = set(_key_ids(story))
    assert tl.data.key == keys
    assert keys <= _named(story)
    image = tl.grab().toImage()
    style = Style.for_palette(tl.palette())
    quiet_seen = False
    for p in tl.frame().placed:
        e = p.event
        if e is None or not e.is_point or p.x0 < 4:
            continue
        point = tl.point_of(e.id)
        colour = image.pixelColor(point.x() - 2, point.y())  # the marker's middle
        want = style.point if e.id in keys else style.quieted(style.point)
        assert abs(colour.red() - want.red()) + abs(colour.blue() - want.blue()) < 30, e.title
        quiet_seen |= e.id not in keys
    assert quiet_seen  # quiet events are drawn, not dropped
    # and a quiet event is still clickable
    quiet = next(p.event for p in tl.frame().placed if p.event is not None and p.event.id not in keys)
    with qtbot.waitSignal(tl.eventSelected):
        qtbot.mouseClick(tl, Qt.MouseButton.LeftButton, pos=tl.point_of(quiet.id))
    assert tl.selected == quiet.id


def test_the_count_control_changes_k_and_is_kept(story, qtbot, story_db, settings) -> None:  # type: ignore[no-untyped-def]
    panel = story.keys_panel
    assert panel.count.value() == 10 and panel.model.rowCount() == 10
    first_ten = _key_ids(story)
    panel.count.setValue(3)
    settle(story, qtbot)
    assert panel.model.rowCount() == 3
    assert _key_ids(story) == first_ten[:3]  # the most important first
    assert story.timeline.data.key == set(first_ten[:3])
    panel.count.setValue(0)  # off: every event drawn alike
    settle(story, qtbot)
    assert panel.model.rowCount() == 0 and not story.timeline.data.key
    panel.count.setValue(4)
    settle(story, qtbot)
    story.close()
    assert int(settings.value("keys/count")) == 4
    again = _open(qtbot, story_db, settings)
    assert again.keys_panel.count.value() == 4 and again.keys_panel.model.rowCount() == 4
    again.store.close()


def test_clicking_a_key_event_selects_and_centres_it(story, qtbot) -> None:  # type: ignore[no-untyped-def]
    tl, panel = story.timeline, story.keys_panel
    tl.set_view(View.years(1960, 1961))  # somewhere else, zoomed in
    settle(story, qtbot)
    row = 2
    index = panel.model.index(row)
    target = panel.model.rows[row].summary.id
    rect = panel.list.visualRect(index)
    with qtbot.waitSignal(tl.eventSelected):
        qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    settle(story, qtbot)
    assert tl.selected == target
    e = tl.data.by_id[target]
    middle = (tl.view.t0 + tl.view.t1) / 2
    assert abs((e.start + e.end) / 2 - middle) < 1
    assert abs(tl.view.span - View.years(1960, 1961).span) < 1  # the zoom is kept
    assert tl.point_of(target) is not None  # drawn where the user looks
    assert story.panel.current is not None and story.panel.current.id == target
    assert panel.list.currentIndex().row() == row
    # Ctrl+K goes back to the key events' span.
    story.show_key_events()
    assert story.timeline.view == story.key_view


def test_key_events_follow_the_filters(story, qtbot) -> None:  # type: ignore[no-untyped-def]
    before = _key_ids(story)
    story.filters.text.setText("sluice")
    settle(story, qtbot)
    after = _key_ids(story)
    assert after and after != before
    shown = story.timeline.data.by_id
    assert set(after) <= set(shown) and len(shown) < 20
    story.filters.clear_all()
    story.filters.date_from.setText("1999")
    story.filters.date_to.setText("1999-12")
    settle(story, qtbot)
    labels = [story.timeline.data.by_id[i].label for i in _key_ids(story)]
    assert labels and all(label.startswith("1999") for label in labels)


def test_the_image_export_opens_where_the_window_opens(story, qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from explorer.export import image

    seen = []
    monkeypatch.setattr(image, "render", lambda data, view, *a, **k: seen.append((data, view)))
    store = Store(story.store.location)
    pipeline.export_image(store, EventQuery(), tmp_path / "t.png", "png")
    store.close()
    (data, view), = seen
    assert view == story.timeline.view == story.key_view
    assert data.key == story.timeline.data.key and len(data) == len(story.timeline.data)


def test_a_saved_view_of_another_database_is_not_restored(qtbot, story_db, settings) -> None:  # type: ignore[no-untyped-def]
    settings.setValue("view/t0", View.years(2010, 2011).t0)
    settings.setValue("view/t1", View.years(2010, 2011).t1)
    settings.setValue("view/database", "/elsewhere/other.sqlite")
    w = _open(qtbot, story_db, settings)
    assert w.timeline.view == w.key_view
    w.close()
    again = _open(qtbot, story_db, settings)  # this database's view: where it was left
    assert again.timeline.view == w.timeline.view
    w.store.close()
    again.store.close()
