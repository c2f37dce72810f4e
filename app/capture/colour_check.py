"""How much of a scan's red ink (a seal) a written PDF still shows as red.

A certified copy whose seal turned pale pink or black has lost its legal meaning, so the capture
tests and the real-page benchmark measure it the same way: count the "clearly red" pixels of the
scan, render the PDF page back at the scan's own size with pdftoppm (what a reader sees), count
again. Clearly red means a strong red channel well above both others, which excludes black print,
grey JPEG fringes and pale pink left after a seal is washed out.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image

RED_MIN = 120  # the red channel of seal ink on white paper is far above this
RED_MARGIN = 60  # red above the larger of green and blue: pink and fringes stay below


def clearly_red(rgb: np.ndarray) -> np.ndarray:
    """Boolean mask of clearly red pixels of an RGB array (H x W x 3, uint8)."""
    channels = rgb.astype(np.int16)
    red, other = channels[..., 0], channels[..., 1:].max(axis=2)
    return (red >= RED_MIN) & (red - other >= RED_MARGIN)


def render_page(pdf: Path, page: int, size: tuple[int, int]) -> Image.Image:
    """Page `page` (1-based) of `pdf` drawn by pdftoppm at exactly `size` (width, height), RGB."""
    with tempfile.TemporaryDirectory() as folder:
        stem = Path(folder) / "page"
        subprocess.run(["pdftoppm", "-f", str(page), "-l", str(page), "-png", "-singlefile",
                        "-scale-to-x", str(size[0]), "-scale-to-y", str(size[1]), str(pdf), str(stem)],
                       check=True, capture_output=True, timeout=120)
        with Image.open(stem.with_suffix(".png")) as drawn:
            return drawn.convert("RGB")


def red_kept(scan: Path | Image.Image, pdf: Path, page: int = 1) -> tuple[int, int, float]:
    """(clearly red pixels in the scan, in the PDF page drawn at the scan's size, their ratio).

    The ratio is 1.0 when the scan has no clearly red pixel (nothing to lose).
    """
    image = Image.open(scan) if isinstance(scan, Path) else scan
    try:
        original = np.asarray(image.convert("RGB"))
    finally:
        if isinstance(scan, Path):
            image.close()
    height, width = original.shape[:2]
    before = int(np.count_nonzero(clearly_red(original)))
    after = int(np.count_nonzero(clearly_red(np.asarray(render_page(Path(pdf), page, (width, height))))))
    return before, after, (after / before if before else 1.0)
