"""Key events of a collection: the days a newsroom would put on its timeline of the story, and
the event that tells each.

Salience (salience.py) weighs an event on its own. Importance is a property of the collection:
a day matters when many articles point to it, when articles written later still look back at
it, when the news burst around it, when articles lead with it; and a date far before the
collection's own span is background ("the 1952 enlargement"), not the story. These are the
signals the timeline-summarisation literature found to work (Tran et al. 2013, Ghalandari &
Ifrim 2020); their weights below were chosen on the development collections
(benchmarks/key_events.py) and are few, so that they carry over to other stories.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from explorer.events.salience import LEAD_PASSAGES
from explorer.model import Precision
from explorer.store.queries import EventSummary


@dataclass(frozen=True)
class Telling:
    """An event and the documents that tell it: what importance is computed from."""

    event: EventSummary
    documents: frozenset[int]


@dataclass(frozen=True)
class Weights:
    references: float = 1.0  # documents that mention the day
    later: float = 1.0  # of them, documents published after the day (looking back)
    burst: float = 0.5  # documents published on the day and the next
    lead: float = 0.5  # some article leads with an event of the day
    background: float = 3.0  # the day is well before the collection's first article


DEFAULT_WEIGHTS = Weights()
_BACKGROUND_DAYS = 30  # before the first article by more than this: background
_BURST_DAYS = 2  # the day and the next: a day's news is published by the morning after


@dataclass(frozen=True)
class KeyEvent:
    event: EventSummary
    importance: float


def key_events(
    tellings: Sequence[Telling],
    published: Mapping[int, dt.date | None],
    limit: int,
    start: dt.date | None = None,
    end: dt.date | None = None,
    weights: Weights = DEFAULT_WEIGHTS,
) -> list[KeyEvent]:
    """The ``limit`` most important events, most important first: the best-told event of each
    of the most important days (a second event of a day only when it too ranks among them).
    ``published`` gives each document's publication date; ``start``/``end`` bound the days."""
    if limit <= 0:
        return []
    days = day_importance(tellings, published, weights)
    ranked: list[tuple[float, float, int, EventSummary]] = []
    for t in tellings:
        e = t.event
        if e.span.precision is not Precision.DAY:
            continue  # a timeline's entries are days; vaguer dates are context
        day = e.span.start
        if (start and day < start) or (end and day > end):
            continue
        told = _told(t)
        ranked.append((days.get(day, 0.0), told, -e.id, e))
    ranked.sort(key=lambda r: (r[0], r[1], r[2]), reverse=True)
    out: list[KeyEvent] = []
    seen_days: dict[dt.date, int] = defaultdict(int)
    seconds: list[tuple[float, float, int, EventSummary]] = []
    for score, told, neg_id, e in ranked:
        if seen_days[e.span.start]:
            seconds.append((score, told, neg_id, e))
            continue
        seen_days[e.span.start] += 1
        out.append(KeyEvent(e, score))
        if len(out) == limit:
            break
    if len(out) < limit:  # fewer days than asked: the next-best events of the days chosen
        out += [KeyEvent(e, s) for s, _, _, e in seconds[: limit - len(out)]]
    return out


def day_importance(
    tellings: Sequence[Telling],
    published: Mapping[int, dt.date | None],
    weights: Weights = DEFAULT_WEIGHTS,
) -> dict[dt.date, float]:
    """Each day an event is dated to, with its importance across the collection."""
    referring: dict[dt.date, set[int]] = defaultdict(set)
    lead: set[dt.date] = set()
    for t in tellings:
        e = t.event
        if e.span.precision is not Precision.DAY:
            continue
        referring[e.span.start] |= t.documents
        if e.first_passage < LEAD_PASSAGES:
            lead.add(e.span.start)
    dates = sorted(d for d in published.values() if d is not None)
    per_day: dict[dt.date, int] = defaultdict(int)
    for d in dates:
        per_day[d] += 1
    first = dates[0] if dates else None
    out = {}
    for day, docs in referring.items():
        later = sum(1 for d in docs if (p := published.get(d)) is not None and p > day)
        burst = sum(per_day.get(day + dt.timedelta(days=k), 0) for k in range(_BURST_DAYS))
        score = (
            weights.references * math.log1p(len(docs))
            + weights.later * math.log1p(later)
            + weights.burst * math.log1p(burst)
            + (weights.lead if day in lead else 0.0)
        )
        if first is not None and (first - day).days > _BACKGROUND_DAYS:
            score -= weights.background
        out[day] = score
    return out


def _told(t: Telling) -> float:
    """How well an event tells its day: by how many documents and sentences, and whether an
    article leads with it."""
    e = t.event
    lead = 1.0 if e.first_passage < LEAD_PASSAGES else 0.0
    return math.log1p(len(t.documents)) + 0.5 * math.log1p(e.sources) + 0.5 * lead
