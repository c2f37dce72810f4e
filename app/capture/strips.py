"""The strips of a page that Tesseract's LSTM recogniser reads, so they can be read on two cores.

With an LSTM model, Tesseract (5.x) recognises a page strip by strip. Its layout analysis finds
blocks, rows and words; the words of a row that lie close together are merged into one unit
(`ROW_RES` in pageres.cpp: while each word is at most 1.25 line heights tall, the union stays
that low, and the next word starts within 2 line heights of the last); each unit is cut out of
the page's grey image as its box, stretched down to the row's descender line and up to its
ascender line at the box's middle, padded by 4 pixels and clipped to the page
(`LSTMRecognizeWord` and `GetRectImage` in linerec.cpp); and the network reads that strip and
nothing else. Only strips of text blocks are read: the whole page's reading gives no words from
image, rule and noise blocks either.

So the strips, once known from the layout analysis (about a sixth of a page's recognition time),
can be read one by one in page segmentation mode 13 ("raw line": the whole image is the strip)
by two Tesseract instances at once (`StripQueue`), and give the reading of the whole page. On
the real pages the readings agree word for word but for a handful in a page (the baselines here
are read back rounded to a pixel, and each instance starts with its own choice of language).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import tesserocr

# Tesseract's own constants (src/ccstruct/pageres.cpp, src/ccstruct/imagedata.h).
MAX_WORD_SIZE_RATIO = 1.25  # a word taller than this many line heights is read on its own
MAX_LINE_SIZE_RATIO = 1.25  # a unit never grows taller than this
MAX_WORD_GAP_RATIO = 2.0  # a wider gap between words starts a new unit
IMAGE_PADDING = 4  # pixels around each strip

# Block types whose rows Tesseract reads (PTIsTextType in include/tesseract/publictypes.h).
TEXT_BLOCK_TYPES = frozenset({tesserocr.PT.FLOWING_TEXT, tesserocr.PT.HEADING_TEXT,
                              tesserocr.PT.PULLOUT_TEXT, tesserocr.PT.TABLE,
                              tesserocr.PT.VERTICAL_TEXT, tesserocr.PT.CAPTION_TEXT,
                              tesserocr.PT.INLINE_EQUATION})


Box = tuple[int, int, int, int]  # left, top, right, bottom (exclusive), image pixels


@dataclass(frozen=True)
class Strip:
    """One unit of recognition: where it sits in the layout and the pixels the network reads."""

    block: int  # index of its block in Tesseract's order
    line: int  # index of its row on the page (strips of one row share it)
    left: int
    top: int
    right: int  # exclusive
    bottom: int  # exclusive
    # Boxes of the words the layout found in it, as the whole page's reading reports them: a
    # strip read alone gives rough boxes of its own.
    words: tuple[Box, ...] = ()


@dataclass
class _Row:
    height: float  # x-height + ascenders - descenders, Tesseract's "line height"
    descenders: float  # negative: below the baseline
    ascenders: float  # above the x-height

    @property
    def x_height(self) -> float:
        return self.height - self.ascenders + self.descenders


def strips(api: tesserocr.PyTessBaseAPI, width: int, height: int) -> list[Strip]:
    """The strips of the page `api` last analysed (`SetImage`, then `AnalyseLayout`), in
    Tesseract's reading order; `width` × `height` is the size of that page image."""
    iterator = api.GetIterator()
    if iterator is None:  # nothing found on the page
        return []
    # Words' whole boxes, diacritics included: Tesseract cuts the strip from those, and reports
    # them after reading; the iterator by default leaves out marks set apart above or below.
    iterator.SetBoundingBoxComponents(True, True)
    found: list[Strip] = []
    block = line = -1
    text_block = False
    row: _Row | None = None
    unit: _Unit | None = None  # the unit being grown, word by word
    for result in tesserocr.iterate_level(iterator, tesserocr.RIL.WORD):
        if result.IsAtBeginningOf(tesserocr.RIL.BLOCK):
            block += 1
            text_block = result.BlockType() in TEXT_BLOCK_TYPES
        if result.IsAtBeginningOf(tesserocr.RIL.TEXTLINE):
            line += 1
            attributes = result.RowAttributes()
            row = _Row(attributes["row_height"], attributes["descenders"], attributes["ascenders"])
            if unit is not None:
                found.append(unit.cut(width, height))
                unit = None
        box = result.BoundingBox(tesserocr.RIL.WORD)
        if box is None or row is None or not text_block:
            continue
        tall = box[3] - box[1] > row.height * MAX_WORD_SIZE_RATIO
        # The row's baseline (a spline: curved on a photographed book) at both ends of the word.
        baseline = result.Baseline(tesserocr.RIL.WORD) or ((box[0], box[3]), (box[2], box[3]))
        if unit is not None and not tall and unit.joins(box):
            unit.grow(box, baseline)
            continue
        if unit is not None:
            found.append(unit.cut(width, height))
        unit = _Unit(row, block, line, list(baseline), [box])
        if tall:  # read on its own, never merged with the next word
            found.append(unit.cut(width, height))
            unit = None
    if unit is not None:
        found.append(unit.cut(width, height))
    return found


