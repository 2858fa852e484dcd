"""One event, several sources: when two mentions tell of the same event.

Two mentions are the same event when their times are the same span and their sentences say
the same thing: two outlets running one article, or two reports of one summit. Different
events on the same day stay apart because their sentences differ.

The relation is decided pair by pair, from the two mentions alone, and an event is a connected
group of mentions. So the events of a set of articles do not depend on the order they were
imported in, or on how many commands (or concurrent ones) imported them: each new mention is
compared with every stored mention of its span that shares a content word with it (``keys``),
and joins (or joins up) the events it tells again. Which mention speaks for an event (its
title) is decided by ``precedence``, a fixed order, never by which came first.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections.abc import Callable, Sequence

from rapidfuzz import fuzz

SAME_TEXT = 82.0  # token-set similarity (0-100) at which two sentences tell the same thing
SAME_WITH_ACTORS = 62.0  # lower bar when they also share at least two actors
KEYS_SHARED = 0.5  # of the shorter sentence's content words, for two sentences to be compared
_UNDATED = dt.date.max.toordinal() + 1  # an article with no publication date comes last

Rank = tuple[int, str, int]
_NUMBER = re.compile(r"\d+")
_WORD = re.compile(r"[^\W\d_][\w'’-]{2,}")  # three letters or more: "oil", "war", "NATO"
# Words every sentence of a day may have. Two sentences that share only these tell nothing in
# common ("it was in 1998" and a paragraph that also says "in 1998"); page furniture shares
# only them ("at 4:03 pm on 24 jun 2009, X wrote").
_COMMON_WORDS = """
    the and for are but not you all any can had her was one our out has him his how its may
    new now see two who did get let put say she too use ago per via yet off own few way day
    yes mr mrs ms dr st
    jan feb mar apr jun jul aug sep oct nov dec mon tue wed thu fri sat sun
    edt est cdt cst mdt mst pdt pst gmt bst utc cet cest ist
    about above after again against also among another around back because been before being
    below between both could does doing down during each either even every from further have
    having here into itself just last least less like made make many more most much must near
    next none once only other others over same several should since some still such than that
    their them then there these they this those though through under until upon very were what
    when where whether which while whom whose will with within without would your yours
    said says told tell according added wrote write writes reported report reports asked
    year years month months week weeks today yesterday tomorrow tonight earlier later ago days
    time times date dates hour hours minute minutes morning afternoon evening night
    january february march april june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday sept
"""
_COMMON = frozenset(_COMMON_WORDS.split())


def wording(sentence: str) -> str:
    """What two sentences must share, word for word, to be the same telling: the same words
    with any numbers ("update 3", "Friday's 5 p.m. briefing"). Such sentences are one event
    without being compared, so a feed of a thousand versions of one story costs a thousand
    steps, not a million."""
    return _NUMBER.sub("#", sentence)


def keys(sentence: str) -> frozenset[str]:
    """The content words of a (lower-case) sentence: words of three letters or more but for
    the words of any sentence and of any date. Like ``linked``, a function of one sentence."""
    return frozenset(w for w in _WORD.findall(sentence) if w not in _COMMON)


def keys_needed(fewer: int) -> int:
    """How many keys two sentences must share to be compared, when the one with fewer keys
    has ``fewer``: half of them (at least one). Two tellings of one event share most of what
    the shorter says; two sentences of a template ("X and Y met Z in Paris on Monday")
    share only the template. Sentences of different wording are the same event only if
    their keys meet so, and the store compares only those: a day with thousands of unrelated
    sentences costs what they have in common, not every pair. A sentence with no key ("It
    was in 1998.") is an event only with sentences of its very wording."""
    return max(1, math.ceil(KEYS_SHARED * fewer))


def linked(
    sentence: str,
    actor_ids: set[int],
    other: str,
    other_actors: Callable[[], Sequence[set[int]]],
) -> bool:
    """Whether ``sentence`` (a mention with ``actor_ids``) tells the same event as ``other``,
    a sentence of the same span and of different wording whose keys meet its own;
    ``other_actors()`` gives the actor sets of the mentions with that sentence (asked only
    when the words alone do not decide). A function of the two mentions only."""
    score = fuzz.token_set_ratio(sentence, other, score_cutoff=SAME_WITH_ACTORS)
    if not score:
        return False
    return score >= SAME_TEXT or any(len(a & actor_ids) >= 2 for a in other_actors())


def precedence(published: dt.date | None, sha256: str, offset: int) -> Rank:
    """The order in which an event's mentions speak for it: the earliest published report
    first (the news as first told), then a fixed order of the articles' contents and of the
    mention's place in its article. The first mention gives the event its title."""
    return (published.toordinal() if published else _UNDATED, sha256, offset)


# A sentence copied word for word into another article (a syndicated column, a piece run again
# by a second outlet) keeps the original's "today" or "on Monday", which the copy's own date
# reads as another day. Two mentions with the same ``retelling`` key in articles published
# within RETOLD_DAYS of each other are one telling, dated as the earliest article reads it.
# Only long sentences count: a short one ("Shares closed higher today.") recurs in every
# day's report without being copied, while a long sentence repeated exactly is a copy.
RETOLD_DAYS = 31
_RETOLD_WORDS = 10
_HASH = 16
_LETTERS_OR_DIGITS = re.compile(r"[^\W_]+")


def retelling(sentence: str, expression: str, kind: str) -> str | None:
    """The key by which copies of a sentence with a date read against its article's date
    (``kind`` "relative") find each other, or None for a date that reads the same in any
    article, or a sentence too short to tell a copy from a template."""
    if kind != "relative":
        return None
    # Words only: a copy's quotes, dashes and spaces are its outlet's house style.
    words = _LETTERS_OR_DIGITS.findall(sentence.lower())
    if len(words) < _RETOLD_WORDS:
        return None
    text = " ".join(words) + "\x1f" + " ".join(_LETTERS_OR_DIGITS.findall(expression.lower()))
    return hashlib.blake2b(text.encode("utf-8"), digest_size=_HASH // 2).hexdigest()
