#!/usr/bin/env bash
# Benchmarks: print figures, assert nothing about speed.
#   bash scripts/bench.sh            native (criterion) and browser
#   bash scripts/bench.sh browser    browser only (what `npm run bench` runs)
#   bash scripts/bench.sh native     native only
# Native: benches/engine.rs (the five bundled reports: segmentation, collection,
# alignment of all 10 pairs, overview) and benches/scaling.rs (synthetic pairs of
# 10 KB, 100 KB and 1 MB; SCALING_MAX_BYTES=100000 leaves out 1 MB).
# Browser: the release build in headless Chromium (e2e/bench.mjs; its
# environment variables are listed at its top).
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

what="${1:-all}"
case "$what" in
  all | browser | native) ;;
  *)
    echo "usage: bash scripts/bench.sh [all|browser|native]" >&2
    exit 2
    ;;
esac

bash scripts/setup.sh

if [ "$what" != browser ]; then
  echo
  echo "== native engine, bundled reports (cargo bench --bench engine) =="
  cargo bench --bench engine
  echo
  echo "== native engine, synthetic pairs (cargo bench --bench scaling) =="
  cargo bench --bench scaling
fi

if [ "$what" != native ]; then
  trunk build --release
  echo
  echo "== browser (node e2e/bench.mjs) =="
  node e2e/bench.mjs
fi
