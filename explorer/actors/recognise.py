"""Actors no list has named: each name in the text (see chunks.py) becomes a person, a country,
an organisation or a company, or is left alone (a place, an event, a work).

The evidence, in order: a name the user or the gazetteer knows; a country, its demonym before an
institution ("Kenyan police") or its capital when it acts ("Moscow said"); an acronym defined in
brackets; the head word of the name (Ministry, Party, Bank, Inc.: organisations and companies;
Street, River: places; Treaty, Cup: events); a title before it (President, Mr.); then its shape:
two to four name words are a person, a lone capitalised word a person's surname when the article
named that person in full, an acronym or a word with inner capitals (SpaceX) an organisation.
Later mentions ("Zarif", "Mr. Clinton") take the full name the article gave.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from explorer.actors.chunks import Chunk, Word, chunks_of, words_of
from explorer.actors.lexicon import (
    COMPANY_WORDS,
    EVENT_WORDS,
    NOT_ACTORS,
    ORG_WORDS,
    PERSON_PARTICLES,
    PERSONAL_TITLES,
    PLACE_WORDS,
    TITLES,
    Lexicon,
    lexicon,
    wordlist,
)

_BYLINE = re.compile(r"^[ \t]*By[ \t][^\n]*", re.MULTILINE)
_ACRONYM = re.compile(r"(?:[A-Z]\.){2,}|[A-Z][A-Z&]{1,6}s?")
_INNER_CAPITAL = re.compile(r"^[A-Z]?[a-z]+[A-Z]")
_NAME_WORD = re.compile(r"(?:[A-Z]\.|[^\W\d_][\w'’\-]*\.?)")
_INSTITUTIONS = wordlist("""government governments police army officials official forces troops military
    authorities president prime ministry minister ministers embassy navy parliament leader
    leaders diplomats diplomat state media court courts prosecutors soldiers security
    intelligence regime delegation side counterpart counterparts foreign defence defense
    administration cabinet spokesman spokeswoman officers agents negotiators lawmakers
    legislators envoy ambassador consulate warplanes jets air coast border special national
    interior finance economy offensive attack attacks strike strikes airstrikes invasion
    incursion bombing shelling missile missiles drones sanctions blockade annexation
    occupation aggression policy proposal plan warships submarines fleet response demands
    counteroffensive operation operations units battalions commanders generals""")
_MAX_PERSON_WORDS = 5


@dataclass(frozen=True, slots=True)
class Found:
    start: int
    end: int
    actor: str
    kind: str


def recognise(
    text: str, known: dict[str, tuple[str, str]], surnames: dict[str, str] | None = None
) -> list[Found]:
    """Every actor mention in ``text``. ``known`` maps names and aliases the user, the gazetteer
    and the store know to (actor, kind); they win over everything recognised here.
    ``surnames`` maps a surname to the one person known by it outside this article."""
    lex = lexicon()
    pending: list[tuple[Found, str]] = []  # (mention, how: "full", "single", "titled-single")
    acronyms: dict[str, tuple[str, str]] = {}
    # The words between names go once the names are found: a big text never keeps them all.
    chunks = _coordinated(chunks_of(words_of(text)))
    bylines = [(m.start(), m.end()) for m in _BYLINE.finditer(text, 0, 600)]
    for n, chunk in enumerate(chunks):
        if any(a <= chunk.start < b for a, b in bylines):
            continue  # "By Jane Doe, Reuters": who wrote it, not who is in it
        if (
            n
            and text[chunks[n - 1].end : chunk.start] == " and "
            and (_kind_by_words(list(chunks[n - 1].words)) == "skip")
        ):
            continue  # "the Treaty of Good-Neighbourliness and Friendly Cooperation": one name
        for found, how in _classify(chunk, known, acronyms, lex):
            pending.append((found, how))
        _define_acronym(text, chunk, chunks[n + 1] if n + 1 < len(chunks) else None, pending,
                        acronyms)  # fmt: skip
    return _resolve_people(text, pending, surnames or {})


def _classify(
    chunk: Chunk,
    known: dict[str, tuple[str, str]],
    acronyms: dict[str, tuple[str, str]],
    lex: Lexicon,
) -> list[tuple[Found, str]]:
    out: list[tuple[Found, str]] = []
    words = list(chunk.words)
    if words[0].shouting:
        return _shouted(words, known, lex)
    titled = False
    personal = False
    while words:
        # "U.S. President Donald Trump": the country, the title, then the person.
        match = _known_prefix(words, known, lex)
        if match is not None and match[0] < len(words):
            count, actor, kind = match
            rest = words[count:]
            if rest[0].text in TITLES or rest[0].text in lex.demonym_of or count >= 2:
                out.append((Found(words[0].start, words[count - 1].end, actor, kind), "full"))
                words = rest
                continue
        first = words[0].text
        if first in lex.demonym_of and len(words) > 1 and words[1].text in TITLES:
            out.append((Found(words[0].start, words[0].end, lex.demonym_of[first], "country"),
                        "full"))  # fmt: skip
            words = words[1:]
            continue
        if _is_demonym(first, lex) and len(words) > 1 and _is_title(words[1].text):
            words = words[1:]  # "German-Russian Colonel …": the title says who, not the state
            continue
        if _is_title(first) and len(words) > 1 and not _is_org_name(words):
            titled = True
            personal = personal or first in PERSONAL_TITLES
            words = words[1:]
            continue
        break
    while words and words[-1].text in TITLES and len(words) > 1 and not _is_org_name(words):
        words = words[:-1]  # "Putin spokesman" keeps Putin
    inner = _inner_title(words)
    if inner:  # "Tourism Minister Andrew Thomson": the portfolio and title, then the person
        titled, words = True, words[inner:]
    if not words:
        return out
    name = " ".join(w.text for w in words)
    start, end = words[0].start, words[-1].end
    if name.isupper() and len(name) > 3 and name.title() not in known:
        name = _from_capitals(name, lex)  # "MOSCOW (AP)": a dateline's place, as it is spelt
        if name.isupper() and (len(name) > 6 or " " in name) and name.title() not in known:
            return out  # a dateline or a shouted heading, not an acronym
    if _DESCRIPTIVE.search(name):
        return out  # "London-based", "Iranian-born": a description, not a name
    if words[0].text == "Operation" or chunk.previous_word == "operation":
        return out  # a military or police operation's name
    if name in known:
        actor, kind = known[name]
        out.append((Found(start, end, actor, kind), "full"))
        return out
    if name in acronyms:
        actor, kind = acronyms[name]
        out.append((Found(start, end, actor, kind), "full"))
        return out
    if name in lex.country_of:
        out.append((Found(start, end, lex.country_of[name], "country"), "full"))
        return out
    if name in lex.demonym_of:
        if chunk.next_word in _INSTITUTIONS and len(words) == len(chunk.words):
            out.append((Found(start, end, lex.demonym_of[name], "country"), "full"))
        return out  # "Kenyan tea", "the Afghans": not the state acting
    if name in lex.capital_of and len(words) == 1:
        # A capital acting is its government, unless the article named a person so.
        acting = chunk.next_word in _ACTING and not words[-1].stop_after
        out.append((Found(start, end, lex.capital_of[name], "country"),
                    "capital-acting" if acting else "capital"))  # fmt: skip
        return out
    by_words = _kind_by_words(words)
    split = next((n for n, w in enumerate(words) if n and w.text in ("of", "for")), 0)
    if by_words is None and split and split + 1 < len(words):
        # "Cheng Chung-tai of Civic Passion": a person of something, two names.
        left = Chunk(tuple(words[:split]), words[split].text, chunk.previous_word)
        rest = words[split + 1 :]
        while len(rest) > 1 and not rest[0].capital:  # "of the Transport Authority"
            rest = rest[1:]
        right = Chunk(tuple(rest), chunk.next_word, words[split].text)
        return out + _classify(left, known, acronyms, lex) + _classify(right, known, acronyms, lex)
    if by_words == "skip" or (by_words is None and name in lex.places):
        return out
    if by_words is not None:
        out.append((Found(start, end, name, by_words), "full"))
        return out
    if len(words) == 1 and "-" in words[0].text:
        pair = _country_compound(words[0], lex)
        if pair:  # "Russia-China", "US-Iranian": each country
            return out + [(f, "full") for f in pair]
    if len(words) == 1:
        word = words[0].text
        if word in TITLES or word in ORG_WORDS or word in NOT_ACTORS or word == "I":
            return out  # "President", "University", "English" alone name nobody
        if any(c.isdigit() or c in "$£€" for c in word):
            return out  # "IE6", "STS-1", "US$": products, codes, money
        if _ACRONYM.fullmatch(word) and not titled:
            out.append((Found(start, end, word, "organisation"), "full"))
        elif titled and personal:
            out.append((Found(start, end, word, "person"), "titled-single"))
        elif _INNER_CAPITAL.match(word) and not titled:
            out.append((Found(start, end, word, "company"), "full"))
        elif (
            words[0].initial
            and not words[0].seen_mid
            and chunk.previous_word != "the"
            and chunk.next_word not in _ACTING
        ):
            pass  # a capitalised word only where a sentence starts: too little to go on
        elif chunk.previous_word in _PLACE_BEFORE:
            pass  # "near Vovchansk", "in Aqaba": a place no list has
        else:
            # A common word ("Discovery", "Crown") names someone only if a person has it.
            how = "single-common" if word.lower() in lex.common else "single"
            out.append((Found(start, end, word, _single_kind(chunk)), how))
        return out
    if any(w.text in PERSON_PARTICLES for w in words) and words[-1].text in lex.places:
        return out  # "Conservatoire de Paris", "Gordon of Auchleuchries": a place's name
    if _is_demonym(words[0].text, lex) and len(words) > 1:
        # "German People", "Afghan Girls": a people or a team, never a person; "British Red
        # Cross": a body of that country.
        if len(words) > 2 or words[1].text.lower() not in lex.common:
            out.append((Found(start, end, name, "organisation"), "full"))
        return out
    if chunk.previous_word == "the" and len(words) == len(chunk.words) and not titled:
        out.append((Found(start, end, name, "organisation"), "full"))
        return out  # "the Khmer Rouge", "the Sea Org": people are not named with "the"
    if len(words) <= _MAX_PERSON_WORDS and all(_person_word(w) for w in words) and (
        len(words[-1].text.rstrip(".")) > 1  # "Group C", "Plan B": no one's surname
    ):
        out.append((Found(start, end, name, "person"), "full"))
    elif any(len(w.text) > 2 and w.text.isupper() for w in words):
        out.append((Found(start, end, name, "organisation"), "full"))
    return out


_DESCRIPTIVE = re.compile(
    r"-(?:based|born|led|backed|owned|run|made|funded|style|era|speaking|organi[sz]ed|sponsored"
    r"|controlled|dominated|linked|allied|inspired|affiliated|leaning|oriented|related|winner"
    r"|winning|nominee|critic|friendly)$"
    r"|^(?:Pro|Anti|Non|Post|Pre|Ex|Neo|Pan|Mid|Trans|Inter|Intra|Sub|Self)-"
)


def _inner_title(words: list[Word]) -> int:
    """Where a person's name starts after a title inside the run, or 0: "Tourism Minister
    Andrew Thomson" -> 2, when two or more name words follow the last title."""
    last = max((n for n, w in enumerate(words) if n and _is_title(w.text)), default=0)
    rest = words[last + 1 :]
    if not last or len(rest) < 2 or _kind_by_words(rest) is not None:
        return 0
    return last + 1 if all(_person_word(w) for w in rest) else 0


