"""A shared store whose server stalls: the window keeps painting. The poll of the change
counter and the reload run on the store thread, so a 2-second pause of PostgreSQL delays an
answer, never a repaint."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from sqlalchemy import text

from explorer import pipeline
from explorer.resources import resource
from explorer.store.repo import Store
from tests.ui.conftest import settle


@pytest.mark.parametrize("db_target", ["postgresql"], indirect=True)
def test_the_window_paints_while_the_server_pauses(qtbot, tmp_path: Path, db_target) -> None:  # type: ignore[no-untyped-def]
    from explorer.ui.main_window import MainWindow

    seed = Store(db_target)
    pipeline.ingest([resource("sample")], seed)
    seed.close()
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    store = Store(db_target)
    window = MainWindow(store, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.poll.stop()
    settle(window, qtbot)
    real = store.changes

    def stalled() -> int:  # the server takes 2 s to answer the poll
        with store.engine.connect() as conn:
            conn.execute(text("SELECT pg_sleep(2)"))
        return real()

    store.changes = stalled  # type: ignore[method-assign]
    painted: list[float] = []
    started = time.perf_counter()
    window.check_for_changes()

    def paint() -> None:
        t0 = time.perf_counter()
        window.timeline.repaint()  # a synchronous paint on the GUI thread
        painted.append(time.perf_counter() - t0)

    QTimer.singleShot(50, paint)
    qtbot.waitUntil(lambda: bool(painted), timeout=1500)
    assert window._polling  # the poll is still waiting for the server ...
    assert time.perf_counter() - started < 1.5  # ... and the paint did not wait for it
    print(f"repaint during a 2 s server pause: {painted[0] * 1000:.1f} ms")
    settle(window, qtbot)  # the answer comes, late
    assert not window._polling
    store.close()
