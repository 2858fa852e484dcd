"""Build the sdist and the wheel, install the wheel into a fresh venv outside the checkout, and
use it as a user would (scripts/smoke.py): the way `pip install .` and `pipx install .` work.

    python scripts/wheel_smoke.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from smoke import check  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="explorer-wheel-"))
    dist = tmp / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--outdir",
            str(dist),
            str(ROOT),
        ],  # the wheel from the sdist
        check=True,
        stdout=subprocess.DEVNULL,
    )
    wheels = list(dist.glob("*.whl"))
    assert wheels and list(dist.glob("*.tar.gz")), f"build made {list(dist.iterdir())}"
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet"]
    subprocess.run([*pip, "--upgrade", "pip"], check=True)
    subprocess.run([*pip, str(wheels[0])], check=True)
    print(f"installed {wheels[0].name} into {venv}")
    check([str(venv / "bin" / "explorer")])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
