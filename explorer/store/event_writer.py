"""Write one document's event drafts, and keep the stored events a function of their mentions.

An event is a connected group of mentions with one span: ``rules.linked`` says, pair by pair,
which mentions tell the same thing. A new mention is compared with every stored mention of its
span and joins, or joins up, the events it is linked to. When a document is replaced, the
events that lost a mention are grouped again from what remains. So what the store holds does
not depend on the order, the number or the concurrency of the imports that filled it. The
mention that ``rules.rank`` puts first speaks for its event (title, merge text).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import Connection, and_, bindparam, delete, insert, select, update

from explorer.model import EventDraft
from explorer.store.dialects import insert_ignoring
from explorer.store.grouping import Grouper, Mention
from explorer.store.retellings import displaced, keys_of, settle
from explorer.store.rules import EventRules, Rank
from explorer.store.schema import (
    DocumentRow,
    EventActorRow,
    EventRow,
    EventSourceRow,
    ExpressionRow,
    MentionRow,
    PassageRow,
)
from explorer.store.weights import refresh_weights

SpanKey = tuple[dt.date, dt.date, str]
_CHUNK = 500

# Built once (see repo.py): a statement built per call is mostly SQLAlchemy's time, not SQLite's.
# A plain IN on the first column of ix_events_time, filtered here: a tuple IN is compiled
# anew for every document and costs more than the rows it saves.
_STORED_MENTIONS = (
    select(
        EventRow.id,
        EventRow.start_date,
        EventRow.end_date,
        EventRow.precision,
        ExpressionRow.id,
        ExpressionRow.start,
        ExpressionRow.end,
        PassageRow.start,
        PassageRow.text,
        DocumentRow.published,
        DocumentRow.sha256,
    )
    .join(EventSourceRow, EventSourceRow.event_id == EventRow.id)
    .join(ExpressionRow, ExpressionRow.id == EventSourceRow.expression_id)
    .join(PassageRow, PassageRow.id == ExpressionRow.passage_id)
    .join(DocumentRow, DocumentRow.id == ExpressionRow.document_id)
)
_BY_START = _STORED_MENTIONS.where(EventRow.start_date.in_(bindparam("starts", expanding=True)))
_BY_EVENT = _STORED_MENTIONS.where(EventRow.id.in_(bindparam("events", expanding=True)))
# The actors of a stored mention are those named in its passage, as a draft's are (build.py).
_MENTION_ACTORS = (
    select(ExpressionRow.id, MentionRow.actor_id)
    .join(PassageRow, PassageRow.id == ExpressionRow.passage_id)
    .join(
        MentionRow,
        and_(
            MentionRow.document_id == ExpressionRow.document_id,
            MentionRow.start >= PassageRow.start,
            MentionRow.start < PassageRow.end,
        ),
    )
    .where(ExpressionRow.id.in_(bindparam("ids", expanding=True)))
)
_INSERT_EVENTS = insert(EventRow).returning(EventRow.id, sort_by_parameter_order=True)
_INSERT_SOURCES = insert(EventSourceRow)
_INSERT_EVENT_ACTORS = insert_ignoring(EventActorRow)
_MOVE_SOURCES = (
    update(EventSourceRow)
    .where(EventSourceRow.expression_id == bindparam("expr"))
    .values(event_id=bindparam("to"))
)
_SET_HEAD = (
    update(EventRow)
    .where(EventRow.id == bindparam("eid"))
    .values(title=bindparam("t"), merge_text=bindparam("m"))
)


@dataclass
class _Event:
    """A stored event and its mentions."""

    span: SpanKey
    mentions: list[Mention] = field(default_factory=list)

    @property
    def rank(self) -> Rank:
        return min(m.rank for m in self.mentions)


def write_events(
    conn: Connection,
    drafts: list[EventDraft],
    expression_ids: dict[int, int],
    actor_ids: dict[str, int],
    rules: EventRules,
    document_rank: tuple[dt.date | None, str],
    retold: Iterable[str] = (),
) -> tuple[int, int]:
    """Store ``drafts`` of one document (published, sha256: ``document_rank``); returns
    (events created, drafts that joined another mention's event). Copies in other articles
    of its sentences with the ``retold`` keys (as its expression rows hold them) are then
    filed as one telling (retellings.py)."""
    if not drafts:
        return 0, 0
    stored = _load(conn, _BY_START, {"starts": sorted({d.span.start for d in drafts})}, rules)
    keys = {_key(d) for d in drafts}
    events = {i: e for i, e in stored.items() if e.span in keys}
    pools: dict[SpanKey, list[Mention]] = defaultdict(list)
    for event in events.values():
        pools[event.span].extend(event.mentions)
    published, sha = document_rank
    fresh = [
        Mention(
            d.passage.text.lower(),
            rules.rank(published, sha, d.expression.start),
            draft=d,
            actors={actor_ids[a] for a in d.actors},
        )
        for d in drafts
    ]
    # Stored events are one node each (an event is already connected), new mentions one each.
    grouper = Grouper(rules, lambda ms: _load_actors(conn, ms))
    for key, pool in pools.items():
        for m in pool:
            grouper.add(key, m, compare=False)
    for m in fresh:
        assert m.draft is not None
        grouper.add(_key(m.draft), m)
    find = grouper.find
    groups: dict[object, list[Mention]] = defaultdict(list)
    for m in fresh:
        groups[find(m.node)].append(m)
    joined: dict[object, set[int]] = defaultdict(set)
    for event_id in events:
        root = find(("e", event_id))
        if root in groups:
            joined[root].add(event_id)

    new_rows: list[tuple[list[Mention], Mention]] = []
    touched: set[int] = set()
    heads: list[dict[str, object]] = []
    for root, members in groups.items():
        first = min(members, key=lambda m: m.rank)
        targets = sorted(joined.get(root, ()), key=lambda i: events[i].rank)
        if not targets:
            new_rows.append((members, first))
            continue
        target, others = targets[0], targets[1:]
        touched.add(target)
        if first.rank < events[target].rank and first.draft is not None:
            heads.append({"eid": target, "t": first.draft.title, "m": first.sentence})
        for m in members:
            m.event_id = target
        if others:  # the new mention joins up events told apart until now
            _merge_rows(conn, target, [events[o] for o in others], others)
    if heads:
        conn.execute(_SET_HEAD, heads)
    if new_rows:
        ids = (
            conn.execute(
                _INSERT_EVENTS,
                [_event_row(first.draft, first.sentence) for _, first in new_rows if first.draft],
            )
            .scalars()
            .all()
        )
        for (members, _), new_id in zip(new_rows, ids, strict=True):
            for m in members:
                m.event_id = int(new_id)
            touched.add(int(new_id))
    sources = []
    actor_rows = []
    for m in fresh:
        assert m.event_id is not None and m.draft is not None and m.actors is not None
        sources.append(
            dict(event_id=m.event_id, expression_id=expression_ids[m.draft.expression.start])
        )
        actor_rows += [dict(event_id=m.event_id, actor_id=a) for a in sorted(m.actors)]
    conn.execute(_INSERT_SOURCES, sources)
    if actor_rows:
        # A stored event may have the actor already: the primary key says so, not a query.
        conn.execute(_INSERT_EVENT_ACTORS.on(conn), _unique(actor_rows))
    refresh_weights(conn, touched, rules)  # also copies day and weight onto the actor links
    copies = set(retold)
    if copies and published is not None:  # an undated article is nobody's copy
        settle_copies(conn, copies, rules, published=published)
    return len(new_rows), len(drafts) - len(new_rows)


def settle_copies(
    conn: Connection, keys: Iterable[str], rules: EventRules, published: dt.date | None = None
) -> None:
    """File the mentions with these retelling keys as one telling each (retellings.py), and
    bring the events that gained sources up to date: their actor links and weights."""

    def place(
        conn: Connection,
        draft: EventDraft,
        expression_id: int,
        actor_ids: dict[str, int],
        rank: tuple[dt.date | None, str],
    ) -> None:
        write_events(conn, [draft], {draft.expression.start: expression_id}, actor_ids, rules, rank)

    gained = settle(
        conn, keys, rules, place, lambda c, ids: _regroup_all(c, ids, rules), published
    )
    if not gained:
        return
    ids = sorted(gained)
    rows = conn.execute(
        select(EventSourceRow.event_id, EventSourceRow.expression_id).where(
            EventSourceRow.event_id.in_(ids)
        )
    ).all()
    event_of = {int(x): int(e) for e, x in rows}
    links = [
        dict(event_id=event_of[int(x)], actor_id=int(a))
        for n in range(0, len(event_of), _CHUNK)
        for x, a in conn.execute(_MENTION_ACTORS, {"ids": sorted(event_of)[n : n + _CHUNK]})
    ]
    if links:
        conn.execute(_INSERT_EVENT_ACTORS.on(conn), _unique(links))
    refresh_weights(conn, gained, rules)


def regroup(conn: Connection, event_ids: Iterable[int], rules: EventRules) -> None:
    """Group again the mentions left to these events (a document of theirs went): an event
    may fall apart into several, lose the mention that titled it, or lose actors. A copy of
    a sentence filed under the gone document's reading goes back to its own (or to the next
    earliest copy's)."""
    ids = sorted(set(event_ids))
    # Found before regrouping: a split moves mentions to new events.
    copies = keys_of(conn, displaced(conn, ids))
    _regroup_all(conn, ids, rules)
    if copies:
        settle_copies(conn, copies, rules)  # every copy: the one left may be alone


def _regroup_all(conn: Connection, ids: Iterable[int], rules: EventRules) -> None:
    ids = sorted(set(ids))
    for n in range(0, len(ids), _CHUNK):
        _regroup(conn, ids[n : n + _CHUNK], rules)


def _regroup(conn: Connection, ids: list[int], rules: EventRules) -> None:
    events = _load(conn, _BY_EVENT, {"events": ids}, rules)
    gone = set(ids) - set(events)
    if gone:  # no mention left
        conn.execute(delete(EventRow).where(EventRow.id.in_(sorted(gone))))
    mentions = [m for e in events.values() for m in e.mentions]
    _load_actors(conn, mentions)
    heads: list[dict[str, object]] = []
    moves: list[dict[str, int]] = []
    links = []
    for event_id, event in events.items():
        parts = _components(event.mentions, rules)
        parts.sort(key=lambda part: min(m.rank for m in part))
        for n, part in enumerate(parts):
            first = min(part, key=lambda m: m.rank)
            assert first.head is not None
            title = rules.title(*first.head)
            if n == 0:
                target = event_id
                heads.append({"eid": target, "t": title, "m": first.sentence})
            else:  # a group nothing links to the rest any more: an event of its own
                start, end, precision = event.span
                target = int(
                    conn.execute(
                        _INSERT_EVENTS,
                        [_row(title, first.sentence, start, end, precision)],
                    ).scalar_one()
                )
                moves += [{"expr": m.expression_id, "to": target} for m in part if m.expression_id]
            links += [
                dict(event_id=target, actor_id=a)
                for a in sorted(set().union(*(m.actors or set() for m in part)))
            ]
    if heads:
        conn.execute(_SET_HEAD, heads)
    if moves:
        conn.execute(_MOVE_SOURCES, moves)
    kept = sorted(events)
    if kept:
        # Actor links are rebuilt from the mentions that remain: an actor only the removed
        # document named leaves the event.
        conn.execute(delete(EventActorRow).where(EventActorRow.event_id.in_(kept)))
    if links:
        conn.execute(_INSERT_EVENT_ACTORS.on(conn), _unique(links))
    refresh_weights(conn, set(kept) | {int(m["to"]) for m in moves}, rules)


def _components(mentions: list[Mention], rules: EventRules) -> list[list[Mention]]:
    """The connected groups of these mentions (all of one span, actors loaded) under the
    rules, found as for new mentions."""
    for m in mentions:
        m.event_id = None  # each its own node: the event they were in is being taken apart
    grouper = Grouper(rules, lambda ms: None)
    for m in mentions:
        grouper.add(None, m)
    parts: dict[object, list[Mention]] = defaultdict(list)
    for m in mentions:
        parts[grouper.find(m.node)].append(m)
    return list(parts.values())


def _load(
    conn: Connection, query: object, params: dict[str, object], rules: EventRules
) -> dict[int, _Event]:
    events: dict[int, _Event] = {}
    rows = conn.execute(query, params).all()  # type: ignore[call-overload]
    for eid, start, end, precision, expr, e_start, e_end, p_start, text, published, sha in rows:
        event = events.setdefault(int(eid), _Event((start, end, precision)))
        event.mentions.append(
            Mention(
                text.lower(),
                rules.rank(published, sha, e_start),
                event_id=int(eid),
                expression_id=int(expr),
                head=(text, e_start - p_start, e_end - p_start),
            )
        )
    return events


def _load_actors(conn: Connection, mentions: list[Mention]) -> None:
    todo = {m.expression_id: m for m in mentions if m.expression_id is not None}
    for m in todo.values():
        m.actors = set()
    ids = sorted(i for i in todo if i is not None)
    for n in range(0, len(ids), _CHUNK):
        for expr, actor in conn.execute(_MENTION_ACTORS, {"ids": ids[n : n + _CHUNK]}):
            actors = todo[int(expr)].actors
            assert actors is not None
            actors.add(int(actor))


def _merge_rows(conn: Connection, target: int, events: list[_Event], others: list[int]) -> None:
    moves = [
        {"expr": m.expression_id, "to": target}
        for e in events
        for m in e.mentions
        if m.expression_id is not None
    ]
    conn.execute(_MOVE_SOURCES, moves)
    links = conn.execute(
        select(EventActorRow.actor_id).where(EventActorRow.event_id.in_(others))
    ).scalars()
    rows = [dict(event_id=target, actor_id=int(a)) for a in set(links)]
    if rows:
        conn.execute(_INSERT_EVENT_ACTORS.on(conn), rows)
    conn.execute(delete(EventRow).where(EventRow.id.in_(others)))


def _event_row(draft: EventDraft, sentence: str) -> dict[str, object]:
    span = draft.span
    return _row(draft.title, sentence, span.start, span.end, span.precision.value)


def _row(
    title: str, sentence: str, start: dt.date, end: dt.date, precision: str
) -> dict[str, object]:
    return dict(
        title=title,
        start_date=start,
        end_date=end,
        start_day=start.toordinal(),
        end_day=end.toordinal(),
        weight=1.0,  # set by refresh_weights once its sources are in
        precision=precision,
        merge_text=sentence,
    )


def _unique(rows: list[dict[str, int]]) -> list[dict[str, int]]:
    return [
        dict(event_id=e, actor_id=a)
        for e, a in sorted({(r["event_id"], r["actor_id"]) for r in rows})
    ]


def _key(d: EventDraft) -> SpanKey:
    return (d.span.start, d.span.end, d.span.precision.value)
