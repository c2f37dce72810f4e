"""Offline Vietnamese OCR: Tesseract in-process (tesserocr) with the language data we ship.

`recognise(image, dpi)` returns an `OcrPage`: the page text (NFC, one line of print per line,
blank line between blocks) and every word with its pixel box and confidence, which is what
the invisible PDF text layer and the text index need. `recognise_page(page)` reads a processed
page from its greyscale image (kept by the pipeline before binarisation), never from the 1-bit
layer: thresholding at 80-150 dpi breaks diacritics that Tesseract reads from the grey.

What measurably helps on real pages (bench/scan_real.py): grey rather than bitonal input; small
print upscaled until its letters are ~12 px tall (a 572x960 photo of an A4 letter: 0.82 -> 0.88
words right); no dust filter before recognition (it removed dots and hooks of diacritics); and
`vie` for Vietnamese pages and `eng+vie` for others (English pages: 0.87 -> 0.95). The choice is
made from the page's tone marks before anything is read (`app.capture.ink_blobs`: a share of
letters with a mark above them, 0.27-0.36 on real Vietnamese letters, 0.09 at most on English,
French and German print), else from a band across the middle of the page read with `vie`; so no
page is read whole twice (a 300 dpi English magazine page: ~7.5 -> ~4 s CPU), and most are read
once with no band (0.1-0.6 s less). Layout analysis is Tesseract's automatic one (psm 3):
the single-block modes (4, 6) merge the columns of a magazine page (0.95 -> 0.45); its blocks are
then put in reading order where its column finder contradicts the page (`reading_order`).
Tried and not taken, as they read real pages worse: recognition at 0.6-0.8x on 300 dpi print (up
to -25 % CPU, but the layout changes with scale: the linn page 0.947 -> 0.894 at 0.8x), and
cutting a page into parts of our own choosing for two threads (Tesseract's blocks or lines cut
by their boxes: 0.966 -> 0.948-0.954 on the 8071 spread; two masked halves: linn 0.947 -> 0.81).
What does work is cutting it where Tesseract itself does: with a core idle, a page is analysed
once and its strips, the very pixels Tesseract's LSTM would read (`app.capture.strips`), are
read by two threads from either end, word for word the whole page's reading.
`detect_rotation(image)` asks Tesseract's orientation detector how far a page must be turned for
upright text. `recognise_page_soon(page)` reads a page on one of OCR_THREADS long-lived OCR
threads, so a caller can go on cutting layers and cleaning the next page meanwhile, and two pages
of a dossier are read at once (`scan2pdf --ocr` does). `OcrJob`
runs pages one after another on a background thread with per-page progress and cancellation
between pages; it knows nothing of Qt.

Data: `resources/tessdata/` (vie and eng = tessdata_fast from Debian's tesseract-ocr-vie and
tesseract-ocr-eng, osd from tesseract-ocr-osd; see the README there). Nothing is downloaded, ever.

Threads: a Tesseract API object is costly to create (hundreds of ms) and not thread-safe, so
each thread keeps its own, created on first use and reused for every later page (about 75 MB a
thread with `vie`, `eng+vie` and `osd`): the OCR threads' and the strip reader's.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import threading
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import cv2
import numpy as np
import tesserocr
from PIL import Image

from app.capture.geometry import shrink
from app.capture.ink_blobs import InkBlobs, ink_blobs, letter_height, lines_of, looks_vietnamese
from app.capture.pages import ProcessedPage
from app.capture.strips import Box, StripQueue, strips, word_boxes
from app.errors import InputError, MotcuaError
from app.paths import resource
from app.text import nfc

T = TypeVar("T")
MIN_DPI, MAX_DPI = 50, 1200
# Words with no letter or digit and a confidence below this are paper specks read as "_", "'"
# or ":" — dropping them costs nothing real, keeping them garbles the text layer and search.
SPECK_CONFIDENCE = 60.0
# Tesseract's language setting for "Vietnamese, or English when the page is not Vietnamese".
AUTO_LANG = "auto"
VIETNAMESE, OTHER = "vie", "eng+vie"
# Share of a page's words with a letter only Vietnamese writes (đ, ơ, ư, ă, hook above, dot
# below, a circumflex vowel with a tone) from which it is read as Vietnamese. Vietnamese print
# has ~55 % (va4_2); English has none, read with the `vie` model a few stray ones.
VIETNAMESE_WORD_SHARE = 0.12
# The language of a page is judged from a band of this share of its height across the middle
# (at least PROBE_MIN_INCH tall: ~6 lines of body text), when the band holds PROBE_MIN_WORDS words
# of two letters or more.
PROBE_SHARE = 1 / 8
PROBE_MIN_INCH = 1.0
PROBE_MIN_WORDS = 12
# Where the bands are centred, as shares of the page height, tried in turn until one has enough
# words: a page whose middle is a picture or a gap (epson.tif) is judged from its text above or
# below rather than read whole twice.
PROBE_CENTRES = (0.5, 0.3, 0.7)
# Print whose letters are shorter than this (median ink-blob height, px) is upscaled for
# recognition: Tesseract's line finder and LSTM lose diacritics below it.
MIN_LETTER_PX = 12.0
MAX_UPSCALE = 3.0
MAX_UPSCALED_SIDE_PX = 4000  # big enough pages are left alone whatever their blobs say
# Tesseract's orientation confidence below which we leave a page as it is: a wrong turn is
# worse than none (the official sees and fixes an upside-down page in a second).
MIN_ORIENTATION_CONFIDENCE = 8.0
# A reading of a page as it lies is of upright print when its words of two letters or more
# number at least UPRIGHT_MIN_WORDS and Tesseract's confidence in them averages at least
# UPRIGHT_CONFIDENCE. On the 18 real pages (bench/scan_real.py) upright print averages 87-96
# (the phone photo of a shaded cookbook page 87), the same pages turned by a quarter or half turn
# 35-59; a page with fewer words (a handwritten note: 10) is asked the orientation detector.
UPRIGHT_CONFIDENCE = 75.0
UPRIGHT_MIN_WORDS = 20
# A page's lines run across it when at least this share of its letters have their nearest letter
# beside them (`ink_blobs.Lines.beside`: 0.93-1.0 on real pages lying across, 0.22 at most on
# pages lying sideways); judged on a copy of at most LINES_MAX_SIDE_PX (~0.03 s a page).
LINES_ACROSS_SHARE = 0.75
LINES_MAX_SIDE_PX = 1600
# Its letters tell which way up when `ink_blobs.Lines.baseline_lean` is at least this far from 0
# (0.12-0.41 upright on the real pages, the same negated upside down; generated Vietnamese pages
# at 100-300 dpi 0.20-0.43).
BASELINE_LEAN = 0.10
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
    lang: str = "vie"  # the Tesseract language(s) the text was read with


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


def prepare(image: Image.Image, dpi: float, *, even_light: bool = False) -> Image.Image:
    """The grey image Tesseract reads: coloured ink dropped, light evened out.

    Taking the BRIGHTEST channel makes red seals and blue signatures nearly white while black
    print stays black, so a seal stamped over a name no longer hides it. Dividing by a blurred
    estimate of the paper flattens lamp/window gradients that would fool the binariser; skipped
    when `even_light` says the caller already did it (the pipeline's documents: 0.5 s saved on a
    300 dpi page).
    """
    if image.mode in ("RGB", "RGBA", "P", "CMYK", "YCbCr"):
        grey = np.asarray(image.convert("RGB")).max(axis=2)
    else:
        grey = np.asarray(image.convert("L"))
    if even_light:
        return Image.fromarray(grey)
    kernel = max(3, round(dpi / 13)) | 1  # wider than a stroke at any body text size
    paper = cv2.medianBlur(cv2.dilate(grey, np.ones((kernel, kernel), np.uint8)), 2 * kernel + 1)
    flat = np.clip(grey.astype(np.float32) / np.maximum(paper, 1) * 255.0, 0, 255).astype(np.uint8)
    # No dust filter here: at 70-150 dpi a dust-sized blob is the dot of "ạ" or the hook of "ả"
    # (0.84 -> 0.51 words right on a 70 dpi letter); specks Tesseract reads as "'" or ":" are
    # dropped after recognition instead (SPECK_CONFIDENCE).
    return Image.fromarray(flat)


def upscale_factor(grey: np.ndarray) -> float:
    """How much to enlarge a page before recognition: 1.0 unless its print is small."""
    return _upscale_factor(ink_blobs(grey))


def _upscale_factor(blobs: InkBlobs) -> float:
    height = letter_height(blobs)
    if height is None or height >= MIN_LETTER_PX:
        return 1.0
    return max(1.0, min(MIN_LETTER_PX / height, MAX_UPSCALE, MAX_UPSCALED_SIDE_PX / max(blobs.shape)))


def vietnamese_share(words: Sequence[OcrWord] | Sequence[str]) -> float:
    """Share of the words (two letters or more) written with a letter only Vietnamese uses."""
    texts = [w if isinstance(w, str) else w.text for w in words]
    long_words = [text for text in texts if sum(ch.isalpha() for ch in text) >= 2]
    if not long_words:
        return 0.0
    return sum(_vietnamese_word(text) for text in long_words) / len(long_words)


_VIETNAMESE_MARKS = {"\u0309", "\u0323", "\u031b", "\u0306"}  # hook above, dot below, horn, breve


def _vietnamese_word(text: str) -> bool:
    if "đ" in text or "Đ" in text:
        return True
    marks = 0
    for ch in unicodedata.normalize("NFD", text):
        if ch in _VIETNAMESE_MARKS:
            return True
        if unicodedata.combining(ch):
            marks += 1
            if marks >= 2:  # ế, ồ, ẫ: a circumflex vowel with a tone
                return True
        else:
            marks = 0
    return False


def recognise(image: Image.Image, dpi: float, *, lang: str = AUTO_LANG, even_light: bool = False) -> OcrPage:
    """Read the text of one page image; raises InputError for an unusable image or dpi.

    `lang` "auto" reads with `vie` and again with `eng+vie` when fewer than
    VIETNAMESE_WORD_SHARE of the words are Vietnamese; any other value is Tesseract's code.
    Word boxes are in pixels of `image` whatever scale recognition ran at. `even_light`: the
    paper is already white and even (see `prepare`).
    """
    dpi = _check_input(image, dpi)
    grey = prepare(image, dpi, even_light=even_light)
    blobs = ink_blobs(np.asarray(grey))
    factor = _upscale_factor(blobs)
    if factor > 1.0:
        size = (round(grey.width * factor), round(grey.height * factor))
        grey = grey.resize(size, Image.Resampling.BICUBIC)
    langs = [VIETNAMESE, OTHER] if lang == AUTO_LANG else [lang]
    if lang == AUTO_LANG:
        langs = _language_from_marks(blobs) or _probe_language(grey, dpi * factor) or langs
    for attempt in langs:
        _check_lang(attempt)
        words, text = _read(grey, dpi * factor, attempt, factor)
        if len(langs) == 1 or vietnamese_share(words) >= VIETNAMESE_WORD_SHARE:
            break
    return OcrPage(text=text, words=words, width_px=image.width, height_px=image.height,
                   dpi=dpi, lang=attempt)


def _language_from_marks(blobs: InkBlobs) -> list[str] | None:
    """The language setting the page's tone marks call for, None when they do not tell."""
    verdict = looks_vietnamese(blobs)
    return None if verdict is None else [VIETNAMESE] if verdict else [OTHER]


