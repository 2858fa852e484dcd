"""Join two dates written as one range: "from 2013 to 2019", "from May 10 to June 3, 2024".

"Between 1985 and 1987" stays two expressions, as news annotators mark it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from explorer.model import DateSpan, Precision, TimeExpression, last_day_of_month

_JOIN = re.compile(r"\s*(?:-|–|—|to|until|till|through)\s*", re.IGNORECASE)
_WEEKDAY = re.compile(r"day\b", re.IGNORECASE)
_OPENERS = re.compile(r"from\s+$", re.IGNORECASE)


def join_ranges(text: str, found: list[TimeExpression]) -> list[TimeExpression]:
    out: list[TimeExpression] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        joined = _join(text, a, b) if b is not None else None
        if joined is not None:
            out.append(joined)
            i += 2
        else:
            out.append(_year_from_partner(text, a, b) if b is not None else a)
            i += 1
    return out


_PAIRED = re.compile(r"\s*(?:and|or)\s*", re.IGNORECASE)


def _year_from_partner(text: str, a: TimeExpression, b: TimeExpression) -> TimeExpression:
    """"between January and March 1998": two expressions, as annotators mark them, but the
    first has its year from the second rather than a guess from the publication date."""
    if a.span is None or b.span is None or not a.inferred or b.inferred:
        return a
    if not _PAIRED.fullmatch(text[a.end : b.start]):
        return a
    if a.span.precision.label_unit != b.span.precision.label_unit:
        return a
    moved = _same_day_in_year(a.span, b.span.end.year)
    if moved.start > b.span.start:
        return a
    return dataclasses.replace(a, span=moved, inferred=False)


def _join(text: str, a: TimeExpression, b: TimeExpression) -> TimeExpression | None:
    if a.span is None or b.span is None:
        return None
    between = text[a.end : b.start]
    m = _JOIN.fullmatch(between)
    if m is None:
        return None
    word = between.strip().lower()
    opener = _OPENERS.search(text[max(0, a.start - 10) : a.start])
    # "July to September 2009": a first date that takes its year from the second is one
    # written range even without a "from"
    year_from_b = a.inferred and not b.inferred and a.span.precision is b.span.precision
    if word in ("to", "until", "till", "through") and opener is None and not year_from_b:
        return None
    if a.span.precision.label_unit != b.span.precision.label_unit:
        return None
    if _WEEKDAY.search(a.text) or _WEEKDAY.search(b.text):
        return None  # "from Sept. 14 to Thursday": two reference points, not one written range
    first, last = a.span, b.span
    if a.inferred and not b.inferred:
        first = _same_day_in_year(first, last.end.year)
    if first.start > last.start:
        return None
    start = a.start - (len(opener.group(0)) if opener else 0)
    span = first.to(last)
    return TimeExpression(
        start, b.end, text[start : b.end], span, None, "range", a.inferred and b.inferred
    )


def _same_day_in_year(span: DateSpan, year: int) -> DateSpan:
    """Move a span written without a year into the year its partner names."""
    if span.precision is Precision.DAY:
        day = min(span.start.day, last_day_of_month(year, span.start.month).day)
        moved = dt.date(year, span.start.month, day)
        return DateSpan.day(moved)
    if span.precision is Precision.MONTH:
        return DateSpan.month(year, span.start.month)
    return span
