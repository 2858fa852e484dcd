"""How fast `explorer key-events` answers: in process (the function the window's store thread
calls) and as a whole command, on synthetic stores of 10k events and more, beside
`explorer documents` on the same store in the same run (the command's fixed cost: start-up,
opening and checking the store).

    python benchmarks/key_events_speed.py [--sizes 10000 100000] [--runs 5] [--db FILE]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale_store import build  # noqa: E402

from explorer.query.event_query import EventQuery  # noqa: E402
from explorer.query.key import find_key_events  # noqa: E402
from explorer.query.sources import open_source  # noqa: E402
from explorer.store.repo import Store  # noqa: E402


def _command(args: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "explorer", *args], check=True, capture_output=True)
    return time.perf_counter() - started


def measure(db: Path, runs: int) -> None:
    store = Store(db)
    source = open_source(store)
    inside = []
    for _ in range(runs):
        started = time.perf_counter()
        find_key_events(store, EventQuery(), 10, source)
        inside.append(time.perf_counter() - started)
    n = store.event_count()
    store.close()
    whole = [_command(["key-events", "--db", str(db), "--limit", "10"]) for _ in range(runs)]
    base = [_command(["documents", "--db", str(db)]) for _ in range(runs)]
    m_in, m_whole, m_base = (statistics.median(x) for x in (inside, whole, base))
    print(
        f"{n:>9,} events: key events in process {m_in * 1000:7.0f} ms; `key-events` "
        f"{m_whole:5.2f} s, `documents` {m_base:5.2f} s (ratio {m_whole / m_base:.2f})"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="*", default=[10_000])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--db", type=Path, action="append", default=[], help="an existing store")
    args = ap.parse_args()
    for db in args.db:
        measure(db, args.runs)
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            db = Path(tmp) / f"k{size}.sqlite"
            build(size, str(db))
            measure(db, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
