"""The writer's key index (prefix filtering) finds exactly the wordings whose keys meet a new
sentence's, whatever the order sentences come in: it is a shortcut, never a rule of its own."""

from __future__ import annotations

import random

from explorer.events.merge import keys_needed
from explorer.events.rules import DefaultRules
from explorer.store.event_writer import _Mention, _Sentences


class _WordRules(DefaultRules):
    """Every word is a key: the index is tested on the key sets alone."""

    def keys(self, sentence: str) -> frozenset[str]:
        return frozenset(sentence.split())

    def wording(self, sentence: str) -> str:
        return sentence


def _meet(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a and b) and len(a & b) >= keys_needed(min(len(a), len(b)))


def test_candidates_are_exactly_the_wordings_whose_keys_meet() -> None:
    rnd = random.Random(5)
    for vocabulary, trials in ((6, 150), (12, 300), (40, 300)):
        words = [f"w{i}" for i in range(vocabulary)]
        pool = _Sentences(_WordRules())
        seen: list[frozenset[str]] = []
        for _ in range(trials):
            # Small and large sentences, often sharing a common "template" part.
            size = rnd.choice([1, 2, 3, 5, 8, 13])
            chosen = set(rnd.sample(words, min(size, vocabulary)))
            if rnd.random() < 0.5:
                chosen |= {"w0", "w1"}
            text = " ".join(sorted(chosen))
            expected = [k for k, other in enumerate(seen) if _meet(frozenset(chosen), other)]
            if text not in pool.index:
                assert pool.candidates(text) == expected, text
                seen.append(frozenset(chosen))
            pool.add(_Mention(text, (0, "", 0), actors=set()))


def test_a_sentence_without_keys_is_never_a_candidate() -> None:
    pool = _Sentences(DefaultRules())
    pool.add(_Mention("it was in 1998.", (0, "", 0), actors=set()))
    assert pool.candidates("it was in 1998, they said.") == []
