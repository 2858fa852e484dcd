"""Open a store: SQLite (foreign keys on, WAL) or PostgreSQL, migrations applied on open
under a lock, a newer schema refused, errors as sentences a user can act on."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.exc import DBAPIError, OperationalError

from explorer.errors import StoreError
from explorer.store.location import Location, locate
from explorer.store.writing import ADVISORY_KEY

_MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The newest migration; a test checks it against Alembic's head. A database already there opens
# without loading Alembic at all (a fifth of the CLI's start-up).
HEAD_REVISION = "0008"


def make_engine(target: Path | str | Location) -> Engine:
    """An engine on ``target``; raises StoreError when it is no usable database."""
    where = locate(target)
    if where.path is not None:
        engine = _sqlite_engine(where.path)
    else:
        engine = create_engine(
            where.url,
            pool_pre_ping=True,
            connect_args={"connect_timeout": 5, "application_name": "Timeline Explorer"},
        )
    try:
        with engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                # Two desktops opening a new shared store at once: one migrates, one waits.
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": ADVISORY_KEY})
                _migrate(conn)
                behind = False
            else:
                conn.execute(text("PRAGMA schema_version"))
                behind = _revision(conn) != HEAD_REVISION
        if behind:
            # A new or older file: migrate holding the write lock from the first statement, so
            # two imports that create one store at once take turns (the second finds it made)
            # instead of one failing on a snapshot the other has just changed.
            with engine.connect() as plain:
                conn = plain.execution_options(immediate=True)
                with conn.begin():
                    _migrate(conn)
    except (OperationalError, DBAPIError) as err:
        engine.dispose()
        raise translate(err, where) from err
    except StoreError:
        engine.dispose()
        raise
    return engine


def _sqlite_engine(path: Path) -> Engine:
    if path.is_dir():
        raise StoreError(f"{path}: is a folder, not a database file.")
    if not path.parent.exists():
        raise StoreError(f"{path.parent}: no such folder for the database.")
    _refuse_foreign(path)
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": 5})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        # The driver's own BEGIN is always deferred; _begin below says which one.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        with contextlib.suppress(sqlite3.OperationalError):
            cur.execute("PRAGMA journal_mode=WAL")  # read-only media keep the default journal
        # In WAL mode NORMAL never corrupts the database; a power cut may lose the last
        # committed document, which a re-import brings back. FULL fsyncs every document.
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        # Writers take the write lock before their first read (see store/writing.py).
        immediate = conn.get_execution_options().get("immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def _refuse_foreign(path: Path) -> None:
    """Someone else's SQLite file is never touched: it is looked at read-only (WAL mode, set
    on every connection of ours, would rewrite its header) and refused unless it is ours."""
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        with contextlib.closing(
            sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
        ) as probe:
            tables = {r[0] for r in probe.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError as err:
        if "locked" in str(err) or "busy" in str(err):
            return  # another writer: the engine's own open waits for it, then judges
        raise StoreError(
            f"{path}: is not a Timeline Explorer database, or it is damaged; it was not "
            "changed."
        ) from err
    if tables and "alembic_version" not in tables:
        raise StoreError(
            f"{path}: is another program's database (it holds tables of its own), not a "
            "Timeline Explorer one; it was not changed."
        )


def _migrate(conn: Connection) -> None:
    found = _revision(conn)
    if found == HEAD_REVISION:
        return
    if found is not None and (not found.isdigit() or int(found) > int(HEAD_REVISION)):
        raise StoreError(
            f"This database was made by a newer Timeline Explorer (schema {found}; this version "
            f"knows up to {HEAD_REVISION}). Update Timeline Explorer to open it; nothing was "
            "changed."
        )
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(_MIGRATIONS))
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, "head")


def _revision(conn: Connection) -> str | None:
    if conn.dialect.name == "sqlite":  # cheaper than the inspector, on every start-up
        has_table = (
            conn.execute(
                text("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'")
            ).first()
            is not None
        )
    else:
        has_table = inspect(conn).has_table("alembic_version")
    if not has_table:
        return None
    found = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return None if found is None else str(found)


def translate(err: Exception, where: Path | str | Location) -> StoreError:
    """A database error as a sentence a user can act on."""
    message = str(getattr(err, "orig", err)).lower()
    if isinstance(where, Location):
        where = where.display
    if "password authentication failed" in message or "no password supplied" in message:
        return StoreError(
            f"{where}: the server refused the login. Set PGPASSWORD, or put the password in "
            "~/.pgpass; it is never stored by Timeline Explorer."
        )
    if "does not exist" in message and "database" in message:
        return StoreError(
            f"{where}: the server has no such database; create it first "
            "(createdb, see the README's team set-up)."
        )
    if "could not connect" in message or "connection refused" in message or "timeout" in message:
        return StoreError(f"{where}: cannot reach the database server; is it running?")
    if "permission denied" in message:
        return StoreError(f"{where}: your database role may not do this: {message.strip()}")
    if "locked" in message or "busy" in message:
        return StoreError(f"{where}: the database is in use by another program; try again.")
    if "readonly" in message or "read-only" in message:
        return StoreError(f"{where}: the database is read-only; nothing was changed.")
    if "not a database" in message or "malformed" in message or "corrupt" in message:
        return StoreError(f"{where}: is not a Timeline Explorer database, or it is damaged.")
    if "unable to open" in message:
        return StoreError(f"{where}: cannot open the database file.")
    return StoreError(f"{where}: database error: {getattr(err, 'orig', err)}")


@contextmanager
def translated(where: Path | str | Location) -> Iterator[None]:
    try:
        yield
    except (OperationalError, DBAPIError) as err:
        raise translate(err, where) from err
