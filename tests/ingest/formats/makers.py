"""Files of every input format, made by the tests themselves from text of our own.

PDFs are written with Qt's QPdfWriter, line by line, so each test knows where every line
break, paragraph gap and running header is; Word files with python-docx; mail with the
standard library's ``email``; feeds and tables as text.
"""

from __future__ import annotations

import csv
import datetime as dt
import email.message
import email.utils
import io
import json
import mailbox
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Article:
    """An article of our own: a headline, a byline line, a dateline, paragraphs."""

    headline: str
    byline: str
    dateline: str
    paragraphs: tuple[str, ...]
    published: dt.date

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def text(self) -> str:
        return "\n\n".join((self.headline, self.byline, self.dateline, *self.paragraphs))


ARTICLES = (
    Article(
        "Lorvan and Kessa sign a treaty on the port of Velm",
        "By Mara Lind",
        "March 3, 2021",
        (
            "The foreign ministers of Lorvan and Kessa signed a treaty on the shared port of "
            "Velm on March 2, ending a quarrel over customs duties that began in 2014.",
            "The treaty takes effect on 1 July 2021 and runs for twenty-five years. Both "
            "parliaments approved it in February.",
        ),
        dt.date(2021, 3, 3),
    ),
    Article(
        "Velm customs office opens",
        "By Oren Task",
        "July 2, 2021",
        (
            "The joint customs office at Velm opened on July 1, as the treaty foresaw. The "
            "first ship cleared took four hours, against two days under the old rules.",
            "The transport minister of Kessa will visit the port on 15 September 2021.",
        ),
        dt.date(2021, 7, 2),
    ),
    Article(
        "Kessa parliament debates the port treaty's first year",
        "By Mara Lind",
        "March 10, 2022",
        (
            "Kessa's parliament debated the port treaty on March 9, a year after it was "
            "signed. Traffic through Velm rose by a third in 2021, the ports authority said.",
            "A review conference is planned for 2023.",
        ),
        dt.date(2022, 3, 10),
    ),
)


# ---------------------------------------------------------------------------------- PDF


def write_pdf(
    path: Path,
    pages: Sequence[Sequence[Sequence[str]]],
    *,
    title: str = "",
    header: str | None = None,
    numbers: bool = False,
    headline: str | None = None,
    created: str | None = None,
) -> Path:
    """A PDF of ``pages``, each a list of paragraphs, each a list of lines, set as written.
    ``headline`` opens the first page in a larger type; ``header`` runs at the top of every
    page, page numbers at the bottom. ``created`` (YYYYMMDD) is written as the PDF's
    CreationDate (Qt writes the current time: the bytes are replaced in place)."""
    from PySide6.QtGui import QFont, QPageSize, QPainter, QPdfWriter

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(72)
    writer.setTitle(title)
    painter = QPainter(writer)
    body, small, big = QFont("DejaVu Sans", 11), QFont("DejaVu Sans", 8), QFont("DejaVu Sans", 18)
    for n, paragraphs in enumerate(pages, start=1):
        if n > 1:
            writer.newPage()
        if header:
            painter.setFont(small)
            painter.drawText(40, 30, header)
        y = 70
        if headline and n == 1:
            painter.setFont(big)
            painter.drawText(40, y, headline)
            y += 40
        painter.setFont(body)
        for paragraph in paragraphs:
            for line in paragraph:
                painter.drawText(40, y, line)
                y += 15
            y += 15  # a paragraph's gap: one empty line
        if numbers:
            painter.setFont(small)
            painter.drawText(290, 810, str(n))
    painter.end()
    if created:
        data = path.read_bytes()
        start = data.index(b"/CreationDate (D:") + len(b"/CreationDate (D:")
        path.write_bytes(data[:start] + created.encode() + data[start + len(created) :])
    return path


