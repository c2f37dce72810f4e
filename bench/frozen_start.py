"""frozen_start: the installed (frozen) desk app's start, and the bundle's size on disk.

Each run starts the PyInstaller executable offscreen on a new computer (an empty home folder) and
times it until its log says the first window (first-run setup) is shown; the child's CPU time and
the machine's load average are reported beside the wall clock, since the machine is shared.

    python -m bench.frozen_start --exe dist/motcua/motcua [--runs 5]
    python -m bench.frozen_start --exe /opt/motcua-desk/motcua      # the installed .deb
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import tempfile
import time
from pathlib import Path

from bench._common import report

SHOWN = "desk app started"
GIVE_UP_S = 120


def bundle_mib(exe: Path) -> float:
    folder = exe.resolve().parent
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink()) / 2**20


def one_start(exe: Path) -> tuple[float, float]:
    """(wall seconds, child CPU seconds) to the first window of a fresh installation."""
    with tempfile.TemporaryDirectory(prefix="motcua-frozen-start-") as home:
        env = {**os.environ, "HOME": home, "XDG_DATA_HOME": f"{home}/share", "XDG_STATE_HOME": f"{home}/state",
               "QT_QPA_PLATFORM": "offscreen"}
        log = Path(home) / "state" / "MotCuaDesk" / "log" / "motcua.log"
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.monotonic()
        child = subprocess.Popen([str(exe)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            while not (log.exists() and SHOWN in log.read_text(encoding="utf-8")):
                if child.poll() is not None or time.monotonic() - start > GIVE_UP_S:
                    raise SystemExit(f"the desk app did not start; see {log}")
                time.sleep(0.02)
            wall = time.monotonic() - start
        finally:
            child.kill()
            child.wait()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        # CPU until killed: slightly more than to the first window (the kill follows within 20 ms).
        return wall, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exe", type=Path, required=True, help="the frozen `motcua` executable")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    runs = [one_start(args.exe) for _ in range(args.runs)]
    report("frozen_start", unit="s", samples=[wall for wall, _cpu in runs], target=None,
           cpu_s=[round(cpu, 2) for _wall, cpu in runs], load_average=[round(x, 2) for x in os.getloadavg()],
           bundle_mib=round(bundle_mib(args.exe), 1))


if __name__ == "__main__":
    main()