def _from_capitals(name: str, lex: Lexicon) -> str:
    title = name.title()
    if title in lex.places or title in lex.capital_of or title in lex.country_of:
        return title
    return name


def _coordinated(chunks: list[Chunk]) -> list[Chunk]:
    """ "Moscow and Beijing signed": the verb after the last name is the verb of each."""
    out = list(chunks)
    for n in range(len(out) - 2, -1, -1):
        if out[n].next_word in ("and", "or") and out[n + 1].previous_word in ("and", "or"):
            out[n] = replace(out[n], next_word=out[n + 1].next_word)
    return out


def _shouted(
    words: list[Word], known: dict[str, tuple[str, str]], lex: Lexicon
) -> list[tuple[Found, str]]:
    """A line in capitals ("SOCCER - JAPAN GET LUCKY WIN"): only names the lists know."""
    out: list[tuple[Found, str]] = []
    i = 0
    while i < len(words):
        for count in range(min(4, len(words) - i), 0, -1):
            name = " ".join(
                w.text.title() if len(w.text) > 3 else w.text for w in words[i : i + count]
            )
            exact = " ".join(w.text for w in words[i : i + count])
            hit = known.get(exact) or known.get(name)
            if hit is None and (country := lex.country_of.get(name) or lex.country_of.get(exact)):
                hit = (country, "country")
            if hit is not None:
                out.append((Found(words[i].start, words[i + count - 1].end, *hit), "full"))
                i += count
                break
        else:
            i += 1
    return out


