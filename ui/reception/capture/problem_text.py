"""Capture problems in the official's language.

The capture back end explains each problem in English for logs and the command line and gives
it a kind with parameters (the file, the page, the scanner); the panel shows the kind's translated
sentence (ui/problem_texts/capture.py), which names what it concerns, never the English.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.capture.sources.base import CaptureError
from app.errors import MotcuaError
from ui.errors import error_text


def capture_error_text(error: MotcuaError) -> str:
    """The sentence for a capture problem; for a scanner job cut short, also what was kept."""
    text = error_text(error)
    kept = len(error.pages) if isinstance(error, CaptureError) else 0
    if kept:
        saved = QCoreApplication.translate("CaptureProblems", "The %1 page(s) scanned before were kept.")
        text += " " + saved.replace("%1", str(kept))
    return text
