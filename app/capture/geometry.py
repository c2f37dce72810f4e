"""Page geometry: sub-degree deskew, auto-crop, and paper detection with perspective flattening.

Everything works on NumPy arrays (uint8, grey HxW or RGB HxWx3) so the pipeline converts from
Pillow once. Detection runs on small working copies: a page's geometry is visible at ~1/4 scale,
and that keeps the whole module well inside the per-page time budget.
"""

from __future__ import annotations

import math

import cv2
import numpy as np

WHITE = 255
# Deskew searches this range; beyond it a page is "sideways", which text orientation handles.
MAX_SKEW_DEGREES = 10.0
# Corrections smaller than this are noise in the estimate; rotating would only blur the page.
MIN_SKEW_DEGREES = 0.05
A4_ASPECT = 297.0 / 210.0
ID1_ASPECT = 85.6 / 53.98  # ISO/IEC 7810 ID-1: chip-ID cards
A4_LONG_INCH = 297.0 / 25.4
A4_SHORT_INCH = 210.0 / 25.4
# A page's long side lies between a receipt stub's and an A3 sheet's (with slack): a resolution
# that makes a page smaller or larger than this is a wrong field, not a real size.
PAGE_LONG_INCH = (1.5, 18.0)
LEAST_DPI = 50.0  # an estimate below this is a thumbnail's, not a page's: no smaller is assumed
ID1_LONG_INCH = 85.6 / 25.4


def to_gray(image: np.ndarray) -> np.ndarray:
    return image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)


def page_dpi(width_px: int, height_px: int, dpi: float | None) -> tuple[float, bool]:
    """(resolution to use, whether `dpi` was kept) for a page of this many pixels.

    A stated resolution is kept when the page it implies has a real paper size; otherwise (no
    field, a writer's 72/96/2400 default) the page is taken as an A4 sheet filling the image,
    the usual thing a desk is handed, so a 2400-dpi-tagged letter is not shrunk to a stamp.
    """
    long_px = max(width_px, height_px)
    if dpi and dpi > 0 and PAGE_LONG_INCH[0] <= long_px / dpi <= PAGE_LONG_INCH[1]:
        return float(dpi), True
    return max(LEAST_DPI, long_px / A4_LONG_INCH), False


def shrink(gray: np.ndarray, longest: int) -> tuple[np.ndarray, float]:
    """A copy whose longest side is at most `longest`, and the factor used."""
    scale = min(1.0, longest / max(gray.shape))
    if scale >= 1.0:
        return gray, 1.0
    return cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA), scale


# ---------------------------------------------------------------------------------------------
# Deskew: projection profile of ink pixels. Text lines give sharp peaks in the row histogram
# only when the lines are horizontal, so the angle maximising the histogram's energy is the skew.

