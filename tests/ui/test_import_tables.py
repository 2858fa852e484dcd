"""Importing a table in the window whose text column has no usual name: the window asks which
column holds what, and imports with the answer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from explorer.store.repo import Store
from explorer.ui.main_window import MainWindow
from tests.ingest.formats.makers import ARTICLES, write_csv
from tests.ui.conftest import settle


def test_the_window_asks_for_a_tables_columns(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    table = write_csv(
        tmp_path / "odd.csv",
        ["hed", "when", "copy"],
        [[a.headline, a.published.isoformat(), a.body] for a in ARTICLES],
    )
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Store(tmp_path / "w.sqlite"), settings)
    qtbot.addWidget(window)
    window.show()
    settle(window, qtbot)
    assert window.start_import([table]) is None  # nothing runs before the answer
    dialog = window.columns_dialog
    assert dialog.isVisible()
    assert [dialog.boxes["text"].itemText(i) for i in range(3)] == ["hed", "when", "copy"]
    dialog.boxes["text"].setCurrentText("copy")
    dialog.boxes["title"].setCurrentText("hed")
    dialog.boxes["date"].setCurrentText("when")
    assert dialog.chosen() == {"text": "copy", "title": "hed", "date": "when"}
    dialog.accept()
    qtbot.waitUntil(lambda: window.job is None and window.idle, timeout=60000)
    docs = window.store.documents()
    assert sorted(d.title or "" for d in docs) == sorted(a.headline for a in ARTICLES)
    assert sorted(d.published for d in docs if d.published) == sorted(a.published for a in ARTICLES)
