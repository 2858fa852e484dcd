"""What the integrity check every SQLite open runs costs, on a 100k-event store.

    python benchmarks/open_check.py [--events 100000] [--db PATH] [--runs 15]

The store is built with benchmarks/scale_store.py the first time (about 15 s, 95 MB) and kept
for later runs (in the temp folder, or --db). Each run opens it as every command does,
Store(), with the check and without it (store/db.py structure_problems replaced by nothing),
alternating so that a busy machine weighs on both alike; printed are the medians and their
ratio, and the check's own time beside PRAGMA quick_check's, on one connection each.
"""

from __future__ import annotations

import argparse
import contextlib
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from explorer.store import db  # noqa: E402
from explorer.store.repo import Store  # noqa: E402


def store_path(events: int, given: Path | None) -> Path:
    path = given or Path(tempfile.gettempdir()) / "timeline-explorer-bench" / f"{events}.sqlite"
    if path.exists() and path.stat().st_size > 0:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        with contextlib.closing(sqlite3.connect(uri, uri=True)) as c:
            if c.execute("SELECT count(*) FROM events").fetchone()[0] == events:
                return path
        raise SystemExit(f"{path} holds another number of events; give --db a new path")
    path.parent.mkdir(parents=True, exist_ok=True)
    from scale_store import build

    print(f"building {events:,} events into {path} ...", flush=True)
    print(f"  built in {build(events, str(path)):.1f} s", flush=True)
    return path


def time_open(path: Path) -> float:
    started = time.perf_counter()
    store = Store(path)
    elapsed = time.perf_counter() - started
    store.close()
    return elapsed


def time_on_connection(path: Path, work: Callable[[sqlite3.Connection], object]) -> float:
    with contextlib.closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as c:
        c.isolation_level = None
        started = time.perf_counter()
        work(c)
        return time.perf_counter() - started


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--db", type=Path, default=None, help="a store to reuse, or where to build")
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
    path = store_path(args.events, args.db)
    size = path.stat().st_size / 1e6
    time_open(path)  # migrated if behind, and in the OS's cache like a store in daily use
    with_check, without = [], []
    for _ in range(args.runs):
        with_check.append(time_open(path))
        with mock.patch.object(db, "structure_problems", lambda conn: []):
            without.append(time_open(path))
    walk = [time_on_connection(path, db.structure_problems) for _ in range(max(3, args.runs // 3))]
    quick = [
        time_on_connection(path, lambda c: c.execute("PRAGMA quick_check").fetchall())
        for _ in range(max(3, args.runs // 3))
    ]
    with contextlib.closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as c:
        problems = db.structure_problems(c)

    def ms(values: list[float]) -> str:
        return f"{statistics.median(values) * 1000:7.1f} ms"

    print(f"store: {path} ({args.events:,} events, {size:.0f} MB); {args.runs} runs, medians")
    print(f"open with the check     {ms(with_check)}")
    print(f"open without the check  {ms(without)}")
    ratio = statistics.median(with_check) / statistics.median(without)
    print(f"ratio                   {ratio:7.1f} x")
    print(f"the check alone         {ms(walk)}   (found: {problems or 'nothing wrong'})")
    print(f"PRAGMA quick_check      {ms(quick)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
