"""Everything the pipeline derives from one document, computed without touching the store."""

from __future__ import annotations

import bisect

from explorer.actors.match import ActorMatcher
from explorer.events.build import drafts_for
from explorer.ingest import byline
from explorer.ingest.passages import split_passages
from explorer.model import Analysis, Document
from explorer.temporal import tag

# Raise it when what analysis makes of a document changes (dates, actors, titles): documents
# stored by an older analysis are analysed again on their next import, even unchanged.
ANALYSIS_VERSION = 9

__all__ = ["ANALYSIS_VERSION", "Analysis", "analyse"]


def analyse(document: Document, matcher: ActorMatcher, parsed: bool = False) -> Analysis:
    """``parsed``: titles from the dependency parse (events/clause.py), not yet the default."""
    passages = split_passages(document.text)
    bounds = [(p.start, p.end) for p in passages]
    expressions = tag(document.text, document.published, bounds)
    dateline = byline.read_byline(document.text).date_span
    agency = byline.datelines(document.text)
    # The agency and the city a story was filed from are no actors of what it tells.
    starts = [s for s, _ in agency]
    mentions = [m for m in matcher.find(document.text) if not _inside(m.start, agency, starts)]
    drafts = drafts_for(
        passages,
        expressions,
        mentions,
        exclude=dateline,
        datelines=agency,
        kinds=matcher.kinds,
        parsed=parsed,
    )
    return Analysis(document, passages, expressions, mentions, drafts, ANALYSIS_VERSION)


def _inside(at: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether ``at`` lies in one of these sorted spans (``starts``: their starts)."""
    k = bisect.bisect_right(starts, at) - 1
    return k >= 0 and at < spans[k][1]
