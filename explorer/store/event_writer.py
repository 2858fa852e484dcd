"""Write one document's event drafts: merge each with a stored event that tells the same thing,
or create it. A fixed handful of queries per document, however many drafts it has."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from rapidfuzz import process as rapid_process
from sqlalchemy import Connection, func, insert, select, tuple_

from explorer.events.build import EventDraft
from explorer.events.merge import SAME_TEXT, SAME_WITH_ACTORS
from explorer.store.schema import (
    EventActorRow,
    EventRow,
    EventSourceRow,
    ExpressionRow,
    PassageRow,
)

SpanKey = tuple[dt.date, dt.date, str]


@dataclass
class _Known:
    """An event a draft may join: stored already, or created earlier in this document."""

    event_id: int | None  # None until inserted
    sentence: str
    actor_ids: set[int] = field(default_factory=set)
    draft: EventDraft | None = None  # set for events this document creates


def write_events(
    conn: Connection,
    drafts: list[EventDraft],
    expression_ids: dict[int, int],
    actor_ids: dict[str, int],
) -> tuple[int, int]:
    """Store ``drafts``; returns (events created, drafts merged into an existing event)."""
    if not drafts:
        return 0, 0
    known = _stored_candidates(conn, {_key(d) for d in drafts})
    placement: list[_Known] = []
    created: list[_Known] = []
    merged = 0
    for d in drafts:
        pool = known[_key(d)]
        own = {actor_ids[a] for a in d.actors}
        target = _match(d.passage.text.lower(), own, pool)
        if target is None:
            target = _Known(None, d.passage.text.lower(), set(), d)
            pool.append(target)
            created.append(target)
        else:
            merged += 1
        placement.append(target)
    if created:
        ids = (
            conn.execute(
                insert(EventRow).returning(EventRow.id, sort_by_parameter_order=True),
                [
                    dict(
                        title=k.draft.title,
                        start_date=k.draft.span.start,
                        end_date=k.draft.span.end,
                        precision=k.draft.span.precision.value,
                    )
                    for k in created
                    if k.draft is not None
                ],
            )
            .scalars()
            .all()
        )
        for k, new_id in zip(created, ids, strict=True):
            k.event_id = int(new_id)
    sources = []
    actor_rows = []
    for d, k in zip(drafts, placement, strict=True):
        assert k.event_id is not None
        sources.append(dict(event_id=k.event_id, expression_id=expression_ids[d.expression.start]))
        for a in d.actors:
            if actor_ids[a] not in k.actor_ids:
                k.actor_ids.add(actor_ids[a])
                actor_rows.append(dict(event_id=k.event_id, actor_id=actor_ids[a]))
    conn.execute(insert(EventSourceRow), sources)
    if actor_rows:
        conn.execute(insert(EventActorRow), actor_rows)
    return len(created), merged


def _key(d: EventDraft) -> SpanKey:
    return (d.span.start, d.span.end, d.span.precision.value)


def _match(sentence: str, actor_ids: set[int], pool: list[_Known]) -> _Known | None:
    if not pool:
        return None
    hits = rapid_process.extract(
        sentence,
        [k.sentence for k in pool],
        scorer=fuzz.token_set_ratio,
        score_cutoff=SAME_WITH_ACTORS,
        limit=5,
    )
    for _, score, index in hits:
        k = pool[index]
        if score >= SAME_TEXT or len(k.actor_ids & actor_ids) >= 2:
            return k
    return None


def _stored_candidates(conn: Connection, keys: set[SpanKey]) -> dict[SpanKey, list[_Known]]:
    """Stored events with exactly these spans, each with its first source sentence."""
    first = (
        select(
            EventRow.id.label("event_id"),
            EventRow.start_date,
            EventRow.end_date,
            EventRow.precision,
            func.min(EventSourceRow.expression_id).label("expr"),
        )
        .join(EventSourceRow, EventSourceRow.event_id == EventRow.id)
        .where(tuple_(EventRow.start_date, EventRow.end_date, EventRow.precision).in_(keys))
        .group_by(EventRow.id)
        .subquery()
    )
    rows = conn.execute(
        select(
            first.c.event_id,
            first.c.start_date,
            first.c.end_date,
            first.c.precision,
            PassageRow.text,
        )
        .join(ExpressionRow, ExpressionRow.id == first.c.expr)
        .join(PassageRow, PassageRow.id == ExpressionRow.passage_id)
    ).all()
    actors: dict[int, set[int]] = defaultdict(set)
    if rows:
        ids = [r[0] for r in rows]
        for event_id, actor_id in conn.execute(
            select(EventActorRow.event_id, EventActorRow.actor_id).where(
                EventActorRow.event_id.in_(ids)
            )
        ):
            actors[event_id].add(actor_id)
    out: dict[SpanKey, list[_Known]] = defaultdict(list)
    for event_id, start, end, precision, text in rows:
        out[(start, end, precision)].append(_Known(event_id, text.lower(), actors[event_id]))
    return out
