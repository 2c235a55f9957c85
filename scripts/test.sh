#!/usr/bin/env bash
# Install with the development extras and run the whole test suite (offscreen, offline).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh "[dev]"
export QT_QPA_PLATFORM=offscreen HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
.venv/bin/ruff check knowledge assistant tests benchmarks
exec .venv/bin/python -m pytest "$@"
