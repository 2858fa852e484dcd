"""What the timeline needs for one view of a big store, answered through indexes: how many
events start on each day (for cluster counts), the long events, and the heaviest events of
each stretch of the view. Nothing here reads every event: a million-event store is drawn from
a few thousand rows."""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, and_, func, literal_column, or_, select

from explorer.model import DateSpan, Precision
from explorer.store.db import translated
from explorer.store.location import Location
from explorer.store.queries import EventSummary
from explorer.store.schema import (
    ActorRow,
    EventActorRow,
    EventRow,
    EventSourceRow,
    ExpressionRow,
    PassageRow,
)

LONG_DAYS = 400  # as timeline.layout.LONG_DAYS: longer events are read once, not per view
# A stretch holding more than this share of the events is searched down the weight index
# (its heaviest come soon); a smaller one is read along the day index.
WEIGHT_WALK_SHARE = 0.01


@dataclass(frozen=True)
class StoreFilter:
    """The part of an event query the store's indexes answer: actors (any or all of them, by
    name), a range of days the event must touch, and words its title or a source contains.
    Curations are not the store's business: the query layer lays them over the answer."""

    actors: tuple[str, ...] = ()
    match_all: bool = False
    first_day: int | None = None  # day ordinals
    last_day: int | None = None
    text: str = ""
    any_of: tuple[str, ...] = ()  # and at least one of these actors (e.g. of a chosen kind)

    @property
    def narrows(self) -> bool:
        """Conditions on the events' own rows, not on one actor index alone."""
        return (
            self.first_day is not None
            or self.last_day is not None
            or bool(self.text)
            or bool(self.any_of)
        )


class DayCounts:
    """Events per start day, as sorted days and running totals: any range's count by bisection."""

    def __init__(self, days: Sequence[int], counts: Sequence[int]) -> None:
        self.days = list(days)
        self.cumulative = [0]
        for c in counts:
            self.cumulative.append(self.cumulative[-1] + int(c))

    @property
    def total(self) -> int:
        return self.cumulative[-1]

    def count(self, first: float, stop: float) -> int:
        """Events starting on a day in [first, stop)."""
        i = bisect.bisect_left(self.days, first)
        j = bisect.bisect_left(self.days, stop)
        return self.cumulative[j] - self.cumulative[i] if j > i else 0


@dataclass(frozen=True)
class Stretch:
    first: int  # day ordinal
    stop: int
    limit: int | None  # None: every event starting in it; else its heaviest
    count: int = 0  # events starting in it (from DayCounts), to choose the index to read


