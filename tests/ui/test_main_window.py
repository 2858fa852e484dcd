"""The real window, driven as a user would (offscreen)."""

from __future__ import annotations

import re
import threading
import time
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QWheelEvent
from PySide6.QtWidgets import QApplication

from explorer import pipeline
from explorer.store.repo import Store
from explorer.timeline.layout import View
from explorer.timeline.opening import ALL_FIT
from tests.ui.conftest import settle

ANCHORS = [  # the sample's five anchor events: (date label, a word of the title)
    ("2001-07-16", "Treaty of Good-Neighbourliness"),
    ("2014-03", "pivot"),
    ("2021-11-23", "roadmap"),
    ("2022-02-04 – 2022-02-20", "Games"),  # "…, which run from 4-20 February": the Games
    ("2024-05-10", "Kharkiv"),
]


def test_a_small_timeline_opens_on_all_of_it_with_every_anchor_named(window) -> None:  # type: ignore[no-untyped-def]
    view = window.timeline.view
    assert view == window.key_view  # the opening view (View -> Key events returns there)
    # The sample is a few dozen events: it opens on all of them up to its last key event (a
    # forecast beyond the news is reached with Home), a little padded.
    data = window.timeline.data
    assert len(data) <= ALL_FIT
    last_key = max(e.end for e in data.ordered if e.id in data.key)
    assert all(view.t0 < e.start and min(e.end, last_key) <= view.t1 for e in data.ordered)
    assert View.years(2000, 2000).t0 <= view.t0 < View.years(2001, 2001).t0
    assert View.years(2024, 2024).t0 < view.t1 < View.years(2026, 2026).t0
    assert len(window.timeline.data) == len(_all(window)) > 10
    placed = [p for p in window.timeline.frame().placed if p.event is not None]
    assert len(placed) >= 10
    named = {(p.event.label, p.event.title) for p in placed if p.label_room > 0}
    for label, word in ANCHORS:
        assert any(lb == label and word in title for lb, title in named), (label, word)


