"""A damaged store is refused on opening, unchanged, with the way to rescue what can be read;
`explorer check` runs the full check and lists the damage; a sound store passes it."""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import random
import shutil
import sqlite3
from pathlib import Path

import pytest

from explorer.cli import main
from explorer.errors import StoreError
from explorer.store import db
from explorer.store.repo import Store

ARTICLE = "Talks\n\nMarch 4, 2019\n\nThe treaty was signed in 1997 in Vienna by both sides.\n"


@pytest.fixture(scope="module")
def sound(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sample imported, with an edit, its events table made big enough to span
    many pages (copies of its rows), and closed: the whole store in the one file."""
    store = tmp_path_factory.mktemp("sound") / "t.sqlite"
    home = os.environ.get("TIMELINE_EXPLORER_HOME")
    os.environ["TIMELINE_EXPLORER_HOME"] = str(store.parent / "home")
    try:
        assert main(["load-sample", "--db", str(store)]) == 0
        assert main(["hide", "1", "--db", str(store)]) == 0
    finally:
        if home is None:
            os.environ.pop("TIMELINE_EXPLORER_HOME", None)
        else:
            os.environ["TIMELINE_EXPLORER_HOME"] = home
    gc.collect()  # the commands' engines, and their connections
    with contextlib.closing(sqlite3.connect(store, isolation_level=None)) as conn:
        columns = "title, start_date, end_date, precision, merge_text, start_day, end_day, weight"
        for _ in range(7):  # 18 events to 2304: pages enough to damage some in the middle
            conn.execute(f"INSERT INTO events ({columns}) SELECT {columns} FROM events")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return store


def _events_pages(store: Path) -> tuple[int, list[int]]:
    with contextlib.closing(sqlite3.connect(f"{store.as_uri()}?mode=ro", uri=True)) as conn:
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = [
            int(p)
            for (p,) in conn.execute(
                "SELECT pageno FROM dbstat WHERE name = 'events' AND pagetype = 'leaf' "
                "ORDER BY pageno"
            )
        ]
    return size, pages


def _md5(path: Path) -> str:
    return hashlib.md5(path.read_bytes()).hexdigest()


# How the tester's 4 KB went in: random bytes or zeros from the middle of an events page (so
# over the end of one page and the start of the next), or over one whole page.
DAMAGE = ["random-mid-page", "zeros-mid-page", "random-whole-page"]


def _damage(store: Path, how: str) -> None:
    size, pages = _events_pages(store)
    assert len(pages) > 10
    page = pages[len(pages) // 2]
    offset = (page - 1) * size + (0 if how == "random-whole-page" else size // 2)
    data = bytes(4096) if how.startswith("zeros") else random.Random(how).randbytes(4096)
    with store.open("r+b") as f:
        f.seek(offset)
        f.write(data)


@pytest.fixture(params=DAMAGE)
def damaged(request: pytest.FixtureRequest, sound: Path, tmp_path: Path) -> Path:
    store = tmp_path / "damaged.sqlite"
    shutil.copy(sound, store)
    _damage(store, request.param)
    return store


def test_a_damaged_store_is_refused_unchanged(
    damaged: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    before = _md5(damaged)
    out = tmp_path / "out.json"
    for argv in (
        ["events"],
        ["export", "--format", "json", "--output", str(out)],
        ["report", "--format", "md", "--output", str(tmp_path / "r.md")],
        ["hide", "2"],
        ["ingest", str(article)],
    ):
        assert main([*argv, "--db", str(damaged)]) == 2, argv
        err = capsys.readouterr().err
        assert "is damaged" in err, (argv, err)
        assert f"explorer migrate --from {damaged} --to NEW.sqlite" in err, err
        assert _md5(damaged) == before, argv
    assert not out.exists()
    with pytest.raises(StoreError, match="is damaged"):
        Store(damaged)


def test_check_lists_the_damage(damaged: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _md5(damaged)
    assert main(["check", "--db", str(damaged)]) == 1
    out = capsys.readouterr().out
    assert "problem(s):" in out and "explorer migrate --from" in out, out
    assert "OK" not in out.splitlines()[-1]
    assert _md5(damaged) == before


def test_migrate_rescues_what_can_be_read(
    damaged: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _md5(damaged)
    rescued = tmp_path / "rescued.sqlite"
    assert main(["migrate", "--from", str(damaged), "--to", str(rescued)]) == 0
    captured = capsys.readouterr()
    assert "is damaged" in captured.err and "copied 8 document(s) and 1 edit(s)" in captured.out
    assert _md5(damaged) == before
    assert main(["check", "--db", str(rescued)]) == 0
    assert main(["events", "--db", str(rescued)]) == 0


def test_a_sound_store_passes_both_checks(
    sound: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "t.sqlite"
    shutil.copy(sound, store)
    before = _md5(store)
    assert main(["check", "--db", str(store)]) == 0
    out = capsys.readouterr().out
    assert "PRAGMA integrity_check" in out and out.splitlines()[-1] == f"{store}: OK"
    with contextlib.closing(sqlite3.connect(store)) as conn:
        assert db.structure_problems(conn) == []
    assert _md5(store) == before
    assert main(["events", "--db", str(store)]) == 0


@pytest.mark.parametrize("how", DAMAGE)
def test_the_open_check_finds_each_damage(sound: Path, tmp_path: Path, how: str) -> None:
    store = tmp_path / "t.sqlite"
    shutil.copy(sound, store)
    _damage(store, how)
    with contextlib.closing(sqlite3.connect(f"{store.as_uri()}?mode=ro", uri=True)) as conn:
        problems = db.structure_problems(conn)
    assert problems, how


def test_a_lost_page_is_found(sound: Path, tmp_path: Path) -> None:
    """A page that no table reaches any more (its parent's pointer overwritten to name
    another page) shows in the page count, even though every page read looks sound."""
    store = tmp_path / "t.sqlite"
    shutil.copy(sound, store)
    size, pages = _events_pages(store)
    with contextlib.closing(sqlite3.connect(store)) as conn:
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'events'").fetchone()
    # The root of a table this big is an interior page: its rightmost child pointer lives at
    # bytes 8..12 of the page header; point it at the first leaf, which is now reached twice.
    with store.open("r+b") as f:
        f.seek((root[0] - 1) * size)
        header = f.read(12)
        assert header[0] == 0x05  # an interior table page
        f.seek((root[0] - 1) * size + 8)
        f.write(pages[0].to_bytes(4, "big"))
    with contextlib.closing(sqlite3.connect(f"{store.as_uri()}?mode=ro", uri=True)) as conn:
        problems = db.structure_problems(conn)
    assert any("used twice" in p or "belong to no table" in p for p in problems), problems


def test_check_on_each_backend(
    db_target: str | Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """PostgreSQL: what is checked is said (schema revision, every table read in full,
    indexes where the server has amcheck); a sound store passes."""
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert main(["ingest", str(article), "--db", str(db_target)]) == 0
    capsys.readouterr()
    assert main(["check", "--db", str(db_target)]) == 0
    out = capsys.readouterr().out
    assert f"schema revision {db.HEAD_REVISION}" in out
    if "://" in str(db_target):
        assert "tables there and read in full" in out and "indexes" in out
    else:
        assert "PRAGMA integrity_check" in out
