# shellcheck shell=bash
# Source me: puts the project's tools on PATH and cds to the repo root.
#   source scripts/env.sh
# Used by scripts/setup.sh, scripts/serve.sh and scripts/test.sh.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export REPO_ROOT
cd "$REPO_ROOT"

_rd_path_prepend() {
  case ":$PATH:" in
    *":$1:"*) ;;
    *) PATH="$1:$PATH" ;;
  esac
}
# cargo-installed tools (trunk, wasm-bindgen) and npm's binaryen (wasm-opt) must be
# found by trunk, which runs offline and would otherwise try to download them.
_rd_path_prepend "${CARGO_HOME:-$HOME/.cargo}/bin"
_rd_path_prepend "$REPO_ROOT/node_modules/.bin"
unset -f _rd_path_prepend
export PATH

# Default browser for the end-to-end tests (Debian's chromium).
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
