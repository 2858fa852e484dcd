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


class Manifest:
    """A manifest's rows matched to the files of an import: by the file's resolved path (a
    row's ``file`` read from the manifest's folder when relative), else by its name. Rows that
    match no file are kept to be reported."""

    def __init__(self, rows: dict[str, FileInfo], folder: Path) -> None:
        self._by_path: dict[Path, str] = {}
        names: dict[str, list[str]] = {}
        for key in rows:
            p = Path(key).expanduser()
            self._by_path[(p if p.is_absolute() else folder / p).resolve()] = key
            names.setdefault(p.name, []).append(key)
        # A name given by two rows (two folders) matches by path only.
        self._by_name = {n: keys[0] for n, keys in names.items() if len(keys) == 1}
        self._rows = rows
        self._used: set[str] = set()

    @classmethod
    def read(cls, path: Path) -> Manifest:
        return cls(read_manifest(path), path.resolve().parent)

    def info_for(self, file: Path) -> FileInfo:
        key = self._by_path.get(file.resolve()) or self._by_name.get(file.name)
        if key is None:
            return FileInfo()
        self._used.add(key)
        return self._rows[key]

    def unmatched(self) -> list[str]:
        """The rows whose file was not among the files imported."""
        return [k for k in self._rows if k not in self._used]
