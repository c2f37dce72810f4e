#!/usr/bin/env bash
# Set everything up (first run) and run the test suite headless. Extra arguments go to pytest.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh" test
cd "$root"
# The typed contracts of app/, sync/ and portal/ (pyproject's [tool.mypy]) before the tests.
"$root/.venv/bin/python" -m mypy
export QT_QPA_PLATFORM=offscreen
# Two workers (MOTCUA_TEST_WORKERS, 0 for one process): each file runs whole on one worker, so its
# module fixtures (the frozen build, the 100,000-dossier store) are made once; the slow files go
# first (tests/conftest.py). `-n 0` on the command line runs everything in this process.
exec "$root/.venv/bin/python" -m pytest -n "${MOTCUA_TEST_WORKERS:-2}" --dist loadfile --no-loadscope-reorder "$@"
