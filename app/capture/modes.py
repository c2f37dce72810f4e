"""Colour mode per page and the layers each mode stores.

"bw" keeps a 1-bit text layer only (CCITT G4 in the PDF, ~10x smaller than JPEG). "mixed" adds a
small colour layer holding only what must stay in colour - a red seal, a blue signature, a
photo - under the same 1-bit text. "color" and "gray" keep one JPEG for pages that are mostly
picture. The automatic choice looks for coloured ink and continuous-tone areas: a certified
copy whose seal turned black would lose its legal meaning, so any real coloured mark wins.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

from app.capture.edges import straighten
from app.capture.pages import ColourMode, PageKind, ProcessedPage

Box = tuple[int, int, int, int]  # left, top, right, bottom in full-size pixels

# Chroma (max-min of R, G, B) above which a pixel is coloured ink rather than grey/black ink
# or JPEG fringes. At 1/4 scale thin strokes are diluted by the paper around them, hence lower.
_CHROMA_FULL = 60
_CHROMA_SMALL = 40
_MIN_COLOUR_MARK_MM2 = 1.0  # a coloured speck smaller than this is noise
_MIN_COLOUR_TOTAL_MM2 = 12.0  # less coloured ink than this in total: the page is not colourful
_REGION_JOIN_MM = 4.0  # strokes of one seal or signature closer than this form one region
_REGION_PAD_MM = 2.0
_PHOTO_MIN_MM2 = 150.0  # a continuous-tone area at least this big is a photo (ID photo ~ 3x4 cm)
_PICTURE_PAGE = 0.45  # regions covering more of the page than this: store the page as a picture
MIXED_LAYER_SCALE = 0.5  # the colour layer of a mixed page is kept at half the page's dpi
# A coloured region whose ink is at least this share red is a seal or stamp: kept as a picture.
_SEAL_RED_SHARE = 0.6
_SEAL_MAX_INK = 0.5  # ... and covers at most this share of its box: strokes on paper, not a photo
_SEAL_MAX_ASPECT = 4.0  # ... in a box no longer than this to its width (a red margin line is not)
# Chroma (on the 3x3 average) below which a seal picture's pixel is paper (drawn white), and
# above which it is ink as scanned; in between it fades, so a worn stroke keeps its soft edge.
_SEAL_PAPER_CHROMA, _SEAL_INK_CHROMA = 6, 25
# A seal's ink is deepened by this much (its distance from white), by the scale it is drawn at.
# At full size, 1.3 gives back the contrast of ink on paper that evening the light took (the
# scanner's grey paper lifted to white lifts the ink with it). At half size a worn stroke's
# one-pixel grain also averages with the paper around it (2x2 pixels into one) into pale pink.
SEAL_INK_GAIN = {1.0: 1.3, MIXED_LAYER_SCALE: 2.0}


@dataclass(frozen=True)
class ModeChoice:
    """What the automatic choice decided and why (the why goes into reports)."""

    mode: ColourMode
    regions: tuple[Box, ...]  # parts kept in colour on a mixed page
    photo_regions: tuple[Box, ...]  # continuous-tone parts among them (no 1-bit text drawn over)
    reason: str


def _px_per_mm(dpi: float) -> float:
    return dpi / 25.4


def brightest(rgb: np.ndarray) -> np.ndarray:
    """The brightest of the three channels of an 8-bit RGB image, pixel by pixel."""
    # cv2 per channel, not numpy's max(axis=2): a reduction over the last, 3-long axis runs
    # ~5x slower (0.35 s against 0.07 s on a 300 dpi A4 page), and pages call this often.
    red, green, blue = cv2.split(rgb)
    return cv2.max(cv2.max(red, green), blue)


def chroma(rgb: np.ndarray) -> np.ndarray:
    """How coloured each pixel of an 8-bit RGB image is: brightest minus darkest channel."""
    red, green, blue = cv2.split(rgb)
    return cv2.subtract(cv2.max(cv2.max(red, green), blue), cv2.min(cv2.min(red, green), blue))


def _component_boxes(mask: np.ndarray, min_area_px: float, scale: float, pad_px: float,
                     shape: tuple[int, int]) -> list[Box]:
    count, _, stats, _ = cv2.connectedComponentsWithStats(mask.astype(np.uint8), connectivity=8)
    boxes = []
    h, w = shape
    for x, y, bw, bh, area in stats[1:]:
        if area < min_area_px:
            continue
        boxes.append((max(0, int(x * scale - pad_px)), max(0, int(y * scale - pad_px)),
                      min(w, int((x + bw) * scale + pad_px)), min(h, int((y + bh) * scale + pad_px))))
    return boxes


def coloured_ink(rgb: np.ndarray, threshold: int = _CHROMA_FULL) -> np.ndarray:
    """Pixels of coloured ink (bool, full size): chroma above `threshold` after a 3x3 average,
    which removes the single-pixel colour noise of JPEG scans but keeps one-pixel red rings."""
    return chroma(cv2.blur(rgb, (3, 3))) > threshold


def _max_shrink(mask: np.ndarray, factor: int) -> np.ndarray:
    """`mask` shrunk by `factor`, a cell set when ANY of its pixels is: thin lines survive
    (averaging would dilute a one-pixel blue ruled line into paper)."""
    h, w = mask.shape
    h2, w2 = h // factor * factor, w // factor * factor
    cells = mask[:h2, :w2].reshape(h2 // factor, factor, w2 // factor, factor)
    return np.asarray(cells.any(axis=(1, 3)), dtype=bool)


def colour_regions(rgb: np.ndarray, dpi: float) -> list[Box]:
    """Boxes around coloured marks (seals, signatures, coloured lines), full-size pixels."""
    coloured = _max_shrink(coloured_ink(rgb, _CHROMA_SMALL), 4)
    mm2 = _px_per_mm(dpi / 4) ** 2
    # Join first, then judge: a worn seal is many small dots that only together make a mark.
    join = max(3, int(_REGION_JOIN_MM * _px_per_mm(dpi / 4)))
    joined = cv2.dilate(coloured.astype(np.uint8), np.ones((join, join), np.uint8))
    count, labels = cv2.connectedComponents(joined, connectivity=8)
    ink_cells = np.bincount(labels[coloured], minlength=count)
    ink_cells[0] = 0
    keep = ink_cells >= 4 * _MIN_COLOUR_MARK_MM2 * mm2
    if ink_cells[keep].sum() < _MIN_COLOUR_TOTAL_MM2 * mm2:
        return []
    return _component_boxes(keep[labels], 1, 4.0, _REGION_PAD_MM * _px_per_mm(dpi), rgb.shape[:2])


def photo_regions(gray: np.ndarray, dpi: float) -> list[Box]:
    """Boxes around continuous-tone areas (photos, shaded pictures), full-size pixels."""
    # Every other pixel, not an average: averaging would turn small text into grey tones.
    sub = gray[::2, ::2]
    mid = (((sub > 60) & (sub < 200)) * 255).astype(np.uint8)
    window = max(3, int(3 * _px_per_mm(dpi / 2)))
    density = cv2.blur(mid, (window, window))
    opened = cv2.morphologyEx(np.asarray(density > 127, dtype=np.uint8), cv2.MORPH_OPEN,
                              np.ones((window, window), np.uint8))
    return _component_boxes(opened, _PHOTO_MIN_MM2 * _px_per_mm(dpi / 2) ** 2, 2.0,
                            _REGION_PAD_MM * _px_per_mm(dpi), gray.shape)


def stroke_regions(rgb: np.ndarray, gray: np.ndarray, dpi: float) -> list[Box]:
    """Boxes round faint coloured strokes (pale blue ruled lines, a washed-out stamp) that pixel
    chroma alone misses; none when they add up to less than a real coloured mark."""
    strokes = _coloured_strokes(binarise(gray), chroma(cv2.blur(rgb, (3, 3))), gray)
    if np.count_nonzero(strokes) < _MIN_COLOUR_TOTAL_MM2 * _px_per_mm(dpi) ** 2:
        return []
    return _component_boxes(strokes, _MIN_COLOUR_MARK_MM2 * _px_per_mm(dpi) ** 2, 1.0,
                            _REGION_PAD_MM * _px_per_mm(dpi), gray.shape)


def covered_share(boxes: list[Box], shape: tuple[int, int]) -> float:
    """Share of the page (0..1) inside the union of `boxes`: overlapping boxes count once."""
    if not boxes:
        return 0.0
    h, w = shape
    step = 4  # a quarter-size grid is exact enough for a share and cheap on a 300 dpi page
    grid = np.zeros(((h + step - 1) // step, (w + step - 1) // step), bool)
    for left, top, right, bottom in boxes:
        grid[top // step:(bottom + step - 1) // step, left // step:(right + step - 1) // step] = True
    return float(grid.mean())


def choose_mode(rgb: np.ndarray, gray: np.ndarray, dpi: float, kind: PageKind) -> ModeChoice:
    """The automatic mode for a normalised page."""
    if kind in ("photo", "id_card"):
        # A card's photo, tints and security print are what makes the copy credible.
        return ModeChoice("color", (), (), f"{kind.replace('_', ' ')}: kept in colour")
    colour = colour_regions(rgb, dpi) + stroke_regions(rgb, gray, dpi)
    photos = photo_regions(gray, dpi)
    if not colour and not photos:
        return ModeChoice("bw", (), (), "text only: black-and-white")
    # Coloured marks are cheap 1-bit shapes in a mixed page; only pictures make a picture page.
    covered = covered_share(photos, gray.shape) if photos else 0.0
    if covered > _PICTURE_PAGE:
        if colour:
            return ModeChoice("color", (), (), f"colour content covers {covered:.0%} of the page")
        return ModeChoice("gray", (), (), f"grey pictures cover {covered:.0%} of the page")
    what = ", ".join(filter(None, [f"{len(colour)} coloured mark(s)" if colour else "",
                                   f"{len(photos)} photo(s)" if photos else ""]))
    return ModeChoice("mixed", tuple(colour + photos), tuple(photos),
                      f"{what} kept in colour over black-and-white text")


def _ink_level(smooth: np.ndarray) -> float:
    level, _ = cv2.threshold(smooth, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return float(np.clip(level, 120, 190))  # Otsu drifts on near-empty pages


def binarise(gray: np.ndarray) -> np.ndarray:
    """Ink mask (True = black) of a normalised grey page."""
    smooth = cv2.GaussianBlur(gray, (3, 3), 0)
    return smooth < _ink_level(smooth)


# At 300 dpi the stored 1-bit layer is thresholded from the page blurred by this many pixels
# (0.11 mm): CCITT G4 codes each edge against the row above, and a ragged edge costs 3-7 bits per
# row where a straight one costs 1, so the layer is 5-9 % smaller on real pages, and Tesseract
# reads it as well as before (measured on eurotext, linn). Below _SMOOTH_MIN_DPI strokes are too
# few pixels wide: a 0.87 px blur at 200 dpi already cost a word in 275 on generated pages, and
# 1.3 px on the ~160 dpi letter va4_2 cut Tesseract's reading of the layer from 0.83 to 0.74.
_EDGE_SMOOTH_PX = 1.3
_SMOOTH_MIN_DPI = 250
# A mark that keeps less than this share of its pixels after smoothing (a hairline, a diacritic
# at low resolution, a faint dot) is kept exactly as thresholded without smoothing.
_SMOOTH_KEEPS = 0.85


def text_mask(gray: np.ndarray, dpi: float) -> np.ndarray:
    """The ink mask stored as a page's 1-bit layer (True = black): `binarise`, from 250 dpi up
    with edges smoothed, never losing a mark: any connected mark that smoothing would thin away
    or break apart is kept as it was; and only when that makes the G4 layer smaller. Then, from
    200 dpi up, one-pixel edge noise is flattened (`edges.straighten`)."""
    lightly = cv2.GaussianBlur(gray, (3, 3), 0)
    level = _ink_level(lightly)
    ink = lightly < level  # `binarise`, keeping its level for the smoothed layer
    if dpi < _SMOOTH_MIN_DPI:
        return straighten(ink, dpi)
    smooth = cv2.GaussianBlur(gray, (0, 0), _EDGE_SMOOTH_PX) < level
    count, labels = cv2.connectedComponents(ink.astype(np.uint8), connectivity=8)
    both = ink & smooth
    before = np.bincount(labels[ink], minlength=count)
    after = np.bincount(labels[both], minlength=count)
    keep = after < _SMOOTH_KEEPS * before  # marks kept exactly as thresholded
    # ... and marks that smoothing breaks in two (a hairline joining two strokes of a letter).
    pieces, piece_labels = cv2.connectedComponents(both.astype(np.uint8), connectivity=8)
    # A piece lies inside one mark (it is connected ink of the mark): name its mark, count pieces.
    mark_of_piece = np.zeros(pieces, np.int32)
    mark_of_piece[piece_labels[both]] = labels[both]
    keep |= np.bincount(mark_of_piece[1:], minlength=count) > 1
    keep[0] = False
    smoothed = np.where(keep[labels], ink, smooth)
    # On a clean, sparse page the blur can round more corners than it straightens: whichever
    # codes smaller is stored (both are the same text to a reader).
    from app.capture.pdfa import encode_g4  # the writer's own coder: the size it will store

    chosen = smoothed if len(encode_g4(mask_image(smoothed))) <= len(encode_g4(mask_image(ink))) else ink
    return straighten(chosen, dpi)


def mask_image(ink: np.ndarray) -> Image.Image:
    """1-bit Pillow image, black (0) where there is ink."""
    return Image.fromarray(~ink)


# Hue bands (OpenCV hue, 0..180) that become one flat ink each: red (seals) wraps round 0.
_HUE_BANDS = ((0, 10, 160, 181), (10, 25, -1, -1), (25, 35, -1, -1), (35, 85, -1, -1),
              (85, 130, -1, -1), (130, 160, -1, -1))
_INK_CHROMA = 30  # on the normalised page, inside a coloured region: pale seal ink still counts
_INK_MIN_PX_MM2 = 0.05  # a coloured dot smaller than this is JPEG noise, not a stroke
_NEUTRAL_CHROMA = 28  # a pixel more coloured than this is never painted black ...
_DARK_INK = 90  # ... unless it is this dark: black ink crossing a seal
_STROKE_CHROMA = 20  # a whole stroke this coloured on average is coloured ink (a faint blue line)
_PEN_GRAY = 120  # grey pixels darker than this on such a stroke are black writing touching it
_PALE_STROKE = 120  # only pale strokes are judged whole (dark ones: shadows, black print in a cast)


@dataclass
class Layers:
    """What a mixed page stores: photos and seals (a JPEG, or None), black text, coloured inks."""

    image: Image.Image | None
    mask: Image.Image
    inks: list[tuple[tuple[int, int, int], Image.Image]]


def _drop_small(mask: np.ndarray, min_px: float) -> np.ndarray:
    _count, labels, stats, _ = cv2.connectedComponentsWithStats(mask.astype(np.uint8), connectivity=8)
    keep = stats[:, cv2.CC_STAT_AREA] >= min_px
    keep[0] = False
    return keep[labels]


def _ink_colour(pixels: np.ndarray, strength: np.ndarray) -> tuple[int, int, int]:
    """One colour for a band's ink: the median of its stronger half, where the pigment lies thick
    (the faint edges of a stamp would make the whole seal pale): its strongest quarter."""
    strong = pixels[strength >= np.percentile(strength, 75)]
    return tuple(int(v) for v in np.median(strong, axis=0))  # type: ignore[return-value]


def colour_inks(rgb: np.ndarray, where: np.ndarray, dpi: float,
                strokes: np.ndarray | None = None) -> list[tuple[tuple[int, int, int], np.ndarray]]:
    """Coloured ink inside `where` (plus whole `strokes` already judged coloured), split by hue
    into (flat colour, full-size bool shape).

    A pixel is ink when it is coloured itself and its 3x3 neighbourhood is too (lone JPEG noise
    is not); pale parts of a worn stamp count, so its rings stay whole rather than dotted.
    """
    ink = (chroma(rgb) > _INK_CHROMA) & (chroma(cv2.blur(rgb, (3, 3))) > _INK_CHROMA * 2 // 3) & where
    ink = _drop_small(ink, _INK_MIN_PX_MM2 * _px_per_mm(dpi) ** 2)
    if strokes is not None:
        ink |= strokes
    if not ink.any():
        return []
    ys, xs = np.nonzero(ink)
    pixels = rgb[ys, xs]
    # Hue from a 5x5 average: a faint line's single pixels have noisy hues, its neighbourhood not.
    hue = cv2.cvtColor(cv2.blur(rgb, (5, 5))[ys, xs].reshape(-1, 1, 3),
                       cv2.COLOR_RGB2HSV)[:, 0, 0].astype(np.int16)
    strength = chroma(pixels.reshape(-1, 1, 3)).ravel()
    inks = []
    for low, high, low2, high2 in _HUE_BANDS:
        band = ((hue >= low) & (hue < high)) | ((hue >= low2) & (hue < high2))
        if np.count_nonzero(band) < 20:
            continue
        shape = np.zeros(ink.shape, bool)
        shape[ys[band], xs[band]] = True
        # A one-pixel closing joins the grain of a stamped or pale stroke, which a flat colour
        # would otherwise show as scattered dots (the scan's own blur did the joining).
        shape = cv2.morphologyEx(shape.astype(np.uint8), cv2.MORPH_CLOSE, np.ones((3, 3), np.uint8)) > 0
        inks.append((_ink_colour(pixels[band], strength[band]), shape))
    return inks


def _coloured_strokes(ink: np.ndarray, smooth_chroma: np.ndarray, gray: np.ndarray) -> np.ndarray:
    """The strokes (connected ink) whose pixels are coloured on average: a blue ruled line or a
    seal ring is coloured as a whole even where single pixels of a photo look grey, while black
    print with colour fringes is not."""
    count, labels = cv2.connectedComponents(ink.astype(np.uint8), connectivity=8)
    if count <= 1:
        return np.zeros(ink.shape, bool)
    on = labels[ink]
    size = np.maximum(np.bincount(on, minlength=count), 1)
    mean_chroma = np.bincount(on, weights=smooth_chroma[ink], minlength=count) / size
    mean_gray = np.bincount(on, weights=gray[ink], minlength=count) / size
    coloured = (mean_chroma >= _STROKE_CHROMA) & (mean_gray > _PALE_STROKE)
    coloured[0] = False
    # Dark, grey pixels stay black even on a coloured stroke: a word written on a ruled line.
    return coloured[labels] & ~((gray <= _PEN_GRAY) & (smooth_chroma < _STROKE_CHROMA))


def seal_regions(rgb: np.ndarray, regions: tuple[Box, ...]) -> list[Box]:
    """The regions among `regions` that hold red strokes on paper in a round or stamp-like box:
    seals and stamps (a photo, even a reddish one, is coloured over most of its box; a ruled red
    margin runs down the page and stays a crisp flat ink)."""
    seals = []
    for left, top, right, bottom in regions:
        part = rgb[top:bottom, left:right]
        width, height = right - left, bottom - top
        if part.size == 0 or max(width, height) > _SEAL_MAX_ASPECT * min(width, height):
            continue
        smooth = cv2.blur(part, (3, 3))
        ink = chroma(smooth) > _INK_CHROMA
        if not ink.any() or np.count_nonzero(ink) > _SEAL_MAX_INK * ink.size:
            continue
        hue = cv2.cvtColor(smooth, cv2.COLOR_RGB2HSV)[..., 0][ink]
        if np.count_nonzero((hue < 10) | (hue >= 160)) >= _SEAL_RED_SHARE * hue.size:
            seals.append((left, top, right, bottom))
    return seals


def _seal_picture(part: np.ndarray, gain: float) -> np.ndarray:
    """A seal region with its paper made white and its ink kept in its own tones.

    A worn seal's lettering lives in the tones of its strokes: cut into one flat colour by a
    threshold, its faint strokes come out as grain. Paper (grey or tinted by the scanner) is
    lifted to white so the picture's edges vanish into the page; black print over the seal is
    drawn by the 1-bit text layer on top, so it is lifted too, and the JPEG spends nothing on it.
    """
    colour = chroma(cv2.blur(part, (3, 3))).astype(np.float32)
    ramp = np.clip((colour - _SEAL_PAPER_CHROMA) / (_SEAL_INK_CHROMA - _SEAL_PAPER_CHROMA), 0.0, 1.0)
    weight = cv2.GaussianBlur(ramp, (3, 3), 0)[..., None]
    return np.asarray(np.clip(255.0 - gain * weight * (255.0 - part.astype(np.float32)), 0, 255),
                      dtype=np.uint8)


def mixed_layers(rgb: np.ndarray, gray: np.ndarray, choice: ModeChoice, dpi: float) -> Layers:
    """The layers of a mixed page: photos and seals in one JPEG (None without either; at
    MIXED_LAYER_SCALE, or full size for seals alone), black text as a full-size 1-bit mask, each
    other coloured ink as a full-size 1-bit shape."""
    ink = text_mask(gray, dpi)
    h, w = gray.shape
    seals = seal_regions(rgb, choice.regions)
    # A seal region is never shown whole as a photo: black print over it stays in the text layer.
    photo_boxes = [box for box in choice.photo_regions if box not in seals]
    marks = np.zeros((h, w), bool)
    for left, top, right, bottom in choice.regions:
        marks[top:bottom, left:right] = True
    photos = np.zeros((h, w), bool)
    for left, top, right, bottom in photo_boxes:
        photos[top:bottom, left:right] = True
    pictured = np.zeros((h, w), bool)
    for left, top, right, bottom in seals:
        pictured[top:bottom, left:right] = True
    marks &= ~photos
    ink &= ~photos  # a photo is shown whole by the picture layer
    smooth = chroma(cv2.blur(rgb, (3, 3)))
    strokes = _coloured_strokes(ink, smooth, gray) & marks
    # Coloured (even pale) ink is shown in its colour; painting it black would make dotted rings.
    # Dark pixels stay black: a signature written across a seal must not turn red.
    tinted = (smooth > _NEUTRAL_CHROMA) & (gray > _DARK_INK) & marks
    # Whatever leaves the black layer for being coloured is drawn in its colour: nothing vanishes.
    coloured = (ink & tinted) | strokes
    ink &= ~coloured
    flat = marks & ~pictured  # a seal's ink is in the picture layer, not a flat shape as well
    inks = [(colour, mask_image(shape & ~ink))
            for colour, shape in colour_inks(rgb, flat, dpi, coloured & flat)]
    image = None
    if photo_boxes or seals:
        # A seal's ring lettering is legible at the page's own resolution, not at half; the
        # layer is cut to what it holds when written, so the white around costs nothing. Photos
        # (and a seal on a page with photos, or drawn from a low-resolution source, whose regions
        # come as photos) stay at half scale.
        scale = 1.0 if seals and not choice.photo_regions else MIXED_LAYER_SCALE
        small_w, small_h = max(1, round(w * scale)), max(1, round(h * scale))
        layer = np.full((small_h, small_w, 3), 255, np.uint8)
        for box in [*seals, *photo_boxes]:
            left, top, right, bottom = box
            sl, st = int(left * scale), int(top * scale)
            sr, sb = min(small_w, int(right * scale)), min(small_h, int(bottom * scale))
            if sr > sl and sb > st:
                part = rgb[top:bottom, left:right]
                if box in seals:
                    part = _seal_picture(part, SEAL_INK_GAIN[scale])
                layer[st:sb, sl:sr] = cv2.resize(part, (sr - sl, sb - st), interpolation=cv2.INTER_AREA)
        image = Image.fromarray(layer)
    return Layers(image, mask_image(ink), inks)


def render(page: ProcessedPage) -> Image.Image:
    """The page as the PDF shows it (grey or RGB at full size): for OCR, thumbnails and checks."""
    size = (page.width_px, page.height_px)
    if page.mode == "bw" and page.mask is not None:
        return page.mask.convert("L")
    if page.mode == "mixed":
        base = Image.new("RGB", size, "white") if page.image is None else (
            page.image.convert("RGB").resize(size, Image.Resampling.BILINEAR))
        for colour, shape in page.inks:  # drawn in the PDF's order: inks, then black text
            base.paste(colour, (0, 0), Image.eval(shape.convert("L"), lambda v: 255 - v))
        if page.mask is not None:
            base.paste((0, 0, 0), (0, 0), Image.eval(page.mask.convert("L"), lambda v: 255 - v))
        return base
    if page.image is None:
        raise ValueError(f"page {page.source!r} in mode {page.mode} has no image layer")
    return page.image if page.image.size == size else page.image.resize(size, Image.Resampling.BILINEAR)
