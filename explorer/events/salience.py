"""How much an event matters, from the evidence the store holds: how many sentences and
documents report it, how many actors take part, whether an article leads with it, and how
exactly it is dated. The layout names the weightiest events first and folds the rest into
clusters, so at any zoom the biggest events of the visible span have their titles."""

from __future__ import annotations

import math

from explorer.model import Precision
from explorer.store.queries import EventSummary

LEAD_PASSAGES = 5  # a document's first passages: headline, byline, dateline and the lead

# A day says more than a month, a month more than a year: the vaguer an event, the more it is
# background ("in the 1990s") rather than news.
_PRECISION = {
    Precision.DAY: 1.0,
    Precision.WEEK: 0.8,
    Precision.MONTH: 0.7,
    Precision.SEASON: 0.5,
    Precision.QUARTER: 0.5,
    Precision.HALF: 0.4,
    Precision.YEAR: 0.5,
    Precision.DECADE: 0.1,
    Precision.CENTURY: 0.0,
}


def precision_weight(precision: Precision) -> float:
    """How much a date of this precision says, 1 for a day: the vaguer, the more background."""
    return _PRECISION.get(precision, 0.3)


def salience(
    sources: int, documents: int, actors: int, lead: bool, precision: Precision
) -> float:
    """A weight, about 1 for an event one sentence mentions, growing with each kind of
    evidence; only the order matters."""
    return (
        1.0
        + 1.5 * math.log2(max(documents, 1))  # another outlet reporting it counts most
        + 0.5 * math.log2(max(sources, 1))
        + 0.4 * min(actors, 4)
        + (1.0 if lead else 0.0)
        + precision_weight(precision)
    )


def summary_weight(s: EventSummary) -> float:
    """The stored weight of a summary read from its row, else its salience from its parts."""
    if s.weight is not None:
        return s.weight
    return salience(
        s.sources, s.documents, len(s.actors), s.first_passage < LEAD_PASSAGES, s.span.precision
    )
