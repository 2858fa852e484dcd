"""One question, asked the same way by every view: which events, for these actors, dates and
words? The window, the CLI, the report, the image export and key events all ask an
``EventQuery``; query/answer.py answers it from a store of any size."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Collection
from dataclasses import dataclass

from explorer.store.queries import EventSummary


class Hidden(enum.StrEnum):
    EXCLUDE = "exclude"  # what the analyst sees
    INCLUDE = "include"  # and what they hid
    ONLY = "only"  # only what they hid


@dataclass(frozen=True)
class EventQuery:
    actors: tuple[str, ...] = ()  # empty: every event
    match_all: bool = False  # all of the actors, not any
    start: dt.date | None = None  # events touching [start, end]
    end: dt.date | None = None
    text: str = ""  # in the title or a source sentence, any case
    hidden: Hidden = Hidden.EXCLUDE
    kinds: tuple[str, ...] = ()  # and an actor of one of these kinds (person, country, ...)
    ids: frozenset[int] | None = None  # only these events (what a view shows)

    @property
    def words(self) -> str:
        return self.text.strip()


def actors_match(wanted: Collection[str], have: Collection[str], match_all: bool) -> bool:
    """The one test of "any (or all) of these actors", by name in any case."""
    if not wanted:
        return True
    want = {a.casefold() for a in wanted}
    got = {a.casefold() for a in have}
    return want <= got if match_all else bool(want & got)


def in_dates(query: EventQuery, s: EventSummary) -> bool:
    if query.start is not None and s.span.end < query.start:
        return False
    return not (query.end is not None and s.span.start > query.end)


def keeps(query: EventQuery, s: EventSummary, kinds: dict[str, str]) -> bool:
    """Everything but the words and the hidden state, which need the store's sources and the
    overlay: actors, kinds, dates and ids."""
    if query.ids is not None and s.id not in query.ids:
        return False
    if not in_dates(query, s) or not actors_match(query.actors, s.actors, query.match_all):
        return False
    if query.kinds:
        wanted = set(query.kinds)
        if not any(kinds.get(a) in wanted for a in s.actors):
            return False
    return True
