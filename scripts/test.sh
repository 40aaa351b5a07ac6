#!/usr/bin/env bash
# Runs every test: the engine, rules checker, scenarios and diagnostics corpus (cargo test),
# then the widget in Debian's headless Chromium (Playwright). Installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh --browser
echo "==> cargo test"
cargo test -p zanger
echo "==> end-to-end tests in Chromium"
npx playwright test
