"""One title tells one date: a sentence whose dates would all get the same title gives that
title to the date it tells, and no event saying the same thing at the other dates. Titles keep
no typewriter quotes. The sentences are our own."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path

from tests.story import events_of


def _titles_by_day(tmp_path: Path, text: str, published: dt.date) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for e in events_of(tmp_path, text, published=published):
        out[e.title].add(e.span.label())
    return out


def test_a_comparison_keeps_its_title_at_the_date_it_tells(tmp_path: Path) -> None:
    by_title = _titles_by_day(
        tmp_path,
        "Results\n\nKessa Mills said it had a loss of $4 million in the third quarter of 1997, "
        "compared with a profit of $2 million in 1996.\n",
        dt.date(1997, 10, 20),
    )
    assert by_title, "the sentence gives an event"
    assert all(len(days) == 1 for days in by_title.values()), by_title
    assert any(days == {"1997-07 – 1997-09"} or "1997" in next(iter(days)) for days in by_title.values())


def test_two_clauses_two_titles_both_kept(tmp_path: Path) -> None:
    by_title = _titles_by_day(
        tmp_path,
        "Talks\n\nThe ministers signed the water accord in Vienna on 14 May 1998, and the "
        "parliament ratified the revised accord on 17 April 2000.\n",
        dt.date(2000, 5, 1),
    )
    days = set().union(*by_title.values())
    assert {"1998-05-14", "2000-04-17"} <= days
    assert all(len(d) == 1 for d in by_title.values())


def test_typewriter_quotes_leave_the_title(tmp_path: Path) -> None:
    by_title = _titles_by_day(
        tmp_path,
        "Vote\n\nThe mayor called the vote ``a turning point'' for the valley on Tuesday.\n",
        dt.date(1998, 3, 5),
    )
    assert by_title
    assert not any("``" in t or "''" in t for t in by_title)
