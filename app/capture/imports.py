"""Reading image files and PDFs given by path into RawPages, refusing bad files clearly.

JPEG, PNG, TIFF (every frame), BMP/WebP and PDF (rasterised with pypdfium2 at the resolution of
the scan inside it). Every refusal is an InputError naming the file and, for multi-page files,
the page: an empty file, a truncated or damaged image, a decompression bomb, an encrypted PDF,
a PDF that carries scripts or launch actions. Pages are yielded one at a time, so the pages
read before a damaged one are kept by the caller and memory stays at one page.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pikepdf
from PIL import Image, ImageOps

from app.capture import geometry
from app.capture.page_files import check_pixels, file_params, open_pdf
from app.capture.pages import PageKind, RawPage
from app.errors import InputError
from app.limits import DEFAULT_LIMITS

# Pixels per page we accept (app/limits.py): an A3 sheet at 600 dpi is ~70 MP, a 108 MP phone
# sensor is the largest honest source. Beyond that a file is a decompression bomb, not a scan.
MAX_PIXELS = DEFAULT_LIMITS.max_page_pixels  # Pillow's own guard is set from it (page_files.py)
DEFAULT_DPI = 200.0
_DPI_RANGE = (50.0, 2400.0)  # outside this a file's dpi field is garbage, not a resolution
_CAMERA_TAGS = (0x010F, 0x0110)  # EXIF Make, Model: written by cameras and phones, not scanners
_CAMERA_ASPECTS = (4 / 3, 16 / 9)  # the frames phone cameras take
_PHOTO_MIN_PIXELS = 3_000_000  # below this a 4:3 picture is more likely a screenshot or small scan


def read_pages(path: Path, *, dpi: float | None = None, kind: PageKind = "document",
               photographed: bool | None = None, max_pixels: int = MAX_PIXELS) -> Iterator[RawPage]:
    """The pages of one file. `dpi` overrides the file's; `photographed` None = from EXIF;
    a page of more than `max_pixels` pixels is refused before it is decoded or drawn."""
    path = Path(path)
    _check_file(path)
    with path.open("rb") as handle:
        head = handle.read(5)
    if head == b"%PDF-":
        yield from _pdf_pages(path, dpi=dpi, kind=kind, max_pixels=max_pixels)
    else:
        yield from _image_pages(path, dpi=dpi, kind=kind, photographed=photographed, max_pixels=max_pixels)


def _check_file(path: Path) -> None:
    if not path.exists():
        raise InputError(f"{path}: file not found", kind="capture.file_missing", params=file_params(path))
    if not path.is_file():
        raise InputError(f"{path}: not a file", kind="capture.not_a_file", params=file_params(path))
    if path.stat().st_size == 0:
        raise InputError(f"{path}: the file is empty (0 bytes)", kind="capture.file_empty",
                         params=file_params(path))


def _image_pages(path: Path, *, dpi: float | None, kind: PageKind,
                 photographed: bool | None, max_pixels: int) -> Iterator[RawPage]:
    image = _open_image(path, max_pixels)
    try:
        # Counting frames walks the whole file, so damage far in would lose the good first pages:
        # walk frame by frame instead, until the file says there are no more.
        multi = bool(getattr(image, "is_animated", False)) if image.format != "TIFF" else True
        index = 0
        while True:
            where = f"{path} page {index + 1}" if multi else str(path)
            named = file_params(path, index + 1 if multi else None)
            try:
                if index:
                    image.seek(index)
                check_pixels(where, image.size, max_pixels, params=named)
                page = _load_frame(image, where)
            except EOFError:
                if index == 0:
                    raise InputError(f"{where}: the image is damaged or truncated (no image data)",
                                     kind=_damaged(named), params=named) from None
                return
            except InputError:
                raise
            except Exception as error:  # noqa: BLE001 - Pillow reports damage with many types
                raise InputError(f"{where}: the image is damaged or truncated ({error!r})",
                                 kind=_damaged(named), params=named) from error
            stated = _file_dpi(image)
            camera = (_from_camera(image) or _photo_shaped(page.size, stated)) if photographed is None \
                else photographed
            # No resolution in the file: estimated from the page itself (an A4 sheet filling the
            # image), not a fixed guess that would blow a small image up into a page of specks.
            page_dpi = float(dpi or stated or geometry.page_dpi(page.width, page.height, None)[0])
            yield RawPage(page, page_dpi, f"file:{where}", kind=kind, photographed=camera)
            index += 1
            if not multi:
                return
    finally:
        image.close()


def _open_image(path: Path, max_pixels: int) -> Image.Image:
    try:
        with warnings.catch_warnings():
            # We apply our own pixel limit with a message naming the file; Pillow's warning is noise.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(path)
    except Image.DecompressionBombError as error:
        raise InputError(f"{path}: refused, the image is too large to be a page ({error})",
                         kind="capture.image_too_large", params=file_params(path)) from error
    except Image.UnidentifiedImageError as error:
        raise InputError(f"{path}: not an image or PDF this program can read", kind="capture.file_not_page",
                         params=file_params(path)) from error
    except Exception as error:  # noqa: BLE001 - Pillow reports damage with many types
        raise InputError(f"{path}: the image is damaged or truncated ({error!r})", kind="capture.image_damaged",
                         params=file_params(path)) from error
    try:
        check_pixels(str(path), image.size, max_pixels, params=file_params(path))
    except InputError:
        image.close()
        raise
    return image


def _damaged(named: dict[str, object]) -> str:
    """The kind of a damaged image: naming its page when the file has several."""
    return "capture.page_damaged" if "page" in named else "capture.image_damaged"


def _load_frame(image: Image.Image, where: str) -> Image.Image:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        image.load()
        upright = ImageOps.exif_transpose(image)  # phones store the sensor's orientation
    mode = "L" if upright.mode in ("1", "L", "I;16", "I", "F") else "RGB"
    if upright.mode in ("RGBA", "LA", "PA") or (upright.mode == "P" and "transparency" in upright.info):
        # Transparent parts are paper: flatten onto white, not black.
        canvas = Image.new("RGB", upright.size, "white")
        canvas.paste(upright.convert("RGBA"), mask=upright.convert("RGBA").getchannel("A"))
        return canvas
    if upright.mode in ("I;16", "I", "F"):
        return upright.point(lambda v: v / 256).convert("L")
    return upright.convert(mode)


def _file_dpi(image: Image.Image) -> float | None:
    """The resolution the file states, or None when it states none (or garbage like 1 or 72 000)."""
    value = image.info.get("dpi")
    if isinstance(value, tuple) and value and value[0]:
        dpi = float(value[0])
        if _DPI_RANGE[0] <= dpi <= _DPI_RANGE[1]:
            return dpi
    return None


def _photo_shaped(size: tuple[int, int], stated: float | None) -> bool:
    """A phone photo whose camera tags were stripped (messaging apps do): a camera frame's
    proportions (4:3, 16:9), millions of pixels, and no resolution or a screen default (72, 96)
    that would make the "page" over a metre long. A scan has a real resolution or A4 proportions."""
    width, height = size
    aspect = max(width, height) / max(1, min(width, height))
    camera_frame = any(abs(aspect / frame - 1) < 0.02 for frame in _CAMERA_ASPECTS)
    return camera_frame and width * height >= _PHOTO_MIN_PIXELS and (stated is None or stated <= 96)


def _from_camera(image: Image.Image) -> bool:
    try:
        exif = image.getexif()
    except Exception:  # noqa: BLE001 - a broken EXIF block only means "not known to be a photo"
        return False
    return any(exif.get(tag) for tag in _CAMERA_TAGS)


# ---------------------------------------------------------------------------------------------
# PDFs

def _pdf_pages(path: Path, *, dpi: float | None, kind: PageKind, max_pixels: int) -> Iterator[RawPage]:
    scan_dpis = _check_pdf(path)
    import pypdfium2

    document = open_pdf(path)
    try:
        for index in range(len(document)):
            where = f"{path} page {index + 1}"
            named = file_params(path, index + 1)
            page = document[index]
            try:
                render_dpi = dpi or (scan_dpis[index] if index < len(scan_dpis) else None) or DEFAULT_DPI
                width_in, height_in = page.get_width() / 72.0, page.get_height() / 72.0
                check_pixels(where, (round(width_in * render_dpi), round(height_in * render_dpi)), max_pixels,
                             params=named)
                bitmap = page.render(scale=render_dpi / 72.0)
                image = bitmap.to_pil().convert("RGB")
            except pypdfium2.PdfiumError as error:
                raise InputError(f"{where}: the page cannot be drawn ({error})", kind="capture.page_damaged",
                                 params=named) from error
            finally:
                page.close()
            yield RawPage(image, render_dpi, f"file:{where}", kind=kind)
    finally:
        document.close()


def _check_pdf(path: Path) -> list[float | None]:
    """Refuse encrypted PDFs and PDFs that would run something; the scan dpi of each page."""
    try:
        with pikepdf.open(path) as pdf:
            if pdf.is_encrypted:
                raise InputError(f"{path}: the PDF is encrypted; save an unprotected copy and import that",
                                 kind="capture.pdf_encrypted", params=file_params(path))
            found = _active_content(pdf)
            dpis = [_scan_dpi(page) for page in pdf.pages]
    except pikepdf.PasswordError as error:
        raise InputError(f"{path}: the PDF is encrypted with a password; "
                         "save an unprotected copy and import that", kind="capture.pdf_encrypted",
                         params=file_params(path)) from error
    except pikepdf.PdfError as error:
        raise InputError(f"{path}: the PDF is damaged ({error})", kind="capture.pdf_damaged",
                         params=file_params(path)) from error
    if found:
        raise InputError(f"{path}: refused, the PDF contains {found} (scripts or actions "
                         "that run on opening); print it to a new PDF or scan the paper instead",
                         kind="capture.pdf_active_content", params=file_params(path))
    return dpis


_SCRIPT_KEYS = {"/JS": "JavaScript", "/JavaScript": "JavaScript", "/Launch": "a launch action"}
_ACTION_KEYS = {"/OpenAction": "an open action", "/AA": "automatic actions",
                "/SubmitForm": "a form-submit action", "/ImportData": "an import-data action"}


def _active_content(pdf: pikepdf.Pdf) -> str:
    """The worst script or action found anywhere in the file, described, or ""."""
    actions = ""
    for obj in pdf.objects:
        if not isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
            continue
        keys = set(obj.keys())
        action = obj.get("/S")
        for key, words in _SCRIPT_KEYS.items():
            if key in keys or action == pikepdf.Name(key):
                return words  # a script or a program to run: name it, it is the worst case
        for key, words in _ACTION_KEYS.items():
            if not actions and (key in keys or action == pikepdf.Name(key)):
                actions = words
    return actions


def _scan_dpi(page: pikepdf.Page) -> float | None:
    """Resolution of the page-filling image of a scanned PDF page, or None if it is no scan.

    A scanned page is one image with the page's own proportions (under an invisible text layer,
    perhaps); it is drawn at that image's resolution, however low, exactly as the same image given
    as a file: never silently upsampled. Other pages (typeset, with small pictures) get None and
    are drawn at the default resolution.
    """
    try:
        width_in = float(page.mediabox[2] - page.mediabox[0]) / 72.0
        height_in = float(page.mediabox[3] - page.mediabox[1]) / 72.0
        sizes = [(int(image.Width), int(image.Height)) for image in page.get_images().values()]
    except (pikepdf.PdfError, KeyError, ValueError, TypeError, AttributeError):
        return None
    if not sizes or width_in <= 0 or height_in <= 0:
        return None
    width, height = max(sizes)
    if abs((width / max(1, height)) / (width_in / height_in) - 1) > 0.03:
        return None  # not the page's shape: a picture on a typeset page
    dpi = width / width_in
    if dpi < _DPI_RANGE[0]:
        return None
    return float(min(dpi, 600.0))