def image_pdf(path: Path) -> Path:
    """A scan: one page that is a picture, with no text layer."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPageSize, QPainter, QPdfWriter

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    painter = QPainter(writer)
    image = QImage(200, 100, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.gray)
    painter.drawImage(100, 100, image)
    painter.end()
    return path


def lines(text: str, width: int = 70) -> list[str]:
    return textwrap.wrap(text, width, break_on_hyphens=False, break_long_words=False)


def article_pdf(path: Path, article: Article) -> Path:
    paragraphs = [[article.byline], [article.dateline]] + [lines(p) for p in article.paragraphs]
    return write_pdf(path, [paragraphs], headline=article.headline, title=article.headline)


# --------------------------------------------------------------------------------- Word


def article_docx(path: Path, article: Article, *, created: dt.datetime | None = None) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph(article.headline, style="Title")
    for paragraph in (article.byline, article.dateline, *article.paragraphs):
        document.add_paragraph(paragraph)
    if created is not None:
        document.core_properties.created = created
    document.save(str(path))
    return path


# --------------------------------------------------------------------------------- mail


def message(
    subject: str,
    text: str,
    date: dt.datetime,
    sender: str = "Mara Lind <mara@example.org>",
    *,
    html: str | None = None,
    message_id: str | None = None,
    attachments: Sequence[tuple[str, bytes, str]] = (),
) -> email.message.EmailMessage:
    msg = email.message.EmailMessage()
    msg["Subject"] = subject
    msg["From"] = sender
    msg["To"] = "desk@example.org"
    msg["Date"] = email.utils.format_datetime(date)
    msg["Message-ID"] = message_id or email.utils.make_msgid(domain="example.org")
    msg.set_content(text)
    if html is not None:
        msg.add_alternative(html, subtype="html")
    for filename, data, mime in attachments:
        maintype, subtype = mime.split("/")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    return msg


def article_message(article: Article) -> email.message.EmailMessage:
    return message(
        article.headline,
        article.text,
        dt.datetime.combine(article.published, dt.time(9, 30), tzinfo=dt.UTC),
    )


def write_eml(path: Path, msg: email.message.EmailMessage) -> Path:
    path.write_bytes(bytes(msg))
    return path


def write_mbox(path: Path, messages: Sequence[email.message.EmailMessage]) -> Path:
    box = mailbox.mbox(str(path), create=True)
    try:
        for msg in messages:
            box.add(msg)
        box.flush()
    finally:
        box.close()
    return path


# -------------------------------------------------------------------------------- feeds


def write_rss(path: Path, items: Sequence[tuple[str, str, str, str]]) -> Path:
    """items: (title, link, RFC 822 date, HTML content)."""
    from xml.sax.saxutils import escape

    entries = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(link)}</link><guid>{escape(link)}</guid>"
        f"<pubDate>{d}</pubDate><author>ilse@courier.example.org (Ilse Varn)</author>"
        f"<description>{escape(html)}</description></item>"
        for t, link, d, html in items
    )
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>The Velm Courier</title><link>https://courier.example.org/</link>{entries}"
        "</channel></rss>",
        encoding="utf-8",
    )
    return path


def write_atom(path: Path, items: Sequence[tuple[str, str, str, str]]) -> Path:
    """items: (title, link, ISO date, plain text content)."""
    from xml.sax.saxutils import escape

    entries = "".join(
        f'<entry><title>{escape(t)}</title><link href="{escape(link)}"/><id>{escape(link)}</id>'
        f"<updated>{d}</updated><author><name>Oren Task</name></author>"
        f'<content type="text">{escape(text)}</content></entry>'
        for t, link, d, text in items
    )
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Kessa Wire</title><id>urn:kessa-wire</id><updated>2022-03-10T00:00:00Z</updated>"
        f"{entries}</feed>",
        encoding="utf-8",
    )
    return path


# ------------------------------------------------------------------------------- tables


def write_csv(path: Path, header: Sequence[str], rows: Sequence[Sequence[str]], **kw: str) -> Path:
    buf = io.StringIO()
    writer = csv.writer(buf, **kw)  # type: ignore[arg-type]
    writer.writerow(header)
    writer.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


def write_jsonl(path: Path, rows: Sequence[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path
