"""Capture problems in the official's language.

The capture back end explains each problem in English for logs and the command line, always
starting with what it concerns (a file, "file page 2", a scanner). The screen keeps that name
and replaces the explanation by a translated sentence chosen by the kind of problem; a problem
this table does not know keeps the back end's own words, so nothing is ever hidden.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from app.capture.sources.base import DeviceLostError
from app.capture.sources.base import NoPaperError
from app.errors import MotcuaError


def _known() -> tuple[tuple[str, str], ...]:
    """(pattern of the English explanation, translated sentence), most specific first."""
    return (
        (r"file not found|no such file",
         QCoreApplication.translate("CaptureProblems", "the file no longer exists.")),
        (r"the file is empty",
         QCoreApplication.translate("CaptureProblems", "the file is empty (0 bytes).")),
        (r"damaged or truncated|no image data|the PDF is damaged|cannot be drawn",
         QCoreApplication.translate("CaptureProblems",
                                    "the file is damaged or incomplete; copy or scan it again.")),
        (r"not an image or PDF|not a supported file type",
         QCoreApplication.translate("CaptureProblems",
                                    "not an image or a PDF; use JPEG, PNG, TIFF or PDF.")),
        (r"too large|pixels is more than",
         QCoreApplication.translate("CaptureProblems",
                                    "the image is far too large to be a page; it was refused.")),
        (r"encrypted",
         QCoreApplication.translate("CaptureProblems", "the PDF is protected by a password; save an "
                                                       "unprotected copy and import that.")),
        (r"scripts or actions|JavaScript|launch action",
         QCoreApplication.translate("CaptureProblems",
                                    "the PDF contains scripts or actions, which are not accepted.")),
        (r"dpi floor",
         QCoreApplication.translate("CaptureProblems", "the resolution is too low to be read reliably; "
                                                       "scan again at 200 dpi (300 dpi for an ID card).")),
    )


def _sentence(explanation: str) -> str | None:
    """The translated sentence for the explanation part of a back-end message, if known."""
    for pattern, sentence in _known():
        if re.search(pattern, explanation, re.IGNORECASE):
            return sentence
    return None


def capture_problem_text(message: str) -> str:
    """"hong.jpg: <translated sentence>" for a message of the form "<what>: <explanation>"."""
    what, sep, explanation = message.partition(": ")
    sentence = _sentence(explanation if sep else message)
    if sentence is None:
        return message
    name = re.sub(r"^file:", "", what).rsplit("/", 1)[-1] if sep else ""
    return f"{name}: {sentence}" if name else sentence[0].upper() + sentence[1:]


def capture_error_text(error: MotcuaError) -> str:
    """The sentence for a failed capture job (scanner errors first, then file problems)."""
    if isinstance(error, NoPaperError):
        return QCoreApplication.translate(
            "CaptureProblems", "The document feeder is empty: put the pages in and scan again.")
    if isinstance(error, DeviceLostError):
        kept = len(getattr(error, "pages", ()) or ())
        text = QCoreApplication.translate(
            "CaptureProblems", "The scanner stopped answering in the middle of the job.")
        if kept:
            saved = QCoreApplication.translate("CaptureProblems", "The %1 page(s) scanned before were kept.")
            text += " " + saved.replace("%1", str(kept))
        return text
    return capture_problem_text(error.message)
