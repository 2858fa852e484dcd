"""Smoke-test the built bundle without a display: it starts, creates its database in a fresh
data folder, imports the bundled sample corpus, exports a PNG and a JSON, and exits 0.

    python scripts/bundle_smoke.py [dist/TimelineExplorer/TimelineExplorer]
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ANCHORS = [  # (start, end, a phrase of one source sentence)
    ("2001-07-16", None, "Treaty of Good-Neighbourliness"),
    ("2014", None, "pivot to the East"),
    ("2021-11-23", None, "roadmap"),
    ("2022-02-04", "2022-02-20", "Winter Olympics"),
    ("2024-05-10", None, "Kharkiv"),
]


def run(exe: Path, *args: str, env: dict[str, str]) -> str:
    out = subprocess.run([str(exe), *args], capture_output=True, text=True, env=env, timeout=300)
    if out.returncode != 0:
        raise SystemExit(f"{exe.name} {' '.join(args)} failed ({out.returncode}):\n{out.stderr}")
    return out.stdout


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    if not data.startswith(b"\x89PNG\r\n\x1a\n") or len(data) < 5000:
        raise SystemExit(f"{path} is not a real PNG")
    return struct.unpack(">II", data[16:24])


def main() -> int:
    exe = (
        Path(sys.argv[1])
        if len(sys.argv) > 1
        else ROOT / "dist" / "TimelineExplorer" / "TimelineExplorer"
    )
    home = Path(tempfile.mkdtemp())
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(TIMELINE_EXPLORER_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    print(run(exe, "--version", env=env).strip())
    print(run(exe, "load-sample", env=env).strip())
    db = home / "data" / "timeline.sqlite"
    assert db.exists(), "the bundle did not create its database in the data folder"
    png = home / "timeline.png"
    run(
        exe,
        "export",
        "--format",
        "png",
        "--output",
        str(png),
        "--width",
        "1200",
        "--height",
        "600",
        env=env,
    )
    assert png_size(png) == (1200, 600), png_size(png)
    out = home / "timeline.json"
    run(exe, "export", "--format", "json", "--output", str(out), env=env)
    events = json.loads(out.read_text(encoding="utf-8"))["events"]
    for start, end, phrase in ANCHORS:
        hits = [
            e
            for e in events
            if e["start"].startswith(start)
            and e["end"] == end
            and any(phrase in s["text"] for s in e["sources"])
        ]
        assert hits, f"anchor event {start} '{phrase}' missing from the bundle's export"
    print(
        f"bundle smoke test passed: {len(events)} events, PNG {png_size(png)}, "
        f"{len(ANCHORS)} anchor events"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