def estimate_skew(image: np.ndarray) -> float:
    """Degrees to rotate the page counter-clockwise so its text lines are horizontal.

    Coarse-to-fine search over +/-MAX_SKEW_DEGREES, resolving ~0.02 degree. Returns 0.0 for a
    page with too little ink to judge (blank pages, photos with no text lines).
    """
    small, _ = shrink(to_gray(image), 1000)
    _, ink = cv2.threshold(small, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    ys, xs = np.nonzero(ink)
    if len(xs) < 200 or len(xs) > 0.5 * ink.size:
        return 0.0
    if len(xs) > 150_000:  # a sample keeps the cost flat on dense pages; peaks survive it
        pick = np.random.default_rng(0).choice(len(xs), 150_000, replace=False)
        xs, ys = xs[pick], ys[pick]
    xs = xs.astype(np.float64) - small.shape[1] / 2
    ys = ys.astype(np.float64)
    best = _best_angle(xs, ys, np.arange(-MAX_SKEW_DEGREES, MAX_SKEW_DEGREES + 1e-9, 0.25))
    best = _best_angle(xs, ys, np.arange(best - 0.3, best + 0.3 + 1e-9, 0.05))
    best = _best_angle(xs, ys, np.arange(best - 0.1, best + 0.1 + 1e-9, 0.01), plateau=True)
    # `best` is the turn that levels the rows of the image as it is, i.e. the correction.
    return round(best, 2) + 0.0


def _best_angle(xs: np.ndarray, ys: np.ndarray, angles: np.ndarray, *, plateau: bool = False) -> float:
    """The angle whose row histogram is sharpest; with `plateau`, the middle of the near-ties.

    Below about one pixel of shift across the sampled width, neighbouring angles score the same;
    taking the middle of that plateau instead of its first point removes a bias of ~0.05 degree.
    """
    scores = []
    for angle in angles:
        theta = math.radians(angle)
        # Row of each ink pixel once the page is turned by `angle` (shifted to stay >= 0).
        rows = ys * math.cos(theta) - xs * math.sin(theta)
        rows = np.round(rows - rows.min()).astype(np.int64)
        hist = np.bincount(rows)
        scores.append(float(np.dot(hist, hist)))
    values = np.array(scores)
    if not plateau:
        return float(angles[int(np.argmax(values))])
    near = values >= values.max() - 0.02 * (values.max() - values.min())
    return float(np.mean(angles[near]))


def rotate(image: np.ndarray, degrees: float) -> np.ndarray:
    """Rotate counter-clockwise by a small angle about the centre, keeping size, filling white."""
    h, w = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    fill = WHITE if image.ndim == 2 else (WHITE, WHITE, WHITE)
    return cv2.warpAffine(image, matrix, (w, h), flags=cv2.INTER_LINEAR,
                          borderMode=cv2.BORDER_CONSTANT, borderValue=fill)


def rotate_quarter(image: np.ndarray, degrees: int) -> np.ndarray:
    """Turn by 0/90/180/270 degrees counter-clockwise (PIL's convention) without resampling."""
    turns = {0: None, 90: cv2.ROTATE_90_COUNTERCLOCKWISE, 180: cv2.ROTATE_180,
             270: cv2.ROTATE_90_CLOCKWISE}
    if degrees not in turns:
        raise ValueError(f"rotation must be 0, 90, 180 or 270 degrees, not {degrees}")
    code = turns[degrees]
    return image if code is None else cv2.rotate(image, code)


# ---------------------------------------------------------------------------------------------
# Auto-crop. A document scanned on the glass is the scan area: only dark margins (a black lid,
# an ADF's black backing) are trimmed. A card on the glass is cut out along its own edges.

# Scanner bands: rows or columns at an edge that are mostly dark (the lid's shadow, an ADF's black
# backing beside a narrower sheet) are trimmed; a dark run wider than _BAND_MAX of the side is a
# picture printed to the edge, not a band, and is kept.
_BAND_DARK = 0.9
_BAND_EDGE = 0.3
_BAND_MAX = 0.15
_BAND_LIP = 0.02  # a thin light lip may lie between the image edge and the band
# Around a sheet on the glass, the lid or backing is uniformly dark: the halftone of a dark
# picture has light dots all through it and is not mistaken for one.
_LID_DARK_SHARE = 0.97


def _band(profile: np.ndarray) -> int:
    """How many rows (columns) from the start of `profile` (dark share of each) form a band."""
    limit = int(_BAND_MAX * len(profile))
    start = 0
    while start < int(_BAND_LIP * len(profile)) and profile[start] < _BAND_DARK:
        start += 1
    end = start
    while end < len(profile) and profile[end] >= _BAND_DARK:
        end += 1
    if end == start:
        return 0
    while end < len(profile) and profile[end] >= _BAND_EDGE:  # the band's ragged inner edge
        end += 1
    return end + 1 if end + 1 <= limit else 0


def crop_box(image: np.ndarray) -> tuple[int, int, int, int] | None:
    """(left, top, right, bottom) of the paper inside dark scan margins, or None to keep all."""
    small, scale = shrink(to_gray(image), 800)
    box = _lid_box(small) or _band_box(small)
    if box is None:
        return None
    left, top, right, bottom = box
    inv = 1.0 / scale
    full_h, full_w = image.shape[:2]
    return (max(0, int(left * inv)), max(0, int(top * inv)),
            min(full_w, int(math.ceil(right * inv))), min(full_h, int(math.ceil(bottom * inv))))


def _lid_box(small: np.ndarray) -> tuple[int, int, int, int] | None:
    """The sheet lying on the glass inside a dark lid, or None."""
    h, w = small.shape
    if float(np.median(_frame(small))) >= 100:
        return None
    _, mask = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    box = _largest_box(mask)
    if box is None:
        return None
    left, top, right, bottom = box
    if not 0.04 * w * h < (right - left) * (bottom - top) < 0.97 * w * h:
        return None  # nothing to trim, or only a speck found: keep the scan as it is
    outside = np.ones((h, w), bool)
    outside[top:bottom, left:right] = False
    if np.count_nonzero(small[outside] < 100) < _LID_DARK_SHARE * np.count_nonzero(outside):
        return None  # not a uniform lid round a sheet: a dark picture, kept whole
    return box


def _band_box(small: np.ndarray) -> tuple[int, int, int, int] | None:
    """The page inside dark bands along its edges, or None when it has none."""
    h, w = small.shape
    dark = small < 100
    rows, cols = dark.mean(axis=1), dark.mean(axis=0)
    top, bottom = _band(rows), _band(rows[::-1])
    left, right = _band(cols), _band(cols[::-1])
    if not (top or bottom or left or right):
        return None
    return left, top, w - right, h - bottom


def find_card(image: np.ndarray) -> np.ndarray | None:
    """Corners (TL TR BR BL) of a card lying anywhere, at any small angle, on a scanner's glass."""
    scale = min(1.0, 800 / max(image.shape[:2]))
    small = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else image
    small = cv2.medianBlur(small, 5)  # paper grain and dust are not the card
    h, w = small.shape[:2]
    surround = np.median(_frame(small).reshape(-1, small.shape[2]) if small.ndim == 3 else _frame(small), axis=0)
    # Cards are often only slightly darker than the lid, but differ in tint: any channel counts.
    delta = np.abs(small.astype(np.int16) - surround.astype(np.int16))
    differs = ((delta.max(axis=2) if delta.ndim == 3 else delta) > 12).astype(np.uint8) * 255
    # Opening removes blotches of uneven paper and lid; the card is a large solid shape.
    differs = cv2.morphologyEx(differs, cv2.MORPH_CLOSE, np.ones((5, 5), np.uint8))
    differs = cv2.morphologyEx(differs, cv2.MORPH_OPEN, np.ones((15, 15), np.uint8))
    contours, _ = cv2.findContours(differs, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    for contour in sorted(contours, key=cv2.contourArea, reverse=True)[:3]:
        rect = cv2.minAreaRect(contour)
        (rw, rh) = rect[1]
        if min(rw, rh) < 0.05 * min(w, h):
            break
        aspect = max(rw, rh) / min(rw, rh)
        solid = cv2.contourArea(contour) / (rw * rh)
        # A card is an ID-1 rectangle: reject blobs of other shapes rather than crop wrongly.
        if abs(aspect / ID1_ASPECT - 1) < 0.12 and solid > 0.85:
            return order_corners(cv2.boxPoints(rect).astype(np.float32) / scale)
    return None


def _frame(small: np.ndarray) -> np.ndarray:
    """The outermost pixels (one row per pixel): what the scanner lid or backing looks like."""
    edge = [small[:3], small[-3:], small[:, :3], small[:, -3:]]
    if small.ndim == 2:
        return np.concatenate([part.ravel() for part in edge])
    return np.concatenate([part.reshape(-1, small.shape[2]) for part in edge])


def _largest_box(mask: np.ndarray) -> tuple[int, int, int, int] | None:
    count, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    if count <= 1:
        return None
    index = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
    x, y, bw, bh = (int(v) for v in stats[index, :4])
    return x, y, x + bw, y + bh


# ---------------------------------------------------------------------------------------------
# Phone photos: find the sheet's four corners, then map them onto a flat rectangle.

def find_paper(image: np.ndarray) -> np.ndarray | None:
    """The paper's corners (4x2 float32, TL TR BR BL, full-size pixels), or None if not found."""
    small, scale = shrink(to_gray(image), 800)
    blurred = cv2.GaussianBlur(small, (5, 5), 0)
    edges = cv2.Canny(blurred, 40, 120)
    edges = cv2.dilate(edges, np.ones((3, 3), np.uint8))
    contours, _ = cv2.findContours(edges, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    area_min = 0.2 * small.shape[0] * small.shape[1]
    for contour in sorted(contours, key=cv2.contourArea, reverse=True)[:5]:
        hull = cv2.convexHull(contour)
        if cv2.contourArea(hull) < area_min:
            break
        quad = cv2.approxPolyDP(hull, 0.02 * cv2.arcLength(hull, True), True)
        if len(quad) == 4:
            return order_corners(quad.reshape(4, 2).astype(np.float32) / scale)
    return None


def order_corners(points: np.ndarray) -> np.ndarray:
    """Sort four points as top-left, top-right, bottom-right, bottom-left."""
    total = points.sum(axis=1)
    diff = np.diff(points, axis=1).ravel()
    return np.array([points[np.argmin(total)], points[np.argmin(diff)],
                     points[np.argmax(total)], points[np.argmax(diff)]], dtype=np.float32)


def quad_size(corners: np.ndarray) -> tuple[float, float]:
    """Width and height in pixels of the sheet outlined by ordered corners."""
    tl, tr, br, bl = corners
    width = max(np.linalg.norm(tr - tl), np.linalg.norm(br - bl))
    height = max(np.linalg.norm(bl - tl), np.linalg.norm(br - tr))
    return float(width), float(height)


def paper_long_side_inch(*, card: bool) -> float:
    """Physical long side assumed for a photographed sheet: A4 for documents, ID-1 for cards."""
    return ID1_LONG_INCH if card else A4_LONG_INCH


def flatten(image: np.ndarray, corners: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """Warp the quadrilateral `corners` onto an upright rectangle of `size` (width, height)."""
    width, height = size
    target = np.array([[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]],
                      dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(corners.astype(np.float32), target)
    fill = WHITE if image.ndim == 2 else (WHITE, WHITE, WHITE)
    return cv2.warpPerspective(image, matrix, (width, height), flags=cv2.INTER_LINEAR,
                               borderMode=cv2.BORDER_CONSTANT, borderValue=fill)
