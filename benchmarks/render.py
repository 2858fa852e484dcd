"""Frame times of the timeline view while zooming and panning, offscreen.

    python benchmarks/render.py [--sizes 1000 10000 100000] [--frames 60]

For each size: median and 95th percentile of a full repaint of the real TimelineView through a
zoom-in, zoom-out and pan sequence, beside the baseline a naive design would give: one
QGraphicsItem per event in a QGraphicsView (build time and frame times, same run).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QRectF  # noqa: E402
from PySide6.QtGui import QBrush, QColor  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
)

from explorer.model import Precision  # noqa: E402
from explorer.timeline.layout import TimelineData, TimelineEvent, View  # noqa: E402
from explorer.ui.timeline_view import TimelineView  # noqa: E402

W, H = 1400, 700
PRECISIONS = [Precision.DAY] * 6 + [Precision.MONTH, Precision.YEAR, Precision.QUARTER]


def events(n: int, seed: int = 3) -> list[TimelineEvent]:
    rng = random.Random(seed)
    view = View.years(2001, 2024)
    out = []
    for i in range(n):
        start = rng.uniform(view.t0, view.t1)
        p = rng.choice(PRECISIONS)
        length = {
            Precision.DAY: 1,
            Precision.MONTH: 30,
            Precision.QUARTER: 91,
            Precision.YEAR: 365,
        }[p]
        out.append(TimelineEvent(i, f"Event {i} about talks", start, start + length, p))
    return out


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def views(frames: int) -> list[View]:
    v = View.years(2001, 2024)
    seq = []
    for i in range(frames):
        if i < frames // 3:
            v = v.zoom(1.15, v.t0 + v.span * 0.4)
        elif i < 2 * frames // 3:
            v = v.pan(v.span * 0.05)
        else:
            v = v.zoom(1 / 1.15, v.t0 + v.span * 0.6)
        seq.append(v)
    return seq


def ours(evs: list[TimelineEvent], frames: int) -> tuple[float, list[float]]:
    t0 = time.perf_counter()
    widget = TimelineView()
    widget.resize(W, H)
    widget.set_data(TimelineData(evs), keep_view=False)
    widget.show()
    QApplication.processEvents()
    build = time.perf_counter() - t0
    times = []
    for v in views(frames):
        widget.set_view(v)
        start = time.perf_counter()
        widget.repaint()
        times.append((time.perf_counter() - start) * 1000)
    widget.close()
    return build, times


def item_per_event(evs: list[TimelineEvent], frames: int) -> tuple[float, list[float]]:
    t0 = time.perf_counter()
    scene = QGraphicsScene()
    brush = QBrush(QColor("#1a73e8"))
    base = View.years(2001, 2024)
    for i, e in enumerate(evs):
        x = base.x(e.start, W * 10)
        rect = scene.addRect(QRectF(0, 0, max(4.0, base.x(e.end, W * 10) - x), 10))
        rect.setBrush(brush)
        rect.setPos(x, (i % 40) * 26)
        label = QGraphicsSimpleTextItem(e.title)
        label.setPos(x + 8, (i % 40) * 26 - 2)
        scene.addItem(label)
    view = QGraphicsView(scene)
    view.resize(W, H)
    view.show()
    QApplication.processEvents()
    build = time.perf_counter() - t0
    times = []
    for k in range(frames):
        view.scale(1.15 if k < frames // 2 else 1 / 1.15, 1.0)
        start = time.perf_counter()
        view.viewport().repaint()
        times.append((time.perf_counter() - start) * 1000)
    view.close()
    return build, times


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--frames", type=int, default=60)
    ap.add_argument("--no-baseline", action="store_true")
    args = ap.parse_args()
    QApplication.instance() or QApplication([])
    print(
        f"{'events':>8} | {'ours: build':>11} {'median':>8} {'p95':>8} | "
        f"{'items: build':>12} {'median':>8} {'p95':>8} | median ratio"
    )
    for n in args.sizes:
        evs = events(n)
        build, t = ours(evs, args.frames)
        line = (
            f"{n:>8} | {build * 1000:9.0f}ms {statistics.median(t):6.2f}ms "
            f"{percentile(t, 0.95):6.2f}ms |"
        )
        if not args.no_baseline:
            b_build, b = item_per_event(evs, max(10, args.frames // 3))
            line += (
                f" {b_build * 1000:10.0f}ms {statistics.median(b):6.2f}ms "
                f"{percentile(b, 0.95):6.2f}ms | "
                f"{statistics.median(b) / statistics.median(t):8.1f}x"
            )
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
