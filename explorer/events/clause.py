"""The clause a date expression dates, and its headline, read from the dependency parse.

A date attaches to the predicate it modifies ("exploded … Friday"); the headline is that
predicate's clause pruned to its core: subject, verb group (with negation and particle), objects
and complements. Dates, adverbials, appositions, relative clauses, parentheticals, attribution
frames ("X said that …": the title is what was said) and discourse openers go, and the title is
brought to about twelve words by removing whole subtrees, never by cutting inside a phrase.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from explorer.language.parse import Parse

TARGET_WORDS = 12
MIN_WORDS = 3

_SUBJECTS = frozenset({"nsubj", "nsubj:pass", "nsubj:outer", "csubj", "csubj:pass", "expl"})
# What a clause head keeps: its subject, verb group and core complements. An oblique ("outside
# the embassy") stays while the title has room.
_CLAUSE_KEEPS = _SUBJECTS | {
    "aux", "aux:pass", "cop", "compound:prt", "obj", "iobj", "xcomp", "ccomp", "obl",
    "obl:agent", "det", "amod", "compound", "nummod", "nmod:poss", "flat", "fixed", "case",
    "nmod", "det:predet", "goeswith", "compound:lvc",
}  # fmt: skip
# What a phrase inside the clause keeps (a noun phrase, an infinitive, a that-clause).
_PHRASE_KEEPS = _CLAUSE_KEEPS | {
    "conj", "cc", "cc:preconj", "advmod", "mark", "acl", "nmod:unmarked", "nmod:desc", "punct",
}  # fmt: skip
# Never part of a headline: time adverbials, other clauses, asides, discourse.
_TIME = frozenset({"obl:tmod", "obl:unmarked", "nmod:tmod", "obl:npmod"})
# What may give way, whole, when the title is too long: the biggest first.
# A number never goes alone: "$8.5 million" without "8.5" is "$".
_OPTIONAL = frozenset({"obl", "obl:agent", "nmod", "acl", "conj", "advmod", "nmod:unmarked",
                       "nmod:desc", "amod", "appos", "advcl"})  # fmt: skip
_NEGATION = frozenset({"not", "n't", "never", "no", "nor"})
# Verbs that frame what someone said, thought or reported: the title is the content.
_FRAME_WORDS = (
    "say says said saying tell tells told telling add adds added note notes noted state states "
    "stated announce announces announced declare declares declared stress stresses stressed "
    "insist insists insisted argue argues argued warn warns warned write writes wrote report "
    "reports reported claim claims claimed explain explains explained acknowledge acknowledges "
    "acknowledged confirm confirms confirmed suggest suggests suggested predict predicts "
    "predicted believe believes believed think thinks thought recall recalls recalled estimate "
    "estimates estimated expect expects expected indicate indicates indicated show shows showed "
    "reveal reveals revealed assert asserts asserted emphasise emphasised emphasize emphasized "
    "mention mentions mentioned concede conceded admit admits admitted complain complained "
    "allege alleged testify testified"
)
_FRAMES = frozenset(_FRAME_WORDS.split())
# A date in a phrase with one of these leads ("since Russia's pivot to the East in 2014"): the
# phrase is the dated event, not the clause it sets the scene for.
_SCENE_CASES = frozenset({"since", "after", "before", "following", "until", "till", "ahead", "prior"})
# Only "he" and "she" are resolved to a name: "it" and "they" stand as often for a thing, a
# crowd or nothing ("it was expected") as for an organisation or a country.
_PRONOUNS = {"he": ("person",), "she": ("person",)}
# Nouns that name a part or an amount of something: their of-phrase is what they are about.
_PARTITIVE_WORDS = (
    "rest remainder part parts end start beginning middle number lot lots majority minority "
    "half third quarter most some all one each many few top bottom side edge kind type sort "
    "series couple group share bulk portion percent"
)
_PARTITIVES = frozenset(_PARTITIVE_WORDS.split())
_RELATIVE_WORDS = frozenset({"that", "which", "who", "whom"})
_QUOTES = frozenset({'"', "``", "''", "“", "”", "‘", "’", "'", "«", "»", "`"})
_BRACKETS = frozenset({"(", ")", "[", "]", "{", "}", "-LRB-", "-RRB-"})


@dataclass(frozen=True)
class Clause:
    """The predicate a date modifies, and the headline of its clause."""

    predicate: int  # token index of the predicate in the parse
    title: str


# Who a pronoun at ``start`` (in the parsed text) stands for, given the kinds it may be.
Antecedent = Callable[[int, tuple[str, ...]], str | None]


def clause_for(
    p: Parse,
    start: int,
    end: int,
    other_dates: Sequence[tuple[int, int]] = (),
    antecedent: Antecedent | None = None,
    begin: int = 0,
) -> Clause | None:
    """The clause the date at ``[start, end)`` of the parsed text dates, or ``None`` when the
    parse gives no predicate for it. ``other_dates`` are the sentence's other date
    expressions (never part of this title); tokens before ``begin`` (a dateline) are not
    part of the sentence."""
    date = set(p.covering(start, end))
    if not date:
        return None
    hidden = set(date)
    for s, e in other_dates:
        hidden.update(p.covering(s, e))
    hidden.update(i for i, t in enumerate(p.tokens) if t.end <= begin)
    # "from 1928 onwards", "1990 on": the word that opens the date's range is the date's
    hidden.update(
        i + 1
        for i in list(hidden)
        if i + 1 < len(p.tokens) and p.tokens[i + 1].text.lower() in ("onwards", "onward")
    )
    tokens = p.tokens
    top = next((i for i in sorted(date) if tokens[i].head not in date or tokens[i].head == i), None)
    if top is None:
        return None
    scene = _scene_phrase(p, top, hidden)
    if scene is not None:
        return scene
    predicate = _predicate(p, top)
    if predicate is None or predicate in date:
        return None
    head = _clause_head(p, predicate, top)
    kept = _prune(p, head, hidden, _path(p, predicate, head))
    kept, moved = _relative(p, head, kept, hidden)
    if moved == [-1]:
        return None
    shared = _shared_subject(p, head, hidden)
    _fit(p, head, kept, hidden)
    _whole_words(p, kept, hidden)
    words = _render(p, kept | shared, _names(p, head, antecedent, shared), moved)
    if len(words.split()) < MIN_WORDS or not any(_verbal(tokens[i].tag) for i in kept):
        return None
    if not shared and not _has_subject(p, head, kept, moved):
        return None  # "Inserted into a broken-off pipe": the parse lost who did it
    if (
        tokens[head].text.lower() in _FRAMES
        and not moved
        and not any(tokens[c].dep == "aux:pass" for c in p.children[head])
        and not any(
            tokens[c].dep in ("ccomp", "obj", "xcomp") and c in kept for c in p.children[head]
        )
    ):
        return None  # "The company said": the parse lost what was said
    return Clause(predicate, words)


def _shared_subject(p: Parse, head: int, hidden: set[int]) -> set[int]:
    """The subject a finite verb shares with the verb it is coordinated with ("he was
    promoted in 1678, was appointed to the high command in 1679"): short, it leads the
    title. Empty when the verb has its own subject or none can be borrowed."""
    tokens = p.tokens
    t = tokens[head]
    if t.dep != "conj" or t.head == head or any(
        tokens[c].dep in _SUBJECTS for c in p.children[head]
    ):
        return set()
    finite = t.tag in ("VBD", "VBZ", "VBP") or any(
        tokens[c].dep in ("aux", "aux:pass") for c in p.children[head]
    )
    if not finite:
        return set()
    subject = next((c for c in p.children[t.head] if tokens[c].dep in _SUBJECTS), None)
    if subject is None or subject > head:
        return set()
    phrase = _prune(p, subject, hidden)
    phrase -= {i for i in phrase if tokens[i].dep in ("acl", "acl:relcl", "appos")}
    return phrase if _word_count(p, phrase) <= 5 else set()


def _has_subject(p: Parse, head: int, kept: set[int], moved: Sequence[int]) -> bool:
    """Whether the title says who or what: a subject of its head is kept (or put in place of
    a relative pronoun), or the head is a participle that follows its noun."""
    tokens = p.tokens
    if tokens[head].dep == "acl":
        return True
    subjects = [c for c in p.children[head] if tokens[c].dep in _SUBJECTS and c in kept]
    if not subjects:
        return tokens[head].dep == "acl:relcl" and bool(moved or kept - set(p.subtree(head)))
    return all(tokens[c].text.lower() not in _RELATIVE_WORDS for c in subjects)


def _verbal(tag: str) -> bool:
    return tag.startswith("VB") or tag == "MD"


def _predicate(p: Parse, i: int) -> int | None:
    """The nearest token above ``i`` that heads a clause: a verb, or a word with a subject or
    a copula (a nominal predicate: "… was president in 2001")."""
    tokens = p.tokens
    j = tokens[i].head
    seen = {i}
    while j not in seen:
        seen.add(j)
        t = tokens[j]
        if _verbal(t.tag) or any(tokens[c].dep in _SUBJECTS | {"cop"} for c in p.children[j]):
            return j
        if t.head == j:
            return j
        j = t.head
    return None


def _path(p: Parse, low: int, high: int) -> set[int]:
    """The tokens from ``low`` up to ``high``: the chain a title keeps whatever its labels."""
    out = {low}
    while low != high and p.tokens[low].head != low:
        low = p.tokens[low].head
        out.add(low)
    return out


def _clause_head(p: Parse, predicate: int, date: int) -> int:
    """Where the headline's clause starts: an infinitive without its own subject belongs to
    the verb that governs it ("agreed … to hold talks"), and a frame ("he said that …") gives
    way to what was said, unless the date is the saying's ("said on Tuesday that …")."""
    tokens = p.tokens
    head = predicate
    for _ in range(4):
        t = tokens[head]
        kids = p.children[head]
        own_subject = any(tokens[c].dep in _SUBJECTS for c in kids)
        infinitive = any(tokens[c].tag == "TO" for c in kids)
        if not own_subject and t.head != head and (
            t.dep == "xcomp" or (t.dep == "advcl" and infinitive)
        ) and _verbal(tokens[t.head].tag):
            head = t.head
            continue
        break
    if tokens[head].text.lower() in _FRAMES and tokens[date].head != head:
        said = [c for c in p.children[head] if tokens[c].dep in ("ccomp", "parataxis")]
        if said and _verbal(tokens[said[0]].tag):
            return said[0]
    return head


def _prune(
    p: Parse, head: int, hidden: set[int], path: frozenset[int] | set[int] = frozenset()
) -> set[int]:
    tokens = p.tokens
    kept = {head}
    stack = [(c, True) for c in p.children[head]]
    while stack:
        c, at_top = stack.pop()
        t = tokens[c]
        if c in hidden or t.dep in _TIME:
            continue
        allowed = _CLAUSE_KEEPS if at_top else _PHRASE_KEEPS
        if c in path:
            pass
        elif t.dep == "advmod" and at_top:
            # "not", and an adverb that heads a phrase ("back to 40%", "down from $32 million")
            if t.text.lower() not in _NEGATION and not any(
                tokens[d].dep in ("obl", "obl:npmod") and d not in hidden for d in p.children[c]
            ):
                continue
        elif t.dep == "mark" and t.tag == "TO":
            pass  # "the effort to clear the backlog": an infinitive keeps its "to"
        elif t.dep == "mark" and (at_top or t.text.lower() == "that"):
            continue  # "said that it would close" reads "said it would close"
        elif t.dep == "acl" and at_top and tokens[head].tag.startswith("NN"):
            pass  # "she was the first woman to receive the prize": the predicate's own clause
        elif t.dep in ("conj", "cc") and at_top and _verbal(tokens[c].tag if t.dep == "conj" else tokens[t.head].tag):
            # "was exchanged in 1780 and served on the general's staff": one subject's two
            # verb phrases, unless the second has a date of its own (another event)
            if any(d in hidden for d in p.subtree(t.head if t.dep == "cc" else c)):
                continue
        elif t.dep == "acl:relcl" and tokens[t.head].tag in ("WP", "WDT"):
            pass  # "disgruntled with what he considered the failings": the free relative is it
        elif t.dep == "advcl" and at_top and _infinitive(p, c):
            pass  # "agreed … to hold talks": often an xcomp the parser calls advcl
        elif t.dep == "punct":
            if not _inner_punct(p, c):
                continue
        elif t.dep not in allowed:
            continue
        if t.tag in ("IN", "TO") and any(d in hidden for d in p.children[c]):
            continue  # "in 1952 and Spain": a phrase around another date goes with it
        kept.add(c)
        stack.extend((d, False) for d in p.children[c])
    _drop_brackets(p, kept)
    _drop_bare_modifiers(p, kept, path)
    return kept


def _word_count(p: Parse, ids: set[int]) -> int:
    """Words as a reader counts them: "$8.5" and "loan-loss" are one word each."""
    tokens = p.tokens
    return sum(
        1
        for i in ids
        if tokens[i].dep != "punct"
        and tokens[i].tag != "HYPH"
        and not (i - 1 in ids and tokens[i - 1].space == "")
    )


def _whole_words(p: Parse, kept: set[int], hidden: set[int]) -> None:
    """A hyphenated word stays whole ("the Hutu-organized genocide", "non-recurring"): the
    tokenizer splits it, and a title must not keep half."""
    tokens = p.tokens
    n = len(tokens)

    def joined(k: int) -> bool:  # tokens k and k+1 are one written word
        a, b = tokens[k], tokens[k + 1]
        return a.space == "" and (a.tag == "HYPH" or b.tag == "HYPH" or a.text in "-/" or b.text in "-/")

    i = 0
    while i < n:
        j = i
        while j < n - 1 and joined(j):
            j += 1
        run = set(range(i, j + 1))
        if j > i and run & kept and not run & hidden:
            kept |= run
        i = j + 1


def _drop_bare_modifiers(p: Parse, kept: set[int], path: set[int] | frozenset[int]) -> None:
    """A participle or infinitive on a noun that lost all it governed ("a piece of equipment
    designed [to control the well]") says nothing by itself: it goes too."""
    tokens = p.tokens
    for i in sorted(kept, reverse=True):
        if tokens[i].dep != "acl" or i in path:
            continue
        governed = [c for c in p.children[i] if tokens[c].dep not in ("punct", "mark", "aux")]
        if governed and not any(c in kept for c in governed):
            kept.difference_update(p.subtree(i))


def _infinitive(p: Parse, c: int) -> bool:
    kids = p.children[c]
    return any(p.tokens[k].tag == "TO" for k in kids) and not any(
        p.tokens[k].dep in _SUBJECTS for k in kids
    )


def _inner_punct(p: Parse, c: int) -> bool:
    """Punctuation a phrase keeps: a hyphen, a possessive, the comma before a conjunct."""
    t = p.tokens[c]
    if t.tag in ("HYPH", "POS") or t.text in ("-", "/", "&"):
        return True
    if t.text == ",":
        head = p.tokens[t.head]
        return head.dep == "conj" and t.head > c
    return False


def _drop_brackets(p: Parse, kept: set[int]) -> None:
    """A parenthetical goes whole: every kept token between brackets of the sentence."""
    depth = 0
    for i, t in enumerate(p.tokens):
        if t.text in ("(", "["):
            depth += 1
        if depth:
            kept.discard(i)
        if t.text in (")", "]") and depth:
            depth -= 1


def _scene_phrase(p: Parse, top: int, hidden: set[int]) -> Clause | None:
    """"Since Russia's pivot to the East in 2014, …": the date modifies a noun in a phrase
    that sets the scene, so that noun phrase is the event."""
    tokens = p.tokens
    noun = tokens[top].head
    if noun == top or not tokens[noun].tag.startswith("NN"):
        return None
    case = [c for c in p.children[noun] if tokens[c].dep in ("case", "mark")]
    if not case or tokens[case[0]].text.lower() not in _SCENE_CASES:
        return None
    kept = set(p.subtree(noun)) - set(case)
    for i in list(kept):
        if i in hidden or tokens[i].dep in _TIME | {"acl:relcl", "appos", "punct"}:
            kept -= set(p.subtree(i))
    kept |= {i for i in p.subtree(noun) if tokens[i].dep == "punct" and _inner_punct(p, i)}
    kept -= {i for i in hidden}
    _drop_brackets(p, kept)
    _fit(p, noun, kept, hidden)
    _whole_words(p, kept, hidden)
    words = _render(p, kept, {})
    if len(words.split()) < MIN_WORDS:
        return None
    return Clause(noun, words)


def _relative(
    p: Parse, head: int, kept: set[int], hidden: set[int]
) -> tuple[set[int], list[int]]:
    """"… the plan, which the two countries signed on November 23": the relative pronoun
    stands for the noun the clause hangs on, so the title puts that noun phrase in its place
    ("The two countries signed the plan"); a participle ("the treaty signed in 2001") gets
    its noun in front ("The treaty … signed"). Returns the tokens kept and the noun phrase to
    put after the verb (an object relative), in order."""
    tokens = p.tokens
    t = tokens[head]
    if t.dep not in ("acl:relcl", "acl") or t.head == head:
        return kept, []
    noun = t.head
    # "the roadmap for military cooperation, which …": all of it; a participle ("the cap
    # installed this week") hangs on the noun it follows, never on one further up
    while (
        t.dep == "acl:relcl"
        and tokens[noun].dep in ("nmod", "conj")
        and tokens[tokens[noun].head].tag.startswith("NN")
    ):
        noun = tokens[noun].head
    phrase = _prune(p, noun, hidden | set(p.subtree(head)))
    phrase -= {c for c in p.children[noun] if tokens[c].dep == "case"}
    if t.dep == "acl":
        return kept | phrase, []
    if any(tokens[c].tag == "WP$" for c in p.subtree(head)):
        return kept, [-1]  # "whose shares began trading": no plain title (see clause_for)
    wh = [
        c
        for c in kept
        if tokens[c].head == head
        and (tokens[c].tag in ("WDT", "WP") or tokens[c].text.lower() in _RELATIVE_WORDS)
        and tokens[c].dep in _SUBJECTS | {"obj", "obl"}
    ]
    if not wh:
        own = p.children[head]
        if any(tokens[c].dep in _SUBJECTS for c in own) and not any(
            tokens[c].dep == "obj" for c in own
        ):  # "the diplomacy [that] he began": he began the diplomacy
            return kept, sorted(phrase)
        return kept, []
    kept = kept - {wh[0]}
    if tokens[wh[0]].dep == "obj":
        return kept, sorted(phrase)
    return kept | phrase, []


def _fit(p: Parse, head: int, kept: set[int], hidden: set[int]) -> None:
    """Remove optional subtrees until the title has TARGET_WORDS words: first a phrase that
    only carried the date ("during their last meeting [in April]"), then the clause's own
    adverbials, then modifiers inside its phrases, then an infinitive; the biggest first."""
    tokens = p.tokens

    def words(ids: set[int]) -> int:
        return _word_count(p, ids)

    def tier(c: int) -> int:
        t = tokens[c]
        if t.dep in ("obl", "nmod", "advmod") and any(h in hidden for h in p.subtree(c)):
            return 0
        # A clause hung on a noun ("BP's effort [to contain the oil …] ran into obstacles")
        # goes before the predicate's own phrases: a headline keeps what the verb governs.
        if t.head != head and t.dep in ("acl", "appos", "advcl"):
            return 1
        if t.head == head and t.dep in ("advmod", "advcl"):
            return 2
        if t.head == head and t.dep in ("obl", "obl:agent"):
            return 3
        if t.dep == "conj":
            return 4  # "Orkem and Coates said": who did it goes last
        return 2

    def part_of_a_name(c: int) -> bool:
        # "the House Natural Resources Committee" loses no word of its name
        t = tokens[c]
        return t.dep in ("amod", "compound", "flat", "nummod") and tokens[t.head].tag in (
            "NNP", "NNPS")

    while words(kept) > TARGET_WORDS:
        excess = words(kept) - TARGET_WORDS
        best: tuple[int, int, int] | None = None
        best_sub: set[int] = set()
        for c in kept:
            if c == head or tokens[c].dep not in _OPTIONAL or part_of_a_name(c):
                continue
            if tokens[c].text.lower() in _NEGATION:
                continue  # "didn't respond" never becomes "did respond"
            if tokens[c].dep == "advmod" and tokens[tokens[c].head].tag in ("CD", "$"):
                continue  # "about 19 million" is not "19 million"
            if (
                tokens[c].dep == "nmod"
                and tokens[tokens[c].head].text.lower() in _PARTITIVES
                and any(tokens[k].text.lower() == "of" for k in p.children[c])
            ):
                continue  # "the rest [of the war]": a part says nothing without its whole
            sub = set(p.subtree(c)) & kept
            if words(kept - sub) < MIN_WORDS:
                continue
            # In a tier, the smallest subtree that brings the title to length, else the
            # biggest: "The plan for quickly draining the lower valley of the water [pouring
            # in from the hills] failed" keeps what it can.
            size = words(sub)
            rank = (tier(c), 0, size) if size >= excess else (tier(c), 1, -size)
            if best is None or rank < best:
                best, best_sub = rank, sub
        if best is None:
            return
        kept -= best_sub
        # the commas and conjunctions left dangling by a removed conjunct go too
        for i in list(kept):
            if tokens[i].dep in ("cc", "punct") and tokens[i].head not in kept:
                kept.discard(i)


def _names(
    p: Parse, head: int, antecedent: Antecedent | None, shared: frozenset[int] | set[int] = frozenset()
) -> dict[int, str]:
    """What a pronoun subject of the clause (or the one it shares: ``shared``) stands for:
    the speaker of the frame around it ("The company said … it would close" -> "The company
    would close"), else the named antecedent of its kind before it."""
    tokens = p.tokens
    subject = next((c for c in p.children[head] if tokens[c].dep in _SUBJECTS), None)
    if subject is None and shared:
        subject = min(shared)
    if subject is None or tokens[subject].tag != "PRP":
        return {}
    word = tokens[subject].text.lower()
    frame = tokens[head].head
    if tokens[head].dep in ("ccomp", "parataxis") and tokens[frame].text.lower() in _FRAMES:
        speaker = next((c for c in p.children[frame] if tokens[c].dep in _SUBJECTS), None)
        if speaker is not None and tokens[speaker].tag.startswith("NN"):
            phrase = _prune(p, speaker, set())
            phrase -= {i for i in phrase if tokens[i].dep in ("acl", "acl:relcl", "appos")}
            if len(phrase) <= 5 and word in ("he", "she", "it", "they"):
                return {subject: _render(p, phrase, {})}
    kinds = _PRONOUNS.get(word)
    if antecedent is not None and kinds:
        name = antecedent(tokens[subject].start, kinds)
        if name:
            return {subject: name}
    return {}


_CLOSING = frozenset({",", ".", ";", ":", "%", ")", "]", "?", "!"})


def _lost_possessive(p: Parse, i: int, kept: set[int]) -> bool:
    """Whether token ``i`` opens a noun phrase whose possessive went with the date
    ("This quarter's loss", "Thursday's closing price"), leaving it with no determiner."""
    tokens = p.tokens
    for noun in (i, tokens[i].head):
        kids = p.children[noun]
        if min([noun, *[k for k in kids if k in kept]]) != i:
            continue
        if any(tokens[k].dep in ("det", "nmod:poss") and k in kept for k in kids):
            return False
        return any(tokens[k].dep == "nmod:poss" and k not in kept for k in kids)
    return False


def _render(p: Parse, kept: set[int], names: dict[int, str], moved: Sequence[int] = ()) -> str:
    tokens = p.tokens
    order = sorted(kept)
    if moved:  # an object relative's noun phrase goes after its verb
        verb = next((i for i in order if _verbal(tokens[i].tag) and tokens[i].dep not in (
            "aux", "aux:pass")), None)  # fmt: skip
        if verb is not None:
            at = order.index(verb) + 1
            order = order[:at] + [i for i in moved if i not in kept] + order[at:]
    parts: list[str] = []
    previous = -2
    for i in order:
        t = tokens[i]
        text = t.text
        if text in _QUOTES or text in _BRACKETS:
            continue
        if i in names:
            text = names[i] if parts else names[i][:1].upper() + names[i][1:]
        elif not parts and t.tag in ("CC", "IN", ",") and t.dep in ("cc", "mark", "case", "punct"):
            continue  # a title never opens on "and" or "that"
        # Neighbours in the text keep the text's spacing ("U.S.", "Russia-China", "didn't");
        # a comma or a possessive follows its word wherever the words between went.
        if previous == i - 1:
            gap = tokens[previous].space
        elif text in _CLOSING or t.tag == "POS":
            gap = ""
        else:
            gap = " "
        if t.tag == "NN" and text.islower() and _lost_possessive(p, i, kept):
            text = "the " + text  # "[This quarter's] loss" -> "The loss"
        if parts and previous != i - 1 and tokens[previous].text.lower() in ("a", "an"):
            # "a [special] issue" -> "an issue": the article agrees with the word now after it
            article = "an" if text[:1].lower() in "aeiou" else "a"
            old = parts[-1]
            parts[-1] = old[: len(old) - len(tokens[previous].text)] + (
                article.capitalize() if tokens[previous].text[:1].isupper() else article
            )
        parts.append((gap if parts else "") + text)
        previous = i
    out = "".join(parts).strip(" ,;:-")
    return out[:1].upper() + out[1:]