def _probe_language(grey: Image.Image, dpi: float) -> list[str] | None:
    """The one language setting to read a page with, judged from a band across its middle read
    with `vie` (or, when that band is nearly empty, one across its upper or lower third); None
    when no band has enough words to tell (then the whole page decides).

    An English page read whole with `vie` and again with `eng+vie` costs two full readings
    (~8 s CPU on a 300 dpi magazine page); a band costs an eighth of one, a nearly empty band
    much less.
    """
    height = grey.height
    band = max(round(PROBE_MIN_INCH * dpi), round(height * PROBE_SHARE))
    if band * 2 > height:
        return None
    _check_lang(VIETNAMESE)
    for centre in PROBE_CENTRES:
        top = min(max(0, round(height * centre - band / 2)), height - band)
        words, _ = _read(grey.crop((0, top, grey.width, top + band)), dpi, VIETNAMESE, 1.0)
        if sum(sum(ch.isalpha() for ch in w.text) >= 2 for w in words) >= PROBE_MIN_WORDS:
            return [VIETNAMESE] if vietnamese_share(words) >= VIETNAMESE_WORD_SHARE else [OTHER]
    return None


def recognise_page(page: ProcessedPage, *, lang: str = AUTO_LANG) -> OcrPage:
    """Read a processed page from the best image it has: its grey image when the pipeline kept
    one, else the page as the PDF shows it. Boxes fit the PDF page either way."""
    if page.grey is not None:  # kept for documents, whose light the pipeline has evened
        return recognise(page.grey, page.dpi, lang=lang, even_light=True)
    from app.capture.modes import render  # modes needs numpy/cv2 only; imported late like pdfa

    return recognise(render(page), page.dpi, lang=lang)


