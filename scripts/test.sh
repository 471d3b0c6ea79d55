#!/usr/bin/env bash
# Every test layer of report-diff, failing fast, with a banner and the elapsed
# time of each layer. CI runs this (via .ci/run) in a fresh clone.
#   bash scripts/test.sh
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

now_ms() { date +%s%3N; }
fmt_ms() { printf '%d.%03ds' $(($1 / 1000)) $(($1 % 1000)); }

T0="$(now_ms)"
SUMMARY=()
CURRENT=""
LAYER_T0=""

# Every layer this script runs (the `layer` lines below), for the closing line.
TOTAL_LAYERS="$(grep -c '^layer ' "${BASH_SOURCE[0]}")"

# A layer that exits non-zero ends the run here (set -e): say which one failed,
# count it as failed (and the ones after it as not run), and keep the exit status.
on_exit() {
  local rc=$?
  if [ "$rc" -ne 0 ]; then
    local el=0
    [ -n "$LAYER_T0" ] && el=$(($(now_ms) - LAYER_T0))
    local what="${CURRENT:-the script itself, outside any layer}"
    local failed=0
    [ -n "$CURRENT" ] && failed=1
    echo
    echo "=================================================================="
    echo "FAILED: $what (exit $rc, after $(fmt_ms "$el"))"
    echo "=================================================================="
    for line in "${SUMMARY[@]}"; do echo "  $line"; done
    [ -n "$CURRENT" ] && echo "  FAIL  $(fmt_ms "$el")  $CURRENT"
    echo "total $(fmt_ms $(($(now_ms) - T0)))"
    echo "layers: ${#SUMMARY[@]} passed, $failed failed, $((TOTAL_LAYERS - ${#SUMMARY[@]} - failed)) not run"
  fi
  exit "$rc"
}
trap on_exit EXIT

layer() {
  CURRENT="$1"
  shift
  echo
  echo "=================================================================="
  echo "== $CURRENT"
  echo "==   \$ $*"
  echo "=================================================================="
  LAYER_T0="$(now_ms)"
  "$@"
  local el=$(($(now_ms) - LAYER_T0))
  echo "-- ok: $CURRENT ($(fmt_ms "$el"))"
  SUMMARY+=("ok    $(fmt_ms "$el")  $CURRENT")
  CURRENT=""
  LAYER_T0=""
}

layer "setup (install what is missing)" bash scripts/setup.sh
layer "format (cargo fmt --check)" cargo fmt --check
layer "lint native (clippy, all targets)" cargo clippy --all-targets -- -D warnings
layer "lint wasm (clippy, app binary)" cargo clippy --target wasm32-unknown-unknown --bin report-diff -- -D warnings
layer "unit/property/integration/doc tests (cargo test)" cargo test
layer "release build (trunk build --release)" trunk build --release
layer "end-to-end (headless Chromium, node --test)" node --test e2e/*.test.mjs

echo
echo "=================================================================="
echo "all layers passed"
for line in "${SUMMARY[@]}"; do echo "  $line"; done
echo "total $(fmt_ms $(($(now_ms) - T0)))"
echo "layers: ${#SUMMARY[@]} passed, 0 failed"
