"""The event rules the store applies when it writes (store/rules.py): merging by
``events.merge`` and weights by ``events.salience``."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from explorer.events.merge import same_event
from explorer.events.salience import LEAD_PASSAGES, salience
from explorer.store.rules import Evidence


class DefaultRules:
    def same_event(
        self,
        sentence: str,
        actor_ids: set[int],
        pool: Sequence[str],
        actors_of: Callable[[int], set[int]],
    ) -> int | None:
        return same_event(sentence, actor_ids, pool, actors_of)

    def weight(self, evidence: Evidence) -> float:
        return salience(
            evidence.sentences,
            evidence.documents,
            evidence.actors,
            evidence.first_passage < LEAD_PASSAGES,
            evidence.precision,
        )


EVENT_RULES = DefaultRules()