def _country_compound(word: Word, lex: Lexicon) -> list[Found]:
    out: list[Found] = []
    at = word.start
    for part in word.text.split("-"):
        country = lex.country_of.get(part) or lex.demonym_of.get(part)
        if country is None:
            return []
        out.append(Found(at, at + len(part), country, "country"))
        at += len(part) + 1
    return out


def _single_kind(chunk: Chunk) -> str:
    """A lone name nobody in the article has in full: the words around it decide."""
    if chunk.previous_word == "the":
        return "organisation"  # "the Taliban", "the Pentagon"
    if chunk.next_word in ("who", "whose") or chunk.previous_word in _PERSON_BEFORE:
        return "person"
    return DEFAULT_SINGLE


DEFAULT_SINGLE = (
    "organisation"  # in news, a lone name no person of the article has is mostly a body
)


_PLACE_BEFORE = wordlist("in near outside around into towards toward across from")
_PERSON_BEFORE = wordlist("mr mr. mrs mrs. ms ms. dr dr. said told by")


def _known_prefix(
    words: list[Word], known: dict[str, tuple[str, str]], lex: Lexicon
) -> tuple[int, str, str] | None:
    for count in range(min(len(words), 5), 0, -1):
        name = " ".join(w.text for w in words[:count])
        if name in known:
            return count, *known[name]
        if name in lex.country_of:
            return count, lex.country_of[name], "country"
    return None


