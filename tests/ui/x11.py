"""A real X server (Xvfb) and real key events (xdotool) for driving the desk app as a user does.

The app runs as its own process on the X server with Qt's xcb platform, exactly as on a desk;
the keys go through the X server to whichever window has the input focus, so a dialog that
does not take the focus, a shortcut that is not bound, or a field that needs the mouse shows up
as a key landing in the wrong place. Waits poll a condition against a deadline; nothing is
checked by sleeping.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

SCREEN = "1366x768x24"  # the commonest desk laptop screen at commune offices
POLL_S = 0.05
FIRST_DISPLAY = 140  # above the displays people and CI usually take
T = TypeVar("T")


def missing_tools() -> list[str]:
    """The programs this needs that are not on PATH (Xvfb, xdotool)."""
    return [name for name in ("Xvfb", "xdotool") if shutil.which(name) is None]


@contextmanager
def xvfb(log: Path, *, screen: str = SCREEN) -> Iterator[str]:
    """An Xvfb server on a free display; yields ":N". Raises RuntimeError naming why when no
    server could start (the caller skips on it)."""
    for number in range(FIRST_DISPLAY, FIRST_DISPLAY + 40):
        if Path(f"/tmp/.X{number}-lock").exists():
            continue  # another server holds it
        with open(log, "ab") as errors:
            proc = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", screen, "-nolisten", "tcp",
                                     "-noreset"], stdout=subprocess.DEVNULL, stderr=errors)
        display = f":{number}"
        if _answers(display, proc):
            try:
                yield display
            finally:
                proc.terminate()
                proc.wait(10)
            return
        if proc.poll() is None:
            proc.terminate()
        proc.wait(10)
    raise RuntimeError(f"Xvfb did not start: {log.read_text(errors='replace')[-400:]}")


def _answers(display: str, proc: subprocess.Popen[bytes]) -> bool:
    """True once the server on `display` answers a client; False if it exits (display taken)."""
    deadline = time.monotonic() + 30
    while proc.poll() is None and time.monotonic() < deadline:
        done = subprocess.run(["xdotool", "getdisplaygeometry"], env={**os.environ, "DISPLAY": display},
                              capture_output=True, timeout=30)
        if done.returncode == 0:
            return True
        time.sleep(POLL_S)  # polling for the server's socket
    return False


def wait_for(what: str, check: Callable[[], T | None], timeout: float = 20.0,
             on_timeout: Callable[[], str] = lambda: "") -> T:
    """Poll `check` until it returns something truthy; fail naming `what` after `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}. {on_timeout()}")
        time.sleep(POLL_S)  # polling interval, not a check


class Keyboard:
    """xdotool against one X display: keys to the focused window, the focused window's title,
    screenshots of the whole screen."""

    def __init__(self, display: str, shots: Path) -> None:
        self.env = {**os.environ, "DISPLAY": display}
        self.shots = shots
        self.count = 0

    def _run(self, *argv: str) -> str:
        done = subprocess.run(["xdotool", *argv], env=self.env, capture_output=True, text=True, timeout=60)
        return done.stdout.strip()

    def key(self, *keys: str) -> None:
        self._run("key", "--delay", "30", *keys)

    def type(self, text: str) -> None:
        """ASCII at a reader's pace; a letter outside the keyboard's map (ữ, ầ) on its own, with
        room after it: xdotool maps it to a spare key code first, and a client that reads the key
        before the new map can see another letter."""
        for run in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]", text):
            if run.isascii():
                self._run("type", "--delay", "8", run)
            else:
                self._run("type", "--delay", "60", run)

    def focused_title(self) -> str:
        return self._run("getwindowfocus", "getwindowname")

    def wait_focus(self, pattern: str, timeout: float = 20.0) -> str:
        """Wait until the window with the input focus has a title matching `pattern` (a regex)."""
        regex = re.compile(pattern)
        return wait_for(f"a focused window titled /{pattern}/",
                        lambda: (title if regex.search(title := self.focused_title()) else None),
                        timeout, lambda: f"Focused now: {self.focused_title()!r}; screen: {self.shot('timeout')}")

    def shot(self, name: str, target: Path | None = None) -> Path | None:
        """The whole screen as PNG (ImageMagick's import); None when it is not installed."""
        if shutil.which("import") is None:
            return None
        self.count += 1
        path = target or self.shots / f"{self.count:02d}-{name}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["import", "-window", "root", str(path)], env=self.env, timeout=60, check=False)
        return path
