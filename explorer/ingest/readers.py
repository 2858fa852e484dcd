"""Files to Documents, through the format registry (explorer.ingest.formats).

Here is what every format shares: a file that is not there, a folder, a pipe, a link that
leads nowhere, a file too big for its kind; the user's publication date over the file's own;
and which files a folder holds. A file of many articles (a mailbox, a feed, a table) is walked
lazily (``pieces``); each article is known by the file's path and its key in the file.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from explorer.errors import InputError
from explorer.ingest.formats import SUFFIXES, by_suffix, read_piece
from explorer.ingest.formats.base import Format, Piece, ReadOptions, Skipped
from explorer.ingest.formats.text import TEXT
from explorer.model import Document, identity

__all__ = ["SUFFIXES", "expand_paths", "parse_document", "pieces", "read_document"]


def format_of(path: Path) -> Format:
    """The file's format by its suffix; a file named with another suffix is read as text (the
    decoder refuses it if it is binary)."""
    return by_suffix(path.suffix) or TEXT


def read_document(
    path: Path, published: dt.date | None = None, options: ReadOptions | None = None
) -> Document:
    """Read one article (for a file of many, its first). ``published`` (the user's word) wins
    over any date in the file."""
    fmt = format_of(path)
    name = file_identity(path)
    if fmt.read is not None:
        data = _read_bytes(path, fmt)
        return with_published(fmt.read(name, data), published)
    for item in pieces(path, options or ReadOptions()):
        if isinstance(item, Piece):
            return with_published(read_piece(identity(name, item.key), item), published)
    raise InputError(f"{path}: holds no article with text.")


def parse_document(
    name: str, data: bytes, suffix: str, published: dt.date | None = None
) -> Document:
    """A Document from bytes in memory, read as a file of that suffix would be."""
    fmt = by_suffix(suffix) or TEXT
    if fmt.read is None:
        raise InputError(f"{name}: a file of many articles; read it with pieces().")
    return with_published(fmt.read(name, data), published)


def with_published(doc: Document, published: dt.date | None) -> Document:
    if published is None:
        return doc
    return dataclasses.replace(doc, published=published, published_source="user")


def pieces(path: Path, options: ReadOptions) -> Iterator[Piece | Skipped]:
    """The articles of a file of many, lazily; InputError where the file cannot be read on."""
    fmt = format_of(path)
    assert fmt.split is not None, f"{fmt.name} files are one article each"
    _check(path, fmt)
    with _reading(path):
        yield from fmt.split(path, options)


def holds_many(path: Path) -> bool:
    return format_of(path).many


def count_articles(path: Path) -> int:
    """How many articles the file holds, as cheaply as its format can tell (for progress)."""
    fmt = format_of(path)
    if fmt.count is None:
        return 1
    try:
        return fmt.count(path)
    except (OSError, InputError):
        return 1  # the reading will say what is wrong


def file_identity(path: Path) -> str:
    """The path a document is known by: absolute, with links and ``..`` resolved, so the same
    file typed another way (relative, through a link) is the same document."""
    return os.path.realpath(path)


def _check(path: Path, fmt: Format) -> int:
    """The file's size, after making sure it is a regular file we may read whole or stream."""
    name = str(path)
    with _reading(path):
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
    if fmt.max_bytes is not None and size > fmt.max_bytes:
        what = "a news article" if fmt.max_bytes <= 20 * 1024 * 1024 else "an article file"
        raise InputError(
            f"{name}: {size / 1e6:.0f} MB is too large for {what} "
            f"(the limit is {fmt.max_bytes // 1_000_000} MB)."
        )
    return size


def _read_bytes(path: Path, fmt: Format) -> bytes:
    _check(path, fmt)
    with _reading(path):
        return path.read_bytes()


@contextlib.contextmanager
def _reading(path: Path) -> Iterator[None]:
    """The system's refusals while a file is read (permission, a vanished disk) as a
    sentence naming the file."""
    try:
        yield
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror or err}).") from err


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
    return sorted(f for f in p.rglob("*") if _wanted(f))


def _wanted(f: Path) -> bool:
    fmt = by_suffix(f.suffix)
    if fmt is None or _is_folder(f):
        return False
    return fmt.in_folders is None or fmt.in_folders(f)


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a link loop: not a folder, and read_document says what it is
        return False
