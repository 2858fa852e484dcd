"""Sentence boundaries with character offsets: the unit every extractor reads (dates are
resolved per sentence, events are told by one), so it sits below them all."""

from __future__ import annotations

import collections
import re

_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "maj",
        "adm",
        "rep",
        "sen",
        "gov",
        "pres",
        "st",
        "jr",
        "sr",
        "vs",
        "etc",
        "inc",
        "ltd",
        "co",
        "corp",
        "no",
        "nos",
        "fig",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mt",
        "ft",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "a.m",
        "p.m",
        "approx",
        "est",
        "dept",
        "univ",
        "ave",
        "blvd",
    ]
)
# A sentence ends at . ! ? (with closing quotes or brackets), before space and a capital, quote,
# digit or bracket; or at a line break.
_END = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])|\n+""")
_WORD_BEFORE_DOT = re.compile(r"([\w.]+)\.$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, leading and trailing white space excluded."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        if m.group(0)[0] == "." and _is_abbreviation(text, m.start()):
            continue
        _add(text, start, m.end(), bounds)
        start = m.end()
    _add(text, start, len(text), bounds)
    return bounds


def _is_abbreviation(text: str, dot: int) -> bool:
    m = _WORD_BEFORE_DOT.search(text[max(0, dot - 12) : dot + 1])
    if not m:
        return False
    word = m.group(1).lower()
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "M. K. Bhadrakumar"
    return word in _ABBREVIATIONS


def _add(text: str, start: int, end: int, bounds: list[tuple[int, int]]) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    start += lead
    end = start + len(stripped)
    while end - start > MAX_SENTENCE:
        # A run of words with no sentence end (no punctuation, a table, a wrong file): cut it
        # into passages of bounded length, each read as a sentence.
        cut = _cut(text, start)
        piece = text[start:cut].rstrip()
        bounds.append((start, start + len(piece)))
        spaces = _SPACES.match(text, cut, end)  # the next passage starts after them
        start = spaces.end() if spaces else cut
    bounds.append((start, end))


# No sentence of the news (nor of the other corpora here) is longer; every extractor reads a
# passage whole, so a bound keeps each expression's cost bounded, whatever the text.
MAX_SENTENCE = 2000
# Where a long run is cut, best first: after a semicolon or colon, after a comma that does not
# end a date's day ("May 10, 2024"), at any space.
_CUTS = (re.compile(r"[;:]\s+"), re.compile(r"(?<!\d),\s+"), re.compile(r"\s+"))
_SPACES = re.compile(r"\s*")


def _cut(text: str, start: int) -> int:
    """Where the passage from ``start`` (longer than MAX_SENTENCE) ends: the best cut in the
    second half of its first MAX_SENTENCE characters, else at that length."""
    low, high = start + MAX_SENTENCE // 2, start + MAX_SENTENCE
    for pattern in _CUTS:
        last = collections.deque(pattern.finditer(text, low, high), maxlen=1)
        if last:
            return last[0].end()
    return high
