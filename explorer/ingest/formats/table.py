"""Tables of articles, as media-monitoring and research tools export them: CSV (or TSV) with a
header, and JSON Lines. One article per row, read as a stream: a table of 100k rows is never
held whole.

Columns are found by name (``title``/``headline``, ``date``/``published``/``pubdate`` …,
``text``/``body``/``content`` …, ``outlet``/``source``, ``url``/``link``, ``author``/``byline``,
``id``); ``--columns text=body,date=pub`` names them where the table calls them otherwise. A
row is known by its id column, else its URL, else its row number, so a re-imported table
replaces only the rows that changed.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from explorer.errors import InputError
from explorer.ingest.formats.base import (
    ArticleMeta,
    Format,
    Piece,
    ReadOptions,
    Skipped,
    parse_date,
    safe_key,
    short_hash,
)

ROLES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "full_text", "fulltext", "article_text",
             "story", "maintext", "body_text"),
    "title": ("title", "headline", "heading", "subject"),
    "date": ("date", "published", "publish_date", "pubdate", "pub_date", "published_at",
             "publication_date", "date_published", "datetime", "published_date"),
    "outlet": ("outlet", "source", "publisher", "site", "media", "publication", "source_name",
               "sitename", "medium"),
    "url": ("url", "link", "permalink", "uri"),
    "author": ("author", "byline", "authors", "writer"),
    "id": ("id", "guid", "article_id", "uid", "doc_id", "document_id", "item_id"),
}
_MAX_FIELD = 20 * 1024 * 1024  # one article's text; csv's default limit is 128 KB
_HTML = re.compile(r"</?(?:p|div|br|span|a|li|h[1-6])\b[^>]*>", re.IGNORECASE)


def _norm(name: str) -> str:
    return re.sub(r"[\s\-.]+", "_", name.strip().lower())


def resolve_columns(header: list[str], options: ReadOptions, name: str) -> dict[str, str]:
    """Role -> the header's column for it: the user's ``--columns`` where the table has the
    column named, then by name. A named column the table lacks is passed over (one import may
    hold tables of several shapes) unless the text is then nowhere: the error names it."""
    by_norm = {_norm(h): h for h in header if h}
    out: dict[str, str] = {}
    missing: list[str] = []
    for role, column in options.columns.items():
        if role not in ROLES:
            raise InputError(
                f"--columns: '{role}' is not a column role (roles: {', '.join(ROLES)})."
            )
        found = by_norm.get(_norm(column))
        if found is None:
            missing.append(f"'{column}' for {role}")
        else:
            out[role] = found
    out = {**guessed_columns(header), **out}
    if "text" not in out:
        has = ", ".join(h for h in header if h)
        if missing:
            raise InputError(
                f"{name}: --columns names {' and '.join(missing)}, but the table has no such "
                f"column (it has: {has})."
            )
        raise InputError(
            f"{name}: no column holds the articles' text (looked for "
            f"{', '.join(ROLES['text'][:4])} …; it has: {has}). "
            "Name it with --columns text=COLUMN."
        )
    return out


def _value(row: Mapping[str, Any], column: str | None) -> str:
    if column is None:
        return ""
    value = row.get(column)
    if isinstance(value, dict):  # {"source": {"name": "…"}}
        value = value.get("name") or value.get("title") or ""
    if isinstance(value, list):  # "authors": ["A", "B"]
        value = ", ".join(str(v) for v in value if v)
    return "" if value is None else str(value)


class _Keys:
    """Row keys: unique in one file, stable across re-imports where the table allows."""

    def __init__(self) -> None:
        self._seen: set[str] = set()

    def key(self, ident: str, url: str, n: int) -> str:
        if ident.strip():
            token = ident.strip()
            key = f"id:{safe_key(token) if len(token) <= 64 else short_hash(token)}"
        elif url.strip():
            key = f"url:{short_hash(url.strip())}"
        else:
            key = f"row:{n}"
        while key in self._seen:
            key += "+"
        self._seen.add(key)
        return key


def _piece(row: Mapping[str, Any], cols: dict[str, str], key: str, location: str) -> Piece | Skipped:
    text = _value(row, cols.get("text"))
    if not text.strip():
        return Skipped(key, location, "no text in this row")
    meta = ArticleMeta(
        title=" ".join(_value(row, cols.get("title")).split()) or None,
        published=parse_date(_value(row, cols.get("date"))),
        outlet=_value(row, cols.get("outlet")).strip() or None,
        author=_value(row, cols.get("author")).strip() or None,
        url=_value(row, cols.get("url")).strip() or None,
    )
    reader = "fragment" if _HTML.search(text[:4000]) else "text"
    return Piece(key, location, reader, text.encode("utf-8"), meta)


def _open_text(path: Path) -> io.TextIOWrapper:
    try:
        return open(path, encoding="utf-8-sig", newline="")  # noqa: SIM115 (closed by callers)
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror or err}).") from err


def _dialect(path: Path, sample: str) -> type[csv.Dialect]:
    """Excel's CSV (quotes doubled inside quoted fields) with the delimiter of the header
    line: the one of , ; tab | it holds most of (outside quotes). csv.Sniffer was tried: it
    misses a semicolon when the text has commas, and its guess of "no doubled quotes" reads a
    broken quote on as text instead of stopping there."""
    if path.suffix.lower() == ".tsv":
        return csv.excel_tab
    header = re.sub(r'"[^"]*"', "", sample.split("\n", 1)[0])
    delimiter = max(",;\t|", key=header.count)
    if delimiter == "," or not header.count(delimiter):
        return csv.excel
    return type("Delimited", (csv.excel,), {"delimiter": delimiter})


def split_csv(path: Path, options: ReadOptions) -> Iterator[Piece | Skipped]:
    csv.field_size_limit(min(_MAX_FIELD, sys.maxsize))
    with _open_text(path) as fh:
        try:
            sample = fh.read(65536)
        except UnicodeDecodeError as err:
            raise InputError(f"{path}: not UTF-8 text; save the table as UTF-8 CSV.") from err
        fh.seek(0)
        dialect = _dialect(path, sample)
        reader = csv.reader(fh, dialect, strict=True)
        row_no = 0
        try:
            header = next(reader, None)
            if not header:
                raise InputError(f"{path}: the table is empty.")
            cols = resolve_columns(header, options, str(path))
            keys = _Keys()
            for row_no, values in enumerate(reader, start=1):
                if not any(v.strip() for v in values):
                    continue  # a blank line
                row = dict(zip(header, values, strict=False))
                key = keys.key(_value(row, cols.get("id")), _value(row, cols.get("url")), row_no)
                yield _piece(row, cols, key, f"row {row_no:,}")
        except csv.Error as err:
            raise InputError(
                f"{path}: row {row_no + 1:,} (line {reader.line_num:,}) cannot be read: {err}. "
                "The rows before it were read."
            ) from err
        except UnicodeDecodeError as err:
            raise InputError(
                f"{path}: row {row_no + 1:,} is not UTF-8 text; save the table as UTF-8 CSV."
            ) from err


def count_csv(path: Path) -> int:
    csv.field_size_limit(min(_MAX_FIELD, sys.maxsize))
    n = 0
    try:
        with _open_text(path) as fh:
            sample = fh.read(65536)
            fh.seek(0)
            for _ in csv.reader(fh, _dialect(path, sample)):
                n += 1
    except (csv.Error, UnicodeDecodeError, InputError):
        pass  # the reading says what is wrong; this is only for the progress bar
    return max(n - 1, 1)  # the header is no article


def split_jsonl(path: Path, options: ReadOptions) -> Iterator[Piece | Skipped]:
    keys = _Keys()
    cols_by_shape: dict[tuple[str, ...], dict[str, str]] = {}
    try:
        fh = path.open("rb")
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror or err}).") from err
    with fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            location = f"line {n:,}"
            try:
                row = json.loads(line)
            except (json.JSONDecodeError, UnicodeDecodeError):
                yield Skipped(f"row:{n}", location, "not a JSON object (a broken line)")
                continue
            if not isinstance(row, dict):
                yield Skipped(f"row:{n}", location, "not a JSON object")
                continue
            shape = tuple(row)
            cols = cols_by_shape.get(shape)
            if cols is None:
                try:
                    cols = resolve_columns(list(shape), options, str(path))
                except InputError as err:
                    if options.columns or n == 1:
                        raise
                    yield Skipped(f"row:{n}", location, str(err))
                    continue
                if len(cols_by_shape) < 64:  # rows of a few shapes; never a dict per row
                    cols_by_shape[shape] = cols
            key = keys.key(_value(row, cols.get("id")), _value(row, cols.get("url")), n)
            yield _piece(row, cols, key, location)


def count_lines(path: Path) -> int:
    n = 0
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            n += chunk.count(b"\n")
    return max(n, 1)


def header(path: Path) -> list[str] | None:
    """A table's column names (a JSON Lines file's: its first object's keys), or None for a
    file that is no table or cannot be read."""
    try:
        if path.suffix.lower() in JSONL.suffixes:
            with path.open("rb") as fh:
                for line in fh:
                    if line.strip():
                        row = json.loads(line)
                        return [str(k) for k in row] if isinstance(row, dict) else None
            return None
        if path.suffix.lower() not in CSV.suffixes:
            return None
        with path.open(encoding="utf-8-sig", newline="") as fh:
            sample = fh.read(65536)
        return next(csv.reader(io.StringIO(sample), _dialect(path, sample)), None)
    except (OSError, UnicodeDecodeError, csv.Error, json.JSONDecodeError):
        return None


def needs_columns(path: Path, options: ReadOptions) -> list[str] | None:
    """The table's column names when the user must say which holds the text (none of them is
    named as a text column is); None when the reader finds its columns, or it is no table."""
    names = header(path)
    if not names:
        return None
    try:
        resolve_columns(names, options, str(path))
    except InputError:
        return [n for n in names if n]
    return None


def guessed_columns(names: list[str]) -> dict[str, str]:
    """The roles the reader finds by name among ``names``, without the text it lacks."""
    by_norm = {_norm(n): n for n in names if n}
    out: dict[str, str] = {}
    for role, aliases in ROLES.items():
        hit = next((by_norm[a] for a in aliases if a in by_norm), None)
        if hit is not None:
            out[role] = hit
    return out


def _is_table_of_articles(path: Path) -> bool:
    """A CSV met in a folder is imported unless it is a manifest (a ``file`` column and no
    text column): the manifest beside a corpus describes the articles, it is not one."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            header = next(csv.reader([fh.readline()]), [])
    except (OSError, UnicodeDecodeError, csv.Error):
        return True  # let the reader say what is wrong with it
    names = {_norm(h) for h in header}
    return not ("file" in names and not names & set(ROLES["text"]))


CSV = Format(
    "csv",
    "Tables of articles (CSV)",
    (".csv", ".tsv"),
    split=split_csv,
    count=count_csv,
    max_bytes=None,
    in_folders=_is_table_of_articles,
    each="row",
)
JSONL = Format(
    "jsonl",
    "JSON Lines tables",
    (".jsonl", ".ndjson"),
    split=split_jsonl,
    count=count_lines,
    max_bytes=None,
    each="line",
)
