"""Page files a reception names by path, identified by content and made safe to keep and send.

A file's name says nothing: `/etc/passwd` saved as `page.pdf` is text, and a "PNG" may be a
20000x20000 decompression bomb. `identify` reads the first bytes (the format's signature) and,
for an image, only its header for the pixel count, cheap enough for the screen's live preview.
`check_page_file` does the real work at confirm: an image is decoded in full (every frame) and
kept as given; a PDF is never kept as given: its pages are drawn (pdfium draws, it runs no
script), cleaned by the capture pipeline and written as a new PDF/A of pixels, so no script,
action, attachment or form of a foreign PDF reaches the store or the portal.
"""

from __future__ import annotations

import hashlib
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image, UnidentifiedImageError

from app.errors import InputError
from app.limits import DEFAULT_LIMITS, Limits
from app.text import clip, escape_unsafe

# Pillow's own decompression-bomb guard, set from the page limit rather than left at its default:
# it warns above MAX_IMAGE_PIXELS (silenced where we open images: our check names the file) and
# refuses above twice that, even on a path that forgot to check the header first.
Image.MAX_IMAGE_PIXELS = DEFAULT_LIMITS.max_page_pixels
PDF = "application/pdf"
# Content signatures: (offset, bytes) -> MIME type. WebP is "RIFF....WEBP".
_SIGNATURES = (
    (0, b"%PDF-", PDF),
    (0, b"\x89PNG\r\n\x1a\n", "image/png"),
    (0, b"\xff\xd8\xff", "image/jpeg"),
    (0, b"II*\x00", "image/tiff"),
    (0, b"MM\x00*", "image/tiff"),
    (8, b"WEBP", "image/webp"),
    (0, b"BM", "image/bmp"),
)
_PIL_FORMATS = {"PNG": "image/png", "JPEG": "image/jpeg", "MPO": "image/jpeg", "TIFF": "image/tiff",
                "WEBP": "image/webp", "BMP": "image/bmp"}
PAGE_TYPES = tuple(dict.fromkeys(mime for _offset, _magic, mime in _SIGNATURES))


def content_type(path: Path) -> str:
    """The MIME type a file's first bytes show (one of PAGE_TYPES), or "" for anything else."""
    with Path(path).open("rb") as handle:
        head = handle.read(16)
    for offset, magic, mime in _SIGNATURES:
        if head[offset:offset + len(magic)] == magic and (mime != "image/webp" or head[:4] == b"RIFF"):
            return mime
    return ""


def identify(path: Path, *, max_pixels: int = DEFAULT_LIMITS.max_page_pixels) -> str:
    """The page file's MIME type by content; InputError (naming the file) when it is no PDF or
    image, or an image has more than `max_pixels` pixels (read from the header, not decoded)."""
    try:
        mime = content_type(path)
    except OSError as error:
        raise InputError(f"{_named(path)}: cannot be read ({error.strerror or error})",
                         kind="capture.file_unreadable", params=file_params(path)) from None
    if not mime:
        raise InputError(f"{_named(path)} is not a PDF or an image by its content "
                         "(PDF, PNG, JPEG, TIFF, WebP, BMP), whatever its name says",
                         kind="capture.file_not_page", params=file_params(path))
    if mime != PDF:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                with Image.open(path) as image:
                    size, found = image.size, _PIL_FORMATS.get(image.format or "", "")
        except Image.DecompressionBombError:  # beyond twice the limit: Pillow's own guard
            raise InputError(f"{_named(path)}: refused, the image has far more than the {max_pixels:,} "
                             "pixels a page may have (a decompression bomb or a wrong file)",
                             kind="capture.image_too_large", params=file_params(path)) from None
        except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as error:
            raise InputError(f"{_named(path)}: not a readable image ({type(error).__name__})",
                             kind="capture.image_damaged", params=file_params(path)) from None
        if found != mime:
            raise InputError(f"{_named(path)}: the content is not a valid {mime.split('/')[1].upper()}",
                             kind="capture.image_damaged", params=file_params(path))
        check_pixels(_named(path), size, max_pixels, params=file_params(path))
    return mime


