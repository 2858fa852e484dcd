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
    def keys(self, sentence: str) -> frozenset[str]:
        """The key words of a sentence: two sentences of different wording are compared
        (``linked``) only if they share ``keys_needed`` of them."""
        ...

    def keys_needed(self, fewer: int) -> int:
        """How many keys (at least 1, at most ``fewer``) two sentences must share, when the
        one with fewer keys has ``fewer``."""
        ...

    def linked(
        self,
        sentence: str,
        actor_ids: set[int],
        other: str,
        other_actors: Callable[[], Sequence[set[int]]],
    ) -> bool:
        """Whether a mention (``sentence``, ``actor_ids``) tells the same event as the stored
        or earlier mentions of the same span with sentence ``other`` (whose keys meet its
        own); ``other_actors()`` gives their passages' actor ids, loaded only when asked.
        Must depend on each pair alone, so that events do not depend on import order."""
        ...

    def wording(self, sentence: str) -> str:
        """Mentions whose sentences have the same wording are the same event, uncompared."""
        ...

    # Copies of a sentence in articles published this many days apart or less are one telling.
    retold_days: int

    def retelling(self, sentence: str, expression: str, kind: str) -> str | None:
        """The key shared by copies of one sentence whose date (``expression``, of ``kind``)
        is read against each copy's own article, or None. Copies with one key are a single
        telling: the store dates them all as the earliest article reads them."""
        ...

    def rank(self, published: dt.date | None, sha256: str, offset: int) -> Rank:
        """Sort key of a mention among its event's: the least speaks for the event."""
        ...

    def title(self, passage: str, start: int, end: int) -> str:
        """The headline of an event told by ``passage`` with its date at [start, end)."""
        ...

    def weight(self, evidence: Evidence) -> float: ...
