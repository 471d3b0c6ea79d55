#!/usr/bin/env bash
# Idempotent installer for everything report-diff needs to build, serve and test.
# Every step skips what is already installed at the right version, so a warm run
# takes seconds. Works on a fresh Debian machine with rustup, cargo, node/npm and apt.
#
#   bash scripts/setup.sh        # install / check
#   source scripts/env.sh        # then put the tools on PATH in your shell
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

ok() { echo "ok: $*"; }
installing() { echo "installing $*"; }
die() { echo "setup: error: $*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

for tool in rustup cargo node npm; do
  command -v "$tool" >/dev/null || die "$tool not found on PATH (needs rustup, cargo, node and npm)"
done

# --- Rust: wasm target, rustfmt, clippy ---------------------------------------
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  ok "rust target wasm32-unknown-unknown already installed"
else
  installing "rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
components="$(rustup component list --installed)"
for comp in rustfmt clippy; do
  if grep -q "^$comp" <<<"$components"; then
    ok "rust component $comp already installed"
  else
    installing "rust component $comp"
    rustup component add "$comp"
  fi
done

# --- trunk ^0.21 -----------------------------------------------------------------
trunk_version="$(trunk --version 2>/dev/null || true)"
if [[ "$trunk_version" =~ ^trunk\ 0\.21\. ]]; then
  ok "trunk already installed ($trunk_version)"
else
  installing "trunk ^0.21 (was: ${trunk_version:-none}; takes several minutes)"
  cargo install trunk --version '^0.21' --locked
fi

# --- wasm-bindgen-cli == the wasm-bindgen crate in Cargo.lock ----------------------
if [ ! -f Cargo.lock ]; then
  installing "Cargo.lock (cargo generate-lockfile)"
  cargo generate-lockfile
fi
wb_want="$(awk '
  /^\[\[package\]\]/ { name = "" }
  /^name = / { name = $3; gsub(/"/, "", name) }
  /^version = / && name == "wasm-bindgen" { v = $3; gsub(/"/, "", v); print v; exit }
' Cargo.lock)"
[ -n "$wb_want" ] || die "no wasm-bindgen package in Cargo.lock"
wb_have="$(wasm-bindgen --version 2>/dev/null || true)"
if [ "$wb_have" = "wasm-bindgen $wb_want" ]; then
  ok "wasm-bindgen-cli already installed ($wb_have)"
else
  installing "wasm-bindgen-cli $wb_want (was: ${wb_have:-none}; takes several minutes)"
  # Not --locked: one of its locked dependencies is missing from the registry mirror.
  cargo install wasm-bindgen-cli --version "=$wb_want" --force
fi

# --- npm packages (wasm-opt from binaryen, playwright-core, axe) -------------------
# node_modules/.rd-setup-stamp holds the hash of the package-lock.json it was
# installed from (plus the node version); npm ci only when that changed.
[ -f package-lock.json ] || die "package-lock.json missing (run npm install and commit it)"
npm_stamp="$( { sha256sum package-lock.json | cut -d' ' -f1; node --version; } | tr '\n' ' ')"
if [ -f node_modules/.rd-setup-stamp ] && [ "$(cat node_modules/.rd-setup-stamp)" = "$npm_stamp" ] \
   && [ -x node_modules/.bin/wasm-opt ]; then
  ok "npm packages already installed (package-lock.json unchanged)"
else
  installing "npm packages (npm ci)"
  npm ci --no-audit --no-fund
  echo "$npm_stamp" > node_modules/.rd-setup-stamp
fi

# --- Trunk.toml pins must match what is installed (trunk runs offline) ------------
if [ -f Trunk.toml ]; then
  pinned_wb="$(sed -n 's/^[[:space:]]*wasm_bindgen[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' Trunk.toml | head -n1)"
  if [ -n "$pinned_wb" ] && [ "$pinned_wb" != "$wb_want" ]; then
    die "Trunk.toml pins wasm_bindgen = \"$pinned_wb\" but Cargo.lock has wasm-bindgen $wb_want"
  fi
  pinned_wo="$(sed -n 's/^[[:space:]]*wasm_opt[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' Trunk.toml | head -n1)"
  wo_have="$(wasm-opt --version 2>/dev/null || true)"
  if [ -n "$pinned_wo" ] && [[ "$wo_have" != *"($pinned_wo)"* && "$wo_have" != *" ${pinned_wo#version_}"* ]]; then
    die "Trunk.toml pins wasm_opt = \"$pinned_wo\" but wasm-opt says: ${wo_have:-not found}"
  fi
fi

# --- Debian packages: Chromium for the end-to-end tests, CJK fonts so the Chinese
# --- reports render in it (not as tofu boxes); one apt-get run for what is missing
apt_missing=()
if [ -x "$CHROMIUM" ]; then
  ok "chromium already installed ($CHROMIUM)"
else
  apt_missing+=(chromium chromium-driver)
fi
if command -v fc-list >/dev/null && [ -n "$(fc-list :lang=zh 2>/dev/null | head -n1)" ]; then
  ok "CJK fonts already installed"
else
  apt_missing+=(fonts-noto-cjk)
fi
if [ "${#apt_missing[@]}" -gt 0 ]; then
  installing "${apt_missing[*]} (apt-get)"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "${apt_missing[@]}"
  [ -x "$CHROMIUM" ] || die "chromium installed but $CHROMIUM is missing (set CHROMIUM=...)"
fi

# --- crates (trunk's offline mode passes --offline to cargo) ----------------------
echo "fetching crates (cargo fetch)"
cargo fetch
ok "setup complete"
