"""Several people curating one store: who and when are recorded, undo takes back only one's
own edits, and an open window notices the others' changes without losing view or selection."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from explorer import pipeline
from explorer.cli import main
from explorer.curation import actions
from explorer.curation.view import curated
from explorer.errors import StoreError
from explorer.store.repo import Store
from explorer.timeline.layout import View
from tests.ui.conftest import settle

STORY = (
    "Port deal\n\nMarch 4, 2019\n\n"
    "The port treaty was signed in 1997 by Kenya and Tanzania.\n"
    "Trade through the port rose sharply in 2014, the ministry said.\n"
    "A new terminal opened on January 15, 2018.\n"
)


def _fill(tmp_path: Path, target: Path | str) -> None:
    p = tmp_path / "port.txt"
    p.write_text(STORY, encoding="utf-8")
    store = Store(target, author="setup")
    assert pipeline.ingest([p], store).ok
    store.close()


def _event(store: Store, year: str) -> int:
    return next(e.id for e in curated(store).events if e.span.iso_start().startswith(year))


def test_edits_record_author_and_undo_is_only_ones_own(
    tmp_path: Path,
    db_target: Path | str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _fill(tmp_path, db_target)
    ana, ben = Store(db_target, author="ana"), Store(db_target, author="ben")
    try:
        mine = actions.hide(ana, _event(ana, "1997"))
        theirs = actions.hide(ben, _event(ben, "2014"))
        by_id = {c.id: c for c in ana.curations()}
        assert (by_id[mine].author, by_id[theirs].author) == ("ana", "ben")
        assert by_id[mine].created_at is not None
        with pytest.raises(StoreError, match="made by ben"):
            actions.undo(ana, theirs)
        # The CLI's undo takes the latest edit of the one who asks, not the latest of all.
        monkeypatch.setenv("TIMELINE_EXPLORER_USER", "ana")
        assert main(["undo", "--db", str(db_target)]) == 0
        state = {c.id: c.active for c in ben.curations()}
        assert state == {mine: False, theirs: True}
        assert "edit" in capsys.readouterr().out
    finally:
        ana.close()
        ben.close()


def test_window_notices_others_changes_and_keeps_view_and_selection(
    qtbot, tmp_path: Path, db_target: Path | str  # type: ignore[no-untyped-def]
) -> None:
    from explorer.ui.main_window import MainWindow

    _fill(tmp_path, db_target)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Store(db_target, author="ana"), settings)
    qtbot.addWidget(window)
    window.resize(1400, 800)
    window.show()
    qtbot.waitExposed(window)
    window.poll.stop()  # the test polls by hand, so it does not race the timer
    settle(window, qtbot)
    with qtbot.assertNotEmitted(window.reloaded):
        window.check_for_changes()  # nothing new yet
        settle(window, qtbot)
    kept = _event(window.store, "2018")
    gone = _event(window.store, "1997")
    window.timeline.set_view(View.years(1995, 2020))
    window.timeline.select(kept)
    view = window.timeline.view
    ben = Store(db_target, author="ben")
    try:
        actions.hide(ben, gone)
    finally:
        ben.close()
    with qtbot.waitSignal(window.reloaded, timeout=20000):
        window.check_for_changes()
    settle(window, qtbot)
    assert gone not in window.timeline.data.by_id
    assert kept in window.timeline.data.by_id
    assert window.timeline.selected == kept
    assert window.timeline.view == view
    with qtbot.assertNotEmitted(window.reloaded):
        window.check_for_changes()  # seen now
        settle(window, qtbot)
    window.store.close()


def test_migrate_copies_a_personal_store_with_its_edits(
    tmp_path: Path, db_target: Path | str, capsys: pytest.CaptureFixture[str]
) -> None:
    personal = tmp_path / "mine.sqlite"
    _fill(tmp_path, personal)
    mine = Store(personal, author="ana")
    actions.hide(mine, _event(mine, "1997"))
    actions.edit(mine, _event(mine, "2018"), title="Terminal opens")
    expected = sorted((e.title, e.span.iso_start()) for e in curated(mine).events)
    mine.close()
    other = tmp_path / "other.txt"  # the shared store holds someone else's work already
    other.write_text("Rail link\n\nMay 2, 2020\n\nThe rail link opened in 2016.\n", "utf-8")
    shared = Store(db_target, author="ben")
    assert pipeline.ingest([other], shared).ok
    shared.close()

    for _ in range(2):  # a second run copies nothing twice
        assert main(["migrate", "--from", str(personal), "--to", str(db_target)]) == 0
    out = capsys.readouterr().out
    assert "copied 1 document(s) and 2 edit(s)" in out
    assert "copied 0 document(s) and 0 edit(s)" in out  # the second run: nothing new
    shared = Store(db_target, author="ben")
    try:
        got = sorted(
            (e.title, e.span.iso_start())
            for e in curated(shared).events
            if not e.span.iso_start().startswith("2016")
        )
        assert got == expected
        assert ("Terminal opens", "2018-01-15") in got
        assert [c.author for c in shared.curations()] == ["ana", "ana"]
        assert len(shared.documents()) == 2
    finally:
        shared.close()
