"""Each event's weight (decided by the rules passed in: events/salience.py), kept on its row and
on its actor links so the timeline asks the store for the heaviest events of a view instead of
reading them all."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, bindparam, func, select, update

from explorer.model import Precision
from explorer.store.rules import EventRules, Evidence
from explorer.store.schema import (
    EventActorRow,
    EventRow,
    EventSourceRow,
    ExpressionRow,
    PassageRow,
)

NO_SOURCE = 1_000_000  # the first passage of an event with no source: never a lead
_CHUNK = 500


def refresh_weights(conn: Connection, event_ids: Iterable[int], rules: EventRules) -> None:
    """Recompute the weight of these events from their sources and actors."""
    ids = sorted(set(event_ids))
    for n in range(0, len(ids), _CHUNK):
        _refresh(conn, ids[n : n + _CHUNK], rules)


def source_reports(
    conn: Connection, ids: list[int] | None = None
) -> dict[int, tuple[int, int, int]]:
    """Event id -> (sentences, documents, first passage index) of its sources: what its
    salience is made of. Every event's when ``ids`` is None."""
    q = (
        select(
            EventSourceRow.event_id,
            func.count(),
            func.count(func.distinct(ExpressionRow.document_id)),
            func.min(PassageRow.idx),
        )
        .join(ExpressionRow, ExpressionRow.id == EventSourceRow.expression_id)
        .join(PassageRow, PassageRow.id == ExpressionRow.passage_id)
        .group_by(EventSourceRow.event_id)
    )
    if ids is not None:
        q = q.where(EventSourceRow.event_id.in_(ids))
    return {int(r[0]): (int(r[1]), int(r[2]), int(r[3])) for r in conn.execute(q)}


def _refresh(conn: Connection, ids: list[int], rules: EventRules) -> None:
    reports = source_reports(conn, ids)
    actors = dict(
        conn.execute(
            select(EventActorRow.event_id, func.count())
            .where(EventActorRow.event_id.in_(ids))
            .group_by(EventActorRow.event_id)
        ).all()
    )
    rows = conn.execute(
        select(EventRow.id, EventRow.precision, EventRow.start_day).where(EventRow.id.in_(ids))
    ).all()
    values = []
    for event_id, precision, start_day in rows:
        sources, documents, first = reports.get(event_id, (1, 1, NO_SOURCE))
        w = rules.weight(
            Evidence(sources, documents, int(actors.get(event_id, 0)), first, Precision(precision))
        )
        values.append({"eid": event_id, "w": w, "d": start_day})
    if values:
        conn.execute(_SET_EVENT, values)
        conn.execute(_SET_LINKS, values)


_SET_EVENT = (
    update(EventRow)
    .where(EventRow.id == bindparam("eid"))
    .values(weight=bindparam("w"))
)
_SET_LINKS = (
    update(EventActorRow)
    .where(EventActorRow.event_id == bindparam("eid"))
    .values(weight=bindparam("w"), start_day=bindparam("d"))
)
