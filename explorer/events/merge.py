"""One event, several sources: decide whether a draft tells of an event already known.

Two mentions are the same event when their times are the same span and their sentences say
the same thing: two outlets running one article, or two reports of one summit. Different
events on the same day stay apart because their sentences differ.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from explorer.model import DateSpan

SAME_TEXT = 82.0  # token-set similarity (0-100) at which two sentences tell the same thing
SAME_WITH_ACTORS = 62.0  # lower bar when they also share at least two actors


def same_event(
    span_a: DateSpan,
    text_a: str,
    actors_a: tuple[str, ...],
    span_b: DateSpan,
    text_b: str,
    actors_b: tuple[str, ...],
) -> bool:
    if (span_a.start, span_a.end, span_a.precision) != (span_b.start, span_b.end, span_b.precision):
        return False
    score = similarity(text_a, text_b)
    if score >= SAME_TEXT:
        return True
    shared = len(set(actors_a) & set(actors_b))
    return shared >= 2 and score >= SAME_WITH_ACTORS


def similarity(a: str, b: str) -> float:
    return float(fuzz.token_set_ratio(a.lower(), b.lower()))
