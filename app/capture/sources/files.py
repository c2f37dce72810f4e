"""Image and PDF files as a capture source: JPEG, PNG, TIFF (every frame), PDF (every page).

Used by the watched folder and by `file:` device ids. Reading and refusing bad files is
`app.capture.imports`' job; this module adds the source interface around it and `to_rgb_or_l`,
the one image-mode normalisation every source uses.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

from PIL import Image, ImageOps

from app.capture.pages import RawPage
from app.capture.sources.base import (
    CaptureError,
    DeviceInfo,
    PageCallback,
    PageSink,
    ScanSettings,
    split_device_id,
)
from app.errors import InputError, NotFoundError

IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".tif", ".tiff"})
PDF_SUFFIXES = frozenset({".pdf"})
SUPPORTED_SUFFIXES = IMAGE_SUFFIXES | PDF_SUFFIXES
PDF_RENDER_DPI = 200  # the product's floor for documents; a scanned PDF rarely holds more detail


def read_pages(path: Path, *, pdf_dpi: int = PDF_RENDER_DPI) -> list[RawPage]:
    """All pages of one file; InputError naming the file (and page) when it cannot be read."""
    return list(iter_pages(path, pdf_dpi=pdf_dpi))


def iter_pages(path: Path, *, pdf_dpi: int = PDF_RENDER_DPI) -> Iterator[RawPage]:
    """The pages of one file through `app.capture.imports` (which refuses bad files by name);
    a PDF, having no native resolution, is rendered at `pdf_dpi`."""
    # Imported here: it loads pikepdf, OpenCV and NumPy (about a second on a desk PC), which
    # listing the scanners at start-up (this module's other users) never needs.
    from app.capture.imports import read_pages as read_file_pages

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise InputError(f"{path}: not a supported file type (use JPEG, PNG, TIFF or PDF)")
    if not path.exists():
        raise NotFoundError(f"{path}: no such file")
    for page in read_file_pages(path, dpi=pdf_dpi if suffix in PDF_SUFFIXES else None):
        if page.image.mode not in ("RGB", "L"):
            page.image = to_rgb_or_l(page.image)
        yield page


def to_rgb_or_l(image: Image.Image) -> Image.Image:
    """The RGB or L copy every RawPage holds, whatever mode a file or driver produced."""
    if image.mode in ("RGB", "L"):
        return image.copy()
    if image.mode == "1":
        return image.convert("L")
    if image.mode.startswith("I;16") or image.mode == "I":
        # 16-bit grey (deep scans, some TIFFs): keep the top 8 bits rather than clipping at 255.
        return image.convert("I").point(lambda value: value * (1 / 256)).convert("L")
    if image.mode == "F":
        return ImageOps.autocontrast(image.convert("L"))
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        # Transparent areas of a screenshot-like PNG are paper: flatten onto white.
        rgba = image.convert("RGBA")
        white = Image.new("RGB", rgba.size, (255, 255, 255))
        white.paste(rgba, mask=rgba.getchannel("A"))
        return white
    return image.convert("RGB")


class FileSource:
    """`file:/path/x.pdf` device ids: import a file as if a scanner had fed its pages."""

    prefix = "file"

    def list_devices(self) -> list[DeviceInfo]:
        return []  # files are named by the person, never discovered

    def acquire(self, device_id: str, settings: ScanSettings, *, cancel: threading.Event | None = None,
                on_page: PageCallback | None = None) -> list[RawPage]:
        _, path_text = split_device_id(device_id)
        sink = PageSink(device_id, settings, on_page)
        # A PDF has no native resolution: render it at the resolution asked for the scan.
        pages = iter_pages(Path(path_text), pdf_dpi=settings.dpi)
        try:
            for page in pages:
                if (cancel is not None and cancel.is_set()) or sink.full:
                    break
                sink.add(page)
        except InputError as error:
            if not sink.pages:
                raise
            raise CaptureError(f"{error.message}; {sink.captured_note()}", device_id=device_id,
                               pages=sink.pages, kind=error.kind, params=error.params) from error
        return sink.pages
