"""Where tests put the pictures they make (screens, rendered receipts).

Never into the checkout by default: a test run must not rewrite tracked files. They go to
$MOTCUA_SCREENS when set, else to <temp>/motcua-screens. `MOTCUA_SCREENS=docs/screens` is the
explicit opt-in that refreshes the published pictures in the docs (only those).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC_SCREENS = ROOT / "docs" / "screens"
SCREENS_ENV = "MOTCUA_SCREENS"


def screens_folder() -> Path:
    chosen = os.environ.get(SCREENS_ENV, "").strip()
    if not chosen:
        return Path(tempfile.gettempdir()) / "motcua-screens"
    folder = Path(chosen)
    return folder if folder.is_absolute() else ROOT / folder


def publishing_docs() -> bool:
    """True only when the run was asked to refresh docs/screens."""
    return screens_folder().resolve() == DOC_SCREENS.resolve()


def screen_path(name: str, *, publish: bool = False) -> Path | None:
    """Where picture `name` (with its suffix) goes; None when it is not one for the chosen
    folder (the docs hold the published pictures only)."""
    if publishing_docs() and not publish:
        return None
    folder = screens_folder()
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name
