#!/usr/bin/env bash
# Benchmarks: prints figures, asserts nothing about speed.
#   1. native engine (criterion, benches/engine.rs), shortened run;
#   2. the release build in headless Chromium (e2e/bench.mjs): engine via the wasm
#      hooks, page load to first render, switching a pair, download sizes.
# The issue's target: the whole 10-pair comparison in under 20 ms in Chromium.
#
#   bash scripts/bench.sh
# Environment for step 2: BENCH_RUNS, BENCH_WARMUP, BENCH_LOADS, BENCH_SWITCHES (see e2e/bench.mjs).
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

bash scripts/setup.sh
trunk build --release

echo
echo "== native engine (cargo bench --bench engine) =="
cargo bench --bench engine -- --warm-up-time 1 --measurement-time 3

echo
echo "== browser (node e2e/bench.mjs) =="
node e2e/bench.mjs
