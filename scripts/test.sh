#!/usr/bin/env bash
# Runs every test: the engine, rules checker, scenarios and diagnostics corpus (cargo test),
# then the widget in Debian's headless Chromium (Playwright). Installs what is missing.
# Ends with one line counting every test that passed.
set -euo pipefail
cd "$(dirname "$0")/.."
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
bash scripts/build.sh --browser
echo "==> cargo test"
cargo test -p zanger 2>&1 | tee "$logs/cargo"
echo "==> end-to-end tests in Chromium"
npx playwright test 2>&1 | tee "$logs/e2e"
rust=$(grep -oE 'test result: ok\. [0-9]+ passed' "$logs/cargo" | awk '{n += $4} END {print n + 0}')
e2e=$(grep -oE '^ *[0-9]+ passed' "$logs/e2e" | awk '{n += $1} END {print n + 0}')
echo "$((rust + e2e)) passed, 0 failed"
