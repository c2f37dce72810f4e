"""The import boundaries of product.md §3, checked on the source so a leak fails CI.

ui → sync → app, ui → app, portal → app; app imports neither Qt nor ui/sync/portal;
sync never imports Qt or ui.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

FORBIDDEN = {
    "app": {"PySide6", "shiboken6", "ui", "sync", "portal", "demo", "testing"},
    "sync": {"PySide6", "shiboken6", "ui", "portal", "demo", "testing"},
    "portal": {"PySide6", "shiboken6", "ui", "sync", "testing"},
    "demo": {"PySide6", "shiboken6", "ui", "portal", "testing"},
}


def imported_top_levels(source: str) -> set[str]:
    """Top-level package names a module imports (absolute imports only)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_respects_import_boundaries(package: str) -> None:
    leaks = []
    for path in sorted((ROOT / package).rglob("*.py")):
        bad = imported_top_levels(path.read_text(encoding="utf-8")) & FORBIDDEN[package]
        if bad:
            leaks.append(f"{path.relative_to(ROOT)} imports {sorted(bad)}")
    assert not leaks, "\n".join(leaks)


def test_checker_sees_a_leak() -> None:
    # Guards the guard: a checker that parses nothing would pass every package.
    assert imported_top_levels("from PySide6.QtCore import QObject\nimport ui.tasks") == {"PySide6", "ui"}
