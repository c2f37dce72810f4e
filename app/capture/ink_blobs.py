"""The ink blobs of a grey page, measured before OCR: how tall its letters are, whether they
carry Vietnamese tone marks, and whether its lines run across the page or down it.

Each answer comes from one connected-component pass over the page thresholded at Otsu's level
(~0.05 s on a 300 dpi A4 page; the OCR measures the first two on the page it reads, and the
third on a copy of at most 1,600 px before cleaning, `app.capture.ocr.lines_verdict`):

- `letter_height`: the median height of the letter-shaped blobs; small print is enlarged for
  recognition until its letters are ~12 px tall (`app.capture.ocr.upscale_factor`).
- `marks_above_share`: the share of letters with a separate small mark sitting just above them.
  Nearly every Vietnamese syllable has one (a tone mark, a circumflex, a breve, or both), English
  only the dots of i and j, French and German a few accents. On the real pages of
  ../shared/data/real-scans (bench/scan_real.py): Vietnamese letters 0.27-0.36 (the 82 dpi letter
  va4_2 0.27), English, French and German print and photos 0.015-0.09. The page's language is
  judged from it without reading a word (`looks_vietnamese`); in between, or with too few
  letters, there is no verdict and OCR reads a band of the page to decide instead.
- `lines_of`: whether a letter's nearest letter is beside it or above it, which tells a page
  lying across from one lying sideways, and whether letters side by side share their bottoms
  (a baseline) or their tops, which tells upright print from print upside down; both without
  the orientation detector.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

# Letters counted before the marks say anything: about three lines of print.
MIN_LETTERS_FOR_MARKS = 150
# Below this share of a page's blobs, its letter-shaped ones are clumps of dust or grain, not
# print: the real pages have 0.27-1.0 (a colour letter with a seal and notes 0.27), a page of
# 2 % dust 0.003. Read as 3 px letters, such a page was enlarged 3x for OCR, and Tesseract's
# layout analysis of the enlarged dust took minutes (a generated 200 dpi page: 4 min).
MIN_LETTER_SHARE = 0.10
# At or above: Vietnamese print. At or below: not Vietnamese. Between: no verdict.
VIETNAMESE_MARKS_SHARE = 0.20
OTHER_MARKS_SHARE = 0.12


@dataclass(frozen=True)
class InkBlobs:
    """Bounding boxes and areas of the ink blobs of a page (8-connected, background excluded),
    and which of them are shaped like letters."""

    left: np.ndarray
    top: np.ndarray
    width: np.ndarray
    height: np.ndarray
    area: np.ndarray
    letters: np.ndarray  # bool per blob
    shape: tuple[int, int]  # (rows, columns) of the page


def ink_blobs(grey: np.ndarray) -> InkBlobs:
    """The blobs of dark ink on a grey page (uint8, dark ink on light paper)."""
    _, ink = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    _, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    left, top, width, height, area = (stats[1:, column] for column in range(5))
    # Letters: not specks, not rules or frames (long and thin), not solid blocks or pictures.
    letters = (height >= 3) & (height <= 200) & (width <= 3 * height) & (8 * width >= height) \
        & (area >= 0.15 * width * height)
    return InkBlobs(left, top, width, height, area, letters, (grey.shape[0], grey.shape[1]))


def letter_height(blobs: InkBlobs) -> float | None:
    """Median height in pixels of the letter-shaped blobs, None without text (under 20 letters,
    or letters under MIN_LETTER_SHARE of the blobs: dust)."""
    letters = int(blobs.letters.sum())
    if letters < 20 or letters < MIN_LETTER_SHARE * len(blobs.letters):
        return None
    return float(np.median(blobs.height[blobs.letters]))


def _body_letters(blobs: InkBlobs, size: float) -> np.ndarray:
    """Letters of body size (0.6-1.6 of the median): not the tone marks, dots and specks."""
    return blobs.letters & (blobs.height >= 0.6 * size) & (blobs.height <= 1.6 * size)


def marks_above_share(blobs: InkBlobs) -> float | None:
    """Share of a page's letters that carry a separate small mark just above them; None when
    the page has fewer than MIN_LETTERS_FOR_MARKS letters of body size."""
    size = letter_height(blobs)
    if size is None:
        return None
    height, width = blobs.height, blobs.width
    body = _body_letters(blobs, size)
    if body.sum() < MIN_LETTERS_FOR_MARKS:
        return None
    # A mark: smaller than half a letter, not a speck of one or two pixels.
    marks = (height < 0.5 * size) & (width < 1.2 * size) & (blobs.area >= 3)
    # The zone where a mark over each letter ends: from 0.8 of a letter above its top down to
    # just inside it (a tone mark over a circumflex sits higher; a dot below ends lower).
    rows, columns = blobs.shape
    zone = np.zeros(blobs.shape, dtype=bool)
    reach, overlap = round(0.8 * size), round(0.15 * size)
    for left, top, span in zip(blobs.left[body].tolist(), blobs.top[body].tolist(), blobs.width[body].tolist()):
        zone[max(0, top - reach):min(rows, top + overlap + 1), left:left + span] = True
    bottoms = blobs.top[marks] + height[marks] - 1
    centres = blobs.left[marks] + width[marks] // 2
    return float(zone[bottoms, centres].sum()) / float(body.sum())


def looks_vietnamese(blobs: InkBlobs) -> bool | None:
    """True for Vietnamese print, False for print in another Latin script, None when the page's
    marks do not tell (too few letters, or a share between the two thresholds)."""
    share = marks_above_share(blobs)
    if share is None or OTHER_MARKS_SHARE < share < VIETNAMESE_MARKS_SHARE:
        return None
    return share >= VIETNAMESE_MARKS_SHARE


# Letters whose nearest neighbour is looked for (a random sample keeps the cost flat on dense pages).
NEIGHBOUR_SAMPLE = 400
MIN_LETTERS_FOR_LINES = 30


@dataclass(frozen=True)
class Lines:
    """How a page's letters sit against their nearest neighbours."""

    beside: float  # share of letters whose nearest letter is beside them, not above or below
    # Among letters side by side: the share whose tops differ minus the share whose bottoms
    # differ. Letters stand on a common baseline under ragged tops (ascenders, capitals), so it
    # is positive on upright print and negative upside down: on the 18 real pages 0.12-0.41
    # upright and -0.13 to -0.39 turned a half turn; near 0 (a receipt in capitals: 0.01) it
    # does not tell.
    baseline_lean: float


