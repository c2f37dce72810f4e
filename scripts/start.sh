#!/usr/bin/env bash
# Set everything up (first run) and open the MotCua Desk app. Extra arguments go to `motcua`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh" desk
exec "$root/.venv/bin/motcua" "$@"
