"""Actors and their aliases: the bundled list, extended by the user's own file."""

from __future__ import annotations

import json
from pathlib import Path

from explorer.errors import InputError
from explorer.model import Actor
from explorer.resources import resource


def load_gazetteer(user_file: Path | None = None) -> list[Actor]:
    """The bundled actors, with the user's file (same shape) merged over them."""
    actors = {a.name: a for a in _read(resource("gazetteer.json"))}
    if user_file is not None and user_file.exists():
        for a in _read(user_file):
            known = actors.get(a.name)
            aliases = tuple(dict.fromkeys((known.aliases if known else ()) + a.aliases))
            actors[a.name] = Actor(
                a.name, a.kind if a.kind != "other" or not known else known.kind, aliases
            )
    return list(actors.values())


def _read(path: Path) -> list[Actor]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [
            Actor(
                str(item["name"]),
                str(item.get("kind", "other")),
                tuple(str(x) for x in item.get("aliases", [])),
            )
            for item in data["actors"]
        ]
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise InputError(f"{path}: not a readable actor list ({err}).") from err
