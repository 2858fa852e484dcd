"""Connected groups of mentions under the event rules, found without comparing every pair.

An event is a connected group of mentions of one span (events/merge.py): a new mention joins
every group it is linked to. Three things keep this near linear in the mentions of a span
while the groups stay exactly those of comparing every pair:

- Mentions with the same wording (``rules.wording``) are one node and never compared.
- Only wordings whose keys meet (``rules.keys_needed`` of the fewer's keys shared) can be
  linked, and those are found by prefix filtering, as in set-similarity joins: each wording
  files a part of its keys (``_pick``), and any partner that shares enough must hold some of
  them, so rare keys lead to the few wordings worth a look.
- A wording already in the mention's group is not compared. A big group is asked only
  whether it holds one wording the mention is linked to, lazily, stopping at the first: a
  thousand near copies of one sentence (a template, a feed) each join their event after one
  comparison, not a thousand.

Which keys a wording files, and in which order groups are asked, only change the cost: the
groups found are those of the pairwise relation, whatever the order mentions come in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice

from explorer.model import EventDraft
from explorer.store.rules import EventRules, Rank

_LAZY = 64  # a group of more wordings is searched lazily (Python steps), a smaller one counted
_EAGER = 256  # appearances a lazy search takes one by one before counting the rest
_HITS = 3  # picked keys a partner must hold: more keys picked, fewer partners to look at


@dataclass
class Mention:
    """A dated sentence: stored (``expression_id``) or one of the document being written."""

    sentence: str  # lower case: what mentions are compared by
    rank: Rank
    event_id: int | None = None  # the stored event it belongs to
    expression_id: int | None = None
    draft: EventDraft | None = None
    actors: set[int] | None = None  # loaded only when a decision needs them
    head: tuple[str, int, int] | None = None  # passage text and date offsets, for its title

    @property
    def node(self) -> Hashable:
        """Its node in the groups: a stored event is one node (it is connected already)."""
        return ("e", self.event_id) if self.event_id is not None else ("n", id(self))


@dataclass
class _Group:
    """A big group's wordings in a span, by key (all of them, and those picked)."""

    having: dict[str, list[int]] = field(default_factory=dict)
    picked: dict[str, list[int]] = field(default_factory=dict)


@dataclass
class _Span:
    """The wordings of one span's mentions, each with its mentions, and their groups.

    Wordings of small groups are filed together (``having``, ``picking``) and counted at C
    speed; a group of more than _LAZY wordings gets an index of its own, searched lazily."""

    texts: list[str] = field(default_factory=list)
    members: list[list[Mention]] = field(default_factory=list)
    index: dict[str, int] = field(default_factory=dict)  # wording -> its number
    keys: list[frozenset[str]] = field(default_factory=list)
    needs: list[int] = field(default_factory=list)  # keys_needed(len(keys))
    picks: list[list[str]] = field(default_factory=list)
    hits: list[int] = field(default_factory=list)  # of its picked keys a smaller partner holds
    count: Counter[str] = field(default_factory=Counter)  # wordings with each key
    sizes: dict[Hashable, int] = field(default_factory=dict)  # root -> its wordings
    small: dict[Hashable, list[int]] = field(default_factory=dict)  # a small group's wordings
    having: dict[str, set[int]] = field(default_factory=dict)  # small groups' wordings
    picking: dict[str, set[int]] = field(default_factory=dict)
    big: dict[Hashable, _Group] = field(default_factory=dict)
    big_having: dict[str, set[Hashable]] = field(default_factory=dict)  # key -> big roots
    big_picking: dict[str, set[Hashable]] = field(default_factory=dict)

    def file_small(self, k: int) -> None:
        for w in self.keys[k]:
            self.having.setdefault(w, set()).add(k)
        for w in self.picks[k]:
            self.picking.setdefault(w, set()).add(k)

    def file_big(self, root: Hashable, k: int) -> None:
        group = self.big[root]
        for w in self.keys[k]:
            self.having.get(w, set()).discard(k)
            group.having.setdefault(w, []).append(k)
            self.big_having.setdefault(w, set()).add(root)
        for w in self.picks[k]:
            self.picking.get(w, set()).discard(k)
            group.picked.setdefault(w, []).append(k)
            self.big_picking.setdefault(w, set()).add(root)


