"""Open a store: SQLite (foreign keys on, WAL) or PostgreSQL, migrations applied on open
under a lock, a newer schema refused, errors as sentences a user can act on.

A SQLite file that cannot be written (a read-only file, folder or mount) opens read-only, and
edits on it fail saying why. Every SQLite open first walks the file's pages (see
structure_problems) and refuses a damaged store, naming the rescue: ``explorer migrate
--from DAMAGED --to NEW`` (which opens it read-only, see rescuing()). ``explorer check`` runs
the full check (check_store)."""

from __future__ import annotations

import contextlib
import os
import shlex
import sqlite3
import weakref
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from sqlalchemy import URL, Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.exc import DBAPIError, OperationalError

from explorer.errors import StoreError
from explorer.store.location import Location, locate
from explorer.store.writing import ADVISORY_KEY

_MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The newest migration; a test checks it against Alembic's head. A database already there opens
# without loading Alembic at all (a fifth of the CLI's start-up).
HEAD_REVISION = "0010"

# Set while the CLI opens the store `migrate --from` copies: a damaged one is then opened
# read-only instead of refused, so that what can still be read is rescued.
_RESCUE: ContextVar[bool] = ContextVar("explorer_store_rescue", default=False)
# Why an engine's store could only be opened read-only, and the damage found on opening it
# (rescue only); by file, the reason for the messages translate() writes.
_READ_ONLY: weakref.WeakKeyDictionary[Engine, str] = weakref.WeakKeyDictionary()
_DAMAGE: weakref.WeakKeyDictionary[Engine, tuple[str, ...]] = weakref.WeakKeyDictionary()
_READ_ONLY_FILES: dict[str, str] = {}


def make_engine(target: Path | str | Location) -> Engine:
    """An engine on ``target``; raises StoreError when it is no usable database."""
    where = locate(target)
    read_only: str | None = None
    damage: tuple[str, ...] = ()
    if where.path is not None:
        engine, read_only, damage = _sqlite_engine(where.path)
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
                found = _revision(conn)
                behind = found != HEAD_REVISION
                if behind and read_only is not None:
                    _refuse_newer(found)
                    if not damage:
                        raise StoreError(_cannot_upgrade(where.display, found, read_only))
                    behind = False  # a rescue reads what it can of an older schema as it is
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
    if read_only is not None:
        _READ_ONLY[engine] = read_only
    if damage:
        _DAMAGE[engine] = damage
    return engine


def read_only_reason(engine: Engine) -> str | None:
    """Why this engine's store was opened read-only ("the file is read-only", ...), or None
    when it can be written."""
    return _READ_ONLY.get(engine)


def damage_found(engine: Engine) -> tuple[str, ...]:
    """What the opening walk found wrong with a store opened under rescuing() (else empty)."""
    return _DAMAGE.get(engine, ())


@contextmanager
def rescuing() -> Iterator[None]:
    """Stores opened inside are read-only when damaged instead of refused: for copying what
    can still be read out of them (``explorer migrate --from``)."""
    token = _RESCUE.set(True)
    try:
        yield
    finally:
        _RESCUE.reset(token)


@dataclass(frozen=True)
class _Media:
    read_only: str | None  # why nothing can be written there ("the file is read-only")
    folder_writable: bool  # whether files can be made next to it (SQLite's -wal and -shm)


def _media(path: Path) -> _Media:
    """Whether this process may write the file and its folder. access() answers for this
    process (root included: a read-only mount or an immutable file says no even to root)."""
    folder = path.parent
    statvfs = getattr(os, "statvfs", None)  # not on Windows
    try:
        mount_read_only = statvfs is not None and bool(
            statvfs(path if path.exists() else folder).f_flag & os.ST_RDONLY
        )
    except OSError:
        mount_read_only = False
    folder_writable = not mount_read_only and os.access(folder, os.W_OK)
    if mount_read_only:
        why: str | None = "it is on a read-only file system"
    elif path.exists() and not os.access(path, os.W_OK):
        why = "the file is read-only"
    elif not folder_writable:
        why = f"its folder ({folder}) is read-only"
    else:
        why = None
    return _Media(why, folder_writable)


