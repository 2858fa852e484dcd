"""Key events of a collection: the dates a newsroom would put on its timeline of the story, and
the event that tells each.

Salience (salience.py) weighs an event on its own. Importance is a property of the collection:
a date matters when many articles point to it, when articles written later still look back
at it (or written long before, look ahead to it: a games, a summit, a vote), when the news
burst around it, when articles lead with it. These are the signals the timeline-summarisation literature found to work (Tran et al. 2013, Ghalandari & Ifrim 2020).

A timeline's entries are mostly days, but a story told over years also has its milestones
("the treaty of 2001", "the pivot of 2014"): a month or a year competes too. How vague a date
is depends on how far back it is told from: "in 2021" said in December 2021 is the present or
a guess, "in 2001" said in 2021 is as exact as history gets, so the discount for vagueness
fades as the distance grows to ten times the date's width. A vague date that holds the
article's own publication date ("this year") is the present, not an event; a vague date that
only repeats a chosen date it contains ("in February" beside "4-20 February", told by the same
articles) is not chosen again. A date well before the collection's first article is
background. News recalls its comparisons as often as its origins (a tenth to two fifths of the
articles of an oil-spill or a flu collection recall 1989 or 1918), so how many articles recall
it cannot tell them apart: background is discounted, by its precision and without the
look-back bonus every mention of it earns. Only a handful of articles (at most HANDFUL, a few
essays on a relationship looking back at its treaty) is told from history, as the timeline's
opening does (timeline/opening.py); there background competes as any date does. The weights are few and were chosen on the development collections
(benchmarks/key_events.py) without fitting them closely, so that they carry over.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from explorer.events.salience import LEAD_PASSAGES, precision_weight
from explorer.model import Precision
from explorer.store.queries import EventSummary

DateKey = tuple[dt.date, dt.date, Precision]


@dataclass(frozen=True)
class Telling:
    """An event and the documents that tell it: what importance is computed from."""

    event: EventSummary
    documents: frozenset[int]


@dataclass(frozen=True)
class Weights:
    references: float = 1.0  # documents that mention the date
    later: float = 1.0  # of them, documents published off the date's news (_off_the_news)
    mentions: float = 0.5  # sentences beyond the first of each document (an article dwells on it)
    burst: float = 0.5  # documents published on the day and the next
    lead: float = 0.5  # some article leads with an event of the date
    background: float = 0.5  # factor for a date well before the collection's first article


DEFAULT_WEIGHTS = Weights()
_BACKGROUND_DAYS = 30  # before the first article by more than this: background
_BURST_DAYS = 2  # the day and the next: a day's news is published by the morning after
# An article published more than a week after a day looks back at it: the day's news and its
# follow-ups come within days (2 to 14 days score alike on the development collections, 1 less).
_LATER_DAYS = 7
# An article pointing more than a month ahead points at a schedule (a games, a summit, a
# vote), not at the coming days' news it will report itself; the mirror of background.
_AHEAD_DAYS = _BACKGROUND_DAYS
_PRESENT = 0.1  # factor for a vague date that holds its articles' own publication dates
HANDFUL = 10  # articles: a collection this small is told from its history, background included


@dataclass(frozen=True)
class KeyEvent:
    event: EventSummary
    importance: float


def date_key(e: EventSummary) -> DateKey:
    return (e.span.start, e.span.end, e.span.precision)


def key_events(
    tellings: Sequence[Telling],
    published: Mapping[int, dt.date | None],
    limit: int,
    start: dt.date | None = None,
    end: dt.date | None = None,
    weights: Weights = DEFAULT_WEIGHTS,
) -> list[KeyEvent]:
    """The ``limit`` most important events, most important first: the best-told event of each
    of the most important dates (a second event of a date, or a vague date repeating one it
    contains, only when there are fewer dates than asked for). ``published`` gives each
    document's publication date; ``start``/``end`` bound the dates."""
    if limit <= 0:
        return []
    dates = date_importance(tellings, published, weights)
    referring: dict[DateKey, set[int]] = defaultdict(set)
    ranked: list[tuple[float, float, int, EventSummary]] = []
    for t in tellings:
        e = t.event
        referring[date_key(e)] |= t.documents
        if (start and e.span.end < start) or (end and e.span.start > end):
            continue
        ranked.append((dates.get(date_key(e), 0.0), _told(t), -e.id, e))
    ranked.sort(key=lambda r: (r[0], r[1], r[2]), reverse=True)
    out: list[KeyEvent] = []
    seen: set[DateKey] = set()
    seconds: list[tuple[float, EventSummary]] = []
    for score, _, _, e in ranked:
        key = date_key(e)
        if key in seen or _repeats(key, seen, referring):
            seconds.append((score, e))
            continue
        seen.add(key)
        out.append(KeyEvent(e, score))
        if len(out) == limit:
            return out
    return out + [KeyEvent(e, s) for s, e in seconds[: limit - len(out)]]


