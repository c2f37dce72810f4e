"""Where MotCua Desk keeps its files: the only module that knows platform folders.

A `--data-dir DIR` (or `MOTCUA_DATA_DIR`) switches to portable mode: store, keys, logs,
backups and blobs all live under DIR, which is what tests and USB installs use.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "MotCuaDesk"
APP_AUTHOR = "MotCua"
PROJECT_ROOT = Path(__file__).resolve().parent.parent
# A frozen (PyInstaller) build unpacks `resources/` beside the code in sys._MEIPASS.
RESOURCES_DIR = Path(getattr(sys, "_MEIPASS", PROJECT_ROOT)) / "resources"
# A file of this name beside the frozen executable switches to portable mode (USB installs).
PORTABLE_MARKER = "motcua-portable.txt"


@dataclass(frozen=True)
class DataPaths:
    """All per-installation locations, derived from one root folder."""

    root: Path
    logs: Path

    @property
    def store(self) -> Path:
        return self.root / "store.db"

    @property
    def keys(self) -> Path:
        return self.root / "keys.json"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def blobs(self) -> Path:
        return self.root / "blobs"

    @property
    def drafts(self) -> Path:
        return self.root / "drafts"

    def ensure(self) -> "DataPaths":
        for folder in (self.root, self.logs, self.backups, self.blobs):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def data_paths(data_dir: str | os.PathLike[str] | None = None) -> DataPaths:
    """Paths for an explicit data folder (portable mode) or the platform's defaults."""
    chosen = data_dir or os.environ.get("MOTCUA_DATA_DIR") or _portable_dir()
    if chosen:
        root = Path(chosen).expanduser().resolve()
        return DataPaths(root=root, logs=root / "logs")
    return DataPaths(
        root=Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)),
        logs=Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR)),
    )


def _portable_dir() -> Path | None:
    if not getattr(sys, "frozen", False):
        return None
    beside = Path(sys.executable).resolve().parent
    return beside / "data" if (beside / PORTABLE_MARKER).exists() else None


def resource(*parts: str) -> Path:
    """A file shipped in `resources/`."""
    return RESOURCES_DIR.joinpath(*parts)
