#!/usr/bin/env bash
# Install what is missing, then serve the app with trunk (default http://127.0.0.1:8080/).
# Extra arguments go to `trunk serve`, e.g.: bash scripts/serve.sh --port 9000 --release
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
bash scripts/setup.sh
exec trunk serve "$@"
