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


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    from explorer.store.repo import Store

    s = Store(tmp_path / "test.sqlite")
    yield s
    s.close()


@pytest.fixture(autouse=True, scope="session")
def _one_qapplication(qapp):  # type: ignore[no-untyped-def]
    # The CLI's image export makes a QGuiApplication when none exists; in one test process
    # the widgets tests need it to be a QApplication, so pytest-qt makes it first.
    return qapp
