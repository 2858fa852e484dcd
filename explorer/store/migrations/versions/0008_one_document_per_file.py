"""One document per file: a store made when paths were kept as typed may hold one file twice
(``in/a.txt`` and ``/home/ana/in/a.txt``), every event's sources doubled. Documents with the
same content and file name are one file typed two ways, unless both paths still name two
different files (a copy beside its original stays). They become one document: the one whose
path still names a file, else the first stored. Edits naming a dropped path are made to name
the kept one, and events lose the doubled sources and are weighed again.

Revision ID: 0008
Revises: 0007
"""

import json
import os
from collections import defaultdict
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_SEP = "\x1f"  # joins a source key in a curation payload: path, sentence, expression


def upgrade() -> None:
    conn = op.get_bind()
    by_content: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    for doc_id, path, sha in conn.execute(
        sa.text("SELECT id, path, sha256 FROM documents ORDER BY id")
    ):
        by_content[(sha, os.path.basename(path))].append((int(doc_id), str(path)))
    touched: set[int] = set()
    for copies in by_content.values():
        if len(copies) < 2:
            continue
        keep = next((c for c in copies if os.path.exists(c[1])), copies[0])
        for doc_id, path in copies:
            if doc_id != keep[0] and not _two_files(path, keep[1]):
                touched |= _drop_document(conn, doc_id)
                _rename_in_curations(conn, path, keep[1])
    if not touched:
        return
    ids = sorted(touched)
    left = {
        int(r[0])
        for n in range(0, len(ids), 500)
        for r in conn.execute(
            sa.text("SELECT DISTINCT event_id FROM event_sources WHERE event_id IN :ids").bindparams(
                sa.bindparam("ids", expanding=True)
            ),
            {"ids": ids[n : n + 500]},
        )
    }
    gone = sorted(touched - left)
    for n in range(0, len(gone), 500):
        conn.execute(
            sa.text("DELETE FROM event_actors WHERE event_id IN :ids").bindparams(
                sa.bindparam("ids", expanding=True)
            ),
            {"ids": gone[n : n + 500]},
        )
        conn.execute(
            sa.text("DELETE FROM events WHERE id IN :ids").bindparams(
                sa.bindparam("ids", expanding=True)
            ),
            {"ids": gone[n : n + 500]},
        )
    if left:
        from explorer.store.weights import refresh_weights

        refresh_weights(conn, left, _WeightsOf0008())


def _two_files(a: str, b: str) -> bool:
    """Both paths name files now, and not the same one: a copy beside its original."""
    return (
        os.path.isabs(a)
        and os.path.isabs(b)
        and os.path.exists(a)
        and os.path.exists(b)
        and os.path.realpath(a) != os.path.realpath(b)
    )


def _drop_document(conn: sa.Connection, doc_id: int) -> set[int]:
    """Delete a document and what hangs off it (children first: SQLite may have foreign keys
    off in a migration); returns the events that had a source in it."""
    events = {
        int(r[0])
        for r in conn.execute(
            sa.text(
                "SELECT es.event_id FROM event_sources es JOIN time_expressions t "
                "ON t.id = es.expression_id WHERE t.document_id = :d"
            ),
            {"d": doc_id},
        )
    }
    conn.execute(
        sa.text(
            "DELETE FROM event_sources WHERE expression_id IN "
            "(SELECT id FROM time_expressions WHERE document_id = :d)"
        ),
        {"d": doc_id},
    )
    for table in ("time_expressions", "actor_mentions", "passages"):
        conn.execute(sa.text(f"DELETE FROM {table} WHERE document_id = :d"), {"d": doc_id})
    conn.execute(sa.text("DELETE FROM documents WHERE id = :d"), {"d": doc_id})
    return events


def _rename_in_curations(conn: sa.Connection, old: str, new: str) -> None:
    for cid, payload in conn.execute(sa.text("SELECT id, payload FROM curations")).all():
        value = json.loads(payload)
        moved = _renamed(value, old, new)
        if moved != value:
            conn.execute(
                sa.text("UPDATE curations SET payload = :p WHERE id = :i"),
                {"p": json.dumps(moved, ensure_ascii=False), "i": cid},
            )


def _renamed(value: Any, old: str, new: str) -> Any:
    if isinstance(value, str):
        if value == old:
            return new
        return new + value[len(old) :] if value.startswith(old + _SEP) else value
    if isinstance(value, list):
        return [_renamed(v, old, new) for v in value]
    if isinstance(value, dict):
        return {k: _renamed(v, old, new) for k, v in value.items()}
    return value


class _WeightsOf0008:
    """The weight formula as it was when this migration was written (events/salience.py then):
    a migration keeps the rules of its day, and the store never imports the domain."""

    _PRECISION = {"day": 1.0, "week": 0.8, "month": 0.7, "season": 0.5, "quarter": 0.5,
                  "half": 0.4, "year": 0.5, "decade": 0.1, "century": 0.0}

    def weight(self, e: Any) -> float:
        import math

        return (
            1.0
            + 1.5 * math.log2(max(e.documents, 1))
            + 0.5 * math.log2(max(e.sentences, 1))
            + 0.4 * min(e.actors, 4)
            + (1.0 if e.first_passage < 5 else 0.0)
            + self._PRECISION.get(str(e.precision), 0.3)
        )


def downgrade() -> None:
    pass  # the copies are gone; an older version reads the merged store as it is
