"""E-mail: one article per message, Subject the title, Date the publication date, From the
author; HTML read as pages are; supported attachments are articles of their own; a mailbox
re-imported after it grew adds only the new messages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from explorer.store.repo import Store
from tests.ingest.formats.conftest import events_of, ingest
from tests.ingest.formats.makers import (
    ARTICLES,
    article_docx,
    article_message,
    message,
    write_eml,
    write_mbox,
)

MONDAY = dt.datetime(2021, 9, 6, 8, 0, tzinfo=dt.UTC)
NEWSLETTER = (
    "<html><head><title>Velm weekly</title></head><body>"
    "<div class='menu'><a href='/'>Home</a> | <a href='/subscribe'>Subscribe</a></div>"
    "<h1>Pilots return to work</h1>"
    "<p>The harbour pilots of Velm returned to work on Friday after a four-day strike, "
    "the port authority said.</p>"
    "<p>Talks on their pay will resume on 20 September.</p></body></html>"
)


def test_an_eml_message(tmp_path: Path, sqlite_store: Store) -> None:
    msg = message("Pilots return to work", "plain text version", MONDAY, html=NEWSLETTER)
    report = ingest(sqlite_store, write_eml(tmp_path / "pilots.eml", msg))
    assert report.ok, report.failed
    (info,) = sqlite_store.documents()
    doc = sqlite_store.document(info.id)
    assert doc.title == "Pilots return to work"
    assert (doc.published, doc.published_source) == (dt.date(2021, 9, 6), "file")
    assert doc.author == "Mara Lind"
    assert "four-day strike" in doc.text and "plain text version" not in doc.text  # the HTML
    assert "Subscribe" not in doc.text  # read as pages are: the chrome stays out
    starts = {e[0] for e in events_of(sqlite_store)}
    assert {"2021-09-03", "2021-09-20"} <= starts  # Friday read against the Date header


def test_attachments_in_a_supported_format_are_articles(tmp_path: Path, sqlite_store: Store) -> None:
    attached = article_docx(tmp_path / "treaty.docx", ARTICLES[0]).read_bytes()
    msg = message(
        "Fwd: the treaty",
        "See the attached piece on the port treaty.",
        MONDAY,
        attachments=[
            ("treaty.docx", attached, "application/vnd.openxmlformats-officedocument"
             ".wordprocessingml.document"),
            ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png"),
        ],
    )
    report = ingest(sqlite_store, write_eml(tmp_path / "fwd.eml", msg))
    assert report.ok, report.failed
    docs = {d.path.rsplit("/", 1)[-1]: sqlite_store.document(d.id) for d in sqlite_store.documents()}
    assert set(docs) == {"fwd.eml", "fwd.eml#attachment:treaty.docx"}
    treaty = docs["fwd.eml#attachment:treaty.docx"]
    assert treaty.title == ARTICLES[0].headline and treaty.format == "docx"
    # the attached article's own byline, not the forwarder's name and day
    assert (treaty.author, treaty.published) == ("Mara Lind", ARTICLES[0].published)
    assert treaty.location == "message, attachment treaty.docx"
    assert "2021-03-02" in {e[0] for e in events_of(sqlite_store)}


def test_a_mailbox_is_one_article_a_message(tmp_path: Path, sqlite_store: Store) -> None:
    box = write_mbox(tmp_path / "alerts.mbox", [article_message(a) for a in ARTICLES[:2]])
    report = ingest(sqlite_store, box)
    assert report.ok and len(report.imported) == 2, report
    docs = [sqlite_store.document(d.id) for d in sqlite_store.documents()]
    assert [d.title for d in docs] == [a.headline for a in ARTICLES[:2]]
    assert [d.location for d in docs] == ["message 1", "message 2"]
    assert all(d.path.startswith(str(box.resolve()) + "#message:") for d in docs)


def test_a_grown_mailbox_adds_only_its_new_messages(tmp_path: Path, sqlite_store: Store) -> None:
    messages = [article_message(a) for a in ARTICLES]
    box = write_mbox(tmp_path / "alerts.mbox", messages[:2])
    ingest(sqlite_store, box)
    box.unlink()
    write_mbox(box, [messages[2], *messages[:2]])  # a new one first: order is no identity
    report = ingest(sqlite_store, box)
    assert (len(report.imported), len(report.unchanged), report.replaced) == (1, 2, [])
    assert len(sqlite_store.documents()) == 3


def test_a_malformed_mailbox(tmp_path: Path, sqlite_store: Store) -> None:
    assert ingest(sqlite_store, write_mbox(tmp_path / "ok.mbox", [article_message(ARTICLES[0])])).ok
    before = events_of(sqlite_store)
    bad = tmp_path / "bad.mbox"
    bad.write_bytes(b"Subject: no From line\n\nThis is not a mailbox at all.\n")
    report = ingest(sqlite_store, bad)
    (failed,) = report.failed
    assert failed[0] == str(bad) and "not an mbox mailbox" in failed[1]
    assert events_of(sqlite_store) == before


def test_a_message_without_text_is_reported_and_the_others_imported(
    tmp_path: Path, sqlite_store: Store
) -> None:
    empty = message("Out of office", "", MONDAY)
    box = write_mbox(tmp_path / "mixed.mbox", [empty, article_message(ARTICLES[1])])
    report = ingest(sqlite_store, box)
    assert len(report.imported) == 1
    (failed,) = report.failed
    assert failed[1] == f"{box}, message 1: the message has no text."


def test_the_headline_of_an_html_part_opens_its_text(tmp_path: Path, sqlite_store: Store) -> None:
    """The HTML reader keeps the headline as the article's first line, as a text file has
    it (the article finder keeps it apart), once."""
    html = (
        "<html><head><title>Oren Task wins the harbour seat | Velm weekly</title></head><body>"
        "<h1>Oren Task wins the harbour seat</h1><p>He was elected to the harbour board on "
        "Friday, his party said, after a recount that lasted two days.</p></body></html>"
    )
    msg = message("Election news", "plain text version", MONDAY, html=html)
    assert ingest(sqlite_store, write_eml(tmp_path / "seat.eml", msg)).ok
    (info,) = sqlite_store.documents()
    doc = sqlite_store.document(info.id)
    assert doc.text.startswith("Oren Task wins the harbour seat\n")
    assert doc.text.count("Oren Task wins the harbour seat") == 1


def test_the_bylines_author_over_the_sender(tmp_path: Path, sqlite_store: Store) -> None:
    text = "Pilots return to work\n\nBy Oren Task\n\nThe pilots of Velm went back on Friday.\n"
    msg = message("Pilots return", text, MONDAY, sender="Newsdesk <desk@example.org>")
    assert ingest(sqlite_store, write_eml(tmp_path / "n.eml", msg)).ok
    (info,) = sqlite_store.documents()
    assert sqlite_store.document(info.id).author == "Oren Task"
