"""Which dates deserve a second look, and why, in words a user understands.

Reading a year from the publication date the normal way ("in March" in a June article) is not a
doubt, nor is a date that says how far it is ("ten years ago"). These are: sources that give
different dates; a weekday or a month the sentence gives no tense for, where the other reading
is almost as near; and an inferred date that lands far from the article's own date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from explorer.temporal import lexicon
from explorer.temporal.tense import direction

DISAGREE = "The sources give different dates."
FAR = "Read {distance} from the article's date; check the year."
WEEKDAY = "'{text}': no tense says which week; read as the nearer one."
MONTH = "'{text}' without a year, and nothing says which; read as the nearer one."

_RANK = [  # how grave each kind of reason is
    (re.compile(r"^The sources give different dates"), 4.0),
    (re.compile(r"^Read .* from the article's date"), 3.0),
    (re.compile(r"no tense says which week"), 2.0),
    (re.compile(r"without a year, and nothing says which"), 1.0),
]
_FAR_DAYS = 400  # a relative date further than this from the article is odd for news


@dataclass(frozen=True)
class Reading:
    """One source's date expression, with what is needed to judge it."""

    sentence: str
    start: int  # of the expression in the sentence
    end: int
    kind: str  # "absolute", "relative", "anaphoric"
    inferred: bool
    start_date: dt.date | None
    published: dt.date | None
    end_date: dt.date | None = None


def doubts_of(readings: list[Reading]) -> list[str]:
    """Why an event with these sources' readings deserves a second look (empty: it doesn't)."""
    out: list[str] = []
    if len({r.start_date for r in readings if r.start_date is not None}) > 1:
        out.append(DISAGREE)
    for r in readings:
        for reason in _doubts_of_one(r):
            if reason not in out:
                out.append(reason)
    return sorted(out, key=lambda reason: -rank([reason]))


def rank(reasons: list[str]) -> float:
    """How doubtful: the sum of the reasons' weights, the gravest counting most."""
    return sum(next((w for pattern, w in _RANK if pattern.search(r)), 0.5) for r in reasons)


def _doubts_of_one(r: Reading) -> list[str]:
    if r.kind == "absolute" or r.start_date is None or r.published is None:
        return []
    last = r.end_date or r.start_date
    if r.start_date <= r.published <= last:
        days = 0
    else:  # from the article to the nearest edge of the span ("last year" is near in January)
        days = min(abs((r.start_date - r.published).days), abs((last - r.published).days))
    if r.kind == "relative" and r.inferred and days > _FAR_DAYS:
        # Only a reading the machine inferred: "ten years ago" says how far it is.
        return [FAR.format(distance=_distance(days))]
    if not r.inferred or direction(r.sentence, r.start, r.end) is not None:
        return []  # the sentence's tense decided, or the expression said which way
    text = r.sentence[r.start : r.end]
    words = text.lower().split()
    if any(w in lexicon.WEEKDAYS for w in words):
        return [WEEKDAY.format(text=text)] if days >= 2 else []
    if any(w.rstrip(".") in lexicon.MONTHS for w in words) and 75 <= days <= 290:
        # A month about half a year away: a year earlier or later would be almost as near.
        return [MONTH.format(text=text)]
    return []


def _distance(days: int) -> str:
    years = days / 365.25
    return f"{years:.0f} years" if years >= 1.5 else f"{days // 30} months"