def test_wheel_and_keys_zoom_around_the_cursor(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    tl = window.timeline
    before = tl.view
    pos = QPointF(tl.width() * 0.25, tl.height() / 2)
    anchor = before.t(pos.x(), tl.width())
    wheel = QWheelEvent(pos, tl.mapToGlobal(pos), QPoint(0, 0), QPoint(0, 240),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(tl, wheel)
    after = tl.view
    assert after.span < before.span * 0.7
    assert abs(after.t(pos.x(), tl.width()) - anchor) < 1.0  # the time under the cursor stays
    qtbot.keyClick(tl, Qt.Key.Key_Minus)
    assert tl.view.span > after.span
    zoomed_out = tl.view
    qtbot.keyClick(tl, Qt.Key.Key_Right)
    assert tl.view.t0 > zoomed_out.t0
    qtbot.keyClick(tl, Qt.Key.Key_Home)
    lo, hi = tl.data.extent()
    assert tl.view.t0 <= lo and tl.view.t1 >= hi


def test_drag_pans_and_axis_drag_zooms_to_range(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    tl = window.timeline
    before = tl.view
    y = 40
    qtbot.mousePress(tl, Qt.MouseButton.LeftButton, pos=QPoint(600, y))
    qtbot.mouseMove(tl, QPoint(400, y))
    qtbot.mouseRelease(tl, Qt.MouseButton.LeftButton, pos=QPoint(400, y))
    assert tl.view.t0 > before.t0 and abs(tl.view.span - before.span) < 1
    axis_y = tl.height() - 10
    panned = tl.view
    qtbot.mousePress(tl, Qt.MouseButton.LeftButton, pos=QPoint(200, axis_y))
    qtbot.mouseMove(tl, QPoint(400, axis_y))
    qtbot.mouseRelease(tl, Qt.MouseButton.LeftButton, pos=QPoint(400, axis_y))
    assert abs(tl.view.t0 - panned.t(200, tl.width())) < 1
    assert abs(tl.view.t1 - panned.t(400, tl.width())) < 1


def test_actor_filter_hides_the_right_events(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.filters.model.set_checked("Gazprom", True)
    settle(window, qtbot)
    shown = window.timeline.data.ordered
    assert shown and all("Gazprom" in e.actors for e in shown)
    hidden = [e for e in _all(window) if "Gazprom" not in e.actors]
    assert hidden and not any(e.id in window.timeline.data.by_id for e in hidden)
    window.filters.model.set_checked("Xi Jinping", True)
    window.filters.mode.setCurrentIndex(1)  # all checked actors
    settle(window, qtbot)
    assert all({"Gazprom", "Xi Jinping"} <= set(e.actors) for e in window.timeline.data.ordered)
    window.filters.clear_all()
    settle(window, qtbot)
    assert len(window.timeline.data) == len(_all(window))


def test_text_and_date_filters(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.filters.text.setText("Kharkiv")
    qtbot.waitUntil(lambda: 0 < len(window.timeline.data) < len(_all(window)))
    assert all(e.start >= View.years(2024, 2024).t0 for e in window.timeline.data.ordered)
    window.filters.clear_all()
    window.filters.date_from.setText("2014")
    window.filters.date_to.setText("2014-12")
    settle(window, qtbot)
    assert len(window.timeline.data) < len(_all(window))
    assert {e.label[:4] for e in window.timeline.data.ordered} == {"2014"}


def test_click_lists_passages_and_opens_the_reader(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    tl = window.timeline
    target = next(e for e in tl.data.ordered if e.label == "2021-11-23")
    point = tl.point_of(target.id)
    assert point is not None
    with qtbot.waitSignal(tl.eventSelected):
        qtbot.mouseClick(tl, Qt.MouseButton.LeftButton, pos=point)
    settle(window, qtbot)
    event = window.panel.current
    assert event is not None and event.id == target.id
    assert len(event.sources) == 2  # the roadmap is told by two sample articles
    text = window.panel.toPlainText()
    assert all(s.text in text for s in event.sources)
    source = event.sources[0]
    window.panel.openPassage.emit(source.document_id, source.passage_start, source.passage_end,
                                  source.expression_start, source.expression_end)
    settle(window, qtbot)
    reader = window.reader
    assert reader is not None and reader.isVisible()
    assert reader.highlighted == (source.passage_start, source.passage_end)
    selections = reader.text.extraSelections()
    assert selections[0].cursor.selectedText() == source.text
    assert selections[1].cursor.selectedText() == source.expression
    reader.close()


def test_keyboard_moves_between_events(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    tl = window.timeline
    tl.setFocus()
    qtbot.keyClick(tl, Qt.Key.Key_Tab)
    first = tl.selected
    qtbot.keyClick(tl, Qt.Key.Key_Tab)
    second = tl.selected
    assert first is not None and second is not None and first != second
    assert tl.data.by_id[second].start >= tl.data.by_id[first].start


def _articles(folder: Path, n: int) -> list[Path]:
    folder.mkdir()
    out = []
    for i in range(n):
        p = folder / f"{i:03d}.txt"
        p.write_text(f"Talks\n\nMarch 4, 2019\n\nDelegation {i} arrived in Vienna on Sunday "
                     f"for talks on item {i}, officials said.\n", encoding="utf-8")
        out.append(p)
    return out


def test_import_runs_on_a_worker_and_refreshes(window, qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    files = _articles(tmp_path / "in", 3)
    threads = []
    real = pipeline.ingest

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.get_ident())
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "ingest", spy)
    before = len(_all(window))
    job = window.start_import(files)
    assert job is not None
    with qtbot.waitSignal(job.signals.finished, timeout=30000):
        pass
    assert threads and threads[0] != threading.get_ident()
    qtbot.waitUntil(lambda: len(_all(window)) > before)


def test_undated_documents_get_a_date_field(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    p = tmp_path / "undated.txt"
    p.write_text("The envoys met again on Tuesday in Geneva to discuss the ceasefire.\n")
    job = window.start_import([p])
    with qtbot.waitSignal(job.signals.finished, timeout=30000):
        pass
    settle(window, qtbot)
    dialog = window.dates_dialog
    assert dialog is not None and dialog.isVisible()
    (doc_id, (box, edit)), = dialog.fields.items()
    from PySide6.QtCore import QDate

    edit.setDate(QDate(2023, 1, 12))
    assert box.isChecked()
    job = window.set_dates(dialog.chosen())
    with qtbot.waitSignal(job.signals.finished, timeout=30000):
        pass
    qtbot.waitUntil(lambda: any(e.span.label() == "2023-01-10" for e in _all(window)))


def test_cancelled_import_keeps_finished_documents(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    files = _articles(tmp_path / "many", 40)
    job = window.start_import(files)
    assert job is not None
    job.signals.progress.connect(lambda done, total, note: job.cancel() if done >= 2 else None)
    with qtbot.waitSignal(job.signals.finished, timeout=60000) as blocker:
        pass
    report = blocker.args[0]
    assert report.cancelled and 2 <= len(report.imported) < 40
    store = Store(window.store.path)
    names = {Path(d.path).name for d in store.documents()}
    assert {Path(p).name for p in report.imported} <= names
    assert len([n for n in names if n.endswith(".txt")]) == len(report.imported)


def _export(window, qtbot, path: Path, width: int, height: int) -> None:  # type: ignore[no-untyped-def]
    job = window.export_image_to(path, width, height, dpi=96, whole=True)
    with qtbot.waitSignal(job.signals.finished, timeout=30000):
        pass


def test_png_export_is_the_requested_size_and_not_blank(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "t.png"
    _export(window, qtbot, path, 1234, 567)
    image = QImage(str(path))
    assert (image.width(), image.height()) == (1234, 567)
    colours = {image.pixel(x, y) for x in range(0, 1234, 7) for y in range(0, 567, 7)}
    assert len(colours) > 8


def test_svg_export(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "t.svg"
    _export(window, qtbot, path, 1000, 500)
    root = ET.parse(path).getroot()
    assert root.get("viewBox", "").split() == ["0", "0", "1000", "500"]
    # A browser shows it at the PNG's size (pixels, not Qt's 72-dpi millimetres) and in a
    # sans-serif font (Qt's own "Sans Serif" is no family a browser knows).
    assert (root.get("width"), root.get("height")) == ("1000", "500")
    families = {e.get("font-family") for e in root.iter() if e.get("font-family")}
    assert families and all(f.endswith("sans-serif") and "Sans Serif" not in f for f in families)
    assert len(list(root.iter())) > 50


def test_pdf_export(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "t.pdf"
    _export(window, qtbot, path, 960, 480)
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 2000
    box = re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", data)
    assert box is not None  # 960x480 px at 96 dpi = 720x360 pt
    assert (float(box.group(1)), float(box.group(2))) == (720.0, 360.0)


def test_one_lane_per_actor(window) -> None:  # type: ignore[no-untyped-def]
    window.actor_lanes.setChecked(True)
    frame = window.timeline.frame()
    labels = frame.lane_labels
    counts = Counter(a for e in window.timeline.data.ordered for a in e.actors)
    assert labels[0] == counts.most_common(1)[0][0] and labels[-1] == "others"
    for p in frame.placed:
        if p.event is not None and labels[p.lane] != "others":
            assert labels[p.lane] in p.event.actors
    gazprom = [p.event.id for p in frame.placed
               if p.event is not None and labels[p.lane] == "Gazprom"]
    assert gazprom
    window.actor_lanes.setChecked(False)
    assert not window.timeline.frame().lane_labels


def test_a_job_that_ends_at_once_is_heard_by_whoever_connects_after_run(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    # The job is started only when control is back in the event loop; before the fix it ran
    # at once on the pool and its finished signal, emitted during the sleep, reached nobody.
    job = window._run(lambda progress, cancel: 42, lambda result: None, "Testing")
    time.sleep(0.3)  # a busy machine: the caller's next line comes late
    with qtbot.waitSignal(job.signals.finished, timeout=5000) as blocker:
        pass
    assert blocker.args == [42]


def test_actor_list_is_grouped_by_kind_and_filters_by_kind(window) -> None:  # type: ignore[no-untyped-def]
    from explorer.ui.models.actor_model import KIND_ROLE, NAME_ROLE

    proxy = window.filters.proxy
    rows = [(proxy.index(r, 0).data(KIND_ROLE), proxy.index(r, 0).data(NAME_ROLE))
            for r in range(proxy.rowCount())]  # fmt: skip
    kinds = [k for k, name in rows if name is None]  # the heading rows, in order
    assert kinds[:2] == ["person", "country"] and len(kinds) == len(set(kinds))
    # every actor sits under its own kind's heading
    current = None
    for kind, name in rows:
        if name is None:
            current = kind
        else:
            assert kind == current
    assert ("person", "Vladimir Putin") in rows and ("country", "China") in rows
    window.filters.kind.setCurrentIndex(window.filters.kind.findData("country"))
    shown = {proxy.index(r, 0).data(NAME_ROLE) for r in range(proxy.rowCount())} - {None}
    assert "China" in shown and "Vladimir Putin" not in shown
    heading = proxy.index(0, 0)
    assert not heading.flags() & Qt.ItemFlag.ItemIsUserCheckable
    window.filters.clear_all()
    assert proxy.rowCount() == len(rows)


def test_report_of_the_filtered_view_on_a_worker(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window.filters.model.set_checked("Gazprom", True)
    qtbot.waitUntil(lambda: len(window.timeline.data) < len(_all(window)))
    shown = len(window.timeline.data)
    path = tmp_path / "report.html"
    job = window.export_report_to(path, "Gas")
    with qtbot.waitSignal(job.signals.finished, timeout=30000) as blocker:
        pass
    assert blocker.args[0] == (path, shown)
    html = path.read_text(encoding="utf-8")
    assert html.count('class="event"') == shown and "<h1>Gas</h1>" in html


def _all(window):  # type: ignore[no-untyped-def]
    """Every event the window's store shows, before the filters."""
    from explorer.query.event_query import EventQuery

    return window.source.answer(EventQuery())


def test_switching_to_another_database_opens_it_off_the_gui_thread(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    other = tmp_path / "other.sqlite"
    store = Store(other)
    p = tmp_path / "one.txt"
    p.write_text("Talks\n\nMarch 4, 2019\n\nThe border treaty was signed in 1997 by both.\n")
    pipeline.ingest([p], store)
    store.close()
    window.switch_database(other)
    settle(window, qtbot)
    assert "other" in window.windowTitle()
    assert [e.label for e in window.timeline.data.ordered] == ["1997"]
    assert window.count_label.text() == "1 of 1 events"
