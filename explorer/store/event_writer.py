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
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import chain

from sqlalchemy import Connection, and_, bindparam, delete, insert, select, update

from explorer.model import EventDraft
from explorer.store.dialects import insert_ignoring
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
class _Mention:
    """A dated sentence: stored (``expression_id``) or one of the document being written."""

    sentence: str  # lower case: what mentions are compared by
    rank: Rank
    event_id: int | None = None  # the stored event it belongs to
    expression_id: int | None = None
    draft: EventDraft | None = None
    actors: set[int] | None = None  # loaded only when a decision needs them
    head: tuple[str, int, int] | None = None  # passage text and date offsets, for its title


@dataclass
class _Event:
    """A stored event and its mentions."""

    span: SpanKey
    mentions: list[_Mention] = field(default_factory=list)

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
) -> tuple[int, int]:
    """Store ``drafts`` of one document (published, sha256: ``document_rank``); returns
    (events created, drafts that joined another mention's event)."""
    if not drafts:
        return 0, 0
    stored = _load(conn, _BY_START, {"starts": sorted({d.span.start for d in drafts})}, rules)
    keys = {_key(d) for d in drafts}
    events = {i: e for i, e in stored.items() if e.span in keys}
    pools: dict[SpanKey, list[_Mention]] = defaultdict(list)
    for event in events.values():
        pools[event.span].extend(event.mentions)
    published, sha = document_rank
    fresh = [
        _Mention(
            d.passage.text.lower(),
            rules.rank(published, sha, d.expression.start),
            draft=d,
            actors={actor_ids[a] for a in d.actors},
        )
        for d in drafts
    ]
    # Stored events are one node each (an event is already connected), new mentions one each.
    find = _connect(fresh, pools, rules, lambda ms: _load_actors(conn, ms))
    groups: dict[object, list[_Mention]] = defaultdict(list)
    for m in fresh:
        groups[find(_node(m))].append(m)
    joined: dict[object, set[int]] = defaultdict(set)
    for event_id in events:
        root = find(("e", event_id))
        if root in groups:
            joined[root].add(event_id)

    new_rows: list[tuple[list[_Mention], _Mention]] = []
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
    return len(new_rows), len(drafts) - len(new_rows)


def regroup(conn: Connection, event_ids: Iterable[int], rules: EventRules) -> None:
    """Group again the mentions left to these events (a document of theirs went): an event
    may fall apart into several, lose the mention that titled it, or lose actors."""
    ids = sorted(set(event_ids))
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


def _components(mentions: list[_Mention], rules: EventRules) -> list[list[_Mention]]:
    """The connected groups of these mentions (all of one span, actors loaded) under the
    rules, found as for new mentions (_connect)."""
    for m in mentions:
        m.event_id = None  # each its own node: the event they were in is being taken apart
    find = _connect(mentions, {}, rules, lambda ms: None)
    parts: dict[object, list[_Mention]] = defaultdict(list)
    for m in mentions:
        parts[find(_node(m))].append(m)
    return list(parts.values())


def _node(m: _Mention) -> object:
    return ("e", m.event_id) if m.event_id is not None else ("n", id(m))


def _connect(
    fresh: list[_Mention],
    pools: dict[SpanKey, list[_Mention]],
    rules: EventRules,
    load_actors: Callable[[list[_Mention]], None],
) -> Callable[[object], object]:
    """Union-find over stored events and new mentions, joined where the rules link a new
    mention to a stored one of its span or to one before it; returns ``find``.

    What matters is the connected groups, so a mention is compared only with mentions not
    already in its group: when a thousand near copies of one sentence form one event, each
    joins it with one comparison, not a thousand. Only mentions whose content words meet
    (``rules.keys``) are compared, and mentions with the same wording are linked uncompared
    (one of them stands for all). The actors of stored mentions are read, a span at a time,
    only when a decision needs them."""
    parent: dict[object, object] = {}

    def find(x: object) -> object:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(a: _Mention, b: _Mention) -> None:
        parent[find(_node(a))] = find(_node(b))

    spans: dict[object, _Sentences] = defaultdict(lambda: _Sentences(rules))
    for key, pool in pools.items():
        for m in pool:
            spans[key].add(m)
    for m in fresh:
        assert m.actors is not None
        known = spans[_key(m.draft) if m.draft is not None else None]
        twin = known.twin(m)
        if twin is not None:
            join(m, twin)
        for k in known.candidates(m.sentence):
            other = known.members[k][0]
            if find(_node(m)) == find(_node(other)):
                continue  # already one event: nothing to learn

            def actors_of(k: int = k, known: _Sentences = known) -> list[set[int]]:
                if any(o.actors is None for o in known.members[k]):
                    load_actors([o for ms in known.members for o in ms if o.actors is None])
                return [o.actors or set() for o in known.members[k]]

            if rules.linked(m.sentence, m.actors, known.texts[k], actors_of):
                join(m, other)
        known.add(m)
    return find


