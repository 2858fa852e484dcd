"""Files to Documents: plain text, Markdown and saved HTML pages."""

from __future__ import annotations

import dataclasses
import datetime as dt
import errno
import hashlib
import os
import stat
from pathlib import Path

from explorer.errors import InputError
from explorer.ingest import byline, markup
from explorer.ingest.encoding import decode
from explorer.ingest.published import publication_date
from explorer.model import Document, TextMap

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
MAX_BYTES = 20 * 1024 * 1024  # a news article is far smaller; this is a wrong file


def read_document(path: Path, published: dt.date | None = None) -> Document:
    """Read one article. ``published`` (the user's word) wins over any date in the file."""
    name = str(path)
    try:
        if path.is_symlink() and not path.exists():
            try:
                path.stat()
            except OSError as err:
                if err.errno == errno.ELOOP:
                    raise InputError(f"{name}: a link that leads back to itself.") from err
            raise InputError(f"{name}: a link to a file that no longer exists.")
        if not path.exists():
            raise InputError(f"{name}: no such file.")
        if path.is_dir():
            raise InputError(f"{name}: is a folder, not a file.")
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # opening a pipe would wait for a writer forever
            raise InputError(f"{name}: not a regular file (a pipe, socket or device); not read.")
        size = info.st_size
        if size > MAX_BYTES:
            raise InputError(
                f"{name}: {size / 1e6:.0f} MB is too large for a news article "
                f"(the limit is {MAX_BYTES // 1_000_000} MB)."
            )
        data = path.read_bytes()
    except PermissionError as err:
        raise InputError(f"{name}: cannot be read ({err.strerror}).") from err
    except OSError as err:
        raise InputError(f"{name}: cannot be read ({err.strerror or err}).") from err
    return parse_document(file_identity(path), data, path.suffix.lower(), published)


def file_identity(path: Path) -> str:
    """The path a document is known by: absolute, with links and ``..`` resolved, so the same
    file typed another way (relative, through a link) is the same document."""
    return os.path.realpath(path)


def parse_document(
    name: str, data: bytes, suffix: str, published: dt.date | None = None
) -> Document:
    sha = hashlib.sha256(data).hexdigest()
    original = decode(data, name)
    if suffix in HTML_SUFFIXES:
        return _from_html(name, sha, original, published)
    text_map = markup.clean(original)
    if not text_map.text.strip():
        raise InputError(f"{name}: has no text once markup is removed.")
    return _finish(
        name,
        sha,
        original,
        text_map,
        "markdown" if suffix in (".md", ".markdown") else "text",
        published,
    )


def _from_html(name: str, sha: str, page: str, published: dt.date | None) -> Document:
    # trafilatura finds the article in the page chrome (menus, ads, footers) far better than
    # tag stripping could; its text becomes the document the user reads and highlights.
    import trafilatura

    text = trafilatura.extract(
        page, include_comments=False, include_tables=False, favor_recall=True
    )
    if not text or not text.strip():
        raise InputError(f"{name}: no article text found in this HTML page.")
    meta = trafilatura.extract_metadata(page)
    title = meta.title if meta and meta.title else None
    author = meta.author if meta and meta.author else None
    outlet = meta.sitename if meta and meta.sitename else None
    meta_date = _parse_iso_date(meta.date) if meta and meta.date else None
    doc = _finish(name, sha, text, TextMap.identity(text), "html", published, meta_date)
    return dataclasses.replace(
        doc, title=title or doc.title, outlet=outlet, author=author or doc.author
    )


def _parse_iso_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _finish(
    name: str,
    sha: str,
    original: str,
    text_map: TextMap,
    fmt: str,
    published: dt.date | None,
    metadata: dt.date | None = None,
) -> Document:
    head = byline.read_byline(text_map.text)
    published, source = publication_date(
        given=published, byline=head.published, metadata=metadata
    )
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
    )


def expand_paths(paths: list[Path]) -> list[Path]:
    """Files to import: each file given, and the article files inside each folder given."""
    out: list[Path] = []
    seen: set[str] = set()
    for p in paths:
        for f in _files(p):
            if (key := file_identity(f)) not in seen:  # a file named twice is read once
                seen.add(key)
                out.append(f)
    return out


def _files(p: Path) -> list[Path]:
    if not p.is_dir():
        return [p]
    # Every entry named as an article, regular or not: a pipe, a dangling link or a link loop
    # among them is reported as not imported, with why, never skipped unsaid.
    return sorted(f for f in p.rglob("*") if f.suffix.lower() in SUFFIXES and not _is_folder(f))


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a link loop: not a folder, and read_document says what it is
        return False
