"""Ingest throughput, by stage, beside dateparser.search.search_dates on the same text.

    python benchmarks/ingest.py [--synthetic N] [--repeat R]

Prints words/s for read, dates, actors, events and store on the shared corpus (when present)
and on a synthetic corpus of N articles generated from our own sentence templates, each with
its ratio to search_dates measured in the same run. Medians over R repeats.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from explorer.actors.gazetteer import load_gazetteer  # noqa: E402
from explorer.actors.match import ActorMatcher  # noqa: E402
from explorer.analysis import Analysis  # noqa: E402
from explorer.events.build import drafts_for  # noqa: E402
from explorer.ingest.passages import split_passages  # noqa: E402
from explorer.ingest.readers import parse_document  # noqa: E402
from explorer.store.repo import Store  # noqa: E402
from explorer.temporal import tag  # noqa: E402

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
_ACTORS = [
    "Russia",
    "China",
    "NATO",
    "Putin",
    "Xi Jinping",
    "the European Union",
    "Kyiv",
    "Washington",
    "Beijing",
    "the Kremlin",
    "Gazprom",
    "India",
    "Turkey",
    "Japan",
]
_DATES = [
    "on Monday",
    "last week",
    "in 2014",
    "on 10 May",
    "in early 2022",
    "next year",
    "on November 23",
    "in the third quarter",
    "from 2013 to 2019",
    "two years ago",
    "in March",
    "on 4-20 February",
    "in the mid-2030s",
    "yesterday",
    "this month",
]
_TEMPLATES = [
    "{a} and {b} signed a trade agreement {d}, officials said.",
    "Talks between {a} and {b} stalled {d} over the price of gas.",
    "{a} will host a summit with {b} {d}, according to diplomats.",
    "Analysts expect {a} to raise tariffs on goods from {b} {d}.",
    "The ministers of {a} met their counterparts from {b} {d} in a neutral capital.",
    "Trade between {a} and {b} grew by a third, a rise that few had forecast.",
    "Observers in {a} noted that {b} had changed its tone without any formal statement.",
]


def synthetic_article(rng: random.Random, n: int) -> tuple[str, bytes]:
    lines = [f"Sample report {n}", "", "By Bench Desk", "", "June 15, 2023", ""]
    for _ in range(rng.randint(25, 40)):
        a, b = rng.sample(_ACTORS, 2)
        lines.append(rng.choice(_TEMPLATES).format(a=a, b=b, d=rng.choice(_DATES)))
    return f"synthetic/{n:05d}.txt", "\n".join(lines).encode()


def corpus_files() -> list[tuple[str, bytes]]:
    return [(str(p), p.read_bytes()) for p in sorted(CORPUS.glob("*.txt"))]


def run_stages(files: list[tuple[str, bytes]], matcher: ActorMatcher, db: Path) -> dict[str, float]:
    t: dict[str, float] = dict.fromkeys(("read", "dates", "actors", "events", "store"), 0.0)
    store = Store(db)
    for name, data in files:
        t0 = time.perf_counter()
        doc = parse_document(name, data, ".txt", dt.date(2023, 6, 15))
        passages = split_passages(doc.text)
        t1 = time.perf_counter()
        expressions = tag(doc.text, doc.published, [(p.start, p.end) for p in passages])
        t2 = time.perf_counter()
        mentions = matcher.find(doc.text)
        t3 = time.perf_counter()
        drafts = drafts_for(passages, expressions, mentions)
        t4 = time.perf_counter()
        store.save(Analysis(doc, passages, expressions, mentions, drafts))
        t5 = time.perf_counter()
        for key, a, b in (
            ("read", t0, t1),
            ("dates", t1, t2),
            ("actors", t2, t3),
            ("events", t3, t4),
            ("store", t4, t5),
        ):
            t[key] += b - a
    store.close()
    return t


def run_search_dates(files: list[tuple[str, bytes]]) -> float:
    from dateparser.search import search_dates

    base = dt.datetime(2023, 6, 15, 12)
    t0 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for _, data in files:
            search_dates(
                data.decode("utf-8", "replace"), languages=["en"], settings={"RELATIVE_BASE": base}
            )
    return time.perf_counter() - t0


def measure(label: str, files: list[tuple[str, bytes]], repeat: int, baseline_sample: int) -> None:
    words = sum(len(d.split()) for _, d in files)
    matcher = ActorMatcher(load_gazetteer())
    stage_runs: list[dict[str, float]] = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            stage_runs.append(run_stages(files, matcher, Path(tmp) / "bench.sqlite"))
    sample = files[:baseline_sample]
    sample_words = sum(len(d.split()) for _, d in sample)
    base_wps = statistics.median(sample_words / run_search_dates(sample) for _ in range(repeat))
    print(
        f"\n{label}: {len(files)} articles, {words} words; search_dates {base_wps:,.0f} words/s "
        f"(median of {repeat}, on {len(sample)} articles)"
    )
    total = [sum(r.values()) for r in stage_runs]
    for key in ("read", "dates", "actors", "events", "store"):
        wps = words / statistics.median(r[key] for r in stage_runs)
        print(f"  {key:<7} {wps:>12,.0f} words/s   {wps / base_wps:6.1f}x search_dates")
    wps = words / statistics.median(total)
    print(
        f"  {'total':<7} {wps:>12,.0f} words/s   {wps / base_wps:6.1f}x search_dates  "
        f"({statistics.median(total):.2f} s; 10,000 such articles ~ "
        f"{statistics.median(total) / len(files) * 10000 / 60:.1f} min)"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--synthetic", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    tag("warm up on 4 May 2020", dt.date(2020, 5, 5))
    if CORPUS.is_dir():
        measure("shared corpus", corpus_files(), args.repeat, 5)
    else:
        print("shared corpus not found; skipping it")
    rng = random.Random(7)
    files = [synthetic_article(rng, n) for n in range(args.synthetic)]
    measure("synthetic corpus", files, args.repeat, min(100, len(files)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