def reads_upright(found: OcrPage) -> bool:
    """Whether a reading is of upright print: enough words, read with confidence, lying across
    the page. Tesseract reads print that runs down a page (a sheet scanned sideways) by turning
    it, often confidently; its words' boxes, taller than wide, give that away."""
    sure = [word.confidence for word in found.words if sum(ch.isalnum() for ch in word.text) >= 2]
    if len(sure) < UPRIGHT_MIN_WORDS or sum(sure) / len(sure) < UPRIGHT_CONFIDENCE:
        return False
    long_words = [word for word in found.words if sum(ch.isalnum() for ch in word.text) >= 4]
    standing = sum(word.bottom - word.top > word.right - word.left for word in long_words)
    return 2 * standing <= len(long_words)


def recognise_upright(page: ProcessedPage, *, lang: str = AUTO_LANG, oriented: bool = False
                      ) -> tuple[OcrPage, int]:
    """Read a page as it lies; (its reading, 0) when the print reads upright, else (its reading,
    the turn Tesseract's orientation detector asks for, 0 when it sees no better way up).

    A turn other than 0 means the page must be turned (and cleaned again: deskew measures lines
    that must lie across the page) and read again. Checking orientation only after a poor reading
    keeps the detector (0.3-0.5 s a page, holding the interpreter lock) off the way of upright
    pages, which a desk's scanner almost always delivers.
    """
    found = recognise_page(page, lang=lang)
    if oriented or reads_upright(found):  # `oriented`: the detector was asked before cleaning
        return found, 0
    if page.grey is not None:
        return found, detect_rotation(page.grey)
    from app.capture.modes import render

    return found, detect_rotation(render(page))


