"""Find actors in text: every person, country, organisation and company the recogniser finds
(recognise.py), with the names and aliases of the gazetteer, the user's actors.json and the
analyst's edits taking precedence. ``listed_only`` keeps the old matcher (gazetteer names and
titled people only), the baseline benchmarks/actors_eval.py measures against."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from explorer.actors.lexicon import lexicon
from explorer.actors.recognise import recognise
from explorer.model import Actor, ActorMention

_TITLES = (
    r"(?:(?:Chinese|Russian|US|U\.S\.|American|Ukrainian|British|French|German|Indian|Japanese"
    r"|Turkish|Iranian|Foreign|Deputy|Vice|Former|former)\s+)*"
    r"(?:President|Prime\s+Minister|Premier|Chancellor|Foreign\s+Minister|Defen[cs]e\s+Minister"
    r"|Minister|Secretary\s+of\s+State|Secretary|Ambassador|General|Gen\.|Admiral|Senator"
    r"|Sen\.|Governor|King|Queen|Chairman|spokesman|spokeswoman|spokesperson)"
)
_NAME = r"(?P<name>(?:[A-Z]\.\s)?[A-Z][a-z]+(?:[-\s][A-Z][a-z]+){0,2})"
_TITLED = re.compile(rf"\b{_TITLES}\s+{_NAME}\b")
_TITLE_WORD = re.compile(
    r"President|Premier|Chancellor|Minister|Secretary|Ambassador|General|Admiral|Senator"
    r"|Governor|King|Queen|Chairman|Foreign|Deputy|Vice|Former|Prime|Defen[cs]e"
)


class ActorMatcher:
    def __init__(
        self, actors: list[Actor], *, people: Sequence[str] = (), listed_only: bool = False
    ) -> None:
        self.actors = list(actors)
        self.listed_only = listed_only
        self._canonical: dict[str, str] = {}
        for a in actors:
            self._canonical[a.name] = a.name
            for alias in a.aliases:
                self._canonical.setdefault(alias, a.name)
        self.kinds = {a.name: a.kind for a in actors}
        self._folded: dict[str, str] | None = None
        self._known = {alias: (name, self.kinds[name]) for alias, name in self._canonical.items()}
        # Surnames of the people the store and the gazetteer know, where only one has it.
        full = [n for n in people if " " in n] + [
            a.name for a in actors if a.kind == "person" and " " in a.name
        ]
        by_surname: dict[str, set[str]] = {}
        for name in full:
            by_surname.setdefault(name.split()[-1], set()).add(name)
        self._surnames = {k: next(iter(v)) for k, v in by_surname.items() if len(v) == 1}
        names = sorted(self._canonical, key=len, reverse=True)
        lower = [n for n in names if n[:1].islower()]
        self._lower_pattern = (
            re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(n) for n in lower) + r")(?![\w])")
            if lower
            else None
        )
        self._pattern = (
            re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w])")
            if names
            else None
        )

    def canonical(self, name: str) -> str | None:
        """The actor a name or alias stands for (exact first, then ignoring case)."""
        if name in self._canonical:
            return self._canonical[name]
        country = lexicon().country_of.get(name)
        if country is not None:
            return country
        if self._folded is None:
            self._folded = {}
            for alias, actor in self._canonical.items():
                self._folded.setdefault(alias.casefold(), actor)
        return self._folded.get(name.casefold())

    def names(self) -> set[str]:
        """Every name and alias the matcher knows."""
        return set(self._canonical)

    def find(self, text: str) -> list[ActorMention]:
        if self.listed_only:
            return self._find_listed(text)
        found = recognise(text, self._known, self._surnames)
        for f in found:
            self.kinds.setdefault(f.actor, f.kind)
        mentions = [ActorMention(f.actor, f.start, f.end) for f in found]
        del found
        # Listed names the recogniser cannot see as names ("the dollar zone", lower case).
        if self._lower_pattern is not None:
            taken = _Spans([(m.start, m.end) for m in mentions])
            for m in self._lower_pattern.finditer(text):
                if not taken.overlaps(m.start(), m.end()):
                    mentions.append(ActorMention(self._canonical[m.group(0)], m.start(), m.end()))
        mentions.sort(key=lambda x: x.start)
        return mentions

    def _find_listed(self, text: str) -> list[ActorMention]:
        found: list[ActorMention] = []
        if self._pattern is not None:
            for m in self._pattern.finditer(text):
                found.append(ActorMention(self._canonical[m.group(0)], m.start(), m.end()))
        taken = _Spans([(m.start, m.end) for m in found])
        for m in _TITLED.finditer(text):
            start, end = m.start("name"), m.end("name")
            if taken.overlaps(start, end):
                continue  # "President Xi Jinping" is already Xi Jinping
            name = m.group("name")
            words = name.split()
            while words and _TITLE_WORD.fullmatch(words[0]):  # "spokesman Ambassador Wang Wenbin"
                start += len(words[0]) + 1
                words = words[1:]
            name = " ".join(words)
            if taken.overlaps(start, end):
                continue
            if len(words) < 2:
                continue  # "President Xi" with an unknown surname alone is too thin to name
            found.append(ActorMention(name, start, end))
            self.kinds.setdefault(name, "person")
        return sorted(found, key=lambda x: x.start)


class _Spans:
    """Fixed (start, end) spans, asked whether any overlaps another span: a bisection in the
    spans by start, with the furthest end reached so far, instead of a scan of them all."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self._starts = [s for s, _ in spans]
        self._reach: list[int] = []  # the largest end of the spans up to each one
        furthest = -1
        for _, e in spans:
            furthest = max(furthest, e)
            self._reach.append(furthest)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span ``s, e`` has ``s < end`` and ``start < e``."""
        k = bisect.bisect_left(self._starts, end)  # spans before k start before ``end``
        return k > 0 and self._reach[k - 1] > start