class StoreViewport:
    location: Location
    engine: Engine

    def event_count(self) -> int:
        with translated(self.location), self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(EventRow)).scalar() or 0)

    def actor_event_counts(self) -> dict[str, int]:
        """How many events each actor takes part in (one pass over the actor index)."""
        with translated(self.location), self.engine.connect() as conn:
            per_id = (
                select(EventActorRow.actor_id, func.count().label("n"))
                .group_by(EventActorRow.actor_id)
                .subquery()
            )
            rows = conn.execute(
                select(ActorRow.name, per_id.c.n).join(per_id, per_id.c.actor_id == ActorRow.id)
            ).all()
        return {str(name): int(n) for name, n in rows}

    def matching(self, flt: StoreFilter, ids: Sequence[int] | None = None) -> list[int]:
        """Ids of the events ``flt`` keeps (among ``ids`` when given), by start then id."""
        with translated(self.location), self.engine.connect() as conn:
            conds = _conditions(conn, flt)
            if conds is None:
                return []
            q = select(EventRow.id).where(*conds).order_by(EventRow.start_date, EventRow.id)
            if ids is None:
                return [int(i) for i in conn.execute(q).scalars()]
            wanted = sorted(set(ids))
            out: list[int] = []
            for n in range(0, len(wanted), 5000):
                chunk = wanted[n : n + 5000]
                out += [int(i) for i in conn.execute(q.where(EventRow.id.in_(chunk))).scalars()]
            return out

    def events_of_actors(self, names: Sequence[str]) -> set[int]:
        """Events any of these actors (by name) take part in."""
        if not names:
            return set()
        with translated(self.location), self.engine.connect() as conn:
            ids = _actor_ids(conn, names)
            if not ids:
                return set()
            q = select(EventActorRow.event_id).where(EventActorRow.actor_id.in_(ids))
            return {int(i) for i in conn.execute(q).scalars()}

    def day_counts(self, flt: StoreFilter = StoreFilter()) -> DayCounts:
        """Events per start day, for everything or for the filter's actors (one index each)."""
        with translated(self.location), self.engine.connect() as conn:
            if flt.narrows:
                conds = _conditions(conn, flt)
                if conds is None:
                    return DayCounts([], [])
                q = select(EventRow.start_day, func.count()).where(*conds)
                q = q.group_by(EventRow.start_day)
            elif not flt.actors:
                q = select(EventRow.start_day, func.count()).group_by(EventRow.start_day)
            else:
                ids = _actor_ids(conn, flt.actors)
                if not ids or (flt.match_all and len(ids) < len(flt.actors)):
                    return DayCounts([], [])
                linked = _linked(ids, flt.match_all).subquery()
                q = select(linked.c.start_day, func.count()).group_by(linked.c.start_day)
            rows = sorted(conn.execute(q).all())
        return DayCounts([int(r[0]) for r in rows], [int(r[1]) for r in rows])

    def long_events(self, flt: StoreFilter = StoreFilter()) -> list[EventSummary]:
        """Events longer than LONG_DAYS (decades, multi-year ranges): few, read once."""
        with translated(self.location), self.engine.connect() as conn:
            ids = [
                int(i)
                for i in conn.execute(
                    select(EventRow.id).where(EventRow.end_day - EventRow.start_day > LONG_DAYS)
                ).scalars()
            ]
            if flt.actors or flt.narrows:
                conds = _conditions(conn, flt)
                if conds is None:
                    return []
                kept = set(
                    conn.execute(select(EventRow.id).where(EventRow.id.in_(ids), *conds)).scalars()
                )
                ids = [i for i in ids if i in kept]
            return _summaries(conn, ids)

    def heaviest(
        self, stretches: Sequence[Stretch], flt: StoreFilter = StoreFilter(), total: int = 0
    ) -> list[EventSummary]:
        """The events of each stretch (all, or its ``limit`` heaviest), for the filter."""
        with translated(self.location), self.engine.connect() as conn:
            if flt.narrows:
                return _summaries(conn, _narrowed(conn, stretches, flt))
            actor_ids = _actor_ids(conn, flt.actors) if flt.actors else []
            if flt.actors and (not actor_ids or (flt.match_all and len(actor_ids) < len(flt.actors))):
                return []
            picked: set[int] = set()
            every = [s for s in stretches if s.limit is None]
            if every:
                picked |= _all_in(conn, every, actor_ids, flt.match_all)
            for s in stretches:
                if s.limit is not None:
                    picked |= _top_in(conn, s, actor_ids, flt.match_all, total)
            return _summaries(conn, sorted(picked))


def _actor_ids(conn: Connection, names: Sequence[str]) -> list[int]:
    folded = [n.casefold() for n in names]
    return [
        int(i)
        for i in conn.execute(
            select(ActorRow.id).where(func.lower(ActorRow.name).in_(folded))
        ).scalars()
    ]


def _linked(actor_ids: list[int], match_all: bool):  # type: ignore[no-untyped-def]
    """(event_id, start_day, weight) of events linked to any (or all) of these actors."""
    link = EventActorRow
    if len(actor_ids) == 1:  # one index range, each event once: nothing to deduplicate
        return select(link.event_id, link.start_day, link.weight).where(
            link.actor_id == actor_ids[0]
        )
    if not match_all:
        return select(link.event_id, link.start_day, link.weight).where(
            link.actor_id.in_(actor_ids)
        ).distinct()
    return (
        select(link.event_id, func.min(link.start_day).label("start_day"),
               func.min(link.weight).label("weight"))
        .where(link.actor_id.in_(actor_ids))
        .group_by(link.event_id)
        .having(func.count() == len(actor_ids))
    )


def _all_in(
    conn: Connection, stretches: list[Stretch], actor_ids: list[int], match_all: bool
) -> set[int]:
    if not actor_ids:
        cond = or_(*(and_(EventRow.start_day >= s.first, EventRow.start_day < s.stop)
                     for s in stretches))
        return {int(i) for i in conn.execute(select(EventRow.id).where(cond)).scalars()}
    linked = _linked(actor_ids, match_all).subquery()
    cond = or_(*(and_(linked.c.start_day >= s.first, linked.c.start_day < s.stop)
                 for s in stretches))
    return {int(i) for i in conn.execute(select(linked.c.event_id).where(cond)).scalars()}


