from __future__ import annotations

import csv
import datetime as dt
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
CORPUS = SHARED / "corpus"


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Never touch the real user data folder from a test.
    monkeypatch.setenv("TIMELINE_EXPLORER_HOME", str(tmp_path_factory.mktemp("home")))


@pytest.fixture
def corpus() -> Path:
    if not (CORPUS / "manifest.csv").exists():
        pytest.skip("the shared corpus is not on this machine")
    return CORPUS


@pytest.fixture
def manifest_dates(corpus: Path) -> dict[str, dt.date]:
    with (corpus / "manifest.csv").open(newline="") as fh:
        return {r["file"]: dt.date.fromisoformat(r["published"]) for r in csv.DictReader(fh)}


# The shared-store tests run against a real PostgreSQL server named by this variable (an
# admin URL such as scripts/postgres.sh prints). In CI a missing server fails them; on a
# laptop without one they skip, saying how to run them.
PG_ENV = "TIMELINE_EXPLORER_TEST_PG"


def _pg_admin_url() -> str:
    url = os.environ.get(PG_ENV, "")
    if not url:
        message = f"{PG_ENV} is not set (bash scripts/postgres.sh starts a server and prints it)"
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL tests need a server in CI: {message}")
        pytest.skip(message)
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_target(request: pytest.FixtureRequest, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A new, empty store location on each backend: a file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield tmp_path / "test.sqlite"
        return
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin_url = _pg_admin_url()
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = f"explorer_test_{os.getpid()}_{abs(hash(request.node.nodeid)) % 10**9}"
    try:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as err:  # noqa: BLE001 - a missing server is the message, not a trace
        admin.dispose()
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL at {admin_url} is not usable: {err}")
        pytest.skip(f"PostgreSQL at {admin_url} is not usable: {err}")
    yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def store(db_target):  # type: ignore[no-untyped-def]
    from explorer.store.repo import Store

    s = Store(db_target)
    yield s
    s.close()


@pytest.fixture(autouse=True, scope="session")
def _one_qapplication(qapp):  # type: ignore[no-untyped-def]
    # The CLI's image export makes a QGuiApplication when none exists; in one test process
    # the widgets tests need it to be a QApplication, so pytest-qt makes it first.
    return qapp
