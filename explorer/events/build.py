"""From a dated sentence to an event: a headline title, its time, its actors, its source.

The string rules of titles.py make the title. With ``parsed=True``, a rule-made title that
falls short of a headline (too long, a placeholder subject, too short: ``needs_parse``) gives
way to the pruned clause of the predicate the date modifies, read from the sentence's
dependency parse (clause.py), where the parse gives one."""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from collections.abc import Mapping, Sequence

from explorer.actors.lexicon import lexicon
from explorer.events.clause import TARGET_WORDS, clause_for
from explorer.events.furniture import furniture, is_baseline, is_time_stamp
from explorer.events.titles import make_title, phrase_title
from explorer.language.english import IRREGULAR_PAST
from explorer.language.parse import Parse, parse
from explorer.model import ActorMention, DateSpan, EventDraft, Passage, TimeExpression

__all__ = ["EventDraft", "drafts_for"]


def drafts_for(
    passages: list[Passage],
    expressions: list[TimeExpression],
    mentions: list[ActorMention],
    exclude: tuple[int, int] | None = None,
    datelines: Sequence[tuple[int, int]] = (),
    kinds: Mapping[str, str] | None = None,
    parsed: bool = False,
) -> list[EventDraft]:
    """One draft per resolved date expression anchoring a sentence.

    ``exclude`` is the publication date as written in the byline, and ``datelines`` are the
    agency datelines ("LONDON, March 3 (Reuters) -"), sorted: their dates date the article,
    not an event in it, and a title starts after them. Page furniture (captions, comment
    stamps, copyright lines: furniture.py) gives no events. ``kinds`` maps an actor to its kind,
    for the pronouns of titles ("he" -> the last person named).
    """
    names = _Antecedents(mentions, kinds or {})
    actors_in = _ActorsByPassage(mentions)
    ends = [d[1] for d in datelines]
    skip = furniture(passages)  # captions, comment stamps, (c) lines
    # expression, its span, its passage, the dateline cut, the rule-made title
    found: list[tuple[TimeExpression, DateSpan, int, int, str]] = []
    p_index = 0
    for e in expressions:
        if e.span is None:
            continue
        if exclude is not None and e.start < exclude[1] and exclude[0] < e.end:
            continue
        # The last dateline that ends after the expression starts may hold it.
        k = bisect.bisect_right(ends, e.start)
        if k < len(datelines) and datelines[k][0] < e.end:
            continue
        while p_index < len(passages) - 1 and passages[p_index].end <= e.start:
            p_index += 1
        passage = passages[p_index]
        if not passage.start <= e.start < passage.end:
            continue
        if p_index in skip:
            continue  # the date of a photo or a comment, not of the story
        if is_time_stamp(passage.text, e.start - passage.start, e.end - passage.start):
            continue  # "| Sat Jun 5, 2010 7:16 pm EDT": when the page was filed
        if is_baseline(passage.text, e.start - passage.start):
            continue  # "…, compared with $3 million a year earlier": no event then
        # A dateline before the date in its passage is not part of the headline.
        cut = ends[k - 1] - passage.start if k > 0 and ends[k - 1] > passage.start else 0
        start, end = e.start - passage.start, e.end - passage.start
        title = _named(make_title(passage.text[cut:], start - cut, end - cut), passage, names)
        found.append((e, e.span, p_index, cut, title))
    parses: dict[int, Parse | None] = {}
    dates: dict[int, list[tuple[int, int]]] = {}
    if parsed:
        # Only the sentences whose rule-made title falls short are parsed: the parse costs
        # more than all the rest of an article's analysis.
        wanted = sorted({i for _, _, i, _, title in found if needs_parse(title)})
        dates = _dated(passages, expressions)
        parses = dict(zip(wanted, parse([passages[i].text for i in wanted]), strict=True))
    out: list[EventDraft] = []
    for e, span, i, cut, title in found:
        passage = passages[i]
        tree = parses.get(i)
        if tree is not None and needs_parse(title):
            title = _clause_title(tree, passage, e, dates.get(i, []), cut, names) or title
        out.append(EventDraft(title, span, actors_in(passage), passage, e))
    return one_title_one_date(out)