class Grouper:
    """Union-find over mentions' nodes, joined where ``rules`` link them. ``load_actors``
    fills in the actors of stored mentions, asked for a span at a time, only when the words
    alone do not decide."""

    def __init__(self, rules: EventRules, load_actors: Callable[[list[Mention]], None]) -> None:
        self.rules = rules
        self.load_actors = load_actors
        self.parent: dict[Hashable, Hashable] = {}
        self.spans: dict[Hashable, _Span] = {}

    def find(self, x: Hashable) -> Hashable:
        parent = self.parent
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def add(self, span: Hashable, m: Mention, compare: bool = True) -> None:
        """File ``m`` in ``span``, first joining it to every group it is linked to (unless
        ``compare`` is false: a stored event's mentions are grouped already)."""
        s = self.spans.setdefault(span, _Span())
        wording = self.rules.wording(m.sentence)
        k = s.index.get(wording)
        if k is not None:  # the same words: one node with them, uncompared
            self._union(s, m.node, s.members[k][0].node)
        words = self.rules.keys(m.sentence)
        picked, hits = self._pick(s, words)  # filed below with what the span knew before m
        if compare and words:
            self._join_linked(s, m, words, picked, hits)
        if k is not None:
            s.members[k].append(m)
            return
        k = s.index[wording] = len(s.texts)
        s.texts.append(m.sentence)
        s.members.append([m])
        s.keys.append(words)
        s.needs.append(self.rules.keys_needed(len(words)))
        s.picks.append(picked)
        s.hits.append(hits)
        s.count.update(words)
        root = self.find(m.node)
        s.sizes[root] = s.sizes.get(root, 0) + 1
        if root in s.big:
            s.file_big(root, k)
            return
        s.small.setdefault(root, []).append(k)
        s.file_small(k)
        if s.sizes[root] > _LAZY:
            self._promote(s, root)

    def _promote(self, s: _Span, root: Hashable) -> None:
        s.big[root] = _Group()
        for k in s.small.pop(root):
            s.file_big(root, k)

    def _pick(self, s: _Span, words: frozenset[str]) -> tuple[list[str], int]:
        """Keys of a sentence of which any partner with at least as many keys that shares
        enough (o of its n) must hold ``hits``: any n - o + hits of them do, since at most
        o - hits of the shared lie outside. They are the rarest in the span so far, which
        only sets the cost."""
        needed = self.rules.keys_needed(len(words))
        hits = min(needed, _HITS)
        ranked = sorted(words, key=lambda w: (s.count[w], w))
        return ranked[: len(words) - needed + hits], hits

    def _join_linked(
        self, s: _Span, m: Mention, words: frozenset[str], picked: list[str], hits: int
    ) -> None:
        """Join ``m`` (keys ``words``, of which ``picked`` must hold ``hits``) to every group
        of ``s`` that holds a wording it is linked to."""
        n = len(words)
        need = self.rules.keys_needed(n)
        # Wordings of small groups, counted at once: partners at least as big as m hold
        # ``hits`` of its picked keys, smaller ones have m hold that many of theirs.
        held = Counter(chain.from_iterable(s.having.get(w, ()) for w in picked))
        found = {k for k, h in held.items() if h >= hits and len(s.keys[k]) >= n}
        held = Counter(chain.from_iterable(s.picking.get(w, ()) for w in words))
        found.update(k for k, h in held.items() if h >= s.hits[k] and len(s.keys[k]) <= n)
        for k in sorted(found):
            if self.find(s.members[k][0].node) != self.find(m.node) and self._linked(s, m, words, need, k):
                self._union(s, m.node, s.members[k][0].node)
        # Big groups, one by one and lazily: the first wording linked is enough.
        roots: set[Hashable] = set()
        for w in picked:
            roots.update(s.big_having.get(w, ()))
        for w in words:
            roots.update(s.big_picking.get(w, ()))
        for root in roots:
            if root not in s.big or self.find(root) == self.find(m.node):
                continue  # merged into another since, or m is in it already
            group = s.big[root]
            bigger = chain.from_iterable(group.having.get(w, ()) for w in picked)
            smaller = chain.from_iterable(group.picked.get(w, ()) for w in words)
            partners = chain(
                _lazily(bigger, lambda k, h: h >= hits and len(s.keys[k]) >= n),
                _lazily(smaller, lambda k, h: h >= s.hits[k] and len(s.keys[k]) <= n),
            )
            if any(self._linked(s, m, words, need, k) for k in partners):
                self._union(s, m.node, root)

    def _linked(self, s: _Span, m: Mention, words: frozenset[str], need: int, k: int) -> bool:
        """Whether ``m`` (with keys ``words``, of which a partner with more must share
        ``need``) is linked to wording ``k``: their keys meet, and the rules say so."""
        if len(words & s.keys[k]) < min(need, s.needs[k]):
            return False
        assert m.actors is not None

        def actors_of() -> list[set[int]]:
            if any(o.actors is None for o in s.members[k]):
                self.load_actors([o for ms in s.members for o in ms if o.actors is None])
            return [o.actors or set() for o in s.members[k]]

        return self.rules.linked(m.sentence, m.actors, s.texts[k], actors_of)

    def _union(self, s: _Span, a: Hashable, b: Hashable) -> None:
        """Join the groups of nodes a and b; the larger's root stays, and the smaller's
        wordings move into its index (each wording moves O(log n) times)."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if s.sizes.get(ra, 0) > s.sizes.get(rb, 0):
            ra, rb = rb, ra
        self.parent[ra] = rb
        size = s.sizes.pop(ra, 0)
        if not size:
            return
        s.sizes[rb] = s.sizes.get(rb, 0) + size
        if ra in s.big:  # both big
            moved = s.big.pop(ra)
            group = s.big[rb]
            for w, ks in moved.having.items():
                group.having.setdefault(w, []).extend(ks)
                _move(s.big_having[w], ra, rb)
            for w, ks in moved.picked.items():
                group.picked.setdefault(w, []).extend(ks)
                _move(s.big_picking[w], ra, rb)
        elif rb in s.big:
            for k in s.small.pop(ra):
                s.file_big(rb, k)
        else:
            s.small.setdefault(rb, []).extend(s.small.pop(ra))
            if s.sizes[rb] > _LAZY:
                self._promote(s, rb)


def _lazily(postings: Iterable[int], enough: Callable[[int, int], bool]) -> Iterator[int]:
    """Each wording of ``postings`` once, when its count of appearances is ``enough``: the
    first _EAGER appearances are taken one by one, so a search can stop at the first wording
    that links; the rest, when it gets that far (the group holds no partner), are counted at
    C speed."""
    held: dict[int, int] = {}
    postings = iter(postings)
    for k in islice(postings, _EAGER):
        h = held[k] = held.get(k, 0) + 1
        if enough(k, h) and not enough(k, h - 1):  # enough just now
            yield k
    rest = Counter(postings)
    for k in sorted(rest):
        before = held.get(k, 0)
        if enough(k, before + rest[k]) and not (before and enough(k, before)):
            yield k


def _move(roots: set[Hashable], old: Hashable, new: Hashable) -> None:
    roots.discard(old)
    roots.add(new)
