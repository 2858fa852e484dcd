"""Store addresses: files and PostgreSQL URLs; a password is used, never shown or kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from explorer.errors import StoreError
from explorer.store.location import locate
from explorer.store.repo import Store


def test_paths_and_urls() -> None:
    f = locate("/tmp/x/timeline.sqlite")
    assert f.is_sqlite and f.path == Path("/tmp/x/timeline.sqlite") and f.name == "timeline.sqlite"
    pg = locate("postgresql://ana:s3cret@db.example.org:5433/newsroom")
    assert not pg.is_sqlite
    assert pg.url.drivername == "postgresql+psycopg"  # the driver we ship
    assert pg.url.password == "s3cret"  # still used to connect
    assert "s3cret" not in pg.display and "s3cret" not in pg.saved and "***" not in pg.saved
    assert pg.saved == "postgresql+psycopg://ana@db.example.org:5433/newsroom"
    assert pg.name == "newsroom on db.example.org"
    with pytest.raises(StoreError, match="SQLite files or PostgreSQL"):
        locate("mysql://ana@host/db")
    with pytest.raises(StoreError, match="names no database"):
        locate("postgresql://ana@host")


def test_unreachable_server_is_a_clear_error_without_the_password() -> None:
    with pytest.raises(StoreError, match="cannot reach the database server") as err:
        Store("postgresql+psycopg://ana:s3cret@127.0.0.1:9/newsroom")
    assert "s3cret" not in str(err.value)


def test_recent_databases_never_keep_a_password(tmp_path: Path) -> None:
    from explorer.ui.main_window import recent_databases, remember_database

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    remember_database(settings, locate(tmp_path / "a.sqlite"))
    remember_database(settings, locate("postgresql://ana:s3cret@db/newsroom"))
    remember_database(settings, locate(tmp_path / "a.sqlite"))
    settings.sync()
    assert recent_databases(settings) == [
        str(tmp_path / "a.sqlite"),
        "postgresql+psycopg://ana@db/newsroom",
    ]
    assert "s3cret" not in (tmp_path / "s.ini").read_text()


def test_a_newer_schema_is_refused_and_left_alone(db_target: Path | str) -> None:
    from sqlalchemy import text

    Store(db_target).close()
    s = Store(db_target)
    with s.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    s.close()
    with pytest.raises(StoreError, match="newer Timeline Explorer"):
        Store(db_target)
    from sqlalchemy import create_engine

    from explorer.store.location import locate as loc

    engine = create_engine(loc(db_target).url)  # the data is still there, untouched
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0099"
    engine.dispose()
