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


@dataclass(frozen=True)
class ModeChoice:
    """What the automatic choice decided and why (the why goes into reports)."""

    mode: ColourMode
    regions: tuple[Box, ...]  # parts kept in colour on a mixed page
    photo_regions: tuple[Box, ...]  # continuous-tone parts among them (no 1-bit text drawn over)
    reason: str


def _px_per_mm(dpi: float) -> float:
    return dpi / 25.4


def chroma(rgb: np.ndarray) -> np.ndarray:
    return (rgb.max(axis=2) - rgb.min(axis=2)).astype(np.uint8)


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


def colour_regions(rgb: np.ndarray, dpi: float) -> list[Box]:
    """Boxes around coloured marks (seals, signatures, coloured headers), full-size pixels."""
    small = cv2.resize(rgb, None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA)
    mm2 = _px_per_mm(dpi / 4) ** 2
    coloured = (chroma(small) > _CHROMA_SMALL).astype(np.uint8)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(coloured, connectivity=8)
    keep = np.zeros(count, bool)
    keep[1:] = stats[1:, cv2.CC_STAT_AREA] >= _MIN_COLOUR_MARK_MM2 * mm2
    if stats[1:, cv2.CC_STAT_AREA][keep[1:]].sum() < _MIN_COLOUR_TOTAL_MM2 * mm2:
        return []
    coloured = keep[labels].astype(np.uint8)
    join = max(3, int(_REGION_JOIN_MM * _px_per_mm(dpi / 4)))
    joined = cv2.dilate(coloured, np.ones((join, join), np.uint8))
    return _component_boxes(joined, 4 * _MIN_COLOUR_MARK_MM2 * mm2, 4.0,
                            _REGION_PAD_MM * _px_per_mm(dpi), rgb.shape[:2])


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


def _box_area(boxes: list[Box]) -> int:
    return sum((r - left) * (b - t) for left, t, r, b in boxes)


def choose_mode(rgb: np.ndarray, gray: np.ndarray, dpi: float, kind: PageKind) -> ModeChoice:
    """The automatic mode for a normalised page."""
    if kind in ("photo", "id_card"):
        # A card's photo, tints and security print are what makes the copy credible.
        return ModeChoice("color", (), (), f"{kind.replace('_', ' ')}: kept in colour")
    colour = colour_regions(rgb, dpi)
    photos = photo_regions(gray, dpi)
    page_area = gray.shape[0] * gray.shape[1]
    if not colour and not photos:
        return ModeChoice("bw", (), (), "text only: black-and-white")
    covered = _box_area(colour + photos) / page_area
    if covered > _PICTURE_PAGE:
        if colour:
            return ModeChoice("color", (), (), f"colour content covers {covered:.0%} of the page")
        return ModeChoice("gray", (), (), f"grey pictures cover {covered:.0%} of the page")
    what = ", ".join(filter(None, [f"{len(colour)} coloured mark(s)" if colour else "",
                                   f"{len(photos)} photo(s)" if photos else ""]))
    return ModeChoice("mixed", tuple(colour + photos), tuple(photos),
                      f"{what} kept in colour over black-and-white text")


def binarise(gray: np.ndarray) -> np.ndarray:
    """Ink mask (True = black) of a normalised grey page."""
    smooth = cv2.GaussianBlur(gray, (3, 3), 0)
    level, _ = cv2.threshold(smooth, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    level = float(np.clip(level, 120, 190))  # Otsu drifts on near-empty pages
    return smooth < level


def mask_image(ink: np.ndarray) -> Image.Image:
    """1-bit Pillow image, black (0) where there is ink."""
    return Image.fromarray(~ink)


def mixed_layers(rgb: np.ndarray, gray: np.ndarray, choice: ModeChoice) -> tuple[Image.Image, Image.Image]:
    """(colour layer at MIXED_LAYER_SCALE, 1-bit text mask at full size) for a mixed page."""
    ink = binarise(gray)
    h, w = gray.shape
    small_w, small_h = max(1, round(w * MIXED_LAYER_SCALE)), max(1, round(h * MIXED_LAYER_SCALE))
    layer = np.full((small_h, small_w, 3), 255, np.uint8)
    for left, top, right, bottom in choice.regions:
        part = rgb[top:bottom, left:right]
        # Coloured ink is shown by the colour layer; drawing it black on top would hide it.
        coloured = cv2.dilate((chroma(part) > _CHROMA_FULL).astype(np.uint8), np.ones((3, 3), np.uint8))
        ink[top:bottom, left:right] &= coloured == 0
        sl, st = int(left * MIXED_LAYER_SCALE), int(top * MIXED_LAYER_SCALE)
        sr, sb = min(small_w, int(right * MIXED_LAYER_SCALE)), min(small_h, int(bottom * MIXED_LAYER_SCALE))
        if sr > sl and sb > st:
            layer[st:sb, sl:sr] = cv2.resize(part, (sr - sl, sb - st), interpolation=cv2.INTER_AREA)
    for left, top, right, bottom in choice.photo_regions:
        ink[top:bottom, left:right] = False  # a photo is shown whole by the colour layer
    return Image.fromarray(layer), mask_image(ink)


def render(page: ProcessedPage) -> Image.Image:
    """The page as the PDF shows it (grey or RGB at full size): for OCR, thumbnails and checks."""
    size = (page.width_px, page.height_px)
    if page.mode == "bw" and page.mask is not None:
        return page.mask.convert("L")
    if page.image is None:
        raise ValueError(f"page {page.source!r} in mode {page.mode} has no image layer")
    base = page.image if page.image.size == size else page.image.resize(size, Image.Resampling.BILINEAR)
    if page.mode == "mixed" and page.mask is not None:
        base = base.convert("RGB")
        ink = Image.eval(page.mask.convert("L"), lambda v: 255 - v)
        base.paste((0, 0, 0), (0, 0), ink)
    return base