def lines_of(blobs: InkBlobs) -> Lines | None:
    """The nearest-neighbour measures of a page's letters; None with too few letters to tell.

    `beside` is near 1 when lines of print run across the page (upright or upside down) and near
    0 when they run down it (a sheet scanned sideways): on the 18 real pages as scanned 0.93-1.0
    across, 0.15 for the one scanned sideways and 0.01-0.22 for the others turned a quarter; a
    handwritten note 0.43. Diacritics and specks are left out (only letters of body size count):
    a tone mark's nearest letter is the one below it.
    """
    size = letter_height(blobs)
    if size is None:
        return None
    body = _body_letters(blobs, size)
    if body.sum() < MIN_LETTERS_FOR_LINES:
        return None
    xs = (blobs.left + blobs.width / 2)[body]
    ys = (blobs.top + blobs.height / 2)[body]
    tops = blobs.top[body].astype(np.float64)
    bottoms = tops + blobs.height[body]
    sample = np.random.default_rng(0).choice(len(xs), min(NEIGHBOUR_SAMPLE, len(xs)), replace=False)
    dx = xs[sample, None] - xs[None, :]
    dy = ys[sample, None] - ys[None, :]
    distance = dx * dx + dy * dy
    rows = np.arange(len(sample))
    distance[rows, sample] = np.inf  # a letter is not its own neighbour
    nearest = distance.argmin(axis=1)
    side_by_side = np.abs(dx[rows, nearest]) > np.abs(dy[rows, nearest])
    one, other = sample[side_by_side], nearest[side_by_side]
    apart = max(1.0, 0.08 * size)  # more than this between two edges: not on one line
    lean = 0.0
    if len(one):
        lean = float((np.abs(tops[one] - tops[other]) > apart).mean()
                     - (np.abs(bottoms[one] - bottoms[other]) > apart).mean())
    return Lines(beside=float(side_by_side.mean()), baseline_lean=lean)

