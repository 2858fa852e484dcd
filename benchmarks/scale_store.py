"""Make a big store from synthetic news, for benchmarks/scale.py.

    python benchmarks/scale_store.py EVENTS --db PATH_OR_URL

The articles are made up here from templates (fictional people, real countries and cities, no
copied text): each reports dated events with two or three actors, twenty events an article,
spread over 1990-2024 with more in recent years, as news is. Rows go straight into the store's
tables (bulk insert on SQLite, COPY on PostgreSQL): running the analysis on a million events
would take hours and measure the tagger, not the store. Weights come from the same salience
function the importer uses.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import text  # noqa: E402

from explorer.events.salience import salience  # noqa: E402
from explorer.model import Precision  # noqa: E402
from explorer.store.repo import Store  # noqa: E402

EVENTS_PER_ARTICLE = 20
_FIRST = ["Amara", "Jonas", "Leila", "Tomasz", "Ines", "Kofi", "Mei", "Rafael", "Sanna", "Omar"]
_LAST = ["Okafor", "Lindqvist", "Haddad", "Novak", "Moreau", "Mensah", "Zhou", "Castillo"]
_BODIES = ["NATO", "the African Union", "ASEAN", "the World Bank", "the IMF", "the WHO"]
_COUNTRIES = ["Kenya", "Peru", "Vietnam", "Norway", "Ghana", "Chile", "Latvia", "Senegal",
              "Brazil", "Japan", "Canada", "India", "Turkey", "Egypt", "Poland", "Mexico"]
_VERBS = ["signed", "announced", "opened talks on", "rejected", "ratified", "suspended",
          "launched", "agreed on", "postponed", "approved"]
_THINGS = ["a trade accord", "a grain corridor", "a fishing pact", "a rail link", "a loan",
           "a security pact", "a climate plan", "a port deal", "a vaccine drive", "a census"]
_CITIES = ["Nairobi", "Lima", "Hanoi", "Oslo", "Accra", "Santiago", "Riga", "Dakar"]
_PRECISIONS = [(Precision.DAY, 0.8), (Precision.MONTH, 0.12), (Precision.YEAR, 0.07),
               (Precision.DECADE, 0.01)]


def actors() -> list[tuple[str, str]]:
    people = [(f"{f} {last}", "person") for f in _FIRST for last in _LAST]
    return (
        people
        + [(c, "country") for c in _COUNTRIES]
        + [(b.removeprefix("the "), "organisation") for b in _BODIES]
    )


def _day(rng: random.Random) -> dt.date:
    # More news about recent years: a triangular spread leaning to 2024.
    year = int(rng.triangular(1990, 2025, 2024))
    return dt.date(min(year, 2024), rng.randint(1, 12), rng.randint(1, 28))


def _span(rng: random.Random, day: dt.date) -> tuple[dt.date, dt.date, Precision]:
    precision = rng.choices([p for p, _ in _PRECISIONS], [w for _, w in _PRECISIONS])[0]
    if precision is Precision.MONTH:
        nxt = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
        return day.replace(day=1), nxt - dt.timedelta(days=1), precision
    if precision is Precision.YEAR:
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31), precision
    if precision is Precision.DECADE:
        start = day.year - day.year % 10
        return dt.date(start, 1, 1), dt.date(start + 9, 12, 31), precision
    return day, day, precision


def rows(events: int, seed: int = 7) -> Iterator[tuple[str, list[tuple[Any, ...]]]]:
    """(table, rows) batches, one article at a time gathered into chunks."""
    rng = random.Random(seed)
    cast = actors()
    yield "actors", [(i + 1, name, kind) for i, (name, kind) in enumerate(cast)]
    now = dt.datetime(2024, 12, 1)
    batch: dict[str, list[tuple[Any, ...]]] = {t: [] for t in _TABLES}
    event_id = 0
    for doc in range(1, events // EVENTS_PER_ARTICLE + 2):
        if event_id >= events:
            break
        published = _day(rng)
        city = rng.choice(_CITIES)
        sentences = []
        body_events = []
        for _ in range(min(EVENTS_PER_ARTICLE, events - event_id)):
            who = rng.sample(range(len(cast)), rng.choice((1, 2, 2, 3)))
            day = _day(rng)
            start, end, precision = _span(rng, day)
            names = [cast[w][0] for w in who]
            date_text = {
                Precision.DAY: f"on {day:%B} {day.day}, {day.year}",
                Precision.MONTH: f"in {day:%B %Y}",
                Precision.YEAR: f"in {day.year}",
            }.get(precision, f"in the {start.year}s")
            who_text = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
            sentence = (
                f"{who_text} {rng.choice(_VERBS)} {rng.choice(_THINGS)} "
                f"in {city} {date_text}."
            )
            sentences.append(sentence)
            body_events.append((who, start, end, precision, date_text))
        body = f"News from {city}\n\n" + " ".join(sentences)
        sha = hashlib.sha256(body.encode()).hexdigest()
        batch["documents"].append(
            (doc, f"synthetic/{doc:07d}.txt", sha, "text", f"News from {city}", "Synthetic Wire",
             None, published, "user", body, body, b"", now, 2)
        )
        offset = len(f"News from {city}\n\n")
        for n, (sentence, (who, start, end, precision, date_text)) in enumerate(
            zip(sentences, body_events, strict=True)
        ):
            event_id += 1
            pid = event_id
            a, b = offset, offset + len(sentence)
            batch["passages"].append((pid, doc, n, a, b, a, b, sentence))
            e_start = a + sentence.index(date_text)
            e_end = e_start + len(date_text)
            batch["time_expressions"].append(
                (event_id, doc, pid, e_start, e_end, e_start, e_end, date_text, "date", False,
                 start, end, precision.value, None)
            )
            w = salience(1, 1, len(who), n < 4, precision)
            title = sentence.split(" in ")[0][:90]
            batch["events"].append(
                (event_id, title, start, end, precision.value, sentence.lower(),
                 start.toordinal(), end.toordinal(), w)
            )
            batch["event_sources"].append((event_id, event_id, event_id))
            for actor in who:
                batch["event_actors"].append((event_id, actor + 1, start.toordinal(), w))
            offset = b + 1
        if len(batch["events"]) >= 20_000:
            yield from ((t, batch[t]) for t in _TABLES)
            batch = {t: [] for t in _TABLES}
    yield from ((t, batch[t]) for t in _TABLES if batch[t])


_TABLES: dict[str, str] = {
    "documents": "id, path, sha256, format, title, outlet, author, published, published_source,"
    " original, text, offsets, imported_at, analysis_version",
    "passages": 'id, document_id, idx, start, "end", orig_start, orig_end, text',
    "time_expressions": 'id, document_id, passage_id, start, "end", orig_start, orig_end, text,'
    " kind, inferred, start_date, end_date, precision, reference",
    "events": "id, title, start_date, end_date, precision, merge_text, start_day, end_day, weight",
    "event_sources": "id, event_id, expression_id",
    "event_actors": "event_id, actor_id, start_day, weight",
}
_TABLES_WITH_ACTORS = {"actors": "id, name, kind", **_TABLES}


def build(events: int, target: str) -> float:
    """Fill an empty store at ``target`` with ``events`` synthetic events; returns seconds."""
    started = time.perf_counter()
    store = Store(target)
    if store.event_count():
        raise SystemExit(f"{target} is not empty")
    with store.engine.begin() as conn:
        raw = conn.connection.driver_connection
        pg = conn.dialect.name == "postgresql"
        for table, batch in rows(events):
            columns = _TABLES_WITH_ACTORS[table]
            if pg:
                with raw.cursor() as cur, cur.copy(f"COPY {table} ({columns}) FROM STDIN") as cp:
                    for r in batch:
                        cp.write_row(r)
            else:
                marks = ", ".join("?" * len(columns.split(",")))
                raw.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", batch)
        if pg:
            for table in ("documents", "passages", "time_expressions", "events",
                          "event_sources", "actors"):
                conn.execute(text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT coalesce(max(id), 1) FROM {table}))"
                ))
    with store.engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            conn.execute(text("VACUUM ANALYZE"))
        else:
            conn.execute(text("ANALYZE"))
            conn.commit()
    store.close()
    return time.perf_counter() - started


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("events", type=int)
    ap.add_argument("--db", required=True, help="a new SQLite path or an empty PostgreSQL URL")
    args = ap.parse_args()
    seconds = build(args.events, args.db)
    print(f"{args.events:,} events in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
