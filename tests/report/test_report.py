"""Reports: every filtered event once with all its sources, escaped text, valid offline HTML."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import html5lib
import pytest

from explorer import pipeline
from explorer.cli import main
from explorer.model import DateSpan, Precision
from explorer.query.answer import find_events
from explorer.query.event_query import EventQuery
from explorer.report.content import human_date
from explorer.store.repo import Store

ARTICLES = {
    "a.txt": (
        "Port deal\n\nMarch 14, 2019\n\n"
        "Kenya and Uganda signed the port deal on 12 March in Mombasa.\n"
        # entities in the file: the passage itself reads "<script>… & …"
        "A form with &lt;script&gt;alert(1)&lt;/script&gt; &amp; more was found in 2001.\n"
    ),
    "b.txt": (
        "Port deal again\n\nMarch 15, 2019\n\n"
        "Kenya and Uganda signed the port deal on 12 March in Mombasa.\n"
        "Tanzania will join the corridor in 2020.\n"
    ),
}


@pytest.fixture
def store(tmp_path: Path) -> Store:
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    s = Store(tmp_path / "r.sqlite")
    assert pipeline.ingest([tmp_path / n for n in ARTICLES], s).ok
    return s


def _report(store: Store, tmp_path: Path, fmt: str, flt: EventQuery | None = None) -> str:
    out = tmp_path / f"report.{fmt}"
    assert pipeline.export_report(store, flt or EventQuery(), out, fmt, title="Ports & <Corridors>") is not None
    return out.read_text(encoding="utf-8") if fmt != "pdf" else ""


def test_every_event_once_with_all_its_sources(store: Store, tmp_path: Path) -> None:
    html = _report(store, tmp_path, "html")
    events = find_events(store, EventQuery())
    for e in events:
        assert html.count(f'id="e{e.id}"') == 1
        entry = html[html.index(f'id="e{e.id}"') :].split("</li>", 1)[0]
        assert entry.count("<blockquote>") == len(e.sources)
    deal = next(e for e in events if e.span.iso_start() == "2019-03-12")
    assert len(deal.sources) == 2  # one event, two sources (a.txt and b.txt)


def test_filters_narrow_the_report_as_they_narrow_the_window(store: Store, tmp_path: Path) -> None:
    everything = _report(store, tmp_path, "html")
    only = _report(store, tmp_path, "html", EventQuery(("Tanzania",)))
    assert everything.count('class="event"') == len(find_events(store, EventQuery()))
    assert only.count('class="event"') == len(find_events(store, EventQuery(("Tanzania",))))
    assert only.count('class="event"') == 1 and "Tanzania will join" in only
    assert "Events with Tanzania." in only


def test_passages_and_titles_are_text_never_markup(store: Store, tmp_path: Path) -> None:
    html = _report(store, tmp_path, "html")
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in html
    assert "Ports &amp; &lt;Corridors&gt;" in html
    md = _report(store, tmp_path, "md")
    assert "\\<script\\>" in md and "<script>" not in md


def test_the_html_is_valid_and_loads_nothing(store: Store, tmp_path: Path) -> None:
    html = _report(store, tmp_path, "html")
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    tree = parser.parse(html)  # raises on any parse error
    assert tree.find("body") is not None
    for tag in tree.iter():
        for attr in ("src", "href", "xlink:href", "{http://www.w3.org/1999/xlink}href"):
            value = tag.get(attr)
            assert not (value and re.match(r"(?:https?:)?//", value)), (tag.tag, value)
    assert "<script" not in html and "@import" not in html and "url(" not in html
    # the timeline's events link to their entries, and every entry links back
    links = set(re.findall(r'href="#(e-?\d+)"', html))
    assert links and all(f'id="{link}"' in html for link in links)
    assert html.count('href="#timeline"') == html.count('class="event"')


def test_marked_date_expression(store: Store, tmp_path: Path) -> None:
    html = _report(store, tmp_path, "html")
    assert "<mark>12 March</mark>" in html
    md = _report(store, tmp_path, "md")
    assert "**12 March**" in md and "- **12 March 2019**:" in md


def test_pdf_has_pages_and_cli(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.pdf"
    assert main(["report", "--db", str(store.path), "--format", "pdf", "--output", str(out)]) == 0
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page\b", data)) >= 2
    assert "wrote" in capsys.readouterr().out


def test_a_cancelled_report_leaves_no_file(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "cancelled.html"
    assert pipeline.export_report(store, None, out, "html", cancel=lambda: True) is None
    assert not out.exists() and not list(tmp_path.glob("*.part"))


@pytest.mark.parametrize(
    ("span", "text"),
    [
        (DateSpan.year(2001), "2001"),
        (DateSpan.month(2021, 11), "November 2021"),
        (DateSpan.day(dt.date(2021, 11, 23)), "23 November 2021"),
        (
            DateSpan.day(dt.date(2022, 2, 4)).to(DateSpan.day(dt.date(2022, 2, 20))),
            "4–20 February 2022",
        ),
        (DateSpan.year(2021).to(DateSpan.year(2025)), "2021–2025"),
    ],
)
def test_dates_are_written_at_their_precision(span: DateSpan, text: str) -> None:
    assert human_date(span) == text
    assert span.precision in Precision


def test_the_report_timeline_opens_where_the_window_opens(store: Store, tmp_path: Path) -> None:
    from explorer.query.sources import open_source
    from explorer.report.content import build_report
    from explorer.report.timeline_svg import figure
    from explorer.timeline.opening import open_timeline

    opening = open_timeline(open_source(store))
    report = build_report(store)
    data, view = figure(report)
    assert view == opening.view and data.key == opening.key_ids
    assert tuple(k.summary.id for k in opening.keys) == report.key_ids
    keyed = build_report(store, key=1)
    assert [e.id for e in keyed.entries] == [report.key_ids[0]] and keyed.entries[0].key
    # the report of the key events draws only them, on their span
    only, only_view = figure(keyed)
    assert set(only.by_id) == {report.key_ids[0]} and only.key == {report.key_ids[0]}
    assert only_view.t0 < only.ordered[0].start < only_view.t1
