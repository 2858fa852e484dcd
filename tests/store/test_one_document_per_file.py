"""One document per file: the same file typed another way (relative, through a link, with
``..``) is one document; a moved file is recognised as moved, with its edits; a copy beside
its original is a file of its own; and migration 0008 merges the copies an older store holds, keeping their edits."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from explorer import pipeline
from explorer.curation import actions
from explorer.query.answer import find_events
from explorer.query.event_query import EventQuery, Hidden
from explorer.store.repo import Store

_TEXT = (
    "Harbour deal signed\n\nMarch 3, 2023\n\n"
    "The port authority of Valmont and the Ferrand Shipping Company signed the harbour deal "
    "on March 1, 2023. Work on the new quay starts in June 2023.\n"
)


def _sources(store: Store) -> list[int]:
    return sorted(len(e.sources) for e in find_events(store, EventQuery()))


@pytest.fixture
def article(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    path = folder / "harbour.txt"
    path.write_text(_TEXT, encoding="utf-8")
    return path


def test_other_spellings_of_one_file_are_one_document(
    article: Path, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(article)
    monkeypatch.chdir(tmp_path)
    pipeline.ingest([Path("in/harbour.txt")], store)
    single = _sources(store)
    assert single and all(n == 1 for n in single)
    report = pipeline.ingest(
        [article, Path("./in/../in/harbour.txt"), link, tmp_path / "in"], store
    )
    assert report.imported == [] and len(report.unchanged) == 1  # named four ways, read once
    pipeline.ingest([link], store)
    assert [d.path for d in store.documents()] == [os.path.realpath(article)]
    assert _sources(store) == single


def test_a_moved_file_keeps_its_document_and_edits(
    article: Path, store: Store, tmp_path: Path
) -> None:
    pipeline.ingest([article], store)
    (event,) = [e for e in find_events(store, EventQuery()) if e.span.iso_start() == "2023-03-01"]
    actions.hide(store, event.id)
    moved = tmp_path / "archive" / "harbour-2023.txt"
    moved.parent.mkdir()
    article.rename(moved)
    report = pipeline.ingest([moved], store)
    assert report.imported == [] and report.unchanged == [str(moved)]
    assert [d.path for d in store.documents()] == [str(moved)]
    hidden = find_events(store, EventQuery(hidden=Hidden.ONLY))
    assert [e.span.iso_start() for e in hidden] == ["2023-03-01"]  # the edit followed the file
    assert len(find_events(store, EventQuery())) == len(_sources(store))


def test_a_copy_beside_its_original_is_a_file_of_its_own(
    article: Path, store: Store, tmp_path: Path
) -> None:
    pipeline.ingest([article], store)
    copy = tmp_path / "copy.txt"
    copy.write_bytes(article.read_bytes())
    report = pipeline.ingest([copy], store)
    assert report.imported == [str(copy)]
    assert sorted(d.path for d in store.documents()) == sorted([str(article), str(copy)])


def _columns(raw: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in raw.execute(f"PRAGMA table_info({table})")]


def _duplicate(raw: sqlite3.Connection, path: str) -> None:
    """Copy every document as a store made before 0008 would have held the same file typed
    another way: its own rows, its sources doubling the events' ones."""
    shift = {"id": "+100000", "document_id": "+100000", "passage_id": "+100000"}
    for table in ("documents", "passages", "time_expressions", "actor_mentions"):
        cols = _columns(raw, table)
        values = [
            "?" if (table, c) == ("documents", "path") else f'"{c}"{shift.get(c, "")}' for c in cols
        ]
        names = ", ".join(f'"{c}"' for c in cols)
        params = (path,) if table == "documents" else ()
        raw.execute(
            f"INSERT INTO {table} ({names}) SELECT {', '.join(values)} FROM {table}", params
        )
    raw.execute(
        "INSERT INTO event_sources (event_id, expression_id) "
        "SELECT event_id, expression_id + 100000 FROM event_sources"
    )


def test_migration_0008_merges_copies_and_keeps_their_edits(article: Path, tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    store = Store(path)
    pipeline.ingest([article], store)
    single = _sources(store)
    (event,) = [e for e in find_events(store, EventQuery()) if e.span.iso_start() == "2023-03-01"]
    real = str(article)
    keys = [k.replace(real, "in/harbour.txt", 1) for k in store.event_keys((event.id,))[event.id]]
    store.close()
    raw = sqlite3.connect(path)
    _duplicate(raw, "in/harbour.txt")  # the same file, stored once more as typed
    # An edit naming the copy's sources only, as one made on the copy would.
    raw.execute(
        "INSERT INTO curations (kind, payload, label, active, created_at, author) "
        "VALUES ('hide', ?, 'Hide', 1, '2024-01-01 00:00:00', 'ana')",
        (json.dumps({"keys": keys}),),
    )
    raw.execute("UPDATE alembic_version SET version_num = '0007'")
    # A store of 0007 had no retelling key yet (0009 adds it).
    raw.execute("DROP INDEX ix_time_expressions_retelling")
    raw.execute("ALTER TABLE time_expressions DROP COLUMN retelling")
    for column in ("url", "location", "pages"):  # nor where an article came from (0010)
        raw.execute(f"ALTER TABLE documents DROP COLUMN {column}")
    raw.commit()
    sources = raw.execute("SELECT count(*) FROM event_sources").fetchone()[0]
    assert sources == 2 * sum(single)  # the defect 0008 repairs
    raw.close()
    store = Store(path)  # runs 0008
    try:
        assert [d.path for d in store.documents()] == [real]
        shown = find_events(store, EventQuery(hidden=Hidden.INCLUDE))
        assert sorted(len(e.sources) for e in shown) == single
        hidden = find_events(store, EventQuery(hidden=Hidden.ONLY))
        assert [e.span.iso_start() for e in hidden] == ["2023-03-01"]  # the edit was kept
    finally:
        store.close()
