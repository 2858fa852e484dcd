"""Curations in the store: record, switch on and off, and read events with them applied."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, func, insert, literal, select, update

from explorer.curation.overlay import SEP, Curated, Curation, apply
from explorer.errors import StoreError
from explorer.model import Event, Source
from explorer.store.db import translated
from explorer.store.location import Location
from explorer.store.queries import EventSummary
from explorer.store.schema import (
    CurationRow,
    DocumentRow,
    EventSourceRow,
    ExpressionRow,
    PassageRow,
    StoreStateRow,
)
from explorer.store.writing import retrying, writing


def source_key(path: str, sentence: str, expression: str) -> str:
    """How a curation names a source: stable as long as the file keeps that sentence."""
    return f"{path}{SEP}{sentence}{SEP}{expression}"


class StoreCurations:
    location: Location
    engine: Engine
    author: str

    if TYPE_CHECKING:  # provided by StoreReads, which comes first in Store's bases

        def summaries(self) -> list[EventSummary]: ...

        def events(self, flt: Any = None, ids: tuple[int, ...] = ()) -> list[Event]: ...

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

    def curated(self) -> Curated:
        """Every event as the analyst sees it: extracted, then curated."""
        base = self.summaries()
        if not self.has_curations():
            return Curated(events=base, groups={e.id: [e.id] for e in base})
        return apply(base, self.event_keys(), self.curations())

    def curated_event(self, event_id: int, view: Curated | None = None) -> Event:
        """One shown (or hidden) event with the sources of everything merged into it."""
        view = view or self.curated()
        summary = next((e for e in view.events + view.hidden if e.id == event_id), None)
        if summary is None:
            raise StoreError(f"No event with id {event_id}.")
        members = tuple(view.groups.get(event_id, [event_id]))
        extracted = {e.id: e for e in self.events(ids=members) if e.id is not None}
        if not members:
            extracted = {}
        return self._assemble(summary, view, extracted, self._paths())

    def curated_events(self, flt: Any = None, hidden: bool = False) -> list[Event]:
        """Shown events (or, with ``hidden``, the hidden ones) with their merged sources,
        filtered like ``events``: the export and the CLI list what the analyst sees."""
        view = self.curated()
        extracted = {e.id: e for e in self.events() if e.id is not None}
        paths = self._paths()
        return [
            self._assemble(s, view, extracted, paths)
            for s in (view.hidden if hidden else view.events)
            if flt is None or _keeps(flt, s)
        ]

    def _assemble(
        self, s: EventSummary, view: Curated, extracted: dict[int, Event], paths: dict[int, str]
    ) -> Event:
        keys = view.keys.get(s.id)
        sources: list[Source] = []
        for m in view.groups.get(s.id, [s.id]):
            for src in extracted[m].sources if m in extracted else ():
                key = source_key(paths.get(src.document_id, ""), src.text, src.expression)
                if keys is None or key in keys:
                    sources.append(src)
        manual = view.manual.get(s.id, {}).get("source")
        if manual:
            doc_id = {p: i for i, p in paths.items()}.get(manual["path"])
            if doc_id is not None:
                sources.append(
                    Source(
                        doc_id,
                        manual["start"],
                        manual["end"],
                        manual["text"],
                        "",
                        manual["start"],
                        manual["start"],
                    )
                )
        unique = sorted(set(sources), key=lambda x: (x.document_id, x.passage_start))
        return Event(s.id, s.title, s.span, s.actors, tuple(unique))

    def _paths(self) -> dict[int, str]:
        with translated(self.location), self.engine.connect() as conn:
            return {
                int(i): str(p) for i, p in conn.execute(select(DocumentRow.id, DocumentRow.path))
            }

    def removed_paths(self) -> set[str]:
        return {
            c.payload["path"] for c in self.curations() if c.active and c.kind == "remove_document"
        }

    def doubts(self, view: Curated | None = None) -> dict[int, list[str]]:
        """Shown events worth a second look, with why (see curation/doubts.py), the gravest
        reason first."""
        from explorer.curation.doubts import Reading, doubts_of

        view = view or self.curated()
        member_of = {m: shown for shown, ms in view.groups.items() for m in ms}
        shown = {e.id for e in view.events}
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
        readings: dict[int, list[Reading]] = defaultdict(list)
        with translated(self.location), self.engine.connect() as conn:
            for event_id, sentence, start, end, kind, inferred, date, published, last in (
                conn.execute(q)
            ):
                target = member_of.get(event_id, event_id)
                if target in shown:
                    readings[target].append(
                        Reading(sentence, start, end, kind, bool(inferred), date, published, last)
                    )
        out = {target: doubts_of(rs) for target, rs in readings.items()}
        return {target: reasons for target, reasons in out.items() if reasons}

    def keys_of(self, event_ids: tuple[int, ...], view: Curated | None = None) -> list[str]:
        """The source keys that name these shown events (merged members included)."""
        view = view or self.curated()
        if view.keys:
            return sorted({k for i in event_ids for k in view.keys.get(i, ())})
        keys = self.event_keys(event_ids)
        return sorted({k for i in event_ids for k in keys.get(i, ())})


def _keeps(flt: Any, s: EventSummary) -> bool:
    if flt.start is not None and s.span.end < flt.start:
        return False
    if flt.end is not None and s.span.start > flt.end:
        return False
    if not flt.actors:
        return True
    wanted = {a.casefold() for a in flt.actors}
    have = {a.casefold() for a in s.actors}
    return wanted <= have if flt.match_all else bool(wanted & have)
