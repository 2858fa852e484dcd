"""A year past 2099 written after a month and day is read as that year, not dropped (which made
"December 31, 9999" a December 31 near the publication date); a count after a date is not a
year."""

from __future__ import annotations

import datetime as dt

import pytest

from explorer.temporal import tag

PUB = dt.date(2004, 6, 1)


@pytest.mark.parametrize(
    ("text", "expr", "start"),
    [
        (
            "The licence runs until December 31, 9999, the registry said.",
            "December 31, 9999",
            dt.date(9999, 12, 31),
        ),
        ("It is valid to 31 December, 9999.", "31 December, 9999", dt.date(9999, 12, 31)),
        (
            "The capsule opens on Monday, January 3, 2150.",
            "Monday, January 3, 2150",
            dt.date(2150, 1, 3),
        ),
        ("On March 5, 3000 troops crossed the river.", "March 5", dt.date(2004, 3, 5)),
        ("On 5 March 2100 people marched.", "5 March", dt.date(2004, 3, 5)),
    ],
)
def test_a_far_year_after_a_day(text: str, expr: str, start: dt.date) -> None:
    found = [e for e in tag(text, PUB) if e.span is not None]
    assert [e.text for e in found] == [expr]
    assert found[0].span is not None and found[0].span.start == start
