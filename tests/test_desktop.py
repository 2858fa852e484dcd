"""``explorer install-desktop`` and ``explorer load-sample``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from explorer.cli import main
from explorer.desktop import install_desktop


def test_install_desktop_writes_entry_and_icon(tmp_path: Path) -> None:
    entry, icon = install_desktop(tmp_path)
    text = entry.read_text()
    assert entry == tmp_path / "applications" / "timeline-explorer.desktop"
    assert "Name=Timeline Explorer" in text and "Icon=timeline-explorer" in text
    assert "Exec=" in text and "Terminal=false" in text
    assert icon.read_bytes().startswith(b"\x89PNG")


def test_load_sample_fills_an_empty_database_and_never_a_used_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "t.sqlite")
    assert main(["load-sample", "--db", db]) == 0
    assert "imported 8 sample article(s)" in capsys.readouterr().out
    out = tmp_path / "e.json"
    assert main(["export", "--db", db, "--format", "json", "--output", str(out)]) == 0
    before = json.loads(out.read_text())
    assert main(["load-sample", "--db", db]) == 2
    assert "empty database only" in capsys.readouterr().err
    assert main(["export", "--db", db, "--format", "json", "--output", str(out)]) == 0
    assert json.loads(out.read_text()) == before
