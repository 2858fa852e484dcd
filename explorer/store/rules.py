"""What the store asks of the domain when it writes: which stored event a draft is the same
event as, and how much an event weighs. The store only carries these answers to the rows; the
answers come from ``explorer.events`` (see events/rules.py), passed in by whoever writes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from explorer.model import Precision


@dataclass(frozen=True)
class Evidence:
    """What an event's weight is made of, as the store holds it."""

    sentences: int  # the sentences that report it
    documents: int  # the documents those sentences are in
    actors: int
    first_passage: int  # the earliest passage index of its sources (0: the headline)
    precision: Precision


class EventRules(Protocol):
    def same_event(
        self,
        sentence: str,
        actor_ids: set[int],
        pool: Sequence[str],
        actors_of: Callable[[int], set[int]],
    ) -> int | None:
        """The index in ``pool`` (sentences of events with the draft's exact span) of the event
        ``sentence`` tells again, or None. ``actors_of(i)`` gives the actor ids of pool[i]."""
        ...

    def weight(self, evidence: Evidence) -> float: ...