def _repeats(key: DateKey, chosen: set[DateKey], referring: Mapping[DateKey, set[int]]) -> bool:
    """Whether a vague date only repeats a chosen date inside it: every article that gives
    the vague date also gives the exact one ("in February" and "4-20 February")."""
    start, end, _ = key
    if start == end:
        return False
    return any(
        start <= c[0] and c[1] <= end and c != key and referring[key] <= referring[c]
        for c in chosen
    )


def date_importance(
    tellings: Sequence[Telling],
    published: Mapping[int, dt.date | None],
    weights: Weights = DEFAULT_WEIGHTS,
) -> dict[DateKey, float]:
    """Each date an event is dated to (a day, or a vaguer span), with its importance across
    the collection."""
    referring: dict[DateKey, set[int]] = defaultdict(set)
    sentences: dict[DateKey, int] = defaultdict(int)
    lead: set[DateKey] = set()
    for t in tellings:
        key = date_key(t.event)
        referring[key] |= t.documents
        sentences[key] += t.event.sources
        if t.event.first_passage < LEAD_PASSAGES:
            lead.add(key)
    dates = sorted(d for d in published.values() if d is not None)
    per_day: dict[dt.date, int] = defaultdict(int)
    for d in dates:
        per_day[d] += 1
    first = dates[0] if dates else None
    # In a handful of articles the history they recall is part of the story.
    recalls = len(published) <= HANDFUL
    out = {}
    for key, docs in referring.items():
        start, end, precision = key
        told = [p for d in docs if (p := published.get(d)) is not None]
        background = not recalls and first is not None and (first - end).days > _BACKGROUND_DAYS
        # Published after the news and its follow-ups: an article looking back at the date;
        # or long before it: one looking ahead to it. Both tell the date mattered beyond its
        # own news. Every mention of background looks back, so it tells nothing there.
        off_news = 0 if background else sum(1 for p in told if _off_the_news(p, start, end))
        burst = sum(per_day.get(start + dt.timedelta(days=k), 0) for k in range(_BURST_DAYS))
        score = (
            weights.references * math.log1p(len(docs))
            + weights.later * math.log1p(off_news)
            + weights.mentions * math.log1p(max(sentences[key] - len(docs), 0))
            + (weights.burst * math.log1p(burst) if start == end else 0.0)
            + (weights.lead if key in lead else 0.0)
        )
        if background:
            score *= weights.background * precision_weight(precision)
        elif start != end:
            score *= _vagueness(start, end, precision, told)
            if any(start <= p <= end for p in told):
                score *= _PRESENT  # "this year", not an event of it
        out[key] = score
    return out


def _off_the_news(published: dt.date, start: dt.date, end: dt.date) -> bool:
    """Whether an article published then tells of ``start..end`` from outside its news."""
    return (published - end).days > _LATER_DAYS or (start - published).days > _AHEAD_DAYS


def _vagueness(start: dt.date, end: dt.date, precision: Precision, told: list[dt.date]) -> float:
    """The factor for a date vaguer than a day: the precision's discount, fading as the
    articles telling it stand further off, gone at ten times the date's width ("in 2001" told
    twenty years on)."""
    weight = precision_weight(precision)
    if not told:
        return weight
    distance = statistics.median((p - end).days for p in told)
    if distance <= 0:
        return weight  # a vague date ahead: a plan or a guess
    width = (end - start).days + 1
    fade = min(max(math.log10(distance / width), 0.0), 1.0)
    return weight + (1.0 - weight) * fade


def _told(t: Telling) -> float:
    """How well an event tells its date: by how many documents and sentences, how many
    actors take part, whether an article leads with it."""
    e = t.event
    lead = 1.0 if e.first_passage < LEAD_PASSAGES else 0.0
    return (
        math.log1p(len(t.documents))
        + 0.5 * math.log1p(e.sources)
        + 0.2 * min(len(e.actors), 4)
        + 0.5 * lead
    )
