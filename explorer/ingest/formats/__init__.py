"""The one registry of input formats: what the CLI, the file dialog, drag and drop and folder
import all ask. Adding a format is a module beside these that makes a ``Format``, and a line
in ``FORMATS``.
"""

from __future__ import annotations

import dataclasses

from explorer.ingest.formats.base import Format, Piece, ReadOptions, Skipped
from explorer.ingest.formats.docx import DOCX
from explorer.ingest.formats.feed import FEED
from explorer.ingest.formats.html import FRAGMENT, HTML, MAIL_HTML
from explorer.ingest.formats.mail import EML, MBOX
from explorer.ingest.formats.pdf import PDF
from explorer.ingest.formats.table import CSV, JSONL
from explorer.ingest.formats.text import MARKDOWN, TEXT
from explorer.model import Document

__all__ = ["FORMATS", "Format", "Piece", "ReadOptions", "Skipped", "by_suffix", "read_piece"]

FORMATS: tuple[Format, ...] = (TEXT, MARKDOWN, HTML, PDF, DOCX, EML, MBOX, FEED, CSV, JSONL)
# Readers of the parts of other files (HTML without a page around it), not of files.
_PARTS: tuple[Format, ...] = (FRAGMENT, MAIL_HTML)

_BY_SUFFIX = {suffix: f for f in FORMATS for suffix in f.suffixes}
_BY_NAME = {f.name: f for f in FORMATS + _PARTS}
SUFFIXES = frozenset(_BY_SUFFIX)


def by_suffix(suffix: str) -> Format | None:
    return _BY_SUFFIX.get(suffix.lower())


def single_reader(suffix: str) -> str | None:
    """The format that reads a file of this suffix as one article (an e-mail's attachment),
    or None."""
    fmt = by_suffix(suffix)
    return fmt.name if fmt is not None and fmt.read is not None else None


def read_piece(name: str, piece: Piece) -> Document:
    """The Document of one article of a many-article file: read by its reader, then what the
    container says of it (its title, date, outlet, author, URL) over what the text says."""
    fmt = _BY_NAME[piece.reader]
    assert fmt.read is not None, f"{fmt.name} reads no single articles"
    doc = fmt.read(name, piece.data)
    meta = piece.meta
    published, source = doc.published, doc.published_source
    if meta.published is not None:
        published, source = meta.published, "file"
    elif published is None and meta.fallback_published is not None:
        published, source = meta.fallback_published, "file"
    return dataclasses.replace(
        doc,
        title=meta.title or doc.title,
        outlet=meta.outlet or doc.outlet,
        author=meta.author or doc.author or meta.fallback_author,
        url=meta.url or doc.url,
        published=published,
        published_source=source,
        location=piece.location,
    )


def dialog_filter() -> str:
    """The file dialog's filter: every format at once, then each, then all files."""
    every = " ".join(f"*{s}" for f in FORMATS for s in f.suffixes)
    each = ";;".join(f"{f.label} ({' '.join('*' + s for s in f.suffixes)})" for f in FORMATS)
    return f"Articles ({every});;{each};;All files (*)"


def describe() -> str:
    """One line per format, for ``explorer ingest --help`` and the README."""
    return "\n".join(
        f"  {', '.join(f.suffixes)}: {f.label}{f' (an article per {f.each})' if f.each else ''}"
        for f in FORMATS
    )
