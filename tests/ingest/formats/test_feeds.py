"""RSS and Atom: one article per item, its date, link and content (or summary)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from explorer.ingest.readers import expand_paths
from explorer.store.repo import Store
from tests.ingest.formats.conftest import events_of, ingest
from tests.ingest.formats.makers import write_atom, write_rss

RSS_ITEMS = [
    ("Velm pilots strike", "https://courier.example.org/pilots-strike",
     "Mon, 06 Sep 2021 08:00:00 GMT",
     "<p>The harbour pilots of Velm stopped work on Monday.</p><p>The strike is the "
     "first since 2009.</p>"),
    ("Pilots return", "https://courier.example.org/pilots-return",
     "Sat, 11 Sep 2021 07:00:00 GMT",
     "<p>The pilots went back to work on Friday. Talks resume on 20 September.</p>"),
]
ATOM_ITEMS = [
    ("Treaty review set", "https://wire.example.org/review", "2022-03-10T12:00:00Z",
     "A review conference on the Velm port treaty is planned for June 2023."),
]


def test_rss_items(tmp_path: Path, sqlite_store: Store) -> None:
    report = ingest(sqlite_store, write_rss(tmp_path / "courier.rss", RSS_ITEMS))
    assert report.ok and len(report.imported) == 2, report
    docs = [sqlite_store.document(d.id) for d in sqlite_store.documents()]
    assert [(d.title, d.published, d.url, d.outlet) for d in docs] == [
        (t, p, link, "The Velm Courier")
        for (t, link, _, _), p in zip(RSS_ITEMS, [dt.date(2021, 9, 6), dt.date(2021, 9, 11)],
                                      strict=True)
    ]
    assert docs[0].author == "Ilse Varn"  # RSS's "address (name)"
    assert docs[0].text == "The harbour pilots of Velm stopped work on Monday.\n\nThe strike is the first since 2009."
    starts = {e[0] for e in events_of(sqlite_store)}
    assert {"2021-09-06", "2009", "2021-09-10", "2021-09-20"} <= starts


def test_atom_entries(tmp_path: Path, sqlite_store: Store) -> None:
    report = ingest(sqlite_store, write_atom(tmp_path / "wire.atom", ATOM_ITEMS))
    assert report.ok, report.failed
    (info,) = sqlite_store.documents()
    doc = sqlite_store.document(info.id)
    assert (doc.title, doc.published, doc.author, doc.url) == (
        "Treaty review set", dt.date(2022, 3, 10), "Oren Task", "https://wire.example.org/review"
    )
    assert doc.location == "item 1"
    assert "2023-06" in {e[0] for e in events_of(sqlite_store)}


def test_an_xml_file_that_is_no_feed(tmp_path: Path, sqlite_store: Store) -> None:
    other = tmp_path / "settings.xml"
    other.write_text("<?xml version='1.0'?><settings><colour>blue</colour></settings>")
    report = ingest(sqlite_store, other)
    assert report.failed and "not a readable RSS or Atom feed" in report.failed[0][1]
    # met in a folder, it is not taken for articles at all
    feed = write_rss(tmp_path / "courier.xml", RSS_ITEMS)
    assert expand_paths([tmp_path]) == [feed]
