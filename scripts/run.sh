#!/usr/bin/env bash
# Install and open the window. On the first start it creates your database in your data
# folder and imports the bundled sample corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/explorer
