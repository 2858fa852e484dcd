"""Write one document's event drafts: merge each with a stored event that tells the same thing
(as ``rules`` decide), or create it. A fixed handful of queries per document, however many
drafts it has."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import Connection, bindparam, insert, select

from explorer.model import EventDraft
from explorer.store.dialects import insert_ignoring
from explorer.store.rules import EventRules, Evidence
from explorer.store.schema import (
    EventActorRow,
    EventRow,
    EventSourceRow,
)
from explorer.store.weights import refresh_weights

SpanKey = tuple[dt.date, dt.date, str]

# Built once (see repo.py): a statement built per call is mostly SQLAlchemy's time, not SQLite's.
# A plain IN on the first column of ix_events_time, filtered here: a tuple IN is compiled
# anew for every document and costs more than the rows it saves.
_CANDIDATES = select(
    EventRow.id, EventRow.start_date, EventRow.end_date, EventRow.precision, EventRow.merge_text
).where(EventRow.start_date.in_(bindparam("starts", expanding=True)))
_EVENT_ACTORS = select(EventActorRow.actor_id).where(EventActorRow.event_id == bindparam("event"))
_INSERT_EVENTS = insert(EventRow).returning(EventRow.id, sort_by_parameter_order=True)
_INSERT_SOURCES = insert(EventSourceRow)
_INSERT_EVENT_ACTORS = insert_ignoring(EventActorRow)


@dataclass
class _Known:
    """An event a draft may join: stored already, or created earlier in this document."""

    event_id: int | None  # None until inserted
    sentence: str
    actor_ids: set[int] | None = None  # loaded only when a merge decision needs them
    draft: EventDraft | None = None  # set for events this document creates
    added: set[int] = field(default_factory=set)  # actor ids this document links to it


def write_events(
    conn: Connection,
    drafts: list[EventDraft],
    expression_ids: dict[int, int],
    actor_ids: dict[str, int],
    rules: EventRules,
) -> tuple[int, int]:
    """Store ``drafts``; returns (events created, drafts merged into an existing event).
    New events get their weight here; stored events that gained a source are reweighed."""
    if not drafts:
        return 0, 0
    known = _stored_candidates(conn, {_key(d) for d in drafts})
    placement: list[_Known] = []
    created: list[_Known] = []
    merged = 0
    for d in drafts:
        pool = known[_key(d)]
        own = {actor_ids[a] for a in d.actors}
        target = _match(conn, d.passage.text.lower(), own, pool, rules)
        if target is None:
            target = _Known(None, d.passage.text.lower(), own, d)
            pool.append(target)
            created.append(target)
        else:
            merged += 1
        placement.append(target)
    # What each new event's weight is made of; all of it comes from this document.
    first_passage: dict[int, int] = {}
    counts: dict[int, int] = defaultdict(int)
    linked: dict[int, set[str]] = defaultdict(set)
    for d, k in zip(drafts, placement, strict=True):
        counts[id(k)] += 1
        first_passage[id(k)] = min(first_passage.get(id(k), d.passage.index), d.passage.index)
        linked[id(k)].update(d.actors)
    weights = {
        id(k): rules.weight(
            Evidence(
                counts[id(k)], 1, len(linked[id(k)]), first_passage[id(k)], k.draft.span.precision
            )
        )
        for k in created
        if k.draft is not None
    }
    if created:
        ids = (
            conn.execute(
                _INSERT_EVENTS,
                [
                    dict(
                        title=k.draft.title,
                        start_date=k.draft.span.start,
                        end_date=k.draft.span.end,
                        start_day=k.draft.span.start.toordinal(),
                        end_day=k.draft.span.end.toordinal(),
                        weight=weights[id(k)],
                        precision=k.draft.span.precision.value,
                        merge_text=k.sentence,
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
            if actor_ids[a] not in k.added:
                k.added.add(actor_ids[a])
                actor_rows.append(
                    dict(
                        event_id=k.event_id,
                        actor_id=actor_ids[a],
                        start_day=d.span.start.toordinal(),
                        weight=weights.get(id(k), 1.0),
                    )
                )
    conn.execute(_INSERT_SOURCES, sources)
    if actor_rows:
        # A stored event may have the actor already: the primary key says so, not a query.
        conn.execute(_INSERT_EVENT_ACTORS.on(conn), actor_rows)
    stored = {k.event_id for k in placement if k.draft is None and k.event_id is not None}
    if stored:
        refresh_weights(conn, stored, rules)
    return len(created), merged


def _key(d: EventDraft) -> SpanKey:
    return (d.span.start, d.span.end, d.span.precision.value)


def _match(
    conn: Connection, sentence: str, actor_ids: set[int], pool: list[_Known], rules: EventRules
) -> _Known | None:
    if not pool:
        return None

    def actors_of(index: int) -> set[int]:
        k = pool[index]
        if k.actor_ids is None:  # loaded only when a merge decision needs them
            assert k.event_id is not None
            k.actor_ids = set(conn.execute(_EVENT_ACTORS, {"event": k.event_id}).scalars())
        return k.actor_ids | k.added

    index = rules.same_event(sentence, actor_ids, [k.sentence for k in pool], actors_of)
    return None if index is None else pool[index]


def _stored_candidates(conn: Connection, keys: set[SpanKey]) -> dict[SpanKey, list[_Known]]:
    """Stored events with exactly these spans, with the sentence each is compared by."""
    rows = conn.execute(_CANDIDATES, {"starts": list({k[0] for k in keys})}).all()
    out: dict[SpanKey, list[_Known]] = defaultdict(list)
    for event_id, start, end, precision, text in rows:
        if (start, end, precision) in keys:
            out[(start, end, precision)].append(_Known(event_id, text or ""))
    return out
