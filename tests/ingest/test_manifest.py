"""Manifest rows match their files by path (absolute, or relative to the manifest) or by
name; rows that match no file are reported, not dropped without a word."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from explorer.cli import main

TEXT = "Talks\n\nThe delegations met on Tuesday in Vienna, officials said.\n"


def test_rows_match_by_full_path_relative_path_or_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus" / "sub"
    corpus.mkdir(parents=True)
    for name in ("a.txt", "b.txt", "c.txt"):
        (corpus / name).write_text(TEXT, encoding="utf-8")
    manifest = tmp_path / "corpus" / "manifest.csv"
    manifest.write_text(
        "file,published,title\n"
        f"{corpus / 'a.txt'},2019-03-04,Full path\n"
        "sub/b.txt,2019-03-05,Relative path\n"
        "c.txt,2019-03-06,Name only\n"
        "nowhere.txt,2019-03-07,No such file\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "t.sqlite")
    assert main(["ingest", str(corpus), "--manifest", str(manifest), "--db", db]) == 0
    err = capsys.readouterr().err
    assert "1 manifest row(s) name no file" in err and "nowhere.txt" in err
    assert main(["export", "--db", db, "--format", "json", "--output", str(tmp_path / "e.json")]) == 0
    docs = json.loads((tmp_path / "e.json").read_text(encoding="utf-8"))["documents"]
    got = {Path(d["path"]).name: (d["title"], d["published"]) for d in docs}
    assert got == {
        "a.txt": ("Full path", "2019-03-04"),
        "b.txt": ("Relative path", "2019-03-05"),
        "c.txt": ("Name only", "2019-03-06"),
    }
