"""One title tells one date: a sentence whose dates would all get the same title gives that
title to the date it tells, and no event saying the same thing at the other dates. Titles keep
no typewriter quotes. The sentences are our own."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path

from explorer.events.build import one_title_one_date
from explorer.model import DateSpan, EventDraft, Passage, Precision, TimeExpression
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
    # The loss is the third quarter's; 1996's profit gets no title of its own here.
    assert by_title == {"Kessa Mills had a loss of $4 million": {"1997-07 – 1997-09"}}


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


def _draft(sentence: str, expression: str, title: str, span: DateSpan) -> EventDraft:
    at = sentence.index(expression)
    passage = Passage(0, 0, len(sentence), sentence)
    e = TimeExpression(at, at + len(expression), expression, span)
    return EventDraft(title, span, (), passage, e)


def test_two_dates_titled_crosswise_swap_their_titles() -> None:
    sentence = "If in 1998 the valley had one dam, in the 2030s there may be five."
    year = DateSpan(dt.date(1998, 1, 1), dt.date(1998, 12, 31), Precision.YEAR)
    decade = DateSpan(dt.date(2030, 1, 1), dt.date(2039, 12, 31), Precision.DECADE)
    drafts = [
        _draft(sentence, "1998", "In the 2030s there may be five", year),
        _draft(sentence, "the 2030s", "If in 1998 the valley had one dam", decade),
    ]
    fixed = {d.span: d.title for d in one_title_one_date(drafts)}
    assert fixed == {year: "If in 1998 the valley had one dam", decade: "In the 2030s there may be five"}
