from __future__ import annotations

from pathlib import Path

import pytest

from explorer import pipeline
from explorer.store.repo import Store


@pytest.fixture
def sqlite_store(tmp_path: Path):  # type: ignore[no-untyped-def]
    s = Store(tmp_path / "formats.sqlite")
    yield s
    s.close()


def events_of(store: Store) -> list[tuple[str, str | None, str, str]]:
    """(start, end, precision, title) of every event, sorted: what a user sees on the axis."""
    out = []
    for e in store.events():
        out.append((e.span.iso_start(), e.span.iso_end(), e.span.precision.value, e.title))
    return sorted(out)


def ingest(store: Store, *paths: Path, **kw: object) -> pipeline.IngestReport:
    return pipeline.ingest(list(paths), store, **kw)  # type: ignore[arg-type]
