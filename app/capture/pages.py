"""The page types that flow through capture: what a source delivers and what processing makes.

Sources (SANE, eSCL, TWAIN/WIA, webcam, files) all hand over `RawPage`s; processing turns each
into a `ProcessedPage` ready for the PDF writer. Keeping this small shared vocabulary here lets
each source and each processing step stay ignorant of the others.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any, Literal

from PIL import Image

PageKind = Literal["document", "id_card", "photo"]
ColourMode = Literal["bw", "gray", "color", "mixed"]
MODES: tuple[str, ...] = ("auto", "bw", "gray", "color", "mixed")

DOCUMENT_DPI_FLOOR = 200  # product: documents are kept at 200 dpi (lower sources are kept, warned)
ID_CARD_DPI_FLOOR = 300  # ID cards: the chip-ID QR and the photo need more


@dataclass
class RawPage:
    """One page exactly as a source delivered it (RGB or L image), before any processing."""

    image: Image.Image
    dpi: float
    source: str  # where it came from, for messages: "sane:test:0 page 2", "file:/x/scan.jpg"
    kind: PageKind = "document"
    # A phone photo or webcam frame: processing looks for the paper and flattens its perspective.
    photographed: bool = False


_LABEL = re.compile(r"(?:file:)?(?P<origin>.*?)(?: page (?P<page>\d+))?")


def source_params(source: str) -> dict[str, Any]:
    """A page's origin as problem parameters: {"source": file name or device, "page": number}.
    `source` is a RawPage label ("file:/x/scan.pdf page 2", "sane:test:0 page 1", "webcam photo 3")."""
    match = _LABEL.fullmatch(source)
    assert match is not None  # the pattern matches any text
    origin = match["origin"]
    name = PurePath(origin).name if source.startswith("file:") else origin
    return {"source": (name or origin)[:60], "page": int(match["page"] or 1)}


@dataclass
class ProcessedPage:
    """A page after processing, in the form the PDF writer stores it.

    `mode` says which layers are filled: "bw" -> `mask` only (1-bit, CCITT G4); "gray"/"color"
    -> `image` only (JPEG); "mixed" -> `mask` for the text drawn over a small colour `image`
    holding the photos (None when there are none), and `inks` for the coloured marks (seals,
    signatures, coloured lines): each a full-resolution 1-bit shape painted in one flat ink colour,
    so a thin red ring stays crisp and red instead of being blurred pink by a small JPEG.
    """

    mode: ColourMode
    dpi: float
    width_px: int
    height_px: int
    image: Image.Image | None = None
    mask: Image.Image | None = None
    inks: list[tuple[tuple[int, int, int], Image.Image]] = field(default_factory=list)  # (RGB, 1-bit shape)
    rotation: int = 0  # degrees already applied (0, 90, 180, 270) when orienting by text
    skew_degrees: float = 0.0  # the correction applied by deskew
    # A document page in grey at full size, light evened, aligned with the layers, before any
    # thresholding: what OCR reads (1-bit print loses diacritics at low resolution). Not stored
    # in the PDF.
    grey: Image.Image | None = None
    blank: bool = False
    source: str = ""
    notes: list[str] = field(default_factory=list)  # what processing decided, for --json reports
    # Why the result may be poor, as problem kinds with their parameters ("capture.resolution_too_low",
    # {"source", "page", "dpi", "floor"}): shown on the page's thumbnail and by scan2pdf.
    warnings: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
