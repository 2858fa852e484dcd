"""What the store asks of the domain when it writes: which stored mentions a new one tells the
same event as, which mention speaks for an event, its title, and how much an event weighs. The
store only carries these answers to the rows; the answers come from ``explorer.events`` (see
events/rules.py), passed in by whoever writes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from explorer.model import Precision

Rank = tuple[int, str, int]


@dataclass(frozen=True)
class Evidence:
    """What an event's weight is made of, as the store holds it."""

    sentences: int  # the sentences that report it
    documents: int  # the documents those sentences are in
    actors: int
    first_passage: int  # the earliest passage index of its sources (0: the headline)
    precision: Precision


class EventRules(Protocol):
    def linked(
        self,
        sentence: str,
        actor_ids: set[int],
        pool: Sequence[str],
        actors_of: Callable[[int], Sequence[set[int]]],
    ) -> list[int]:
        """Indexes in ``pool`` (distinct sentences of mentions with the same span) that
        ``sentence`` tells the same event as; ``actors_of(i)`` gives the actor ids of each
        passage with sentence pool[i].
        Must depend on each pair alone, so that events do not depend on import order."""
        ...

    def wording(self, sentence: str) -> str:
        """Mentions whose sentences have the same wording are the same event, uncompared."""
        ...

    def rank(self, published: dt.date | None, sha256: str, offset: int) -> Rank:
        """Sort key of a mention among its event's: the least speaks for the event."""
        ...

    def title(self, passage: str, start: int, end: int) -> str:
        """The headline of an event told by ``passage`` with its date at [start, end)."""
        ...

    def weight(self, evidence: Evidence) -> float: ...
