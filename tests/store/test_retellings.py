"""A sentence copied into a later article is one telling, dated as the original reads it.

A column run again by a second outlet a day later keeps the original's "today": read against
the copy's own date it names the next day, and the timeline would show one statement on two
days. The store files both under the original's reading, whatever the order of import, and
a copy whose original is replaced goes back to its own reading."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from explorer.cli import main as cli

# Our own sentences. The copy differs in house style only (its quotes and dashes).
_QUOTE = (
    'Today, with the harbour open again after six weeks of repairs, the fleet can return to '
    'its old routes," the port director of Lorvan said.'
)
_QUOTE_COPY = (
    "Today, with the harbour open again after six weeks of repairs, the fleet can return to "
    "its old routes,” the port director of Lorvan said."
)
_TEMPLATE = "Shares in Kessa closed higher today."  # recurs in every day's market report


def _write(folder: Path, name: str, published: str, body: str) -> Path:
    path = folder / name
    path.write_text(body, encoding="utf-8")
    with (folder / "manifest.csv").open("a", encoding="utf-8") as f:
        f.write(f"{name},{published}\n")
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    f = tmp_path / "articles"
    f.mkdir()
    (f / "manifest.csv").write_text("file,published\n", encoding="utf-8")
    return f


def _ingest(db: Path | str, folder: Path, files: list[Path]) -> None:
    args = ["ingest", *map(str, files), "--db", str(db), "--workers", "0"]
    assert cli([*args, "--manifest", str(folder / "manifest.csv")]) == 0


def _events(db: Path | str, out: Path) -> list[dict[str, object]]:
    assert cli(["export", "--db", str(db), "--format", "json", "--output", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    names = {d["id"]: Path(d["path"]).name for d in data["documents"]}
    events = []
    for e in data["events"]:
        files = sorted(names[s["document_id"]] for s in e["sources"])
        events.append({"start": e["start"], "title": e["title"], "files": files})
    return sorted(events, key=lambda e: (str(e["start"]), str(e["title"])))


def _harbour(events: list[dict[str, object]]) -> list[dict[str, object]]:
    return [e for e in events if "fleet" in str(e["title"]) or "harbour" in str(e["title"])]


def _articles(folder: Path) -> list[Path]:
    original = _write(
        folder, "original.txt", "2023-05-02",
        f"Lorvan port reopens\n\n{_QUOTE}\n\nThe repairs began on March 20, 2023.\n",
    )  # fmt: skip
    copy = _write(
        folder, "copy.txt", "2023-05-03",
        f"Lorvan's harbour back in business\n\n{_QUOTE_COPY}\n\n"
        "The repairs began on March 20, 2023.\n",
    )  # fmt: skip
    return [original, copy]


@pytest.mark.parametrize("order", ["original first", "copy first"])
def test_a_copy_is_dated_as_the_original_reads_it(
    order: str, folder: Path, db_target: Path | str, tmp_path: Path
) -> None:
    files = _articles(folder)
    if order == "copy first":
        files.reverse()
    _ingest(db_target, folder, files)
    harbour = _harbour(_events(db_target, tmp_path / "out.json"))
    assert harbour == [
        {"start": "2023-05-02", "title": harbour[0]["title"], "files": ["copy.txt", "original.txt"]}
    ]


def test_the_order_of_import_does_not_change_the_events(folder: Path, tmp_path: Path) -> None:
    files = _articles(folder)
    _ingest(tmp_path / "a.sqlite", folder, files)
    for f in reversed(files):  # one command each, copy first
        _ingest(tmp_path / "b.sqlite", folder, [f])
    assert _events(tmp_path / "a.sqlite", tmp_path / "a.json") == _events(
        tmp_path / "b.sqlite", tmp_path / "b.json"
    )


def test_a_copy_goes_back_to_its_own_reading_when_its_original_changes(
    folder: Path, db_target: Path | str, tmp_path: Path
) -> None:
    original, copy = _articles(folder)
    _ingest(db_target, folder, [original, copy])
    original.write_text("Lorvan port reopens\n\nThe repairs began on March 20, 2023.\n", "utf-8")
    _ingest(db_target, folder, [original])
    harbour = _harbour(_events(db_target, tmp_path / "after.json"))
    assert [(e["start"], e["files"]) for e in harbour] == [("2023-05-03", ["copy.txt"])]
    fresh = tmp_path / "fresh.sqlite"
    _ingest(fresh, folder, [original, copy])
    assert _events(db_target, tmp_path / "a.json") == _events(fresh, tmp_path / "b.json")


def test_a_short_sentence_of_every_day_is_not_a_copy(folder: Path, tmp_path: Path) -> None:
    files = [
        _write(folder, f"report{d}.txt", f"2023-05-0{d}", f"Market report\n\n{_TEMPLATE}\n")
        for d in (2, 3)
    ]
    _ingest(tmp_path / "s.sqlite", folder, files)
    days = [e["start"] for e in _events(tmp_path / "s.sqlite", tmp_path / "s.json")]
    assert days == ["2023-05-02", "2023-05-03"]


def test_copies_months_apart_are_two_tellings(folder: Path, tmp_path: Path) -> None:
    files = [
        _write(folder, "may.txt", "2023-05-02", f"Port news\n\n{_QUOTE}\n"),
        _write(folder, "august.txt", "2023-08-02", f"Port news\n\n{_QUOTE}\n"),
    ]
    _ingest(tmp_path / "m.sqlite", folder, files)
    harbour = _harbour(_events(tmp_path / "m.sqlite", tmp_path / "m.json"))
    assert [(e["start"], e["files"]) for e in harbour] == [
        ("2023-05-02", ["may.txt"]),
        ("2023-08-02", ["august.txt"]),
    ]
