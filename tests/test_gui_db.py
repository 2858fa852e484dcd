"""`explorer gui --db PATH` on a path that is not a store says so and makes nothing; on a
store it opens the window on it."""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer.cli import main


def test_a_missing_database_is_not_made(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    opened: list[str | None] = []
    missing = tmp_path / "typo.sqlite"
    assert main(["gui", "--db", str(missing)], opened.append) == 2  # type: ignore[arg-type]
    assert not opened and not missing.exists()
    assert "no such database" in capsys.readouterr().err


def test_a_store_opens(tmp_path: Path) -> None:
    db = tmp_path / "t.sqlite"
    assert main(["load-sample", "--db", str(db)]) == 0
    opened: list[str | None] = []

    def window(target: str | None) -> int:
        opened.append(target)
        return 0

    assert main(["gui", "--db", str(db)], window) == 0
    assert opened[0] == str(db)
