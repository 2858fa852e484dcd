"""The events as the analyst sees them: the store's extracted events with every active edit
laid over them (overlay.py), and what the window and the CLI ask of that view: one event with
the sources of everything merged into it, the review queue's doubts, the source keys that name
an event for a new edit."""

from __future__ import annotations

from collections import defaultdict

from explorer.curation.doubts import Reading, doubts_of
from explorer.curation.overlay import Curated, apply
from explorer.errors import StoreError
from explorer.model import Event, Source
from explorer.store.curations import source_key
from explorer.store.queries import EventSummary
from explorer.store.repo import Store


def curated(store: Store) -> Curated:
    """Every event as the analyst sees it: extracted, then curated."""
    base = store.summaries()
    if not store.has_curations():
        return Curated(events=base, groups={e.id: [e.id] for e in base})
    return apply(base, store.event_keys(), store.curations())


def curated_event(store: Store, event_id: int, view: Curated | None = None) -> Event:
    """One shown (or hidden) event with the sources of everything merged into it."""
    view = view if view is not None else curated(store)
    summary = next((e for e in view.events + view.hidden if e.id == event_id), None)
    if summary is None:
        raise StoreError(f"No event with id {event_id}.")
    members = tuple(view.groups.get(event_id, [event_id]))
    extracted = {e.id: e for e in store.events(ids=members) if e.id is not None} if members else {}
    return assemble(summary, view, extracted, store.document_paths())


def with_sources(store: Store, summaries: list[EventSummary], view: Curated) -> list[Event]:
    """These curated events with their merged sources (one read of the sources they need)."""
    members = tuple(sorted({m for s in summaries for m in view.groups.get(s.id, [s.id])}))
    extracted: dict[int, Event] = {}
    for n in range(0, len(members), 5000):
        chunk = members[n : n + 5000]
        extracted.update({e.id: e for e in store.events(ids=chunk) if e.id is not None})
    paths = store.document_paths()
    return [assemble(s, view, extracted, paths) for s in summaries]


def documents_of(
    store: Store, summaries: list[EventSummary], view: Curated
) -> dict[int, frozenset[int]]:
    """Each of these curated events' documents, the union of its members'. Only an event
    whose sources an edit chose (a split, one made by hand) is assembled in full."""
    members = sorted({m for s in summaries for m in view.groups.get(s.id, [s.id])})
    docs = store.event_documents(members) if members else {}
    chosen = [s for s in summaries if s.id in view.keys or s.id in view.manual]
    out = {s.id: frozenset(src.document_id for src in e.sources)
           for s, e in zip(chosen, with_sources(store, chosen, view), strict=True)}  # fmt: skip
    for s in summaries:
        if s.id not in out:
            out[s.id] = frozenset().union(*(docs.get(m, ()) for m in view.groups.get(s.id, [s.id])))
    return out


def assemble(
    s: EventSummary, view: Curated, extracted: dict[int, Event], paths: dict[int, str]
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
    # Whole key: a set's order changes from run to run (string hashes are salted).
    unique = sorted(
        set(sources),
        key=lambda x: (
            x.document_id,
            x.passage_start,
            x.expression_start,
            x.expression_end,
            x.expression,
        ),
    )
    return Event(s.id, s.title, s.span, s.actors, tuple(unique))


def removed_paths(store: Store) -> set[str]:
    return {
        c.payload["path"] for c in store.curations() if c.active and c.kind == "remove_document"
    }


def doubts(
    store: Store, view: Curated | None = None, shown: set[int] | None = None
) -> dict[int, list[str]]:
    """Shown events worth a second look, with why (see doubts.py), the gravest reason first.
    ``shown`` narrows it to these events (a big store's view); None: every shown event."""
    view = view if view is not None else curated(store)
    member_of = {m: head for head, ms in view.groups.items() for m in ms}
    wanted = {e.id for e in view.events} if shown is None else shown
    # Only the events a doubt can come from are read (store.doubt_candidates), and every
    # member of a hand-merged event: its members' dates, each plain, may disagree.
    merged = {m for ms in view.groups.values() if len(ms) > 1 for m in ms if m > 0}
    ids = None
    if shown is not None:
        ids = tuple(sorted({m for i in shown for m in view.groups.get(i, [i]) if m > 0}))
    candidates = store.doubt_candidates(ids) | (merged if ids is None else merged & set(ids))
    found = store.source_readings(tuple(sorted(candidates))) if candidates else []
    readings: dict[int, list[Reading]] = defaultdict(list)
    for r in found:
        target = member_of.get(r.event_id, r.event_id)
        if target in wanted:
            readings[target].append(
                Reading(r.sentence, r.start, r.end, r.kind, r.inferred, r.date, r.published, r.last)
            )
    out = {target: doubts_of(rs) for target, rs in readings.items()}
    return {target: reasons for target, reasons in out.items() if reasons}


def keys_of(store: Store, event_ids: tuple[int, ...], view: Curated | None = None) -> list[str]:
    """The source keys that name these shown events (merged members included)."""
    view = view if view is not None else curated(store)
    known = {k for i in event_ids if i in view.keys for k in view.keys[i]}
    rest = tuple(i for i in event_ids if i not in view.keys and i > 0)
    stored = store.event_keys(rest) if rest else {}
    return sorted(known | {k for i in rest for k in stored.get(i, ())})