def _top_in(
    conn: Connection, s: Stretch, actor_ids: list[int], match_all: bool, total: int
) -> set[int]:
    assert s.limit is not None
    if actor_ids and not match_all:
        link = EventActorRow
        found: set[tuple[int, float]] = set()
        for a in actor_ids:  # one index range each; their union, then the heaviest overall
            pairs = (
                select(link.event_id, link.weight)
                .where(link.actor_id == a, link.start_day >= s.first, link.start_day < s.stop)
                .order_by(link.weight.desc())
                .limit(s.limit)
            )
            found |= {(int(i), float(w)) for i, w in conn.execute(pairs)}
        return {i for i, _ in sorted(found, key=lambda iw: -iw[1])[: s.limit]}
    if actor_ids:
        linked = _linked(actor_ids, True).subquery()
        q = (
            select(linked.c.event_id)
            .where(linked.c.start_day >= s.first, linked.c.start_day < s.stop)
            .order_by(linked.c.weight.desc())
            .limit(s.limit)
        )
        return {int(i) for i in conn.execute(q).scalars()}
    day = EventRow.start_day
    if total and s.count > WEIGHT_WALK_SHARE * total:
        # Most of the store: walk down the weight index and take the first that fall inside.
        # (Unary plus keeps both backends off the day index for these two conditions.)
        day = literal_column("+events.start_day")  # type: ignore[assignment]
    q = (
        select(EventRow.id)
        .where(day >= s.first, day < s.stop)
        .order_by(EventRow.weight.desc())
        .limit(s.limit)
    )
    return {int(i) for i in conn.execute(q).scalars()}


def _summaries(conn: Connection, ids: list[int]) -> list[EventSummary]:
    out: list[EventSummary] = []
    for n in range(0, len(ids), 5000):
        chunk = ids[n : n + 5000]
        names: dict[int, list[str]] = defaultdict(list)
        for event_id, name in conn.execute(
            select(EventActorRow.event_id, ActorRow.name)
            .join(ActorRow, ActorRow.id == EventActorRow.actor_id)
            .where(EventActorRow.event_id.in_(chunk))
        ):
            names[int(event_id)].append(str(name))
        for r in conn.execute(
            select(
                EventRow.id,
                EventRow.title,
                EventRow.start_date,
                EventRow.end_date,
                EventRow.precision,
                EventRow.weight,
            ).where(EventRow.id.in_(chunk))
        ):
            out.append(
                EventSummary(
                    int(r[0]),
                    str(r[1]),
                    DateSpan(r[2], r[3], Precision(r[4])),
                    tuple(sorted(names.get(int(r[0]), []))),
                    weight=float(r[5]),
                )
            )
    return out


def _conditions(conn: Connection, flt: StoreFilter) -> list[Any] | None:
    """Conditions on the events table for ``flt``; None when no event can match."""
    conds: list[Any] = []
    if flt.first_day is not None:
        conds.append(EventRow.end_day >= flt.first_day)
    if flt.last_day is not None:
        conds.append(EventRow.start_day <= flt.last_day)
    if flt.actors:
        ids = _actor_ids(conn, flt.actors)
        if not ids or (flt.match_all and len(ids) < len(flt.actors)):
            return None
        conds.append(EventRow.id.in_(select(_linked(ids, flt.match_all).subquery().c.event_id)))
    if flt.any_of:
        ids = _actor_ids(conn, flt.any_of)
        if not ids:
            return None
        conds.append(EventRow.id.in_(select(_linked(ids, False).subquery().c.event_id)))
    if flt.text:
        pattern = f"%{flt.text.strip()}%"
        by_passage = (
            select(EventSourceRow.event_id)
            .join(ExpressionRow, ExpressionRow.id == EventSourceRow.expression_id)
            .join(PassageRow, PassageRow.id == ExpressionRow.passage_id)
            .where(PassageRow.text.ilike(pattern))
        )
        conds.append(or_(EventRow.title.ilike(pattern), EventRow.id.in_(by_passage)))
    return conds


def _narrowed(conn: Connection, stretches: Sequence[Stretch], flt: StoreFilter) -> list[int]:
    """The events of each stretch (all, or its heaviest) that meet dates or words."""
    conds = _conditions(conn, flt)
    if conds is None:
        return []
    picked: set[int] = set()
    for s in stretches:
        q = select(EventRow.id).where(
            EventRow.start_day >= s.first, EventRow.start_day < s.stop, *conds
        )
        if s.limit is not None:
            q = q.order_by(EventRow.weight.desc(), EventRow.id).limit(s.limit)
        picked |= {int(i) for i in conn.execute(q).scalars()}
    return sorted(picked)