def one_title_one_date(drafts: list[EventDraft]) -> list[EventDraft]:
    """A sentence whose dates all got one title tells, in that title, what happened at one of
    them ("Kessa Mills had a loss of $4 million in the third quarter, compared with a profit of
    $2 million in 1996"): the title stays with the date nearest the words it is made of. The other
    dates are titled by the phrase each closes ("… as guest of honour at the regional games from
    4 to 20 June"), or give no event rather than one that says something else happened then.
    So does a date whose title still dates itself by another date of the sentence."""
    by_passage: dict[int, list[int]] = {}
    for i, d in enumerate(drafts):
        by_passage.setdefault(d.passage.start, []).append(i)
    wrong: set[int] = set()
    for members in by_passage.values():
        if len(members) < 2:
            continue
        # Two dates each titled by the other's clause ("if in 1998 the valley had one dam, in
        # the 2030s there may be five" read crosswise): each takes the other's title.
        for a, b in itertools.combinations(members, 2):
            da, db = drafts[a], drafts[b]
            if da.span != db.span and _holds(da.title, db) and _holds(db.title, da):
                drafts[a] = dataclasses.replace(da, title=db.title)
                drafts[b] = dataclasses.replace(db, title=da.title)
        # A title dated by another date of the sentence tells that date's clause, unless that
        # date's own title holds this one's too (then the nearest keeps it, as for one title).
        wrong.update(
            i
            for i in members
            if any(
                drafts[j].span != drafts[i].span
                and _holds(drafts[i].title, drafts[j])
                and not _holds(drafts[j].title, drafts[i])
                for j in members
            )
        )
        by_title: dict[str, list[int]] = {}
        for i in members:
            if i not in wrong:
                by_title.setdefault(drafts[i].title, []).append(i)
        for title, same in by_title.items():
            if len({drafts[i].span for i in same}) < 2:
                continue
            where = _title_place(drafts[same[0]].passage.text, title)
            keep = drafts[min(same, key=lambda i: _distance(drafts[i], where))].span
            wrong.update(i for i in same if drafts[i].span != keep)
    out = []
    for i, d in enumerate(drafts):
        if i in wrong:
            retitled = _phrase_title(d)
            others = [drafts[j] for j in by_passage[d.passage.start] if j != i]
            if (
                retitled is None
                or any(o.title == retitled for o in others)
                # "The third quarter of 1997, compared with …" for 1996: another date's phrase
                or any(o.expression.text.lower() in retitled.lower() for o in others)
            ):
                continue
            d = dataclasses.replace(d, title=retitled)
        out.append(d)
    return out


def _phrase_title(d: EventDraft) -> str | None:
    base = d.passage.start
    return phrase_title(d.passage.text, d.expression.start - base, d.expression.end - base)


_TIME_PREPOSITIONS = ("in", "on", "at", "during")


def _holds(title: str, d: EventDraft) -> bool:
    """Whether the title dates itself by ``d``'s expression ("… in the third quarter of 1997"),
    not only names something by it ("the plan for 2021-2025")."""
    text = d.expression.text.lower()
    lowered = title.lower()
    if any(text.startswith(p + " ") for p in _TIME_PREPOSITIONS):
        return text in lowered
    return any(f"{p} {text}" in lowered for p in _TIME_PREPOSITIONS)


def _title_place(sentence: str, title: str) -> tuple[int, int]:
    """Where in the sentence the title's words stand: from its first word found to its last."""
    # Words of four letters or more: "the" and "of" are found anywhere.
    words = [w.lower().strip(",.:;") for w in title.split() if len(w.strip(",.:;")) > 3]
    lowered = sentence.lower()
    found = [at for w in words if (at := lowered.find(w)) >= 0]
    if not found:
        return (0, len(sentence))
    start = found[0]
    end = lowered.find(words[-1], start)
    return (start, max(end + len(words[-1]), start))


def _distance(d: EventDraft, where: tuple[int, int]) -> int:
    start = d.expression.start - d.passage.start
    end = d.expression.end - d.passage.start
    if end <= where[0]:
        return where[0] - end
    if start >= where[1]:
        return start - where[1]
    return 0


