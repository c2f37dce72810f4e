#!/usr/bin/env bash
# Prepare this checkout to run MotCua Desk: Debian packages, a Python 3.11 virtualenv with the
# project installed, and the compiled translations. Idempotent: a second run only checks.
# Usage: scripts/setup.sh [desk|test|bench]
set -euo pipefail

purpose="${1:-desk}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.venv"
python="${MOTCUA_PYTHON:-python3.11}"

say() { printf 'setup: %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    say "need root to run: $*"; return 1; fi
}

# Debian packages: Qt's runtime libraries and a font with Vietnamese glyphs for the desk app,
# plus the tools the tests use. Installed only when missing.
debian_packages=(python3.11-venv libegl1 libgl1 libglib2.0-0 libfontconfig1 libdbus-1-3
  libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 fonts-dejavu-core
  libpulse0 sane-utils libsane1)
# libpulse0: QtMultimedia (webcam capture) will not load without it; sane-utils: scanimage, through
# which the desk drives SANE scanners (USB and network) on Linux.
if [ "$purpose" = "test" ]; then
  # postgresql: the portal tests start a throw-away cluster with its initdb/pg_ctl (tests/portal/pg.py).
  # The capture tests drive SANE's `test` scanner through scanimage (enabled below).
  # cups, printer-driver-cups-pdf: the printing tests print through a real CUPS-PDF queue; they
  # start the scheduler themselves (`cupsd -f`) when none runs, so no init system is needed.
  # chromium: the citizen pages are opened, filled in and photographed by a real headless browser.
  # xvfb, xdotool, x11-xserver-utils (xmodmap): the keyboard drive of the real app on a real X server (tests/ui/test_keyboard_x11.py).
  debian_packages+=(poppler-utils postgresql cups printer-driver-cups-pdf chromium xvfb xdotool x11-xserver-utils)
fi
if [ "$purpose" = "bench" ]; then
  # bench/scan_real.py compares with ocrmypdf, which drives the Tesseract command line (with the
  # same vie and eng models we ship) and unpaper (--clean); pdftotext/pdftoppm read the results.
  debian_packages+=(poppler-utils tesseract-ocr tesseract-ocr-vie tesseract-ocr-eng unpaper pngquant)
fi

ensure_debian_packages() {
  command -v dpkg-query >/dev/null || { say "not a Debian system: install Qt's libraries yourself"; return 0; }
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing Debian packages: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

ensure_venv() {
  if [ ! -x "$venv/bin/python" ]; then
    command -v "$python" >/dev/null || { say "$python not found: install Python 3.11"; exit 1; }
    say "creating virtualenv in .venv"
    "$python" -m venv "$venv"
  fi
  # Reinstall only when the dependency list changed since the last successful install.
  local stamp="$venv/.motcua-installed" want extras="desk,portal,test"
  [ "$purpose" = "bench" ] && extras="$extras,bench"
  want="$(sha256sum "$root/pyproject.toml" | cut -d' ' -f1)"
  [ "$purpose" = "bench" ] && want="$want $extras"  # a bench setup also installs the bench extra
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    say "installing Python packages (first run takes a few minutes)"
    "$venv/bin/python" -m pip install -q --upgrade pip
    "$venv/bin/python" -m pip install -q -e "$root[$extras]"
    echo "$want" > "$stamp"
  fi
}

ensure_debian_packages "${debian_packages[@]}"
ensure_venv
"$venv/bin/python" "$root/scripts/build_translations.py" >/dev/null
if [ "$purpose" = "test" ]; then
  "$root/scripts/enable_sane_test.sh"
fi
