"""The events of a set of articles do not depend on how they were imported: in which order, in
one command or in three, or by two processes at once. The JSON export is the same apart from
ids, on SQLite and on PostgreSQL.

The articles tell each story three ways, so that mention A links to B and B to C while A and C
alone would not: merging that looks only at an event's first mention gives one event or two
depending on which arrived first."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from explorer.cli import main as cli

_PEOPLE = ["Ana Duarte", "Ben Okafor", "Chen Wei", "Dina Haddad", "Erik Lund", "Farah Khan"]
_CITIES = ["Lisbon", "Nairobi", "Hanoi", "Quito", "Oslo", "Accra", "Lima", "Riga", "Dakar", "Pune"]
_THINGS = ["a grain corridor", "a fishing accord", "a rail link", "a power line", "a dam treaty"]
_MONTHS = ["January", "March", "May", "July", "September", "November"]


def _sentences(story: int) -> list[str]:
    a, b = _PEOPLE[story % 6], _PEOPLE[(story + 2) % 6]
    city, thing = _CITIES[story], _THINGS[story % 5]
    day = f"{_MONTHS[story % 6]} {story + 3}, 2022"
    return [
        f"{a} and {b} signed {thing} in {city} on {day}.",
        f"{a} and {b} signed {thing} in {city} on {day}, ending two years of talks over its cost.",
        f"Ending two years of talks over its cost, {thing} was signed on {day}.",
    ]


def _article(story: int, telling: int) -> str:
    city = _CITIES[story]
    lines = [
        f"News from {city}",
        f"{_MONTHS[(story + telling) % 6]} {telling + 10}, 2023",
        _sentences(story)[telling],
        f"Talks on the project first opened in {2010 + story % 3}.",
        f"{_PEOPLE[(story + telling) % 6]} will visit {city} again on March {story + 1}, 2024.",
    ]
    return "\n\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("articles")
    out = []
    for story in range(10):
        for telling in range(3):
            path = folder / f"story{story:02d}-{telling}.txt"
            path.write_text(_article(story, telling), encoding="utf-8")
            out.append(path)
    return out


def _export(target: Path | str, out: Path) -> list[str]:
    assert cli(["export", "--db", str(target), "--format", "json", "--output", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    names = {d["id"]: Path(d["path"]).name for d in data["documents"]}
    events = []
    for e in data["events"]:
        sources = sorted(
            json.dumps({**s, "document_id": names[s["document_id"]]}, sort_keys=True)
            for s in e["sources"]
        )
        events.append(json.dumps({**e, "id": None, "sources": sources}, sort_keys=True))
    return sorted(events)


def _ingest(target: Path | str, files: list[Path]) -> None:
    assert cli(["ingest", *map(str, files), "--db", str(target), "--workers", "0"]) == 0


@pytest.fixture(scope="module")
def expected(articles: list[Path], tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("reference")
    _ingest(folder / "one.sqlite", articles)
    events = _export(folder / "one.sqlite", folder / "one.json")
    told = [json.loads(e) for e in events]
    # The stories were told three ways and must have come together: each signing is one
    # event with its three sources.
    signings = _signings(told)
    assert len(signings) == 10
    assert all(len(e["sources"]) == 3 for e in signings)
    return events


def _orders(articles: list[Path]) -> dict[str, list[Path]]:
    shuffled = list(articles)
    random.Random(7).shuffle(shuffled)
    return {
        "reversed": articles[::-1],
        "shuffled": shuffled,
        "interleaved": articles[1::2] + articles[::2],
    }


@pytest.mark.parametrize("order", ["reversed", "shuffled", "interleaved"])
def test_one_command_any_order(
    order: str, articles: list[Path], expected: list[str], db_target: Path | str, tmp_path: Path
) -> None:
    _ingest(db_target, _orders(articles)[order])
    assert _export(db_target, tmp_path / "out.json") == expected


def test_three_commands(
    articles: list[Path], expected: list[str], db_target: Path | str, tmp_path: Path
) -> None:
    files = _orders(articles)["shuffled"]
    for part in (files[:10], files[10:20], files[20:]):
        _ingest(db_target, part)
    assert _export(db_target, tmp_path / "out.json") == expected


def test_two_processes_at_once(
    articles: list[Path], expected: list[str], db_target: Path | str, tmp_path: Path
) -> None:
    files = _orders(articles)["interleaved"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "explorer", "ingest", *map(str, half), "--db", str(db_target)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for half in (files[:15], files[15:])
    ]
    for p in procs:
        _out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    assert _export(db_target, tmp_path / "out.json") == expected


def test_replacing_the_mention_that_joined_two_splits_them(
    articles: list[Path], db_target: Path | str, tmp_path: Path
) -> None:
    """The middle telling links the other two; when its file changes to say something else,
    the store holds what a fresh import of the files as they are now would."""
    folder = tmp_path / "now"
    folder.mkdir()
    files = []
    for path in articles[:6]:
        files.append(folder / path.name)
        files[-1].write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    _ingest(db_target, files)
    before = [json.loads(e) for e in _export(db_target, tmp_path / "before.json")]
    assert [len(e["sources"]) for e in _signings(before)] == [3, 3]
    bridge = folder / "story00-1.txt"
    bridge.write_text("Nothing new\n\nThe works were inspected on May 2, 2023.\n", "utf-8")
    _ingest(db_target, [bridge])
    fresh = tmp_path / "fresh.sqlite"
    _ingest(fresh, files)
    after = _export(db_target, tmp_path / "after.json")
    assert after == _export(fresh, tmp_path / "fresh.json")
    # Story 0's first and last tellings are apart again; story 1 is still told three ways.
    assert sorted(len(e["sources"]) for e in _signings([json.loads(e) for e in after])) == [1, 1, 3]


def _signings(events: list[dict[str, object]]) -> list[dict[str, object]]:
    return [e for e in events if e["precision"] == "day" and str(e["start"]).startswith("2022")]
