"""Two `explorer ingest` processes writing one store at once, on overlapping folders (a file in
both, the same piece from two outlets split between them), end with exactly the events one
ingest of everything makes: nothing doubled, no source lost. On SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

from explorer import pipeline
from explorer.query.answer import find_events
from explorer.query.event_query import EventQuery
from explorer.store.repo import Store

PUBLISHED = dt.date(2023, 6, 1)
_CITIES = ["Lisbon", "Nairobi", "Hanoi", "Quito", "Oslo", "Accra", "Lima", "Riga", "Dakar"]
_MONTHS = ["January", "March", "May", "July", "September", "November"]
_THINGS = ["a grain corridor", "a fishing accord", "a rail link", "a power line", "a dam"]


def _piece(n: int) -> str:
    city = _CITIES[n % len(_CITIES)]
    other = _CITIES[(n + 4) % len(_CITIES)]
    thing = _THINGS[n % len(_THINGS)]
    month = _MONTHS[n % len(_MONTHS)]
    return (
        f"Ministers from {city} and {other} agreed on {thing} on {month} {n % 25 + 2}, 2022. "
        f"Talks on the project first opened in {2005 + n % 12}. "
        f"The mayor of {city}, Ana Duarte{n}, will inspect the works on {month} {n % 25 + 3}, "
        f"2023, her office said.\n"
    )


def _article(n: int, outlet: str) -> str:
    return f"Deal on {_THINGS[n % len(_THINGS)]} in {_CITIES[n % 9]}\n\n{outlet}\n\n{_piece(n)}"


def _folders(root: Path) -> tuple[Path, Path, Path]:
    """first/ and second/ each with their own pieces; shared/ goes to both processes. Pieces
    0-5 appear twice: once from the Courier in first/, once from the Herald in second/."""
    first, second, shared = root / "first", root / "second", root / "shared"
    for folder in (first, second, shared):
        folder.mkdir()
    for n in range(18):
        (first / f"courier-{n:02d}.txt").write_text(_article(n, "The Courier"), encoding="utf-8")
    for n in list(range(6)) + list(range(18, 30)):
        (second / f"herald-{n:02d}.txt").write_text(_article(n, "The Herald"), encoding="utf-8")
    for n in range(30, 42):
        (shared / f"wire-{n:02d}.txt").write_text(_article(n, "Wire"), encoding="utf-8")
    return first, second, shared


def _canonical(store: Store) -> list[str]:
    """Each event as its span, actors and sources' file names and sentences: what an ingest
    must make, whichever process stored a document first."""
    out = []
    names = {d.id: Path(d.path).name for d in store.documents()}
    for e in find_events(store, EventQuery()):
        sources = sorted((names[s.document_id], s.text) for s in e.sources)
        out.append(
            json.dumps([e.span.iso_start(), e.span.iso_end(), sorted(e.actors), sources])
        )
    return sorted(out)


def test_two_ingests_at_once_equal_one(tmp_path: Path, db_target: Path | str) -> None:
    first, second, shared = _folders(tmp_path)
    alone = Store(tmp_path / "alone.sqlite")
    pipeline.ingest([first, shared, second], alone, published=PUBLISHED, workers=0)
    expected = _canonical(alone)
    alone.close()
    assert len(expected) > 80
    assert any(len(json.loads(e)[3]) == 2 for e in expected)  # merged across outlets

    Store(db_target).close()  # created and migrated before the race, as a team admin would
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    commands = [
        [sys.executable, "-m", "explorer", "ingest", str(a), str(b), "--db", str(db_target)]
        + ["--published", PUBLISHED.isoformat()]
        for a, b in ((first, shared), (shared, second))
    ]
    procs = [
        subprocess.Popen(c, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for c in commands
    ]
    outputs = [p.communicate(timeout=300) for p in procs]
    for p, (_out, err) in zip(procs, outputs, strict=True):
        assert p.returncode == 0, err
    together = Store(db_target)
    try:
        assert _canonical(together) == expected
        assert len(together.documents()) == 48  # 18 + 18 + 12: the shared folder once
    finally:
        together.close()
