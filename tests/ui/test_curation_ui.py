"""Curation in the window: each action and its undo, through the Edit menu's stack."""

from __future__ import annotations

from PySide6.QtCore import Qt

from explorer.curation.view import curated_event
from explorer.ui.models.actor_model import NAME_ROLE
from tests.ui.conftest import settle


def _event(window, label: str):  # type: ignore[no-untyped-def]
    return next(e for e in window.timeline.data.ordered if e.label == label)


def test_hide_with_delete_and_undo_with_ctrl_z(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    tl = window.timeline
    target = _event(window, "2024-05-10")
    tl.select(target.id)
    window.curation.hide_action.trigger()
    settle(window, qtbot)
    assert target.id not in tl.data.by_id
    assert window.curation.stack.undoText() == "Hide event"
    window.curation.stack.undo()
    settle(window, qtbot)
    assert target.id in tl.data.by_id
    window.curation.stack.redo()
    settle(window, qtbot)
    assert target.id not in tl.data.by_id
    window.curation.show_hidden.setChecked(True)
    settle(window, qtbot)
    assert target.id in tl.data.by_id  # hidden events can be shown again ...
    tl.select(target.id)
    window.curation.hide_action.trigger()  # ... and un-hidden
    window.curation.show_hidden.setChecked(False)
    settle(window, qtbot)
    assert target.id in tl.data.by_id


def test_edit_dialog_changes_the_date_at_its_precision(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    target = _event(window, "2024-05-10")
    window.timeline.select(target.id)
    window.curation.edit_action.trigger()
    settle(window, qtbot)
    dialog = window.curation.edit_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.title.setText("Kharkiv offensive begins")
    dialog.start.setText("2024-05")
    dialog.precision.setCurrentText("month")
    dialog.accept()
    settle(window, qtbot)
    edited = next(e for e in window.timeline.data.ordered if e.id == target.id)
    assert (edited.title, edited.label, edited.precision.value) == (
        "Kharkiv offensive begins", "2024-05", "month")
    assert "edited since" in window.panel.toPlainText()
    window.curation.stack.undo()
    settle(window, qtbot)
    assert _event(window, "2024-05-10").title == target.title


def test_edit_dialog_offers_other_readings(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    weekday = next(e for e in window.timeline.data.ordered
                   if any(s.expression in ("Monday", "Wednesday", "Thursday", "Friday")
                          for s in curated_event(window.store, e.id).sources))
    window.timeline.select(weekday.id)
    window.curation.edit_action.trigger()
    settle(window, qtbot)
    dialog = window.curation.edit_dialog
    labels = [b.text() for b in dialog.reading_buttons]
    assert any(t.startswith("a week earlier") for t in labels), labels
    earlier = next(b for b in dialog.reading_buttons if b.text().startswith("a week earlier"))
    earlier.click()
    dialog.accept()
    settle(window, qtbot)
    moved = window.timeline.data.by_id[weekday.id]
    assert moved.start == weekday.start - 7


def test_merge_marked_events_and_undo(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    tl = window.timeline
    a, b = _event(window, "2022-02-04"), _event(window, "2021-12-15")
    for e in (a, b):
        point = tl.point_of(e.id)
        assert point is not None
        qtbot.mouseClick(tl, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, point)
    assert tl.marked == {a.id, b.id}
    before = len(tl.data)
    window.curation.merge_action.trigger()
    settle(window, qtbot)
    assert len(tl.data) == before - 1
    merged = curated_event(window.store, min(a.id, b.id))
    assert len(merged.sources) == 2
    window.curation.stack.undo()
    settle(window, qtbot)
    assert len(tl.data) == before


def test_review_queue_holds_real_doubts_gravest_first(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    model = window.curation.review.model
    assert model.rowCount() == 0  # the well-dated sample leaves nothing to review
    p = tmp_path / "doubtful.txt"
    p.write_text(
        "Harbour notes\n\nMarch 14, 2019\n\n"
        "Delegates arriving Monday in Oslo to discuss the harbour.\n"
        "Prices at the harbour in September.\n"
        "The harbour reopened in January after repairs.\n"
    )
    job = window.start_import([p])
    with qtbot.waitSignal(job.signals.finished, timeout=30000):
        pass
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    (first, why_first), (second, why_second) = model.rows
    assert "no tense says which week" in why_first[0]  # Monday, three days either way
    assert "without a year" in why_second[0]  # September, half a year either way
    window.curation.review.eventChosen.emit(first.id)
    assert window.timeline.selected == first.id


def test_rename_merge_and_alias_actors_with_undo(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    model = window.filters.model
    names = lambda: {model.data(model.index(r), NAME_ROLE) for r in range(model.rowCount())}  # noqa: E731
    assert "Gazprom" in names()
    window.curation.rename_actor("Gazprom", "Gazprom PJSC")
    settle(window, qtbot)
    assert "Gazprom PJSC" in names() and "Gazprom" not in names()
    window.curation.rename_actor("Wei Fenghe", "Sergei Shoigu")  # merge two actors
    settle(window, qtbot)
    assert "Wei Fenghe" not in names()
    window.curation.stack.undo()
    settle(window, qtbot)
    window.curation.stack.undo()
    settle(window, qtbot)
    assert {"Gazprom", "Wei Fenghe"} <= names()
    window.curation.add_alias("NATO", "the Alliance")
    settle(window, qtbot)
    assert window.curation.stack.undoText() == "Alias for NATO"
    assert [c.kind for c in window.store.curations() if c.active][-1] == "alias"
    window.curation.stack.undo()
    settle(window, qtbot)
    assert not [c for c in window.store.curations() if c.active]


def test_the_window_says_when_an_edit_lost_its_sentence(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    p = tmp_path / "story.txt"
    p.write_text("Talks\n\nMarch 4, 2019\n\nThe treaty was signed in 1997 by both.\n")
    job = window.start_import([p])
    with qtbot.waitSignal(job.signals.finished, timeout=30000):
        pass
    settle(window, qtbot)
    treaty = next(e for e in window.timeline.data.ordered if e.label == "1997")
    window.timeline.select(treaty.id)
    settle(window, qtbot)
    window.curation.hide_action.trigger()
    settle(window, qtbot)
    p.write_text("Talks\n\nMarch 4, 2019\n\nThe treaty was signed in 1998 by both.\n")
    job = window.start_import([p])
    with qtbot.waitSignal(job.signals.finished, timeout=30000):
        pass
    settle(window, qtbot)
    assert "no longer apply" in window.statusBar().currentMessage()


def test_split_add_from_selection_and_delete_document(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    tl = window.timeline
    roadmap = _event(window, "2021-11-23")
    assert len(curated_event(window.store, roadmap.id).sources) == 2
    window.curation.split_source(roadmap.id, 1)
    settle(window, qtbot)
    assert len([e for e in tl.data.ordered if e.label == "2021-11-23"]) == 2
    window.curation.stack.undo()
    settle(window, qtbot)
    assert len([e for e in tl.data.ordered if e.label == "2021-11-23"]) == 1

    # Add an event from a passage selected in the reader.
    source = curated_event(window.store, roadmap.id).sources[0]
    window.open_passage(source.document_id, source.passage_start, source.passage_end,
                        source.expression_start, source.expression_end)
    settle(window, qtbot)
    reader = window.reader
    reader.select(source.passage_start, source.passage_start + 20)
    assert reader.selection() == (source.passage_start, source.passage_start + 20)
    reader.add_button.click()
    settle(window, qtbot)
    dialog = window.curation.edit_dialog
    assert dialog.title.text()  # prefilled from the selection
    dialog.start.setText("2021-11")
    dialog.precision.setCurrentText("month")
    dialog.accept()
    settle(window, qtbot)
    added = [e for e in tl.data.ordered if e.id < 0]
    assert len(added) == 1 and added[0].label == "2021-11"
    (src,) = curated_event(window.store, added[0].id).sources
    assert (src.passage_start, src.passage_end) == (source.passage_start, source.passage_start + 20)

    # Delete a document from the reader; undo brings its events back.
    before = len(tl.data)
    window.open_passage(source.document_id, source.passage_start, source.passage_end,
                        source.expression_start, source.expression_end)
    settle(window, qtbot)
    window.reader.delete_button.click()
    settle(window, qtbot)
    assert len(tl.data) < before
    window.curation.stack.undo()
    settle(window, qtbot)
    assert len(tl.data) == before


def test_an_empty_review_queue_stays_one_line(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    review = window.curation.review
    assert review.model.rowCount() == 0
    assert not review.list.isVisible()
    assert review.height() < 0.1 * window.height()