def recognise_upright_soon(page: ProcessedPage, *, lang: str = AUTO_LANG, oriented: bool = False
                           ) -> Future[tuple[OcrPage, int]]:
    """`recognise_upright` on an OCR thread (see `recognise_page_soon`)."""
    return on_ocr_thread(recognise_upright, page, lang=lang, oriented=oriented)


# Pages read at once. Tesseract reads a page on one core, and two pages at once on this 2-core
# machine give 1.5x the throughput of one: a dossier of the 18 real pages is written in 1.3 s a
# page instead of 1.8 (bench/scan_real.py `dossier`). A page read alone is halved instead (see
# `_reading`).
OCR_THREADS = max(1, min(2, os.cpu_count() or 1))
# The long-lived thread pools by their threads' name: "ocr" reads pages, "ocr-strips" shares a
# page's strips. Created on first use.
_pools: dict[str, ThreadPoolExecutor] = {}
_pools_lock = threading.Lock()


def recognise_page_soon(page: ProcessedPage, *, lang: str = AUTO_LANG) -> Future[OcrPage]:
    """`recognise_page` on an OCR thread, returning at once; `.result()` gives the page's text.

    Tesseract recognises with the interpreter lock released, so while it reads one page the
    calling thread can cut and encode that page's layers and clean the next one: on 2 cores a
    dossier is written in about the time OCR alone takes.
    """
    return on_ocr_thread(recognise_page, page, lang=lang)


