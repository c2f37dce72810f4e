"""Test-wide fixtures: offscreen Qt, a throw-away data folder per test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Argon2id at full strength costs ~0.2 s per derivation; tests create many stores.
os.environ.setdefault("MOTCUA_KDF_PROFILE", "test")


# Files of a minute or more, slowest first. With two workers (scripts/test.sh) they start at once,
# beside the many short files, instead of leaving one worker busy alone at the end of the run.
SLOW_FILES = (
    "tests/test_frozen_build.py",
    "tests/ui/test_dossier_list.py",
    "tests/sync/test_desk_kill.py",
    "tests/ui/test_keyboard_x11.py",
    "tests/sync/test_fault_proxy.py",
    "tests/sync/test_demo.py",
    "tests/app/test_register.py",
    "tests/ui/test_capture_panel.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {name: index for index, name in enumerate(SLOW_FILES)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::", 1)[0], len(rank)))  # stable


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """An empty portable-mode data folder."""
    folder = tmp_path / "data"
    folder.mkdir()
    return folder
