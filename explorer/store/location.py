"""Where a store lives: a SQLite file (the default, nothing to set up) or a shared PostgreSQL
database named by a SQLAlchemy URL. Passwords are used to connect but never shown or kept:
``display`` and ``saved`` drop them, and libpq reads PGPASSWORD or ~/.pgpass by itself."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from explorer.errors import StoreError

_SERVER_SCHEMES = ("postgresql", "postgres")


@dataclass(frozen=True)
class Location:
    url: URL
    path: Path | None = None  # the file, for SQLite

    @property
    def is_sqlite(self) -> bool:
        return self.path is not None

    @property
    def display(self) -> str:
        """What a title bar, a message or a log may show: never the password."""
        if self.path is not None:
            return str(self.path)
        # URL.set() reads None as "unchanged": replace the field itself.
        return self.url._replace(password=None).render_as_string(hide_password=True)

    @property
    def saved(self) -> str:
        """What recent-database lists keep: the path, or the URL without its password."""
        return self.display

    @property
    def name(self) -> str:
        """A short name: the file's name, or the database's name and host."""
        if self.path is not None:
            return self.path.name
        return f"{self.url.database} on {self.url.host or 'localhost'}"

    @property
    def stem(self) -> str:
        return self.path.stem if self.path is not None else str(self.url.database)

    def __str__(self) -> str:
        return self.display


def locate(target: str | Path | Location) -> Location:
    """A path or a URL as a Location; raises StoreError for a URL we cannot use."""
    if isinstance(target, Location):
        return target
    text = str(target)
    if "://" not in text:
        path = Path(text).expanduser()
        return Location(make_url(f"sqlite:///{path}"), path)
    try:
        url = make_url(text)
    except ArgumentError as err:
        raise StoreError(f"{_hide(text)}: not a database address ({err}).") from err
    backend = url.get_backend_name()
    if backend == "sqlite":
        if not url.database:
            raise StoreError("sqlite:// needs a file path: sqlite:///path/to/timeline.sqlite")
        return Location(url, Path(url.database).expanduser())
    if backend not in _SERVER_SCHEMES:
        raise StoreError(
            f"{_hide(text)}: Timeline Explorer stores data in SQLite files or PostgreSQL "
            "(postgresql+psycopg://user@host/dbname)."
        )
    if url.drivername in _SERVER_SCHEMES:  # the driver we ship, whatever the URL left out
        url = url.set(drivername="postgresql+psycopg")
    if not url.database:
        raise StoreError(f"{_hide(text)}: the address names no database (…/dbname).")
    return Location(url)


def _hide(text: str) -> str:
    try:
        return make_url(text).render_as_string(hide_password=True)
    except ArgumentError:
        return text.split("@")[-1]
