"""Events and documents as JSON or CSV (the shape scripts rely on)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from explorer.errors import ExportError
from explorer.model import Event
from explorer.store.repo import DocumentInfo


def events_json(events: list[Event], documents: list[DocumentInfo]) -> dict[str, object]:
    return {
        "documents": [
            {
                "id": d.id,
                "path": d.path,
                "title": d.title,
                "outlet": d.outlet,
                "author": d.author,
                "published": d.published.isoformat() if d.published else None,
                "sha256": d.sha256,
                "url": d.url,
                "location": d.location,
            }
            for d in documents
        ],
        "events": [event_dict(e) for e in events],
    }


def event_dict(e: Event) -> dict[str, object]:
    """One event as ``export --format json`` writes it."""
    return {
        "id": e.id,
        "title": e.title,
        "start": e.span.iso_start(),
        "end": e.span.iso_end(),
        "precision": e.span.precision.value,
        "actors": list(e.actors),
        "sources": [
            {
                "document_id": s.document_id,
                "start": s.passage_start,
                "end": s.passage_end,
                "text": s.text,
                "expression": s.expression,
                "expression_start": s.expression_start,
                "expression_end": s.expression_end,
            }
            for s in e.sources
        ],
    }


def key_events_json(
    events: list[tuple[Event, float]], documents: list[DocumentInfo]
) -> list[dict[str, object]]:
    """Key events, most important first: the export's event fields, the importance of the
    event's day as ``weight``, and each source's document path and publication date."""
    docs = {d.id: d for d in documents}
    out = []
    for e, weight in events:
        row = event_dict(e)
        row["weight"] = round(weight, 4)
        for src in row["sources"]:  # type: ignore[attr-defined]
            d = docs.get(src["document_id"])
            src["path"] = d.path if d else None
            src["published"] = d.published.isoformat() if d and d.published else None
        out.append(row)
    return out


def events_csv(events: list[Event]) -> str:
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(["id", "start", "end", "precision", "title", "actors", "sources", "documents"])
    for e in events:
        w.writerow(
            [
                e.id,
                e.span.iso_start(),
                e.span.iso_end() or "",
                e.span.precision.value,
                e.title,
                "; ".join(e.actors),
                len(e.sources),
                " ".join(str(i) for i in sorted({s.document_id for s in e.sources})),
            ]
        )
    return out.getvalue()


def write_text(path: Path, content: str) -> None:
    """Write through a temporary file so a failed export never leaves half a file."""
    tmp = path.with_name(path.name + ".part")
    try:
        tmp.write_text(content, encoding="utf-8")
        tmp.replace(path)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise ExportError(f"{path}: cannot write the export ({err.strerror or err}).") from err


def dump_json(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
