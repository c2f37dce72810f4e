"""Finding the chip-ID (CCCD) QR code on a scanned page, fast enough to run on every ID scan.

A 300-dpi A4 page is 8.7 megapixels, most of it blank paper. The card's QR (about 14 mm, ~50
modules) still has ~1.7 pixels per module at half resolution, which zxing-cpp reads, so the
first pass looks at every other pixel of one colour channel with the search narrowed to QR
codes in the upright orientation (~12 ms). Only when that finds nothing does it pay for the
full-resolution search in all orientations, then a lightly blurred copy, then a second
binariser.

The text found is returned as read; `app.identity.cccd.parse_cccd_qr` validates and cleans it
into the applicant's fields, exactly as for text typed by a wedge barcode reader.
"""

from __future__ import annotations

from collections.abc import Iterator

import cv2
import numpy as np
import zxingcpp
from PIL import Image

from app.errors import InputError
from app.identity.cccd import looks_like_cccd_qr

# Below this longer side a half-resolution pass would make modules too small to read (a phone
# frame or a cropped card), so those images go straight to the full-resolution passes.
HALF_PASS_MIN_SIDE_PX = 1600
_QR = zxingcpp.BarcodeFormat.QRCode


def find_cccd_qr(image: Image.Image) -> str | None:
    """The text of the chip-ID QR on `image`, or None when there is none (or only other QRs)."""
    for text in _qr_texts(image):
        if looks_like_cccd_qr(text):
            return text
    return None


def find_qr_texts(image: Image.Image) -> list[str]:
    """Every QR text found by the cheapest pass that finds any (for diagnostics and tests)."""
    return list(dict.fromkeys(_qr_texts(image)))


def _qr_texts(image: Image.Image) -> Iterator[str]:
    if not isinstance(image, Image.Image):
        raise InputError(f"QR search needs a PIL image, not {type(image).__name__}")
    grey = _grey(image)
    for pixels, options in _passes(grey):
        texts = [r.text for r in zxingcpp.read_barcodes(pixels, formats=_QR, **options)  # type: ignore[arg-type]
                 if r.text]  # (zxing-cpp's stubs: formats takes one format too, options are keywords)
        if texts:
            yield from texts
            return


def _grey(image: Image.Image) -> np.ndarray:
    # One channel instead of a luminance conversion: 2 ms instead of ~20 ms at 300 dpi, and the
    # QR's black modules are dark in every channel. Green is the sharpest channel of most
    # sensors and keeps a red seal light enough not to join the modules.
    if image.mode == "L":
        return np.asarray(image)
    if image.mode in ("RGB", "RGBA", "RGBX"):
        return np.asarray(image.getchannel("G"))
    return np.asarray(image.convert("L"))


def _passes(grey: np.ndarray) -> Iterator[tuple[np.ndarray, dict[str, object]]]:
    """Cheapest first: half resolution upright, then full resolution any way round."""
    if max(grey.shape) >= HALF_PASS_MIN_SIDE_PX:
        half = np.ascontiguousarray(grey[::2, ::2])
        yield half, {"try_rotate": False, "try_downscale": False, "try_invert": False}
    yield grey, {}
    # Uneven module widths (printing, then a slight tilt when scanning) break the sampling grid;
    # a 3×3 blur evens them out enough and costs a few milliseconds only on this rare path.
    yield cv2.GaussianBlur(grey, (3, 3), 0), {}
    # Averaging 2×2 blocks (unlike the first pass's subsampling) also evens module widths out.
    yield cv2.resize(grey, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA), {}
    yield grey, {"binarizer": zxingcpp.Binarizer.GlobalHistogram}
