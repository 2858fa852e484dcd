"""The few statements that SQLite and PostgreSQL spell differently."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection
from sqlalchemy.dialects import postgresql, sqlite


class insert_ignoring:  # noqa: N801 - used like the insert() it stands for
    """INSERT that skips rows a unique key already holds, built once for each backend
    (building a statement per call costs more than running it)."""

    def __init__(self, table: Any) -> None:
        self._by_dialect = {
            "sqlite": sqlite.insert(table).on_conflict_do_nothing(),
            "postgresql": postgresql.insert(table).on_conflict_do_nothing(),
        }

    def on(self, conn: Connection) -> Any:
        return self._by_dialect[conn.dialect.name]
