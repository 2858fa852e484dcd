#!/usr/bin/env bash
# Create .venv beside the project and install Timeline Explorer into it (with dev tools).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
# Old pips (23.x) install trafilatura without lxml_html_clean; a current pip does not.
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[dev]"
