"""A manifest: a CSV beside a corpus giving each file's publication date and metadata.

Columns: ``file`` (required) and any of ``published`` (YYYY-MM-DD), ``title``, ``outlet``,
``author``. What a manifest gives wins over what the importer reads in the file.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from explorer.errors import InputError


@dataclass(frozen=True)
class FileInfo:
    published: dt.date | None = None
    title: str | None = None
    outlet: str | None = None
    author: str | None = None


def read_manifest(path: Path) -> dict[str, FileInfo]:
    """File name -> what the manifest says of it."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as fh:
            rows = list(csv.DictReader(fh))
    except OSError as err:
        raise InputError(f"{path}: cannot read the manifest ({err.strerror or err}).") from err
    except (csv.Error, UnicodeDecodeError) as err:
        raise InputError(f"{path}: is not a readable CSV file ({err}).") from err
    out: dict[str, FileInfo] = {}
    for n, row in enumerate(rows, start=2):
        name = (row.get("file") or "").strip()
        if not name:
            raise InputError(f"{path}, line {n}: the 'file' column is empty.")
        published = (row.get("published") or "").strip()
        try:
            date = dt.date.fromisoformat(published) if published else None
        except ValueError as err:
            raise InputError(f"{path}, line {n}: '{published}' is not a YYYY-MM-DD date.") from err
        out[name] = FileInfo(
            date,
            (row.get("title") or "").strip() or None,
            (row.get("outlet") or "").strip() or None,
            (row.get("author") or "").strip() or None,
        )
    return out
