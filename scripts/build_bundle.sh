#!/usr/bin/env bash
# Build dist/TimelineExplorer/ with PyInstaller and smoke-test it without a display.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/pyinstaller --noconfirm --log-level WARN build.spec
.venv/bin/python scripts/bundle_smoke.py
du -sh dist/TimelineExplorer