def _is_title(word: str) -> bool:
    return word in TITLES or (word.endswith("s") and word[:-1] in TITLES)  # "Generals"


def _is_demonym(word: str, lex: Lexicon) -> bool:
    return all(part in lex.demonym_of for part in word.split("-"))


def _is_org_name(words: list[Word]) -> bool:
    return _kind_by_words(words) in ("organisation", "company")


def _head(words: list[Word]) -> str:
    """The name's head word: the last, or the one before "of"/"for" ("Bank of England")."""
    for n, w in enumerate(words):
        if n and w.text in ("of", "for"):
            return words[n - 1].text
    return words[-1].text


def _kind_by_words(words: list[Word]) -> str | None:
    texts = [w.text for w in words]
    head = _head(words)
    if head not in ORG_WORDS and head.endswith("s") and head[:-1] in ORG_WORDS:
        head = head[:-1]  # "Departments", "Ministries" read as their singular
    if texts[-1] in COMPANY_WORDS or (head in COMPANY_WORDS and len(words) > 1):
        return "company"
    if head in ORG_WORDS and (len(words) > 1 or head in _SINGLE_ORGS):
        return "organisation"
    if head in PLACE_WORDS or head in EVENT_WORDS:
        return "skip"
    # "Federal Reserve Bank Chairman"? No: "Reserve" inside a name before any "of" phrase.
    before_of = texts[: next((n for n, t in enumerate(texts) if n and t in ("of", "for")), None)]
    if any(t in ORG_WORDS for t in before_of[1:]):
        return "organisation"
    return None


