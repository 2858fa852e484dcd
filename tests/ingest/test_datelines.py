"""Agency datelines are found wherever they are written (a file may hold many articles), so
their dates date the article and never become events; brackets and dashes in prose are not
datelines."""

from __future__ import annotations

import pytest

from explorer.ingest.byline import datelines


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        (
            "ZURICH | Thu Apr 30, 2009 6:12 am EDT ZURICH (Reuters) - A drugmaker said on Thursday",
            "ZURICH | Thu Apr 30, 2009 6:12 am EDT ZURICH (Reuters) -",
        ),
        (
            "The story ends. WASHINGTON, August 8 (Xinhua) -- Talks began",
            "WASHINGTON, August 8 (Xinhua) --",
        ),
        ("MOSCOW (AP) — Officials said on Monday", "MOSCOW (AP) —"),
        ("Headline\nLONDON, March 3 (Reuters) - Shares fell", "LONDON, March 3 (Reuters) -"),
    ],
)
def test_datelines_are_found(text: str, dateline: str) -> None:
    assert [text[a:b] for a, b in datelines(text)] == [dateline]


@pytest.mark.parametrize(
    "text",
    [
        "The alliance (NATO) - which met on Monday - agreed.",
        "Prices rose in March (Reuters data showed) - a record.",
        "",
    ],
)
def test_prose_is_not_a_dateline(text: str) -> None:
    assert datelines(text) == []


def test_a_dateline_is_not_an_event_and_not_in_the_title(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from explorer import pipeline
    from explorer.query.answer import find_events
    from explorer.query.event_query import EventQuery
    from explorer.store.repo import Store

    text = (
        "Drugmaker to use bird flu data\n\n"
        "ZURICH | Thu Apr 30, 2009 6:12 am EDT ZURICH (Reuters) - Swiss drugmaker Novartis "
        "will use data from a study to help develop a vaccine, it said on Thursday.\n"
        "LONDON, May 4 (Reuters) - Regulators approved the trial on May 1, a spokesman said.\n"
    )
    path = tmp_path / "wire.txt"
    path.write_text(text, encoding="utf-8")
    store = Store(tmp_path / "t.sqlite")
    pipeline.ingest([path], store, published=dt.date(2009, 4, 30))
    events = find_events(store, EventQuery())
    told = {e.span.iso_start(): e.title for e in events}
    assert set(told) == {"2009-04-30", "2009-05-01"}  # "Thursday" and "May 1"; no dateline
    assert told["2009-04-30"].startswith("Swiss drugmaker Novartis")
    assert all("ZURICH" not in t and "Reuters" not in t for t in told.values())
    # Each date is told by its own sentence, not by a dateline's.
    assert all(len(e.sources) == 1 for e in events)
