"""The event rules the store applies when it writes (store/rules.py): merging by
``events.merge``, titles by ``events.titles`` and weights by ``events.salience``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from explorer.events.merge import (
    RETOLD_DAYS,
    Rank,
    keys,
    keys_needed,
    linked,
    precedence,
    retelling,
    wording,
)
from explorer.events.salience import LEAD_PASSAGES, salience
from explorer.events.titles import make_title
from explorer.store.rules import Evidence


class DefaultRules:
    def keys(self, sentence: str) -> frozenset[str]:
        return keys(sentence)

    def keys_needed(self, fewer: int) -> int:
        return keys_needed(fewer)

    def linked(
        self,
        sentence: str,
        actor_ids: set[int],
        other: str,
        other_actors: Callable[[], Sequence[set[int]]],
    ) -> bool:
        return linked(sentence, actor_ids, other, other_actors)

    def wording(self, sentence: str) -> str:
        return wording(sentence)

    retold_days = RETOLD_DAYS

    def retelling(self, sentence: str, expression: str, kind: str) -> str | None:
        return retelling(sentence, expression, kind)

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
