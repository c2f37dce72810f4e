"""Offline Vietnamese OCR: Tesseract in-process (tesserocr) with the language data we ship.

`recognise(image, dpi)` returns an `OcrPage`: the page text (NFC, one line of print per line,
blank line between blocks) and every word with its pixel box and confidence, which is what
the invisible PDF text layer and the text index need. `detect_rotation(image)` asks
Tesseract's orientation detector how far a page must be turned for upright text.
`OcrJob` runs pages one after another on a background thread with per-page progress and
cancellation between pages; it knows nothing of Qt.

Data: `resources/tessdata/` (vie = tessdata_fast from Debian's tesseract-ocr-vie, osd from
tesseract-ocr-osd; see the README there). Nothing is downloaded, ever.

Threads: a Tesseract API object is costly to create (hundreds of ms) and not thread-safe, so
each thread keeps its own, created on first use and reused for every later page.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import tesserocr
from PIL import Image

from app.errors import InputError
from app.errors import MotcuaError
from app.paths import resource
from app.text import nfc

MIN_DPI, MAX_DPI = 50, 1200
# Words with no letter or digit and a confidence below this are paper specks read as "_", "'"
# or ":" — dropping them costs nothing real, keeping them garbles the text layer and search.
SPECK_CONFIDENCE = 60.0
# Largest ink blob (in pixels at 200 dpi) removed as dust before recognition. Small enough that
# the dot of "i", the dot below "ạ" and a colon's dots survive at 11-13 pt.
SPECK_AREA_AT_200DPI = 6
# Tesseract's orientation confidence below which we leave a page as it is: a wrong turn is
# worse than none (the official sees and fixes an upside-down page in a second).
MIN_ORIENTATION_CONFIDENCE = 8.0
# Orientation detection needs letters of ~20 px: A4 at 200 dpi (2339 px tall) is read as is,
# bigger scans are shrunk to this longer side (below ~1800 px its confidence collapses).
OSD_MAX_SIDE_PX = 2400


@dataclass(frozen=True)
class OcrWord:
    """One recognised word; the box is in pixels of the recognised image, (0, 0) top-left."""

    text: str
    left: int
    top: int
    right: int
    bottom: int
    confidence: float  # 0–100 as Tesseract reports it
    line: int = 0  # index of the printed line on the page (text layer keeps lines together)


@dataclass(frozen=True)
class OcrPage:
    """What OCR found on one page image."""

    text: str  # NFC; words joined by spaces, lines by "\n", blocks by a blank line
    words: list[OcrWord]
    width_px: int
    height_px: int
    dpi: float
    lang: str = "vie"


def tessdata_dir() -> Path:
    """Where the shipped Tesseract language data lives."""
    return resource("tessdata")


def _check_lang(lang: str) -> None:
    if not isinstance(lang, str) or not lang:
        raise InputError("OCR language must be a Tesseract code such as 'vie'")
    for part in lang.split("+"):
        if not (tessdata_dir() / f"{part}.traineddata").is_file():
            # Shipped data is missing: an installation defect, not something the user typed.
            raise MotcuaError(f"OCR language '{part}': {part}.traineddata is not in {tessdata_dir()}",
                              title="OCR data missing", kind="capture.ocr_data_missing",
                              params={"language": part})


_local = threading.local()  # per-thread Tesseract APIs: costly to create, not thread-safe


def _api(lang: str) -> tesserocr.PyTessBaseAPI:
    apis: dict[str, tesserocr.PyTessBaseAPI] = getattr(_local, "apis", None) or {}
    _local.apis = apis
    if lang not in apis:
        if lang == "osd":
            apis[lang] = tesserocr.PyTessBaseAPI(path=str(tessdata_dir()), lang="osd",
                                                 psm=tesserocr.PSM.OSD_ONLY,
                                                 oem=tesserocr.OEM.TESSERACT_ONLY)
        else:
            apis[lang] = tesserocr.PyTessBaseAPI(path=str(tessdata_dir()), lang=lang,
                                                 psm=tesserocr.PSM.AUTO, oem=tesserocr.OEM.LSTM_ONLY)
    return apis[lang]


def _check_input(image: object, dpi: object) -> float:
    if not isinstance(image, Image.Image):
        raise InputError(f"OCR image must be a PIL image, not {type(image).__name__}")
    if image.width < 8 or image.height < 8:
        raise InputError(f"OCR image is too small ({image.width}×{image.height} pixels)")
    if isinstance(dpi, bool) or not isinstance(dpi, (int, float)) or not MIN_DPI <= dpi <= MAX_DPI:
        raise InputError(f"OCR dpi must be a number from {MIN_DPI} to {MAX_DPI}, got {dpi!r}")
    return float(dpi)


def prepare(image: Image.Image, dpi: float) -> Image.Image:
    """The grey image Tesseract reads: coloured ink dropped, light evened out, dust removed.

    Taking the BRIGHTEST channel makes red seals and blue signatures nearly white while black
    print stays black, so a seal stamped over a name no longer hides it. Dividing by a blurred
    estimate of the paper flattens lamp/window gradients that would fool the binariser.
    """
    if image.mode in ("RGB", "RGBA", "P", "CMYK", "YCbCr"):
        grey = np.asarray(image.convert("RGB")).max(axis=2)
    else:
        grey = np.asarray(image.convert("L"))
    kernel = max(3, round(dpi / 13)) | 1  # wider than a stroke at any body text size
    paper = cv2.medianBlur(cv2.dilate(grey, np.ones((kernel, kernel), np.uint8)), 2 * kernel + 1)
    flat = np.clip(grey.astype(np.float32) / np.maximum(paper, 1) * 255.0, 0, 255).astype(np.uint8)
    return Image.fromarray(_despeckle(flat, dpi))


def _despeckle(grey: np.ndarray, dpi: float) -> np.ndarray:
    _, ink = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    max_area = max(1, round(SPECK_AREA_AT_200DPI * (dpi / 200.0) ** 2))
    specks = stats[:, cv2.CC_STAT_AREA] < max_area
    specks[0] = False  # label 0 is the paper
    if not specks.any():
        return grey
    cleaned = grey.copy()
    cleaned[specks[labels]] = 255
    return cleaned


def recognise(image: Image.Image, dpi: float, *, lang: str = "vie") -> OcrPage:
    """Read the text of one page image; raises InputError for an unusable image or dpi."""
    dpi = _check_input(image, dpi)
    _check_lang(lang)
    api = _api(lang)
    api.SetImage(prepare(image, dpi))
    api.SetSourceResolution(round(dpi))
    if not api.Recognize():
        raise MotcuaError("Tesseract could not recognise the page", title="OCR failed", kind="capture.ocr_failed")
    words, text = _collect(api)
    return OcrPage(text=text, words=words, width_px=image.width, height_px=image.height,
                   dpi=dpi, lang=lang)


def _collect(api: tesserocr.PyTessBaseAPI) -> tuple[list[OcrWord], str]:
    """Words with boxes, and the text rebuilt from the same words so both always agree."""
    level = tesserocr.RIL.WORD
    words: list[OcrWord] = []
    blocks: list[list[list[str]]] = []
    iterator = api.GetIterator()
    for result in tesserocr.iterate_level(iterator, level):
        try:
            raw = result.GetUTF8Text(level)
        except RuntimeError:  # "No text returned": an empty region (a tiny or blank page)
            continue
        box = result.BoundingBox(level)
        if not raw or not raw.strip() or box is None:
            continue
        text, confidence = nfc(raw.strip()), float(result.Confidence(level))
        if confidence < SPECK_CONFIDENCE and not any(ch.isalnum() for ch in text):
            continue
        if not blocks or result.IsAtBeginningOf(tesserocr.RIL.BLOCK):
            blocks.append([])
        if not blocks[-1] or result.IsAtBeginningOf(tesserocr.RIL.TEXTLINE):
            blocks[-1].append([])
        blocks[-1][-1].append(text)
        left, top, right, bottom = box
        line = sum(len(block) for block in blocks) - 1
        words.append(OcrWord(text, left, top, right, bottom, confidence, line))
    text = "\n\n".join("\n".join(" ".join(line) for line in block) for block in blocks if block)
    return words, text


def detect_rotation(image: Image.Image) -> int:
    """Degrees (0, 90, 180, 270) to turn the page for upright text, 0 when unsure.

    The angle follows PIL's counter-clockwise convention: `image.rotate(angle, expand=True)`
    makes the text upright. Pages with too little text for a confident answer give 0.
    """
    _check_input(image, 200)
    _check_lang("osd")
    small = image.convert("L")
    scale = min(1.0, OSD_MAX_SIDE_PX / max(small.width, small.height))
    if scale < 1.0:
        small = small.resize((round(small.width * scale), round(small.height * scale)), Image.Resampling.LANCZOS)
    api = _api("osd")
    api.SetImage(small)
    try:
        found = api.DetectOrientationScript()
    except RuntimeError:  # Tesseract gives up on pages with almost no text
        return 0
    if not found or found.get("orient_conf", 0.0) < MIN_ORIENTATION_CONFIDENCE:
        return 0
    return int(found["orient_deg"]) % 360


OcrInput = tuple[Image.Image, float]  # (page image, its dpi)


class OcrJob:
    """OCR a list of pages in order, reporting each page as it is done; cancellable between pages.

    `on_page(index, page)` runs on the worker thread after every page (a UI adapter re-posts
    it to its own thread); `on_done(job)` runs once at the end, cancelled or not. Call `run()`
    to work in the calling thread or `start()` for a daemon thread, then `wait()`.
    """

    def __init__(self, pages: Sequence[OcrInput], on_page: Callable[[int, OcrPage], None], *,
                 cancel: threading.Event | None = None, lang: str = "vie",
                 on_done: Callable[[OcrJob], None] | None = None) -> None:
        self.pages = list(pages)
        self.on_page = on_page
        self.cancel_event = cancel or threading.Event()
        self.lang = lang
        self.on_done = on_done
        self.results: list[OcrPage] = []
        self.error: BaseException | None = None
        self._thread: threading.Thread | None = None
        self._finished = threading.Event()

    @property
    def cancelled(self) -> bool:
        """True when the job stopped early because it was asked to."""
        return self.cancel_event.is_set() and len(self.results) < len(self.pages)

    def cancel(self) -> None:
        """Ask the job to stop after the page it is reading now."""
        self.cancel_event.set()

    def run(self) -> list[OcrPage]:
        """Do the work here; returns the pages done (fewer when cancelled), re-raises errors."""
        try:
            for index, (image, dpi) in enumerate(self.pages):
                if self.cancel_event.is_set():
                    break
                page = recognise(image, dpi, lang=self.lang)
                self.results.append(page)
                self.on_page(index, page)
        except BaseException as exc:  # recorded for wait()/on_done, then passed on
            self.error = exc
            raise
        finally:
            self._finished.set()
            if self.on_done is not None:
                self.on_done(self)
        return self.results

    def start(self) -> None:
        """Run on a background daemon thread (it owns its own Tesseract instance)."""
        if self._thread is not None:
            raise RuntimeError("an OcrJob can only be started once")

        def work() -> None:
            # Any failure is kept in self.error (run() records it) for the caller to show.
            with contextlib.suppress(Exception):
                self.run()

        self._thread = threading.Thread(target=work, name="ocr-job", daemon=True)
        self._thread.start()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the job has finished; False if `timeout` passed first."""
        return self._finished.wait(timeout)
