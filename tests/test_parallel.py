"""A big import analysed by worker processes stores exactly what one process stores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from explorer import pipeline
from explorer.export.tables import dump_json, events_json
from explorer.parallel import MIN_FILES_FOR_POOL
from explorer.query.answer import find_events
from explorer.query.event_query import EventQuery
from explorer.store.repo import Store

_PLACES = ["Lisbon", "Nairobi", "Hanoi", "Quito", "Oslo", "Accra", "Lima", "Riga"]
_MONTHS = ["January", "March", "May", "July", "September", "November"]


def _write_folder(folder: Path, count: int) -> None:
    folder.mkdir()
    for n in range(count):
        place = _PLACES[n % len(_PLACES)]
        month = _MONTHS[n % len(_MONTHS)]
        (folder / f"{n:03d}.txt").write_text(
            f"Port talks in {place}\n\nBy Desk Writer\n\n{month} {n % 27 + 1}, 2019\n\n"
            f"Delegates from Russia and China met in {place} on Tuesday to discuss a port. "
            f"A first agreement had been signed in {2000 + n % 15}. "
            f"Vladimir Putin will visit {place} next month, officials said.\n",
            encoding="utf-8",
        )
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02binary")  # fails in a worker


def _snapshot(store: Store) -> str:
    events = find_events(store, EventQuery())
    data = json.loads(dump_json(events_json(events, store.documents())))
    for d in data["documents"]:
        d["path"] = Path(d["path"]).name
        d.pop("id")
    for e in data["events"]:
        e.pop("id")
        for s in e["sources"]:
            s.pop("document_id")
    return json.dumps(data, sort_keys=True)


def test_workers_store_what_one_process_stores(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    _write_folder(folder, MIN_FILES_FOR_POOL + 6)
    results = []
    for workers in (0, 2):
        store = Store(tmp_path / f"w{workers}.sqlite")
        report = pipeline.ingest([folder], store, workers=workers)
        assert len(report.imported) == MIN_FILES_FOR_POOL + 6
        assert [Path(p).name for p, _ in report.failed] == ["broken.txt"]
        results.append(_snapshot(store))
        store.close()
    assert results[0] == results[1]
    assert '"Vladimir Putin"' in results[1]  # actors and their kinds come back from workers


def test_cancelled_pooled_import_keeps_finished_documents(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    _write_folder(folder, MIN_FILES_FOR_POOL + 20)
    store = Store(tmp_path / "t.sqlite")
    seen: list[int] = []

    def progress(done: int, total: int, note: str) -> None:
        seen.append(done)

    report = pipeline.ingest(
        [folder], store, workers=2, progress=progress, cancel=lambda: len(seen) >= 5
    )
    assert report.cancelled
    assert len(report.imported) == 5
    assert len(store.documents()) == 5
    store.close()


@pytest.mark.parametrize("workers", [0, 2])
def test_person_kind_survives_the_pool(tmp_path: Path, workers: int) -> None:
    folder = tmp_path / "news"
    _write_folder(folder, MIN_FILES_FOR_POOL)
    (folder / "titled.txt").write_text(
        "June 3, 2019\n\nForeign Minister Anna Petrova met delegates on Monday.\n",
        encoding="utf-8",
    )
    store = Store(tmp_path / "t.sqlite")
    pipeline.ingest([folder], store, workers=workers)
    with store.engine.connect() as conn:
        kinds = dict(conn.execute(text("SELECT name, kind FROM actors")).all())
    store.close()
    assert kinds["Anna Petrova"] == "person"
    assert kinds["Vladimir Putin"] == "person"
