"""Lighting and background normalisation: make the paper white and even, leave the ink alone.

A scan or photo is (paper colour x illumination x ink). Estimating the first two as a smooth
"background" and dividing it out removes cream paper, scanner falloff and the light gradient of
a phone photo in one step. Dividing per channel white-balances too, while inks keep their hue:
a red seal on cream paper is still red on white paper afterwards.
"""

from __future__ import annotations

import cv2
import numpy as np

# The background is estimated at 1/8 scale: ink strokes vanish under the max filter there, and
# the cost at full size is one resize and one multiply.
_SCALE = 8
_FINE = 7  # max filter at 1/8 scale: ~56 px full size, wider than any text stroke or line gap
_COARSE = 31  # ~250 px full size: reaches round any photo or card printed on a page
# Light changes slowly across a sheet; a fine estimate well below the coarse one is therefore
# an object (a photo on a form), not shade, and is left as printed instead of washed out.
_OBJECT = 0.85
# Where even the coarse estimate is far darker than the paper it is not lit paper but a large
# dark object (the table round a photographed sheet): only white-balance it.
_DARK_OBJECT = 0.45


def _luma(bg: np.ndarray) -> np.ndarray:
    return bg.mean(axis=2) if bg.ndim == 3 else bg


def background(image: np.ndarray) -> np.ndarray:
    """Smooth estimate of paper x light, same shape as `image`, uint8 in 1..255."""
    h, w = image.shape[:2]
    small = cv2.resize(image, (max(1, w // _SCALE), max(1, h // _SCALE)), interpolation=cv2.INTER_AREA)
    fine = cv2.dilate(small, np.ones((_FINE, _FINE), np.uint8)).astype(np.float32)
    coarse = cv2.dilate(small, np.ones((_COARSE, _COARSE), np.uint8))
    coarse = cv2.GaussianBlur(coarse, (0, 0), _COARSE / 3).astype(np.float32)
    objects = _luma(fine) < _OBJECT * _luma(coarse)
    fine[objects] = coarse[objects]
    bg = cv2.GaussianBlur(fine, (0, 0), 3)
    paper = np.percentile(bg.reshape(-1, bg.shape[2]) if bg.ndim == 3 else bg.ravel(), 90, axis=0)
    paper = np.maximum(paper, 1.0).astype(np.float32)
    dark = _luma(bg) < _DARK_OBJECT * float(np.mean(paper))
    if dark.any():
        bg[dark] = paper
    # uint8 at full size: OpenCV's saturating uint8 divide is several times faster than float.
    bg = np.clip(np.rint(bg), 1, 255).astype(np.uint8)
    return cv2.resize(bg, (w, h), interpolation=cv2.INTER_LINEAR)


def normalise(image: np.ndarray) -> np.ndarray:
    """The page with its background divided out: paper ~255, ink unchanged in hue (uint8)."""
    return cv2.divide(image, background(image), scale=255.0)
