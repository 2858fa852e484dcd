"""CSV and JSON Lines tables of articles: columns found by name or named by the user, one
article per row, rows without text reported, a broken quote stops the table at its row."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from explorer.errors import InputError
from explorer.export.tables import events_json
from explorer.ingest.formats.base import ReadOptions
from explorer.ingest.readers import expand_paths
from explorer.store.repo import Store
from tests.ingest.formats.conftest import events_of, ingest
from tests.ingest.formats.makers import ARTICLES, write_csv, write_jsonl

HEADER = ["Headline", "Publish Date", "Body Text", "Source", "Link", "Byline"]


def _rows() -> list[list[str]]:
    return [
        [a.headline, a.published.isoformat(), a.body, "Velm Courier",
         f"https://courier.example.org/{n}", a.byline.removeprefix("By ")]
        for n, a in enumerate(ARTICLES)
    ]


def test_csv_with_unusual_column_names(tmp_path: Path, sqlite_store: Store) -> None:
    table = write_csv(tmp_path / "export.csv", HEADER, _rows())
    report = ingest(sqlite_store, table)
    assert report.ok and len(report.imported) == 3, report
    docs = [sqlite_store.document(d.id) for d in sqlite_store.documents()]
    assert [(d.title, d.published, d.published_source, d.outlet, d.author) for d in docs] == [
        (a.headline, a.published, "file", "Velm Courier", a.byline.removeprefix("By "))
        for a in ARTICLES
    ]
    assert [d.location for d in docs] == ["row 1", "row 2", "row 3"]
    assert docs[1].url == "https://courier.example.org/1"
    exported = events_json([], sqlite_store.documents())["documents"]
    assert [(d["location"], d["url"]) for d in exported][1] == (  # type: ignore[index]
        "row 2", "https://courier.example.org/1"
    )
    # "on July 1" is read against the row's date
    assert {"2021-03-02", "2021-07-01", "2022-03-09"} <= {e[0] for e in events_of(sqlite_store)}


def test_columns_named_by_the_user(tmp_path: Path, sqlite_store: Store) -> None:
    table = write_csv(
        tmp_path / "odd.csv",
        ["hed", "when", "copy"],
        [[a.headline, a.published.strftime("%d/%m/%Y"), a.body] for a in ARTICLES],
        delimiter=";",
    )
    with pytest.raises(InputError, match="--columns text=COLUMN"):
        list(__import__("explorer.ingest.readers", fromlist=["pieces"]).pieces(table, ReadOptions()))
    options = ReadOptions({"text": "copy", "date": "when", "title": "hed"})
    report = ingest(sqlite_store, table, options=options)
    assert report.ok and len(report.imported) == 3
    docs = [sqlite_store.document(d.id) for d in sqlite_store.documents()]
    assert [d.published for d in docs] == [a.published for a in ARTICLES]


def test_columns_a_table_lacks(tmp_path: Path, sqlite_store: Store) -> None:
    """One import, tables of two shapes: --columns names one's columns; the other, whose
    columns have the usual names, is read by them; a table with neither is refused, naming
    the column it lacks."""
    usual = write_csv(tmp_path / "usual.csv", HEADER, _rows())
    odd = write_csv(tmp_path / "odd.csv", ["hed", "copy"], [[a.headline, a.body] for a in ARTICLES])
    other = write_csv(tmp_path / "other.csv", ["kop", "tekst"], [["Velm", "The board met."]])
    report = ingest(sqlite_store, usual, odd, other, options=ReadOptions({"text": "copy"}))
    assert len(report.imported) == 6
    (failed,) = report.failed
    assert failed[0] == str(other)
    assert "--columns names 'copy' for text, but the table has no such column" in failed[1]
    assert "kop, tekst" in failed[1]


def test_a_row_without_text_is_reported_and_skipped(tmp_path: Path, sqlite_store: Store) -> None:
    rows = _rows()
    rows[1][2] = "   "
    rows_file = write_csv(tmp_path / "gap.csv", HEADER, rows)
    report = ingest(sqlite_store, rows_file)
    assert len(report.imported) == 2
    (failed,) = report.failed
    assert failed[1] == f"{rows_file}, row 2: no text in this row."


def test_a_broken_quote_stops_the_table_at_its_row(tmp_path: Path, sqlite_store: Store) -> None:
    # Rows with no date in them: the test is about reading the table, and stays quick.
    good = "\n".join(f'"Note {n}","2021-03-01","The board took note {n}."' for n in range(1, 5000))
    broken = '"Note 5000","2021-03-03","The chair said "no" and left'
    after = '\n"Note 5001","2021-03-04","The board met again on 5 March."\n'
    path = tmp_path / "broken.csv"
    path.write_text("title,date,text\n" + good + "\n" + broken + after, encoding="utf-8")
    report = ingest(sqlite_store, path)
    assert len(report.imported) == 4999
    (failed,) = report.failed
    assert failed[0] == str(path)
    assert "row 5,000" in failed[1] and "rows before it were read" in failed[1]


def test_jsonl_with_nested_and_odd_fields(tmp_path: Path, sqlite_store: Store) -> None:
    rows: list[dict[str, object]] = [
        {"uid": f"doc-{n}", "headline": a.headline, "published_at": f"{a.published}T06:00:00Z",
         "content": a.body, "source": {"name": "Kessa Wire"}, "authors": ["Oren Task"]}
        for n, a in enumerate(ARTICLES)
    ]
    path = write_jsonl(tmp_path / "wire.jsonl", rows)
    with path.open("a") as fh:
        fh.write('{"uid": "doc-9", "headline": "cut off\n')
    report = ingest(sqlite_store, path)
    assert len(report.imported) == 3
    assert report.failed == [(f"{path}#row:4", f"{path}, line 4: not a JSON object (a broken line).")]
    docs = [sqlite_store.document(d.id) for d in sqlite_store.documents()]
    assert [(d.outlet, d.author, d.published) for d in docs] == [
        ("Kessa Wire", "Oren Task", a.published) for a in ARTICLES
    ]
    assert docs[0].path.endswith("wire.jsonl#id:doc-0")


def test_a_changed_row_is_replaced_and_the_rest_left(tmp_path: Path, sqlite_store: Store) -> None:
    rows = [
        {"id": n, "title": a.headline, "date": str(a.published), "text": a.body}
        for n, a in enumerate(ARTICLES)
    ]
    path = write_jsonl(tmp_path / "t.jsonl", rows)
    ingest(sqlite_store, path)
    rows[2]["text"] = str(rows[2]["text"]) + " The review was later moved to 2024."
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    report = ingest(sqlite_store, path)
    assert (len(report.unchanged), len(report.replaced), report.imported) == (2, 1, [])
    assert "2024" in {e[0] for e in events_of(sqlite_store)}


def test_a_manifest_in_a_folder_is_no_table_of_articles(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Velm, March 3, 2021. The board met on Monday.")
    write_csv(tmp_path / "manifest.csv", ["file", "published"], [["a.txt", "2021-03-03"]])
    table = write_csv(tmp_path / "export.csv", HEADER, _rows())
    assert expand_paths([tmp_path]) == [tmp_path / "a.txt", table]


def test_dates_in_the_forms_tables_write_them() -> None:
    from explorer.ingest.formats.base import parse_date

    assert parse_date("2021-11-23T08:00:00+03:00") == dt.date(2021, 11, 23)
    assert parse_date("Tue, 23 Nov 2021 08:00:00 GMT") == dt.date(2021, 11, 23)
    assert parse_date("23/11/2021") == dt.date(2021, 11, 23)
    assert parse_date("November 23, 2021") == dt.date(2021, 11, 23)
    assert parse_date("last week") is None and parse_date("") is None


def test_a_report_cites_the_row_and_its_url(tmp_path: Path, sqlite_store: Store) -> None:
    from explorer.query.event_query import EventQuery
    from explorer.report.content import build_report

    ingest(sqlite_store, write_csv(tmp_path / "export.csv", HEADER, _rows()))
    report = build_report(sqlite_store, EventQuery(), title="Velm")
    places = {s.where() for e in report.entries for s in e.sources}
    assert f"{(tmp_path / 'export.csv').resolve()}, row 2 · https://courier.example.org/1" in places


def test_dates_on_a_table_reads_its_first_row_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from explorer.cli import main

    table = write_csv(tmp_path / "export.csv", HEADER, _rows())
    assert main(["dates", str(table), "--json"]) == 0
    out = capsys.readouterr()
    found = json.loads(out.out)
    assert {d["text"] for d in found} >= {"March 2", "2014"}  # the first article's
    assert "holds several articles; this is its first (row 1)" in out.err
