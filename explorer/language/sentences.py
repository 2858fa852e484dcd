"""Sentence boundaries with character offsets: the unit every extractor reads (dates are
resolved per sentence, events are told by one), so it sits below them all."""

from __future__ import annotations

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
    bounds.append((start + lead, start + lead + len(stripped)))
