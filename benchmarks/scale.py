"""A big store in the window: open to first paint, actor filter, date-range change.

    python benchmarks/scale.py [--sizes 10000 100000 1000000] [--runs 5] [--pg ADMIN_URL]

For each size it makes a store of synthetic news (benchmarks/scale_store.py; SQLite files are
kept in --cache between runs), then, offscreen, measures with the real MainWindow:

- open: Store() to the first painted timeline (a new window each run, 1400x820);
  the window reads on its store thread, so each figure runs to the paint of the data it sent
  (the review queue is filled after it);
- filter: tick one actor (one of the most frequent: the worst case), to the repainted timeline;
- range: jump the view to another stretch of years, to the repainted timeline.

Medians over --runs. The baseline, measured in the same run, is the window on an empty store.
PostgreSQL runs when --pg (or TIMELINE_EXPLORER_TEST_PG) names an admin URL; the database
explorer_scale_N is made there once and kept.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from benchmarks.scale_store import build  # noqa: E402
from explorer.store.repo import Store  # noqa: E402
from explorer.timeline.layout import View  # noqa: E402
from explorer.ui.main_window import MainWindow  # noqa: E402


def painted(window: MainWindow, started: float) -> float:
    """Seconds from ``started`` to the timeline painted with the data the store thread sent
    (reads run off the GUI thread); then it waits for the rest (the review queue)."""
    drawn: list[float] = []

    def on_drawn() -> None:
        window.timeline.repaint()  # paint now, as the event loop would
        drawn.append(time.perf_counter() - started)

    window.drawn.connect(on_drawn)
    while not window.idle:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        time.sleep(0.001)
    QApplication.processEvents()
    window.drawn.disconnect(on_drawn)
    if not drawn:  # nothing new to draw (a view inside what was loaded): paint it now
        window.timeline.repaint()
        drawn.append(time.perf_counter() - started)
    return drawn[-1]


def measure(target: str, runs: int, settings_dir: Path) -> dict[str, float]:
    opens, filters, ranges = [], [], []
    for n in range(runs):
        settings = QSettings(str(settings_dir / f"s{n}.ini"), QSettings.Format.IniFormat)
        t = time.perf_counter()
        window = MainWindow(Store(target), settings)
        window.resize(1400, 820)
        window.show()
        opens.append(painted(window, t))
        counts = window.filters.model._counts  # the list the user picks from
        names = [name for name, _ in counts.most_common(5)]
        name = names[n % len(names)] if names else None
        if name is not None:
            t = time.perf_counter()
            window.filters.model.set_checked(name, True)  # as a click: the panel applies it
            filters.append(painted(window, t))
            assert window.count_label.text().startswith(f"{counts[name]:,} of")
            window.filters.model.set_checked(name, False)
            painted(window, time.perf_counter())
        t = time.perf_counter()
        window.timeline.set_view(View.years(2009 + n % 5, 2012 + n % 5))
        ranges.append(painted(window, t))
        window.store.close()
        window.close()
        window.deleteLater()
        QApplication.processEvents()
    return {
        "open": statistics.median(opens),
        "filter": statistics.median(filters) if filters else float("nan"),
        "range": statistics.median(ranges),
        "shown": float(len(window.timeline.data)),
    }


def pg_target(admin: str, size: int) -> tuple[str, bool]:
    """The URL of explorer_scale_<size>, and whether it still needs filling."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"explorer_scale_{size}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        exists = conn.execute(
            text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}
        ).first()
        if not exists:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    url = make_url(admin).set(database=name).render_as_string(hide_password=False)
    if exists:
        store = Store(url)
        full = store.event_count() == size
        store.close()
        if not full:
            raise SystemExit(f"{name} holds another size; drop it and run again")
        return url, False
    return url, True


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/explorer-scale"))
    ap.add_argument("--pg", default=os.environ.get("TIMELINE_EXPLORER_TEST_PG"))
    args = ap.parse_args()
    app = QApplication.instance() or QApplication([])
    assert app is not None
    args.cache.mkdir(parents=True, exist_ok=True)
    settings_dir = args.cache / "settings"
    settings_dir.mkdir(exist_ok=True)
    backends = ["sqlite"] + (["postgresql"] if args.pg else [])
    empty = args.cache / "empty.sqlite"
    base = measure(str(empty), args.runs, settings_dir)
    print(f"baseline, empty store: open {base['open'] * 1000:.0f} ms, "
          f"range {base['range'] * 1000:.0f} ms")
    print(f"{'backend':<11}{'events':>10}{'open (ms)':>11}{'filter (ms)':>13}"
          f"{'range (ms)':>12}{'loaded':>8}")
    for backend in backends:
        for size in args.sizes:
            if backend == "sqlite":
                path = args.cache / f"scale-{size}.sqlite"
                if not path.exists():
                    print(f"  making {path} …", file=sys.stderr, flush=True)
                    build(size, str(path))
                target = str(path)
            else:
                target, fill = pg_target(args.pg, size)
                if fill:
                    print(f"  filling explorer_scale_{size} …", file=sys.stderr, flush=True)
                    build(size, target)
            r = measure(target, args.runs, settings_dir)
            print(f"{backend:<11}{size:>10,}{r['open'] * 1000:>11.0f}{r['filter'] * 1000:>13.0f}"
                  f"{r['range'] * 1000:>12.0f}{int(r['shown']):>8}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
