"""Image and PDF files as pages: JPEG, PNG, TIFF (every frame) and PDF (every page, rendered).

Used by the watched folder and by `file:` device ids. Each page comes out as an RGB or L
`RawPage` with an honest dpi: the file's own when it is plausible for a scan, otherwise an
estimate that treats the longer side as an A4 page (phone photos say 72 dpi, which would make
the pipeline upscale a 12 MP photo into a poster).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

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
A4_LONG_SIDE_INCH = 297 / 25.4
PLAUSIBLE_SCAN_DPI = (100, 1200)
EXIF_MAKE = 0x010F


def read_pages(path: Path, *, pdf_dpi: int = PDF_RENDER_DPI) -> list[RawPage]:
    """All pages of one file; InputError naming the file (and page) when it cannot be read."""
    return list(iter_pages(path, pdf_dpi=pdf_dpi))


def iter_pages(path: Path, *, pdf_dpi: int = PDF_RENDER_DPI) -> Iterator[RawPage]:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise InputError(f"{path}: not a supported file type (use JPEG, PNG, TIFF or PDF)")
    if not path.is_file():
        raise NotFoundError(f"{path}: no such file")
    if suffix in PDF_SUFFIXES:
        yield from _pdf_pages(path, pdf_dpi)
    else:
        yield from _image_pages(path)


def _image_pages(path: Path) -> Iterator[RawPage]:
    try:
        with Image.open(path) as image:
            frames = getattr(image, "n_frames", 1)
            for index in range(frames):
                image.seek(index)
                label = f"file:{path}" + (f" page {index + 1}" if frames > 1 else "")
                yield _raw_from_image(image, label)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        # Pillow reports truncated or corrupt data as OSError/SyntaxError/ValueError by format.
        raise InputError(f"{path}: cannot read the image ({error})") from error


def _raw_from_image(image: Image.Image, label: str) -> RawPage:
    photographed = bool(image.getexif().get(EXIF_MAKE))  # cameras write their make; scanners rarely
    upright = ImageOps.exif_transpose(image) if photographed else image
    pixels = to_rgb_or_l(upright)
    pixels.load()
    return RawPage(image=pixels, dpi=_plausible_dpi(image, pixels.size), source=label,
                   photographed=photographed)


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


def _plausible_dpi(image: Image.Image, size: tuple[int, int]) -> float:
    dpi = image.info.get("dpi")
    if dpi:
        value = float(dpi[0] if isinstance(dpi, tuple) else dpi)
        if PLAUSIBLE_SCAN_DPI[0] <= value <= PLAUSIBLE_SCAN_DPI[1]:
            return value
    return round(max(size) / A4_LONG_SIDE_INCH, 1)


def _pdf_pages(path: Path, dpi: int) -> Iterator[RawPage]:
    import pypdfium2 as pdfium  # lazy: only PDFs need it

    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as error:
        raise InputError(f"{path}: cannot open the PDF ({error})") from error
    try:
        for index in range(len(document)):
            try:
                bitmap = document[index].render(scale=dpi / 72)
                image = bitmap.to_pil()
            except pdfium.PdfiumError as error:
                raise InputError(f"{path} page {index + 1}: cannot render the page ({error})") from error
            yield RawPage(image=to_rgb_or_l(image), dpi=float(dpi), source=f"file:{path} page {index + 1}")
    finally:
        document.close()


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
                               pages=sink.pages) from error
        return sink.pages
