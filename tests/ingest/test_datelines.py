"""Agency datelines are found wherever they are written (a file may hold many articles), so
their dates date the article and never become events; brackets and dashes in prose are not
datelines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from explorer.ingest.byline import datelines
from tests.story import events_of


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        (
            "BERGEN | Fri Mar 5, 2010 9:40 am CET BERGEN (Reuters) - A shipyard said on Friday",
            "BERGEN | Fri Mar 5, 2010 9:40 am CET BERGEN (Reuters) -",
        ),
        (
            "The story ends. QUITO, August 8 (Xinhua) -- Talks began",
            "QUITO, August 8 (Xinhua) --",
        ),
        ("MOSCOW (AP) — Officials said on Monday", "MOSCOW (AP) —"),
        # a blog post's stamp: its author and when it was posted
        (
            "Dam blog\nMara Lind | 09:40 UK time , Tuesday , 3 March 2015 The dam held again.",
            "Mara Lind | 09:40 UK time , Tuesday , 3 March 2015",
        ),
        ("Headline\nLONDON, March 3 (Reuters) - Shares fell", "LONDON, March 3 (Reuters) -"),
        (
            "Ferry order\n2010 03 05 09:40 CET By Ana Ruiz and Li Wei BERGEN (Reuters) - A yard",
            "2010 03 05 09:40 CET By Ana Ruiz and Li Wei BERGEN (Reuters) -",
        ),
        (
            "Photo: Ana Ruiz/Bergen Post SAN JOSE | Fri Mar 5, 2010 4:21pm EDT SAN JOSE (Reuters)"
            " - A yard said",
            "SAN JOSE | Fri Mar 5, 2010 4:21pm EDT SAN JOSE (Reuters) -",
        ),
        (
            "Mar 5, 2010 9:40 am EST By Ana Ruiz SAN JOSE (Reuters) - A yard said",
            "Mar 5, 2010 9:40 am EST By Ana Ruiz SAN JOSE (Reuters) -",
        ),
        # a page's headline and byline run on into the dateline
        (
            "Yard wins ferry order By Ana Ruiz BERGEN (Reuters) - A yard said on Friday",
            "BERGEN (Reuters) -",
        ),
        (
            "(For full coverage, click (nFERRY)) OSLO, May 2 (Reuters) - Ferries ran on Saturday",
            "OSLO, May 2 (Reuters) -",
        ),
        # a stamp and the dateline's date, with no city
        (
            "Fri Mar 4, 2011 8:12 pm EDT Mar 4 (Reuters) - Ferries ran",
            "Fri Mar 4, 2011 8:12 pm EDT Mar 4 (Reuters) -",
        ),
    ],
)
def test_datelines_are_found(text: str, dateline: str) -> None:
    assert [text[a:b] for a, b in datelines(text)] == [dateline]


@pytest.mark.parametrize(
    "text",
    [
        "The alliance (NATO) - which met on Monday - agreed.",
        "Prices rose in March (Reuters data showed) - a record.",
        "In 2010 shares of the yard rose by a third, said BERGEN (Reuters) - a record.",
        "",
    ],
)
def test_prose_is_not_a_dateline(text: str) -> None:
    assert datelines(text) == []


def test_a_dateline_is_not_an_event_and_not_in_the_title(tmp_path: Path) -> None:
    text = (
        "Shipyard wins ferry order\n\n"
        "BERGEN | Thu Apr 30, 2009 6:12 am CET BERGEN (Reuters) - Norwegian shipyard Kvalvik "
        "will build two electric ferries for the coastal route, it said on Thursday.\n"
        "OSLO, May 4 (Reuters) - The ministry approved the order on May 1, a spokesman said.\n"
    )
    events = events_of(tmp_path, text, dt.date(2009, 4, 30))
    told = {e.span.iso_start(): e.title for e in events}
    assert set(told) == {"2009-04-30", "2009-05-01"}  # "Thursday" and "May 1"; no dateline
    assert told["2009-04-30"].startswith("Norwegian shipyard Kvalvik")
    assert all("BERGEN" not in t and "Reuters" not in t for t in told.values())
    # The agency and the city it filed from are no actors of the events.
    assert all("Reuters" not in e.actors for e in events)
    # Each date is told by its own sentence, not by a dateline's.
    assert all(len(e.sources) == 1 for e in events)


def test_a_time_stamped_wire_line_dates_the_article_not_an_event(tmp_path: Path) -> None:
    text = (
        "Ferry order for Bergen\n\n"
        "2010 03 05 09:40 CET By Ana Ruiz and Li Wei BERGEN (Reuters) - A Norwegian shipyard "
        "won an order for two electric ferries, the company said on Friday.\n"
    )
    events = events_of(tmp_path, text, dt.date(2010, 3, 5))
    assert [(e.span.iso_start(), e.title) for e in events] == [
        ("2010-03-05", "A Norwegian shipyard won an order for two electric ferries")
    ]


def test_a_filing_stamp_in_mixed_case_is_no_event(tmp_path: Path) -> None:
    """A stamp the dateline finder misses ("Kessa, Lo/BERGEN, No | Sat …") is still told by
    the clock time and zone after its date."""
    text = (
        "June 6, 2010\n\n"
        "Ferry news KESSA, Lo/BERGEN, No | Sat Jun 5, 2010 7:16 pm EDT KESSA, Lo (Reuters) - "
        "The new ferry reached Bergen on Saturday, the yard said.\n"
    )
    events = events_of(tmp_path, text, dt.date(2010, 6, 6))
    assert [e.title for e in events] == ["The new ferry reached Bergen"]


def test_a_stamp_with_its_year_and_clock_is_no_event(tmp_path: Path) -> None:
    text = (
        "Harbour news\n\n"
        "Monday, November 22, 2010; 7:16 PM Mara Lind is in charge of the harbour fund, and she "
        "opened it on Friday.\n"
    )
    events = events_of(tmp_path, text, dt.date(2010, 11, 22))
    assert [e.span.iso_start() for e in events] == ["2010-11-19"]


def test_a_date_in_a_sentence_about_dates_is_no_dateline() -> None:
    from explorer.ingest.byline import read_byline

    text = (
        "Bridge opens\n\nBy Ana Lima\n\nThe bridge opened to traffic on Saturday, almost two "
        "years after its first planned opening date of 1 April 2021.\n"
    )
    assert read_byline(text).published is None and read_byline(text).date_span is None
    assert read_byline("Bridge opens\nDate: 2024-06-03\nText.\n").published is not None
