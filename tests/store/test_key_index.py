"""The writer's grouping (store/grouping.py: prefix filtering, lazy search of groups, same
wordings uncompared) finds exactly the groups of comparing every pair under the rules,
whatever the order mentions come in: it is a shortcut, never a rule of its own."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

from explorer.events.merge import keys_needed
from explorer.events.rules import DefaultRules
from explorer.store.grouping import Grouper, Mention


class _WordRules(DefaultRules):
    """Every word is a key, and two sentences are linked when their keys meet and they
    share the word "x" or are nearly the same: a relation that is not transitive."""

    def keys(self, sentence: str) -> frozenset[str]:
        return frozenset(sentence.split())

    def wording(self, sentence: str) -> str:
        return sentence

    def linked(
        self,
        sentence: str,
        actor_ids: set[int],
        other: str,
        other_actors: Callable[[], Sequence[set[int]]],
    ) -> bool:
        a, b = self.keys(sentence), self.keys(other)
        return _meet(a, b) and ("x" in a & b or len(a ^ b) <= 2)


def _meet(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a and b) and len(a & b) >= keys_needed(min(len(a), len(b)))


def _brute_force(texts: list[str]) -> set[frozenset[str]]:
    rules = _WordRules()
    parent = list(range(len(texts)))

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i in range(len(texts)):
        for j in range(i):
            if texts[i] == texts[j] or rules.linked(texts[i], set(), texts[j], list):
                parent[find(i)] = find(j)
    groups: dict[int, set[str]] = {}
    for i, t in enumerate(texts):
        groups.setdefault(find(i), set()).add(f"{i}:{t}")
    return {frozenset(g) for g in groups.values()}


def _sentences(rnd: random.Random, vocabulary: int, count: int) -> list[str]:
    words = ["x"] + [f"w{i}" for i in range(vocabulary)]
    out = []
    for _ in range(count):
        size = rnd.choice([1, 2, 3, 5, 8, 13])
        chosen = set(rnd.sample(words, min(size, len(words))))
        if rnd.random() < 0.5:
            chosen |= {"w0", "w1", "w2"}  # a template many sentences share
        out.append(" ".join(sorted(chosen)))
    return out


def test_groups_are_those_of_comparing_every_pair_in_any_order() -> None:
    rnd = random.Random(5)
    for vocabulary, count in ((6, 120), (12, 300), (40, 400)):  # 300: groups past _LAZY
        texts = _sentences(rnd, vocabulary, count)
        expected = _brute_force(texts)
        for _ in range(3):
            order = list(range(count))
            rnd.shuffle(order)
            grouper = Grouper(_WordRules(), lambda ms: None)
            mentions = {i: Mention(texts[i], (0, "", i), actors=set()) for i in order}
            for i in order:
                grouper.add("span", mentions[i])
            found: dict[object, set[str]] = {}
            for i, m in mentions.items():
                found.setdefault(grouper.find(m.node), set()).add(f"{i}:{texts[i]}")
            assert {frozenset(g) for g in found.values()} == expected


def test_a_sentence_without_keys_joins_only_its_very_wording() -> None:
    grouper = Grouper(DefaultRules(), lambda ms: None)
    a, b, c = (
        Mention(t, (0, "", 0), actors=set())
        for t in ("it was in 1998.",) * 2 + ("it was in 1998, they said.",)
    )
    for m in (a, b, c):
        grouper.add("1998", m)
    assert grouper.find(a.node) == grouper.find(b.node) != grouper.find(c.node)