def on_ocr_thread(function: Callable[..., T], *args: object, **kwargs: object) -> Future[T]:
    """Run `function` on one of the long-lived OCR threads (their Tesseract instances stay warm
    from page to page and dossier to dossier; creating them costs hundreds of ms)."""
    return _submit("ocr", function, *args, **kwargs)


def _submit(pool: str, function: Callable[..., T], *args: object, **kwargs: object) -> Future[T]:
    """Run `function` on the long-lived pool named `pool`, of OCR_THREADS threads at most."""
    with _pools_lock:
        if pool not in _pools:
            _pools[pool] = ThreadPoolExecutor(max_workers=OCR_THREADS, thread_name_prefix=pool)
        return _pools[pool].submit(function, *args, **kwargs)


def _read(grey: Image.Image, dpi: float, lang: str, factor: float) -> tuple[list[OcrWord], str]:
    api = _api(lang)
    api.SetImage(grey)
    api.SetSourceResolution(round(dpi))
    with _reading() as spare_cores:
        if spare_cores:
            return _read_in_strips(api, grey, dpi, lang, factor)
        if not api.Recognize():
            raise MotcuaError("Tesseract could not recognise the page", title="OCR failed",
                              kind="capture.ocr_failed")
        return _collect(api, factor)


# Readings in progress: a page's strips are shared only when a core is idle.
_readings = 0
_readings_lock = threading.Lock()


@contextlib.contextmanager
def _reading() -> Iterator[bool]:
    """Count a reading in progress; says whether a core is left over to share its strips (one
    page at a time: the last page of a dossier, a page at the reception screen). When every core
    already reads a page of its own, sharing one would only add the cost of cutting it."""
    global _readings
    with _readings_lock:
        _readings += 1
        spare = _readings < (os.cpu_count() or 1)
    try:
        yield spare
    finally:
        with _readings_lock:
            _readings -= 1


def _read_in_strips(api: tesserocr.PyTessBaseAPI, grey: Image.Image, dpi: float, lang: str,
                    factor: float) -> tuple[list[OcrWord], str]:
    """The page read as Tesseract reads it, strip by strip (`app.capture.strips`), on this thread
    from the top down and on another from the bottom up: a dense 300 dpi page is written in
    2.1-2.3 s rather than 2.9-3.3 s, word for word the same reading (docs/performance.md)."""
    api.AnalyseLayout()
    queue = StripQueue(strips(api, grey.width, grey.height))
    later = None
    if queue.strips:
        later = on_strip_thread(_read_strips, grey, dpi, lang, queue, factor, from_bottom=True)
    read = _read_strips(grey, dpi, lang, queue, factor)
    if later is not None:
        read.update(later.result())
    blocks: dict[int, dict[int, list[OcrWord]]] = {}
    for index in sorted(read):
        strip = queue.strips[index]
        blocks.setdefault(strip.block, {}).setdefault(strip.line, []).extend(read[index])
    lined = [[line for line in block.values() if line] for block in blocks.values()]
    return _assemble([block for block in lined if block])


def on_strip_thread(function: Callable[..., T], *args: object, **kwargs: object) -> Future[T]:
    """Run `function` on a long-lived strip reader, the thread that reads a page's strips from
    the bottom up (it keeps its own Tesseract instances, like the OCR threads). One per OCR
    thread: with four cores or more two pages may be halved at once, and a page's second reader
    must not wait behind the other page's. Created as needed: on two cores, nearly always one."""
    return _submit("ocr-strips", function, *args, **kwargs)


