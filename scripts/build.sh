#!/usr/bin/env bash
# Builds the widget into www/pkg/: checks and compiles rules/ (natively, in the widget's
# build script), compiles the engine and the view to wasm, and generates the JS glue.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh "$@"
echo "==> building the widget"
cargo build -p zanger-widget --release --target wasm32-unknown-unknown
wasm-bindgen --target web --no-typescript --out-dir target/pkg \
  target/wasm32-unknown-unknown/release/zanger_widget.wasm
node scripts/bundle.mjs
node scripts/size.mjs
