"""The event rules the store applies when it writes (store/rules.py): merging by
``events.merge``, titles by ``events.titles`` and weights by ``events.salience``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from explorer.events.merge import Rank, linked, precedence, wording
from explorer.events.salience import LEAD_PASSAGES, salience
from explorer.events.titles import make_title
from explorer.store.rules import Evidence


class DefaultRules:
    def linked(
        self,
        sentence: str,
        actor_ids: set[int],
        pool: Sequence[str],
        actors_of: Callable[[int], Sequence[set[int]]],
    ) -> list[int]:
        return linked(sentence, actor_ids, pool, actors_of)

    def wording(self, sentence: str) -> str:
        return wording(sentence)

    def rank(self, published: dt.date | None, sha256: str, offset: int) -> Rank:
        return precedence(published, sha256, offset)

    def title(self, passage: str, start: int, end: int) -> str:
        return make_title(passage, start, end)

    def weight(self, evidence: Evidence) -> float:
        return salience(
            evidence.sentences,
            evidence.documents,
            evidence.actors,
            evidence.first_passage < LEAD_PASSAGES,
            evidence.precision,
        )


EVENT_RULES = DefaultRules()
