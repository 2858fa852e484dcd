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