def check_pixels(where: str, size: tuple[int, int], max_pixels: int, *, params: dict[str, Any]) -> None:
    """Refuse a page of more than `max_pixels` pixels (a bomb or a wrong file) or of none;
    `params` name the file (and page) for the screen's sentence."""
    pixels = size[0] * size[1]
    if pixels > max_pixels:
        raise InputError(f"{where}: refused, {size[0]}x{size[1]} = {pixels:,} pixels is more than the "
                         f"{max_pixels:,} a page may have (a decompression bomb or a wrong file)",
                         kind="capture.image_too_large", params=params)
    if pixels == 0:
        raise InputError(f"{where}: the image has no pixels", kind="capture.image_damaged", params=params)


@dataclass(frozen=True)
class CheckedPage:
    """A page file checked in full, ready to seal: an image as given, or a PDF's replacement."""

    path: Path
    mime: str
    sha256: str  # of the file as checked
    rebuilt: bytes | None = None  # the new PDF/A standing for a foreign PDF

    def seal(self, blobs: Any) -> tuple[str, int, str]:
        """Into the encrypted blob store: (SHA-256, size, MIME type)."""
        if self.rebuilt is not None:
            sha256, size = blobs.put_bytes(self.rebuilt)
            return sha256, size, self.mime
        sha256, size = blobs.put_file(self.path)
        if sha256 != self.sha256:  # swapped between the check and the copy: not what was checked
            raise InputError(f"{_named(self.path)}: the file changed while it was being received; "
                             "attach it again", kind="capture.file_changed", params=file_params(self.path))
        return sha256, size, self.mime


def check_page_file(path: Path, *, title: str = "", limits: Limits = DEFAULT_LIMITS) -> CheckedPage:
    """Check a page file in full, writing nothing: an image is decoded (every frame), a PDF is
    drawn and rebuilt. InputError names the file (and page) when it is not what it claims, is
    damaged or too large, or is a PDF that is encrypted, carries scripts or actions, or has more
    pages than a dossier may."""
    from app.capture.imports import read_pages

    path = Path(path)
    max_pixels = limits.max_page_pixels
    mime = identify(path, max_pixels=max_pixels)
    digest = _sha256(path)
    if mime != PDF:
        for _page in read_pages(path, max_pixels=max_pixels):
            pass  # decoded one frame at a time: damage is found now, not at the portal
        return CheckedPage(path, mime, digest)
    from app.capture.pdfa import pdf_bytes_streamed
    from app.capture.pipeline import process_page

    _check_page_count(path, limits.max_pages)
    pages = (process_page(raw) for raw in read_pages(path, max_pixels=max_pixels))
    return CheckedPage(path, PDF, digest, pdf_bytes_streamed(pages, title=title))


def open_pdf(path: Path) -> Any:
    """The PDF at `path` opened with PDFium; InputError (kind capture.pdf_damaged) naming the file
    when it cannot be read. The caller closes it."""
    import pypdfium2

    try:
        return pypdfium2.PdfDocument(str(path))
    except pypdfium2.PdfiumError as error:
        raise InputError(f"{_named(path)}: the PDF is damaged ({error})", kind="capture.pdf_damaged",
                         params=file_params(path)) from None


def _check_page_count(path: Path, most: int) -> None:
    """Refuse a PDF of no pages, or of more than a dossier may have, before drawing any."""
    document = open_pdf(path)
    try:
        count = len(document)
    finally:
        document.close()
    if count == 0:
        raise InputError(f"{_named(path)}: the PDF has no pages", kind="capture.pdf_no_pages",
                         params=file_params(path))
    if count > most:
        raise InputError(f"{_named(path)}: {count:,} pages is more than the {most:,} a dossier may have",
                         kind="capture.pdf_too_many_pages", params={**file_params(path), "count": count,
                                                                    "max": most})


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _named(path: Path) -> str:
    """The file's path for a message: bounded, control characters shown as escapes."""
    text = str(path)
    return escape_unsafe(text if len(text) <= 120 else text[:120] + "…")


def file_label(path: Path | str) -> str:
    """The file's name as a screen names it: its last part, bounded and made safe."""
    return clip(Path(path).name or str(path), 60)


def file_params(path: Path | str, page: int | None = None) -> dict[str, Any]:
    """The parameters of a problem with a file (and one of its pages): {"file": …, "page": …}."""
    return {"file": file_label(path)} if page is None else {"file": file_label(path), "page": page}
