"""One event, several sources: when two mentions tell of the same event.

Two mentions are the same event when their times are the same span and their sentences say
the same thing: two outlets running one article, or two reports of one summit. Different
events on the same day stay apart because their sentences differ.

The relation is decided pair by pair, from the two mentions alone, and an event is a connected
group of mentions. So the events of a set of articles do not depend on the order they were
imported in, or on how many commands (or concurrent ones) imported them: each new mention is
compared with every stored mention of its span, and joins (or joins up) the events it tells
again. Which mention speaks for an event (its title) is decided by ``precedence``, a fixed
order, never by which came first.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence

from rapidfuzz import fuzz
from rapidfuzz import process as rapid_process

SAME_TEXT = 82.0  # token-set similarity (0-100) at which two sentences tell the same thing
SAME_WITH_ACTORS = 62.0  # lower bar when they also share at least two actors
_UNDATED = dt.date.max.toordinal() + 1  # an article with no publication date comes last

Rank = tuple[int, str, int]
_NUMBER = re.compile(r"\d+")


def wording(sentence: str) -> str:
    """What two sentences must share, word for word, to be the same telling: the same words
    with any numbers ("update 3", "Friday's 5 p.m. briefing"). Such sentences are one event
    without being compared, so a feed of a thousand versions of one story costs a thousand
    steps, not a million."""
    return _NUMBER.sub("#", sentence)


def linked(
    sentence: str,
    actor_ids: set[int],
    pool: Sequence[str],
    actors_of: Callable[[int], Sequence[set[int]]],
) -> list[int]:
    """Indexes in ``pool`` (distinct lower-case sentences of mentions with the same span)
    that ``sentence`` tells the same event as; ``actors_of(i)`` gives the actor sets of the
    mentions with sentence i. Symmetric: a function of the two mentions only."""
    if not pool:
        return []
    hits = rapid_process.extract(
        sentence,
        pool,
        scorer=fuzz.token_set_ratio,
        score_cutoff=SAME_WITH_ACTORS,
        limit=None,  # every candidate: a shortlist would depend on what else the pool holds
    )
    out = []
    for _, score, index in hits:
        if score >= SAME_TEXT or any(len(a & actor_ids) >= 2 for a in actors_of(int(index))):
            out.append(int(index))
    return sorted(out)


def precedence(published: dt.date | None, sha256: str, offset: int) -> Rank:
    """The order in which an event's mentions speak for it: the earliest published report
    first (the news as first told), then a fixed order of the articles' contents and of the
    mention's place in its article. The first mention gives the event its title."""
    return (published.toordinal() if published else _UNDATED, sha256, offset)
