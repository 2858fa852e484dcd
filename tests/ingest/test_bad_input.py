"""Bad files get a clear message, and the store keeps what it had."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from explorer import pipeline
from explorer.errors import InputError
from explorer.ingest.readers import read_document

ARTICLE = (
    "Border talks resume\n\nBy Ana Lima\n\nMarch 3, 2023\n\n"
    "Negotiators met on Monday in Vienna. The treaty was signed in 1997 by both governments.\n"
)


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def test_empty_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="empty"):
        read_document(_write(tmp_path, "empty.txt", b"  \n"))


def test_binary_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="binary"):
        read_document(_write(tmp_path, "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50))


def test_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    with pytest.raises(InputError, match="too large"):
        read_document(big)


def test_latin1_file_is_decoded(tmp_path: Path) -> None:
    text = "Le traité fut signé à Genève en 1997 ; les négociateurs étaient déçus de l'accord."
    doc = read_document(_write(tmp_path, "latin.txt", text.encode("latin-1")))
    assert "Genève" in doc.text and "1997" in doc.text


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "nope.txt")


def test_broken_html_still_yields_the_article(tmp_path: Path) -> None:
    page = (
        b"<html><head><title>Pipeline deal</title><body><nav>Home | World</nav><div><p>"
        b"Gas began flowing through the new pipeline in December 2019, officials said, after "
        b"years of talks between the two neighbours over price and volume.<p>The second line "
        b"is planned for 2030, according to the energy ministry, which gave no further detail"
    )
    doc = read_document(_write(tmp_path, "page.html", page))
    assert "December 2019" in doc.text
    assert "Home | World" not in doc.text


def test_html_without_article_text(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no article text"):
        read_document(_write(tmp_path, "blank.html", b"<html><body><div></div></body></html>"))


def test_one_bad_file_does_not_stop_the_rest(tmp_path: Path, store) -> None:  # type: ignore[no-untyped-def]
    good = _write(tmp_path, "good.txt", ARTICLE.encode())
    bad = _write(tmp_path, "bad.txt", b"")
    report = pipeline.ingest([bad, good], store)
    assert [Path(p).name for p in report.imported] == ["good.txt"]
    assert len(report.failed) == 1 and "empty" in report.failed[0][1]
    assert store.documents()[0].published == dt.date(2023, 3, 3)
