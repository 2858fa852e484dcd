"""From a dated sentence to an event: a short title, its time, its actors, its source."""

from __future__ import annotations

import re
from dataclasses import dataclass

from explorer.model import ActorMention, DateSpan, Passage, TimeExpression

_TITLE_WORDS = 16
_MIN_CLAUSE_WORDS = 8  # a shorter clause ("which they signed on") says too little
_CLAUSE_BREAK = re.compile(r"\s*(?:;|:|—|–|\s-\s|\(|\))\s*")
_LEADING_JUNK = re.compile(
    r"^(?:(?:and|but|or|so|yet|while|which|that|when|where|as|after|before|since|if|then|also"
    r"|however|meanwhile|indeed|thus|hence|although|though|because)\b[\s,]*)+",
    re.IGNORECASE,
)
_DANGLING_PREP = re.compile(
    r"\s+(?:on|in|at|by|since|from|until|till|during|of|for|to|the|and|or|back|as|early|late"
    r"|mid|last|this|next)\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class EventDraft:
    """An event as one document sees it, before it is merged with what the store holds."""

    title: str
    span: DateSpan
    actors: tuple[str, ...]
    passage: Passage
    expression: TimeExpression


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


def make_title(sentence: str, start: int, end: int) -> str:
    """A short title from the clause around the date expression, without the date itself."""
    c_start, c_end = _clause(sentence, start, end)
    before = _DANGLING_PREP.sub("", sentence[c_start:start].rstrip(" ,"))
    before = _DANGLING_PREP.sub("", before)
    after = sentence[end:c_end].lstrip(" ,.")
    words_before = before.split()
    words_after = after.split()
    keep_before = words_before[-_TITLE_WORDS:]
    room = max(0, _TITLE_WORDS - len(keep_before))
    words = keep_before + words_after[: max(room, 4 if len(keep_before) < 8 else 0)]
    text = " ".join(words).strip(" ,.;:?!\"“”'‘’")
    text = _LEADING_JUNK.sub("", text)
    if not text:
        text = sentence[:80]
    truncated = len(words_before) > len(keep_before) or len(words_after) > room
    title = text[0].upper() + text[1:]
    return title + ("…" if truncated and not title.endswith("…") else "")


def _clause(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The clause holding the expression: from the last comma or dash before it that leaves
    enough words to say something, to the next break after it."""
    c_start, c_end = 0, len(sentence)
    for m in _CLAUSE_BREAK.finditer(sentence):
        if m.end() <= start and start - m.end() < 160:
            c_start = m.end()
        elif m.start() >= end:
            c_end = m.start()
            break
    for m in _COMMA.finditer(sentence, c_start, start):
        if len(sentence[m.end() : start].split()) >= _MIN_CLAUSE_WORDS:
            c_start = m.end()
    return c_start, c_end


_COMMA = re.compile(r",\s*")
