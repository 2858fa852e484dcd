"""A store that fails part-way (full disk, server gone, locked too long) stops the import at
once, with one message naming the store; what was saved before stays saved, and the CLI exits
1 (some files imported) or 2 (none). A bad file is still a failure of that file alone."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import make_url

from explorer import pipeline
from explorer.cli import main
from explorer.errors import StoreError
from explorer.parallel import MIN_FILES_FOR_POOL
from explorer.store.location import locate
from explorer.store.repo import Store

_PLACES = ["Lisbon", "Nairobi", "Hanoi", "Quito", "Oslo", "Accra", "Lima", "Riga"]
_MONTHS = ["January", "March", "May", "July", "September", "November"]


def _write_folder(folder: Path, count: int, paragraphs: int = 1) -> list[Path]:
    """``count`` made-up articles, named in the order an import takes them."""
    folder.mkdir()
    files = []
    for n in range(count):
        place = _PLACES[n % len(_PLACES)]
        month = _MONTHS[n % len(_MONTHS)]
        path = folder / f"{n:03d}.txt"
        path.write_text(
            f"Harbour council of {place} votes\n\nBy City Desk\n\n{month} {n % 27 + 1}, 2018\n\n"
            f"The harbour council of {place} voted on Wednesday on dredging plan {n}. "
            f"Its first version had been drafted in {2001 + n % 14}, and a review is due "
            f"next spring, a spokeswoman said.\n"
            + "".join(
                f"\nIn {_MONTHS[(n + k) % 6]} {2005 + k % 10} item {n}-{k} of the plan was "
                f"put to the {_PLACES[(n + k) % 8]} board, which asked for more time.\n"
                for k in range(paragraphs - 1)
            ),
            encoding="utf-8",
        )
        files.append(path)
    return files


def _fail_after(
    monkeypatch: pytest.MonkeyPatch, saves: int, failure: Callable[[Store], None]
) -> list[int]:
    """Store.save works ``saves`` times; before the next, ``failure(store)`` breaks the
    store. The calls made, counted."""
    real = Store.save
    calls: list[int] = []

    def save(self: Store, *args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == saves + 1:
            failure(self)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Store, "save", save)
    return calls


def _raise_store_error(store: Store) -> None:
    raise StoreError(
        f"{store.location.display}: the database is in use by another program; try again."
    )


def _fill_the_disk(store: Store) -> None:
    """A real SQLite failure: the file may grow no more (SQLITE_FULL, as on a full disk)."""
    with store.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()

    @event.listens_for(store.engine, "checkout")
    def _full(dbapi_conn: sqlite3.Connection, _record: Any, _proxy: Any) -> None:
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")


def _documents(db: Path | str) -> list[str]:
    store = Store(db)
    try:
        return sorted(Path(d.path).name for d in store.documents())
    finally:
        store.close()


@pytest.mark.parametrize("workers", [0, 2])
def test_a_store_error_stops_the_run_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    files = _write_folder(tmp_path / "news", MIN_FILES_FOR_POOL + 6)
    (tmp_path / "news" / "001.txt").write_bytes(b"\x00\x01\x02binary")  # a bad file, early
    calls = _fail_after(monkeypatch, 3, _raise_store_error)
    store = Store(tmp_path / "t.sqlite")
    report = pipeline.ingest([tmp_path / "news"], store, workers=workers)
    store.close()

    assert len(calls) == 4  # no save tried after the failure
    assert report.store_error is not None and str(tmp_path / "t.sqlite") in report.store_error
    assert [Path(p).name for p, _ in report.failed] == ["001.txt"]  # per file, as ever
    assert [Path(p).name for p in report.imported] == ["000.txt", "002.txt", "003.txt"]
    assert report.left == len(files) - 4  # the file whose save failed, and those after it
    assert not report.ok and not report.cancelled
    assert _documents(tmp_path / "t.sqlite") == ["000.txt", "002.txt", "003.txt"]


def test_a_document_the_database_refuses_fails_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A StoreError the database gave about this document's rows (a DB-API DataError) is the
    file's failure: the store works, the run goes on."""
    from sqlalchemy.exc import DataError

    _write_folder(tmp_path / "news", 4)
    real = Store.save

    def save(self: Store, analysis: Any, *args: Any, **kwargs: Any) -> Any:
        if analysis.document.path.endswith("001.txt"):
            cause = DataError("INSERT ...", {}, ValueError("text fields cannot contain NUL"))
            raise StoreError(f"{self.location.display}: database error: no NUL") from cause
        return real(self, analysis, *args, **kwargs)

    monkeypatch.setattr(Store, "save", save)
    store = Store(tmp_path / "t.sqlite")
    report = pipeline.ingest([tmp_path / "news"], store)
    store.close()
    assert report.store_error is None
    assert [Path(p).name for p, _ in report.failed] == ["001.txt"]
    assert len(report.imported) == 3


