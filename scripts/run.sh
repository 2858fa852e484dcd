#!/usr/bin/env bash
# Install, import the bundled sample corpus into a database in your data folder (once), and
# show its timeline.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/explorer ingest resources/sample
.venv/bin/explorer events
