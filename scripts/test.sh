#!/usr/bin/env bash
# Set up, then lint, check types and layers, and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/lint-imports
.venv/bin/mypy bot handlers jobs storage bench
.venv/bin/pytest "$@"
