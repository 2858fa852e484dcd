"""Open the SQLite store: foreign keys on, WAL, migrations applied, clear errors."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError, OperationalError

from explorer.errors import StoreError

_MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The newest migration; a test checks it against Alembic's head. A database already there opens
# without loading Alembic at all (a fifth of the CLI's start-up).
HEAD_REVISION = "0004"


def make_engine(path: Path) -> Engine:
    """An engine on ``path``; raises StoreError when it is no usable database."""
    path = Path(path)
    if path.is_dir():
        raise StoreError(f"{path}: is a folder, not a database file.")
    if not path.parent.exists():
        raise StoreError(f"{path.parent}: no such folder for the database.")
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": 5})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        with contextlib.suppress(sqlite3.OperationalError):
            cur.execute("PRAGMA journal_mode=WAL")  # read-only media keep the default journal
        # In WAL mode NORMAL never corrupts the database; a power cut may lose the last
        # committed document, which a re-import brings back. FULL fsyncs every document.
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    try:
        with engine.begin() as conn:
            conn.execute(text("PRAGMA schema_version"))
            _migrate(conn)
    except (OperationalError, DBAPIError) as err:
        engine.dispose()
        raise translate(err, path) from err
    return engine


def _migrate(conn: Any) -> None:
    if _revision(conn) == HEAD_REVISION:
        return
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(_MIGRATIONS))
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, "head")


def _revision(conn: Any) -> str | None:
    has_table = conn.execute(
        text("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'")
    ).first()
    if has_table is None:
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()  # type: ignore[no-any-return]


def translate(err: Exception, path: Path | str) -> StoreError:
    """A database error as a sentence a user can act on."""
    message = str(getattr(err, "orig", err)).lower()
    if "locked" in message or "busy" in message:
        return StoreError(f"{path}: the database is in use by another program; try again.")
    if "readonly" in message or "read-only" in message:
        return StoreError(f"{path}: the database is read-only; nothing was changed.")
    if "not a database" in message or "malformed" in message or "corrupt" in message:
        return StoreError(f"{path}: is not a Timeline Explorer database, or it is damaged.")
    if "unable to open" in message:
        return StoreError(f"{path}: cannot open the database file.")
    return StoreError(f"{path}: database error: {getattr(err, 'orig', err)}")


@contextmanager
def translated(path: Path | str) -> Iterator[None]:
    try:
        yield
    except (OperationalError, DBAPIError) as err:
        raise translate(err, path) from err
