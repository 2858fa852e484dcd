"""Cold start to the first painted timeline, from source and from the bundle.

    python benchmarks/startup.py [--runs 5] [--db DB]

Each run starts a fresh process with TIMELINE_EXPLORER_QUIT_AFTER_PAINT=1 and times it until
the window reports its first painted timeline. The floor, measured in the same run, is a bare
PySide6 process that shows an empty window. Offscreen unless DISPLAY is set.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "TimelineExplorer" / "TimelineExplorer"
FLOOR = (
    "from PySide6.QtWidgets import QApplication, QWidget\n"
    "from PySide6.QtCore import QTimer\n"
    "app = QApplication([]); w = QWidget(); w.resize(800, 600); w.show()\n"
    "QTimer.singleShot(0, lambda: (print('first-paint', flush=True), app.quit()))\n"
    "app.exec()\n"
)


def time_run(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("first-paint"):
            elapsed = time.perf_counter() - start
            proc.wait(timeout=30)
            return elapsed
    raise RuntimeError(f"{cmd[0]} exited without painting (code {proc.wait()})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--db", type=Path, default=None, help="default: the sample corpus")
    args = ap.parse_args()
    home = Path(tempfile.mkdtemp())
    env = dict(os.environ, TIMELINE_EXPLORER_HOME=str(home), TIMELINE_EXPLORER_QUIT_AFTER_PAINT="1")
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    db = args.db or home / "sample.sqlite"
    if args.db is None:
        subprocess.run(
            [sys.executable, "-m", "explorer", "load-sample", "--db", str(db)],
            check=True,
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
        )
    commands = {
        "floor (empty PySide6 window)": [sys.executable, "-c", FLOOR],
        "from source": [sys.executable, "-m", "explorer", "gui", "--db", str(db)],
    }
    if BUNDLE.exists():
        commands["from the bundle"] = [str(BUNDLE), "gui", "--db", str(db)]
    else:
        print(f"no bundle at {BUNDLE} (build it with: pyinstaller build.spec)")
    results = {}
    for name, cmd in commands.items():
        time_run(cmd, env)  # warm the file cache: "cold" here means a new process
        results[name] = [time_run(cmd, env) for _ in range(args.runs)]
    floor = statistics.median(results["floor (empty PySide6 window)"])
    for name, times in results.items():
        med = statistics.median(times)
        print(
            f"{name:<30} median {med:5.2f} s  (min {min(times):.2f}, max {max(times):.2f}, "
            f"{args.runs} runs)  {med / floor:4.1f}x floor"
        )
    if BUNDLE.exists():
        size = sum(
            f.stat().st_size for f in BUNDLE.parent.rglob("*") if f.is_file() and not f.is_symlink()
        )
        print(f"bundle size: {size / 1e6:.0f} MB in {BUNDLE.parent}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
