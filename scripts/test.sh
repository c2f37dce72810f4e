#!/usr/bin/env bash
# Set everything up (first run) and run the test suite headless. Extra arguments go to pytest.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh" test
cd "$root"
# The typed contracts of app/, sync/ and portal/ (pyproject's [tool.mypy]) before the tests.
"$root/.venv/bin/python" -m mypy
export QT_QPA_PLATFORM=offscreen
exec "$root/.venv/bin/python" -m pytest "$@"
