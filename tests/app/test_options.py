"""Settings are declared once (app/options.py); nothing else spells a setting's key."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from app import options
from app.options import OPTIONS, Option

ROOT = Path(__file__).resolve().parents[2]


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _audit_actions(tree: ast.AST) -> set[int]:
    """An audit action may share its text with a setting ("sync.bundle_exported"): not a key."""
    return {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.keyword) and node.arg == "action"}


def test_no_setting_key_is_spelled_outside_app_options() -> None:
    keys = set(OPTIONS)
    spelled = []
    for folder in ("app", "sync", "ui", "portal"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path == ROOT / "app" / "options.py":
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            skip = _docstrings(tree) | _audit_actions(tree)
            spelled += [f"{path.relative_to(ROOT)}:{node.lineno} {node.value}" for node in ast.walk(tree)
                        if isinstance(node, ast.Constant) and node.value in keys and id(node) not in skip]
    assert spelled == [], "use the Option from app/options.py instead of its key:\n" + "\n".join(spelled)


def test_a_key_cannot_be_declared_twice() -> None:
    with pytest.raises(ValueError, match="declared twice"):
        Option(options.CURSOR.key, 0, "again")
    assert all(option.doc for option in OPTIONS.values())
