"""From a dated sentence to an event: a headline title (titles.py), its time, its actors, its
source."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from explorer.events.titles import make_title
from explorer.model import ActorMention, EventDraft, Passage, TimeExpression

__all__ = ["EventDraft", "drafts_for"]


def drafts_for(
    passages: list[Passage],
    expressions: list[TimeExpression],
    mentions: list[ActorMention],
    exclude: tuple[int, int] | None = None,
    datelines: Sequence[tuple[int, int]] = (),
) -> list[EventDraft]:
    """One draft per resolved date expression anchoring a sentence.

    ``exclude`` is the publication date as written in the byline, and ``datelines`` are the
    agency datelines ("LONDON, March 3 (Reuters) -"), sorted: their dates date the article,
    not an event in it, and a title starts after them.
    """
    out: list[EventDraft] = []
    actors_in = _ActorsByPassage(mentions)
    ends = [d[1] for d in datelines]
    p_index = 0
    for e in expressions:
        if e.span is None:
            continue
        if exclude is not None and e.start < exclude[1] and exclude[0] < e.end:
            continue
        # The last dateline that ends after the expression starts may hold it.
        k = bisect.bisect_right(ends, e.start)
        if k < len(datelines) and datelines[k][0] < e.end:
            continue
        while p_index < len(passages) - 1 and passages[p_index].end <= e.start:
            p_index += 1
        passage = passages[p_index]
        if not passage.start <= e.start < passage.end:
            continue
        actors = actors_in(passage)
        # A dateline before the date in its passage is not part of the headline.
        cut = ends[k - 1] - passage.start if k > 0 and ends[k - 1] > passage.start else 0
        text = passage.text[cut:]
        title = make_title(text, e.start - passage.start - cut, e.end - passage.start - cut)
        out.append(EventDraft(title, e.span, actors, passage, e))
    return out


class _ActorsByPassage:
    """The actors mentioned in a passage (a mention starting inside it), each once, in the
    order of ``mentions``: found by bisection, so a document's drafts cost the number of its
    mentions once, not once per date expression."""

    def __init__(self, mentions: list[ActorMention]) -> None:
        self._mentions = mentions
        # Positions in ``mentions`` by start (stable: equal starts keep their order).
        self._order = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
        self._starts = [mentions[i].start for i in self._order]
        self._in_order = all(i == n for n, i in enumerate(self._order))
        self._last: tuple[int, int, tuple[str, ...]] | None = None

    def __call__(self, passage: Passage) -> tuple[str, ...]:
        if self._last is not None and self._last[:2] == (passage.start, passage.end):
            return self._last[2]  # several dates in one sentence
        lo = bisect.bisect_left(self._starts, passage.start)
        hi = bisect.bisect_left(self._starts, passage.end, lo)
        picked = self._order[lo:hi] if self._in_order else sorted(self._order[lo:hi])
        actors = tuple(dict.fromkeys(self._mentions[i].actor for i in picked))
        self._last = (passage.start, passage.end, actors)
        return actors