@dataclass
class _Sentences:
    """The distinct wordings of a span's mentions (rules.wording), each with its mentions
    (one event without being compared), and indexes of their key words to find which
    wordings' keys meet a new sentence's (rules.keys_needed) without trying every one."""

    rules: EventRules
    texts: list[str] = field(default_factory=list)
    members: list[list[_Mention]] = field(default_factory=list)
    index: dict[str, int] = field(default_factory=dict)
    keys: list[frozenset[str]] = field(default_factory=list)
    having: dict[str, list[int]] = field(default_factory=dict)  # key -> wordings with it
    # Prefix filtering (as in set-similarity joins): each wording also files a part of its
    # keys, ``picked``, so that any wording with no more keys than it that shares enough of
    # its keys holds ``hits`` of them (see _pick).
    picked_by: dict[str, list[int]] = field(default_factory=dict)
    hits: list[int] = field(default_factory=list)

    def twin(self, m: _Mention) -> _Mention | None:
        k = self.index.get(self.rules.wording(m.sentence))
        return None if k is None else self.members[k][0]

    def _pick(self, words: frozenset[str]) -> tuple[list[str], int]:
        """Keys of a sentence of which any partner with at least as many keys that shares
        ``keys_needed`` of them must hold ``c``: with n keys and o needed, any n - o + c do,
        since at most o - c of the shared lie outside them. Which ones only sets the cost, not
        the result, so they are those the fewest wordings have so far."""
        n = len(words)
        needed = self.rules.keys_needed(n)
        c = min(needed, 3)
        ranked = sorted(words, key=lambda w: (len(self.having.get(w, ())), w))
        return ranked[: n - needed + c], c

    def candidates(self, sentence: str) -> list[int]:
        """Wordings whose keys meet those of ``sentence`` (rules.keys_needed), in the order
        they came."""
        words = self.rules.keys(sentence)
        n = len(words)
        if not n:
            return []
        found: set[int] = set()
        # Wordings with at least as many keys hold c of this one's picked keys ...
        picked, c = self._pick(words)
        held = Counter(chain.from_iterable(self.having.get(w, ()) for w in picked))
        found.update(k for k, h in held.items() if h >= c and len(self.keys[k]) >= n)
        # ... and this one holds ``hits`` of the picked keys of those with fewer.
        held = Counter(chain.from_iterable(self.picked_by.get(w, ()) for w in words))
        found.update(k for k, h in held.items() if h >= self.hits[k] and len(self.keys[k]) <= n)
        needed = self.rules.keys_needed
        return sorted(
            k for k in found if len(words & self.keys[k]) >= needed(min(n, len(self.keys[k])))
        )

    def add(self, m: _Mention) -> None:
        wording = self.rules.wording(m.sentence)
        k = self.index.get(wording)
        if k is not None:
            self.members[k].append(m)
            return
        k = self.index[wording] = len(self.texts)
        self.texts.append(m.sentence)
        self.members.append([m])
        words = self.rules.keys(m.sentence)
        self.keys.append(words)
        picked, c = self._pick(words) if words else ([], 1)
        self.hits.append(c)
        for word in picked:
            self.picked_by.setdefault(word, []).append(k)
        for word in words:
            self.having.setdefault(word, []).append(k)


def _load(
    conn: Connection, query: object, params: dict[str, object], rules: EventRules
) -> dict[int, _Event]:
    events: dict[int, _Event] = {}
    rows = conn.execute(query, params).all()  # type: ignore[call-overload]
    for eid, start, end, precision, expr, e_start, e_end, p_start, text, published, sha in rows:
        event = events.setdefault(int(eid), _Event((start, end, precision)))
        event.mentions.append(
            _Mention(
                text.lower(),
                rules.rank(published, sha, e_start),
                event_id=int(eid),
                expression_id=int(expr),
                head=(text, e_start - p_start, e_end - p_start),
            )
        )
    return events


def _load_actors(conn: Connection, mentions: list[_Mention]) -> None:
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
