"""One registry of formats: the CLI's help, the window's dialog, drag and drop and folder
import all take their formats from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer.cli import main
from explorer.ingest import formats
from explorer.ingest.readers import expand_paths


def test_every_format_reads_files_or_splits_them() -> None:
    for fmt in formats.FORMATS:
        assert (fmt.read is None) != (fmt.split is None), fmt.name
        assert fmt.suffixes and all(s.startswith(".") for s in fmt.suffixes)
    suffixes = [s for f in formats.FORMATS for s in f.suffixes]
    assert len(suffixes) == len(set(suffixes))  # one format per suffix


def test_the_dialog_lists_every_suffix() -> None:
    every = formats.dialog_filter().split(";;")[0]
    assert all(f"*{s}" in every for s in formats.SUFFIXES)
    assert formats.dialog_filter().endswith("All files (*)")


def test_ingest_help_lists_every_suffix(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["ingest", "--help"])
    out = capsys.readouterr().out
    assert all(s in out for s in formats.SUFFIXES) and "--columns" in out


def test_a_folder_holds_the_files_of_every_format(tmp_path: Path) -> None:
    names = [f"a{s}" for s in sorted(formats.SUFFIXES) if s != ".xml"]
    for name in names + ["photo.png", "notes.odt"]:
        (tmp_path / name).write_bytes(b"x")
    assert sorted(p.name for p in expand_paths([tmp_path])) == sorted(names)


def test_the_window_asks_the_registry(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from explorer.store.repo import Store
    from explorer.ui.main_window import MainWindow

    shown: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *a: (shown.append(a[3]), ([], ""))[1]
    )
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _w, _t, text: told.append(text))
    window = MainWindow(Store(tmp_path / "w.sqlite"))
    qtbot.addWidget(window)
    started: list[list[Path]] = []
    monkeypatch.setattr(window, "start_import", lambda paths: started.append(paths))
    window.import_files()
    assert shown == [formats.dialog_filter()]
    docx, png = tmp_path / "memo.docx", tmp_path / "photo.png"
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(docx)), QUrl.fromLocalFile(str(png))])
    drop = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(drop)
    assert started == [[docx]]
    assert len(told) == 1 and "photo.png" in told[0] and ".docx" in told[0]
