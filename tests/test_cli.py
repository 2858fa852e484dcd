"""The command line contracts scripts rely on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from explorer.cli import main

ARTICLE = (
    "# Grain corridor talks\n\nBy Ana Lima\n\nJanuary 12, 2023\n\n"
    "Ministers **agreed** on a grain corridor on Tuesday in Istanbul, and Turkey will host "
    "follow-up talks in March. The first deal was reached in 2022 by Ukraine and Russia.\n"
)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    p = tmp_path / "story.md"
    p.write_text(ARTICLE, encoding="utf-8")
    return p


def test_dates_json_contract(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dates", str(article), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    text = article.read_text(encoding="utf-8")
    for r in rows:
        assert set(r) == {"span", "text", "start", "end", "precision"}
        assert text[r["span"][0] : r["span"][1]] == r["text"]
    by_text = {r["text"]: r for r in rows}
    assert by_text["Tuesday"]["start"] == "2023-01-10" and by_text["Tuesday"]["end"] is None
    assert by_text["2022"] == {
        "span": by_text["2022"]["span"],
        "text": "2022",
        "start": "2022",
        "end": None,
        "precision": "year",
    }
    assert by_text["March"]["start"] == "2023-03"


def test_dates_with_published_override(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dates", str(article), "--published", "2023-02-01", "--json"]) == 0
    rows = {r["text"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["Tuesday"]["start"] == "2023-01-31"


def test_ingest_events_export(
    tmp_path: Path, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "t.sqlite"
    assert main(["ingest", str(article), "--db", str(db)]) == 0
    assert "imported 1" in capsys.readouterr().out
    out = tmp_path / "out.json"
    assert (
        main(
            [
                "export",
                "--db",
                str(db),
                "--format",
                "json",
                "--output",
                str(out),
                "--actor",
                "Turkey",
            ]
        )
        == 0
    )
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {"documents", "events"} <= set(data)
    assert set(data["documents"][0]) >= {"id", "path", "title", "published", "sha256"}
    assert data["documents"][0]["published"] == "2023-01-12"
    ev = data["events"]
    assert ev and all("Turkey" in e["actors"] for e in ev)
    for e in ev:
        assert set(e) >= {"id", "title", "start", "end", "precision", "actors", "sources"}
        for s in e["sources"]:
            assert set(s) >= {"document_id", "start", "end", "text", "expression"}
    csv_out = tmp_path / "out.csv"
    assert (
        main(
            [
                "export",
                "--db",
                str(db),
                "--format",
                "csv",
                "--output",
                str(csv_out),
                "--from",
                "2022",
                "--to",
                "2022",
            ]
        )
        == 0
    )
    lines = csv_out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("id,start,end") and len(lines) == 2 and ",2022," in lines[1]


def test_ingest_reports_failures_with_exit_code(
    tmp_path: Path, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    code = main(["ingest", str(article), str(empty), "--db", str(tmp_path / "t.sqlite")])
    captured = capsys.readouterr()
    assert code == 1
    assert "imported 1" in captured.out and "empty" in captured.err


def test_missing_path_and_corrupt_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", str(tmp_path / "nope.txt"), "--db", str(tmp_path / "t.sqlite")]) == 2
    assert "No such file" in capsys.readouterr().err
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"garbage" * 300)
    assert main(["events", "--db", str(bad)]) == 2
    assert "damaged" in capsys.readouterr().err


def test_set_date_re_resolves(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "undated.txt"
    p.write_text("Talks were held on Tuesday in Vienna between the two delegations.\n")
    db = str(tmp_path / "t.sqlite")
    assert main(["ingest", str(p), "--db", db]) == 0
    assert "no publication date" in capsys.readouterr().out
    assert main(["set-date", "1", "2023-01-12", "--db", db]) == 0
    assert main(["events", "--db", db, "--json"]) == 0
    out = capsys.readouterr().out
    data = json.loads(out[out.index("{") :])
    assert [e["start"] for e in data["events"]] == ["2023-01-10"]


@pytest.mark.parametrize(("fmt", "magic"), [("png", b"\x89PNG"), ("svg", b"<?xml"), ("pdf", b"%PDF")])
def test_image_export_without_a_display(tmp_path: Path, article: Path, fmt: str, magic: bytes,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "t.sqlite")
    assert main(["ingest", str(article), "--db", db]) == 0
    out = tmp_path / f"timeline.{fmt}"
    assert main(["export", "--db", db, "--format", fmt, "--output", str(out), "--width", "800",
                 "--height", "400", "--actor", "turkey"]) == 0
    assert out.read_bytes().startswith(magic)
    assert "wrote 2 event(s)" in capsys.readouterr().out


LEADERS = (
    "Summit notes\n\nMarch 9, 2023\n\n"
    "Vladimir Putin met Foreign Minister Sergei Lavrov on Monday in Moscow. "
    "NATO ministers gathered in Brussels on 14 February 2023.\n"
)


def _leaders_db(tmp_path: Path) -> str:
    p = tmp_path / "leaders.txt"
    p.write_text(LEADERS, encoding="utf-8")
    db = str(tmp_path / "t.sqlite")
    assert main(["ingest", str(p), "--db", db]) == 0
    return db


def _event_actors(out: str) -> list[list[str]]:
    return [e["actors"] for e in json.loads(out[out.index("{") :])["events"]]


@pytest.mark.parametrize("typed", ["Putin", "putin", "Vladimir Putin", "Lavrov", "nato"])
def test_actor_filter_takes_aliases_case_and_surnames(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], typed: str
) -> None:
    db = _leaders_db(tmp_path)
    capsys.readouterr()
    assert main(["events", "--db", db, "--actor", typed, "--json"]) == 0
    found = _event_actors(capsys.readouterr().out)
    wanted = {"putin": "Vladimir Putin", "lavrov": "Sergei Lavrov", "nato": "NATO"}[
        typed.split()[-1].lower()
    ]
    assert found and all(wanted in actors for actors in found)


def test_unknown_actor_says_so_with_the_closest_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _leaders_db(tmp_path)
    capsys.readouterr()
    assert main(["events", "--db", db, "--actor", "Putn"]) == 2
    err = capsys.readouterr().err
    assert "No actor named 'Putn'" in err and "Vladimir Putin" in err
    out = tmp_path / "x.json"
    assert main(["export", "--db", db, "--format", "json", "--output", str(out),
                 "--actor", "Nobody Atall"]) == 2  # fmt: skip
    assert "No actor named 'Nobody Atall'" in capsys.readouterr().err
    assert not out.exists()


def test_a_closed_pipe_ends_the_command_quietly(tmp_path: Path) -> None:
    # Far more than a pipe buffer of event lines, so the command is still writing when the
    # reader stops after one line, as `explorer events | head -1` does.
    lines = [
        f"Delegates met in Geneva on {d} {m} {y} to discuss item {n}."
        for n, (d, m, y) in enumerate(
            (d, m, y) for y in range(1990, 2000) for m in ("March", "June") for d in range(1, 29)
        )
    ]
    p = tmp_path / "many.txt"
    p.write_text("Minutes\n\nJanuary 2, 2001\n\n" + " ".join(lines) + "\n", encoding="utf-8")
    db = str(tmp_path / "t.sqlite")
    assert main(["ingest", str(p), "--db", db]) == 0
    proc = subprocess.Popen(
        [sys.executable, "-m", "explorer", "events", "--db", db],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    code = proc.wait(timeout=60)
    assert first.strip()
    assert "Traceback" not in err and "BrokenPipe" not in err, err
    assert code == 141


def test_actors_json_contract(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "story.md"
    p.write_text(
        "# Rail link\n\nMarch 3, 2021\n\n**Kenyan police** met Foreign Minister Amina Odhiambo "
        "of the Transport Authority on Tuesday. Odhiambo said Uganda agreed.\n",
        encoding="utf-8",
    )
    assert main(["actors", str(p), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    text = p.read_text(encoding="utf-8")
    for r in rows:
        assert set(r) == {"span", "text", "actor", "kind"}
        assert text[r["span"][0] : r["span"][1]] == r["text"]  # offsets into the file as written
    got = {(r["text"], r["actor"], r["kind"]) for r in rows}
    assert got == {
        ("Kenyan", "Kenya", "country"),
        ("Amina Odhiambo", "Amina Odhiambo", "person"),
        ("Transport Authority", "Transport Authority", "organisation"),
        ("Odhiambo", "Amina Odhiambo", "person"),
        ("Uganda", "Uganda", "country"),
    }


def test_dates_leave_out_words_with_no_calendar_value(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    p = tmp_path / "vague.txt"
    p.write_text("Prices are high now and fell recently; talks resume on 3 May.\n")
    assert main(["dates", str(p), "--published", "2023-04-20", "--json"]) == 0
    assert [r["text"] for r in json.loads(capsys.readouterr().out)] == ["3 May"]
    assert main(["dates", str(p), "--published", "2023-04-20", "--json", "--references"]) == 0
    rows = {r["text"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["now"]["start"] is None and rows["now"]["precision"] == "present"
    assert rows["recently"]["precision"] == "past"


def test_actors_of_a_store_with_kinds_aliases_and_counts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "s.sqlite")
    assert main(["load-sample", "--db", db]) == 0
    assert main(["export", "--db", db, "--format", "json", "--output", str(tmp_path / "e.json")]) == 0
    events = json.loads((tmp_path / "e.json").read_text(encoding="utf-8"))["events"]
    capsys.readouterr()
    assert main(["actors", "--db", db, "--json"]) == 0
    rows = {r["actor"]: r for r in json.loads(capsys.readouterr().out)}
    putin = rows["Vladimir Putin"]
    assert putin["kind"] == "person" and "Putin" in putin["aliases"]
    assert putin["events"] == sum("Vladimir Putin" in e["actors"] for e in events)
    assert main(["actors", "--db", db, "--kind", "country", "--json"]) == 0
    countries = json.loads(capsys.readouterr().out)
    assert countries and {r["kind"] for r in countries} == {"country"}


def test_report_of_the_key_events_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from explorer.query.event_query import EventQuery
    from explorer.query.key import find_key_events
    from explorer.store.repo import Store

    db = tmp_path / "sample.sqlite"
    assert main(["load-sample", "--db", str(db)]) == 0
    html, md = tmp_path / "key.html", tmp_path / "key.md"
    base = ["report", "--db", str(db), "--key", "3", "--output"]
    assert main([*base, str(html), "--format", "html"]) == 0
    assert main([*base, str(md), "--format", "md"]) == 0
    assert capsys.readouterr().out.count("wrote 3 event(s)") == 2
    page = html.read_text(encoding="utf-8")
    assert page.count('class="event"') == 3
    store = Store(db)
    keys = find_key_events(store, EventQuery(), 3)
    store.close()
    assert all(f'id="e{k.summary.id}"' in page for k in keys)
    assert page.count("Key event</span>") == 3 and "The 3 key events" in page
    lines = [line for line in md.read_text(encoding="utf-8").splitlines() if line.startswith("- **")]
    assert len(lines) == 3 and all("key event" in line for line in lines)
    # Without --key: every event, the key ones marked, none of the others.
    everything = tmp_path / "all.html"
    assert main(["report", "--db", str(db), "--format", "html", "--output", str(everything)]) == 0
    page = everything.read_text(encoding="utf-8")
    assert page.count('class="event"') > 10 and page.count("Key event</span>") == 10
