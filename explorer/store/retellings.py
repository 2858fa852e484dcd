"""Copies of one sentence in several articles are one telling, dated as the earliest reads it.

A syndicated column or a piece run again by a second outlet a day later keeps the original's
"today" and "on Monday"; read against the copy's own date they name other days, and the
timeline would show one statement twice. The domain gives each such mention a key
(``rules.retelling``, stored with its expression); mentions with one key, in articles
published within ``rules.retold_days`` of each other, are one telling. Each keeps its own
reading in its expression row, and its source is filed under the event of the earliest
article's mention. Like the rest of the grouping, this is decided from what the store holds
now, so it does not depend on the order the articles came in: an original imported after its
copy takes them over, and a copy whose original is replaced or removed goes back to its own
reading.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, delete, func, or_, select, update

from explorer.model import DateSpan, EventDraft, Passage, Precision, TimeExpression
from explorer.store.rules import EventRules, Rank
from explorer.store.schema import (
    ActorRow,
    DocumentRow,
    EventRow,
    EventSourceRow,
    ExpressionRow,
    MentionRow,
    PassageRow,
)

Span = tuple[dt.date, dt.date, str]
# Writes one re-placed mention as a new draft of its document (event_writer.write_events).
Place = Callable[[Connection, EventDraft, int, dict[str, int], tuple[dt.date | None, str]], None]
Regroup = Callable[[Connection, Iterable[int]], None]
_CHUNK = 500

_KEYS = select(ExpressionRow.retelling).where(
    ExpressionRow.id.in_(bindparam("ids", expanding=True)), ExpressionRow.retelling.is_not(None)
)
# Which of some keys more than one document holds: most keys have no copy, and this indexed
# count is all a document with none pays.
_SHARED = (
    select(ExpressionRow.retelling)
    .join(DocumentRow, DocumentRow.id == ExpressionRow.document_id)
    .where(
        ExpressionRow.retelling.in_(bindparam("keys", expanding=True)),
        DocumentRow.published.between(bindparam("lo"), bindparam("hi")),
    )
    .group_by(ExpressionRow.retelling)
    .having(func.count(func.distinct(ExpressionRow.document_id)) > 1)
)
_ALL_COPIES = (
    select(
        ExpressionRow.id,
        ExpressionRow.retelling,
        ExpressionRow.start,
        ExpressionRow.end,
        ExpressionRow.text,
        ExpressionRow.kind,
        ExpressionRow.start_date,
        ExpressionRow.end_date,
        ExpressionRow.precision,
        ExpressionRow.document_id,
        PassageRow.idx,
        PassageRow.start,
        PassageRow.end,
        PassageRow.text,
        DocumentRow.published,
        DocumentRow.sha256,
        EventRow.id,
        EventRow.start_date,
        EventRow.end_date,
        EventRow.precision,
    )
    .join(EventSourceRow, EventSourceRow.expression_id == ExpressionRow.id)
    .join(EventRow, EventRow.id == EventSourceRow.event_id)
    .join(PassageRow, PassageRow.id == ExpressionRow.passage_id)
    .join(DocumentRow, DocumentRow.id == ExpressionRow.document_id)
    .where(ExpressionRow.retelling.in_(bindparam("keys", expanding=True)))
)
# A new document's copies: only those published near it can be one telling with it, and a
# story reprinted every year (a template, an anniversary piece) is not read back each time.
_COPIES_NEAR = _ALL_COPIES.where(DocumentRow.published.between(bindparam("lo"), bindparam("hi")))
_PASSAGE_ACTORS = (
    select(ActorRow.name, ActorRow.id)
    .join(MentionRow, MentionRow.actor_id == ActorRow.id)
    .where(
        MentionRow.document_id == bindparam("doc"),
        MentionRow.start >= bindparam("start"),
        MentionRow.start < bindparam("end"),
    )
)
_EVENT_OF = select(EventSourceRow.event_id).where(EventSourceRow.expression_id == bindparam("e"))
_MOVE = (
    update(EventSourceRow)
    .where(EventSourceRow.expression_id == bindparam("expr"))
    .values(event_id=bindparam("to"))
)


@dataclass
class _Copy:
    """A stored mention with a retelling key: its own reading and the event it is filed in."""

    expression_id: int
    key: str
    start: int
    end: int
    text: str
    kind: str
    own: Span
    document_id: int
    passage: Passage
    published: dt.date | None
    sha256: str
    event_id: int
    event_span: Span
    rank: Rank


def keys_of(conn: Connection, expression_ids: Iterable[int]) -> set[str]:
    """The retelling keys of these stored mentions."""
    ids = sorted(set(expression_ids))
    return {
        str(k)
        for n in range(0, len(ids), _CHUNK)
        for k in conn.execute(_KEYS, {"ids": ids[n : n + _CHUNK]}).scalars()
    }


def settle(
    conn: Connection,
    keys: Iterable[str],
    rules: EventRules,
    place: Place,
    regroup: Regroup,
    published: dt.date | None = None,
) -> set[int]:
    """File the mentions with these retelling keys under the event of each key's earliest
    copy, and put back in their own reading the mentions whose earlier copy is gone. With
    ``published`` (a new document's date), only copies published within ``rules.retold_days``
    of it are looked at; without, every copy (keys that may have one mention left). Returns
    the events that gained sources (weights and actor links are refreshed by the caller)."""
    wanted = sorted(set(keys))
    window: dict[str, object] = {}
    if published is not None:
        reach = dt.timedelta(days=rules.retold_days)
        window = {"lo": published - reach, "hi": published + reach}
        wanted = [
            str(k)
            for n in range(0, len(wanted), _CHUNK)
            for k in conn.execute(_SHARED, {"keys": wanted[n : n + _CHUNK], **window}).scalars()
        ]
    if not wanted:
        return set()
    by_key: dict[str, list[_Copy]] = defaultdict(list)
    for c in _copies(conn, wanted, rules, window):
        by_key[c.key].append(c)
    lost: set[int] = set()
    gained: dict[int, list[int]] = defaultdict(list)
    for copies in by_key.values():
        for telling in _tellings(copies, rules.retold_days):
            first = telling[0]
            if first.event_span != first.own:  # filed under a copy that is gone: back home
                lost.add(first.event_id)
                first.event_id = _replace(conn, first, rules, place)
            for c in telling[1:]:
                if c.event_id != first.event_id:
                    lost.add(c.event_id)
                    gained[first.event_id].append(c.expression_id)
                    c.event_id = first.event_id
    moves = [{"expr": e, "to": t} for t, es in gained.items() for e in es]
    if moves:
        conn.execute(_MOVE, moves)
    lost -= set(gained)
    if lost:
        regroup(conn, lost)  # they lost a source: grouped again (or gone) from what remains
    return set(gained)


def displaced(conn: Connection, event_ids: Iterable[int]) -> list[int]:
    """The mentions of these events filed under another reading than their own: copies whose
    original may have gone."""
    ids = sorted(set(event_ids))
    found: list[int] = []
    for n in range(0, len(ids), _CHUNK):
        q = (
            select(ExpressionRow.id)
            .join(EventSourceRow, EventSourceRow.expression_id == ExpressionRow.id)
            .join(EventRow, EventRow.id == EventSourceRow.event_id)
            .where(
                EventRow.id.in_(ids[n : n + _CHUNK]),
                ExpressionRow.retelling.is_not(None),
                or_(
                    ExpressionRow.start_date != EventRow.start_date,
                    ExpressionRow.end_date != EventRow.end_date,
                    ExpressionRow.precision != EventRow.precision,
                ),
            )
        )
        found += [int(i) for i in conn.execute(q).scalars()]
    return found


def _copies(
    conn: Connection, keys: list[str], rules: EventRules, window: dict[str, object]
) -> list[_Copy]:
    out = []
    query = _COPIES_NEAR if window else _ALL_COPIES
    for n in range(0, len(keys), _CHUNK):
        rows = conn.execute(query, {"keys": keys[n : n + _CHUNK], **window}).all()
        for (
            expr, key, e_start, e_end, text, kind, start, end, precision, doc,
            idx, p_start, p_end, p_text, published, sha, eid, ev_start, ev_end, ev_precision,
        ) in rows:  # fmt: skip
            if start is None or end is None or precision is None:
                continue
            out.append(
                _Copy(
                    int(expr), str(key), int(e_start), int(e_end), str(text), str(kind),
                    (start, end, str(precision)), int(doc),
                    Passage(int(idx), int(p_start), int(p_end), str(p_text)),
                    published, str(sha), int(eid), (ev_start, ev_end, str(ev_precision)),
                    rules.rank(published, str(sha), int(e_start)),
                )  # fmt: skip
            )
    return out


def _tellings(copies: list[_Copy], days: int) -> list[list[_Copy]]:
    """The copies of one sentence, earliest first, cut where the articles are more than
    ``days`` apart. An undated article's copy is a telling of its own: nothing says when."""
    copies = sorted(copies, key=lambda c: c.rank)
    tellings: list[list[_Copy]] = []
    last: dt.date | None = None
    for c in copies:
        if c.published is None:
            tellings.append([c])
            continue
        if last is None or (c.published - last).days > days or not tellings:
            tellings.append([c])
        else:
            tellings[-1].append(c)
        last = c.published
    return tellings


def _replace(conn: Connection, c: _Copy, rules: EventRules, place: Place) -> int:
    """Take ``c`` out of its event and write it again as its own reading says; its new event."""
    conn.execute(delete(EventSourceRow).where(EventSourceRow.expression_id == c.expression_id))
    actors = {
        str(name): int(i)
        for name, i in conn.execute(
            _PASSAGE_ACTORS,
            {"doc": c.document_id, "start": c.passage.start, "end": c.passage.end},
        )
    }
    start, end, precision = c.own
    expression = TimeExpression(
        c.start, c.end, c.text, DateSpan(start, end, Precision(precision)), kind=c.kind
    )
    draft = EventDraft(
        title=rules.title(c.passage.text, c.start - c.passage.start, c.end - c.passage.start),
        span=expression.span,  # type: ignore[arg-type]
        actors=tuple(sorted(actors)),
        passage=c.passage,
        expression=expression,
    )
    place(conn, draft, c.expression_id, actors, (c.published, c.sha256))
    return int(conn.execute(_EVENT_OF, {"e": c.expression_id}).scalar_one())

