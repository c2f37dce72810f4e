"""Straighter edges for the stored 1-bit layer: one-pixel-deep ragged edges made flat.

CCITT G4 codes each row's colour changes against the row above: an edge that stays put costs
1 bit a row, one that moves by a pixel 3 bits, and a speck of edge sticking out of a straight
stroke (a run of a few pixels one row deep) costs a horizontal-mode code of 10-20 bits on the
row it appears and again where it ends. A scanner's threshold leaves thousands of those on a
page. Here a run of at most a few pixels of one colour, one pixel deep, that sits on a straight
edge of its own colour (the row behind it runs at least a pixel further on both sides) and
faces a straight edge of the other colour (the row in front is the other colour over the same
span) is given the other colour: a bump on a stroke is cut, a notch in a stroke is filled. The
same is then done to columns, for vertical edges. From 200 dpi up; under 0.1 s of CPU on a
300 dpi page.

Why this never breaks, joins or thins anything: the run's only neighbours of its own colour are
the row behind it (its ends and the row in front are the other colour), so taking it away leaves
that row, connected, as it was; and likewise for white. Marks keep their number, holes keep
theirs, and the two rows behind a cut bump are ink, so no stroke is left thinner than two pixels
(nor a gap, where a notch is filled). What a change of a pixel or two can still do is reshape a
small mark, and at low resolution a tone mark's hook differs from an acute accent by about that
much: a mark no larger than a diacritic, and any mark that would change by more than a tenth of
its pixels, is kept exactly as thresholded.
"""

from __future__ import annotations

import cv2
import numpy as np

# A run this long (pixels) or shorter is edge noise from 200 dpi up: 3 px is 0.38 mm at 200 dpi
# and 0.25 mm at 300 dpi, under a body-text stroke's width. Below 200 dpi (in practice a page
# drawn at twice a low-resolution source's size, whose layer pixels are half a source pixel)
# nothing is flipped: there a tone mark is a few source pixels, and Tesseract's reading of va4_2's
# layer moved by up to 4 words in 330 either way with single pixels flipped (0.825 -> 0.834 on
# the stored layer, 0.831 -> 0.819 on the plain threshold of the OCR's grey), and fell with runs
# of 2 or 3 (0.80, 0.79).
_LONGEST_RUN, _FROM_DPI = 3, 200
# A mark of at most this many mm² (a tone mark, a dot, a comma) is left exactly as thresholded;
# so is a larger mark that would change by more than this share of its pixels. With marks up to
# 1 mm² kept, va4_2's layer read 0.834 of its words; with 0.5 mm², 0.828.
_SMALL_MARK_MM2 = 1.0
_MOST_CHANGED = 0.10


def longest_run(dpi: float) -> int:
    """The longest edge run (pixels) straightened at `dpi`."""
    return _LONGEST_RUN if dpi >= _FROM_DPI - 0.5 else 0


def _row_runs(ink: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every run of one colour in every row: (row, first column, column after the last)."""
    height, width = ink.shape
    change = np.ones((height, width + 1), bool)  # a run starts at column 0 and ends at `width`
    np.not_equal(ink[:, 1:], ink[:, :-1], out=change[:, 1:width])
    rows, columns = np.divmod(np.flatnonzero(change), width + 1)  # faster than np.nonzero
    same_row = rows[1:] == rows[:-1]
    return rows[:-1][same_row], columns[:-1][same_row], columns[1:][same_row]


def _straighten_rows(ink: np.ndarray, longest: int) -> np.ndarray:
    """`ink` with its one-row-deep runs of at most `longest` pixels on horizontal edges flipped."""
    height, width = ink.shape
    rows, first, after = _row_runs(ink)
    length = after - first
    # Runs touching the page's border have no row or column on one side to judge them by.
    inside = (length <= longest) & (rows >= 2) & (rows <= height - 3) & (first >= 1) & (after <= width - 1)
    rows, first, length = rows[inside], first[inside], length[inside]
    colour = ink[rows, first]
    # Is the row above (below) the run's colour, or the other colour, all along the run and one
    # pixel beyond each end? Runs are short: a few gathers per run, not a whole-page sum.
    above_same = above_other = below_same = below_other = np.ones(len(rows), bool)
    for offset in range(-1, longest + 1):
        column = np.minimum(first + offset, width - 1)
        within = offset <= length  # the pixel after the run's end is at offset == length
        above = ink[rows - 1, column] == colour
        below = ink[rows + 1, column] == colour
        above_same = above_same & (above | ~within)
        above_other = above_other & (~above | ~within)
        below_same = below_same & (below | ~within)
        below_other = below_other & (~below | ~within)
    # ... and the row behind that one too, along the run: a stroke (or a gap) of two pixels is
    # never left one pixel thin where a bump is cut (or a notch filled).
    above_deep = below_deep = np.ones(len(rows), bool)
    for offset in range(longest):
        column = np.minimum(first + offset, width - 1)
        within = offset < length
        above_deep = above_deep & ((ink[rows - 2, column] == colour) | ~within)
        below_deep = below_deep & ((ink[rows + 2, column] == colour) | ~within)
    flip = (above_other & below_same & below_deep) | (below_other & above_same & above_deep)
    rows, first, length = rows[flip], first[flip], length[flip]
    out = ink.copy()
    for offset in range(longest):
        some = length > offset
        out[rows[some], first[some] + offset] ^= True
    return out


def _transpose(ink: np.ndarray) -> np.ndarray:
    # OpenCV's transpose of the bytes: NumPy's copy of a transposed bool page is ~5x slower.
    return np.asarray(cv2.transpose(ink.view(np.uint8))).view(bool)


def straighten(ink: np.ndarray, dpi: float, longest: int | None = None) -> np.ndarray:
    """The ink mask (True = black) with one-pixel-deep edge noise flattened: no mark broken,
    joined or thinned, none of a diacritic's size touched. `longest`: the longest run flipped
    (pixels; by default `longest_run(dpi)`)."""
    longest = longest_run(dpi) if longest is None else longest
    if longest < 1 or not ink.any():
        return ink
    ink = np.ascontiguousarray(ink, dtype=bool)
    rows_done = _straighten_rows(ink, longest)
    done = _transpose(_straighten_rows(_transpose(rows_done), longest))
    changed = np.flatnonzero(ink ^ done)
    if not len(changed):
        return ink
    # Flipping neither joins nor splits marks, so the marks of old and new together are the old
    # marks, each with its filled notches: each mark's changed pixels are counted against its size.
    count, labels = cv2.connectedComponents((ink | done).view(np.uint8), connectivity=8)
    flat = labels.ravel()
    mark = flat[changed]
    size = np.bincount(labels[ink], minlength=count)  # each mark's own pixels, as thresholded
    keep = (size <= _SMALL_MARK_MM2 * (dpi / 25.4) ** 2) | (np.bincount(mark, minlength=count) > _MOST_CHANGED * size)
    restore = changed[keep[mark]]
    done.ravel()[restore] = ink.ravel()[restore]
    return done
