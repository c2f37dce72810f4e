"""A page turned in the reception screen keeps its OCR image on the same pixels as its layers."""

from __future__ import annotations

import numpy as np
from PIL import Image

from app.capture.pages import ProcessedPage
from ui.reception.capture.pages import rotate_page


def test_turning_a_page_turns_the_grey_image_that_ocr_reads() -> None:
    grey = np.full((60, 40), 255, np.uint8)
    grey[5:15, 3:30] = 0  # a "line of print" near the top
    page = ProcessedPage(mode="bw", dpi=200, width_px=40, height_px=60,
                         mask=Image.fromarray(grey >= 128), grey=Image.fromarray(grey))
    for turns in (1, 2, 3):
        turned = rotate_page(page, turns)
        assert turned.grey is not None and turned.mask is not None
        assert turned.grey.size == turned.mask.size == (turned.width_px, turned.height_px)
        # Ink in the OCR image is exactly where the stored layer has it: the text layer lands on it.
        assert np.array_equal(np.asarray(turned.grey) < 128, ~np.asarray(turned.mask))
