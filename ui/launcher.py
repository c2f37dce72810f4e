"""The installed `motcua` entry point: the command line, plus the desk app when no command is given.

It lives in `ui` because opening the desk app needs Qt, which `app` may not import; Qt itself is
only imported when the desk app really opens, so commands start fast and work without a display.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Sequence

from app.cli.main import main as cli_main
from app.paths import DataPaths


def open_desk(paths: DataPaths) -> int:
    from ui.app import run

    return run(paths)


def installed_command_modules() -> tuple[str, ...]:
    """Command groups of the packages present in this installation (sync, the demo, the reference portal)."""
    return tuple(module for module in ("sync.cli", "demo.cli", "portal.cli") if _present(module))


def _present(module: str) -> bool:
    # find_spec imports the parent package, which raises when it is not installed at all
    # (the frozen desk build ships sync but not the reference portal).
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


def main(argv: Sequence[str] | None = None) -> int:
    return cli_main(argv, open_desk=open_desk, extra_commands=installed_command_modules())


if __name__ == "__main__":
    sys.exit(main())
