"""The store: idempotent imports, replacement, merging, and refusing damaged databases."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from explorer import pipeline
from explorer.errors import StoreError
from explorer.query.answer import find_events
from explorer.query.event_query import EventQuery
from explorer.store.repo import Store

STORY = (
    "Ministers agreed on a grain corridor on Tuesday in Istanbul, and Turkey will host "
    "follow-up talks in March. The first corridor deal was reached in 2022 by Ukraine and Russia.\n"
)
OTHER = (
    "A separate naval incident was reported on Tuesday off the coast of Crete by Greek officials, "
    "who said nobody was hurt in the collision between two cargo ships.\n"
)


def _file(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_reimport_unchanged_changes_nothing(tmp_path: Path, store: Store) -> None:
    f = _file(tmp_path, "a.txt", STORY)
    first = pipeline.ingest([f], store, published=dt.date(2023, 1, 12))
    events = store.events()
    again = pipeline.ingest([f], store, published=dt.date(2023, 1, 12))
    assert first.imported and again.unchanged == [str(f)]
    assert store.events() == events


def test_changed_file_replaces_its_derived_data(tmp_path: Path, store: Store) -> None:
    f = _file(tmp_path, "a.txt", STORY)
    pipeline.ingest([f], store, published=dt.date(2023, 1, 12))
    f.write_text(STORY.replace("in 2022", "in 2021"), encoding="utf-8")
    report = pipeline.ingest([f], store, published=dt.date(2023, 1, 12))
    assert report.replaced == [str(f)]
    years = {e.span.iso_start() for e in store.events()}
    assert "2021" in years and "2022" not in years
    assert len(store.documents()) == 1


def test_same_story_from_two_outlets_is_one_event(tmp_path: Path, store: Store) -> None:
    a = _file(tmp_path, "outlet_a.txt", STORY)
    b = _file(
        tmp_path,
        "outlet_b.txt",
        "Agency report. " + STORY.replace("Ministers", "Foreign ministers"),
    )
    pipeline.ingest([a, b], store, published=dt.date(2023, 1, 12))
    tuesday = [e for e in store.events() if e.span.iso_start() == "2023-01-10"]
    assert len(tuesday) == 1
    assert len({s.document_id for s in tuesday[0].sources}) == 2


def test_different_events_on_one_day_stay_apart(tmp_path: Path, store: Store) -> None:
    pipeline.ingest(
        [_file(tmp_path, "a.txt", STORY), _file(tmp_path, "b.txt", OTHER)],
        store,
        published=dt.date(2023, 1, 12),
    )
    tuesday = [e for e in store.events() if e.span.iso_start() == "2023-01-10"]
    assert len(tuesday) == 2


def test_actor_filter(tmp_path: Path, store: Store) -> None:
    pipeline.ingest(
        [_file(tmp_path, "a.txt", STORY), _file(tmp_path, "b.txt", OTHER)],
        store,
        published=dt.date(2023, 1, 12),
    )
    turkey = find_events(store, EventQuery(actors=("Turkey",)))
    assert turkey and all("Turkey" in e.actors for e in turkey)
    both = find_events(store, EventQuery(actors=("Ukraine", "Russia"), match_all=True))
    assert [e.span.iso_start() for e in both] == ["2022"]


def test_undated_document_resolves_once_given_a_date(tmp_path: Path, store: Store) -> None:
    f = _file(tmp_path, "a.txt", STORY)
    report = pipeline.ingest([f], store)
    assert report.undated
    assert {e.span.iso_start() for e in store.events()} == {"2022"}  # absolute only
    pipeline.set_published(store, report.undated[0], dt.date(2023, 1, 12))
    assert "2023-01-10" in {e.span.iso_start() for e in store.events()}


def test_cancel_keeps_finished_documents(tmp_path: Path, store: Store) -> None:
    files = [_file(tmp_path, f"{i}.txt", STORY.replace("Istanbul", f"city {i}")) for i in range(4)]
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 2

    report = pipeline.ingest(files, store, published=dt.date(2023, 1, 12), cancel=cancel)
    assert report.cancelled and len(report.imported) == 2
    assert len(store.documents()) == 2


def test_corrupt_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    db = tmp_path / "broken.sqlite"
    db.write_bytes(b"this is not sqlite at all" * 100)
    before = db.read_bytes()
    with pytest.raises(StoreError, match="not a Timeline Explorer database"):
        Store(db)
    assert db.read_bytes() == before


def test_read_only_database_refuses_writes(tmp_path: Path) -> None:
    db = tmp_path / "ro.sqlite"
    s = Store(db)
    pipeline.ingest([_file(tmp_path, "a.txt", STORY)], s, published=dt.date(2023, 1, 12))
    s.close()
    before = len(Store(db).events())
    ro = Store.__new__(Store)
    from sqlalchemy import create_engine

    from explorer.store.location import locate

    ro.location, ro.path, ro.author, ro._actor_ids = locate(db), db, "me", {}
    ro.engine = create_engine(f"sqlite:///file:{db}?mode=ro&uri=true")
    report = pipeline.ingest([_file(tmp_path, "b.txt", OTHER)], ro, published=dt.date(2023, 1, 12))
    assert not report.failed and report.store_error and "read-only" in report.store_error
    assert len(Store(db).events()) == before


def test_locked_database_fails_cleanly(tmp_path: Path) -> None:
    db = tmp_path / "locked.sqlite"
    s = Store(db)
    s.engine.dispose()
    holder = sqlite3.connect(db, timeout=0)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        from sqlalchemy import create_engine

        s.engine = create_engine(f"sqlite:///{db}", connect_args={"timeout": 0.2})
        report = pipeline.ingest(
            [_file(tmp_path, "a.txt", STORY)], s, published=dt.date(2023, 1, 12)
        )
        assert not report.failed and report.store_error and "in use" in report.store_error
    finally:
        holder.rollback()
        holder.close()
    assert Store(db).documents() == []


def test_missing_folder_for_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such folder"):
        Store(tmp_path / "nowhere" / "t.sqlite")
