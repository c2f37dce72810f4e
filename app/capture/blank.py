"""Blank-page detection: the empty back of a duplex scan, an empty sheet fed by mistake.

A page is blank when, away from its edges, it carries no ink beyond paper specks. The test is
deliberately about marks a person would see (a short word, a tick, a faint signature counts as
content): a dropped page in a legal dossier is worse than one kept by mistake.
"""

from __future__ import annotations

import cv2
import numpy as np

# Edges carry shadows, punch holes and scanner borders, not content.
_MARGIN = 0.05
# Ink: clearly darker than the (normalised, ~255) paper.
_INK_LEVEL = 160
# Specks smaller than this (in mm^2) are dust and paper fibres, not marks.
_MIN_MARK_MM2 = 0.6
# Blank when all marks together cover less than this many mm^2 (a short handwritten word is ~20).
_MAX_INK_MM2 = 4.0


def ink_area_mm2(gray: np.ndarray, dpi: float) -> float:
    """Area in mm^2 of the marks inside the margins of a normalised grey page."""
    h, w = gray.shape
    my, mx = int(h * _MARGIN), int(w * _MARGIN)
    inner = gray[my:h - my, mx:w - mx]
    if inner.size == 0:
        return 0.0
    ink = (inner < _INK_LEVEL).astype(np.uint8)
    mm2_per_px = (25.4 / dpi) ** 2
    total = float(np.count_nonzero(ink)) * mm2_per_px
    if total < _MAX_INK_MM2 or total > 50 * _MAX_INK_MM2:
        return total  # clearly blank or clearly written on: skip the per-mark count
    count, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    areas = stats[1:, cv2.CC_STAT_AREA] * mm2_per_px
    return float(areas[areas >= _MIN_MARK_MM2].sum())


def is_blank(gray: np.ndarray, dpi: float) -> bool:
    """True when the page shows no mark a reader would notice."""
    return ink_area_mm2(gray, dpi) < _MAX_INK_MM2