def _clause_title(
    tree: Parse,
    passage: Passage,
    e: TimeExpression,
    dates: list[tuple[int, int]],
    cut: int,
    names: _Antecedents,
) -> str | None:
    start, end = e.start - passage.start, e.end - passage.start
    others = [d for d in dates if d != (start, end)]
    clause = clause_for(
        tree, start, end, others, lambda at, k: names(passage.start + at, k), begin=cut
    )
    return None if clause is None else clause.title


# A rule-made title that reads as a headline is kept: the parse is asked only for one that is
# longer than a headline, opens on a placeholder subject ("It was not until …", "There
# were …", "I think …"), on a verb with its subject left behind ("Was appointed to …") or on
# a preposition ("Around the same time …"), says too little, or has no verb at all.
_PLACEHOLDER = re.compile(r"(?:It|There|I|We|This|That)\b")
_NO_SUBJECT = re.compile(
    r"(?:Was|Were|Is|Are|Has|Have|Had|Being|Been|Will|Would|Could|Did|Does|Also|Then|And|But"
    r"|Around|Throughout|During|After|Before|Since|Until|Later|Earlier)\b|[A-Z][a-z]+(?:ed|ing)\b"
)
_VERB_LIKE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|has|have|had|will|would|can|could|may|might|must"
    r"|shall|should|did|does|do|[a-z]+ed)\b"
)


def needs_parse(title: str) -> bool:
    words = title.split()
    if len(words) > TARGET_WORDS or len(words) < 4:
        return True
    if _PLACEHOLDER.match(title) or _NO_SUBJECT.match(title):
        return True
    return not (_VERB_LIKE.search(title) or any(w.lower() in IRREGULAR_PAST for w in words))


_PERSON_PRONOUN = re.compile(r"(He|She|His|Her) (?=[a-z])")


# "The company said …", "The bank's profit …": in a story about one company, that company.
_COMPANY_NOUN = re.compile(
    r"The (company|firm|bank|group|carrier|airline|insurer|maker|concern|retailer|utility"
    r"|lender|brewer|automaker|thrift|chipmaker)(?:['’]s)? (?=[a-z])"
)


def _named(title: str, passage: Passage, names: _Antecedents) -> str:
    """A title that opens with "He", "She", "His" or "Her" names who: a timeline's row is
    read alone ("His first opera opened" -> "Karl Lindqvist's first opera opened"); one that
    opens with "The company" names the company, where the article leaves as little doubt."""
    company = _COMPANY_NOUN.match(title)
    if company is not None:
        found = max(passage.text.lower().find("the " + company.group(1)), 0)
        org = names(passage.start + found, ("company", "organisation"), passage.end, people=False)
        if org is None or _quoted(passage.text, found):
            return title
        possessive = company.group(0).rstrip().endswith(("'s", "’s"))
        return org + ("'s" if possessive else "") + title[company.end() - 1 :]
    m = _PERSON_PRONOUN.match(title)
    if m is None:
        return title
    at = re.search(rf"\b{m.group(1)}\b", passage.text, re.IGNORECASE)
    where = at.start() if at else 0
    if _quoted(passage.text, where):
        return title  # a speaker's "he" is someone the speaker talks about, not the speaker
    name = names(passage.start + where, ("person",), passage.end)
    if name is None:
        return title
    if m.group(1) in ("His", "Her"):
        name += "'" if name.endswith("s") else "'s"
    return name + title[m.end(1) :]


def _dated(
    passages: list[Passage], expressions: list[TimeExpression]
) -> dict[int, list[tuple[int, int]]]:
    """The passages that hold a resolved date expression (the only ones parsed), in order,
    each with its expressions' offsets in the passage: grouped once, not per expression."""
    starts = [p.start for p in passages]
    out: dict[int, list[tuple[int, int]]] = {}
    for e in expressions:
        if e.span is None:
            continue
        i = bisect.bisect_right(starts, e.start) - 1
        if i >= 0 and passages[i].start <= e.start < passages[i].end:
            base = passages[i].start
            out.setdefault(i, []).append((e.start - base, e.end - base))
    return dict(sorted(out.items()))


