"""Pipes, dangling links and link loops are reported as not imported, with why, and never
block; a missing path among good ones spoils nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from explorer.cli import main

ARTICLE = "Talks\n\nMarch 4, 2019\n\nThe border treaty was signed in 1997 by both.\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(d / "pipe.txt")
    (d / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (d / "loop.txt").symlink_to(d / "loop.txt")
    (d / "sub").symlink_to(d)  # a folder loop
    return d


def test_special_files_in_a_folder_are_listed_not_skipped(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "t.sqlite")
    assert main(["ingest", str(folder), "--db", db, "--workers", "0"]) == 1
    out = capsys.readouterr()
    assert "imported 1," in out.out
    assert "pipe.txt: not a regular file" in out.err
    assert "gone.txt: a link to a file that no longer exists" in out.err
    assert "loop.txt: a link that leads back to itself" in out.err


def test_a_pipe_given_by_name_does_not_hang(folder: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "t.sqlite")
    assert main(["ingest", str(folder / "pipe.txt"), "--db", db]) == 2  # nothing to import


def test_a_missing_path_among_good_ones(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "t.sqlite")
    assert main(["ingest", str(good), str(tmp_path / "missing.txt"), "--db", db]) == 1
    out = capsys.readouterr()
    assert "imported 1," in out.out and "missing.txt: no such file" in out.err
    assert main(["ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--db", db]) == 2
