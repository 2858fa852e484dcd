"""A made-up collection for the key-events tests, written here: wire stories from 1998 to 2000
about a river dam dispute, which keep returning to a few days of the story and also mention
background years (1952, 1979, the decades between) the way agency copy does."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from explorer.model import Event

# The days of the story the articles keep pointing to, and how the copy tells them.
KEY_DAYS = [
    (dt.date(1998, 5, 14), "the two governments signed the Lorvan river accord in Vienna"),
    (dt.date(1998, 11, 3), "engineers opened the sluice gates of the Kessa dam"),
    (dt.date(1999, 3, 2), "floodwater broke through the lower Kessa embankment"),
    (dt.date(1999, 7, 21), "the river commission suspended the accord"),
    (dt.date(1999, 12, 9), "the ministers agreed a new water-sharing formula in Geneva"),
    (dt.date(2000, 4, 17), "the parliament ratified the revised Lorvan accord"),
]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]  # fmt: skip
_BACKGROUND = [
    "The first dam on the Lorvan was finished in 1952.",
    "Her brother followed in 1979.",
    "A smaller weir had been planned in {year}, but the money ran out.",
    "Fishermen still recall the drought of {year}.",
]
FIRST_PUBLISHED = dt.date(1998, 5, 15)


def _day(d: dt.date) -> str:
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def write_story(folder: Path, articles: int = 24) -> list[Path]:
    """``articles`` wire stories, a month apart, each with its own minor event, up to three
    of the key days and a background year or two (1952 in a quarter of them, 1979 in one
    in eight, a year of the decades between in each)."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for n in range(articles):
        published = FIRST_PUBLISHED + dt.timedelta(days=30 * n)
        told = [(d, what) for d, what in KEY_DAYS if d < published]
        told = told[-3:] if told else KEY_DAYS[:1]
        minor = published - dt.timedelta(days=1)
        lines = [
            f"Lorvan dam dispute, update {n + 1}",
            "",
            f"{_MONTHS[published.month - 1]} {published.day}, {published.year}",
            "",
            f"Delegates from the valley towns met the river commission on {_day(minor)} "
            f"to discuss item {n + 1} of the water plan, officials said.",
        ]
        for d, what in reversed(told):
            lines.append(f"On {_day(d)} {what}, the agency reported at the time.")
        if n % 4 == 1:  # boilerplate some of the copy repeats
            lines.append(_BACKGROUND[0])
        if n % 8 == 3:
            lines.append(_BACKGROUND[1])
        lines.append(_BACKGROUND[2 + n % 2].format(year=1955 + (n * 7) % 30))
        path = folder / f"{n:03d}.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        out.append(path)
    return out


def events_of(folder: Path, text: str, published: dt.date | None = None) -> list[Event]:
    """The events of one article of ours with this text, imported into a new store."""
    from explorer import pipeline
    from explorer.query.answer import find_events
    from explorer.query.event_query import EventQuery
    from explorer.store.repo import Store

    path = folder / "article.txt"
    path.write_text(text, encoding="utf-8")
    store = Store(folder / "events.sqlite")
    pipeline.ingest([path], store, published=published)
    return find_events(store, EventQuery())
