"""Page processing: RawPage in, ProcessedPage out, ready for the PDF writer.

Order matters: flatten a photo first (everything else assumes a flat sheet), normalise the light
(thresholds assume white paper), turn by text orientation (deskew only corrects small angles),
deskew, then decide the colour mode on the clean page. Resolution is judged here, never refused:
a page below what keeps small text legible is kept as it is (never upscaled) with a warning
saying why and what to do, and a resolution field that gives no real paper size is replaced by
an estimate from the page itself.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import cv2
import numpy as np
from PIL import Image

from app.capture import blank, geometry, light, modes
from app.capture.pages import (DOCUMENT_DPI_FLOOR, ID_CARD_DPI_FLOOR, MODES, PageKind, ProcessedPage,
                               RawPage, source_params)
from app.errors import InputError

# Above these a page is resampled down: more dots add bytes, not legibility.
DPI_CEILING = {"document": 300, "id_card": 600, "photo": 300}
# Below these a page is still kept, with a warning: small print and diacritics become hard to read
# (documents), the chip-ID QR code and photo lose detail (cards).
WARN_BELOW_DPI = {"document": 150, "id_card": 300, "photo": 150}
# Below this a 1-bit layer drawn at the page's own resolution breaks thin strokes and diacritics:
# the page is enlarged (smoothly, whole times) before the threshold, so the text layer draws the
# letters' real outline. Nothing is invented: the stored picture is as sharp as the source.
THRESHOLD_BELOW_DPI = 150
_MAX_ENLARGE = 3
# A document page that the automatic choice keeps whole as a picture (a phone photo of a book
# page, shaded paper all over) is drawn at this resolution: JPEG bytes grow with the pixels, and
# its text stays legible at the dpi a document scan is accepted at (OCR reads the full-size grey).
PICTURE_PAGE_DPI = 150
_FLOOR_SLACK = 0.5  # 149.6 dpi from a rounding scanner driver is still a 150 dpi scan
_PHOTO_SLACK = 0.93  # a photographed sheet's resolution is an estimate; allow 7 % under
_ASPECT_SNAP = 0.03  # a photographed sheet this close to A4 / ID-1 proportions is made exact
_A4_LIKE = 0.10  # farther than this from A4 proportions, a photographed sheet is some other paper

# Called with the normalised page; returns the counter-clockwise turn (0, 90, 180, 270) that
# makes its text upright, PIL's convention - `app.capture.ocr.detect_rotation` fits.
Orienter = Callable[[Image.Image], int]


def dpi_floor(kind: PageKind) -> int:
    """The resolution a page of this kind is kept at when the source offers more."""
    return ID_CARD_DPI_FLOOR if kind == "id_card" else DOCUMENT_DPI_FLOOR


def check_mode(mode: str) -> None:
    if mode not in MODES:
        raise InputError(f"mode {mode!r} is not one of {', '.join(MODES)}")


def _warn_low(raw: RawPage, dpi: float, warnings: list[tuple[str, dict[str, Any]]], notes: list[str]) -> None:
    """Warn (not refuse) when the page is below what keeps its content legible."""
    least = WARN_BELOW_DPI.get(raw.kind, WARN_BELOW_DPI["document"])
    # A photographed sheet's resolution is measured against A4: a little under is no evidence.
    if dpi >= least * (_PHOTO_SLACK if raw.photographed else 1.0) - _FLOOR_SLACK:
        return
    kind = "capture.photo_too_far" if raw.photographed else "capture.resolution_too_low"
    warnings.append((kind, {**source_params(raw.source), "dpi": round(dpi), "floor": dpi_floor(raw.kind)}))
    notes.append(f"warning: only {dpi:.0f} dpi (below {least}); " + (
        "take the photo closer, filling the frame with the sheet" if raw.photographed
        else f"scan again at {dpi_floor(raw.kind)} dpi if small text must be read"))


def _flatten_photo(rgb: np.ndarray, raw: RawPage, floor: int, notes: list[str]) -> tuple[np.ndarray, float, bool]:
    """Find the sheet in a photo and flatten it, at the floor resolution or, below it, as taken;
    the flag says whether the sheet has A4 (ID-1) proportions, so its resolution means something."""
    card = raw.kind == "id_card"
    corners = geometry.find_paper(rgb)
    found = corners is not None
    if corners is None:
        notes.append("paper edges not found: the whole frame is taken as the sheet")
        h, w = rgb.shape[:2]
        corners = np.array([[0, 0], [w - 1, 0], [w - 1, h - 1], [0, h - 1]], np.float32)
    else:
        notes.append("paper found and flattened")
    width, height = geometry.quad_size(corners)
    long_inch = geometry.paper_long_side_inch(card=card)
    measured = max(width, height) / long_inch
    dpi = float(floor) if measured >= floor * _PHOTO_SLACK else measured  # never upscaled
    aspect = max(width, height) / max(1.0, min(width, height))
    wanted = geometry.ID1_ASPECT if card else geometry.A4_ASPECT
    # Only a sheet whose edges were found, and nearly A4 already, is made exact: the whole frame
    # of a photo, a receipt or a stretched sheet keeps its own proportions.
    if found and abs(aspect / wanted - 1) < _ASPECT_SNAP:
        long_px = round(long_inch * dpi)
        short_px = round(long_px / wanted)
        size = (short_px, long_px) if height >= width else (long_px, short_px)
    else:
        size = (max(1, round(width * dpi / measured)), max(1, round(height * dpi / measured)))
    sized = abs(aspect / wanted - 1) < _A4_LIKE
    return geometry.flatten(rgb, corners, size), dpi, sized


def _resample(rgb: np.ndarray, dpi: float, kind: PageKind, notes: list[str]) -> tuple[np.ndarray, float]:
    ceiling = DPI_CEILING.get(kind, DPI_CEILING["document"])
    if dpi <= ceiling + _FLOOR_SLACK:
        return rgb, dpi
    factor = ceiling / dpi
    notes.append(f"resampled from {dpi:.0f} to {ceiling} dpi")
    return cv2.resize(rgb, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA), float(ceiling)


def _prepare(raw: RawPage, notes: list[str], warnings: list[tuple[str, dict[str, Any]]]) -> tuple[np.ndarray, float]:
    """Flat, cropped, right-resolution RGB page."""
    floor = dpi_floor(raw.kind)
    rgb = np.asarray(raw.image.convert("RGB"))
    if raw.photographed:
        rgb, dpi, sized = _flatten_photo(rgb, raw, floor, notes)
        if not sized:  # a receipt or a note: its resolution cannot be told from an A4 sheet's
            return _resample(rgb, dpi, raw.kind, notes)
    else:
        dpi, kept = geometry.page_dpi(rgb.shape[1], rgb.shape[0], raw.dpi)
        if not kept:
            notes.append(f"{raw.dpi:.0f} dpi gives no real paper size: taken as an A4 page, {dpi:.0f} dpi")
        card = geometry.find_card(rgb) if raw.kind == "id_card" else None
        box = geometry.crop_box(rgb) if card is None else None
        if card is not None:
            width, height = geometry.quad_size(card)
            rgb = geometry.flatten(rgb, card, (round(width), round(height)))
            notes.append(f"card cut out: {round(width)}x{round(height)} px")
        elif box is not None:
            left, top, right, bottom = box
            rgb = rgb[top:bottom, left:right]
            notes.append(f"cropped to {right - left}x{bottom - top} px")
    _warn_low(raw, dpi, warnings, notes)
    return _resample(rgb, dpi, raw.kind, notes)


def _enlarge_for_threshold(rgb: np.ndarray, dpi: float, notes: list[str]) -> tuple[np.ndarray, float]:
    factor = min(_MAX_ENLARGE, math.ceil(THRESHOLD_BELOW_DPI / dpi))
    notes.append(f"drawn at {factor}x ({dpi * factor:.0f} dpi) before black-and-white, so thin strokes "
                 "and diacritics keep their shape")
    return cv2.resize(rgb, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC), dpi * factor


def _orient(rgb: np.ndarray, raw: RawPage, orient: Orienter | None) -> tuple[np.ndarray, int]:
    if orient is None:
        return rgb, 0
    turn = int(orient(Image.fromarray(rgb))) % 360
    if turn not in (0, 90, 180, 270):
        raise ValueError(f"{raw.source}: orientation {turn} is not a quarter turn")
    return geometry.rotate_quarter(rgb, turn), turn


def process_page(raw: RawPage, mode: str = "auto", *, orient: Orienter | None = None,
                 grey_ready: Callable[[ProcessedPage], None] | None = None) -> ProcessedPage:
    """Clean one page and cut it into the layers its colour mode stores.

    A page below the resolution that keeps it legible is kept, with a warning in `warnings`.
    `grey_ready(page)` is called as soon as a document page's grey image (what OCR reads) and
    its blank verdict are known, before the layers are cut: OCR can start on another core
    while this one cuts and encodes the layers. The page's other fields are not final yet then.
    """
    check_mode(mode)
    notes: list[str] = []
    warnings: list[tuple[str, dict[str, Any]]] = []
    rgb, dpi = _prepare(raw, notes, warnings)
    enlarged = False
    if raw.kind == "document":
        rgb = light.normalise(rgb)  # cards and photos are kept as captured: their tints are content
        # Not for photos: their resolution is measured against A4 and says little of a receipt's.
        if mode in ("auto", "bw", "mixed") and dpi < THRESHOLD_BELOW_DPI - _FLOOR_SLACK and not raw.photographed:
            rgb, dpi = _enlarge_for_threshold(rgb, dpi, notes)
            enlarged = True
    rgb, turn = _orient(rgb, raw, orient)
    if turn:
        notes.append(f"turned {turn} degrees counter-clockwise to make the text upright")
    gray = geometry.to_gray(rgb)
    skew = geometry.estimate_skew(gray)
    if abs(skew) >= geometry.MIN_SKEW_DEGREES:
        rgb = geometry.rotate(rgb, skew)
        gray = geometry.rotate(gray, skew)
    else:
        skew = 0.0
    is_blank = blank.is_blank(gray, dpi)
    page = ProcessedPage(mode="bw", dpi=dpi, width_px=gray.shape[1], height_px=gray.shape[0],
                         rotation=turn, skew_degrees=skew, blank=is_blank, source=raw.source, notes=notes,
                         warnings=warnings)
    if raw.kind == "document":
        # For OCR, the brightest channel: a red seal or blue signature over a name turns light,
        # black print stays black, so OCR reads the name rather than the stamp. Cards and photos
        # are stored in colour at full size already: OCR reads that.
        page.grey = Image.fromarray(modes.brightest(rgb) if rgb.ndim == 3 else gray)
        if grey_ready is not None:
            grey_ready(page)
    _fill_layers(page, rgb, gray, mode, raw.kind, enlarged)
    return page


def _fill_layers(page: ProcessedPage, rgb: np.ndarray, gray: np.ndarray, mode: str, kind: PageKind,
                 enlarged: bool = False) -> None:
    if mode == "auto" and page.blank:
        choice = modes.ModeChoice("bw", (), (), "blank page")
    elif mode in ("auto", "mixed"):
        choice = modes.choose_mode(rgb, gray, page.dpi, kind)
        if mode == "mixed" and choice.mode != "mixed":
            regions = tuple(modes.colour_regions(rgb, page.dpi) + modes.photo_regions(gray, page.dpi))
            choice = (modes.ModeChoice("mixed", regions, (), "mixed as asked") if regions
                      else modes.ModeChoice("bw", (), (), "mixed asked, but nothing is coloured"))
    else:
        choice = modes.ModeChoice(mode, (), (), f"{mode} as asked")  # type: ignore[arg-type]
    if enlarged and choice.mode == "mixed":
        # From a low-resolution source, a seal's fine print is only legible in its own tones:
        # its regions are kept as pictures (at the source's resolution), not as flat inks.
        choice = modes.ModeChoice("mixed", choice.regions, choice.regions, choice.reason)
    page.mode = choice.mode
    page.notes.append(f"mode {choice.mode}: {choice.reason}")
    if choice.mode == "bw":
        page.mask = modes.mask_image(modes.text_mask(gray, page.dpi))
    elif choice.mode in ("gray", "color"):
        picture = gray if choice.mode == "gray" else rgb
        if mode == "auto" and kind == "document" and page.dpi > PICTURE_PAGE_DPI + _FLOOR_SLACK:
            factor = PICTURE_PAGE_DPI / page.dpi
            picture = cv2.resize(picture, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
            page.notes.append(f"kept as a picture at {PICTURE_PAGE_DPI} dpi")
        page.image = Image.fromarray(picture)
    else:
        layers = modes.mixed_layers(rgb, gray, choice, page.dpi)
        page.image, page.mask, page.inks = layers.image, layers.mask, layers.inks


@dataclass
class PageProblem:
    """A page that could not be processed, and why (the message names the page)."""

    source: str
    message: str


@dataclass
class Batch:
    """Pages processed so far and pages refused; one bad page never loses the others."""

    pages: list[ProcessedPage] = field(default_factory=list)
    problems: list[PageProblem] = field(default_factory=list)


def process_pages(raws: Iterable[RawPage], mode: str = "auto", *,
                  orient: Orienter | None = None) -> Batch:
    """Process each page in turn, keeping the good ones when some are refused."""
    check_mode(mode)
    batch = Batch()
    for raw in raws:
        try:
            batch.pages.append(process_page(raw, mode, orient=orient))
        except InputError as error:
            batch.problems.append(PageProblem(raw.source, error.message))
    return batch
