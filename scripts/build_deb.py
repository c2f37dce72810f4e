"""Package the frozen one-folder build (installer/motcua.spec) as a Debian package with dpkg-deb.

Usage (from the project root, after `pyinstaller installer/motcua.spec`):
    python scripts/build_deb.py [--bundle dist/motcua] [--out dist]

The package installs the bundle under /opt/motcua-desk, the `motcua` (commands) and `motcua-desk`
(the desk app) launchers in /usr/bin, the desktop entry and the icon. Its Depends are the
Debian packages scripts/setup.sh installs for the desk (one list, read from there), minus the
Python ones: the bundle carries its own interpreter.

User data is never touched by removal or purge: it lives in each user's platformdirs data folder
(~/.local/share/MotCuaDesk on Linux, see app/paths.py), or beside the bundle only in portable
mode, which an installed package never uses. The maintainer scripts only refresh the desktop and
icon caches.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "motcua-desk"
INSTALL_DIR = Path("opt") / PACKAGE
# Packages setup.sh lists for building a virtualenv, not needed by a bundle that carries Python.
NOT_AT_RUN_TIME = {"python3.11-venv"}

# The launchers find the bundle relative to themselves (/usr/bin/../../opt/motcua-desk), so the
# same files also work when the package is unpacked into a throw-away root for testing.
LAUNCHER = """#!/bin/sh
# {what}
here="$(dirname "$(readlink -f "$0")")"
exec "$here/../../{install_dir}/motcua" "$@"
"""

# Debian's caches of desktop entries and icons; both tools are optional, so never fail on them.
# $DPKG_ROOT is set by dpkg when installing into another root (`dpkg --root`), empty otherwise.
CACHES = """if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database -q "$DPKG_ROOT/usr/share/applications" || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then
  gtk-update-icon-cache -q -t -f "$DPKG_ROOT/usr/share/icons/hicolor" || true
fi
"""
POSTINST = "#!/bin/sh\nset -e\n" + CACHES
# Removal and purge delete only the files dpkg installed (under /opt and /usr). Each user's store,
# keys, backups and logs under ~/.local/share/MotCuaDesk stay: they hold the commune's dossiers.
POSTRM = ("#!/bin/sh\nset -e\n# Never delete user data (~/.local/share/MotCuaDesk): it holds the "
          "commune's dossiers and keys.\n" + CACHES)


def project_version() -> str:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    found = re.search(r'^version\s*=\s*"([^"]+)"', text, re.MULTILINE)
    if not found:
        raise SystemExit("pyproject.toml: no version = \"…\" line")
    return found.group(1)


def runtime_depends() -> list[str]:
    """The desk's Debian packages from scripts/setup.sh (its first `debian_packages=(…)` list)."""
    text = (ROOT / "scripts" / "setup.sh").read_text(encoding="utf-8")
    found = re.search(r"^debian_packages=\(([^)]*)\)", text, re.MULTILINE)
    if not found:
        raise SystemExit("scripts/setup.sh: no debian_packages=(…) list")
    names = [line.split("#")[0] for line in found.group(1).splitlines()]
    return [name for name in " ".join(names).split() if name not in NOT_AT_RUN_TIME]


def architecture() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()


def _write(path: Path, text: str, executable: bool = False) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(0o755 if executable else 0o644)


def _tree_kib(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink()) // 1024 + 1


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system, or links not allowed
        shutil.copy2(source, target)


def stage(bundle: Path, staging: Path) -> None:
    """Lay out the package's files under `staging` (the future / of the target machine)."""
    if not (bundle / "motcua").is_file():
        raise SystemExit(f"--bundle: {bundle} has no `motcua` executable; run PyInstaller first")
    # Hard links where the file system allows: the bundle is hundreds of megabytes.
    shutil.copytree(bundle, staging / INSTALL_DIR, symlinks=True, copy_function=_link_or_copy)
    _write(staging / "usr" / "bin" / "motcua",
           LAUNCHER.format(what="MotCua Desk's commands (motcua --help).", install_dir=INSTALL_DIR), True)
    _write(staging / "usr" / "bin" / "motcua-desk",
           LAUNCHER.format(what="MotCua Desk: the desk app.", install_dir=INSTALL_DIR), True)
    entry = (ROOT / "installer" / "motcua-desk.desktop").read_text(encoding="utf-8")
    _write(staging / "usr" / "share" / "applications" / f"{PACKAGE}.desktop", entry)
    icon = (ROOT / "installer" / "motcua-desk.svg").read_text(encoding="utf-8")
    _write(staging / "usr" / "share" / "icons" / "hicolor" / "scalable" / "apps" / f"{PACKAGE}.svg", icon)
    # dpkg-deb refuses group/other-writable control files and wants readable, traversable folders.
    for path in staging.rglob("*"):
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)
        elif path.is_file() and not path.is_symlink():
            mode = path.stat().st_mode
            want = 0o755 if mode & stat.S_IXUSR else 0o644
            if mode & 0o7777 != want:
                if path.stat().st_nlink > 1:  # a link to the bundle's file: change a copy, not it
                    copy = path.with_name(path.name + ".copy")
                    shutil.copy2(path, copy)
                    os.replace(copy, path)
                path.chmod(want)


def control(staging: Path, version: str, arch: str) -> str:
    return (f"Package: {PACKAGE}\nVersion: {version}\nSection: misc\nPriority: optional\n"
            f"Architecture: {arch}\nMaintainer: MotCua <motcua@localhost>\n"
            f"Installed-Size: {_tree_kib(staging)}\n"
            f"Depends: {', '.join(runtime_depends())}\n"
            "Description: receive administrative dossiers at a commune's one-stop desk\n"
            " MotCua Desk receives dossiers offline, keeps them in an encrypted store and\n"
            " syncs them to the province's portal. Removing or purging the package keeps\n"
            " every user's data (~/.local/share/MotCuaDesk).\n")


def build(bundle: Path, out: Path, level: int = 6) -> Path:
    """Build the .deb from `bundle` into folder `out` (gzip `level`, 1 quickest); returns its path."""
    version, arch = project_version(), architecture()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="motcua-deb-") as work:
        staging = Path(work) / "root"
        stage(bundle, staging)
        debian = staging / "DEBIAN"
        _write(debian / "control", control(staging, version, arch))
        _write(debian / "postinst", POSTINST, True)
        _write(debian / "postrm", POSTRM, True)
        target = out / f"{PACKAGE}_{version}_{arch}.deb"
        # --root-owner-group: files owned by root in the package even when built by a user;
        # gzip: quicker than the default xz, and the bundle is mostly compressed libraries.
        subprocess.run(["dpkg-deb", "--root-owner-group", "-Zgzip", f"-z{level}", "--build", str(staging),
                        str(target)], check=True, capture_output=True,
                       env={**os.environ, "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "0")})
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "motcua",
                        help="the PyInstaller one-folder build (default: dist/motcua)")
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="where to write the .deb")
    parser.add_argument("--level", type=int, default=6, choices=range(1, 10), help="gzip level (default 6)")
    args = parser.parse_args(argv)
    print(build(args.bundle, args.out, args.level))
    return 0


if __name__ == "__main__":
    sys.exit(main())
