"""Test-wide fixtures: offscreen Qt, a throw-away data folder per test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Argon2id at full strength costs ~0.2 s per derivation; tests create many stores.
os.environ.setdefault("MOTCUA_KDF_PROFILE", "test")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """An empty portable-mode data folder."""
    folder = tmp_path / "data"
    folder.mkdir()
    return folder
