"""The analyst's edits laid over the extracted events, at read time.

Extraction output stays as extraction made it; curations are applied on top, in the order they
were made. Undoing one is switching it off: nothing has to be reversed, and a re-import (which
rebuilds extracted events) keeps every curation whose sources still exist.

    merge  {"keys": [...]}          events holding any of these sources become one
    hide   {"keys": [...]}          events holding any of these sources are hidden
    edit   {"keys": [...], "title"?, "start"?, "end"?, "precision"?, "actors"?}
    rename_actor  {"old": name, "new": name}   every event; renaming onto an existing actor
                                               merges the two
    alias  {"actor": name, "alias": text}      read by the next import's actor matcher
    split  {"keys": [...]}                    these sources leave their event for a new one
    add    {"title", "start", "end"?, "precision"?, "actors"?, "source"?: {"path", "start",
            "end", "text"}}                    an event made by hand, maybe from a selection
    remove_document {"path": path}            the document and what only it told are gone
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from explorer.model import Curation, parse_iso_span
from explorer.store.curations import SEP
from explorer.store.queries import EventSummary

__all__ = ["SEP", "Curated", "Curation", "apply", "curated_aliases"]


@dataclass
class Curated:
    """Extracted events with the edits applied."""

    events: list[EventSummary] = field(default_factory=list)  # shown
    hidden: list[EventSummary] = field(default_factory=list)
    groups: dict[int, list[int]] = field(default_factory=dict)  # shown id -> extracted ids
    edited: set[int] = field(default_factory=set)
    missing: list[Curation] = field(default_factory=list)  # sources no longer exist
    keys: dict[int, set[str]] = field(default_factory=dict)  # shown id -> its sources' keys
    manual: dict[int, dict[str, Any]] = field(default_factory=dict)  # events made by hand


def apply(
    base: Iterable[EventSummary], keys: dict[int, set[str]], curations: Iterable[Curation]
) -> Curated:
    events = {e.id: e for e in base}
    group: dict[int, list[int]] = {i: [i] for i in events}
    group_keys: dict[int, set[str]] = {i: set(keys.get(i, ())) for i in events}
    hidden: set[int] = set()
    out = Curated()
    renames: dict[str, str] = {}
    for c in curations:
        if not c.active or c.kind == "alias":
            continue
        if c.kind == "rename_actor":
            renames[c.payload["old"]] = c.payload["new"]
            continue
        if c.kind == "add":
            virtual = -c.id  # events made by hand have negative ids
            events[virtual] = EventSummary(
                virtual,
                c.payload["title"],
                parse_iso_span(
                    c.payload["start"], c.payload.get("end"), c.payload.get("precision")
                ),
                tuple(c.payload.get("actors", ())),
            )
            group[virtual], group_keys[virtual] = [], set()
            out.manual[virtual] = c.payload
            continue
        if c.kind == "remove_document":
            prefix = c.payload["path"] + SEP
            gone = [i for i, k in group_keys.items() if k and all(x.startswith(prefix) for x in k)]
            for i, k in group_keys.items():
                group_keys[i] = {x for x in k if not x.startswith(prefix)}
            for i in gone:
                events.pop(i), group.pop(i), group_keys.pop(i)
            for i, p in list(out.manual.items()):
                if p.get("source", {}).get("path") == c.payload["path"]:
                    events.pop(i), group.pop(i), group_keys.pop(i), out.manual.pop(i)
            continue
        wanted = set(c.payload.get("keys", ()))
        hits = sorted(i for i, k in group_keys.items() if k & wanted)
        if not hits:
            out.missing.append(c)
            continue
        if c.kind == "merge":
            head = hits[0]
            for other in hits[1:]:
                group[head] += group.pop(other)
                group_keys[head] |= group_keys.pop(other)
                e, o = events[head], events.pop(other)
                actors = tuple(dict.fromkeys(e.actors + o.actors))
                events[head] = dataclasses.replace(e, actors=actors)
                hidden.discard(other)
        elif c.kind == "split":
            source = hits[0]
            moving = group_keys[source] & wanted
            if moving == group_keys[source]:
                continue  # already alone: nothing to split off
            virtual = -c.id
            group_keys[source] -= moving
            group_keys[virtual] = moving
            group[virtual] = list(group[source])
            events[virtual] = dataclasses.replace(events[source], id=virtual)
        elif c.kind == "hide":
            hidden.update(hits)
        elif c.kind == "unhide":
            hidden.difference_update(hits)
        elif c.kind == "edit":
            for i in hits:
                events[i] = _edited(events[i], c.payload)
                out.edited.add(i)
    if renames:
        for i, e in events.items():
            names = tuple(dict.fromkeys(_renamed(a, renames) for a in e.actors))
            if names != e.actors:
                events[i] = dataclasses.replace(e, actors=names)
    for i, keys_of in group_keys.items():
        if keys_of and i in events and len(group[i]) != 1:  # merged or split: count again
            documents = len({k.split(SEP, 1)[0] for k in keys_of})
            events[i] = dataclasses.replace(events[i], sources=len(keys_of), documents=documents)
    for i, e in sorted(events.items(), key=lambda kv: (kv[1].span.start, kv[0])):
        (out.hidden if i in hidden else out.events).append(e)
    out.groups = group
    out.keys = group_keys
    return out


def _renamed(name: str, renames: dict[str, str]) -> str:
    seen = {name}
    while name in renames and renames[name] not in seen:  # follow A->B->C, never loop
        name = renames[name]
        seen.add(name)
    return name


def curated_aliases(curations: Iterable[Curation]) -> list[tuple[str, str]]:
    """(actor, alias) pairs the next import should know: added aliases, and renamed names."""
    out: list[tuple[str, str]] = []
    for c in curations:
        if c.active and c.kind == "alias":
            out.append((c.payload["actor"], c.payload["alias"]))
        elif c.active and c.kind == "rename_actor":
            out.append((c.payload["new"], c.payload["old"]))
    return out


def _edited(e: EventSummary, p: dict[str, Any]) -> EventSummary:
    span = e.span
    if "start" in p:
        span = parse_iso_span(p["start"], p.get("end"), p.get("precision"))
    return dataclasses.replace(
        e,
        title=p.get("title", e.title),
        span=span,
        actors=tuple(p["actors"]) if "actors" in p else e.actors,
    )