def _read_strips(grey: Image.Image, dpi: float, lang: str, queue: StripQueue, factor: float, *,
                 from_bottom: bool = False) -> dict[int, list[OcrWord]]:
    """Read strips from `queue` until none is left; their words by the strips' indexes."""
    api = _api(lang)
    api.SetPageSegMode(tesserocr.PSM.RAW_LINE)
    read: dict[int, list[OcrWord]] = {}
    try:
        while (index := queue.take(from_bottom)) is not None:
            strip = queue.strips[index]
            api.SetImage(grey.crop((strip.left, strip.top, strip.right, strip.bottom)))
            api.SetSourceResolution(round(dpi))
            if not api.Recognize():  # a strip Tesseract cannot read has no words
                continue
            words = list(_recognised(api))  # specks too: the layout has them among its words
            boxes = word_boxes(strip, [box for _text, box, _confidence, _block, _line in words])
            read[index] = [_word(text, box, confidence, factor)
                           for (text, _box, confidence, _block, _line), box in zip(words, boxes)
                           if not _speck(text, confidence)]
    finally:
        api.SetPageSegMode(tesserocr.PSM.AUTO)
    return read


def _recognised(api: tesserocr.PyTessBaseAPI
                ) -> Iterator[tuple[str, Box, float, bool, bool]]:
    """Each word of the last reading: its text (NFC), box, confidence, and whether it begins a
    block and a line (also when the words before it in that block or line had no text)."""
    level = tesserocr.RIL.WORD
    new_block = new_line = False
    for result in tesserocr.iterate_level(api.GetIterator(), level):
        new_block |= result.IsAtBeginningOf(tesserocr.RIL.BLOCK)
        new_line |= result.IsAtBeginningOf(tesserocr.RIL.TEXTLINE)
        try:
            raw = result.GetUTF8Text(level)
        except RuntimeError:  # "No text returned": an empty region (a tiny or blank page)
            continue
        box = result.BoundingBox(level)
        if not raw or not raw.strip() or box is None:
            continue
        yield nfc(raw.strip()), box, float(result.Confidence(level)), new_block, new_line
        new_block = new_line = False


def _speck(text: str, confidence: float) -> bool:
    """A mark too faint to be print: a speck read as "'" or ":"."""
    return confidence < SPECK_CONFIDENCE and not any(ch.isalnum() for ch in text)


def _word(text: str, box: Box, confidence: float, factor: float) -> OcrWord:
    """A word with its box in pixels of the image the caller gave (recognition ran on it
    enlarged by `factor`)."""
    left, top, right, bottom = (round(v / factor) for v in box)
    return OcrWord(text, left, top, right, bottom, confidence)


def _collect(api: tesserocr.PyTessBaseAPI, factor: float = 1.0) -> tuple[list[OcrWord], str]:
    """Words with boxes, and the text rebuilt from the same words so both always agree."""
    blocks: list[list[list[OcrWord]]] = []  # blocks of lines of words, in Tesseract's order
    begins_block = begins_line = False  # a line whose first word was a speck still begins
    for text, box, confidence, new_block, new_line in _recognised(api):
        begins_block, begins_line = begins_block or new_block, begins_line or new_line
        if _speck(text, confidence):
            continue
        if not blocks or begins_block:
            blocks.append([])
        if not blocks[-1] or begins_line:
            blocks[-1].append([])
        blocks[-1][-1].append(_word(text, box, confidence, factor))
        begins_block = begins_line = False
    return _assemble([b for b in blocks if b])


