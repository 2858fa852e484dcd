"""Write transactions that are safe with several writers on one store.

SQLite: BEGIN IMMEDIATE takes the write lock before the first read, so a writer never reads a
state another writer is about to change (which would fail its commit). PostgreSQL: a
transaction-level advisory lock makes saves and edits take turns, so the events one merges
into are the events the other committed. Either way a transient failure (a busy file, a
serialization failure, a deadlock the server broke) is retried."""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from sqlalchemy import Connection, Engine, text, update
from sqlalchemy.exc import DBAPIError

from explorer.store.schema import StoreStateRow

T = TypeVar("T")
# One key for every Timeline Explorer session on a PostgreSQL server: migrations (db.py),
# saves and edits take it, so concurrent writers merge events one at a time.
ADVISORY_KEY = 0x7E1EE001
ATTEMPTS = 6
_BUMP = update(StoreStateRow).where(StoreStateRow.id == 1).values(
    changes=StoreStateRow.changes + 1
)


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """One write transaction, serialized with every other writer of the store. Unless the
    body sets ``conn.info["unchanged"]``, it moves the store's change counter."""
    with engine.connect() as conn:
        conn.execution_options(immediate=True)
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": ADVISORY_KEY})
            yield conn
            if not conn.info.pop("unchanged", False):
                conn.execute(_BUMP)
        conn.info.pop("unchanged", None)


def transient(err: BaseException) -> bool:
    """A failure that the same transaction, run again, can get past."""
    if not isinstance(err, DBAPIError):
        cause = err.__cause__
        return cause is not None and cause is not err and transient(cause)
    code = getattr(err.orig, "sqlstate", None) or getattr(err.orig, "pgcode", None)
    if code in ("40001", "40P01", "55P03"):  # serialization failure, deadlock, lock timeout
        return True
    message = str(err.orig).lower()
    return "database is locked" in message or "database is busy" in message


def retrying(work: Callable[[], T]) -> T:
    for attempt in range(ATTEMPTS):
        try:
            return work()
        except Exception as err:
            if attempt == ATTEMPTS - 1 or not transient(err):
                raise
            time.sleep(0.05 * (2**attempt) * (0.5 + random.random()))
    raise AssertionError("unreachable")
