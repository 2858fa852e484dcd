"""Key events of a collection: the dates a newsroom would put on its timeline of the story, and
the event that tells each.

Salience (salience.py) weighs an event on its own. Importance is a property of the collection:
a date matters when many articles point to it, when articles written later still look back
at it, when the news burst around it, when articles lead with it. These are the signals the
timeline-summarisation literature found to work (Tran et al. 2013, Ghalandari & Ifrim 2020).

A timeline's entries are mostly days, but a story told over years also has its milestones
("the treaty of 2001", "the pivot of 2014"): a month or a year competes too, discounted for
being vague. Two kinds of date are not the story: a vague date that holds the article's own
publication date ("this year", "in 2010" in an article of 2010) is the present, not an event;
and a date well before the collection's first article is background, discounted, so it gets
in only on strong evidence. The weights are few and were chosen on the development
collections (benchmarks/key_events.py) without fitting them closely, so that they carry over.
"""

from __future__ import annotations

import datetime as dt
import math
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
    later: float = 1.0  # of them, documents published after the date (looking back)
    burst: float = 0.5  # documents published on the day and the next
    lead: float = 0.5  # some article leads with an event of the date
    background: float = 0.5  # factor for a date well before the collection's first article


DEFAULT_WEIGHTS = Weights()
_BACKGROUND_DAYS = 30  # before the first article by more than this: background
_BURST_DAYS = 2  # the day and the next: a day's news is published by the morning after
_PRESENT = 0.1  # factor for a vague date that holds its articles' own publication dates


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
    of the most important dates (a second event of a date only when there are fewer dates
    than asked for). ``published`` gives each document's publication date; ``start``/``end``
    bound the dates."""
    if limit <= 0:
        return []
    dates = date_importance(tellings, published, weights)
    ranked: list[tuple[float, float, int, EventSummary]] = []
    for t in tellings:
        e = t.event
        if (start and e.span.end < start) or (end and e.span.start > end):
            continue
        ranked.append((dates.get(date_key(e), 0.0), _told(t), -e.id, e))
    ranked.sort(key=lambda r: (r[0], r[1], r[2]), reverse=True)
    out: list[KeyEvent] = []
    seen: set[DateKey] = set()
    seconds: list[tuple[float, EventSummary]] = []
    for score, _, _, e in ranked:
        if date_key(e) in seen:
            seconds.append((score, e))
            continue
        seen.add(date_key(e))
        out.append(KeyEvent(e, score))
        if len(out) == limit:
            return out
    return out + [KeyEvent(e, s) for s, e in seconds[: limit - len(out)]]


def date_importance(
    tellings: Sequence[Telling],
    published: Mapping[int, dt.date | None],
    weights: Weights = DEFAULT_WEIGHTS,
) -> dict[DateKey, float]:
    """Each date an event is dated to (a day, or a vaguer span), with its importance across
    the collection."""
    referring: dict[DateKey, set[int]] = defaultdict(set)
    lead: set[DateKey] = set()
    for t in tellings:
        key = date_key(t.event)
        referring[key] |= t.documents
        if t.event.first_passage < LEAD_PASSAGES:
            lead.add(key)
    dates = sorted(d for d in published.values() if d is not None)
    per_day: dict[dt.date, int] = defaultdict(int)
    for d in dates:
        per_day[d] += 1
    first = dates[0] if dates else None
    out = {}
    for key, docs in referring.items():
        start, end, precision = key
        told = [p for d in docs if (p := published.get(d)) is not None]
        later = sum(1 for p in told if p > end)
        burst = sum(per_day.get(start + dt.timedelta(days=k), 0) for k in range(_BURST_DAYS))
        score = (
            weights.references * math.log1p(len(docs))
            + weights.later * math.log1p(later)
            + (weights.burst * math.log1p(burst) if start == end else 0.0)
            + (weights.lead if key in lead else 0.0)
        )
        if start != end:
            score *= precision_weight(precision)  # vaguer than a day
            if any(start <= p <= end for p in told):
                score *= _PRESENT  # "this year", not an event of it
        if first is not None and (first - end).days > _BACKGROUND_DAYS:
            score *= weights.background
        out[key] = score
    return out


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