def _assemble(blocks: list[list[list[OcrWord]]]) -> tuple[list[OcrWord], str]:
    """The page's words numbered by printed line, and its text, with blocks in reading order."""
    words: list[OcrWord] = []
    texts: list[str] = []
    line = 0
    for block in reading_order(blocks):
        for printed in block:
            words += [dataclasses.replace(word, line=line) for word in printed]
            line += 1
        texts.append("\n".join(" ".join(word.text for word in printed) for printed in block))
    return words, "\n\n".join(texts)


def reading_order(blocks: list[list[list[OcrWord]]]) -> list[list[list[OcrWord]]]:
    """Tesseract's blocks reordered so that of two blocks sharing a column, the upper is read first.

    Tesseract orders blocks by its column finder, which on magazine pages sometimes puts a drop
    capital's first line after the paragraph it opens, or a byline under a headline before the
    headline (8071_093.3B: 0.929 -> 0.966 words right once fixed). Two blocks share a column when
    their horizontal extents overlap by half the narrower one; among them the one whose top is
    higher comes first (the first rule of Breuel's reading order, 2003). That relation has no
    cycles; every other pair keeps Tesseract's order (a stable topological sort), so columns side
    by side, and pages Tesseract already orders top-down, are left as they are.
    """
    boxes = [(min(w.left for line in b for w in line), min(w.top for line in b for w in line),
              max(w.right for line in b for w in line)) for b in blocks]

    def before(a: int, b: int) -> bool:
        left_a, top_a, right_a = boxes[a]
        left_b, top_b, right_b = boxes[b]
        overlap = min(right_a, right_b) - max(left_a, left_b)
        narrower = min(right_a - left_a, right_b - left_b)
        return overlap > 0 and 2 * overlap >= narrower and (top_a, a) < (top_b, b)

    waiting = {b: {a for a in range(len(blocks)) if a != b and before(a, b)} for b in range(len(blocks))}
    order: list[int] = []
    while waiting:
        ready = min(b for b, after in waiting.items() if not after)  # first in Tesseract's order
        order.append(ready)
        del waiting[ready]
        for after in waiting.values():
            after.discard(ready)
    return [blocks[i] for i in order]


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


@dataclass(frozen=True)
class LineVerdict:
    """What a page's lines of print say of its orientation before it is read."""

    across: bool  # its lines run across it, upright or upside down
    turn: int | None  # 0 or 180 when its letters' baselines tell which way up, else None


def lines_verdict(image: Image.Image) -> LineVerdict:
    """The orientation a page's letters show (~0.03 s, against the detector's 0.3-0.5 s):
    whether its lines run across it (its letters' nearest neighbours lie beside them), and
    which way up (they share their bottoms, a baseline, rather than their tops)."""
    grey, _ = shrink(np.asarray(image.convert("L")), LINES_MAX_SIDE_PX)
    lines = lines_of(ink_blobs(grey))
    if lines is None or lines.beside < LINES_ACROSS_SHARE:
        return LineVerdict(across=False, turn=None)
    if abs(lines.baseline_lean) < BASELINE_LEAN:
        return LineVerdict(across=True, turn=None)
    return LineVerdict(across=True, turn=0 if lines.baseline_lean > 0 else 180)


def orient_by_lines(image: Image.Image) -> int:
    """Degrees to turn a page for upright text: from its lines when they tell, else from
    Tesseract's orientation detector (a sheet lying sideways, capitals or figures only, a
    handwritten note)."""
    verdict = lines_verdict(image)
    return detect_rotation(image) if verdict.turn is None else verdict.turn


OcrInput = tuple[Image.Image, float]  # (page image, its dpi)


class OcrJob:
    """OCR a list of pages in order, reporting each page as it is done; cancellable between pages.

    `on_page(index, page)` runs on the worker thread after every page (a UI adapter re-posts
    it to its own thread); `on_done(job)` runs once at the end, cancelled or not. Call `run()`
    to work in the calling thread or `start()` for a daemon thread, then `wait()`.
    """

    def __init__(self, pages: Sequence[OcrInput], on_page: Callable[[int, OcrPage], None], *,
                 cancel: threading.Event | None = None, lang: str = AUTO_LANG,
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
