#!/usr/bin/env bash
# The one command for a fresh machine: install what is missing, build, serve the demo.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
exec node scripts/serve.mjs "${PORT:-8080}"
