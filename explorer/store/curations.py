"""Curations in the store: record them, switch them on and off, read them back, and read what
the overlay (curation/overlay.py) needs to lay them over the events: each event's source keys
and the readings of its sources. Applying them is curation's business, not the store's."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, func, insert, literal, select, update

from explorer.errors import StoreError
from explorer.model import Curation
from explorer.store.db import translated
from explorer.store.location import Location
from explorer.store.schema import (
    CurationRow,
    DocumentRow,
    EventSourceRow,
    ExpressionRow,
    PassageRow,
    StoreStateRow,
)
from explorer.store.writing import retrying, writing

SEP = "\x1f"  # joins a source key: document path, sentence, expression


@dataclass(frozen=True)
class SourceReading:
    """One source of an event as its date expression was read: what doubts are judged on."""

    event_id: int
    sentence: str
    start: int  # the expression, within the sentence
    end: int
    kind: str
    inferred: bool
    date: dt.date | None
    published: dt.date | None
    last: dt.date | None


def source_key(path: str, sentence: str, expression: str) -> str:
    """How a curation names a source: stable as long as the file keeps that sentence."""
    return f"{path}{SEP}{sentence}{SEP}{expression}"


def renamed_path(value: Any, old: str, new: str) -> Any:
    """A curation payload with every mention of document path ``old`` (a path, or the start of
    a source key) made ``new``."""
    if isinstance(value, str):
        if value == old:
            return new
        return new + value[len(old) :] if value.startswith(old + SEP) else value
    if isinstance(value, list):
        return [renamed_path(v, old, new) for v in value]
    if isinstance(value, dict):
        return {k: renamed_path(v, old, new) for k, v in value.items()}
    return value


def rename_document(conn: Connection, doc_id: int, old: str, new: str) -> None:
    """Give a stored document a new path, and the edits naming it by its old one."""
    conn.execute(update(DocumentRow).where(DocumentRow.id == doc_id).values(path=new))
    rows = conn.execute(select(CurationRow.id, CurationRow.payload)).all()
    changed = []
    for cid, payload in rows:
        if old not in payload and json.dumps(old)[1:-1] not in payload:  # as JSON writes it
            continue
        value = json.loads(payload)
        moved = renamed_path(value, old, new)
        if moved != value:
            changed.append({"cid": cid, "p": json.dumps(moved, ensure_ascii=False)})
    if changed:
        conn.execute(
            update(CurationRow)
            .where(CurationRow.id == bindparam("cid"))
            .values(payload=bindparam("p")),
            changed,
        )


class StoreCurations:
    location: Location
    engine: Engine
    author: str

    def add_curation(self, kind: str, payload: dict[str, Any], label: str) -> int:
        """Record an edit by this session's author, now."""

        def work() -> int:
            with translated(self.location), writing(self.engine) as conn:
                result = conn.execute(
                    insert(CurationRow).values(
                        kind=kind,
                        payload=json.dumps(payload, ensure_ascii=False),
                        label=label,
                        active=True,
                        created_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
                        author=self.author,
                    )
                )
                new_id = result.inserted_primary_key
                assert new_id is not None
                return int(new_id[0])

        return retrying(work)

    def set_curation_active(self, curation_id: int, active: bool) -> None:
        """Switch an edit off (undo) or on (redo): only its author may."""

        def work() -> None:
            with translated(self.location), writing(self.engine) as conn:
                owner = conn.execute(
                    select(CurationRow.author).where(CurationRow.id == curation_id)
                ).first()
                if owner is None:
                    raise StoreError(f"No edit with id {curation_id}.")
                if owner[0] and owner[0] != self.author:
                    raise StoreError(
                        f"Edit {curation_id} was made by {owner[0]}; only they can undo or redo "
                        "it. Make an edit of your own instead."
                    )
                conn.execute(
                    update(CurationRow).where(CurationRow.id == curation_id).values(active=active)
                )

        retrying(work)

    def curations(self) -> list[Curation]:
        with translated(self.location), self.engine.connect() as conn:
            rows = conn.execute(
                select(
                    CurationRow.id,
                    CurationRow.kind,
                    CurationRow.payload,
                    CurationRow.label,
                    CurationRow.active,
                    CurationRow.author,
                    CurationRow.created_at,
                ).order_by(CurationRow.id)
            ).all()
        return [
            Curation(r[0], r[1], json.loads(r[2]), r[3], bool(r[4]), r[5] or "", r[6])
            for r in rows
        ]

    def copy_curations(self, curations: list[Curation]) -> int:
        """Add edits made elsewhere, with their authors and times, in their order; an edit
        the store holds already (same kind, content, author and time) is skipped."""
        with translated(self.location), writing(self.engine) as conn:
            have = {
                (r[0], r[1], r[2], r[3])
                for r in conn.execute(
                    select(
                        CurationRow.kind, CurationRow.payload, CurationRow.author,
                        CurationRow.created_at,
                    )
                )
            }
            rows = []
            for c in curations:
                payload = json.dumps(c.payload, ensure_ascii=False)
                created = c.created_at or dt.datetime.now(dt.UTC).replace(tzinfo=None)
                key = (c.kind, payload, c.author, created)
                if key in have:
                    continue
                have.add(key)
                rows.append(
                    dict(kind=c.kind, payload=payload, label=c.label, active=c.active,
                         created_at=created, author=c.author)
                )
            if rows:
                conn.execute(insert(CurationRow), rows)
            else:
                conn.info["unchanged"] = True
            return len(rows)

    def changes(self) -> int:
        """The store's change counter: it moves with every committed write, anyone's."""
        with translated(self.location), self.engine.connect() as conn:
            found = conn.execute(select(StoreStateRow.changes).where(StoreStateRow.id == 1))
            return int(found.scalar() or 0)

    def event_keys(self, ids: tuple[int, ...] = ()) -> dict[int, set[str]]:
        key = DocumentRow.path + literal(SEP) + PassageRow.text + literal(SEP) + ExpressionRow.text
        q = (
            select(EventSourceRow.event_id, key)
            .join(ExpressionRow, ExpressionRow.id == EventSourceRow.expression_id)
            .join(PassageRow, PassageRow.id == ExpressionRow.passage_id)
            .join(DocumentRow, DocumentRow.id == ExpressionRow.document_id)
        )
        if ids:
            q = q.where(EventSourceRow.event_id.in_(ids))
        out: dict[int, set[str]] = defaultdict(set)
        with translated(self.location), self.engine.connect() as conn:
            for event_id, k in conn.execute(q):
                out[event_id].add(k)
        return out

    def has_curations(self) -> bool:
        with translated(self.location), self.engine.connect() as conn:
            return bool(
                conn.execute(select(func.count(CurationRow.id)).where(CurationRow.active)).scalar()
            )

    def document_paths(self) -> dict[int, str]:
        with translated(self.location), self.engine.connect() as conn:
            return {
                int(i): str(p) for i, p in conn.execute(select(DocumentRow.id, DocumentRow.path))
            }

    def doubt_candidates(self, ids: tuple[int, ...] | None = None) -> set[int]:
        """Of these events (all when None), those a doubt can come from: a source whose date
        was not written out in full, or more than one source (they may disagree). A cheap
        look at two narrow tables, so the passages are read only for these."""
        relative = (
            select(EventSourceRow.event_id)
            .join(ExpressionRow, ExpressionRow.id == EventSourceRow.expression_id)
            .where(ExpressionRow.kind != "absolute")
        )
        several = (
            select(EventSourceRow.event_id)
            .group_by(EventSourceRow.event_id)
            .having(func.count() > 1)
        )
        out: set[int] = set()
        with translated(self.location), self.engine.connect() as conn:
            for n in range(0, len(ids), 5000) if ids is not None else [0]:
                a, b = relative, several
                if ids is not None:
                    chunk = ids[n : n + 5000]
                    a = a.where(EventSourceRow.event_id.in_(chunk))
                    b = b.where(EventSourceRow.event_id.in_(chunk))
                out.update(int(i) for i in conn.execute(a).scalars())
                out.update(int(i) for i in conn.execute(b).scalars())
        return out

    def source_readings(self, ids: tuple[int, ...] | None = None) -> list[SourceReading]:
        """How each source of these events (every event's when None) read its date."""
        q = (
            select(
                EventSourceRow.event_id,
                PassageRow.text,
                ExpressionRow.start - PassageRow.start,
                ExpressionRow.end - PassageRow.start,
                ExpressionRow.kind,
                ExpressionRow.inferred,
                ExpressionRow.start_date,
                DocumentRow.published,
                ExpressionRow.end_date,
            )
            .join(ExpressionRow, ExpressionRow.id == EventSourceRow.expression_id)
            .join(PassageRow, PassageRow.id == ExpressionRow.passage_id)
            .join(DocumentRow, DocumentRow.id == ExpressionRow.document_id)
        )
        out: list[SourceReading] = []
        with translated(self.location), self.engine.connect() as conn:
            for n in range(0, len(ids), 5000) if ids is not None else [0]:
                chunk = q if ids is None else q.where(
                    EventSourceRow.event_id.in_(ids[n : n + 5000])
                )
                for r in conn.execute(chunk):
                    out.append(
                        SourceReading(
                            int(r[0]), r[1], int(r[2]), int(r[3]), r[4], bool(r[5]), r[6], r[7],
                            r[8],
                        )
                    )
        return out

    def events_with_keys(self, keys: set[str]) -> set[int]:
        """Events having a source with one of these keys (how curations name events)."""
        if not keys:
            return set()
        key = DocumentRow.path + literal(SEP) + PassageRow.text + literal(SEP) + ExpressionRow.text
        paths = sorted({k.split(SEP, 1)[0] for k in keys})
        q = (
            select(EventSourceRow.event_id, key)
            .join(ExpressionRow, ExpressionRow.id == EventSourceRow.expression_id)
            .join(PassageRow, PassageRow.id == ExpressionRow.passage_id)
            .join(DocumentRow, DocumentRow.id == ExpressionRow.document_id)
            .where(DocumentRow.path.in_(paths))
        )
        with translated(self.location), self.engine.connect() as conn:
            return {int(e) for e, k in conn.execute(q) if k in keys}

    def events_of_paths(self, paths: set[str]) -> set[int]:
        """Events having a source in a document at one of these paths."""
        if not paths:
            return set()
        q = (
            select(EventSourceRow.event_id)
            .join(ExpressionRow, ExpressionRow.id == EventSourceRow.expression_id)
            .join(DocumentRow, DocumentRow.id == ExpressionRow.document_id)
            .where(DocumentRow.path.in_(sorted(paths)))
        )
        with translated(self.location), self.engine.connect() as conn:
            return {int(e) for e in conn.execute(q).scalars()}
