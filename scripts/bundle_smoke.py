"""Smoke-test the built bundle without a display (see scripts/smoke.py for what it does).

python scripts/bundle_smoke.py [dist/TimelineExplorer/TimelineExplorer]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from smoke import check  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    exe = (
        Path(sys.argv[1])
        if len(sys.argv) > 1
        else ROOT / "dist" / "TimelineExplorer" / "TimelineExplorer"
    )
    check([str(exe.resolve())])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
