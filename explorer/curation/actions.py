"""The analyst's edits as functions the CLI and the window share. Each records one curation
(one transaction) and returns its id; undo and redo switch it off and on."""

from __future__ import annotations

from typing import Any

from explorer.errors import InputError
from explorer.model import Precision, parse_iso_span
from explorer.store.repo import Store


def _title(store: Store, event_id: int) -> str:
    title = store.curated_event(event_id).title
    return title if len(title) <= 40 else title[:39] + "…"


def _keys(store: Store, ids: tuple[int, ...]) -> list[str]:
    keys = store.keys_of(ids)
    if not keys:
        raise InputError(f"No event with id {', '.join(map(str, ids))} has sources to edit.")
    return keys


def hide(store: Store, event_id: int) -> int:
    label = f"Hide “{_title(store, event_id)}”"
    return store.add_curation("hide", {"keys": _keys(store, (event_id,))}, label)


def unhide(store: Store, event_id: int) -> int:
    label = f"Show “{_title(store, event_id)}”"
    return store.add_curation("unhide", {"keys": _keys(store, (event_id,))}, label)


def merge(store: Store, event_ids: list[int]) -> int:
    ids = tuple(dict.fromkeys(event_ids))
    if len(ids) < 2:
        raise InputError("Merging takes two or more events.")
    for i in ids:
        store.curated_event(i)  # each must exist
    label = f"Merge {len(ids)} events into “{_title(store, min(ids))}”"
    return store.add_curation("merge", {"keys": _keys(store, ids)}, label)


def edit(
    store: Store,
    event_id: int,
    *,
    title: str | None = None,
    start: str | None = None,
    end: str | None = None,
    precision: str | None = None,
    actors: list[str] | None = None,
) -> int:
    """Change an event's title, time (``start``/``end`` as YYYY[-MM[-DD]], kept at the given
    precision: "2014" at year precision never becomes a day) or actors."""
    payload: dict[str, Any] = {"keys": _keys(store, (event_id,))}
    if title is not None:
        if not title.strip():
            raise InputError("A title cannot be empty.")
        payload["title"] = title.strip()
    if start is not None:
        if precision is not None and precision not in {p.value for p in Precision}:
            raise InputError(f"Unknown precision '{precision}'.")
        try:
            span = parse_iso_span(start, end, precision)
        except (ValueError, KeyError) as err:
            raise InputError(f"'{start}'/'{end}' is not a date (YYYY[-MM[-DD]]).") from err
        if span.end < span.start:
            raise InputError(f"{end} is before {start}.")
        payload.update(start=start, end=end, precision=span.precision.value)
    if actors is not None:
        payload["actors"] = sorted(dict.fromkeys(a.strip() for a in actors if a.strip()))
    if len(payload) == 1:
        raise InputError("Nothing to change: give a title, a date or actors.")
    return store.add_curation("edit", payload, f"Edit “{_title(store, event_id)}”")


def rename_actor(store: Store, old: str, new: str) -> int:
    """Rename an actor everywhere; onto an existing name it merges the two (aliases follow)."""
    new = new.strip()
    if not new or new == old:
        raise InputError("Give the actor a new, different name.")
    known = {a for e in store.curated().events + store.curated().hidden for a in e.actors}
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
