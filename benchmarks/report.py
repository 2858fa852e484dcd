"""Time to write a report (HTML and PDF, Markdown beside them) of 1,000 and 10,000 events.

    python benchmarks/report.py [--sizes 1000 10000] [--repeat 3]

The events come from synthetic articles of our own sentences (one dated event each), imported
by the app itself; the medians of R runs are printed with events/s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from explorer import pipeline  # noqa: E402
from explorer.store.repo import Store  # noqa: E402

_WHO = ["Kenya", "Uganda", "Norway", "Chile", "Vietnam", "Portugal", "Ghana", "Peru"]
_WHAT = ["signed a port agreement", "opened a rail link", "held trade talks", "agreed on tariffs",
         "launched a joint survey", "closed a border crossing"]  # fmt: skip


def make_store(folder: Path, events: int) -> Store:
    rng = random.Random(events)
    per_doc = 100
    for n in range(events // per_doc):
        lines = [f"Regional notes {n}", "", "By Bench Desk", "", "March 14, 2019", ""]
        for k in range(per_doc):
            day = dt.date(1990, 1, 1) + dt.timedelta(days=n * per_doc + k)
            a, b = rng.sample(_WHO, 2)
            lines.append(f"{a} and {b} {rng.choice(_WHAT)} on {day:%d %B %Y} in the capital.")
        (folder / f"{n:04d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    store = Store(folder / "bench.sqlite")
    pipeline.ingest([folder], store, workers=pipeline.default_workers())
    return store


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            store = make_store(folder, size)
            n = len(store.summaries())
            line = [f"{n:>6} events:"]
            for fmt in ("html", "pdf", "md"):
                times = []
                for _ in range(args.repeat):
                    t0 = time.perf_counter()
                    pipeline.export_report(store, None, folder / f"r.{fmt}", fmt)
                    times.append(time.perf_counter() - t0)
                median = statistics.median(times)
                size_mb = (folder / f"r.{fmt}").stat().st_size / 1e6
                line.append(f"{fmt} {median:6.2f} s ({n / median:7,.0f} events/s, {size_mb:.1f} MB)")
            print("  ".join(line))
            store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
