"""Names in running text: runs of capitalised words ("Mohammad Javad Zarif", "Bank of England",
"U.S. President Donald Trump"), with offsets, split at punctuation, line breaks, months and
weekdays. A capitalised word at the start of a sentence or in a headline counts only when it is
not a common English word ("Officials", "However") or when the text also writes it capitalised
in mid-sentence."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from explorer.actors.lexicon import (
    COMPANY_WORDS,
    CONNECTORS,
    FUNCTION_WORDS,
    LEADING_PARTICLES,
    MONTHS,
    ORG_WORDS,
    WEEKDAYS,
    lexicon,
)

_LEAD = "\"'“‘([{«"
_TRAIL = "\"'”’)]}»,;:!?…"
_ABBREVIATION = re.compile(
    r"(?:[A-Z]\.)+[A-Z]?|(?:Mr|Mrs|Ms|Dr|St|Gen|Jr|Sr|Inc|Corp|Co|Ltd|Sen|Rep|Gov|Lt|Col|Capt"
    r"|Sgt|Adm|Prof|Rev|Mme|Mt|Ft|No|Vol|Dept|Univ|Bros|vs)\.",
)
_POSSESSIVES = ("'s", "’s", "'", "’")  # "Putin's", "Reuters'": the name without them


@dataclass(frozen=True, slots=True)
class Word:
    start: int
    end: int
    text: str
    capital: bool  # counts as part of a name
    initial: bool  # first word of a sentence, a quote or a headline
    stop_after: bool  # punctuation after it ends a name
    seen_mid: bool = False  # the text writes this word capitalised in mid-sentence too
    shouting: bool = False  # in a line written in capitals ("SOCCER - JAPAN GET LUCKY WIN")


@dataclass(slots=True)
class _Raw:
    start: int
    end: int
    text: str
    initial: bool
    stop: bool
    lower: bool  # a lower-case word between names: a boundary or a connector


@dataclass(frozen=True, slots=True)
class Chunk:
    words: tuple[Word, ...]
    next_word: str  # the word after the chunk, lower-cased ("" at the end or after punctuation)
    previous_word: str = ""  # the word before it, lower-cased

    @property
    def start(self) -> int:
        return self.words[0].start

    @property
    def end(self) -> int:
        return self.words[-1].end


_CAPITAL = re.compile(r"(?<!\S)[\"'“‘(\[{«]*(?:[A-ZÀ-ÖØ-ÞĀ-ŽΑ-ΩА-Я]|(?:al|el)-[A-Z])\S*")
_LAST_TOKEN = re.compile(r"(\S+)(\s*)$")
_GAP_WORD = re.compile(r"\S+")
_LOOKBACK = 80
_WORD_REACH = 256  # longer than any word a sentence can end with


def words_of(text: str) -> list[Word]:
    """The capitalised words of ``text`` and the words between them that matter: connectors,
    and the words just before and after each run (a name's context). Only capitalised words
    are looked at closely, which keeps this a small part of the ingest time."""
    raw: list[_Raw] = []
    # One string for each spelling: a big text repeats its words many times over.
    spellings: dict[str, str] = {}
    previous_end = 0
    for m in _CAPITAL.finditer(text):
        token = m.group(0)
        start, end = m.span()
        if raw:
            _add_gap(raw, text[previous_end:start], previous_end, token[0] in _LEAD, spellings)
        else:
            _add_context_before(raw, text, start)
        previous_end = end
        lead = len(token) - len(token.lstrip(_LEAD))
        initial = lead > 0 or _starts_sentence(text, start)
        if lead:
            token, start = token[lead:], start + lead
        core = token.rstrip(_TRAIL)
        trail = token[len(core) :]
        ends_sentence = bool(trail) and any(c in ".!?…" for c in trail)
        if core.endswith(".") and not _ABBREVIATION.fullmatch(core):
            core, ends_sentence = core[:-1], True
        possessive = len(core) > 2 and core.endswith(_POSSESSIVES)
        if possessive:
            core = core[: -2 if core.endswith(("'s", "’s")) else -1]
        stop = bool(trail) or possessive or ends_sentence or core.endswith(("-", "—"))
        if core:
            core = spellings.setdefault(core, core)
            raw.append(_Raw(start, start + len(core), core, initial, stop, False))
    if raw:
        after = _GAP_WORD.search(text, previous_end)
        if after is not None:
            _add_gap(raw, text[previous_end : after.end()], previous_end, False, spellings)
    return _mark_capitals(text, raw)


def _starts_sentence(text: str, start: int) -> bool:
    i = start
    while i > 0 and text[i - 1] in " \t\r\xa0":
        i -= 1
    if i == 0 or text[i - 1] == "\n":
        return True
    # The word before: back to a space or a line break, looked for in a bounded stretch (a
    # text with no line break would otherwise be searched back to its start for each word).
    lo = max(0, i - _WORD_REACH)
    token = text[max(text.rfind(" ", lo, i), text.rfind("\n", lo, i), lo - 1) + 1 : i]
    core = token.rstrip("\"'”’)]}»")
    if core in ("—", "–", "-", ":") or core.endswith((":", "!", "?", "…")):
        return True
    return core.endswith(".") and not _ABBREVIATION.fullmatch(core.lstrip(_LEAD))


def _add_context_before(raw: list[_Raw], text: str, start: int) -> None:
    m = _LAST_TOKEN.search(text[max(0, start - _LOOKBACK) : start])
    if m is not None:
        word = m.group(1).rstrip(_TRAIL)
        offset = start - len(m.group(0))
        raw.append(_Raw(offset, offset + len(word), word, False, word != m.group(1), True))


def _add_gap(
    raw: list[_Raw], gap: str, offset: int, next_has_lead: bool, spellings: dict[str, str]
) -> None:
    """The words between two capitalised words: connectors kept as they are, otherwise the
    first and the last (the next word of one run, the previous word of the next)."""
    if "\n" in gap or next_has_lead:
        raw[-1].stop = True  # a name never runs across a line break or into a quote
    first = _GAP_WORD.search(gap)
    if first is None:
        return
    body = gap.rstrip()
    last_start = max(body.rfind(" "), body.rfind("\n"), body.rfind("\t")) + 1
    pieces = [(first.start(), first.group(0))]
    many = bool(gap[first.end() : last_start].strip())  # three words or more
    if last_start > first.start():
        pieces.append((last_start, body[last_start:]))
    for n, (at, token) in enumerate(pieces):
        bare = token.rstrip(_TRAIL)
        word = bare[:-1] if bare.endswith(".") else bare
        stop = word != token or (many and n == 0)  # a run never joins across three words
        word = spellings.setdefault(word, word)
        raw.append(_Raw(offset + at, offset + at + len(word), word, False, stop, True))


def _mark_capitals(text: str, raw: list[_Raw]) -> list[Word]:
    lex = lexicon()
    headline_lines = _headline_lines(text)
    shouting_lines = _shouting_lines(text)
    shouting: set[int] = set()
    marked = headline_lines | shouting_lines
    if marked:
        # Only words up to the end of the last marked line can be in one: the line breaks
        # up to there say which line a word is on.
        last = max(marked)
        breaks = [m.start() for m in itertools.islice(re.finditer("\n", text), last + 1)]
        limit = breaks[last] if last < len(breaks) else len(text)
        for n, r in enumerate(raw):
            if r.start > limit:
                break
            line = bisect.bisect_left(breaks, r.start)
            if not r.initial and line in headline_lines:
                r.initial = True  # a headline capitalises every word
            if line in shouting_lines:
                shouting.add(n)
    # Words the text writes capitalised in mid-sentence: names even where a sentence begins.
    mid = {r.text for r in raw if not r.lower and not r.initial and _is_capital(r.text)}
    out: list[Word] = []
    for n, r in enumerate(raw):
        start, end, token, initial, stop = r.start, r.end, r.text, r.initial, r.stop
        if r.lower:
            out.append(Word(start, end, token, False, initial, stop))
            if n:
                raw[n - 1] = _DONE
            continue
        capital = _is_capital(token)
        if (
            capital
            and initial
            and token.lower() in lex.common
            and token not in mid
            and token not in lex.demonym_of  # "Iranian" is an adjective, and a country's
            and token not in lex.country_of
            and token not in lex.name_words  # "United" of "United Arab Emirates"
        ):
            capital = False
        if capital and token.lower() in FUNCTION_WORDS:
            capital = False  # "The", "In", "He": never a name's first word, even in a title
        if capital and initial and token not in mid and _GERUND.fullmatch(token):
            # "Chanting Helmut Kohl must go, …": a participle opening the sentence, unless the
            # text writes it capitalised mid-sentence too ("Manning", "Reading")
            capital = False
        if token in MONTHS or token in WEEKDAYS:
            capital = _surname_month(raw, n)
        out.append(Word(start, end, token, capital, initial, stop, token in mid, n in shouting))
        if n:
            raw[n - 1] = _DONE  # no longer looked at: a big text never holds both lists whole
    return out


_DONE = _Raw(0, 0, "", False, False, False)
_GERUND = re.compile(r"[A-Z][a-z]{2,}ing")


def _surname_month(raw: list[_Raw], n: int) -> bool:
    """ "Theresa May said": a month name right after a first name, with no day after it."""
    if raw[n].text not in ("May", "June", "April", "August") or n == 0:
        return False
    before = raw[n - 1]
    after = raw[n + 1].text if n + 1 < len(raw) else ""
    adjacent = before.end < raw[n].start and not before.stop and not before.lower
    return adjacent and before.text[:1].isupper() and not after[:1].isdigit()


def _is_capital(token: str) -> bool:
    if token[:1].isupper():  # an upper-case first character is a letter
        return True
    # "al-Qaeda", "bin Laden" keep their particle lower-case; the next capital carries them.
    return token[:3] in ("al-", "el-") and token[3:4].isupper()


def _shouting_lines(text: str) -> set[int]:
    """Lines written in capitals, as wire headlines are: their words are not names by shape."""
    out: set[int] = set()
    if not any(c.isupper() for c in text[:4000]):
        return out
    for n, line in enumerate(_first_lines(text, 2000)):
        if line.isupper() and len(line.split()) >= 3:
            out.add(n)
    return out


def _headline_lines(text: str) -> set[int]:
    """Lines written in title case (a headline, a section heading), by index."""
    out: set[int] = set()
    for n, line in enumerate(_first_lines(text, 400)):
        words = [w for w in line.split() if w[:1].isalpha()]
        if len(words) < 3 or line.rstrip().endswith((".", "?", "!", ":", '"', "”")):
            if n == 0 and words and not line.rstrip().endswith("."):
                out.add(n)  # the first line is the title
            continue
        caps = sum(1 for w in words if w[0].isupper())
        if caps / len(words) >= 0.7:
            out.add(n)
    return out


def _first_lines(text: str, count: int) -> Iterator[str]:
    """``text.split("\\n")[:count]``, without splitting the rest of a big text."""
    start = 0
    for _ in range(count):
        end = text.find("\n", start)
        if end < 0:
            yield text[start:]
            return
        yield text[start:end]
        start = end + 1


# No name runs longer (the longest in the news here has 15 words); a longer run (a list of
# names with no commas, a line in title case with no end) is cut, so that no name is read
# from thousands of words.
MAX_RUN = 40


def chunks_of(words: list[Word]) -> list[Chunk]:
    """Runs of capitalised words, joined by connectors ("of", "bin", "de") between capitals,
    of at most MAX_RUN words (and the connectors inside)."""
    out: list[Chunk] = []
    first = -1  # index of the current run's first word
    i = 0

    def close(upto: int, next_word: str) -> None:
        nonlocal first
        before = words[first - 1] if first > 0 else None
        previous = before.text.lower() if before is not None and not before.stop_after else ""
        out.append(Chunk(tuple(words[first:upto]), next_word, previous))
        first = -1

    while i < len(words):
        w = words[i]
        if w.capital:
            if first < 0:
                first = i
            i += 1
            if w.stop_after or i - first >= MAX_RUN:
                close(i, "")
            continue
        joined = _connector_run(words, first, i) if first >= 0 and not words[i - 1].stop_after else 0
        if joined:
            i += joined
            continue
        if first < 0 and _leads_name(words, i):
            first = i  # "bin Laden": the particle is part of the name
            i += 1
            continue
        if first >= 0:
            close(i, w.text.lower())
        i += 1
    if first >= 0:
        close(len(words), "")
    return out


def _leads_name(words: list[Word], i: int) -> bool:
    w = words[i]
    return (
        w.text in LEADING_PARTICLES
        and not w.stop_after
        and i + 1 < len(words)
        and words[i + 1].capital
        and words[i + 1].start - w.end == 1
        and (i == 0 or not words[i - 1].capital)
    )


# An organisation's name may hold "and" ("Food and Drug Administration", "Department of Health
# and Human Services"): it joins two runs when the run after it ends the name, within a few
# words, with an organisation's word, unless the run before already ends as a name ("Nomura
# Securities and ...") or names a body of the same kind ("the University of California and
# Columbia University" are two).
_AND_REACH = 4


def _and_joins(words: list[Word], first: int, i: int) -> bool:
    if words[i].text != "and" or i == 0 or words[i - 1].stop_after or words[i].stop_after:
        return False
    before = words[first:i]
    if len(before) > 1 and (before[-1].text in ORG_WORDS or before[-1].text in COMPANY_WORDS):
        return False
    j = i + 1
    while j < len(words) and j - i <= _AND_REACH and words[j].capital:
        head = words[j].text
        if head in ORG_WORDS or head in COMPANY_WORDS:
            return all(w.text != head for w in before)
        if words[j].stop_after:
            return False
        j += 1
    return False


def _connector_run(words: list[Word], first: int, i: int) -> int:
    """How many connector words from ``i`` lead to another capital word (0: none) in the run
    that starts at ``first``."""
    if _and_joins(words, first, i):
        return 1
    j = i
    while j < len(words) and j - i < 2 and words[j].text in CONNECTORS and not words[j].capital:
        if words[j].stop_after:
            return 0
        j += 1
    if j == i or j >= len(words) or not words[j].capital:
        return 0
    if words[i].text == "the":
        return 0  # "… of the X" joins through "of"; a run never starts a join with "the"
    return j - i
