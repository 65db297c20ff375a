#!/usr/bin/env bash
# Set up, then run the bot with the settings in .env or the environment.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/rakor run "$@"
