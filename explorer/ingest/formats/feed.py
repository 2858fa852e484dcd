"""RSS and Atom feeds saved from a reader: one article per item, with its date and link, its
full content where the feed carries it, else its summary.

feedparser reads every RSS and Atom dialect and the broken ones feeds are known for (wrong
encodings, undeclared entities, dates in a dozen forms), which no hand-written parser here
would keep up with.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from explorer.errors import InputError
from explorer.ingest.formats.base import (
    ArticleMeta,
    Format,
    Piece,
    ReadOptions,
    Skipped,
    short_hash,
)

_MAX_BYTES = 50 * 1024 * 1024


def split_feed(path: Path, options: ReadOptions) -> Iterator[Piece | Skipped]:
    import feedparser

    parsed = feedparser.parse(io.BytesIO(path.read_bytes()))
    entries: list[Any] = list(parsed.entries)
    if not entries:
        if parsed.get("version"):
            raise InputError(f"{path}: this feed has no items.")
        raise InputError(f"{path}: not a readable RSS or Atom feed.")
    outlet = (parsed.feed.get("title") or "").strip() or None
    seen: set[str] = set()
    for n, entry in enumerate(entries, start=1):
        ident = entry.get("id") or entry.get("link") or ""
        key = f"item:{short_hash(ident)}" if ident else f"item:{n}"
        while key in seen:
            key += "+"
        seen.add(key)
        location = f"item {n}"
        body, kind = _body(entry)
        if not body.strip():
            yield Skipped(key, location, "the item has no text")
            continue
        meta = ArticleMeta(
            title=" ".join((entry.get("title") or "").split()) or None,
            published=_date(entry.get("published_parsed") or entry.get("updated_parsed")),
            outlet=outlet,
            author=_author(entry),
            url=entry.get("link") or None,
        )
        yield Piece(key, location, kind, body.encode("utf-8"), meta)


def count_feed(path: Path) -> int:
    # Counting is parsing: an estimate from the item tags is enough for a progress bar.
    data = path.read_bytes()
    return max(data.count(b"<item") + data.count(b"<entry"), 1)


_RSS_AUTHOR = re.compile(r"^\S+@\S+\s*\((?P<name>[^()]+)\)$")


def _author(entry: Any) -> str | None:
    """The author's name: RSS writes "desk@example.org (Mara Lind)" (feedparser's own split
    of it cuts the name), Atom a name element."""
    raw = " ".join((entry.get("author") or "").split())
    m = _RSS_AUTHOR.match(raw)
    return (m.group("name").strip() if m else raw) or None


def _body(entry: Any) -> tuple[str, str]:
    for content in entry.get("content") or []:
        if content.get("value", "").strip():
            return content["value"], _kind(content.get("type", ""))
    detail = entry.get("summary_detail") or {}
    return entry.get("summary") or "", _kind(detail.get("type", "text/html"))


def _kind(mime: str) -> str:
    return "text" if mime == "text/plain" else "fragment"


def _date(value: time.struct_time | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    except ValueError:
        return None


def looks_like_feed(path: Path) -> bool:
    """A .xml file in a folder is imported only if it is a feed (most .xml files are not)."""
    if path.suffix.lower() != ".xml":
        return True
    try:
        with path.open("rb") as fh:
            head = fh.read(4096).lower()
    except OSError:
        return True  # let the reader say what is wrong with it
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


FEED = Format(
    "feed",
    "RSS and Atom feeds",
    (".rss", ".atom", ".xml"),
    split=split_feed,
    count=count_feed,
    max_bytes=_MAX_BYTES,
    in_folders=looks_like_feed,
    each="item",
)