_SINGLE_ORGS = wordlist(
    "Taliban Hezbollah Hamas Kremlin Pentagon Interpol Europol Politburo Knesset Duma"
)
_ACTING = wordlist("""said says announced accused warned rejected denied insisted wants signed agreed
    responded condemned demanded urged called claimed threatened refused confirmed vowed
    hopes believes has have will would is was does must should cannot could may might plans
    decided recognised recognized sent imposed retaliated expelled protested blamed""")


def _person_word(w: Word) -> bool:
    if w.text in PERSON_PARTICLES:
        return True
    if not w.capital:
        return False
    if len(w.text) > 2 and w.text.isupper() and "." not in w.text:
        return False  # an acronym inside a name makes it an organisation's ("FIRST Global")
    return bool(_NAME_WORD.fullmatch(w.text)) and not any(c.isdigit() for c in w.text)


def _define_acronym(
    text: str,
    chunk: Chunk,
    following: Chunk | None,
    pending: list[tuple[Found, str]],
    acronyms: dict[str, tuple[str, str]],
) -> None:
    """ "International Atomic Energy Agency (IAEA)": later "IAEA" is the agency."""
    if following is None or len(following.words) != 1 or not pending:
        return
    between = text[chunk.end : following.start]
    word = following.words[0].text
    if between.strip() != "(" or not _ACRONYM.fullmatch(word):
        return
    last, _ = pending[-1]
    if last.end != chunk.end or last.kind not in ("organisation", "company", "country"):
        return
    initials = "".join(w[0] for w in last.actor.split() if w[:1].isupper())
    if word.replace(".", "")[0] == initials[:1]:
        acronyms[word] = (last.actor, last.kind)


_PAIR = re.compile(r"([A-Z][\w'’]+)[-–]([A-Z][\w'’]+)")


def _resolve_people(
    text: str, pending: list[tuple[Found, str]], surnames: dict[str, str]
) -> list[Found]:
    """One name for each person (the fullest form the article uses most), surnames and titled
    surnames resolved to it when only one person of the article has that name; a capital only
    stands for its country when no person of the article has that name."""
    canonical = _person_names(
        [f.actor for f, how in pending if how == "full" and f.kind == "person"]
    )
    told = _Told(pending, canonical)
    by_tail = _particle_tails(set(canonical.values()))
    by_last: dict[str, set[str]] = {}
    by_first: dict[str, set[str]] = {}
    for name in set(canonical.values()):
        parts = name.split()
        by_last.setdefault(parts[-1], set()).add(name)
        if len(parts) > 1:
            by_first.setdefault(parts[0], set()).add(name)
    out: list[Found] = []
    for f, how in pending:
        pair = _PAIR.fullmatch(text, f.start, f.end) if f.kind != "person" else None
        if pair is not None and all(len(by_last.get(w, ())) == 1 for w in pair.groups()):
            # "the Putin-Biden summit": two people the article names, not an organisation
            for k in (1, 2):
                (name,) = by_last[pair.group(k)]
                out.append(Found(pair.start(k), pair.end(k), name, "person"))
            continue
        if how == "full":
            actor = canonical.get(f.actor, f.actor) if f.kind == "person" else f.actor
            if f.kind == "person" and len(by_tail.get(actor.lower(), ())) == 1:
                actor = next(iter(by_tail[actor.lower()]))  # "Bin Laden": Osama bin Laden
            out.append(Found(f.start, f.end, actor, f.kind))
            continue
        word = text[f.start : f.end]
        group = ("last", word) if word in by_last else ("first", word)
        names = by_last.get(word) or by_first.get(word) or set()
        if len(names) == 1:
            out.append(Found(f.start, f.end, next(iter(names)), "person"))
        elif len(names) > 1 and how != "capital":
            # Two people share the name: the one the text named last before it.
            out.append(Found(f.start, f.end, told.nearest(group, names, f.start), "person"))
        elif not names and word in surnames and how != "capital":
            out.append(Found(f.start, f.end, surnames[word], "person"))  # named in another article
        elif how == "single" and _pronoun_kind(text, f.end) == "person":
            out.append(Found(f.start, f.end, f.actor, "person"))
        elif how in ("titled-single", "capital-acting", "single"):
            out.append(f)
    return sorted(out, key=lambda f: f.start)


