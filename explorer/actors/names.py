"""A name the user types ("Putin", "nato", "Lavrov") to the actor the store knows it as,
the way ingest reads names: exact name, alias, case, then a person's surname."""

from __future__ import annotations

import difflib

from explorer.actors.match import ActorMatcher
from explorer.errors import InputError


def resolve_actor(name: str, known: set[str], matcher: ActorMatcher) -> str:
    """The actor ``name`` means; InputError, with the closest known names, when none."""
    typed = " ".join(name.split())
    if typed in known:
        return typed
    canonical = matcher.canonical(typed)
    if canonical is not None:
        return canonical
    folded = {k.casefold(): k for k in known}
    if typed.casefold() in folded:
        return folded[typed.casefold()]
    # "Lavrov" for "Sergei Lavrov": the name's last words, when only one actor ends so.
    tail = typed.casefold().split()
    endings = sorted(k for k in known if k.casefold().split()[-len(tail) :] == tail)
    if len(endings) == 1:
        return endings[0]
    if len(endings) > 1:
        raise InputError(f"'{name}' could be {_listed(endings)}; give the full name.")
    # Suggest actors, not aliases: "Putinn" is closest to the alias "Putin" of Vladimir Putin.
    choices = sorted(known | matcher.names())
    close = difflib.get_close_matches(typed, choices, n=8, cutoff=0.6) or [
        c for c in choices if typed.casefold() in c.casefold()
    ]
    close = list(dict.fromkeys(c if c in known else matcher.canonical(c) or c for c in close))[:5]
    hint = f" Closest known: {_listed(close)}." if close else ""
    raise InputError(f"No actor named '{name}'.{hint}")


def resolve_actors(names: list[str], known: set[str], matcher: ActorMatcher) -> tuple[str, ...]:
    return tuple(dict.fromkeys(resolve_actor(n, known, matcher) for n in names))


def _listed(names: list[str]) -> str:
    return ", ".join(names[:-1]) + f" or {names[-1]}" if len(names) > 1 else names[0]
