"""The other ways a date expression could have been read, for the analyst to pick from: a
weekday a week earlier or later, a date written without a year in the year before or after.
What is ambiguous was kept by the tagger at import (TimeExpression.ambiguity); nothing here
reads the text again."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from explorer.model import DateSpan, last_day_of_month


@dataclass(frozen=True)
class Reading:
    how: str  # "as read", "a week earlier", "a year later", ...
    span: DateSpan


def readings(chosen: DateSpan | None, ambiguity: str | None) -> list[Reading]:
    """The reading the tagger chose, then its plausible alternatives."""
    if chosen is None:
        return []
    out = [Reading("as read", chosen)]
    if ambiguity == "week":
        for days, how in ((-7, "a week earlier"), (7, "a week later")):
            shift = dt.timedelta(days=days)
            out.append(
                Reading(how, DateSpan(chosen.start + shift, chosen.end + shift, chosen.precision))
            )
    elif ambiguity == "year":
        for years, how in ((-1, "a year earlier"), (1, "a year later")):
            out.append(Reading(how, _shift_years(chosen, years)))
    return out


def _shift_years(span: DateSpan, years: int) -> DateSpan:
    def move(d: dt.date) -> dt.date:
        y = d.year + years
        return dt.date(y, d.month, min(d.day, last_day_of_month(y, d.month).day))

    end = move(span.end)
    if span.end == last_day_of_month(span.end.year, span.end.month):
        end = last_day_of_month(end.year, end.month)
    return DateSpan(move(span.start), end, span.precision)
