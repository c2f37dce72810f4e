"""The pages captured for one reception, per checklist row, and the work that makes them.

`CaptureBook` holds, for each checklist row, the processed pages in the order the official
arranged them, with a small thumbnail each. Every change makes a new build generation for that
row: `build_pdf` (run on the IO lane) makes the row's one PDF in memory and seals it into the
store's encrypted blob store, so a citizen's pages never sit on disk in the clear (a stolen
laptop yields nothing readable); only the newest generation's page is handed to the checklist,
so a slow older build can never replace what a newer one made.

The functions that read files, drive a scanner, process pages and look for the chip-ID QR run
on the IO lane and return an `Outcome`; nothing here touches a widget.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from PIL import Image

from app.capture.page_files import file_params
from app.capture.pages import PageKind, ProcessedPage, RawPage
from app.errors import InputError, MotcuaError

THUMB_SIDE_PX = 150
# Words (accent-folded) in a checklist item's name that mean "the citizen's ID card".
IDENTITY_WORDS = ("tuy than", "can cuoc", "cccd", "dinh danh")
_uids = itertools.count(1)


def is_identity_document(name: str) -> bool:
    from app.text import fold

    folded = fold(name)
    return any(word in folded for word in IDENTITY_WORDS)


@dataclass
class CapturedPage:
    """One processed page of a document, with the quarter turns the official added since."""

    page: ProcessedPage
    thumb: Image.Image
    kind: PageKind = "document"
    turns: int = 0  # clockwise quarter turns asked for in the panel (R)
    uid: int = field(default_factory=lambda: next(_uids))
    # OCR per orientation, filled on the IO lane by `text_layer` and read only there.
    ocr: dict[int, object | None] = field(default_factory=dict)

    def oriented(self) -> ProcessedPage:
        return rotate_page(self.page, self.turns)

    def oriented_thumb(self) -> Image.Image:
        return _turn(self.thumb, self.turns)


@dataclass
class Outcome:
    """What a capture job produced: the good pages, the problems (each worded on screen from its
    kind), a CCCD QR text if seen."""

    pages: list[CapturedPage] = field(default_factory=list)
    problems: list[MotcuaError] = field(default_factory=list)
    qr_text: str | None = None


def _turn(image: Image.Image, turns: int) -> Image.Image:
    steps = turns % 4
    if not steps:
        return image
    method = {1: Image.Transpose.ROTATE_270, 2: Image.Transpose.ROTATE_180, 3: Image.Transpose.ROTATE_90}
    return image.transpose(method[steps])  # ROTATE_270 is PIL's 90° clockwise


def rotate_page(page: ProcessedPage, turns: int) -> ProcessedPage:
    """The page turned clockwise by `turns` quarter turns (layers and size together)."""
    steps = turns % 4
    if not steps:
        return page
    width, height = (page.height_px, page.width_px) if steps % 2 else (page.width_px, page.height_px)
    return replace(page, width_px=width, height_px=height,
                   grey=_turn(page.grey, steps) if page.grey is not None else None,
                   image=_turn(page.image, steps) if page.image is not None else None,
                   mask=_turn(page.mask, steps) if page.mask is not None else None,
                   inks=[(colour, _turn(shape, steps)) for colour, shape in page.inks],
                   rotation=(page.rotation - 90 * steps) % 360, notes=list(page.notes))


def thumbnail_of(page: ProcessedPage) -> Image.Image:
    from app.capture.modes import render

    image = render(page).convert("RGB")
    image.thumbnail((THUMB_SIDE_PX, THUMB_SIDE_PX), Image.Resampling.BILINEAR)
    return image


def as_kind(raw: RawPage, kind: PageKind) -> RawPage:
    """The page as the checklist item says it is (an ID card is kept at card resolution)."""
    return replace(raw, kind=kind)


def process_raws(raws: Iterable[RawPage], *, look_for_qr: bool, outcome: Outcome | None = None) -> Outcome:
    """Process each page; a page that cannot be used is a problem line, the others are kept."""
    from app.capture.ocr import orient_by_lines
    from app.capture.pipeline import process_page

    done = outcome or Outcome()
    for raw in raws:
        # Documents are turned upright by their text (a sheet fed sideways or a photo taken
        # upside down): by their lines of print when these tell, else by Tesseract's detector
        # (0.3-0.5 s, holding the interpreter lock, so the screen stalls meanwhile). Cards are
        # not: their few words give no reliable orientation.
        orient = orient_by_lines if raw.kind == "document" else None
        try:
            page = process_page(raw, orient=orient)
        except MotcuaError as error:
            done.problems.append(error)
            continue
        done.pages.append(CapturedPage(page, thumbnail_of(page), raw.kind))
        if done.qr_text is None and (look_for_qr or raw.kind == "id_card"):
            done.qr_text = _find_qr(page, raw)
    return done


def _find_qr(page: ProcessedPage, raw: RawPage) -> str | None:
    from app.capture.qr_scan import find_cccd_qr

    # The cleaned page first (flat, upright); the page as captured when cleaning lost the code.
    from app.capture.modes import render

    return find_cccd_qr(render(page)) or find_cccd_qr(raw.image)


def import_files(paths: Sequence[Path], *, kind: PageKind, look_for_qr: bool) -> Outcome:
    """Pages of every file; a bad file is named in `problems` and the other files are kept."""
    from app.capture.imports import read_pages

    outcome = Outcome()
    for path in paths:
        try:
            raws = list(read_pages(Path(path), kind=kind))
        except MotcuaError as error:
            outcome.problems.append(error)
            continue
        except OSError as error:  # unreadable (permissions, a vanished network share)
            outcome.problems.append(InputError(f"{path}: {error.strerror or error}", kind="capture.file_unreadable",
                                               params=file_params(path)))
            continue
        process_raws(raws, look_for_qr=look_for_qr, outcome=outcome)
    return outcome


def scan_pages(acquire: Callable[..., list[RawPage]], device_id: str, settings: object, *, kind: PageKind,
               look_for_qr: bool, cancel: threading.Event | None = None) -> Outcome:
    """Scan with `acquire` (a registry's); on a failure mid-job keep the pages already delivered."""
    from app.capture.sources import CaptureError

    problems: list[MotcuaError] = []
    try:
        raws = acquire(device_id, settings, cancel=cancel)
    except CaptureError as error:
        raws = list(error.pages)
        problems.append(error)
    raws = [as_kind(raw, kind) for raw in raws]
    outcome = process_raws(raws, look_for_qr=look_for_qr)
    outcome.problems[:0] = problems
    return outcome


def text_layer(captured: CapturedPage) -> object | None:
    """OCR of the page as the PDF shows it, so the PDF is searchable; once per orientation."""
    from app.capture.ocr import recognise_page

    if captured.kind != "document" or captured.page.blank:
        return None  # cards and photos carry no running text worth a layer
    key = captured.turns % 4
    if key not in captured.ocr:
        page = captured.oriented()
        try:
            captured.ocr[key] = recognise_page(page)
        except (MotcuaError, RuntimeError):
            # An unreadable page still goes in, just not searchable. RuntimeError: tesserocr's
            # "No text returned" on a page without any words.
            captured.ocr[key] = None
    return captured.ocr[key]


def build_pdf(pages: Sequence[CapturedPage], title: str, *, blobs: Any, ocr: bool = True) -> tuple[str, int]:
    """Make the document's PDF (IO lane) with a text layer per page and seal it into `blobs`;
    returns (its SHA-256, its size in bytes)."""
    from app.capture.pdfa import pdf_bytes

    layers = [text_layer(captured) for captured in pages] if ocr else None
    data = pdf_bytes([captured.oriented() for captured in pages], title=title, text_layers=layers)
    return blobs.put_bytes(data)


class CaptureBook:
    """The captured pages of one reception, by checklist row, and their sealed PDFs."""

    def __init__(self) -> None:
        self.rows: dict[int, list[CapturedPage]] = {}
        self.generation: dict[int, int] = {}
        self.sizes: dict[int, int] = {}
        self.current_pdf: dict[int, str] = {}
        self._made: set[str] = set()  # every PDF this book sealed, to tell them from other pages

    def pages(self, row: int) -> list[CapturedPage]:
        return self.rows.setdefault(row, [])

    def add(self, row: int, pages: Sequence[CapturedPage]) -> None:
        self.pages(row).extend(pages)

    def move(self, row: int, index: int, delta: int) -> int:
        """Move page `index` by `delta` places; returns its new index."""
        pages = self.pages(row)
        target = max(0, min(len(pages) - 1, index + delta))
        if 0 <= index < len(pages) and target != index:
            pages.insert(target, pages.pop(index))
        return target

    def reorder(self, row: int, uids: Sequence[int]) -> None:
        by_uid = {page.uid: page for page in self.pages(row)}
        if sorted(uids) != sorted(by_uid):
            raise InputError(f"row {row}: the new page order does not list the same pages")
        self.rows[row] = [by_uid[uid] for uid in uids]

    def rotate(self, row: int, index: int) -> None:
        pages = self.pages(row)
        if 0 <= index < len(pages):
            pages[index].turns = (pages[index].turns + 1) % 4

    def remove(self, row: int, index: int) -> None:
        pages = self.pages(row)
        if 0 <= index < len(pages):
            del pages[index]

    def next_build(self, row: int) -> int:
        """A new build generation for `row`; builds of older generations are ignored."""
        generation = self.generation.get(row, 0) + 1
        self.generation[row] = generation
        return generation

    def accept(self, row: int, generation: int, sha256: str | None, size: int) -> bool:
        """Record a finished build; False when a newer one was asked for meanwhile."""
        if sha256 is not None:
            self._made.add(sha256)
        if self.generation.get(row) != generation:
            return False
        self.current_pdf.pop(row, None)
        if sha256 is None:
            self.sizes.pop(row, None)
        else:
            self.current_pdf[row] = sha256
            self.sizes[row] = size
        return True

    def owns(self, page: Any) -> bool:
        """True for a checklist page that is one of this book's PDFs (a PageInput)."""
        return bool(getattr(page, "blob", "")) and page.blob in self._made

    def total_pages(self) -> int:
        return sum(len(pages) for pages in self.rows.values())

    def discard(self) -> None:
        """Forget every page; builds still running become stale."""
        self.rows.clear()
        self.sizes.clear()
        self.current_pdf.clear()
        for row in self.generation:
            self.generation[row] += 1
