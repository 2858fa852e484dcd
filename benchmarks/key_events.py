"""Key events against the timelines newsrooms published (../shared/tls-dev, Timeline17 dev).

For each gold timeline, following the data's README: the articles published between its first
and last date are imported; K = the number of gold dates; the K key events' days are compared
with the gold days (date F1 = precision = recall), and their titles with the gold sentences of
the matched days (ROUGE-1 F). PubCount (the K days with the most articles published) and the
day ranking the app used before (days by how many documents report an event on them) are
measured in the same run, on the same stores.

    python benchmarks/key_events.py [--fresh] [--tune]

Stores are kept in a cache folder between runs (--fresh rebuilds them). Skips cleanly when
../shared/tls-dev is absent. Never copies the articles anywhere but that cache.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import itertools
import re
import statistics
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from explorer import pipeline
from explorer.analysis import ANALYSIS_VERSION
from explorer.events.key_events import Telling, Weights, key_events
from explorer.model import Precision
from explorer.parallel import default_workers
from explorer.query.answer import find_events
from explorer.query.event_query import EventQuery
from explorer.store.repo import Store

DATA = Path(__file__).resolve().parents[2] / "shared" / "tls-dev"
CACHE = Path(tempfile.gettempdir()) / "explorer-bench-tls"


@dataclass
class Gold:
    name: str
    days: dict[dt.date, list[str]]


def gold_timelines(collection: Path) -> list[Gold]:
    out = []
    for f in sorted((collection / "timelines").glob("*.txt")):
        days: dict[dt.date, list[str]] = {}
        current: dt.date | None = None
        for line in f.read_text(encoding="utf-8", errors="replace").splitlines():
            line = line.strip()
            if re.fullmatch(r"\d{4}-\d\d-\d\d", line):
                current = dt.date.fromisoformat(line)
                days.setdefault(current, [])
            elif line.startswith("----"):
                current = None
            elif line and current is not None:
                days[current].append(line)
        out.append(Gold(f"{collection.name}/{f.stem}", days))
    return out


def detokenise(text: str) -> str:
    """Penn Treebank tokens back to ordinary text, as the README asks."""
    text = text.replace("-LRB-", "(").replace("-RRB-", ")").replace("``", '"').replace("''", '"')
    text = re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", text)
    text = re.sub(r" ([.,;:!?%)])", r"\1", text)
    text = re.sub(r"\( ", "(", text)
    return re.sub(r'" (.*?) "', r'"\1"', text)


def store_for(collection: Path, gold: Gold, fresh: bool) -> tuple[Store, list[dt.date]]:
    first, last = min(gold.days), max(gold.days)
    folder = CACHE / f"v{ANALYSIS_VERSION}" / gold.name.replace("/", "__")
    db = folder / "store.sqlite"
    published: list[dt.date] = []
    rows = []
    for day_dir in sorted((collection / "InputDocs").iterdir()):
        day = dt.date.fromisoformat(day_dir.name)
        if not first <= day <= last:
            continue
        for f in sorted(day_dir.iterdir()):
            published.append(day)
            rows.append((f, day, f"{day_dir.name}_{f.name.split('.')[0]}.txt"))
    if fresh or not db.exists():
        if db.exists():
            db.unlink()
        articles = folder / "articles"
        articles.mkdir(parents=True, exist_ok=True)
        for f, _, name in rows:
            (articles / name).write_text(
                detokenise(f.read_text(encoding="utf-8", errors="replace")), encoding="utf-8"
            )
        manifest = folder / "manifest.csv"
        with manifest.open("w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(["file", "published"])
            w.writerows((name, day.isoformat()) for _, day, name in rows)
        store = Store(db)
        pipeline.ingest([articles], store, manifest=manifest, workers=default_workers())
        return store, published
    return Store(db), published


def tellings_of(store: Store) -> tuple[list[Telling], dict[int, dt.date | None]]:
    events = find_events(store, EventQuery())
    summaries = {s.id: s for s in store.summaries(tuple(e.id for e in events if e.id))}
    tellings = [
        Telling(summaries[e.id], frozenset(s.document_id for s in e.sources))
        for e in events
        if e.id in summaries
    ]
    return tellings, {d.id: d.published for d in store.documents()}


def _words(text: str) -> Counter[str]:
    return Counter(re.findall(r"[a-z0-9]+", text.lower()))


def rouge1(predicted: list[str], gold: list[str]) -> float:
    p, g = _words(" ".join(predicted)), _words(" ".join(gold))
    overlap = sum((p & g).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(p.values()), overlap / sum(g.values())
    return 2 * precision * recall / (precision + recall)


@dataclass
class Case:
    gold: Gold
    tellings: list[Telling]
    published: dict[int, dt.date | None]
    pub_days: list[dt.date]


def score(case: Case, weights: Weights) -> tuple[float, float]:
    k = len(case.gold.days)
    first, last = min(case.gold.days), max(case.gold.days)
    chosen = key_events(case.tellings, case.published, k, first, last, weights)
    hits = [c for c in chosen if c.event.span.start in case.gold.days]
    f1 = len({c.event.span.start for c in hits}) / k
    matched = sorted({c.event.span.start for c in hits})
    r = rouge1(
        [c.event.title for c in hits],
        [s for d in matched for s in case.gold.days[d]],
    )
    return f1, r


def pubcount(case: Case) -> float:
    k = len(case.gold.days)
    top = [d for d, _ in Counter(case.pub_days).most_common(k)]
    return len(set(top) & set(case.gold.days)) / k


def by_documents(case: Case) -> float:
    """The app's ranking before key events: days by the documents reporting an event."""
    k = len(case.gold.days)
    first, last = min(case.gold.days), max(case.gold.days)
    docs: dict[dt.date, set[int]] = {}
    for t in case.tellings:
        day = t.event.span.start
        if t.event.span.precision is Precision.DAY and first <= day <= last:
            docs.setdefault(day, set()).update(t.documents)
    top = sorted(docs, key=lambda d: (-len(docs[d]), d))[:k]
    return len(set(top) & set(case.gold.days)) / k


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fresh", action="store_true", help="import the collections again")
    parser.add_argument("--tune", action="store_true", help="print a small grid of weights")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"skipped: {DATA} is absent")
        return 0
    cases = []
    for collection in sorted(p for p in DATA.iterdir() if (p / "timelines").is_dir()):
        for gold in gold_timelines(collection):
            store, pub_days = store_for(collection, gold, args.fresh)
            tellings, published = tellings_of(store)
            store.close()
            cases.append(Case(gold, tellings, published, pub_days))
    print(f"{'timeline':55} {'K':>3} {'date F1':>8} {'ROUGE-1':>8} {'PubCount':>8} {'by docs':>8}")
    rows = []
    for case in cases:
        f1, r = score(case, Weights())
        pc, bd = pubcount(case), by_documents(case)
        rows.append((f1, r, pc, bd))
        print(f"{case.gold.name:55} {len(case.gold.days):3d} {f1:8.3f} {r:8.3f} {pc:8.3f} {bd:8.3f}")
    mean = [statistics.mean(c) for c in zip(*rows, strict=True)]
    print(f"{'mean':55} {'':3} {mean[0]:8.3f} {mean[1]:8.3f} {mean[2]:8.3f} {mean[3]:8.3f}")
    print(f"ratio date F1 / PubCount: {mean[0] / mean[2]:.2f}; / by docs: {mean[0] / mean[3]:.2f}")
    if args.tune:
        grid = itertools.product((0.5, 1.0, 2.0), (0.0, 0.5, 1.0), (0.0, 0.5, 1.0), (0.0, 3.0))
        results = []
        for later, burst, lead, background in grid:
            w = Weights(later=later, burst=burst, lead=lead, background=background)
            results.append((statistics.mean(score(c, w)[0] for c in cases), w))
        for value, w in sorted(results, key=lambda r: -r[0])[:10]:
            print(f"{value:.3f} {w}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
