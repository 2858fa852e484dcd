"""Reads never make a store, and someone else's SQLite file is never touched."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from explorer.cli import main

READERS = [
    ["events"],
    ["documents"],
    ["edits"],
    ["actors"],
    ["export", "--format", "json", "--output", "OUT"],
    ["report", "--format", "md", "--output", "OUT"],
    ["hide", "1"],
    ["undo"],
]


@pytest.mark.parametrize("argv", READERS)
def test_a_store_that_is_not_there_is_not_made(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "typo.sqlite"
    args = [a.replace("OUT", str(tmp_path / "out")) for a in argv]
    assert main([*args, "--db", str(db)]) == 2
    assert "no such database" in capsys.readouterr().err
    assert not db.exists() and not (tmp_path / "out").exists()


@pytest.mark.parametrize("argv", [*READERS, ["ingest", "IN"], ["load-sample"]])
def test_another_programs_database_is_refused_untouched(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "other.sqlite"
    with sqlite3.connect(db) as conn:
        conn.execute("create table foo(x)")
    before = hashlib.md5(db.read_bytes()).hexdigest()
    article = tmp_path / "a.txt"
    article.write_text("Talks\n\nMarch 4, 2019\n\nThe treaty was signed in 1997.\n")
    args = [a.replace("OUT", str(tmp_path / "out")).replace("IN", str(article)) for a in argv]
    assert main([*args, "--db", str(db)]) == 2
    assert "another program's database" in capsys.readouterr().err
    assert hashlib.md5(db.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "other.sqlite"]
