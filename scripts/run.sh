#!/usr/bin/env bash
# Install, load the demo knowledge pack once, and start the assistant on its offline default.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export CLINASSIST_HOME="${CLINASSIST_HOME:-$PWD/.demo-home}"
.venv/bin/clinassist demo          # loads the demo pack once; later runs skip unchanged files
exec .venv/bin/clinassist app
