"""From a dated sentence to an event: a headline title (titles.py), its time, its actors, its
source."""

from __future__ import annotations

from explorer.events.titles import make_title
from explorer.model import ActorMention, EventDraft, Passage, TimeExpression

__all__ = ["EventDraft", "drafts_for"]


def drafts_for(
    passages: list[Passage],
    expressions: list[TimeExpression],
    mentions: list[ActorMention],
    exclude: tuple[int, int] | None = None,
) -> list[EventDraft]:
    """One draft per resolved date expression anchoring a sentence.

    ``exclude`` is the publication date as written in the byline: it dates the article, not
    an event in it.
    """
    out: list[EventDraft] = []
    p_index = 0
    for e in expressions:
        if e.span is None:
            continue
        if exclude is not None and e.start < exclude[1] and exclude[0] < e.end:
            continue
        while p_index < len(passages) - 1 and passages[p_index].end <= e.start:
            p_index += 1
        passage = passages[p_index]
        if not passage.start <= e.start < passage.end:
            continue
        actors = tuple(
            dict.fromkeys(m.actor for m in mentions if passage.start <= m.start < passage.end)
        )
        title = make_title(passage.text, e.start - passage.start, e.end - passage.start)
        out.append(EventDraft(title, e.span, actors, passage, e))
    return out
