"""The store's repository: writes one document per transaction, reads back ``model`` values.

Bulk rows go through SQLAlchemy Core (executemany); ORM objects never leave this module.
"""

from __future__ import annotations

import array
import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import Connection, Engine, bindparam, delete, insert, select

from explorer.model import Analysis, file_of
from explorer.store.curations import StoreCurations, rename_document
from explorer.store.db import make_engine, translated
from explorer.store.dialects import insert_ignoring
from explorer.store.event_writer import regroup, write_events
from explorer.store.identity import current_author
from explorer.store.location import Location, locate
from explorer.store.queries import (
    DocumentInfo,
    EventSummary,
    SaveResult,
    StoreReads,
)
from explorer.store.rules import EventRules
from explorer.store.viewport import StoreViewport
from explorer.store.writing import retrying, writing

__all__ = ["DocumentInfo", "EventSummary", "SaveResult", "Store"]
from explorer.store.schema import (
    ActorRow,
    DocumentRow,
    EventRow,
    EventSourceRow,
    ExpressionRow,
    MentionRow,
    PassageRow,
)

# The statements of a save, built once: a statement built per call costs SQLAlchemy more than
# SQLite takes to run it (its cache key is computed anew each time).
_OLD_DOCUMENT = select(
    DocumentRow.id, DocumentRow.path, DocumentRow.sha256, DocumentRow.analysis_version
).where(DocumentRow.path == bindparam("path"))
# Several only in stores made before one document per file (migration 0008 merges them).
_SAME_CONTENT = (
    select(DocumentRow.id, DocumentRow.path, DocumentRow.sha256, DocumentRow.analysis_version)
    .where(DocumentRow.sha256 == bindparam("sha"))
    .order_by(DocumentRow.id)
)
_INSERT_DOCUMENT = insert(DocumentRow)
_INSERT_PASSAGES = insert(PassageRow)
_PASSAGE_IDS = select(PassageRow.idx, PassageRow.id).where(
    PassageRow.document_id == bindparam("doc")
)
_INSERT_EXPRESSIONS = insert(ExpressionRow)
_EXPRESSION_IDS = select(ExpressionRow.start, ExpressionRow.id).where(
    ExpressionRow.document_id == bindparam("doc")
)
_INSERT_MENTIONS = insert(MentionRow)
_ACTOR_IDS = select(ActorRow.name, ActorRow.id).where(
    ActorRow.name.in_(bindparam("names", expanding=True))
)
_INSERT_ACTORS = insert_ignoring(ActorRow)


class Store(StoreReads, StoreCurations, StoreViewport):
    """A SQLite file or a shared PostgreSQL database, opened (and migrated) on creation.
    ``author`` names the person whose edits this session records."""

    def __init__(self, target: Path | str | Location, author: str | None = None) -> None:
        self.location = locate(target)
        self.path = self.location.path or Path(self.location.stem)  # for messages
        self.author = author or current_author()
        self.engine: Engine = make_engine(self.location)
        # Actor ids by name, filled as documents are saved: actors are only ever added, and a
        # document names mostly actors the store has already.
        self._actor_ids: dict[str, int] = {}

    def close(self) -> None:
        self.engine.dispose()

    # ------------------------------------------------------------------ writing

    def save(
        self,
        analysis: Analysis,
        rules: EventRules,
        *,
        force: bool = False,
        kinds: dict[str, str] | None = None,
    ) -> SaveResult:
        """Store one analysed document in one transaction (all of it, or nothing), its drafts
        merged with stored events as ``rules`` decide. Writers in other processes wait for it
        (see writing()), so two imports of overlapping folders merge as one would."""
        result, new_actors = retrying(lambda: self._save(analysis, rules, force, kinds or {}))
        self._actor_ids.update(new_actors)  # only once the transaction has committed
        return result

    def _save(
        self, analysis: Analysis, rules: EventRules, force: bool, kinds: dict[str, str]
    ) -> tuple[SaveResult, dict[str, int]]:
        doc = analysis.document
        with translated(self.location), writing(self.engine) as conn:
            old = conn.execute(_OLD_DOCUMENT, {"path": doc.path}).first()
            if old is None:
                # The same content under another path: the file moved (or was stored under
                # another spelling before paths were resolved), and its document, with its
                # edits, moves along. A copy beside a file that is still there is a file of
                # its own.
                same = conn.execute(_SAME_CONTENT, {"sha": doc.sha256}).all()
                old = next((o for o in same if file_moved(o.path, doc.path)), None)
                if old is not None:
                    rename_document(conn, old.id, old.path, doc.path)
            status = "imported"
            if old is not None:
                same = old.sha256 == doc.sha256 and old.analysis_version == analysis.version
                if same and not force:
                    return SaveResult(old.id, "unchanged"), {}
                _delete_document(conn, old.id, rules)
                status = "replaced"
            # A replaced document keeps its id: the ids a user was shown (`set-date 21`,
            # `documents`) and scripts hold stay true after a re-import or a new date.
            same_id = {"id": old.id} if old is not None else {}
            doc_id = conn.execute(
                _INSERT_DOCUMENT,
                dict(
                    **same_id,
                    path=doc.path,
                    sha256=doc.sha256,
                    format=doc.format,
                    title=doc.title,
                    outlet=doc.outlet,
                    author=doc.author,
                    published=doc.published,
                    published_source=doc.published_source,
                    original=doc.original,
                    text=doc.text,
                    offsets=_int32_bytes(doc.offsets),
                    imported_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
                    analysis_version=analysis.version,
                    url=doc.url,
                    location=doc.location,
                    pages=",".join(map(str, doc.pages)) if doc.pages else None,
                ),
            ).inserted_primary_key[0]  # type: ignore[index]
            tm = doc.text_map
            if analysis.passages:
                conn.execute(
                    _INSERT_PASSAGES,
                    [
                        dict(
                            document_id=doc_id,
                            idx=p.index,
                            start=p.start,
                            end=p.end,
                            orig_start=o_start,
                            orig_end=o_end,
                            text=p.text,
                        )
                        for p in analysis.passages
                        for o_start, o_end in [tm.to_original(p.start, p.end)]
                    ],
                )
            # One query for the ids: RETURNING in parameter order costs SQLite a statement a row.
            passage_ids = {int(i): int(r) for i, r in conn.execute(_PASSAGE_IDS, {"doc": doc_id})}
            passage_of = _passage_index(analysis)
            passage_text = {p.index: p.text for p in analysis.passages}
            rows = []
            for e in analysis.expressions:
                p_idx = passage_of(e.start)
                if p_idx is None:
                    continue
                o_start, o_end = tm.to_original(e.start, e.end)
                rows.append(
                    dict(
                        document_id=doc_id,
                        passage_id=passage_ids[p_idx],
                        start=e.start,
                        end=e.end,
                        orig_start=o_start,
                        orig_end=o_end,
                        text=e.text,
                        kind=e.kind,
                        inferred=e.inferred,
                        start_date=e.span.start if e.span else None,
                        end_date=e.span.end if e.span else None,
                        precision=e.span.precision.value if e.span else None,
                        reference=e.reference.value if e.reference else None,
                        ambiguity=e.ambiguity,
                        retelling=rules.retelling(passage_text[p_idx], e.text, e.kind)
                        if e.span
                        else None,
                    )
                )
            expression_ids: dict[int, int] = {}
            if rows:
                conn.execute(_INSERT_EXPRESSIONS, rows)
                expression_ids = {
                    int(s): int(i) for s, i in conn.execute(_EXPRESSION_IDS, {"doc": doc_id})
                }
            names = {m.actor for m in analysis.mentions}
            actor_ids = {n: self._actor_ids[n] for n in names if n in self._actor_ids}
            actor_ids.update(_ensure_actors(conn, names - set(actor_ids), kinds))
            if analysis.mentions:
                conn.execute(
                    _INSERT_MENTIONS,
                    [
                        dict(
                            document_id=doc_id,
                            actor_id=actor_ids[m.actor],
                            start=m.start,
                            end=m.end,
                        )
                        for m in analysis.mentions
                    ],
                )
            created, merged = write_events(
                conn,
                analysis.drafts,
                expression_ids,
                actor_ids,
                rules,
                (doc.published, doc.sha256),
                {str(r["retelling"]) for r in rows if r["retelling"]},
            )
        return SaveResult(doc_id, status, created, merged), actor_ids


