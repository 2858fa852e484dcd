"""Ingest throughput on real news: the whole ``pipeline.ingest`` path beside
``dateparser.search.search_dates`` over the same text, in the same run.

    python benchmarks/ingest.py [--repeat R] [--scale N] [--workers W]

Real text: the 183 TimeBank articles in ../shared/timebank (tags stripped, a byline date line
added on top, as agency copy has), written to a temporary folder and ingested by the same
function the CLI calls, into a fresh database. Prints words/s, its ratio to search_dates, a
stage breakdown (read, dates, actors, events, store) and, with --scale N, the time to ingest N
real-length articles (the TimeBank texts again under new names and later bylines, so the store
grows and merging works against a big table). Skips cleanly where ../shared is absent.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import timebank  # noqa: E402

from explorer import pipeline  # noqa: E402
from explorer.analysis import ANALYSIS_VERSION, Analysis  # noqa: E402
from explorer.events.build import drafts_for  # noqa: E402
from explorer.events.rules import EVENT_RULES  # noqa: E402
from explorer.ingest.passages import split_passages  # noqa: E402
from explorer.ingest.readers import read_document  # noqa: E402
from explorer.store.repo import Store  # noqa: E402
from explorer.temporal import tag  # noqa: E402


def write_articles(folder: Path, count: int | None = None) -> list[Path]:
    """The TimeBank texts as plain-text articles with a dateline. Past the 183 articles, each
    round of copies has its byline a year later, so its relative dates land elsewhere."""
    articles = timebank.read_all()
    count = len(articles) if count is None else count
    paths = []
    for n in range(count):
        a, shift = articles[n % len(articles)], n // len(articles)
        day = a.dct.replace(year=a.dct.year + shift, day=min(a.dct.day, 28))
        if shift == 0:
            day = a.dct
        path = folder / f"{shift:03d}-{a.name}.txt"
        path.write_text(f"{day:%B %d, %Y}\n\n{a.text.strip()}\n", encoding="utf-8")
        paths.append(path)
    return paths


def words_in(paths: list[Path]) -> int:
    return sum(len(p.read_text(encoding="utf-8").split()) for p in paths)


def time_ingest(folder: Path, workers: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.sqlite")
        t0 = time.perf_counter()
        report = pipeline.ingest([folder], store, workers=workers)
        elapsed = time.perf_counter() - t0
        store.close()
    if report.failed:
        raise SystemExit(f"ingest failed: {report.failed[:3]}")
    return elapsed


def time_search_dates(paths: list[Path]) -> float:
    from dateparser.search import search_dates

    texts = [(p.read_text(encoding="utf-8"), p) for p in paths]
    t0 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for text, _ in texts:
            base = dt.datetime.strptime(text.split("\n", 1)[0], "%B %d, %Y")
            search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base})
    return time.perf_counter() - t0


def time_stages(paths: list[Path]) -> dict[str, float]:
    t: dict[str, float] = dict.fromkeys(("read", "dates", "actors", "events", "store"), 0.0)
    matcher = pipeline.default_matcher()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.sqlite")
        for path in paths:
            t0 = time.perf_counter()
            doc = read_document(path)
            passages = split_passages(doc.text)
            t1 = time.perf_counter()
            expressions = tag(doc.text, doc.published, [(p.start, p.end) for p in passages])
            t2 = time.perf_counter()
            mentions = matcher.find(doc.text)
            t3 = time.perf_counter()
            drafts = drafts_for(passages, expressions, mentions)
            t4 = time.perf_counter()
            store.save(
                Analysis(doc, passages, expressions, mentions, drafts, ANALYSIS_VERSION),
                EVENT_RULES,
                kinds=matcher.kinds,
            )
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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--scale", type=int, default=0, help="also time N real-length articles")
    ap.add_argument(
        "--workers", type=int, default=-1, help="analysis processes (default: as the CLI)"
    )
    args = ap.parse_args()
    if not timebank.DEFAULT_DIR.is_dir():
        print(f"{timebank.DEFAULT_DIR} not found; nothing to measure")
        return 0
    tag("warm up on 4 May 2020", dt.date(2020, 5, 5))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = write_articles(folder)
        words = words_in(paths)
        print(
            f"TimeBank as agency copy: {len(paths)} articles, {words:,} words; "
            f"medians of {args.repeat}"
        )
        base = statistics.median(time_search_dates(paths) for _ in range(args.repeat))
        print(f"  search_dates {'':<33} {words / base:>10,.0f} words/s   1.0x")
        pool = args.workers if args.workers >= 0 else pipeline.default_workers()
        for workers in sorted({0, pool}):
            whole = statistics.median(time_ingest(folder, workers) for _ in range(args.repeat))
            how = "in one process" if workers == 0 else f"{workers} analysis worker(s)"
            print(
                f"  pipeline.ingest, {how:<22} {words / whole:>10,.0f} words/s "
                f"{base / whole:5.1f}x  ({whole:.2f} s)"
            )
        runs = [time_stages(paths) for _ in range(args.repeat)]
        print("  stages, one process:")
        for key in runs[0]:
            wps = words / statistics.median(r[key] for r in runs)
            print(f"    {key:<7} {wps:>12,.0f} words/s {wps * base / words:6.1f}x search_dates")
    if args.scale:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            paths = write_articles(folder, args.scale)
            words = words_in(paths)
            pool = args.workers if args.workers >= 0 else pipeline.default_workers()
            elapsed = time_ingest(folder, pool)
            print(
                f"\n{len(paths):,} real-length articles ({words:,} words): {elapsed:.1f} s, "
                f"{words / elapsed:,.0f} words/s"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
