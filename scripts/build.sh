#!/usr/bin/env bash
# Builds the widget into www/pkg/: checks and compiles rules/ (natively, in the widget's
# build script), compiles the engine and the view to wasm, and generates the JS glue.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh "$@"
echo "==> building the widget"
# Twice: the widget NGO sites embed, and the workshop build with trainer mode (see widget/Cargo.toml).
# Cargo keeps both builds, so an unchanged one is not compiled again.
for variant in site trainer; do
  features=(); [ "$variant" = trainer ] && features=(--features trainer)
  cargo build -p zanger-widget --release --target wasm32-unknown-unknown "${features[@]}"
  wasm-bindgen --target web --no-typescript --out-dir "target/pkg-$variant" \
    target/wasm32-unknown-unknown/release/zanger_widget.wasm
done
node scripts/bundle.mjs
node scripts/size.mjs
