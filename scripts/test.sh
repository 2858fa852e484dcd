#!/usr/bin/env bash
# Install everything, then lint, type-check and run the test suite (Qt offscreen).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check explorer tests benchmarks
.venv/bin/mypy
QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q "$@"
