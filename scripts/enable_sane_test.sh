#!/usr/bin/env bash
# Enable SANE's `test` backend (a virtual scanner with flatbed, ADF and duplex) so the capture
# tests can drive `scanimage` through the real code path without hardware. Idempotent: a second
# run changes nothing. Needs root (writes /etc/sane.d/dll.conf); installs sane-utils if missing.
# Usage: scripts/enable_sane_test.sh
set -euo pipefail

conf="${SANE_DLL_CONF:-/etc/sane.d/dll.conf}"

say() { printf 'enable_sane_test: %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    say "need root to run: $*"; return 1; fi
}

if ! command -v scanimage >/dev/null; then
  say "installing sane-utils and libsane1"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    sane-utils libsane1 >/dev/null
fi

if [ ! -f "$conf" ]; then
  say "$conf not found: is libsane1 installed?"
  exit 1
fi

# Already enabled: a line that is exactly `test` (spaces allowed), not the shipped `#test`.
if grep -Eq '^[[:space:]]*test[[:space:]]*$' "$conf"; then
  exit 0
fi

if grep -Eq '^[[:space:]]*#[[:space:]]*test[[:space:]]*$' "$conf"; then
  as_root sed -i -E 's/^[[:space:]]*#[[:space:]]*test[[:space:]]*$/test/' "$conf"
else
  printf 'test\n' | as_root tee -a "$conf" >/dev/null
fi
say "enabled the SANE test backend in $conf"
