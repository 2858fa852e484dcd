"""What every input format is made of, and the helpers they share.

A format turns a file into articles. Most files are one article (a page, a PDF, a Word file):
the format's ``read`` makes the Document from the file's bytes. Some hold many (a mailbox, a
feed, a table of articles): the format's ``split`` walks the file lazily, yielding one
``Piece`` per article (its bytes, which single-article format reads them, and what the
container says of it: title, date, outlet, author, URL), or a ``Skipped`` for an item that is
no article (a table row with no text). A split that meets a fault it cannot read past (a broken
quote in a CSV) raises InputError naming the place; what it yielded before stays good.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from explorer.errors import InputError
from explorer.ingest import byline
from explorer.ingest.published import publication_date
from explorer.model import Document, TextMap


@dataclass(frozen=True)
class ArticleMeta:
    """What a container file says of one of its articles."""

    title: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    # A date for an article that gives none itself: an attachment's, from its message.
    fallback_published: dt.date | None = None
    # An author for one whose text names none: an e-mail's sender (a newsletter's desk)
    # after the byline of the article it carries.
    fallback_author: str | None = None


@dataclass(frozen=True)
class Piece:
    """One article of a many-article file, not yet read.

    ``key`` is its identity inside the file ("row:12", "message:3f2a…"), stable across
    re-imports of a changed file where the file allows (a Message-ID, a feed item's id, a
    table's id or URL column); "" for the article that is the file itself (an e-mail's body).
    ``reader`` names the single-article format that reads ``data``."""

    key: str
    location: str
    reader: str
    data: bytes
    meta: ArticleMeta = field(default_factory=ArticleMeta)


@dataclass(frozen=True)
class Skipped:
    """An item of a many-article file that is no article, with why (reported, not imported)."""

    key: str
    location: str
    reason: str


@dataclass(frozen=True)
class ReadOptions:
    """What the user said about how to read files: table columns by role
    (``--columns text=body,date=pub``)."""

    columns: dict[str, str] = field(default_factory=dict)


Read = Callable[[str, bytes], Document]
Split = Callable[[Path, ReadOptions], Iterator[Piece | Skipped]]
Count = Callable[[Path], int]


@dataclass(frozen=True)
class Format:
    name: str
    label: str  # for the file dialog and the help: "PDF documents"
    suffixes: tuple[str, ...]
    read: Read | None = None  # one article per file
    split: Split | None = None  # many articles per file
    count: Count | None = None  # how many articles a file holds, cheaply (for progress)
    # The largest file read whole; None for formats that stream (their files may be huge).
    max_bytes: int | None = 20 * 1024 * 1024
    # Whether a file of this kind met in a folder is meant as articles (a manifest is not).
    in_folders: Callable[[Path], bool] | None = None
    each: str = ""  # what one article of a file of many is: "message", "item", "row"

    @property
    def many(self) -> bool:
        return self.split is not None


def text_document(
    name: str,
    sha: str,
    original: str,
    text_map: TextMap,
    fmt: str,
    *,
    metadata: dt.date | None = None,
    pages: tuple[int, ...] = (),
) -> Document:
    """The Document of a text, with the title, author and date its opening lines give."""
    head = byline.read_byline(text_map.text)
    published, source = publication_date(byline=head.published, metadata=metadata)
    return Document(
        path=name,
        sha256=sha,
        original=original,
        text=text_map.text,
        offsets=text_map.offsets,
        format=fmt,
        title=head.title,
        author=head.author,
        published=published,
        published_source=source,
        pages=pages,
    )


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def short_hash(text: str) -> str:
    """A short, stable stand-in for a long identity (a Message-ID, a URL) in a document key."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def safe_key(text: str) -> str:
    """A key part that cannot be mistaken for the separator."""
    return text.replace("#", "_").strip() or "_"


_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%Y/%m/%d", "%d.%m.%Y", "%B %d, %Y", "%d %B %Y",
                 "%b %d, %Y", "%d %b %Y")


def parse_date(value: str | None) -> dt.date | None:
    """A publication date as containers write it (ISO, RFC 2822, "23 November 2021", …);
    None when it is not one. Cheap forms first: a table may have 100k rows."""
    if not value:
        return None
    text = value.strip()
    if not any(c.isdigit() for c in text):  # "last week", "n/a": no date a file can give
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    import dateparser

    parsed = dateparser.parse(
        text, languages=["en"], settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["year"]}
    )
    return parsed.date() if parsed else None


def require_text(name: str, text: str | None, what: str) -> str:
    if not text or not text.strip():
        raise InputError(f"{name}: {what}")
    return text
