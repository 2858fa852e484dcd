"""PDF: text per page, running headers and page numbers gone, broken words joined, the
metadata's date, passages that know their page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from explorer.errors import InputError
from explorer.ingest.readers import read_document
from explorer.store.repo import Store
from tests.ingest.formats.conftest import ingest
from tests.ingest.formats.makers import image_pdf, lines, write_pdf

HEADER = "THE VELM COURIER  Weekly edition"
PAGE_ONE = [  # lines wrapped as a layout does: full, but for a paragraph's last
    ["The harbour board of Velm met on Tuesday and agreed a new", "timetable for the ferries."],
    ["The ferry company said that the change had been a well-",
     "known request of the islanders for years, and that it would",
     "lead the two island councils to publish a joint state-",
     "ment from both island councils."],
]
PAGE_TWO = [
    ["The first ferry under the new timetable will sail on 4 April", "2022, the board said."],
    ["Islanders called the well-known ferry line a lifeline."],
]


def _pdf(tmp_path: Path, **kw: object) -> Path:
    return write_pdf(
        tmp_path / "courier.pdf",
        [PAGE_ONE, PAGE_TWO],
        header=HEADER,
        numbers=True,
        headline="Velm ferries get a new timetable",
        **kw,  # type: ignore[arg-type]
    )


def test_text_is_the_pages_without_furniture_and_broken_words_joined(tmp_path: Path) -> None:
    doc = read_document(_pdf(tmp_path, created="20220315"))
    assert "WEEKLY EDITION" not in doc.text.upper()  # the running header, on both pages
    assert not any(line.strip().isdigit() for line in doc.text.splitlines())  # page numbers
    # a word broken at a line's end is one word again; one the article writes with a
    # hyphen elsewhere ("well-known") keeps it
    assert "a joint statement from both island councils." in doc.text
    assert "a well-known request of the islanders" in doc.text
    # lines of a paragraph are one paragraph; paragraphs stay apart
    assert "agreed a new timetable for the ferries." in doc.text
    assert "\n\nThe ferry company said" in doc.text
    assert doc.text.startswith("Velm ferries get a new timetable\n\n")
    assert doc.format == "pdf"


def test_title_and_date_from_the_metadata(tmp_path: Path) -> None:
    doc = read_document(_pdf(tmp_path, created="20220315", title="Ferries: the new timetable"))
    assert doc.title == "Ferries: the new timetable"
    assert doc.published == dt.date(2022, 3, 15)
    assert doc.published_source == "metadata"


def test_title_from_the_headline_when_the_metadata_has_none(tmp_path: Path) -> None:
    doc = read_document(_pdf(tmp_path))
    assert doc.title == "Velm ferries get a new timetable"


def test_a_passage_knows_its_page(tmp_path: Path, sqlite_store: Store) -> None:
    report = ingest(sqlite_store, _pdf(tmp_path, created="20220315"))
    assert report.ok, report.failed
    (info,) = sqlite_store.documents()
    doc = sqlite_store.document(info.id)
    assert len(doc.pages) == 2 and doc.pages[0] == 0
    april = [e for e in sqlite_store.events() if e.span.start == dt.date(2022, 4, 4)]
    assert april, [(e.span, e.title) for e in sqlite_store.events()]
    source = april[0].sources[0]
    assert doc.page_of(source.passage_start) == 2
    assert doc.text[source.passage_start : source.passage_end].startswith("The first ferry")
    # Tuesday is read against the metadata's date: the Tuesday before 15 March 2022
    tuesday = [e for e in sqlite_store.events() if e.span.start == dt.date(2022, 3, 15)]
    assert tuesday and doc.page_of(tuesday[0].sources[0].passage_start) == 1


def test_a_scan_has_no_text_layer(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no text layer"):
        read_document(image_pdf(tmp_path / "scan.pdf"))


def test_an_encrypted_pdf(tmp_path: Path) -> None:
    import pypdf

    plain = _pdf(tmp_path)
    writer = pypdf.PdfWriter(clone_from=str(plain))
    writer.encrypt("secret")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(InputError, match="encrypted"):
        read_document(locked)


def test_a_truncated_pdf(tmp_path: Path) -> None:
    whole = _pdf(tmp_path).read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(InputError, match="not a readable PDF"):
        read_document(cut)


def test_bad_pdfs_leave_the_store_as_it_was(tmp_path: Path, sqlite_store: Store) -> None:
    good = _pdf(tmp_path, created="20220315")
    assert ingest(sqlite_store, good).ok
    before = (sqlite_store.documents(), [(e.span, e.title) for e in sqlite_store.events()])
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(good.read_bytes()[:500])
    scan = image_pdf(tmp_path / "scan.pdf")
    report = ingest(sqlite_store, cut, scan)
    assert [Path(p).name for p, _ in report.failed] == ["cut.pdf", "scan.pdf"]
    assert (sqlite_store.documents(), [(e.span, e.title) for e in sqlite_store.events()]) == before


def test_a_sentence_across_a_page_break_is_one_sentence(tmp_path: Path) -> None:
    pages = [
        [["Islanders will demand a referendum on the ferries, which was last held in"]],
        [["1998 on a similar question. The second-", "largest island council agreed."]],
    ]
    doc = read_document(write_pdf(tmp_path / "break.pdf", pages))
    assert "which was last held in 1998 on a similar question." in doc.text
    # the second page begins where the sentence goes on; the sentence starts on the first
    assert doc.text[doc.pages[1] :].startswith("1998 on a similar")
    assert doc.page_of(doc.text.index("Islanders")) == 1
    # two words that are not one keep the hyphen a line break split them at
    assert "The second-largest island council agreed." in doc.text


def test_the_bylines_author_over_the_metadatas(tmp_path: Path) -> None:
    from explorer.ingest.formats.pdf import read_pdf

    path = write_pdf(tmp_path / "by.pdf", [[["By Oren Task"], ["The board met on Tuesday."]]])
    data = path.read_bytes().replace(b"/Producer", b"/Author (jsmith) /Producer", 1)
    assert read_pdf(str(path), data).author == "Oren Task"


def test_a_line_set_in_pieces_is_one_line(tmp_path: Path) -> None:
    from PySide6.QtGui import QFont, QPainter, QPdfWriter

    path = tmp_path / "pieces.pdf"
    writer = QPdfWriter(str(path))
    writer.setResolution(72)
    painter = QPainter(writer)
    painter.setFont(QFont("DejaVu Sans", 11))
    painter.drawText(40, 60, "The harbour board")
    painter.drawText(400, 60, "met on Tuesday and")  # far right, the same baseline
    painter.drawText(40, 75, "agreed a new timetable.")
    painter.end()
    assert read_document(path).text == "The harbour board met on Tuesday and agreed a new timetable."


def test_two_columns_are_read_column_by_column(tmp_path: Path) -> None:
    from PySide6.QtGui import QFont, QPainter, QPdfWriter

    path = tmp_path / "columns.pdf"
    writer = QPdfWriter(str(path))
    writer.setResolution(72)
    painter = QPainter(writer)
    painter.setFont(QFont("DejaVu Sans", 10))
    left = ["The harbour board of Velm", "met on Tuesday and agreed", "a new ferry timetable."]
    right = ["The first ferry under it", "will sail on 4 April 2022,", "the board said."]
    for n, line in enumerate(left):
        painter.drawText(40, 60 + 14 * n, line)
    for n, line in enumerate(right):  # set after the left column, as a page is made
        painter.drawText(300, 60 + 14 * n, line)
    painter.end()
    assert read_document(path).text == (
        "The harbour board of Velm met on Tuesday and agreed a new ferry timetable.\n\n"
        "The first ferry under it will sail on 4 April 2022, the board said."
    )


def test_lines_ended_by_hand_stay_lines(tmp_path: Path) -> None:
    """A headline, byline and dateline set like the body, with no gap between them: each
    ended before the margin though the next word would have fitted, so each is a line of
    its own, as in the text file the PDF was made from."""
    body = lines(
        "The foreign ministers of Lorvan and Kessa signed a treaty on the shared port of "
        "Velm on Tuesday, ending a quarrel over customs duties that began in 2014."
    )
    page = [["Velm port treaty signed", "By Mara Lind", "March 3, 2021", *body]]
    doc = read_document(write_pdf(tmp_path / "plain.pdf", [page]))
    assert doc.text.startswith("Velm port treaty signed\nBy Mara Lind\nMarch 3, 2021\nThe ")
    assert (doc.published, doc.title, doc.author) == (dt.date(2021, 3, 3), "Velm port treaty signed", "Mara Lind")
    assert " ".join(body) in doc.text  # the wrapped lines are one sentence again


def test_a_paragraph_wrapped_across_pages_goes_on_before_a_capital(tmp_path: Path) -> None:
    page_one = [[
        "The harbour board of Velm met on Tuesday and agreed a timetable",
        "that the ferry company had asked for since the start of the",
        "winter, and it sent the new timetable to the Island Council of",
    ]]
    page_two = [["Orsk Bay for its approval, the board said."]]
    doc = read_document(write_pdf(tmp_path / "wrap.pdf", [page_one, page_two]))
    assert "to the Island Council of Orsk Bay for its approval, the board said." in doc.text
    assert doc.text[doc.pages[1] :].startswith("Orsk Bay")