class _Antecedents:
    """Who "he" or "she" at a place of the document is, when the document leaves little doubt:
    the one person of that kind named in the sentences before it, unless the article has
    named another as often (a biography's subject, not "Bailey" named once nearby); or, of
    several named there, the article's main person when it is named twice as often as each
    of the others. Otherwise nobody: a wrong name reads worse than "He". So does a name that
    is no person's ("Climate Change", "Spain More")."""

    _REACH = 600  # characters back: about three sentences

    def __init__(self, mentions: list[ActorMention], kinds: Mapping[str, str]) -> None:
        ordered = sorted(mentions, key=lambda m: m.start)
        self._starts = [m.start for m in ordered]
        self._actors = [m.actor for m in ordered]
        self._kinds = kinds
        # The most named actor of each kind among the first i + 1 mentions.
        self._leaders: list[dict[str, str]] = []
        counts: dict[str, int] = {}
        leaders: dict[str, str] = {}
        for actor in self._actors:
            counts[actor] = counts.get(actor, 0) + 1
            kind = kinds.get(actor, "")
            if kind not in leaders or counts[actor] > counts[leaders[kind]]:
                leaders = {**leaders, kind: actor}
            self._leaders.append(leaders)

    def __call__(
        self, at: int, kinds: tuple[str, ...], until: int | None = None, people: bool = True
    ) -> str | None:
        """``until``: where the pronoun's sentence ends; another person named in it after the
        pronoun may be the one meant ("He visits Belfast today, Mr Curtis said")."""
        upto = bisect.bisect_left(self._starts, at)
        counts: dict[str, int] = {}
        for actor in self._actors[:upto]:
            counts[actor] = counts.get(actor, 0) + 1
        near: list[str] = []
        i = upto - 1
        while i >= 0 and self._starts[i] >= at - self._REACH:
            actor = self._actors[i]
            if self._kinds.get(actor) in kinds and actor not in near:
                near.append(actor)
            i -= 1
        if not near:
            return None
        leaders = self._leaders[upto - 1]
        leader = next((leaders[k] for k in kinds if k in leaders), None)
        if len(near) == 1:
            name = near[0]
            if leader is not None and leader != name and counts[leader] >= counts[name]:
                return None  # "Bailey", named once nearby, in a biography of Byron
        elif leader in near and all(counts[leader] >= 2 * counts[o] for o in near if o != leader):
            name = leader  # the story's subject among people named in passing
        else:
            return None
        if until is not None:
            j = bisect.bisect_left(self._starts, at)
            while j < len(self._starts) and self._starts[j] < until:
                other = self._actors[j]
                if other != name and self._kinds.get(other) in kinds:
                    return None
                j += 1
        if not people:
            return name if len(name) >= 3 else None  # an organisation's name, "BP" too
        return name if _person_name(name) else None


def _quoted(text: str, at: int) -> bool:
    """Whether ``text[at]`` lies inside a quotation."""
    before = text[:at]
    straight = before.count('"') + before.count("``") + before.count("''")
    return straight % 2 == 1 or before.count("“") > before.count("”")


def _person_name(name: str) -> bool:
    """Whether an actor's name reads as a person's: two words or more, none of them a common
    English word or a country's name ("Swine Flu", "Spain More" are recogniser slips)."""
    words = name.split()
    lex = lexicon()
    return len(words) >= 2 and not any(
        w.lower() in lex.common or w in lex.country_of for w in words
    )


class _ActorsByPassage:
    """The actors mentioned in a passage (a mention starting inside it), each once, in the
    order of ``mentions``: found by bisection, so a document's drafts cost the number of its
    mentions once, not once per date expression."""

    def __init__(self, mentions: list[ActorMention]) -> None:
        self._mentions = mentions
        # Positions in ``mentions`` by start (stable: equal starts keep their order).
        self._order = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
        self._starts = [mentions[i].start for i in self._order]
        self._in_order = all(i == n for n, i in enumerate(self._order))
        self._last: tuple[int, int, tuple[str, ...]] | None = None

    def __call__(self, passage: Passage) -> tuple[str, ...]:
        if self._last is not None and self._last[:2] == (passage.start, passage.end):
            return self._last[2]  # several dates in one sentence
        lo = bisect.bisect_left(self._starts, passage.start)
        hi = bisect.bisect_left(self._starts, passage.end, lo)
        picked = self._order[lo:hi] if self._in_order else sorted(self._order[lo:hi])
        actors = tuple(dict.fromkeys(self._mentions[i].actor for i in picked))
        self._last = (passage.start, passage.end, actors)
        return actors
