"""The same three articles as plain text, PDF, Word, e-mail and rows of a CSV give the same
events, with the same dates and titles."""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer.store.repo import Store
from tests.ingest.formats.conftest import events_of, ingest
from tests.ingest.formats.makers import (
    ARTICLES,
    article_docx,
    article_message,
    article_pdf,
    write_csv,
    write_eml,
)


def _as_txt(folder: Path) -> list[Path]:
    out = []
    for n, a in enumerate(ARTICLES):
        p = folder / f"{n}.txt"
        p.write_text(a.text + "\n", encoding="utf-8")
        out.append(p)
    return out


def _as_pdf(folder: Path) -> list[Path]:
    return [article_pdf(folder / f"{n}.pdf", a) for n, a in enumerate(ARTICLES)]


def _as_docx(folder: Path) -> list[Path]:
    return [article_docx(folder / f"{n}.docx", a) for n, a in enumerate(ARTICLES)]


def _as_eml(folder: Path) -> list[Path]:
    return [write_eml(folder / f"{n}.eml", article_message(a)) for n, a in enumerate(ARTICLES)]


def _as_csv(folder: Path) -> list[Path]:
    rows = [[a.headline, a.published.isoformat(), a.text] for a in ARTICLES]
    return [write_csv(folder / "articles.csv", ["headline", "pubdate", "body"], rows)]


MAKERS = {"pdf": _as_pdf, "docx": _as_docx, "eml": _as_eml, "csv": _as_csv}


@pytest.fixture
def from_text(tmp_path: Path) -> list[tuple[str, str | None, str, str]]:
    store = Store(tmp_path / "txt.sqlite")
    try:
        folder = tmp_path / "txt"
        folder.mkdir()
        assert ingest(store, *_as_txt(folder)).ok
        events = events_of(store)
    finally:
        store.close()
    assert len(events) >= 8  # the articles' own dates, not just their publication dates
    return events


@pytest.mark.parametrize("kind", sorted(MAKERS))
def test_same_events_from_every_format(
    kind: str, tmp_path: Path, from_text: list[tuple[str, str | None, str, str]]
) -> None:
    folder = tmp_path / kind
    folder.mkdir()
    store = Store(tmp_path / f"{kind}.sqlite")
    try:
        report = ingest(store, *MAKERS[kind](folder))
        assert report.ok and len(report.imported) == 3, report
        assert events_of(store) == from_text
        docs = [store.document(d.id) for d in store.documents()]
        assert sorted(d.published for d in docs) == sorted(a.published for a in ARTICLES)
        assert sorted(d.title or "" for d in docs) == sorted(a.headline for a in ARTICLES)
        if kind in ("pdf", "docx"):  # the text itself, paragraphs and all, is the article's
            assert sorted(d.text for d in docs) == sorted(a.text for a in ARTICLES)
    finally:
        store.close()
