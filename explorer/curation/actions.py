"""The analyst's edits as functions the CLI and the window share. Each records one curation
(one transaction) and returns its id; undo and redo switch it off and on."""

from __future__ import annotations

from collections import Counter
from typing import Any, Protocol

from explorer.curation import view as cview
from explorer.curation.overlay import Curated
from explorer.errors import InputError
from explorer.model import DateSpan, Event, Precision, parse_iso_span
from explorer.store.curations import source_key
from explorer.store.repo import Store


class Lookup(Protocol):
    """What an edit reads of the curated events; the window passes the event source it has
    (query/sources.py), so a big store is not read whole for one edit."""

    def event(self, event_id: int) -> Event: ...

    def keys_of(self, event_ids: tuple[int, ...]) -> list[str]: ...

    def actor_counts(self) -> Counter[str]: ...


class _InMemory:
    """The curated view read whole: the lookup of the CLI's one-off edits on a small store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.view: Curated = cview.curated(store)

    def event(self, event_id: int) -> Event:
        return cview.curated_event(self.store, event_id, self.view)

    def keys_of(self, event_ids: tuple[int, ...]) -> list[str]:
        return cview.keys_of(self.store, event_ids, self.view)

    def actor_counts(self) -> Counter[str]:
        return Counter(a for e in self.view.events + self.view.hidden for a in e.actors)


def _look(store: Store, lookup: Lookup | None) -> Lookup:
    return lookup if lookup is not None else _InMemory(store)


def _title(look: Lookup, event_id: int) -> str:
    return _short(look.event(event_id).title)


def _short(title: str) -> str:
    return title if len(title) <= 40 else title[:39] + "…"


def _keys(look: Lookup, ids: tuple[int, ...]) -> list[str]:
    keys = look.keys_of(ids)
    if not keys:
        raise InputError(f"No event with id {', '.join(map(str, ids))} has sources to edit.")
    return keys


def _span(start: str, end: str | None, precision: str | None) -> DateSpan:
    """A time the analyst typed, at the precision they chose; InputError when it is not one."""
    if precision is not None and precision not in {p.value for p in Precision}:
        raise InputError(f"Unknown precision '{precision}'.")
    try:
        span = parse_iso_span(start, end, precision)
    except (ValueError, KeyError) as err:
        raise InputError(f"'{start}'/'{end}' is not a date (YYYY[-MM[-DD]]).") from err
    if span.end < span.start:
        raise InputError(f"{end} is before {start}.")
    return span


def hide(store: Store, event_id: int, lookup: Lookup | None = None) -> int:
    look = _look(store, lookup)
    label = f"Hide “{_title(look, event_id)}”"
    return store.add_curation("hide", {"keys": _keys(look, (event_id,))}, label)


def unhide(store: Store, event_id: int, lookup: Lookup | None = None) -> int:
    look = _look(store, lookup)
    label = f"Show “{_title(look, event_id)}”"
    return store.add_curation("unhide", {"keys": _keys(look, (event_id,))}, label)


def merge(store: Store, event_ids: list[int], lookup: Lookup | None = None) -> int:
    ids = tuple(dict.fromkeys(event_ids))
    if len(ids) < 2:
        raise InputError("Merging takes two or more events.")
    look = _look(store, lookup)
    for i in ids:
        look.event(i)  # each must exist
    label = f"Merge {len(ids)} events into “{_title(look, min(ids))}”"
    return store.add_curation("merge", {"keys": _keys(look, ids)}, label)


def edit(
    store: Store,
    event_id: int,
    *,
    lookup: Lookup | None = None,
    title: str | None = None,
    start: str | None = None,
    end: str | None = None,
    precision: str | None = None,
    actors: list[str] | None = None,
) -> int:
    """Change an event's title, time (``start``/``end`` as YYYY[-MM[-DD]], kept at the given
    precision: "2014" at year precision never becomes a day) or actors."""
    look = _look(store, lookup)
    payload: dict[str, Any] = {"keys": _keys(look, (event_id,))}
    if title is not None:
        if not title.strip():
            raise InputError("A title cannot be empty.")
        payload["title"] = title.strip()
    if start is not None:
        span = _span(start, end, precision)
        payload.update(start=start, end=end, precision=span.precision.value)
    if actors is not None:
        payload["actors"] = sorted(dict.fromkeys(a.strip() for a in actors if a.strip()))
    if len(payload) == 1:
        raise InputError("Nothing to change: give a title, a date or actors.")
    return store.add_curation("edit", payload, f"Edit “{_title(look, event_id)}”")


def split(
    store: Store, event_id: int, source_index: int, lookup: Lookup | None = None
) -> int:
    """Take one source (0-based, as listed) out of an event into an event of its own."""
    look = _look(store, lookup)
    event = look.event(event_id)
    if len(event.sources) < 2:
        raise InputError("An event with one source cannot be split.")
    if not 0 <= source_index < len(event.sources):
        raise InputError(f"The event has sources 0 to {len(event.sources) - 1}.")
    src = event.sources[source_index]
    path = store.documents([src.document_id])[0].path
    key = source_key(path, src.text, src.expression)
    return store.add_curation("split", {"keys": [key]}, f"Split a source off “{_short(event.title)}”")


def add_event(
    store: Store,
    title: str,
    start: str,
    end: str | None = None,
    precision: str | None = None,
    actors: list[str] | None = None,
    source: dict[str, Any] | None = None,
) -> int:
    """An event made by hand; ``source`` ({"document_id", "start", "end"}, offsets in the
    document as written) makes a selected passage its source."""
    if not title.strip():
        raise InputError("A title cannot be empty.")
    span = _span(start, end, precision)
    payload: dict[str, Any] = {
        "title": title.strip(),
        "start": start,
        "end": end,
        "precision": span.precision.value,
        "actors": sorted(set(actors or [])),
    }
    if source is not None:
        doc = store.document(int(source["document_id"]))
        a, b = int(source["start"]), int(source["end"])
        if not 0 <= a < b <= len(doc.original):
            raise InputError("The selection is outside the document.")
        payload["source"] = {"path": doc.path, "start": a, "end": b, "text": doc.original[a:b]}
    return store.add_curation("add", payload, f"Add event “{title.strip()[:40]}”")


def remove_document(store: Store, document_id: int) -> int:
    """Delete a document and the events only it told (undoable: the file's data is kept)."""
    doc = next((d for d in store.documents() if d.id == document_id), None)
    if doc is None:
        raise InputError(f"No document with id {document_id}.")
    return store.add_curation(
        "remove_document", {"path": doc.path}, f"Delete document “{(doc.title or doc.path)[:40]}”"
    )


def rename_actor(store: Store, old: str, new: str, lookup: Lookup | None = None) -> int:
    """Rename an actor everywhere; onto an existing name it merges the two (aliases follow)."""
    new = new.strip()
    if not new or new == old:
        raise InputError("Give the actor a new, different name.")
    known = set(_look(store, lookup).actor_counts())
    if old not in known:
        raise InputError(f"No actor called '{old}'.")
    verb = "Merge" if new in known else "Rename"
    return store.add_curation(
        "rename_actor",
        {"old": old, "new": new},
        f"{verb} actor “{old}” {'into' if verb == 'Merge' else 'to'} “{new}”",
    )


def add_alias(store: Store, actor: str, alias: str) -> int:
    """Another name for an actor, matched by every later import."""
    alias = alias.strip()
    if not alias:
        raise InputError("An alias cannot be empty.")
    return store.add_curation(
        "alias", {"actor": actor, "alias": alias}, f"Alias “{alias}” for “{actor}”"
    )


def undo(store: Store, curation_id: int) -> None:
    store.set_curation_active(curation_id, False)


def redo(store: Store, curation_id: int) -> None:
    store.set_curation_active(curation_id, True)