def _read_only_query(path: Path, media: _Media) -> dict[str, str]:
    """How SQLite opens a store it may not write. A WAL store needs its -shm file to be read:
    SQLite makes one where the folder is writable, and reads an existing one even read-only.
    Where neither, nobody can be writing the store either (a writer needs a -wal and a -shm
    beside it, and cannot make them), so it is opened immutable: no locks, no -shm. That is
    exact only while no committed write waits in a -wal file, which immutable would ignore:
    such a store is refused, not shown without its last changes."""
    if media.folder_writable:
        return {"mode": "ro"}
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    if not wal.exists():
        return {"mode": "ro", "immutable": "1"}
    if shm.exists():
        return {"mode": "ro"}
    if wal.stat().st_size == 0:
        return {"mode": "ro", "immutable": "1"}
    raise StoreError(
        f"{path}: cannot be read here: {media.read_only}, and the store was copied with "
        f"changes still in its {wal.name} file but without its {shm.name} file, which SQLite "
        "needs to read them. Copy the store and its -wal file to a folder you can write, and "
        "open the copy; nothing was changed."
    )


def _sqlite_uri(path: Path, query: dict[str, str]) -> str:
    return f"{path.resolve().as_uri()}?{urlencode(query)}"


def _sqlite_engine(path: Path) -> tuple[Engine, str | None, tuple[str, ...]]:
    """The engine, why it may only read (or None), and the damage found (only when rescuing:
    otherwise a damaged store is refused)."""
    if path.is_dir():
        raise StoreError(f"{path}: is a folder, not a database file.")
    if not path.parent.exists():
        raise StoreError(f"{path.parent}: no such folder for the database.")
    media = _media(path)
    if media.read_only is not None and not path.exists():
        raise StoreError(f"{path}: no database can be made there: {media.read_only}.")
    query = _read_only_query(path, media) if media.read_only is not None else None
    damage = _probe(path, query or {"mode": "ro"})
    read_only = media.read_only
    if damage:
        if not _RESCUE.get():
            raise StoreError(damaged(path, damage))
        read_only = read_only or "it is damaged (it is only read, to rescue what can be read)"
        query = query or {"mode": "ro"}
    url: str | URL
    if query is None:
        _READ_ONLY_FILES.pop(str(path), None)
        url = f"sqlite:///{path}"
    else:
        _READ_ONLY_FILES[str(path)] = str(read_only)
        url = URL.create(
            "sqlite", database=path.resolve().as_uri(), query={"uri": "true", **query}
        )
    engine = create_engine(url, connect_args={"timeout": 5})
    writable = query is None

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        # The driver's own BEGIN is always deferred; _begin below says which one.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        if writable:
            with contextlib.suppress(sqlite3.OperationalError):
                cur.execute("PRAGMA journal_mode=WAL")
        # In WAL mode NORMAL never corrupts the database; a power cut may lose the last
        # committed document, which a re-import brings back. FULL fsyncs every document.
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        # Writers take the write lock before their first read (see store/writing.py).
        immediate = conn.get_execution_options().get("immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine, read_only, damage


def _probe(path: Path, query: dict[str, str]) -> tuple[str, ...]:
    """Look at the file read-only before anything else opens it: someone else's SQLite file
    is never touched (WAL mode, set on every connection of ours, would rewrite its header)
    and is refused unless it is ours; ours is walked page by page (structure_problems), and
    what that finds wrong is returned: the damage."""
    if not path.exists() or path.stat().st_size == 0:
        return ()
    try:
        with contextlib.closing(
            sqlite3.connect(_sqlite_uri(path, query), uri=True, timeout=5)
        ) as probe:
            probe.isolation_level = None
            tables = {r[0] for r in probe.execute("SELECT name FROM sqlite_master")}
            if tables and "alembic_version" not in tables:
                raise StoreError(
                    f"{path}: is another program's database (it holds tables of its own), "
                    "not a Timeline Explorer one; it was not changed."
                )
            return tuple(structure_problems(probe)) if tables else ()
    except sqlite3.DatabaseError as err:
        message = str(err).lower()
        if "locked" in message or "busy" in message:
            return ()  # another writer: the engine's own open waits for it, then judges
        if "malformed" in message or "corrupt" in message:
            return (f"SQLite: {err}",)
        raise StoreError(
            f"{path}: is not a Timeline Explorer database, or it is damaged; it was not "
            "changed."
        ) from err


# One walk of every b-tree page of every table and index, overflow pages included.
_WALK = (
    "SELECT count(*), count(DISTINCT pageno), coalesce(max(pageno), 0), "
    "coalesce(sum(pagetype = 'corrupted'), 0) FROM dbstat"
)
_PENDING_BYTE = 0x40000000  # the page holding this offset of a big file is never used


def structure_problems(conn: sqlite3.Connection) -> list[str]:
    """What a walk of the file's tables and indexes, page by page, finds wrong (empty: none).

    The walk (SQLite's dbstat table) reads every page once and decodes its header and cell
    pointers: a page that is no b-tree page, cells that point outside their page, pages
    reached twice or past the end of the file, and pages that no table or index reaches (so
    lost from a damaged one: every page is in a table, an index, the freelist or the lock
    page) are found. That catches an overwritten, zeroed or shifted block of the file, what a
    bad sector or a clumsy tool leaves; it costs a fraction of PRAGMA quick_check (see
    benchmarks/open_check.py). Bytes changed inside a cell's contents pass: the full
    PRAGMA integrity_check (`explorer check`) finds those that break the format. Run in one
    read transaction, so a writer committing meanwhile cannot make the counts disagree."""
    own = conn.in_transaction
    if not own:
        conn.execute("BEGIN")
    try:
        size, pages, free, vacuum = conn.execute(
            "SELECT * FROM pragma_page_size, pragma_page_count, pragma_freelist_count, "
            "pragma_auto_vacuum"
        ).fetchone()
        try:
            used, distinct, top, bad = conn.execute(_WALK).fetchone()
        except sqlite3.OperationalError as err:
            if "no such table" not in str(err):
                raise
            # A SQLite built without dbstat: the slower check, its first problems.
            return [
                line
                for (row,) in conn.execute("PRAGMA quick_check(10)")
                if row != "ok"
                for line in str(row).splitlines()
            ]
        problems = []
        if bad:
            names = ", ".join(
                str(n)
                for (n,) in conn.execute(
                    "SELECT DISTINCT name FROM dbstat WHERE pagetype = 'corrupted'"
                )
            )
            problems.append(f"{bad} page(s) of {names} are not database pages")
        if distinct != used:
            problems.append(f"{used - distinct} page(s) are used twice")
        if top > pages:
            problems.append(f"pages past the end of the file are referred to (page {top})")
        if not vacuum:  # pointer-map pages, with auto-vacuum, would need counting too
            lock = 1 if pages * size > _PENDING_BYTE else 0
            lost = pages - free - lock - distinct
            if lost > 0:
                problems.append(f"{lost} page(s) belong to no table or index")
            elif lost < 0 and top <= pages:
                problems.append("tables and the freelist claim more pages than the file has")
        return problems
    except sqlite3.DatabaseError as err:
        if "locked" in str(err) or "busy" in str(err):
            raise
        return [f"SQLite: {err}"]
    finally:
        if not own and conn.in_transaction:  # SQLite ends it itself on some errors
            conn.execute("ROLLBACK")


def damaged(where: Path | str, problems: Sequence[str]) -> str:
    """The sentence refusing a damaged store: what is wrong, and how to rescue the rest."""
    shown = "; ".join(problems[:3]) + ("; …" if len(problems) > 3 else "")
    quoted = shlex.quote(str(where))
    return (
        f"{where}: is damaged ({shown}); it was not changed. Copy what can still be read "
        f"into a new store with: explorer migrate --from {quoted} --to NEW.sqlite "
        f"(explorer check --db {quoted} lists the damage)."
    )


def _cannot_upgrade(where: str, found: str | None, why: str) -> str:
    if found is None:
        return f"{where}: holds no Timeline Explorer store, and it cannot be made one: {why}."
    return (
        f"{where}: was made by an older Timeline Explorer (schema {found}) and must be "
        f"upgraded to be opened, which cannot be done here: {why}. Copy it to a folder you "
        "can write and open the copy; nothing was changed."
    )


def _refuse_newer(found: str | None) -> None:
    if found is not None and (not found.isdigit() or int(found) > int(HEAD_REVISION)):
        raise StoreError(
            f"This database was made by a newer Timeline Explorer (schema {found}; this version "
            f"knows up to {HEAD_REVISION}). Update Timeline Explorer to open it; nothing was "
            "changed."
        )


def _migrate(conn: Connection) -> None:
    found = _revision(conn)
    if found == HEAD_REVISION:
        return
    _refuse_newer(found)
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
    path = where.path if isinstance(where, Location) else None
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
        why = _READ_ONLY_FILES.get(str(path)) if path is not None else None
        if why is not None:
            return StoreError(f"{where}: can only be read, because {why}; nothing was changed.")
        return StoreError(f"{where}: the database is read-only; nothing was changed.")
    if "malformed" in message or "corrupt" in message:
        return StoreError(damaged(where, [f"SQLite: {getattr(err, 'orig', err)}"]))
    if "not a database" in message:
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


# ---------------------------------------------------------------------- explorer check


@dataclass
class CheckReport:
    """What `explorer check` looked at, and what it found wrong (empty: the store is sound)."""

    checked: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def check_store(target: Path | str | Location) -> CheckReport:
    """The full check of a store, which changes nothing. SQLite: PRAGMA integrity_check (every
    page, cell and index entry). PostgreSQL: the schema revision, that every table is there
    and reads in full, and the indexes where the server has amcheck."""
    where = locate(target)
    if where.path is not None:
        return _check_file(where.path)
    return _check_server(where)


def _check_file(path: Path) -> CheckReport:
    report = CheckReport()
    media = _media(path)
    query = _read_only_query(path, media) if media.read_only is not None else {"mode": "ro"}
    try:
        with contextlib.closing(
            sqlite3.connect(_sqlite_uri(path, query), uri=True, timeout=5)
        ) as conn:
            conn.isolation_level = None
            conn.execute("BEGIN")
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            if "alembic_version" not in tables:
                report.problems.append(
                    "it is not a Timeline Explorer store (no alembic_version table)"
                    if tables
                    else "it holds no tables: an empty file, or a store never written"
                )
                return report
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            size, pages = conn.execute(
                "SELECT * FROM pragma_page_size, pragma_page_count"
            ).fetchone()
            found = None if revision is None else str(revision[0])
            report.checked.append(
                f"schema revision {found} (this version's is {HEAD_REVISION}"
                + (": opening the store upgrades it)" if found != HEAD_REVISION else ")")
            )
            rows = conn.execute("PRAGMA integrity_check").fetchall()
            report.checked.append(
                f"PRAGMA integrity_check: {pages} pages of {size} bytes, every table, index "
                "and cell, each index entry against its row"
            )
            report.problems += [
                line
                for (row,) in rows
                if row != "ok"
                for line in str(row).splitlines()
                if not line.startswith("*** in database")  # the heading of what follows
            ]
            if conn.in_transaction:
                conn.execute("ROLLBACK")
    except sqlite3.DatabaseError as err:
        message = str(err).lower()
        if "locked" in message or "busy" in message:
            raise StoreError(
                f"{path}: the database is in use by another program; try again."
            ) from err
        report.problems.append(f"SQLite cannot read it: {err}")
        if "malformed" in message or "corrupt" in message:
            # integrity_check gave up: the page walk of the open check says where, if it can.
            with contextlib.suppress(sqlite3.DatabaseError), contextlib.closing(
                sqlite3.connect(_sqlite_uri(path, query), uri=True, timeout=5)
            ) as conn:
                conn.isolation_level = None
                report.problems += structure_problems(conn)
    if media.read_only is not None:
        report.checked.append(f"read-only, because {media.read_only}")
    return report


def _check_server(where: Location) -> CheckReport:
    from explorer.store.schema import Base

    report = CheckReport()
    engine = create_engine(
        where.url, connect_args={"connect_timeout": 5, "application_name": "Timeline Explorer"}
    )
    try:
        with engine.connect() as conn:
            conn.execute(text("SET TRANSACTION READ ONLY"))
            found = _revision(conn)
            if found is None:
                report.problems.append("no alembic_version table: not a Timeline Explorer store")
                return report
            report.checked.append(
                f"schema revision {found} (this version's is {HEAD_REVISION}"
                + (": opening the store upgrades it)" if found != HEAD_REVISION else ")")
            )
            present = set(inspect(conn).get_table_names())
            names = [t.name for t in Base.metadata.sorted_tables]
            rows = read = 0
            for name in names:
                if name not in present:
                    report.problems.append(f"table {name} is missing")
                    continue
                try:
                    with conn.begin_nested():
                        # Every row, every column detoasted: a page the server cannot read
                        # (a checksum failure, an invalid page header) fails here.
                        rows += int(
                            conn.execute(
                                text(f'SELECT count(*), sum(length(t::text)) FROM "{name}" AS t')
                            ).scalar_one()
                        )
                        read += 1
                except DBAPIError as err:
                    report.problems.append(f"table {name} cannot be read: {err.orig}")
            report.checked.append(
                f"{read} of the {len(names)} tables there and read in full ({rows} rows)"
            )
            checksums = conn.execute(text("SHOW data_checksums")).scalar()
            report.checked.append(
                "the server verifies page checksums as it reads"
                if checksums == "on"
                else "the server keeps no page checksums (data_checksums is off): a damaged "
                "page may read without an error"
            )
            _check_indexes(conn, [n for n in names if n in present], report)
    except (OperationalError, DBAPIError) as err:
        raise translate(err, where) from err
    finally:
        engine.dispose()
    return report


def _check_indexes(conn: Connection, tables: list[str], report: CheckReport) -> None:
    has_amcheck = conn.execute(
        text("SELECT 1 FROM pg_extension WHERE extname = 'amcheck'")
    ).first()
    if has_amcheck is None:
        report.checked.append(
            "indexes not verified: the server lacks the amcheck extension "
            "(CREATE EXTENSION amcheck adds it)"
        )
        return
    indexes = conn.execute(
        text(
            "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "JOIN pg_class t ON t.oid = i.indrelid JOIN pg_am a ON a.oid = c.relam "
            "WHERE a.amname = 'btree' AND t.relname = ANY(:tables) "
            "AND pg_table_is_visible(t.oid)"
        ),
        {"tables": tables},
    ).scalars().all()
    for name in indexes:
        try:
            with conn.begin_nested():
                conn.execute(text("SELECT bt_index_check(CAST(:i AS regclass))"), {"i": name})
        except DBAPIError as err:
            if getattr(err.orig, "sqlstate", None) == "42501":  # insufficient privilege
                report.checked.append(
                    "indexes not verified: your role may not run amcheck's bt_index_check"
                )
                return
            report.problems.append(f"index {name}: {err.orig}")
    report.checked.append(f"{len(indexes)} indexes verified with amcheck's bt_index_check")