def _particle_tails(names: set[str]) -> dict[str, set[str]]:
    """A person's surname with its particle ("bin Laden", "de Gaulle"), lower-cased, to the
    full names it ends: a later "Bin Laden" is the Osama bin Laden named before."""
    out: dict[str, set[str]] = {}
    for name in names:
        parts = name.split()
        for k in range(1, len(parts) - 1):
            if parts[k].lower() in PERSON_PARTICLES:
                out.setdefault(" ".join(parts[k:]).lower(), set()).add(name)
                break
    return out


class _Told:
    """Where the article names people in full, to find which of some people (those sharing a
    surname) it named last before a place in the text: one bisection in the full mentions of
    those people, not a scan of all the mentions, nor of each person's."""

    def __init__(self, pending: list[tuple[Found, str]], canonical: dict[str, str]) -> None:
        self._by_name: dict[str, list[tuple[int, int, str]]] = {}
        for n, (f, how) in enumerate(pending):
            if how == "full":
                name = canonical.get(f.actor, f.actor)
                self._by_name.setdefault(name, []).append((f.start, n, name))
        self._of: dict[tuple[str, str], list[tuple[int, int, str]]] = {}

    def nearest(self, group: tuple[str, str], names: set[str], at: int) -> str:
        """Which of ``names`` (the people ``group`` names, the same set for the same group)
        the article named in full last before ``at``: of two at one place, the first found;
        with none before it, the first in alphabetical order."""
        told = self._of.get(group)
        if told is None:
            told = sorted(t for name in names for t in self._by_name.get(name, ()))
            self._of[group] = told
        k = bisect.bisect_left(told, (at, -1, "")) - 1  # the last that starts before ``at``
        if k < 0:
            return min(names)
        # At one start the first in ``pending``, as a scan in order that keeps only a strictly
        # later start would choose.
        return told[bisect.bisect_left(told, (told[k][0], -1, ""))][2]


_PRONOUNS = re.compile(r"\b(he|she|his|her|him|it|its)\b", re.IGNORECASE)


def _pronoun_kind(text: str, end: int) -> str | None:
    """The first personal pronoun after a lone name, within its next sentence or so: "he" or
    "she" make it a person, "it" a body."""
    m = _PRONOUNS.search(text, end, end + 160)
    if m is None:
        return None
    return "organisation" if m.group(1).lower() in ("it", "its") else "person"


def _person_names(names: list[str]) -> dict[str, str]:
    """Each full name to the one form of its person: "Brock Wyatt Holt" and "Brock Holt" are one
    person (same first and last name), named by the form used most, then the first."""
    counts: dict[str, int] = {}
    first_at: dict[str, int] = {}
    for at, name in enumerate(names):
        counts[name] = counts.get(name, 0) + 1
        first_at.setdefault(name, at)
    groups: dict[tuple[str, str], list[str]] = {}
    keys_by_last: dict[str, list[tuple[str, str]]] = {}  # the groups' keys, as made, by surname
    shortest_first = sorted(counts, key=lambda n: len(n.split()))
    for n in shortest_first:
        parts = n.split()
        key = (parts[0], parts[-1])
        if len(parts) > 2:
            # "Generals Patrick Gordon" ends with "Patrick Gordon": one person.
            middle = parts[1:-1]
            key = next((k for k in keys_by_last.get(parts[-1], ()) if k[0] in middle), key)
        if key not in groups:
            groups[key] = []
            keys_by_last.setdefault(key[1], []).append(key)
        groups[key].append(n)
    out: dict[str, str] = {}
    for forms in groups.values():
        best = max(forms, key=lambda n: (counts[n], -first_at[n]))
        for n in forms:
            out[n] = best
    return out