@dataclass
class _Unit:
    row: _Row
    block: int
    line: int
    baseline: list[tuple[int, int]]  # points on the row's baseline, image coordinates
    words: list[Box]  # its words' boxes

    @property
    def box(self) -> Box:
        return _union(self.words)

    def joins(self, box: Box) -> bool:
        """Whether Tesseract merges the word `box` into this unit (ROW_RES in pageres.cpp)."""
        here = self.box
        union = _union([here, box])
        return (union[3] - union[1] <= self.row.height * MAX_LINE_SIZE_RATIO
                and box[0] <= here[2] + self.row.height * MAX_WORD_GAP_RATIO)

    def grow(self, box: Box, baseline: tuple[tuple[int, int], ...]) -> None:
        self.baseline += baseline
        self.words.append(box)

    def baseline_at(self, x: float) -> float:
        """The baseline's height at `x`, between the nearest points known on either side."""
        points = sorted(self.baseline)
        for (x1, y1), (x2, y2) in zip(points, points[1:]):
            if x1 <= x <= x2:
                return float(y1) if x2 == x1 else y1 + (y2 - y1) * (x - x1) / (x2 - x1)
        (x1, y1) = min(points, key=lambda point: abs(point[0] - x))
        return float(y1)

    def cut(self, width: int, height: int) -> Strip:
        """The pixels Tesseract gives the network, as in LSTMRecognizeWord. Tesseract works
        bottom-up, so the box goes to its coordinates and back."""
        left, top, right, bottom = self.box
        row = self.row
        upper, lower = height - top, height - bottom  # Tesseract's top and bottom (y up)
        baseline = height - self.baseline_at((left + right) // 2)
        if baseline + row.descenders < lower:
            lower = int(baseline + row.descenders)
        if baseline + row.x_height + row.ascenders > upper:
            upper = int(baseline + row.x_height + row.ascenders)
        return Strip(self.block, self.line, max(0, left - IMAGE_PADDING),
                     max(0, height - upper - IMAGE_PADDING), min(width, right + IMAGE_PADDING),
                     min(height, height - lower + IMAGE_PADDING), tuple(self.words))


def word_boxes(strip: Strip, read: list[Box]) -> list[Box]:
    """Page boxes for the words read from `strip` (`read`: their boxes in the strip's pixels).

    A strip read alone yields boxes as tall as the strip, some stretched over their neighbours
    (bits of the rows above and below fall inside it), which would misplace the PDF's text. The
    layout's own boxes are used instead: one for one when the reading found as many words as the
    layout (nearly every strip), else each layout word goes to the word read over its middle.
    """
    if not read:
        return []
    if len(read) == len(strip.words):
        return list(strip.words)
    spans = [(strip.left + box[0], strip.left + box[2]) for box in read]
    claimed: list[list[Box]] = [[] for _ in read]
    for word in strip.words:
        middle = (word[0] + word[2]) / 2
        holding = [i for i, (left, right) in enumerate(spans) if left <= middle < right] or range(len(spans))
        claimed[min(holding, key=lambda i: abs((spans[i][0] + spans[i][1]) / 2 - middle))].append(word)
    top = min(word[1] for word in strip.words)
    bottom = max(word[3] for word in strip.words)
    return [_union(mine) if mine else (left, top, right, bottom)
            for (left, right), mine in zip(spans, claimed)]


def _union(boxes: list[Box]) -> Box:
    return (min(box[0] for box in boxes), min(box[1] for box in boxes),
            max(box[2] for box in boxes), max(box[3] for box in boxes))


class StripQueue:
    """A page's strips shared by two readers: one takes them from the top of the page down, the
    other from the bottom up, until they meet. Both finish together whatever else their cores are
    doing (halves fixed in advance by the strips' sizes left one reader up to 0.4 s behind the
    other on linn; on an idle machine the page's time was the same either way, within noise), and
    each reads a run of neighbouring strips, as one Tesseract instance would."""

    def __init__(self, found: list[Strip]) -> None:
        self.strips = found
        self._front = 0
        self._back = len(found)
        self._lock = threading.Lock()

    def take(self, from_bottom: bool = False) -> int | None:
        """The index of the next strip to read, None when every strip is taken."""
        with self._lock:
            if self._front >= self._back:
                return None
            if from_bottom:
                self._back -= 1
                return self._back
            self._front += 1
            return self._front - 1
