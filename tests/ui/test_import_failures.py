"""The window's import names every file it could not read, with why, as the CLI does: the
first ones in the message, all of them under Show Details."""

from __future__ import annotations

import os
from pathlib import Path

from tests.ui.conftest import settle


def _import(window, qtbot, paths: list[Path]):  # type: ignore[no-untyped-def]
    job = window.start_import(paths)
    assert job is not None
    with qtbot.waitSignal(job.signals.finished, timeout=60000) as blocker:
        pass
    settle(window, qtbot)
    return blocker.args[0]


def test_every_bad_file_is_listed_with_why(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    folder.mkdir()
    good = folder / "good.txt"
    good.write_text("Talks\n\nMarch 4, 2019\n\nEnvoys met in Vienna on Sunday.\n", "utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    os.mkfifo(folder / "pipe.txt")
    for n in range(20):
        (folder / f"blank-{n:02d}.txt").write_bytes(b"")
    report = _import(window, qtbot, [folder, tmp_path / "missing.txt"])
    assert len(report.failed) == 24 and len(report.imported) == 1
    box = window.failure_box
    assert box.isVisible()
    assert box.text() == "24 of 25 file(s) could not be imported; the rest were."
    shown = box.informativeText()
    assert "<b>binary.txt</b>: this looks like" in shown and "and 9 more" in shown
    assert str(folder) not in shown  # names, not paths twice over
    details = box.detailedText().splitlines()
    assert len(details) == 24
    assert any(line.startswith(str(folder / "pipe.txt")) and "pipe" in line for line in details)
    assert any("missing.txt" in line and "no such file" in line for line in details)


def test_nothing_imported_says_so(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    report = _import(window, qtbot, [empty])
    assert report.failed and not report.imported
    assert window.failure_box.text() == "None of the 1 file(s) could be imported."