def _stderr_lines(capsys: pytest.CaptureFixture[str]) -> tuple[str, list[str]]:
    out, err = capsys.readouterr()
    return out, [line for line in err.splitlines() if line.strip()]


def test_cli_a_full_disk_part_way_exits_1_with_one_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Articles longer than a page: each one stored needs new pages, which the file lacks.
    files = _write_folder(tmp_path / "news", 12, paragraphs=80)
    db = tmp_path / "t.sqlite"
    calls = _fail_after(monkeypatch, 5, _fill_the_disk)

    code = main(["ingest", str(tmp_path / "news"), "--db", str(db), "--workers", "0"])

    out, err = _stderr_lines(capsys)
    assert code == 1  # some files were imported
    assert len(calls) == 6  # the first save that found the disk full was the last
    assert out.startswith("imported 5,")
    assert len(err) == 1, err  # one message, not one a file
    assert err[0].startswith(f"explorer: {db}: ") and "full" in err[0]
    assert f"{len(files) - 5} file(s) were not imported" in err[0]
    assert _documents(db) == [f.name for f in files[:5]]
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    monkeypatch.undo()  # the store as it is, read by a new process's own connections
    assert main(["events", "--db", str(db)]) == 0


def test_cli_a_store_failing_at_once_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _write_folder(tmp_path / "news", 5)
    db = tmp_path / "t.sqlite"
    _fail_after(monkeypatch, 0, _raise_store_error)

    code = main(["ingest", str(tmp_path / "news"), "--db", str(db), "--workers", "0"])

    out, err = _stderr_lines(capsys)
    assert code == 2  # nothing could be imported
    assert out.startswith("imported 0,")
    assert len(err) == 1 and err[0].startswith(f"explorer: {db}: the database is in use")
    assert "5 file(s) were not imported" in err[0]
    assert _documents(db) == []


_Switch = Callable[[], None]


@pytest.fixture
def postgres_db(db_target: str) -> Iterator[tuple[str, _Switch, _Switch]]:
    """A fresh PostgreSQL store; a function that takes it away as a server going down does
    (its connections cut, none accepted), and one that gives it back for the checks."""
    url = make_url(db_target)
    name = url.database
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")

    def go_away() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false'))
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = :name AND pid <> pg_backend_pid()"
                ),
                {"name": name},
            )

    def come_back() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true'))

    try:
        yield db_target, go_away, come_back
    finally:
        come_back()
        admin.dispose()


@pytest.mark.parametrize("db_target", ["postgresql"], indirect=True)
def test_cli_a_postgresql_server_gone_part_way(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    postgres_db: tuple[str, _Switch, _Switch],
) -> None:
    url, go_away, come_back = postgres_db
    files = _write_folder(tmp_path / "news", 8)
    calls = _fail_after(monkeypatch, 3, lambda _store: go_away())

    code = main(["ingest", str(tmp_path / "news"), "--db", url, "--workers", "0"])

    out, err = _stderr_lines(capsys)
    assert code == 1
    assert len(calls) == 4
    assert out.startswith("imported 3,")
    assert len(err) == 1, err
    assert err[0].startswith(f"explorer: {locate(url).display}: ")  # the store, by its name
    assert f"{len(files) - 3} file(s) were not imported" in err[0]
    monkeypatch.undo()
    come_back()
    assert _documents(url) == [f.name for f in files[:3]]  # saved before, intact
    assert main(["events", "--db", url]) == 0


@pytest.mark.parametrize("db_target", ["postgresql"], indirect=True)
def test_a_nul_character_postgresql_cannot_store_fails_that_file_only(
    tmp_path: Path, db_target: str
) -> None:
    """PostgreSQL refuses text with a NUL in it (one after the part of the file that is
    sniffed for binary data reaches the store): that file fails, the others are imported."""
    folder = tmp_path / "news"
    _write_folder(folder, 3)
    (folder / "001.txt").write_bytes(
        b"Harbour vote\n\nMay 3, 2019\n\n"
        + b"The council met in Lima on Tuesday. " * 2500
        + b"\x00 and more.\n"
    )
    store = Store(db_target)
    try:
        report = pipeline.ingest([folder], store)
    finally:
        store.close()
    assert report.store_error is None
    assert [Path(p).name for p, _ in report.failed] == ["001.txt"]
    assert "NUL" in report.failed[0][1]
    assert sorted(Path(p).name for p in report.imported) == ["000.txt", "002.txt"]
