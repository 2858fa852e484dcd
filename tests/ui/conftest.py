from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from explorer import pipeline
from explorer.resources import resource
from explorer.store.repo import Store


@pytest.fixture
def sample_db(tmp_path: Path) -> Path:
    db = tmp_path / "sample.sqlite"
    store = Store(db)
    report = pipeline.ingest([resource("sample")], store)
    assert report.ok and len(report.imported) == 8
    store.close()
    return db


@pytest.fixture
def window(qtbot, sample_db: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    from explorer.ui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow(Store(sample_db), settings)
    qtbot.addWidget(w)
    w.resize(1500, 800)
    w.show()
    qtbot.waitExposed(w)
    settle(w, qtbot)
    return w


def settle(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Wait until the window's store work (its reads and writes run off the GUI thread) is
    done and its answers are drawn."""
    qtbot.waitUntil(lambda: window.idle, timeout=20000)
