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
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

SCREEN = "1366x768x24"  # the commonest desk laptop screen at commune offices
POLL_S = 0.05
FIRST_DISPLAY = 140  # above the displays people and CI usually take
T = TypeVar("T")


def missing_tools() -> list[str]:
    """The programs this needs that are not on PATH (Xvfb, xdotool, xmodmap)."""
    return [name for name in ("Xvfb", "xdotool", "xmodmap") if shutil.which(name) is None]


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
        self._run("type", "--delay", "8", text)

    def map_letters(self, texts: Iterable[str]) -> None:
        """Give every letter of `texts` outside the keyboard's map (ữ, ầ, ý…) a key code of its
        own, before the app starts. Left to itself xdotool maps such a letter to a spare key
        code just for the key press and takes it back at once; an app that reads the key after
        that sees no letter, and "Đã ký" arrives as "Đã k"."""
        letters = sorted({ch for text in texts for ch in text if not ch.isascii() and ch.isalpha()})
        table = subprocess.run(["xmodmap", "-pke"], env=self.env, capture_output=True, text=True,
                               timeout=30, check=True).stdout
        free = [int(m.group(1)) for m in re.finditer(r"^keycode\s+(\d+)\s*=\s*$", table, re.MULTILINE)]
        pairs = [letters[i:i + 2] for i in range(0, len(letters), 2)]  # plain and with Shift
        if len(free) < len(pairs):
            raise RuntimeError(f"only {len(free)} free key codes for {len(letters)} letters")
        lines = [f"keycode {code} = " + " ".join(f"U{ord(ch):04X}" for ch in pair) for code, pair in zip(free, pairs)]
        subprocess.run(["xmodmap", "-"], input="\n".join(lines), env=self.env, text=True, timeout=30, check=True)

    def focused_title(self) -> str:
        return self._run("getwindowfocus", "getwindowname")

    def wait_focus(self, pattern: str, timeout: float = 20.0) -> str:
        """Wait until the window with the input focus has a title matching `pattern` (a regex)."""
        regex = re.compile(pattern)
        return wait_for(f"a focused window titled /{pattern}/",
                        lambda: (title if regex.search(title := self.focused_title()) else None),
                        timeout, lambda: f"Focused now: {self.focused_title()!r}; screen: {self.shot('timeout')}")

    def focused(self) -> str:
        """The id of the window with the input focus."""
        return self._run("getwindowfocus")

    def fill_screen(self, window: str) -> None:
        """The window over the whole screen, as a desk's full-screen app (there is no window
        manager to maximise it)."""
        width, height = self._run("getdisplaygeometry").split()
        self._run("windowmove", window, "0", "0")
        self._run("windowsize", window, width, height)

    def settled_shot(self, target: Path, tries: int = 40) -> Path | None:
        """The screen once it stops changing (rows loaded, a chart drawn): two captures in a
        row with the same pixels; after `tries`, the last one (a blinking text cursor)."""
        from PIL import Image

        previous = None
        for _ in range(tries):
            path = self.shot("settling", target)
            if path is None:
                return None
            with Image.open(path) as image:
                pixels = image.convert("RGB").tobytes()
            if pixels == previous:
                break
            previous = pixels
            time.sleep(0.2)  # pacing between captures; the check is the equality
        return target

    def shot(self, name: str, target: Path | None = None) -> Path | None:
        """The whole screen as PNG (ImageMagick's import); None when it is not installed."""
        if shutil.which("import") is None:
            return None
        self.count += 1
        path = target or self.shots / f"{self.count:02d}-{name}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["import", "-window", "root", str(path)], env=self.env, timeout=60, check=False)
        return path
