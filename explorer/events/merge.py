"""One event, several sources: when a draft tells of an event already known.

Two mentions are the same event when their times are the same span and their sentences say
the same thing: two outlets running one article, or two reports of one summit. Different
events on the same day stay apart because their sentences differ. The store offers the
events with exactly the draft's span; this decides among them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rapidfuzz import fuzz
from rapidfuzz import process as rapid_process

SAME_TEXT = 82.0  # token-set similarity (0-100) at which two sentences tell the same thing
SAME_WITH_ACTORS = 62.0  # lower bar when they also share at least two actors
_SHORTLIST = 5  # the most similar candidates looked at


def same_event(
    sentence: str,
    actor_ids: set[int],
    pool: Sequence[str],
    actors_of: Callable[[int], set[int]],
) -> int | None:
    """Index in ``pool`` of the event ``sentence`` (lower case) tells again, or None."""
    if not pool:
        return None
    hits = rapid_process.extract(
        sentence,
        pool,
        scorer=fuzz.token_set_ratio,
        score_cutoff=SAME_WITH_ACTORS,
        limit=_SHORTLIST,
    )
    for _, score, index in hits:
        if score >= SAME_TEXT:
            return int(index)
        if len(actors_of(int(index)) & actor_ids) >= 2:
            return int(index)
    return None
