"""Word: the body's paragraphs, the Title-style headline, the byline's or core properties'
date and author; a renamed zip or a zip bomb is refused."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest

from explorer.errors import InputError
from explorer.ingest.readers import read_document
from explorer.store.repo import Store
from tests.ingest.formats.conftest import events_of, ingest
from tests.ingest.formats.makers import ARTICLES, article_docx


def test_headline_paragraphs_and_byline(tmp_path: Path) -> None:
    article = ARTICLES[0]
    doc = read_document(article_docx(tmp_path / "a.docx", article))
    assert doc.title == article.headline
    assert doc.text == article.text  # paragraphs apart, as in the document
    assert doc.published == article.published and doc.published_source == "byline"
    assert doc.author == "Mara Lind"
    assert doc.format == "docx"


def test_date_and_author_from_the_core_properties(tmp_path: Path) -> None:
    import docx

    path = tmp_path / "memo.docx"
    document = docx.Document()
    document.add_heading("Velm pilots strike", level=1)
    document.add_paragraph("The harbour pilots of Velm stopped work on Monday.")
    document.core_properties.created = dt.datetime(2021, 9, 8, 10, 0)
    document.core_properties.author = "Oren Task"
    document.save(str(path))
    doc = read_document(path)
    assert doc.title == "Velm pilots strike"
    assert (doc.published, doc.published_source, doc.author) == (
        dt.date(2021, 9, 8), "metadata", "Oren Task"
    )


def test_its_events(tmp_path: Path, sqlite_store: Store) -> None:
    article = ARTICLES[1]
    assert ingest(sqlite_store, article_docx(tmp_path / "b.docx", article)).ok
    starts = {e[0] for e in events_of(sqlite_store)}
    assert {"2021-07-01", "2021-09-15"} <= starts


def test_a_renamed_zip_is_no_word_document(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("notes/readme.txt", "holiday pictures")
    path = tmp_path / "pictures.docx"
    path.write_bytes(buf.getvalue())
    with pytest.raises(InputError, match="not a Word document"):
        read_document(path)


def test_a_file_that_is_no_zip(tmp_path: Path) -> None:
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)  # an old .doc
    with pytest.raises(InputError, match="older .doc"):
        read_document(path)


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"<w:document>" + b" " * (300 * 1024 * 1024))
    path = tmp_path / "bomb.docx"
    path.write_bytes(buf.getvalue())
    assert path.stat().st_size < 2 * 1024 * 1024
    with pytest.raises(InputError, match="zip bomb"):
        read_document(path)


def test_a_bad_docx_leaves_the_store_as_it_was(tmp_path: Path, sqlite_store: Store) -> None:
    good = article_docx(tmp_path / "good.docx", ARTICLES[0])
    assert ingest(sqlite_store, good).ok
    before = events_of(sqlite_store)
    bad = tmp_path / "good2.docx"
    bad.write_bytes(good.read_bytes()[:300])
    report = ingest(sqlite_store, bad)
    assert [Path(p).name for p, _ in report.failed] == ["good2.docx"]
    assert events_of(sqlite_store) == before and len(sqlite_store.documents()) == 1


