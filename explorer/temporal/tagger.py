"""The tagger's one entry point: text and publication date in, resolved expressions out."""

from __future__ import annotations

import datetime as dt

from explorer.language.sentences import split_sentences
from explorer.model import TimeExpression
from explorer.temporal import candidates, tense
from explorer.temporal.ranges import join_ranges
from explorer.temporal.resolve import DocumentTime, resolve

# Dates written without a year: read in the year before or after, they still fit the words.
_YEARLESS = frozenset(
    {"month_day", "day_month", "month_day_range", "day_month_range", "month", "quarter", "season"}
)

# Rules whose reading depends on tense; the others never look at it.
_DIRECTIONAL = frozenset(
    {
        "weekday",
        "month_day",
        "day_month",
        "month_day_range",
        "day_month_range",
        "month",
        "quarter",
        "season",
        "week",
        "weekend",
        "month_rel",  # "the month", "the year": a sentence looking ahead means no past one
        "year_rel",
    }
)


def tag(
    text: str,
    published: dt.date | None,
    sentences: list[tuple[int, int]] | None = None,
) -> list[TimeExpression]:
    """Every date expression in ``text``, resolved against ``published`` where it can be.

    Offsets are into ``text``. ``sentences`` (start, end pairs) may be passed when the caller
    has split the text already.
    """
    bounds = sentences if sentences is not None else split_sentences(text)
    doc = DocumentTime(published)
    found: list[TimeExpression] = []
    s_index = 0
    markers: tense.Tense | None = None  # of the sentence at s_index, once it is needed
    for c in candidates.find(text):
        while s_index < len(bounds) - 1 and bounds[s_index][1] <= c.start:
            s_index += 1
            markers = None
        s_start, s_end = bounds[s_index] if bounds else (0, len(text))
        direction = None
        if c.rule in _DIRECTIONAL and not c.get("year"):
            if markers is None:
                markers = tense.Tense(text[s_start:s_end])
            direction = markers.direction(c.start - s_start, c.end - s_start)
        r = resolve(c, doc, direction)
        if r.span is None and r.reference is None and r.kind == "absolute":
            continue  # matched the grammar but names no real date ("31 February")
        found.append(
            TimeExpression(
                c.start, c.end, c.text, r.span, r.reference, r.kind, r.inferred, _ambiguity(c)
            )
        )
    return join_ranges(text, found)


def _ambiguity(c: candidates.Candidate) -> str | None:
    """Which other readings the words allow (kept with the expression for the analyst)."""
    if c.rule == "weekday" and not (c.get("mon") or c.get("mon2")):
        return "week"
    if c.rule in _YEARLESS and not (c.get("year") or c.get("year0")):
        return "year"
    return None