def file_moved(stored: str, new: str) -> bool:
    """Whether a document stored at ``stored`` (with the content of ``new``) is now the file at
    ``new`` (resolved): the stored path names no file any more, or names this one under
    another spelling. Otherwise the new file is a copy of it."""
    stored_file, new_file = file_of(stored), file_of(new)
    if stored_file != stored or new_file != new:
        # An article of a file of many (a table's row): it moved only if its file did; two
        # rows alike in one table, or in two tables, are two articles.
        if stored[len(stored_file) :] != new[len(new_file) :]:
            return False
        stored, new = stored_file, new_file
    return not os.path.lexists(stored) or os.path.realpath(stored) == new


def _ensure_actors(conn: Connection, names: set[str], kinds: dict[str, str]) -> dict[str, int]:
    if not names:
        return {}
    # Names the store has already are ignored by the insert (the unique name says so), so one
    # insert and one select cover old and new actors alike.
    conn.execute(_INSERT_ACTORS.on(conn), [dict(name=n, kind=kinds.get(n, "other")) for n in names])
    return {str(n): int(i) for n, i in conn.execute(_ACTOR_IDS, {"names": list(names)})}


def _delete_document(conn: Connection, doc_id: int, rules: EventRules) -> None:
    touched = (
        select(EventSourceRow.event_id)
        .join(ExpressionRow, ExpressionRow.id == EventSourceRow.expression_id)
        .where(ExpressionRow.document_id == doc_id)
    )
    event_ids = set(conn.execute(touched).scalars())
    conn.execute(delete(DocumentRow).where(DocumentRow.id == doc_id))
    if event_ids:
        # Events that lost their last source go; the others keep their remaining sources.
        still = set(
            conn.execute(
                select(EventSourceRow.event_id).where(EventSourceRow.event_id.in_(event_ids))
            ).scalars()
        )
        gone = event_ids - still
        if gone:
            conn.execute(delete(EventRow).where(EventRow.id.in_(gone)))
        if still:
            regroup(conn, still, rules)  # they lost a mention: grouped again from the rest


def _passage_index(analysis: Analysis):  # type: ignore[no-untyped-def]
    import bisect

    starts = [p.start for p in analysis.passages]

    def find(pos: int) -> int | None:
        i = bisect.bisect_right(starts, pos) - 1
        if i >= 0 and analysis.passages[i].start <= pos < analysis.passages[i].end:
            return analysis.passages[i].index
        return None

    return find


def _int32_bytes(offsets: Sequence[int]) -> bytes:
    """The stored form of a document's offsets (an int32 array), copied only if need be."""
    if isinstance(offsets, array.array) and offsets.typecode == "i":
        return offsets.tobytes()
    return array.array("i", offsets).tobytes()
