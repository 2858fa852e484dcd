"""Alembic migrations: a database made by an older version opens and is brought up to date."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine

from explorer.store import db
from explorer.store.repo import Store


def test_0002_backfills_merge_text(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        cfg = Config()
        cfg.set_main_option("script_location", str(db._MIGRATIONS))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    engine.dispose()
    raw = sqlite3.connect(path)
    raw.executescript(
        """
        INSERT INTO documents VALUES (1, 'a.txt', 'x', 'text', NULL, NULL, NULL, '2023-01-12',
            'user', 'Talks Opened On Tuesday.', 'Talks Opened On Tuesday.', x'', '2023-01-12');
        INSERT INTO passages VALUES (1, 1, 0, 0, 24, 0, 24, 'Talks Opened On Tuesday.');
        INSERT INTO time_expressions VALUES (1, 1, 1, 16, 23, 16, 23, 'Tuesday', 'relative', 1,
            '2023-01-10', '2023-01-10', 'day', NULL);
        INSERT INTO events VALUES (1, 'Talks opened', '2023-01-10', '2023-01-10', 'day');
        INSERT INTO event_sources VALUES (1, 1, 1);
        """
    )
    raw.commit()
    raw.close()
    Store(path).close()
    raw = sqlite3.connect(path)
    assert raw.execute("SELECT merge_text FROM events").fetchone() == ("talks opened on tuesday.",)
    from alembic.script import ScriptDirectory

    head = ScriptDirectory(str(db._MIGRATIONS)).get_current_head()
    assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == (head,)
    raw.close()


def test_head_revision_constant_is_alembics_head() -> None:
    # The store skips Alembic for a database at HEAD_REVISION: a new migration must move it.
    from alembic.script import ScriptDirectory

    assert ScriptDirectory(str(db._MIGRATIONS)).get_current_head() == db.HEAD_REVISION
